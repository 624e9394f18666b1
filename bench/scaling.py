"""How the time of ONE jurisdiction file grows with its number of provisions: `python bench/scaling.py`.

Issue 18 (case 12) found 2,000 provisions in 2.5 s, 8,000 in 18.5 s and 23,000 in 160 s.  This
measures each step for files of growing size (bench/generate.py's synthetic provisions, one file
per size, written to a temporary folder), each size in a fresh child process, and prints:

* CPU milliseconds per provision of each step: read and check the file (load), build its facts, run the
  engine, write the findings; measured with the engine warmed on another file (what one more file costs a
  running batch), the best of several fresh reads; compiling the rules (once per run) is shown apart;
* the engine's matches, the `cured` variant apart: it pairs each deficient provision with EVERY provision
  that cures it (same conduct, type and legal system, in force, at least the same victims, without the
  deficiency), so its count grows with the square of the provisions per conduct, and so does the list of
  related provisions each such finding names;
* the targets: per-provision cost of the largest size at most 1.2x that of the smallest (issue 19), and
  time(10N) / (10 x time(N)) at most 1 when both sizes were measured (issue 18 case 12).

    python bench/scaling.py [SIZE ...] [--repeats N] [--gc on]          (default: 50 500 2400)

Nothing is asserted: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import collections
import gc
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _write(folder: Path, index: int, size: int) -> Path:
    import yaml

    from bench import generate

    path = folder / f"provisions-{size}-{index}.yaml"
    data = generate.jurisdiction(index, provisions=size)
    path.write_text(yaml.dump(data, Dumper=generate._Dumper, sort_keys=False, allow_unicode=True, width=120),
                    encoding="utf-8")
    return path


def child(size: int, folder: Path, repeats: int, gc_on: bool = True) -> dict[str, Any]:
    """Generate, load and assess one file of `size` provisions; the CPU time of each step, per provision.

    The engine is warmed first on ANOTHER generated file (packs registered, each rule's standards and words
    cached), so that what is timed is what one more file costs a running batch; then the file is read and
    assessed `repeats` times (a fresh read each time) and each step's best time is kept.  CPU time, not wall
    time: on a shared machine the wall clock measures the neighbours.  With `gc_on` false, Python's cyclic
    garbage collector is paused around each read and assessment (collected in between), as `lexgap.batch` does
    for each subject (the default of `--gc`).
    """
    from lexgap.assess import Assessor, _jurisdiction_findings
    from lexgap.facts import coverage_facts, replaced_width
    from lexgap.knowledge import load_knowledge, load_subject
    from lexgap.models import Jurisdiction

    path = _write(folder, 0, size)
    warm = _write(folder, 1, 50)
    knowledge = load_knowledge()
    clock = time.process_time
    best: dict[str, float] = collections.defaultdict(lambda: float("inf"))
    with Assessor(knowledge) as assessor:
        measured, _ = load_subject(path, knowledge)
        assert isinstance(measured, Jurisdiction)
        started = clock()  # the packs for the replaced provisions the measured file's facts name
        assessor.packs_for("jurisdiction", replaced_width(coverage_facts(measured)))
        best["compile"] = clock() - started
        other, _ = load_subject(warm, knowledge)
        assert isinstance(other, Jurisdiction)
        assessor.assess(other)
        for _ in range(repeats):
            if not gc_on:
                gc.collect()
                gc.disable()
            started = clock()
            subject, problems = load_subject(path, knowledge)
            loaded = clock()
            if not isinstance(subject, Jurisdiction):
                return {"size": size, "problems": [str(p) for p in problems[:3]]}
            facts = coverage_facts(subject)
            built = clock()
            matches, _ = assessor._run("jurisdiction", facts)
            engine = clock()
            findings = _jurisdiction_findings(assessor, subject, matches)
            found = clock()
            for step, took in (("load", loaded - started), ("facts", built - loaded), ("engine", engine - built),
                               ("findings", found - engine)):
                best[step] = min(best[step], took)
            gc.enable()
    variants = collections.Counter(m.rule.partition("|")[2] for m in matches)
    return {"size": size, **best, "facts_count": len(facts),
            "matches": len(matches), "variants": dict(variants.most_common()),
            "findings_count": len(findings), "related": sum(len(f.related) for f in findings),
            "text_chars": sum(len(f.explanation) for f in findings),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


STEPS = ("load", "facts", "engine", "findings")


def per_provision(result: dict[str, Any]) -> float:
    """CPU milliseconds per provision of one file, every step but compiling the rules (once per run)."""
    return float(sum(result[step] for step in STEPS) / result["size"] * 1000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[50, 500, 2400])
    parser.add_argument("--repeats", type=int, default=3, help="reads and assessments per size (best kept)")
    parser.add_argument("--gc", choices=("on", "off"), default="off",
                        help="off (the default, as lexgap.batch does): pause Python's cyclic garbage collector around "
                             "each file's read and assessment; on: leave it running")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child is not None:
        print(json.dumps(child(arguments.child, arguments.folder, arguments.repeats, arguments.gc == "on")))
        return 0
    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="lexgap-scaling-") as scratch:
        for size in arguments.sizes:
            # small files are repeated more, so that each size is timed over a similar amount of work
            repeats = max(arguments.repeats, arguments.repeats * 500 // size)
            done = subprocess.run([sys.executable, __file__, "--child", str(size), "--folder", scratch,
                                   "--repeats", str(repeats), "--gc", arguments.gc],
                                  capture_output=True, text=True, check=True,
                                  env={"LEXGAP_NO_CACHE": "1", "PATH": "", "HOME": scratch})
            result = json.loads(done.stdout)
            results[size] = result
            if "problems" in result:
                print(f"{size:>6} provisions: not valid: {result['problems']}")
                continue
            print(f"{size:>6} provisions: {per_provision(result):6.3f} ms CPU per provision = "
                  + " + ".join(f"{step} {result[step] / size * 1000:.3f}" for step in STEPS)
                  + f" (best of {repeats}; compiling the rules once: {result['compile']:.2f} s); "
                  f"{result['facts_count']:,} facts, {result['matches']:,} matches "
                  f"(cured {result['variants'].get('cured', 0):,}), {result['findings_count']:,} findings naming "
                  f"{result['related']:,} related provisions, {result['text_chars']:,} characters of explanation, "
                  f"peak {result['peak_mb']:.0f} MB" + ("" if arguments.gc == "on" else ", cyclic GC paused"),
                  flush=True)
    valid = {size: r for size, r in results.items() if "problems" not in r}
    if len(valid) >= 2:
        small, big = min(valid), max(valid)
        ratio = per_provision(valid[big]) / per_provision(valid[small])
        verdict = "pass" if ratio <= 1.2 else "FAIL"
        print(f"per provision: {big} / {small} provisions = {ratio:.2f} (target: at most 1.2, issue 19): {verdict}")
    for size, small_result in valid.items():
        big_result = valid.get(size * 10)
        if big_result is not None:
            linear = per_provision(big_result) / per_provision(small_result)
            print(f"time({size * 10}) / (10 x time({size})) = {linear:.2f} (target: at most 1, issue 18 case 12)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
