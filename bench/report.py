"""The HTML report over many subjects: `python bench/report.py [COUNT]` (default 1,000).

Writes COUNT synthetic jurisdictions (bench/generate.py, seeded, 50 provisions each) to a
temporary folder, runs `lexgap report FOLDER -o report.html` as a user would, and prints: the
time to write the report, its size, and in Debian's headless Chromium (driven by Playwright, as
the browser tests are) the time to open it (load event), to apply a filter (uncheck an area, then
a status), a sort, and to open a gap cell's explanation.  Targets are printed beside each figure,
with pass or FAIL; nothing is asserted: this is a measurement, not a test (never run in the suite).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import write_corpus

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SIZE_TARGET_MB = 10  # the size the README states the 1,000-subject report stays under
OPEN_TARGET_S = 5.0
FILTER_TARGET_S = 2.0
OPEN_LIMIT_S = 120  # give up opening after this long


def browser_times(page_path: Path) -> dict[str, float]:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    times: dict[str, float] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        start = time.perf_counter()
        try:
            page.goto(page_path.as_uri(), wait_until="load", timeout=OPEN_LIMIT_S * 1000)
        except PlaywrightTimeout:  # said, not hidden: the page did not open in time
            times["open"] = float("inf")
            browser.close()
            return times
        times["open"] = time.perf_counter() - start
        for name, action in (
            ("filter area", "input[value='csam']"),
            ("filter status", "[data-filter='status'] input[value='met']"),
        ):
            start = time.perf_counter()
            page.locator(f".filters {action}").uncheck()
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
            times[name] = time.perf_counter() - start
        start = time.perf_counter()
        page.select_option("#sort", "gap")
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        times["sort"] = time.perf_counter() - start
        start = time.perf_counter()
        page.locator(".matrix tbody td.g > a").first.click()
        page.locator("#explain").wait_for(state="visible")
        times["open a cell"] = time.perf_counter() - start
        times["rows"] = float(page.locator(".matrix tbody tr").count())
        times["console errors"] = float(len(errors))
        browser.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("--keep", type=Path, help="copy the report written here")
    parser.add_argument("--page", type=Path, help="time this report in Chromium instead of writing one")
    args = parser.parse_args()
    if args.page:
        return report_times(args.page)
    with tempfile.TemporaryDirectory(prefix="lexgap-report-bench-") as scratch:
        folder = Path(scratch) / "corpus"
        start = time.perf_counter()
        write_corpus(folder, args.count)
        print(f"corpus: {args.count} synthetic jurisdictions x 50 provisions, written in "
              f"{time.perf_counter() - start:.1f} s")
        output = Path(scratch) / "report.html"
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "lexgap.cli", "report", str(folder), "-o", str(output)],
                              capture_output=True, text=True, env={"LEXGAP_CACHE_DIR": str(Path(scratch) / "cache"),
                                                                   "PATH": "/usr/bin:/bin"})
        written = time.perf_counter() - start
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        size = output.stat().st_size / 1e6
        print(f"lexgap report: {written:.1f} s (assessing every subject included)")
        print(f"size: {size:.1f} MB ({size * 1000 / args.count:.1f} KB a subject)   target < {SIZE_TARGET_MB} MB "
              f"for 1,000: {'pass' if size < SIZE_TARGET_MB * max(1, args.count / 1000) else 'FAIL'}")
        if args.keep:
            shutil.copyfile(output, args.keep)
        return report_times(output)


def report_times(page: Path) -> int:
    times = browser_times(page)
    if times["open"] == float("inf"):
        print(f"chromium: did not reach the load event within {OPEN_LIMIT_S} s   target <= {OPEN_TARGET_S} s: FAIL")
        return 0
    print(f"chromium: {int(times['rows'])} rows, {int(times['console errors'])} console errors")
    print(f"  open (load event)  {times['open']:6.2f} s   target <= {OPEN_TARGET_S} s: "
          f"{'pass' if times['open'] <= OPEN_TARGET_S else 'FAIL'}")
    for name in ("filter area", "filter status", "sort", "open a cell"):
        print(f"  {name:<17} {times[name]:6.2f} s   target <= {FILTER_TARGET_S} s: "
              f"{'pass' if times[name] <= FILTER_TARGET_S else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
