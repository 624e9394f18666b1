"""How the time of ONE jurisdiction file grows with its number of provisions: `python bench/scaling.py`.

Issue 18 (case 12) found 2,000 provisions in 2.5 s, 8,000 in 18.5 s and 23,000 in 160 s.  This
measures each step for files of growing size (bench/generate.py's synthetic provisions, one file
per size, written to a temporary folder), each size in a fresh child process, and prints:

* the time to read and check the file (load), to compile the rules, and to assess (engine and findings);
* the engine's matches by variant: the `cured` variant pairs each deficient provision with EVERY
  provision that cures it (same conduct, same type, in force, same victims, without the deficiency),
  so its count grows with the square of the provisions per conduct, and so does the finding text,
  which names every cure;
* the target of the issue: a file of 10N provisions within 10x the time of N provisions, i.e. the
  ratio time(10N) / (10 x time(N)) at most 1 (linear); printed when both sizes were measured.

    python bench/scaling.py [SIZE ...]          (default: 500 1000 2000 4000)

Nothing is asserted: this is a measurement, not a test.
"""

from __future__ import annotations

import argparse
import collections
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


def child(size: int, folder: Path) -> dict[str, Any]:
    """Generate, load and assess one file of `size` provisions; the timings of each step."""
    import yaml

    from bench import generate
    from lexgap.assess import Assessor
    from lexgap.facts import coverage_facts
    from lexgap.knowledge import load_knowledge, load_subject
    from lexgap.models import Jurisdiction

    path = folder / f"provisions-{size}.yaml"
    data = generate.jurisdiction(0, provisions=size)
    path.write_text(yaml.dump(data, Dumper=generate._Dumper, sort_keys=False, allow_unicode=True, width=120),
                    encoding="utf-8")
    knowledge = load_knowledge()
    started = time.perf_counter()
    subject, problems = load_subject(path, knowledge)
    loaded = time.perf_counter()
    if not isinstance(subject, Jurisdiction):
        return {"size": size, "problems": [str(p) for p in problems[:3]]}
    with Assessor(knowledge) as assessor:
        compiled = time.perf_counter()
        facts = coverage_facts(subject)
        matches, _ = assessor._run("jurisdiction", facts)
        engine = time.perf_counter()
        assessment = assessor.assess(subject)
        assessed = time.perf_counter()
    variants = collections.Counter(m.rule.partition("|")[2] for m in matches)
    return {"size": size, "load": loaded - started, "compile": compiled - loaded,
            # assess() runs the engine again: the findings step is what it costs beyond the engine
            "engine": engine - compiled, "assess": max(0.0, (assessed - engine) - (engine - compiled)),
            "facts": len(facts),
            "matches": len(matches), "variants": dict(variants.most_common()),
            "findings": len(assessment.findings),
            "text_chars": sum(len(f.explanation) for f in assessment.findings),
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[500, 1000, 2000, 4000])
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child is not None:
        print(json.dumps(child(arguments.child, arguments.folder)))
        return 0
    results: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="lexgap-scaling-") as scratch:
        for size in arguments.sizes:
            done = subprocess.run([sys.executable, __file__, "--child", str(size), "--folder", scratch],
                                  capture_output=True, text=True, check=True,
                                  env={"LEXGAP_NO_CACHE": "1", "PATH": "", "HOME": scratch})
            result = json.loads(done.stdout)
            results[size] = result
            if "problems" in result:
                print(f"{size:>6} provisions: not valid: {result['problems']}")
                continue
            total = result["load"] + result["compile"] + result["engine"] + result["assess"]
            print(f"{size:>6} provisions: total {total:7.2f} s = load {result['load']:6.2f} + compile "
                  f"{result['compile']:5.2f} + engine {result['engine']:7.2f} + findings {result['assess']:7.2f};"
                  f" {result['facts']:,} facts, {result['matches']:,} matches "
                  f"(cured {result['variants'].get('cured', 0):,}), {result['findings']:,} findings, "
                  f"{result['text_chars']:,} characters of explanation, peak {result['peak_mb']:.0f} MB",
                  flush=True)
    for size, small in results.items():
        big = results.get(size * 10)
        if big is None or "problems" in small or "problems" in big:
            continue
        small_total = small["load"] + small["compile"] + small["engine"] + small["assess"]
        big_total = big["load"] + big["compile"] + big["engine"] + big["assess"]
        print(f"time({size * 10}) / (10 x time({size})) = {big_total / (10 * small_total):.2f} (target: at most 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
