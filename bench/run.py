"""How lexgap's cost grows, measured against the floor: `python bench/run.py`.

Every figure is measured in this one run, so that the ratios hold on a noisy machine, and every time
is CPU time (user and system, of the process and the processes it waited for), not the clock: on a
shared machine the clock measures the neighbours (the `--jobs 2` speed-up alone is by the clock):

* a seeded corpus of 1,000 synthetic jurisdictions of 50 provisions (bench/generate.py) is
  written to a temporary directory; size N is its first N files;
* lexgap: `lexgap.batch.assess_many` in process, with the renderer of `lexgap assess DIR -f json`
  (one JSON object per line), in a fresh child process per size; the time covers loading the
  knowledge, compiling the rules, reading and validating every file, the engine, the findings
  and the rendering (not the interpreter start: that is the cold start row);
  peak memory is that child's maximum resident set size;
* the floor: bench/reference.py evaluating the same compiled engine rules over the same facts
  (`lexgap.facts.coverage_facts`), timed on the evaluation alone;
* the end-to-end floor: the same files read (libyaml's events to plain data, no line marks), validated
  (pydantic), evaluated (bench/reference.py), worded (lexgap's own findings: the words are the
  product) and encoded (json) to the same JSON lines, timed like lexgap from loading the knowledge
  on; its output's sha256 is compared with lexgap's.  Both ratios are printed: eval-only (the old
  one) and end to end;
* JSON bytes per jurisdiction in contract version 1 (-f json) and version 2 (-f json2, what findings
  share written once per document, reasons as parts), over the first 100 files;
* cold start: `lexgap assess romania-2020.yaml` as a whole process against
  `python -c "import pydantic, typer, rich, yaml, durable.lang"`, median of several runs, with
  the knowledge cache (lexgap.cache, kept in the scratch folder) filled, and without it;
  then the steps of that run timed inside fresh processes;
* where one jurisdiction's time goes: each step of the assessment timed alone over the first
  100 files, against the floor and against libyaml's bare event stream;
* `--jobs 2` at 1,000 (assess_many with jobs=2), and a check that its output equals jobs=1.

`python bench/run.py --scale 10000` instead measures only how lexgap scales from 1,000 to N
jurisdictions: one process assesses the corpus's first N files and reports its CPU time and resident
memory after each thousand (target: the time of N within 10 % of N/1,000 times that of the first
thousand; memory that does not grow with the files).  About 1.5 minutes per thousand files.

Targets are printed next to the figures as pass/fail; nothing here is asserted in a test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SIZES = (1, 10, 100, 1000)
COLD_RUNS = 15


# --- measured in child processes -------------------------------------------------------


def child_lexgap(folder: Path, count: int, jobs: int) -> dict[str, Any]:
    """Assess the first `count` files in this process, as `lexgap assess DIR -f json --jobs N` does."""
    from lexgap.batch import assess_many
    from lexgap.knowledge import load_knowledge
    from lexgap.paths import yaml_files
    from lexgap.render.json import render_line

    paths = yaml_files(folder)[:count]
    digest = hashlib.sha256()
    failures = 0
    written = 0
    start, cpu = time.perf_counter(), _cpu()
    knowledge = load_knowledge()
    for result in assess_many(paths, knowledge, None, render_line, jobs):
        text = result.text
        if text is None:
            failures += 1
        else:
            data = text.encode()
            written += len(data)
            digest.update(data)
    wall = time.perf_counter() - start
    seconds = _cpu() - cpu  # the workers' too, with --jobs: they have ended
    peak_kb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return {"seconds": seconds, "wall": wall, "peak_mb": peak_kb / 1024, "sha256": digest.hexdigest(),
            "failures": failures, "provisions": count * 50, "bytes": written}


def _cpu() -> float:
    """CPU seconds of this process and of its ended children: on a shared machine the wall clock measures
    the neighbours, CPU time (much less) the work."""
    own, ended = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + ended.ru_utime + ended.ru_stime


def child_floor(sizes: list[int]) -> dict[str, Any]:
    """Time the reference evaluator over the facts of the first N jurisdictions, for each N."""
    from bench.generate import jurisdiction
    from bench.reference import ReferenceAssessor
    from lexgap.facts import coverage_facts
    from lexgap.knowledge import load_knowledge
    from lexgap.models import Jurisdiction

    knowledge = load_knowledge()
    reference = ReferenceAssessor(knowledge)
    # The subjects are validated from the generator's data (the files are its YAML dump), to save
    # reading 1,000 files twice; tests/test_bench_agreement.py checks the two agree on the files.
    facts = [coverage_facts(Jurisdiction.model_validate(jurisdiction(i))) for i in range(max(sizes))]
    result: dict[str, Any] = {"facts_per_jurisdiction": sum(len(f) for f in facts) / len(facts)}
    for size in sizes:
        start = _cpu()
        matches = sum(len(reference.matches(f)) for f in facts[:size])
        result[str(size)] = {"seconds": _cpu() - start, "matches": matches}
    return result


def child_end_to_end_floor(folder: Path, sizes: list[int]) -> dict[str, Any]:
    """The end-to-end floor: the same files read, evaluated and rendered to the same JSON lines, cheaply.

    Per file: libyaml's events straight to plain data with no line marks (the fastest reader we have:
    lexgap's own marks-free one, `lexgap.loading._plain`, which builds the same data about twice as fast as
    `yaml.load(..., CSafeLoader)`), pydantic's compiled validation, `lexgap.facts`, bench/reference.py's
    plain-Python evaluation instead of durable-rules, lexgap's own finding words (the text is the product:
    the same bytes or no floor), and the standard library's JSON encoder (orjson is not in the lock); the
    garbage collector paused per file as lexgap does.  The output's sha256 is returned, so the table can
    say whether the floor wrote what lexgap writes.
    """
    import gc

    import yaml

    from bench.reference import ReferenceAssessor
    from lexgap.facts import coverage_facts
    from lexgap.knowledge import load_knowledge
    from lexgap.loading import _plain
    from lexgap.models import Jurisdiction
    from lexgap.paths import yaml_files
    from lexgap.render.json import render_line

    paths = yaml_files(folder)[:max(sizes)]
    result: dict[str, Any] = {}
    start = _cpu()
    knowledge = load_knowledge()
    reference = ReferenceAssessor(knowledge)
    digest = hashlib.sha256()
    for done, path in enumerate(paths, start=1):
        gc.disable()
        data = _plain(yaml.parse(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader))
        subject = Jurisdiction.model_validate(data)
        assessment = reference.assessment(subject, reference.matches(coverage_facts(subject)))
        digest.update(render_line(assessment).encode())
        gc.enable()
        if done in sizes:
            result[str(done)] = {"seconds": _cpu() - start, "sha256": digest.hexdigest()}
    return result


def child_bytes(folder: Path, count: int) -> dict[str, Any]:
    """JSON bytes per jurisdiction over the first `count` files, in contract version 1 (-f json) and 2 (json2)."""
    from lexgap.batch import assess_many
    from lexgap.knowledge import load_knowledge
    from lexgap.paths import yaml_files
    from lexgap.render.json import render_line, render_line_2

    paths = yaml_files(folder)[:count]
    knowledge = load_knowledge()
    sizes = {}
    for version, render in (("1", render_line), ("2", render_line_2)):
        sizes[version] = sum(len(r.text.encode()) for r in assess_many(paths, knowledge, None, render, 1)
                             if r.text is not None) / count
    return sizes


def child_phases(folder: Path, count: int) -> dict[str, Any]:
    """Where one jurisdiction's time goes: each step of `lexgap assess` timed on its own."""
    import yaml

    from bench.reference import ReferenceAssessor
    from lexgap.assess import Assessment, Assessor, Finding, _jurisdiction_findings
    from lexgap.facts import REPLACES_SLOTS, coverage_facts
    from lexgap.knowledge import check_subject, load_knowledge
    from lexgap.loading import read_yaml, validate
    from lexgap.models import Jurisdiction
    from lexgap.paths import yaml_files
    from lexgap.render.json import render_line

    knowledge = load_knowledge()
    reference = ReferenceAssessor(knowledge)
    spent = dict.fromkeys(PHASES, 0.0)
    with Assessor(knowledge) as assessor:
        for replaced in range(REPLACES_SLOTS + 1):  # registered before the clock runs, whichever a file needs
            assessor.packs_for("jurisdiction", replaced)
        for path in yaml_files(folder)[:count]:
            clock = time.process_time()
            loaded = read_yaml(path)
            spent["read YAML"] -= clock - (clock := time.process_time())
            subject = validate(loaded, Jurisdiction)
            assert subject is not None and not check_subject(subject, loaded, knowledge), path
            spent["validate"] -= clock - (clock := time.process_time())
            facts = coverage_facts(subject)
            spent["facts"] -= clock - (clock := time.process_time())
            matches, _ = assessor._run("jurisdiction", facts)
            spent["engine (durable-rules)"] -= clock - (clock := time.process_time())
            findings = _jurisdiction_findings(assessor, subject, matches)
            findings.sort(key=Finding.sort_key)
            assessment = Assessment(subject.id, "jurisdiction", subject.name, subject.as_of.isoformat(), findings, [])
            spent["findings"] -= clock - (clock := time.process_time())
            render_line(assessment)
            spent["render JSON"] -= clock - (clock := time.process_time())
            reference.matches(facts)
            spent["floor"] -= clock - (clock := time.process_time())
            for _ in yaml.parse(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader):
                pass
            spent["parse events only"] -= clock - (clock := time.process_time())
    return {name: seconds * 1000 / count for name, seconds in spent.items()}


PHASES = ("read YAML", "validate", "facts", "engine (durable-rules)", "findings", "render JSON", "floor",
          "parse events only")
PHASE_SIZE = 100


def child_cold() -> dict[str, Any]:
    """The steps of `lexgap assess romania-2020.yaml` in this fresh process, after the interpreter starts
    (both renderers are timed: the terminal report is the default, JSON the batch form)."""
    marks = [time.process_time()]
    import durable.lang  # noqa: F401
    import pydantic  # noqa: F401
    import rich  # noqa: F401
    import typer  # noqa: F401
    import yaml  # noqa: F401

    marks.append(time.process_time())
    from lexgap.assess import Assessor
    from lexgap.batch import assess_many  # noqa: F401
    from lexgap.cli import _terminal_text
    from lexgap.knowledge import load_knowledge, load_subject
    from lexgap.paths import resolve_subject
    from lexgap.render.json import render_assessment

    marks.append(time.process_time())
    knowledge = load_knowledge()
    marks.append(time.process_time())
    subject, _ = load_subject(resolve_subject("romania-2020.yaml"), knowledge)
    assert subject is not None
    marks.append(time.process_time())
    with Assessor(knowledge, keep_packs=False) as assessor:  # as `lexgap assess FILE` does
        assessment = assessor.assess(subject)
        marks.append(time.process_time())
        render_assessment(assessment)
        marks.append(time.process_time())
        _terminal_text(assessment)
        marks.append(time.process_time())
    names = ("import floor modules", "import lexgap", "knowledge (cache)", "read + validate romania-2020",
             "assess (packs from the cache, each registered, evaluated, freed)", "render JSON",
             "render the terminal report (rich)")
    return {name: (after - before) * 1000 for name, before, after in zip(names, marks[:-1], marks[1:], strict=True)}


def _child(*args: str) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"child {args} failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- cold start -----------------------------------------------------------------------------


def _lexgap_command() -> list[str]:
    script = Path(sys.executable).parent / "lexgap"
    if script.exists():
        return [str(script)]
    found = shutil.which("lexgap")
    return [found] if found else [sys.executable, "-m", "lexgap.cli"]


def _wall(command: list[str], cache: Path, **env: str) -> float:
    """The CPU seconds (user and system) of one whole process running `command` (see `_cpu`)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                   env={**os.environ, "COLUMNS": "120", "LEXGAP_CACHE_DIR": str(cache), **env})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def cold_start(scratch: Path) -> dict[str, float]:
    """Whole processes, medians of interleaved runs; the knowledge cache starts empty in `scratch`."""
    cache = scratch / "cache"
    lexgap = [*_lexgap_command(), "assess", "romania-2020.yaml"]
    floor = [sys.executable, "-c", "import pydantic, typer, rich, yaml, durable.lang"]
    # The honest floors: what must be imported to do the job, per format (rich only where it draws).
    lexgap_json = [*lexgap, "-f", "json"]
    floor_json = [sys.executable, "-c", "from pydantic import BaseModel; import typer, yaml, durable.engine"]
    floor_terminal = [sys.executable, "-c",
                      "from pydantic import BaseModel; import typer, yaml, durable.engine, rich.console"]
    # The same packages with the modules they import when used at all, beside (not instead of) the floor
    # above: pydantic's fields (annotated_types, pydantic.types), which its first model class imports, and
    # its plugin loader (importlib.metadata, email, zipfile, csv), which its first validator imports even
    # with plugins disabled; typer's adapters, which build a pydantic validator for a command's first option.
    floor_used = [sys.executable, "-c", "from pydantic import BaseModel, Field; import pydantic.plugin._loader, "
                                        "typer._adapters, yaml, durable.engine"]
    _wall(floor, cache)  # warm the disk cache
    first = _wall(lexgap, cache)  # reads the YAML and fills the knowledge cache
    times: dict[str, list[float]] = {name: [] for name in ("lexgap", "floor", "uncached", "json", "floor json",
                                                           "floor terminal", "floor used")}
    for _ in range(COLD_RUNS):  # interleaved, so that a noisy moment hits them all
        times["floor"].append(_wall(floor, cache))
        times["lexgap"].append(_wall(lexgap, cache))
        times["uncached"].append(_wall(lexgap, cache, LEXGAP_NO_CACHE="1"))
        times["floor json"].append(_wall(floor_json, cache))
        times["json"].append(_wall(lexgap_json, cache))
        times["floor terminal"].append(_wall(floor_terminal, cache))
        times["floor used"].append(_wall(floor_used, cache))
    return {"first": first, **{name: statistics.median(values) for name, values in times.items()}}


def cold_steps(scratch: Path) -> dict[str, float]:
    """The median of each step of a cold `lexgap assess` over fresh processes (knowledge cache filled)."""
    os.environ["LEXGAP_CACHE_DIR"] = str(scratch / "cache")
    os.environ["COLUMNS"] = "120"  # as in the whole-process runs
    runs = [_child("cold") for _ in range(COLD_RUNS)]
    return {step: statistics.median(run[step] for run in runs) for step in runs[0]}


# --- the table ------------------------------------------------------------------------------


def _mark(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def main() -> int:
    parser = argparse.ArgumentParser(description="lexgap benchmarks")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--keep", type=Path, help="write the corpus here and keep it")
    parser.add_argument("--scale", type=int, metavar="N", help="only measure scaling from 1,000 to N jurisdictions")
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "lexgap":
            print(json.dumps(child_lexgap(Path(rest[0]), int(rest[1]), int(rest[2]))))
        elif kind == "phases":
            print(json.dumps(child_phases(Path(rest[0]), int(rest[1]))))
        elif kind == "e2e":
            print(json.dumps(child_end_to_end_floor(Path(rest[0]), [int(n) for n in rest[1:]])))
        elif kind == "bytes":
            print(json.dumps(child_bytes(Path(rest[0]), int(rest[1]))))
        elif kind == "cold":
            print(json.dumps(child_cold()))
        elif kind == "blocks":
            print(json.dumps(child_blocks(Path(rest[0]), int(rest[1]), int(rest[2]))))
        else:
            print(json.dumps(child_floor([int(n) for n in rest])))
        return 0

    if args.scale:
        return scale(args.scale, args.keep)
    began = time.perf_counter()
    load_before = os.getloadavg()[0]
    from bench.generate import check_corpus, write_corpus

    with tempfile.TemporaryDirectory(prefix="lexgap-bench-") as scratch:
        folder = args.keep or Path(scratch) / "corpus"
        start = time.perf_counter()
        paths = write_corpus(folder, max(SIZES))
        generated = time.perf_counter() - start
        problems = check_corpus(paths[:10])
        if problems:
            print("generated files do not load:", *problems[:5], sep="\n  ", file=sys.stderr)
            return 1
        os.environ["LEXGAP_CACHE_DIR"] = str(Path(scratch) / "cache")  # never the user's cache
        runs = {size: _child("lexgap", str(folder), str(size), "1") for size in SIZES}
        floor = _child("floor", *map(str, SIZES))
        end_to_end = _child("e2e", str(folder), *map(str, SIZES))
        phases = _child("phases", str(folder), str(PHASE_SIZE))
        written = _child("bytes", str(folder), str(PHASE_SIZE))
        parallel = _child("lexgap", str(folder), str(max(SIZES)), "2")
        cold = cold_start(Path(scratch))
        steps = cold_steps(Path(scratch))

    print(f"lexgap benchmarks, {time.strftime('%Y-%m-%d')}, {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}")
    print(f"corpus: {max(SIZES)} synthetic jurisdictions x 50 provisions "
          f"({floor['facts_per_jurisdiction']:.0f} facts each), written in {generated:.1f} s")
    print("lexgap: lexgap.batch.assess_many in one process (jobs=1), JSON-lines renderer of `lexgap assess DIR "
          "-f json`; floor: bench/reference.py on the same facts\n")
    print("end-to-end floor: the same files read from libyaml's events without line marks, validated by pydantic, "
          "evaluated by bench/reference.py, worded by lexgap and encoded by json, to the same JSON lines\n")
    header = f"{'jurisdictions':>13} {'lexgap s':>9} {'provisions/s':>13} {'peak MB':>8} {'floor s':>8} " \
             f"{'lexgap/floor':>13} {'e2e floor s':>11} {'lexgap/e2e':>10}  targets"
    print(header)
    print("-" * len(header))
    for size in SIZES:
        run, low, whole = runs[size], floor[str(size)], end_to_end[str(size)]
        ratio = run["seconds"] / low["seconds"]
        whole_ratio = run["seconds"] / whole["seconds"]
        targets = []
        if size == max(SIZES):
            same_json = whole["sha256"] == run["sha256"]
            targets = [f"eval-only ratio <= 3: {_mark(ratio <= 3)}",
                       f"end-to-end ratio <= 1.5: {_mark(whole_ratio <= 1.5)}",
                       f"floor wrote the same JSON: {'yes' if same_json else 'NO'}",
                       f"peak < 300 MB: {_mark(run['peak_mb'] < 300)}"]
        failed = f"  ({run['failures']} files failed)" if run["failures"] else ""
        print(f"{size:>13} {run['seconds']:>9.2f} {run['provisions'] / run['seconds']:>13,.0f} "
              f"{run['peak_mb']:>8.0f} {low['seconds']:>8.3f} {ratio:>13.1f} {whole['seconds']:>11.2f} "
              f"{whole_ratio:>10.2f}  {'; '.join(targets)}{failed}")
    largest = runs[max(SIZES)]
    print(f"\nJSON written: {largest['bytes'] / max(SIZES) / 1000:.0f} KB per jurisdiction "
          f"({largest['bytes'] / 1e6:.0f} MB for {max(SIZES)})")
    shrunk = written["2"] / written["1"]
    print(f"  contract version 2 (-f json2, shared text written once): {written['2'] / 1000:.0f} KB per jurisdiction "
          f"against {written['1'] / 1000:.0f} KB in version 1 (first {PHASE_SIZE} files): x {shrunk:.2f}   "
          f"target <= 0.25: {_mark(shrunk <= 0.25)}")
    big, small = runs[max(SIZES)]["seconds"], runs[100]["seconds"]
    growth = big / small
    exponent = math.log10(growth)
    floor_growth = floor[str(max(SIZES))]["seconds"] / floor["100"]["seconds"]
    print()
    print(f"scaling 100 -> 1000: time x {growth:.2f} (exponent {exponent:.3f}; linear: x 10, exponent 1); "
          f"floor x {floor_growth:.2f}   target x 9-11: {_mark(9 <= growth <= 11)}")
    cold_ratio = cold["lexgap"] / cold["floor"]
    print(f"cold start: lexgap assess romania-2020.yaml {cold['lexgap']:.3f} s, import floor {cold['floor']:.3f} s "
          f"(median of {COLD_RUNS}): x {cold_ratio:.2f}   target <= 1.5: {_mark(cold_ratio <= 1.5)}")
    print(f"  honest import floors (what the job must import): -f json {cold['json']:.3f} s against "
          f"{cold['floor json']:.3f} s: x {cold['json'] / cold['floor json']:.2f}   target <= 2: "
          f"{_mark(cold['json'] / cold['floor json'] <= 2)}; terminal {cold['lexgap']:.3f} s against "
          f"{cold['floor terminal']:.3f} s: x {cold['lexgap'] / cold['floor terminal']:.2f}")
    print(f"  the -f json floor's packages with what they import once used (pydantic's fields and plugin loader, "
          f"typer's adapters): {cold['floor used']:.3f} s: -f json x {cold['json'] / cold['floor used']:.2f}")
    print(f"  first run, filling the knowledge cache: {cold['first']:.3f} s; without the cache: "
          f"{cold['uncached']:.3f} s (x {cold['uncached'] / cold['floor']:.2f})")
    print("  its steps after the interpreter starts (ms, median of fresh processes): "
          + "; ".join(f"{step} {ms:.0f}" for step, ms in steps.items()))
    total = sum(ms for step, ms in phases.items() if step not in ("floor", "parse events only"))
    print(f"\nwhere one jurisdiction's time goes (ms each, first {PHASE_SIZE} files, each step timed alone):")
    for step, ms in phases.items():
        if step in ("floor", "parse events only"):
            continue
        print(f"  {step:<24} {ms:>6.1f}  {100 * ms / total:>3.0f} %  x {ms / phases['floor']:.1f} floor")
    print(f"  {'total':<24} {total:>6.1f}        x {total / phases['floor']:.1f} floor ({phases['floor']:.1f} ms)")
    print(f"  libyaml's events alone (PyYAML's C parser, nothing built): {phases['parse events only']:.1f} ms")
    same = parallel["sha256"] == runs[max(SIZES)]["sha256"] and not parallel["failures"]
    one_wall = runs[max(SIZES)]["wall"]
    print(f"--jobs 2 at {max(SIZES)}: {parallel['wall']:.2f} s by the clock (jobs 1: {one_wall:.2f} s, speed-up "
          f"x {one_wall / parallel['wall']:.2f}; CPU {parallel['seconds']:.2f} s against {big:.2f} s); output "
          f"identical to jobs 1: {'yes' if same else 'NO'}")
    load_after = os.getloadavg()[0]
    busy = max(load_before, load_after) > (os.cpu_count() or 1)
    print(f"\nbench/run.py took {time.perf_counter() - began:.0f} s; load average (1 min) {load_before:.2f} at the "
          f"start, {load_after:.2f} at the end"
          + (": above the CPU count, other work shared the machine" if busy else ""))
    return 0 if same else 1


def child_blocks(folder: Path, count: int, block: int) -> dict[str, Any]:
    """Assess the first `count` files in this process, as `lexgap assess DIR -f json` does; the CPU time and
    resident memory after each `block` files, so that growth shows within one run on one machine state."""
    from lexgap.batch import assess_many
    from lexgap.knowledge import load_knowledge
    from lexgap.paths import yaml_files
    from lexgap.render.json import render_line

    paths = yaml_files(folder)[:count]
    start = _cpu()
    knowledge = load_knowledge()
    marks: list[dict[str, float]] = []
    failures = 0
    for done, result in enumerate(assess_many(paths, knowledge, None, render_line, 1), start=1):
        failures += result.text is None
        if done % block == 0 or done == len(paths):
            marks.append({"files": done, "seconds": _cpu() - start,
                          "rss_mb": _rss_mb()})
    return {"marks": marks, "failures": failures}


def _rss_mb() -> float:
    """This process's resident memory now (Linux), or its peak where /proc is not there."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1048576
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def scale(largest: int, keep: Path | None) -> int:
    """`--scale N`: lexgap alone on N jurisdictions in one process; the time and memory of each thousand."""
    from bench.generate import write_corpus

    began = time.perf_counter()
    load_before = os.getloadavg()[0]
    block = min(1000, largest)
    with tempfile.TemporaryDirectory(prefix="lexgap-bench-") as scratch:
        folder = keep or Path(scratch) / "corpus"
        have = sorted(folder.glob("synth-*.yaml")) if folder.is_dir() else []
        if len(have) < largest:
            write_corpus(folder, largest)
        os.environ["LEXGAP_CACHE_DIR"] = str(Path(scratch) / "cache")
        run = _child("blocks", str(folder), str(largest), str(block))
    print(f"lexgap scaling, {time.strftime('%Y-%m-%d')}, {platform.python_implementation()} "
          f"{platform.python_version()}, {os.cpu_count()} CPUs, {platform.machine()}: lexgap.batch.assess_many "
          f"(jobs=1) on {largest} synthetic jurisdictions of 50 provisions in one process, JSON lines; CPU seconds "
          f"and resident memory after each {block}\n")
    header = f"{'jurisdictions':>13} {'lexgap s':>9} {'ms each (this block)':>21} {'resident MB':>12}"
    print(header)
    print("-" * len(header))
    previous = {"files": 0, "seconds": 0.0}
    for mark in run["marks"]:
        each = 1000 * (mark["seconds"] - previous["seconds"]) / (mark["files"] - previous["files"])
        print(f"{mark['files']:>13.0f} {mark['seconds']:>9.1f} {each:>21.1f} {mark['rss_mb']:>12.0f}")
        previous = mark
    first, last = run["marks"][0], run["marks"][-1]
    growth = last["seconds"] / first["seconds"]
    per = growth / (last["files"] / first["files"])
    print(f"\nscaling {first['files']:.0f} -> {last['files']:.0f}: time x {growth:.2f} (linear: x "
          f"{last['files'] / first['files']:.0f}); per jurisdiction x {per:.3f}   target within 10 % of linear: "
          f"{_mark(abs(per - 1) <= 0.10)}; resident memory {first['rss_mb']:.0f} -> {last['rss_mb']:.0f} MB"
          + (f"; {run['failures']} files failed" if run["failures"] else ""))
    load_after = os.getloadavg()[0]
    print(f"bench/run.py --scale took {time.perf_counter() - began:.0f} s; load average (1 min) {load_before:.2f} at "
          f"the start, {load_after:.2f} at the end")
    return 0 if not run["failures"] else 1


if __name__ == "__main__":
    sys.exit(main())
