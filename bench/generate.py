"""Synthetic, valid jurisdiction files for the benchmarks: seeded and deterministic.

File number i depends only on (seed, i), so the first 10 files of a corpus of 1,000 are the
corpus of 10.  Each file has 50 provisions spread over four laws (a code and an act in force,
a pending bill and a draft), drawn from the vocabulary of lexgap with a realistic mix: conduct
clustered by area, about a fifth of the attributes left unknown, some disputed coverage, some
repealed or adopted provisions, bills that amend provisions in force, and complete_for areas.

    python bench/generate.py DIR [COUNT] [--seed N]

writes COUNT files into DIR and checks that lexgap loads every one without a problem.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path
from typing import Any

import yaml

from lexgap import vocabulary as v

PROVISIONS = 50
SEED = 20201125


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Writes every value out in full: lexgap refuses YAML anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


#: Conduct clustered as laws group it; a provision covers one to three conducts of one cluster.
CLUSTERS: dict[str, list[str]] = {
    "csam": ["csam_produce", "csam_distribute", "csam_offer", "csam_sell", "csam_import_export", "csam_procure",
             "csam_possess", "csam_access", "csam_advertise", "csam_coerce_self_generated"],
    "child": ["child_solicit", "child_solicit_images", "child_sexual_extortion", "child_live_stream",
              "child_prostitution", "child_sexual_activity"],
    "trafficking": ["tip_recruit", "tip_transport", "tip_transfer", "tip_harbour", "tip_receive",
                    "tip_use_services"],
    "images": ["ncii_record", "ncii_disseminate", "ncii_threaten"],
    "online": ["online_harass", "online_stalk", "online_threat", "online_hate", "illegal_access_interception",
               "personal_data_disclosure"],
    "platform": ["platform_remove", "platform_report", "platform_preserve_evidence", "platform_due_diligence"],
    "victims": ["victim_compensation", "victim_assistance"],
}
CLUSTER_WEIGHTS = {"csam": 5, "child": 4, "trafficking": 4, "images": 3, "online": 4, "platform": 2, "victims": 2}
TYPES = {
    "platform": ["administrative_duty", "administrative_duty", "criminal_offence"],
    "victims": ["civil_remedy", "protection_measure", "procedure"],
}
_CRIMINAL = ["criminal_offence"] * 8 + ["definition", "procedure", "protection_measure"]

assert {c for cs in CLUSTERS.values() for c in cs} == set(v.words(v.Conduct))


def _maybe(rng: random.Random, value: Any, unknown: float = 0.2) -> Any:
    """The value, or None (left out of the file: unknown) with the given probability."""
    return None if rng.random() < unknown else value


def _some(rng: random.Random, words: list[str], most: int) -> list[str]:
    return sorted(rng.sample(words, rng.randint(1, min(most, len(words)))), key=words.index)


def _victims(rng: random.Random, cluster: str) -> dict[str, Any] | None:
    if rng.random() < 0.15:
        return None
    if cluster in ("csam", "child"):
        categories = rng.choice([["child"], ["child"], ["girl"], ["child", "adult"]])
    elif cluster == "trafficking":
        categories = rng.choice([["any_person"], ["child"], ["adult"], ["woman", "girl"]])
    else:
        categories = rng.choice([["any_person"], ["woman"], ["adult"], ["any_person"], ["woman", "girl"]])
    victims: dict[str, Any] = {"categories": categories}
    if "child" in categories or "girl" in categories:
        if rng.random() < 0.6:
            victims["age_max"] = rng.choice([13, 14, 15, 15, 16, 17, 17, 17, 17])
        if rng.random() < 0.1:
            victims["age_min"] = rng.choice([0, 10, 12])
    return victims


def _mental(rng: random.Random, cluster: str) -> Any:
    common = ["intent_general", "intent_general", "knowledge", "recklessness", "negligence", "strict"]
    extra = {"trafficking": ["purpose_exploitation"], "images": ["intent_to_harm", "intent_to_distress"],
             "online": ["intent_to_harass", "intent_to_distress"], "csam": ["purpose_sexual"],
             "child": ["purpose_sexual"]}.get(cluster, ["specific_intent_other"])
    if rng.random() < 0.1:
        return {"any_of": [[rng.choice(common)], [rng.choice(common), rng.choice(extra)]]}
    first = rng.choice(common)
    return [first] if rng.random() < 0.5 else sorted({first, rng.choice(extra)})


def _provision(rng: random.Random, pid: str, law: str, number: int, earlier: list[str]) -> dict[str, Any]:
    cluster = rng.choices(list(CLUSTER_WEIGHTS), weights=list(CLUSTER_WEIGHTS.values()))[0]
    conduct = _some(rng, CLUSTERS[cluster], 3)
    provision: dict[str, Any] = {
        "id": pid,
        "title": f"Synthetic provision {number} on {cluster}",
        "law": law,
        "summary": f"A synthetic provision covering {', '.join(conduct)}.",
        "provision_type": _maybe(rng, rng.choice(TYPES.get(cluster, _CRIMINAL)), 0.1),
        "conduct": conduct,
    }
    if rng.random() < 0.08:
        provision["conduct_disputed"] = [rng.choice(conduct)]
        if rng.random() < 0.7:
            provision["disputed_note"] = "Courts disagree whether it reaches this conduct."
    if rng.random() < 0.06:
        provision["status"] = rng.choice(["repealed", "adopted", "in_force"])
    provision["medium"] = _maybe(rng, rng.choice(["any", "any", "any", "online_only", "offline_only"]))
    provision["victims"] = _victims(rng, cluster)
    provision["relationship_required"] = _maybe(rng, rng.choice(
        [["none"]] * 6 + [["family_member", "current_or_former_partner"], ["position_of_trust"], ["caregiver"]]))
    provision["mental_element"] = _maybe(rng, _mental(rng, cluster))
    provision["harm_requirement"] = _maybe(rng, rng.choice(
        ["none", "none", "none", "apt_to_cause_harm", "harm_proven", "distress_proven"]))
    provision["consent_treatment"] = _maybe(rng, rng.choice(
        ["irrelevant", "irrelevant", "not_addressed", "lack_of_consent_is_element", "defence", "mitigating"]))
    provision["means_required"] = _maybe(rng, rng.choice(["none", "none", "adults_only", "all_victims"]), 0.3)
    provision["scope_requirement"] = _maybe(rng, rng.choice(["none"] * 5 + ["transnational", "organised_group"]),
                                            0.3)
    provision["prosecution"] = _maybe(rng, rng.choice(["ex_officio"] * 4 + ["on_complaint", "ends_on_withdrawal"]),
                                      0.3)
    provision["exceptions"] = _maybe(rng, rng.choice(
        [["none"]] * 4 + [["public_interest"], ["public_interest_balancing"], ["law_enforcement"],
                          ["peer_consensual_private", "artistic"], ["legitimate_participant"]]), 0.3)
    addressees = ["natural_person"] if cluster != "platform" else ["intermediary"]
    if rng.random() < 0.2:
        addressees.append("legal_person")
    provision["addressees"] = _maybe(rng, addressees, 0.25)
    if earlier and rng.random() < 0.5:
        provision["amends"] = sorted(rng.sample(earlier, rng.randint(1, min(2, len(earlier)))))
    if rng.random() < 0.3:
        provision["penalty"] = {"text": "1 to 5 years", "max_months": rng.choice([12, 36, 60, 120])}
    source: dict[str, Any] = {"document": f"Synthetic law {law}", "pinpoint": f"art. {number}",
                              "consulted": dt.date(2026, 11, 23),
                              "verified": "primary" if rng.random() < 0.6 else "unverified"}
    if rng.random() < 0.2:
        source["covers"] = ["conduct", "mental_element"]
    provision["sources"] = [source]
    return {key: value for key, value in provision.items() if value is not None}


def jurisdiction(index: int, seed: int = SEED, provisions: int = PROVISIONS) -> dict[str, Any]:
    """The data of synthetic jurisdiction number `index` (independent of how many are made)."""
    rng = random.Random(f"{seed}:{index}")
    country = chr(97 + index // 26 % 26) + chr(97 + index % 26)
    source = {"document": "Synthetic gazette", "consulted": dt.date(2026, 11, 23), "verified": "primary"}
    laws: list[dict[str, Any]] = [
        {"id": f"{country}/code/2009/286", "title": "Criminal Code", "type": "code", "status": "in_force"},
        {"id": f"{country}/act/2003/217", "title": "Law on violence", "type": "act", "status": "in_force"},
        {"id": f"{country}/bill/2019/606", "title": "Bill amending the Criminal Code", "type": "bill",
         "status": "pending_bill"},
        {"id": f"{country}/draft/2020/655", "title": "Draft law on trafficking", "type": "draft",
         "status": rng.choice(["draft", "reported_draft"])},
    ]
    for law in laws:
        law["sources"] = [dict(source)]
    weights = [45, 25, 18, 12]
    items: list[dict[str, Any]] = []
    in_force: list[str] = []
    for number in range(1, provisions + 1):
        law = rng.choices(laws, weights=weights)[0]
        pid = f"{law['id']}~art_{number}"
        earlier = in_force if law["status"] != "in_force" else []
        items.append(_provision(rng, pid, law["id"], number, earlier))
        if law["status"] == "in_force":
            in_force.append(pid)
    areas = v.words(v.Area)
    return {
        "format": "jurisdiction",
        "id": f"synth-{index:04d}",
        "name": f"Synthland {index}",
        "country": country,
        "as_of": dt.date(2021, 1, 25),
        "complete_for": sorted(rng.sample(areas, rng.randint(0, 4)), key=areas.index),
        "laws": laws,
        "provisions": items,
    }


def company(index: int, seed: int = SEED) -> dict[str, Any]:
    """The data of synthetic company number `index`: each practice answered yes, partial or no, or unknown."""
    from lexgap.attributes import PRACTICES

    rng = random.Random(f"{seed}:company:{index}")
    source = {"document": "Synthetic company report", "pinpoint": "p. 1", "consulted": dt.date(2026, 11, 23),
              "verified": "unverified"}
    practices: dict[str, Any] = {}
    for name in PRACTICES:
        answer = rng.choice(["yes", "partial", "no", None, None])
        if answer is not None:
            practices[name] = {"answer": answer, "sources": [dict(source)]}
        elif rng.random() < 0.5:
            practices[name] = {"note": "Not known."}
    return {"format": "company", "id": f"synth-co-{index:04d}", "name": f"Synthco {index}",
            "as_of": dt.date(2021, 1, 25), "practices": practices}


def write_corpus(folder: Path, count: int, seed: int = SEED, provisions: int = PROVISIONS) -> list[Path]:
    """Write `count` jurisdiction files into `folder` (made if needed); return their paths in name order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        data = jurisdiction(index, seed, provisions)
        path = folder / f"{data['id']}.yaml"
        text = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=120)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def check_corpus(paths: list[Path]) -> list[str]:
    """Load every file with lexgap; return the problems found (none for a valid corpus)."""
    from lexgap.knowledge import load_knowledge, load_subject

    knowledge = load_knowledge()
    problems = []
    for path in paths:
        subject, found = load_subject(path, knowledge)
        problems += [str(p) for p in found]
        if subject is None and not found:
            problems.append(f"{path}: not loaded")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("count", type=int, nargs="?", default=10)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    paths = write_corpus(args.folder, args.count, args.seed)
    problems = check_corpus(paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(paths)} files in {args.folder}, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
