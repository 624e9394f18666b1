"""The HTML pages in a real browser: Debian's headless Chromium, driven by Playwright for Python.

The pages are written by the command line as a user would (`lexgap report legislation/ -o ...`,
`lexgap report romania-2020.yaml -o ...`, `lexgap compare ... -f html`) and opened from disk.
Checked: no console error and no request leaving the file; the matrix's rows and columns; a gap
cell opens its explanation and basis (by mouse and by keyboard); a filter hides met findings;
axe-core finds no serious or critical accessibility violation; print keeps a finding whole; the
page reads without JavaScript.  A screenshot of each page kind is saved in build/screenshots/
for a person to look at.  Skipped, saying why, only where Chromium, Playwright or axe-core is absent
(`.ci/run` installs Chromium with apt and axe-core with npm into .ci/node/).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import REPO, lexgap

CHROMIUM = Path(os.environ.get("LEXGAP_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(os.environ.get("LEXGAP_AXE_CORE", REPO / ".ci" / "node" / "node_modules" / "axe-core" / "axe.min.js"))
SCREENSHOTS = Path(os.environ.get("LEXGAP_SCREENSHOTS", REPO / "build" / "screenshots"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
CELLS = ".matrix tbody td:not(.tot)"
LARGE = 200  # subjects: more than render/html.MANY, so the explanations are the page's data
ROWS = ["meta-2021", "romania-2020", "romania-2024", "telegram-2021", "united-states-2021", "united-states-2026",
        "ro-bill-606-2019-government", "ro-bill-606-2019-tabled"]

if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, as .ci/run does)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed (test extra)")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("report")
    made = {"subject": folder / "subject.html", "matrix": folder / "matrix.html", "compare": folder / "compare.html"}
    for name, args in (("subject", ["romania-2020.yaml"]), ("matrix", ["legislation/"])):
        run = lexgap("report", *args, "-o", str(made[name]))
        assert run.code == 0, run.output
    run = lexgap("compare", "romania-2020.yaml", "romania-2024.yaml", "--bill", "ro-bill-606-2019-government",
                 "-f", "html")
    assert run.code == 0, run.output
    made["compare"].write_text(run.stdout, encoding="utf-8")
    return made


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report over LARGE synthetic subjects (small files: it builds in seconds), written twice by the command."""
    sys.path.insert(0, str(REPO))
    from bench.generate import write_corpus

    folder = tmp_path_factory.mktemp("large")
    write_corpus(folder / "corpus", LARGE, provisions=8)
    written = [folder / "first.html", folder / "second.html"]
    for path in written:
        run = lexgap("report", str(folder / "corpus"), "-o", str(path))
        assert run.code == 0, run.output
    assert written[0].read_bytes() == written[1].read_bytes()
    return written[0]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Opened:
    """A page opened from disk, with every console error and every request that left the file kept."""

    def __init__(self, browser: Any, path: Path, javascript: bool = True, width: int = 1400) -> None:
        self.context = browser.new_context(java_script_enabled=javascript, viewport={"width": width, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url.startswith("file:") else self.requests.append(r.url))
        self.page.goto(path.as_uri())

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def opened(browser: Any) -> Iterator[Any]:
    tabs: list[Opened] = []

    def open_page(path: Path, **options: Any) -> Opened:
        tabs.append(Opened(browser, path, **options))
        return tabs[-1]

    yield open_page
    for tab in tabs:
        tab.close()


def _shoot(tab: Opened, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000


@pytest.mark.parametrize("kind", ["subject", "matrix", "compare"])
def test_no_console_error_no_request_and_a_screenshot(opened: Any, pages: dict[str, Path], kind: str) -> None:
    tab = opened(pages[kind])
    assert tab.page.evaluate("document.documentElement.lang") == "en"
    if kind == "matrix":
        tab.page.locator("tr[data-name*='romania-2020'] td.g > a").first.click()
    _shoot(tab, kind)
    assert tab.errors == [] and tab.requests == []


def test_matrix_has_a_row_per_bundled_subject_and_a_column_per_rule(opened: Any, pages: dict[str, Path]) -> None:
    from lexgap.knowledge import load_knowledge

    tab = opened(pages["matrix"])
    rows = tab.page.locator(".matrix tbody th.subject code.sid").all_inner_texts()
    assert rows == ROWS
    rules = tab.page.locator(".matrix thead th.rule-h").evaluate_all("els => els.map(e => e.dataset.rule)")
    assert sorted(rules) == sorted(r.id for r in load_knowledge().rules)
    areas = tab.page.locator(".matrix thead th.area-h").all_inner_texts()
    assert areas == ["Online violence", "Child sexual abuse material",
                     "Self-generated images and the definition of abuse material", "Trafficking", "Remedies",
                     "Company practice"]
    assert tab.page.locator(CELLS).count() == len(ROWS) * len(rules)
    assert tab.page.locator(".matrix tfoot tr").count() == 3  # totals per column, by status


def _cell(tab: Opened, subject: str, rule: str) -> Any:
    rules = tab.page.locator(".matrix thead th.rule-h").evaluate_all("els => els.map(e => e.dataset.rule)")
    return tab.page.locator(f"tr[data-name$=' {subject}'] > td").nth(rules.index(rule))


def test_clicking_a_gap_cell_shows_its_explanation_and_basis(opened: Any, pages: dict[str, Path]) -> None:
    tab = opened(pages["matrix"])
    cell = _cell(tab, "romania-2020", "limited-to-domestic-relationships")
    explanation = tab.page.locator("#explain")
    assert cell.get_attribute("class") == "g" and cell.inner_text() == "Gap"  # a word, and a symbol before it:
    symbol = cell.locator("a").evaluate("a => getComputedStyle(a, '::before').content")
    assert symbol.startswith('"\u2717')
    assert not explanation.is_visible()
    cell.locator("a").click()
    assert explanation.is_visible()
    assert explanation.locator("h2").inner_text() == "limited to domestic relationships on romania-2020"
    text = explanation.inner_text()
    assert "Why:" in text and "family member" in text
    assert "Basis" in text and "CEDAW" in text and "para. 20" in text
    tab.page.keyboard.press("Escape")
    assert not explanation.is_visible()
    assert tab.page.evaluate("document.activeElement.getAttribute('href')") == cell.locator("a").get_attribute("href")


def test_keyboard_alone_opens_a_cell(opened: Any, pages: dict[str, Path]) -> None:
    tab = opened(pages["matrix"])
    tab.page.keyboard.press("Tab")  # the skip link first
    assert tab.page.evaluate("document.activeElement.className") == "skip"
    tab.page.keyboard.press("Enter")
    in_cell = "!!document.activeElement.closest('.matrix tbody td')"
    for _ in range(60):  # from the content, through the filters, to the first cell
        tab.page.keyboard.press("Tab")
        if tab.page.evaluate(in_cell):
            break
    assert tab.page.evaluate(in_cell)
    tab.page.keyboard.press("Enter")
    assert tab.page.locator("#explain").is_visible()
    assert tab.page.evaluate("document.activeElement.id") == "explain"  # focus moves into the explanation
    tab.page.keyboard.press("Escape")
    assert tab.page.evaluate(in_cell)  # and back to its cell
    where = "[document.activeElement.parentElement.cellIndex, document.activeElement.closest('tr').dataset.order]"
    column, row = tab.page.evaluate(where)
    tab.page.keyboard.press("ArrowDown")  # arrows move between cells that open (the next row's, here)
    below = tab.page.evaluate(where)
    assert below[0] == column and int(below[1]) > int(row)
    tab.page.keyboard.press("ArrowUp")
    assert tab.page.evaluate(where) == [column, row]


def test_a_status_filter_hides_met_findings(opened: Any, pages: dict[str, Path]) -> None:
    tab = opened(pages["subject"])
    met = tab.page.locator("article.finding[data-status='met']")
    assert met.count() == 33 and met.first.is_visible()
    tab.page.locator(".filters [data-filter='status'] input[value='met']").uncheck()
    assert all(not m.is_visible() for m in met.all())
    assert tab.page.locator("article.finding[data-status='gap']").first.is_visible()
    assert tab.page.locator(".filters .shown").inner_text() == "29 of 62 findings shown"


def test_matrix_filters_and_sorting(opened: Any, pages: dict[str, Path]) -> None:
    tab = opened(pages["matrix"])
    business = tab.page.locator(".matrix th.rule-h[data-area='business']")
    assert business.count() == 11 and business.first.is_visible()
    tab.page.locator(".filters [data-filter='area'] input[value='business']").uncheck()
    assert not business.first.is_visible()
    met = tab.page.locator(".matrix td.m > a").first
    tab.page.locator(".filters [data-filter='status'] input[value='met']").uncheck()
    assert not met.is_visible()
    tab.page.select_option("#sort", "name")
    names = tab.page.locator(".matrix tbody th.subject code.sid").all_inner_texts()
    assert names == sorted(names) and names[0] == "meta-2021" and names[-1] == "united-states-2026"


def test_readable_without_javascript(opened: Any, pages: dict[str, Path]) -> None:
    tab = opened(pages["subject"], javascript=False)
    assert not tab.page.locator(".filters").is_visible()  # no control that would do nothing
    assert all(a.is_visible() for a in tab.page.locator("article.finding").all()[:59])
    assert tab.page.locator("article.finding").count() == 62
    matrix = opened(pages["matrix"], javascript=False)
    cell = _cell(matrix, "romania-2020", "limited-to-domestic-relationships").locator("a")
    cell.click()  # a cell links to its explanation, written below the matrix
    target = matrix.page.locator(".ex:target")
    assert target.is_visible() and "family member" in target.inner_text() and "CEDAW" in target.inner_text()
    target.locator("a", has_text="Back to the cell").click()
    assert matrix.page.evaluate("location.hash") == "#" + cell.get_attribute("id")


def test_print_stylesheet_keeps_a_finding_whole_on_a4(opened: Any, pages: dict[str, Path], tmp_path: Path) -> None:
    tab = opened(pages["subject"])
    tab.page.emulate_media(media="print")
    assert tab.page.locator("article.finding").first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    assert not tab.page.locator(".filters").is_visible()
    pdf = tab.page.pdf(path=str(tmp_path / "r.pdf"), prefer_css_page_size=True)
    boxes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert pdf.startswith(b"%PDF") and len(boxes) == 1  # every page the same size: A4, 595 x 842 points
    width, height = (round(float(v)) for v in boxes.pop())
    assert (width, height) == (595, 842)


def test_a_large_report_opens_filters_and_explains_a_cell(opened: Any, large: Path) -> None:
    from lexgap.knowledge import load_knowledge

    tab = opened(large)
    assert tab.page.locator(".matrix tbody tr").count() == LARGE
    assert tab.page.locator("table.matrix").count() == 2  # written as tables of 100 rows, in line
    rules = tab.page.locator("#matrix thead th.rule-h").evaluate_all("els => els.map(e => e.dataset.rule)")
    assert set(rules) <= {r.id for r in load_knowledge().rules} and len(rules) > 20
    assert tab.page.locator(CELLS).count() == LARGE * len(rules)
    assert tab.page.locator("script#cells[type='application/json']").count() == 1
    assert tab.page.locator(".explanations").count() == 0
    # a gap cell opens on its explanation: the provision, lexgap's reason, the basis
    cell = tab.page.locator("tr[data-name$=' synth-0003'] > td.g > a").first
    cell.click()
    explanation = tab.page.locator("#explain")
    assert explanation.is_visible()
    text = explanation.inner_text()
    assert "synth-0003" in text and "Why:" in text and "Synthetic provision" in text and "Basis" in text
    _shoot(tab, "matrix-large")
    tab.page.keyboard.press("Escape")
    assert not explanation.is_visible()
    # the status filter hides the met cells (a class on the table), the area filter a column
    met = tab.page.locator(".matrix td.m > a")
    assert met.first.is_visible()
    tab.page.locator(".filters [data-filter='status'] input[value='met']").uncheck()
    assert not met.first.is_visible() and not met.nth(met.count() - 1).is_visible()
    assert tab.page.locator(".matrix td.g > a").first.is_visible()
    column = rules.index("csam-offence-offline-only") + 2  # the subject's header is the first child
    csam = tab.page.locator(f".matrix tbody tr:first-child > td:nth-child({column})").first
    assert csam.is_visible()
    tab.page.locator(".filters [data-filter='area'] input[value='csam']").uncheck()
    assert not csam.is_visible()
    assert tab.errors == [] and tab.requests == []


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core not found at {AXE} (.ci/run installs it with npm)")
@pytest.mark.parametrize("kind", ["subject", "matrix", "compare", "large"])
def test_axe_finds_no_serious_accessibility_violation(opened: Any, pages: dict[str, Path], kind: str,
                                                      request: pytest.FixtureRequest) -> None:
    tab = opened(request.getfixturevalue("large") if kind == "large" else pages[kind])
    if kind in ("matrix", "large"):
        tab.page.locator("td.g > a").first.click()
    tab.page.add_script_tag(path=str(AXE))
    result = tab.page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                       first: v.nodes[0].html.slice(0, 160)}));
    }""")
    serious = [v for v in result if v["impact"] in ("serious", "critical")]
    assert serious == []
    assert tab.errors == []


@pytest.mark.skipif(not AXE.exists(), reason=f"axe-core not found at {AXE} (.ci/run installs it with npm)")
def test_axe_does_report_a_serious_violation_when_there_is_one(opened: Any, tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><main><p style="color:#bbb;'
                   'background:#fff">faint</p><img src="data:,"></main></body></html>', encoding="utf-8")
    tab = opened(bad)
    tab.page.add_script_tag(path=str(AXE))
    found = tab.page.evaluate("async () => (await axe.run()).violations.map(v => v.id + ':' + v.impact)")
    assert "color-contrast:serious" in found and "html-has-lang:serious" in found
