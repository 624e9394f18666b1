"""This code's engine path against an earlier lexgap's, on that code's own work: `python bench/engine_ab.py`.

    python bench/engine_ab.py OTHER_PYTHON CORPUS [--rounds N]

OTHER_PYTHON is the interpreter of a venv where an earlier lexgap is installed as it ran then (for issue 19:
the commit before the issue's first, 233f837, with durable-rules compiled by pip without any -O, as the issue
found it);
CORPUS is a folder of jurisdiction files that code accepts (its own `bench/generate.py DIR 100`).
For example:

    git worktree add /tmp/then 233f837 && python3.11 -m venv /tmp/then/.venv
    /tmp/then/.venv/bin/pip install --no-deps -r /tmp/then/requirements/run.txt && \\
        /tmp/then/.venv/bin/pip install --no-deps /tmp/then
    (cd /tmp/then && .venv/bin/python bench/generate.py /tmp/corpus-then 100)
    .venv/bin/python bench/engine_ab.py /tmp/then/.venv/bin/python /tmp/corpus-then

The earlier code records its work once, in a fresh process: its compiled jurisdiction rules
(durable-rules' JSON form), the facts of the first 100 files and the matches it finds.  Then, in
alternating fresh processes, it times its own engine phase (`Assessor._run` over those facts) and
this code times its engine path (`lexgap.assess.Assessor._run`: one pack per recorded rule, the
conduct index, the fact encoding and action reading of `lexgap.durable`) over the same rules and
facts, each on its own durable-rules build, and checks that the matches are the same.

bench/run.py's phases row measures something else: today's rules (which do more: cures in the text,
uncertain and disputed cures, replaced provisions) on today's corpus.  Both are CPU time.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FILES = 100
REPEATS = 3  # best of, inside each timing process


def _record(corpus: Path, out: Path) -> None:
    """In the earlier code: its compiled rules, its facts and its matches, as JSON."""
    from lexgap.assess import Assessor
    from lexgap.conditions import compile_rule
    from lexgap.facts import coverage_facts
    from lexgap.knowledge import load_knowledge
    from lexgap.loading import read_yaml, validate
    from lexgap.models import Jurisdiction

    assessor = Assessor(load_knowledge())
    facts = []
    for path in sorted(corpus.glob("*.yaml"))[:FILES]:
        subject = validate(read_yaml(path), Jurisdiction)
        assert subject is not None, path
        facts.append(coverage_facts(subject))
    compiled = [compile_rule(rule) for rule in assessor.rules.values() if rule.subject == "jurisdiction"]
    compiled.sort(key=lambda c: (c.rule.area or "", sorted(c.conducts() or []), c.rule.id))
    rules = []
    for item in compiled:
        conducts = item.conducts()
        rules.append({"id": item.rule.id, "conducts": None if conducts is None else sorted(conducts),
                      "engine": [[e.name, e.patterns, list(e.bound)] for e in item.engine_rules]})
    work = {"rules": rules,
            "facts": facts,
            "matches": [_said(assessor._run("jurisdiction", file_facts)[0]) for file_facts in facts]}
    out.write_text(json.dumps(work), encoding="utf-8")


def _said(matches: list[Any]) -> list[list[Any]]:
    return sorted([match.rule, [list(pair) for pair in match.bindings]] for match in matches)


def _time(run: Any, facts: list[Any]) -> float:
    """The best of REPEATS passes over every file, in CPU ms per file (collector paused, as lexgap does)."""
    times = []
    for _ in range(REPEATS):
        gc.collect()
        gc.disable()
        start = time.process_time()
        for file_facts in facts:
            run(file_facts)
        times.append(time.process_time() - start)
        gc.enable()
    return min(times) * 1000 / len(facts)


def _then(work_file: Path) -> None:
    """In the earlier code: its engine phase over its own facts."""
    from lexgap.assess import Assessor
    from lexgap.knowledge import load_knowledge

    work = json.loads(work_file.read_text(encoding="utf-8"))
    assessor = Assessor(load_knowledge())
    assert [_said(assessor._run("jurisdiction", facts)[0]) for facts in work["facts"]] == work["matches"]
    print(json.dumps(_time(lambda facts: assessor._run("jurisdiction", facts), work["facts"])))


def _now(work_file: Path) -> None:
    """In this code: its engine path over the earlier code's rules and facts."""
    from lexgap.assess import Assessor
    from lexgap.durable import EngineRule, pack_text
    from lexgap.facts import REPLACES_SLOTS
    from lexgap.knowledge import Knowledge

    work = json.loads(work_file.read_text(encoding="utf-8"))
    with Assessor(Knowledge()) as assessor:
        packs = [assessor._pack(pack_text([EngineRule(name, patterns, tuple(bound))
                                           for name, patterns, bound in rule["engine"]]),
                                None if rule["conducts"] is None else frozenset(rule["conducts"]))
                 for rule in work["rules"]]
        for replaced in range(REPLACES_SLOTS + 1):  # the recorded rules, whatever provisions the facts say are replaced
            assessor.packs["jurisdiction", replaced] = packs
        same = [_said(assessor._run("jurisdiction", facts)[0]) for facts in work["facts"]] == work["matches"]
        if not same:
            raise SystemExit("this code's matches differ from the earlier code's on its own work")
        print(json.dumps(_time(lambda facts: assessor._run("jurisdiction", facts), work["facts"])))


def _child(python: str, *args: str) -> float:
    done = subprocess.run([python, str(Path(__file__).resolve()), "--child", *args], capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"{python} {args[0]} failed:\n{done.stderr}")
    figure: float = json.loads(done.stdout.strip().splitlines()[-1] or "0")
    return figure


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("other_python", nargs="?")
    parser.add_argument("corpus", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=5, help="alternating timing processes per side")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, path = args.child
        {"then": _then, "now": _now}[kind](Path(path))
        return 0
    if not args.other_python or not args.corpus:
        parser.error("give the earlier lexgap's interpreter and a corpus it accepts")
    with tempfile.TemporaryDirectory(prefix="lexgap-engine-ab-") as scratch:
        work = Path(scratch) / "work.json"
        done = subprocess.run([args.other_python, "-c", _RECORD, str(Path(__file__).resolve()), str(args.corpus),
                               str(work)], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"recording the earlier code's work failed:\n{done.stderr}")
        then: list[float] = []
        now: list[float] = []
        for _ in range(args.rounds):  # alternating, so that a noisy moment hits both
            then.append(_child(args.other_python, "then", str(work)))
            now.append(_child(sys.executable, "now", str(work)))
    ratio = statistics.median(now) / statistics.median(then)
    print(f"engine phase on the earlier code's own work ({FILES} files, CPU ms per file, median of {args.rounds} "
          f"processes, each the best of {REPEATS} passes): then {statistics.median(then):.2f} "
          f"(range {min(then):.2f}-{max(then):.2f}), now {statistics.median(now):.2f} "
          f"(range {min(now):.2f}-{max(now):.2f}): x {ratio:.2f}   target <= 0.5: {'pass' if ratio <= 0.5 else 'FAIL'}")
    print("same matches as the earlier code on every file: yes")
    return 0


# Run by the earlier interpreter: this file's `_record`, without importing this file as a module of that code.
_RECORD = """
import runpy, sys
from pathlib import Path
space = runpy.run_path(sys.argv[1])
space["_record"](Path(sys.argv[2]), Path(sys.argv[3]))
"""

if __name__ == "__main__":
    sys.exit(main())
