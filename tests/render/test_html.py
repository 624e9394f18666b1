"""render/html.py and report.py: the self-contained HTML report (one subject, the matrix) and comparison.

What a browser does with these pages is tested in tests/test_report_browser.py; here, the bytes:
nothing fetched, language set, data escaped, the same bytes on every run, the rows and columns.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from pathlib import Path
from typing import Any

import jinja2.sandbox
import pytest

from helpers import REPO, lexgap
from lexgap.compare import Comparison
from lexgap.knowledge import Knowledge
from lexgap.render import html, render_bytes
from lexgap.report import Report, build_report

sys.path.insert(0, str(REPO))
from bench.generate import write_corpus

#: A report over more than html.MANY subjects (synthetic, small files, so that it builds in seconds).
LARGE = 200

BUNDLED_ROWS = ["meta-2021", "romania-2020", "romania-2024", "telegram-2021", "united-states-2021",
                "united-states-2026", "ro-bill-606-2019-government", "ro-bill-606-2019-tabled"]


@pytest.fixture(scope="module")
def one(knowledge: Knowledge) -> Report:
    found, problems = build_report(["romania-2020.yaml"], knowledge)
    assert found is not None, problems
    return found


@pytest.fixture(scope="module")
def many(knowledge: Knowledge) -> Report:
    found, problems = build_report([str(REPO / "legislation")], knowledge)
    assert found is not None, problems
    return found


@pytest.fixture(scope="module")
def large(knowledge: Knowledge, tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, LARGE, provisions=8)
    found, problems = build_report([str(folder)], knowledge)
    assert found is not None, problems
    return found


def _self_contained(page: str) -> None:
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n')
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r"\bsrc=", page)  # no script, image or frame from anywhere
    assert page.count("<script>") == 1 and page.count("<style>") == 1  # both inline


def test_one_subject_summary_groups_sources_and_questions(one: Report) -> None:
    page = html.render_report(one)
    _self_contained(page)
    subject = one.subjects[0]
    assert subject.counts == {"gap": 7, "not_assessable": 22, "met": 33}
    assert "<title>Romania: findings as of 2021-01-25</title>" in page
    assert page.count('<article class="finding') == 62
    assert page.count('data-status="gap"') == 7
    assert "<h3>Law 217/2003 (domestic violence)</h3>" in page
    # a finding: the law in our words, the reason, the basis with pinpoints, the sources' levels, the URL
    article = page[page.index('id="finding-limited-to-domestic-relationships@ro/act/2003/217~art_4__para_1__lit_h"'):]
    article = article[:article.index("</article>")]
    assert "The law, in lexgap's words:" in article and "Why:" in article
    assert "CEDAW GR 35 para. 20" in article or "para. 20" in article
    assert "unverified (taken as given)" in article or "secondary (not checked" in article
    assert 'href="https://' in article and "provision text" in article
    # the letter's questions, numbered as the letter numbers them
    assert "The questions the letter would ask" in page
    assert page.count("<li>Please") >= 7


def test_matrix_rows_columns_areas_totals_and_changes(many: Report, knowledge: Knowledge) -> None:
    page = html.render_report(many)
    _self_contained(page)
    assert [s.id for s in many.subjects] == BUNDLED_ROWS
    assert len(many.rules) == len(knowledge.rules) == page.count('class="rule-h"')
    assert [a for a, _ in many.areas] == ["online-violence", "csam", "csam-depth", "trafficking", "remedies",
                                                 "business"]
    assert page.count("<tr data-name=") == len(BUNDLED_ROWS)
    cells = re.findall(r'<td class="([gnmo])( c[ic])?">(.*)</td>', page)
    assert len(cells) == len(BUNDLED_ROWS) * len(many.rules)
    # every cell says its outcome in a word (the stylesheet adds the symbol), never in colour alone; a cell
    # with a finding links to its explanation, written once below the matrix so that it reads without JavaScript
    for status, word in (("gap", "Gap"), ("not_assessable", "Not assessable"), ("met", "Met")):
        found = [text for short, _, text in cells if short == html.SHORT[status]]
        assert len(found) == sum(1 for s in many.subjects for c in s.cells.values() if c.status == status) > 0
        assert all(re.fullmatch(rf'<a href="#x(\d+)-(\d+)" id="c\1-\2">{word}( <b>\d+ (new|closed)</b>)*</a>', text)
                   for text in found)
    for row, column in re.findall(r'<a href="#x(\d+)-(\d+)"', page):
        assert f'<section class="ex" id="x{row}-{column}">' in page and f'href="#c{row}-{column}"' in page
    assert '<script type="application/json"' not in page
    assert ".matrix td.g > a::before { content: \"\\2717\\00a0\"" in page
    # romania-2024 is read against romania-2020, a bill against the law it amends
    by_id = {subject.id: subject for subject in many.subjects}
    later = by_id["romania-2024"]
    assert later.follows == "romania-2020" and by_id["ro-bill-606-2019-government"].follows == "romania-2020"
    assert later.cells["public-interest-exception"].change == "closed"
    assert later.cells["public-interest-exception"].status == "met"
    government = by_id["ro-bill-606-2019-government"].cells["intent-to-harm-requirement"]
    assert government.change == "introduced"
    assert government.introduced == ("intent-to-harm-requirement@ro/bill/2019/606~art_1",)
    tabled = by_id["ro-bill-606-2019-tabled"]
    assert tabled.cells["intent-to-harm-requirement"].change is None  # the bill as tabled adds none
    assert "<strong>New gaps</strong> against <code>romania-2020</code>" in page
    totals = many.column_totals()["limited-to-domestic-relationships"]
    assert totals == {"gap": 4, "not_assessable": 0, "met": 2}  # Romania gaps; the two US files meet it


def _data(page: str) -> tuple[str, dict[str, Any]]:
    opening = '<script type="application/json" id="cells">'
    start = page.index(opening) + len(opening)
    text = page[start:page.index("</script>", start)]
    return text, json.loads(text)


def test_a_large_matrix_holds_each_text_once_in_its_data(large: Report) -> None:
    assert LARGE > html.MANY
    page = html.render_report(large)
    _self_contained(page)
    cells = re.findall(r'<td class="([gnmo])( c[ic])?">(.*)</td>', page)
    assert len(cells) == LARGE * len(large.rules) and page.count("<tr data-name=") == LARGE
    assert all(text == "No finding" or re.fullmatch(r'<a href="#x\d+-\d+">[A-Za-z ]+</a>', text)
               for _, _, text in cells)  # short: no explanation, no id, no attribute beyond the class
    assert '<section class="ex"' not in page and "<noscript>" in page
    text, data = _data(page)
    assert "<" not in text and ">" not in text and "&" not in text
    strings = data["t"]
    assert len(strings) == len(set(strings))  # every text once
    assert len(data["c"]) == LARGE and all(len(row) == len(large.rules) for row in data["c"])
    # a gap cell's data gives back its first decisive finding: provision, reason, and the rule's basis
    subject = large.subjects[0]
    column, rule = next((i, r) for i, r in enumerate(large.rules) if subject.cells.get(r.id)
                        and subject.cells[r.id].status == "gap")
    cell, value = subject.cells[rule.id], data["c"][0][column]
    count, decisive, basis, full, named = value[:5]
    assert (count, decisive) == (cell.count, len(cell.findings))
    first = cell.findings[0]
    assert ". ".join(strings[i] for i in full[0][1]) == first.reason
    assert strings[full[0][0][0][0]] == first.provisions[0].id
    assert [strings[i] for i in named] == [f.provisions[0].id if f.provisions else "the law as a whole"
                                           for f in cell.findings[html.CELL_FINDINGS_MANY:]]
    assert strings[data["b"][basis][0][0]] == f"{first.basis[0].instrument} {first.basis[0].pinpoint}"
    assert all(row[column] == 0 for row, s in zip(data["c"], large.subjects, strict=True) if rule.id not in s.cells)
    # small: 200 subjects of eight provisions each by some 30 rules give about 1 MB
    assert len(page.encode()) < 2_000_000


def test_the_data_of_a_large_matrix_cannot_close_its_script_element(large: Report) -> None:
    subject = large.subjects[0]
    rule, cell = next((r, c) for r, c in subject.cells.items() if c.status == "gap")
    hostile = "</script><script>alert(1)</script> & <!--"
    changed = dataclasses.replace(cell.findings[0], reason=hostile)
    subject.cells[rule] = dataclasses.replace(cell, findings=[changed, *cell.findings[1:]])
    try:
        page = html.render_report(large)
    finally:
        subject.cells[rule] = cell
    assert "<script>alert" not in page and page.count("</script>") == 2
    _, data = _data(page)
    assert hostile in data["t"]


def test_user_data_is_escaped_and_templates_render_in_the_sandbox(one: Report) -> None:
    assert isinstance(html.environment(), jinja2.sandbox.SandboxedEnvironment)
    assert html.environment().autoescape is True
    one.subjects[0].name = '<script>alert("x")</script>'
    try:
        page = html.render_report(one)
    finally:
        one.subjects[0].name = "Romania"
    assert "<script>alert" not in page and "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page


def test_comparison_page_side_by_side_and_facts(comparisons: list[Comparison]) -> None:
    page = html.render_comparisons(comparisons)
    _self_contained(page)
    assert "<h1>What changes from Romania (romania-2020, 2021-01-25)</h1>" in page
    assert '<th scope="col">romania-2020 (base)</th><th scope="col">romania-2024</th>' in page
    assert 'id="ch-closed">Gaps and findings closed (3)</h2>' in page
    assert 'id="ch-introduced">Gaps and findings introduced (0)</h2>' in page
    assert "Facts changed" in page and "<caption>Provision facts that differ" in page
    assert "Nothing to compare." in html.render_comparisons([])


def test_report_and_compare_commands_write_the_same_bytes_twice(tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    for target in (first, second):
        run = lexgap("report", "legislation/", "-o", str(target))
        assert run.code == 0, run.output
    assert first.read_bytes() == second.read_bytes()
    assert lexgap("report", "romania-2020.yaml").stdout == lexgap("report", "romania-2020.yaml").stdout
    compared = lexgap("compare", "romania-2020.yaml", "romania-2024.yaml", "--bill", "ro-bill-606-2019-government",
                      "-f", "html")
    assert compared.code == 0 and compared.stdout.startswith("<!DOCTYPE html>")
    assert compared.stdout == render_bytes("compare", "html", []).decode() or "introduced" in compared.stdout


def test_report_refuses_bad_input_with_a_located_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: jurisdiction\nid: x\n", encoding="utf-8")
    run = lexgap("report", str(bad), "-o", str(tmp_path / "r.html"))
    assert run.code == 2 and "Traceback" not in run.output
    assert re.search(rf"{re.escape(str(bad))}:\d+:\d+: ", run.stderr)
    assert not (tmp_path / "r.html").exists()
    existing = tmp_path / "exists.html"
    existing.write_text("keep", encoding="utf-8")
    refused = lexgap("report", "romania-2020.yaml", "-o", str(existing))
    assert refused.code != 0 and existing.read_text(encoding="utf-8") == "keep"
