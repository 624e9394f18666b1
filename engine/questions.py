"""Curating the questions of a communication: one question per issue, asked in an officer's order.

Pure functions over candidate questions (drawn from findings and from the standing questions):

- `merge_issues`: questions asking the same thing of the same law become one (same topic, or same
  rule, and same law); every question on a law whose text was not seen, or a government's position,
  becomes one question on that law; a question on the law as a whole joins the standing question of
  the same topic (compensation, victims' assistance...).
- `select`: by default only the letter's subject areas, and only gaps and high-severity
  not-assessable findings (the rest stays in the memo).
- `apply_choices`: the officer's include, drop (with a reason), merge, reword and new questions,
  keyed by question id, never by position.
- `arrange`: the reported case first (comments, investigations, cooperation, victims, remedies),
  then each law or bill in the order of the subject file, then prevention; then the plan's order.
- `limit`: at most N questions; the lowest in priority go to the memo with the reason.

Each function returns the questions kept and the decisions taken, so that the memo can say what
was merged, dropped or moved and why.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

Origin = Literal["standing", "gap", "not_assessable", "plan"]

#: Where a question stands in the letter: the comments on the facts, the case (investigations,
#: cooperation, victims, remedies), the laws and bills, prevention.
STAGE_COMMENTS, STAGE_CASE, STAGE_LAW, STAGE_PREVENTION = 0, 1, 2, 3


@dataclass(frozen=True)
class Candidate:
    """A question lexgap could ask, with what it rests on."""

    id: str
    text: str
    origin: Origin
    stage: int
    findings: tuple[str, ...] = ()
    rule: str | None = None
    law: str | None = None
    #: the issue the question asks about; questions with the same topic and law are one question
    topic: str | None = None
    severity: str | None = None
    areas: frozenset[str] = frozenset()
    #: the law's place in the subject file (laws are asked about in that order)
    law_order: int = 0
    #: the law's text was not seen (a reported draft) or it is a government's position: one question
    whole_law: bool = False
    #: the question was reworded by the plan
    reworded: bool = False
    merged: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    """What curation did to a question, for the memo."""

    question: str
    action: Literal["merged", "dropped", "reworded", "added", "moved", "unknown"]
    reason: str
    into: str | None = None


@dataclass
class Curated:
    questions: list[Candidate]
    decisions: list[Decision] = field(default_factory=list)


def _absorb(target: Candidate, other: Candidate) -> Candidate:
    return replace(target, findings=tuple(dict.fromkeys(target.findings + other.findings)),
                   merged=(*target.merged, other.id, *other.merged), areas=target.areas | other.areas,
                   severity=_higher(target.severity, other.severity))


def _higher(a: str | None, b: str | None) -> str | None:
    order = {"high": 0, "medium": 1, "low": 2}
    known = [s for s in (a, b) if s is not None]
    return min(known, key=lambda s: order.get(s, 3)) if known else None


def _rank(candidate: Candidate) -> tuple[int, int, int]:
    """Which of several questions on one issue speaks for it: a gap before a missing fact, then severity."""
    return ({"gap": 0, "plan": 0, "standing": 1, "not_assessable": 2}[candidate.origin],
            {"high": 0, "medium": 1, "low": 2}.get(candidate.severity or "", 3), 0)


def merge_issues(candidates: Sequence[Candidate]) -> Curated:
    """One question per issue: same topic (or rule) and same law; one per law not seen; standing topics."""
    decisions: list[Decision] = []
    standing_topics = {c.topic: c.id for c in candidates if c.origin == "standing" and c.topic}
    groups: dict[tuple[str, str], list[Candidate]] = {}
    order: list[tuple[str, str]] = []
    for candidate in candidates:
        if candidate.origin == "standing" or candidate.origin == "plan":
            key = ("id", candidate.id)
        elif candidate.law is None and candidate.topic in standing_topics:
            key = ("id", standing_topics[candidate.topic or ""])
        elif candidate.law is not None and candidate.whole_law:
            key = ("law", candidate.law)
        else:
            key = (candidate.topic or candidate.rule or candidate.id, candidate.law or "")
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(candidate)
    result = []
    for key in order:
        members = groups[key]
        # a standing question keeps its place and words; otherwise the strongest finding speaks
        lead = next((m for m in members if m.origin == "standing"), None) or min(members, key=_rank)
        merged = lead
        for member in members:
            if member is lead:
                continue
            merged = _absorb(merged, member)
            why = ("the same topic as a standing question" if lead.origin == "standing"
                   else "the law's text was not seen: one question on it" if lead.whole_law
                   else "the same issue on the same law")
            decisions.append(Decision(member.id, "merged", why, lead.id))
        result.append(merged)
    return Curated(result, decisions)


def select(candidates: Sequence[Candidate], areas: Iterable[str] | None,
           not_assessable: Literal["high", "all", "none"] = "high") -> Curated:
    """The questions within the letter's areas and of enough weight; the others, with the reason."""
    wanted = set(areas) if areas is not None else None
    kept, decisions = [], []
    for candidate in candidates:
        if candidate.origin in ("standing", "plan"):
            kept.append(candidate)
            continue
        if wanted is not None and candidate.areas and not candidate.areas & wanted:
            decisions.append(Decision(candidate.id, "dropped",
                                      f"outside the letter's areas ({', '.join(sorted(candidate.areas))})"))
            continue
        if candidate.origin == "not_assessable" and not _asked(candidate, not_assessable):
            severity = candidate.severity or "unknown"
            why = f"a missing fact of {severity} severity: kept in the memo"
            decisions.append(Decision(candidate.id, "dropped", why))
            continue
        kept.append(candidate)
    return Curated(kept, decisions)


def _asked(candidate: Candidate, policy: str) -> bool:
    if policy == "all":
        return True
    if policy == "none":
        return False
    return candidate.severity == "high"


@dataclass(frozen=True)
class Choice:
    """The officer's choice on one question (from the plan)."""

    id: str
    drop: bool = False
    reason: str | None = None
    text: str | None = None
    merge: tuple[str, ...] = ()


def apply_choices(candidates: Sequence[Candidate], choices: Sequence[Choice],
                  dropped_earlier: Iterable[Candidate] = ()) -> Curated:
    """The plan's choices: include (bring back a question curation left out), drop, merge, reword, add.

    A choice naming an id that no candidate has and that has no text is reported as unknown (the
    data changed, or a typo); one with text adds the officer's own question."""
    by_id = {c.id: c for c in candidates}
    spare = {c.id: c for c in dropped_earlier if c.id not in by_id}
    absorbed = {m: c.id for c in candidates for m in c.merged}
    kept = list(candidates)
    decisions: list[Decision] = []
    for choice in choices:
        target_id = absorbed.get(choice.id, choice.id)
        if target_id not in by_id and choice.id in spare:
            by_id[choice.id] = spare.pop(choice.id)
            kept.append(by_id[choice.id])
            target_id = choice.id
            decisions.append(Decision(choice.id, "added", choice.reason or "included by the plan"))
        if target_id not in by_id:
            if choice.text and not choice.drop:
                new = Candidate(choice.id, choice.text, "plan", STAGE_LAW)
                by_id[choice.id] = new
                kept.append(new)
                decisions.append(Decision(choice.id, "added", choice.reason or "the officer's own question"))
                target_id = choice.id
            else:
                decisions.append(Decision(choice.id, "unknown", "the plan names a question the assessment does not "
                                                                "produce; check the plan against the memo"))
                continue
        current = by_id[target_id]
        if choice.drop:
            kept = [c for c in kept if c.id != target_id]
            decisions.append(Decision(target_id, "dropped", f"by the plan: {choice.reason}"))
            continue
        updated = current
        if choice.text and current.origin != "plan":
            updated = replace(updated, text=choice.text, reworded=True)
            decisions.append(Decision(target_id, "reworded", choice.reason or "reworded by the plan"))
        for other_id in choice.merge:
            other_target = absorbed.get(other_id, other_id)
            other = by_id.get(other_target) or spare.pop(other_id, None)
            if other is None or other_target == target_id:
                decisions.append(Decision(other_id, "unknown", f"the plan merges {other_id!r} into {target_id!r}, "
                                                               "but the assessment produces no such question"))
                continue
            kept = [c for c in kept if c.id != other.id]
            updated = _absorb(updated, other)
            absorbed[other.id] = target_id
            decisions.append(Decision(other.id, "merged", "by the plan", target_id))
        by_id[target_id] = updated
        kept = [updated if c.id == target_id else c for c in kept]
    return Curated(kept, decisions)


def arrange(candidates: Sequence[Candidate], order: Sequence[str] = ()) -> Curated:
    """The officer's order: stage, then law, then lexgap's order; the plan's `order` ids first in their stage.

    Ids the plan orders are placed in the order given, before the other questions of the same stage."""
    position = {qid: index for index, qid in enumerate(order)}
    indexed = list(enumerate(candidates))
    arranged = sorted(indexed, key=lambda pair: (pair[1].stage,
                                                 0 if pair[1].id in position else 1,
                                                 position.get(pair[1].id, 0),
                                                 pair[1].law_order if pair[1].stage == STAGE_LAW else 0,
                                                 pair[0]))
    decisions = [Decision(c.id, "moved", "placed by the plan's order") for _, c in arranged if c.id in position]
    unknown = [Decision(qid, "unknown", "the plan orders a question that is not asked")
               for qid in order if qid not in {c.id for c in candidates}]
    return Curated([c for _, c in arranged], decisions + unknown)


def limit(candidates: Sequence[Candidate], most: int) -> Curated:
    """At most `most` questions: the ones that go are missing facts before gaps, medium before high,
    the last asked first; standing and plan questions stay."""
    if len(candidates) <= most:
        return Curated(list(candidates))
    removable = sorted((c for c in candidates if c.origin in ("gap", "not_assessable")),
                       key=lambda c: (_rank(c), candidates.index(c)), reverse=True)
    excess = len(candidates) - most
    going = {c.id for c in removable[:excess]}
    decisions = [Decision(qid, "dropped", f"more than {most} questions: the least important go to the memo")
                 for qid in sorted(going)]
    return Curated([c for c in candidates if c.id not in going], decisions)


def curate(candidates: Sequence[Candidate], areas: Iterable[str] | None, choices: Sequence[Choice] = (),
           order: Sequence[str] = (), most: int = 15,
           not_assessable: Literal["high", "all", "none"] = "high") -> Curated:
    """The whole curation: merge the same issues, select, apply the plan, arrange, limit."""
    merged = merge_issues(candidates)
    selected = select(merged.questions, areas, not_assessable)
    left_out = [c for c in merged.questions if c not in selected.questions]
    chosen = apply_choices(selected.questions, choices, left_out)
    arranged = arrange(chosen.questions, order)
    limited = limit(arranged.questions, most)
    return Curated(limited.questions, merged.decisions + selected.decisions + chosen.decisions
                   + arranged.decisions + limited.decisions)
