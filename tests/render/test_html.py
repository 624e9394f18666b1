"""render/html.py and report.py: the self-contained HTML report (one subject, the matrix) and comparison.

What a browser does with these pages is tested in tests/test_report_browser.py; here, the bytes:
nothing fetched, language set, data escaped, the same bytes on every run, the rows and columns.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2.sandbox
import pytest

from helpers import REPO, lexgap
from lexgap.compare import Comparison
from lexgap.knowledge import Knowledge
from lexgap.render import html, render_bytes
from lexgap.report import Report, build_report

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
    assert page.count('<td class="cell') == len(BUNDLED_ROWS) * len(many.rules)
    # every cell says its outcome in a symbol and a word, never in colour alone
    for status, word in (("gap", "Gap"), ("not_assessable", "Not assessable"), ("met", "Met")):
        cells = re.findall(rf'<td class="cell s-{status}[^"]*"[^>]*>\s*<details><summary><span class="sym" '
                           rf'aria-hidden="true">.</span> {word}', page)
        assert len(cells) == sum(1 for s in many.subjects for c in s.cells.values() if c.status == status) > 0
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
