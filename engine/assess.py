"""Facts in, findings out: evaluate the compiled rules on a subject and say why.

The engine decides; this module only turns its matches into findings (one per
rule and provision, or per rule for absences and companies), with an
explanation built from the facts that matched and the standards behind the rule.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lexgap import ids, words
from lexgap.attributes import ATTRIBUTES_BY_SUBJECT, PRACTICES
from lexgap.compiled import compiled_packs
from lexgap.conditions import VARIANT_OUTCOME
from lexgap.durable import EngineProblem, Match, PackText, RulePack, match_order
from lexgap.facts import (
    COVERAGE,
    REPLACES_SLOTS,
    company_facts,
    coverage_facts,
    provision_values,
    replaced_width,
    status_of,
    victim_reach,
)
from lexgap.fit import finding_areas, rule_areas
from lexgap.knowledge import Knowledge
from lexgap.models import Company, Jurisdiction, Provision, Rule
from lexgap.problems import Kind, Problem
from lexgap.vocabulary import OUTCOME_ORDER, SEVERITY_ORDER, Conduct, Outcome, Severity, Status, Verification, plain
from lexgap.words import current as en  # the words of the language in use (lexgap.words.use)

#: A status in a sentence (words/en.py).
STATUS_WORDS = en.STATUS_WORDS


@dataclass(frozen=True)
class Basis:
    ref: str
    instrument: str
    pinpoint: str
    paraphrase: str
    verified: Verification
    reading: str | None = None  # lexgap's reading of the standard, never the instrument's words
    areas: frozenset[str] = frozenset()
    child_only: bool = False
    existed_on: dt.date | None = None  # adopted, issued or opened for signature; None when not recorded

    def fits(self, areas: Iterable[str], children: bool) -> bool:
        """Whether this standard can ground a finding in these areas, for these victims."""
        wanted = areas if isinstance(areas, set | frozenset) else set(areas)
        return (children or not self.child_only) and not self.areas.isdisjoint(wanted)


@dataclass(frozen=True)
class ProvisionRef:
    id: str
    title: str
    law: str
    law_title: str
    status: str


#: One part of a structured reason: a template key of `words.*.EXPLAIN` (or 'legal_system'), then its arguments
#: (ids, vocabulary codes, ISO dates, a few texts): `render.json` writes them, the README says how they read.
Part = tuple[Any, ...]
#: A sentence of a reason with its part.
Line = tuple[str, Part]


@dataclass
class Said:
    """What the reasons of one assessment say of one provision, for the structured reason (contract version 2):
    made once per provision and assessment, its facts filled in as findings say them."""

    id: str
    title: str
    law: str
    law_title: str
    status: str
    type: str | None  # the provision type's code, where the file records one
    note: str | None  # the provision's note on its disputed coverage
    system: str | None  # how a sentence names its law's legal system, when the file has several
    conduct: list[str]  # the conduct it covers, sorted
    facts: dict[str, str] = field(default_factory=dict)  # attribute -> its value in words (and the text's words)
    disputed: dict[str, tuple[str, str]] = field(default_factory=dict)  # attribute -> (note, sources)
    unverified: list[tuple[str, list[str] | None]] = field(default_factory=list)  # (source, fields it covers)


@dataclass
class Finding:
    rule: str
    label: str
    status: Outcome
    severity: Severity
    provisions: list[ProvisionRef]
    basis: list[Basis]
    reason: str  # the facts that decided the outcome, in plain words
    conduct: list[str] = field(default_factory=list)
    related: list[ProvisionRef] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    rule_kind: str = "provision"  # provision, absence (the law as a whole) or company
    caveat: str | None = None  # the rule's own caveat, for every reader of the finding (letters included)
    legal_system: str | None = None  # "federal law", "the law of Scotland": said first in the explanation
    area: str | None = None  # the rule's area of law, where it has one
    parts: list[Part] = field(default_factory=list)  # the reason as data: one part per sentence of `reason`
    said: dict[str, Said] = field(default_factory=dict)  # the provisions the parts name, by id
    condition: str | None = None  # an absence rule's condition in words, as its reason says it
    reads: list[str] = field(default_factory=list)  # the attributes a provision rule reads, sorted

    @property
    def explanation(self) -> str:
        """The reason, then each standard the rule rests on with its pinpoint and our paraphrase."""
        caveat = [en.EXPLAIN["caveat"].format(caveat=self.caveat.strip())] if self.caveat else []
        return " ".join([self.reason, *_basis_lines(self.basis), *caveat])

    @property
    def key(self) -> str:
        target = self.provisions[0].id if self.provisions and self.rule_kind != "absence" else ""
        return ids.finding_key(self.rule, target)

    def sort_key(self) -> tuple[Any, ...]:
        first = self.provisions[0] if self.provisions else None
        return (OUTCOME_ORDER[self.status], SEVERITY_ORDER[self.severity],
                first.law if first else "", first.id if first else "", self.rule)


@dataclass
class Assessment:
    subject_id: str
    subject_kind: str
    subject_name: str
    as_of: str
    findings: list[Finding]
    engine_problems: list[EngineProblem]

    def engine_failures(self, file: str) -> list[Problem]:
        """The engine's failures on this subject, as problems of kind engine (exit 70, a bug)."""
        return [Problem(file, 1, 1, f"{p.kind} on {p.fact_id}: {p.detail}", kind=Kind.engine)
                for p in self.engine_problems]

    def counts(self) -> dict[str, int]:
        counts = {outcome.value: 0 for outcome in Outcome}
        for finding in self.findings:
            counts[finding.status.value] += 1
        return counts


class Assessor:
    """Compiles the rules once and assesses any number of subjects with them."""

    def __init__(self, knowledge: Knowledge, rule_ids: Iterable[str] | None = None, keep_packs: bool = True):
        """`keep_packs=False` where one subject is assessed: each pack is then registered, evaluated and freed
        in turn instead of all being kept for the next subject.  The same packs and matches; the engine's next
        pack reuses the memory the last one freed, where registering every pack in fresh memory costs a page
        fault per 4 KB (durable-rules' nodes are ~1.8 KB each, its node table grown one node at a time):
        on romania-2020, 6,929 -> 1,820 page faults, and 8 to 14 ms less to assess (of about 65)."""
        self.knowledge = knowledge
        self.keep_packs = keep_packs
        wanted = set(rule_ids) if rule_ids is not None else None
        self.rules = {r.id: r for r in knowledge.rules if wanted is None or r.id in wanted}
        self._basis: dict[tuple[str, str], list[Basis]] = {}  # by rule and language
        self._described: dict[str, str] = {}
        # One pack per rule, registered for a subject kind (and for the replaced provisions its facts name, see
        # `packs_for`) when the first subject of that kind comes.
        self.packs: dict[tuple[str, int], list[RulePack]] = {}
        # Each pack sees only the coverage facts whose conduct one of its rules can match: an index,
        # not an evaluation (the engine still decides every outcome), that saves most asserts.
        self.pack_conducts: dict[int, frozenset[str] | None] = {}

    def packs_for(self, subject: str, replaced: int = REPLACES_SLOTS) -> list[RulePack]:
        """The packs of one subject kind, compiled and registered on first use.

        One rule (its few engine rules) per pack: durable-rules matches a fact faster in a small
        ruleset, and a pack's conduct index then lets through only the facts that rule can match.
        `replaced`: the `replaces_N` slots the subject's facts fill (`facts.replaced_width`); a cure is tested
        against those only, the same rule for those facts with fewer joins to register and to evaluate.
        """
        packs = self.packs.get((subject, replaced))
        if packs is None:
            packs = self.packs[subject, replaced] = [self._pack(text, conducts)
                                                     for text, conducts in self._compiled(subject, replaced)]
        return packs

    def _compiled(self, subject: str, replaced: int) -> list[tuple[PackText, frozenset[str] | None]]:
        """Each rule of the subject kind as a pack to register, with the conducts of the facts it can match
        (None: all), in the packs' order (compiled once, then kept in lexgap's cache: `lexgap.compiled`)."""
        rules = [rule for rule in self.rules.values() if rule.subject == subject]
        packs = compiled_packs(rules, subject, replaced)
        packs.sort(key=lambda item: (item[0].area or "", sorted(item[2] or []), item[0].id))
        return [(text, conducts) for _, text, conducts in packs]

    def _pack(self, text: PackText, conducts: frozenset[str] | None) -> RulePack:
        pack = RulePack(text)
        self.pack_conducts[id(pack)] = conducts
        return pack

    def _packs_in_turn(self, subject: str, replaced: int) -> Iterator[RulePack]:
        """The packs to evaluate one subject with: those kept (`packs_for`), or, without `keep_packs`, each
        registered when its turn comes and freed once evaluated."""
        if self.keep_packs:
            yield from self.packs_for(subject, replaced)
            return
        for text, conducts in self._compiled(subject, replaced):
            pack = self._pack(text, conducts)
            try:
                yield pack
            finally:
                pack.close()
                del self.pack_conducts[id(pack)]

    def close(self) -> None:
        for packs in self.packs.values():
            for pack in packs:
                pack.close()

    def __enter__(self) -> Assessor:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _run(self, subject: str, facts: list[dict[str, Any]]) -> tuple[list[Match], list[EngineProblem]]:
        chunks: list[list[Match]] = []
        problems: list[EngineProblem] = []
        by_conduct: dict[Any, list[int]] = defaultdict(list)  # coverage facts by conduct; others always go
        others: list[int] = []
        for index, fact in enumerate(facts):
            if fact["t"] == COVERAGE:
                by_conduct[fact.get("conduct", "")].append(index)
            else:
                others.append(index)
        for pack in self._packs_in_turn(subject, replaced_width(facts)):
            wanted = self.pack_conducts[id(pack)]
            if wanted is None:
                relevant = facts
            else:  # in the order given: the anchor stays last
                chosen = [*others, *(i for conduct in wanted for i in by_conduct.get(conduct, ()))]
                relevant = [facts[i] for i in sorted(chosen)]
            found, trouble = pack.evaluate(relevant)
            if found:
                chunks.append(found)
            problems += trouble
        # Each pack's matches come sorted, and the names of one pack's engine rules all begin with its one rule's
        # id and "|": no two packs' ranges of names overlap, so the packs' lists put in order of their first
        # match are all the matches in order (checked at each seam; sorted in full otherwise), without sorting
        # the thousands of pairs of a file where provisions cure many others again.
        chunks.sort(key=lambda chunk: match_order(chunk[0]))
        matches = [match for chunk in chunks for match in chunk]
        if any(match_order(before[-1]) > match_order(after[0]) for before, after in itertools.pairwise(chunks)):
            matches.sort(key=match_order)
        return matches, problems

    def assess(self, subject: Jurisdiction | Company) -> Assessment:
        if isinstance(subject, Company):
            matches, problems = self._run("company", company_facts(subject))
            findings = _company_findings(self, subject, matches)
            kind = "company"
        else:
            matches, problems = self._run("jurisdiction", coverage_facts(subject))
            findings = _jurisdiction_findings(self, subject, matches)
            kind = "jurisdiction"
        findings.sort(key=Finding.sort_key)
        return Assessment(subject.id, kind, subject.name, subject.as_of.isoformat(), findings, problems)

    def described(self, rule: Rule) -> str:
        """An absence rule's condition in plain words (the same for every subject: said once)."""
        cached = self._described.get(rule.id)
        if cached is None:
            from lexgap.conditions import describe_condition

            assert rule.gap_when_no_provision is not None
            cached = "; and ".join(describe_condition(rule, rule.gap_when_no_provision, with_words=False))
            self._described[rule.id] = cached
        return cached

    def basis(self, rule: Rule) -> list[Basis]:
        """Every standard the rule cites (see `grounds` for those that can ground one finding)."""
        cached = self._basis.get((rule.id, words.language()))
        if cached is not None:
            return cached
        result = []
        for ref in rule.basis:  # (instruments by their short title in the language in use)
            found = self.knowledge.standard(ref)
            if found is None:
                continue
            instrument, provision = found
            areas = frozenset(str(a) for a in (provision.areas or instrument.areas))
            victims = {str(x) for x in (provision.victims or instrument.victims)}
            result.append(Basis(ref, in_language(instrument, "short_title"), provision.pinpoint, provision.paraphrase,
                                provision.source.verified,
                                provision.reading.text if provision.reading else None,
                                areas=areas, child_only=victims == {"child"}, existed_on=instrument.existed_on()))
        self._basis[(rule.id, words.language())] = result
        return result

    def grounds(self, rule: Rule, as_of: dt.date, areas: Iterable[str], children: bool,
                subject: Jurisdiction | None = None) -> tuple[list[Basis], Line | None, Line | None]:
        """The standards that can ground one finding: existing on `as_of`, fitting its area and victims,
        and applying to the subject (`lexgap.treaties`): a treaty it is not party to, or a committee's
        text under such a treaty, is left out when another standard remains; when none remains, they stay
        and the reason is the caveat that they do not bind it.

        With no standard, the reason says why (the finding is then not assessable); the third value is the
        caveat, or None. Each is a sentence with its part."""
        every = self.basis(rule)
        wanted = set(areas)
        fitting = [b for b in every if b.fits(wanted, children)]
        existing = [b for b in fitting if b.existed_on is None or b.existed_on <= as_of]
        if existing and subject is not None:
            return _applying(self.knowledge, existing, subject, as_of)
        if existing:
            return existing, None, None
        if fitting:
            later = "; ".join(en.EXPLAIN["later_standard"].format(instrument=b.instrument, pinpoint=b.pinpoint,
                                                                  date=en.date(b.existed_on))
                              for b in fitting)
            dated = [[b.instrument, b.pinpoint, b.existed_on.isoformat() if b.existed_on else None] for b in fitting]
            return [], (en.EXPLAIN["no_ground_date"].format(date=en.date(as_of), later=later),
                        ("no_ground_date", as_of.isoformat(), dated)), None
        return [], (en.EXPLAIN["no_ground_fit"], ("no_ground_fit",)), None


def _applying(knowledge: Knowledge, bases: list[Basis], subject: Jurisdiction,
              as_of: dt.date) -> tuple[list[Basis], Line | None, Line | None]:
    """The bases that apply to the subject on `as_of`; or all of them, with the caveat, when none does."""
    from lexgap import treaties

    bound = treaties.bound_on(subject, as_of)
    instruments = knowledge.instruments
    foreign: dict[str, list[str]] = {}
    for b in bases:
        instrument = instruments.get(ids.parse_basis_ref(b.ref).instrument)
        foreign[b.ref] = treaties.not_binding(instrument, bound, instruments) if instrument is not None else []
    applying = [b for b in bases if not foreign[b.ref]]
    if applying:
        return applying, None, None
    names = treaties.titles([t for b in bases for t in foreign[b.ref]], instruments, short=False)
    joined = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    return bases, None, (en.EXPLAIN["not_bound"].format(subject=subject.name, treaties=joined, date=en.date(as_of)),
                         ("not_bound", as_of.isoformat(), joined))


# --- jurisdictions --------------------------------------------------------------------


@dataclass(slots=True)  # one per engine match: thousands where provisions cure many others
class _Outcome:
    outcome: Outcome
    variant: str
    conduct: str
    other: str | None


def _jurisdiction_findings(assessor: Assessor, subject: Jurisdiction, matches: list[Match]) -> list[Finding]:
    per_provision: dict[tuple[str, str], list[_Outcome]] = defaultdict(list)
    per_absence: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    # What each engine rule name stands for, worked out once per name rather than once per match: its rule,
    # variant and outcome, and where its matches bind p and q (the same place in each match of one name).
    named: dict[str, tuple[str, str, Outcome | None, int | None, int | None]] = {}
    split: dict[str, tuple[str, str]] = {}  # each fact id's (provision, conduct): a provision cures many others
    for match in matches:
        known = named.get(match.rule)
        if known is None:
            rule_id, variant = ids.split_engine_rule_name(match.rule)
            rule = assessor.rules[rule_id]
            labels = [label for label, _ in match.bindings]
            known = named[match.rule] = (rule_id, variant, None if rule.gap_when_no_provision is not None else
                                         VARIANT_OUTCOME[variant] or Outcome(rule.when_coverage_disputed),
                                         labels.index("p") if "p" in labels else None,
                                         labels.index("q") if "q" in labels else None)
        rule_id, variant, outcome, p_at, q_at = known
        q = match.bindings[q_at][1] if q_at is not None else None
        if outcome is None:
            per_absence[rule_id].append((variant, q))
            continue
        assert p_at is not None
        p = match.bindings[p_at][1]
        provision_id, conduct = split.get(p) or split.setdefault(p, ids.split_fact_id(p))
        other = (split.get(q) or split.setdefault(q, ids.split_fact_id(q)))[0] if q else None
        per_provision[(rule_id, provision_id)].append(_Outcome(outcome, variant, conduct, other))
    provisions = {p.id: p for p in subject.provisions}
    refs = _Refs(subject, provisions)
    findings = [_provision_finding(assessor, subject, assessor.rules[rule_id], provisions[pid], outcomes, provisions,
                                   refs)
                for (rule_id, pid), outcomes in sorted(per_provision.items())]
    findings += [_absence_finding(assessor, subject, assessor.rules[rule_id], variants, refs)
                 for rule_id, variants in sorted(per_absence.items())]
    return findings


class _Refs(dict[str, ProvisionRef]):
    """Each provision's reference, made once per assessment: a provision cured by many others names each of
    them, so the same references come back once per pair (issue 18 case 12)."""

    def __init__(self, subject: Jurisdiction, provisions: dict[str, Provision]):
        super().__init__()
        self.subject = subject
        self.provisions = provisions
        self.said: dict[str, Said] = {}

    def __missing__(self, provision_id: str) -> ProvisionRef:
        ref = self[provision_id] = provision_ref(self.subject, self.provisions[provision_id])
        return ref

    def says(self, provision_id: str) -> Said:
        """What the reasons say of a provision (made on first use, shared by every finding naming it)."""
        said = self.said.get(provision_id)
        if said is None:
            ref, provision = self[provision_id], self.provisions[provision_id]
            unverified = [(_source_phrase([s]), list(s.covers) if s.covers else None)
                          for s in provision.sources if not s.verified]
            said = self.said[provision_id] = Said(
                ref.id, ref.title, ref.law, ref.law_title, ref.status,
                str(provision.provision_type) if provision.provision_type else None, provision.disputed_note,
                legal_system_name(self.subject, provision), sorted({str(c) for c in provision.conduct}),
                unverified=unverified)
        return said


def in_language(obj: Any, field: str) -> Any:
    """A field in the language of the words in use (`lexgap.words.use`): the object's `fr:`/`es:` text when it
    has one, else the English. Reports and assessments fall back to English; letters never do
    (`lexgap.models.localized`)."""
    language = words.language()
    if language == "en" or obj is None:
        return getattr(obj, field, None)
    overlay = getattr(obj, language, None)
    return getattr(overlay, field, None) or getattr(obj, field, None)


def provision_ref(subject: Jurisdiction, provision: Provision) -> ProvisionRef:
    law = next((law for law in subject.laws if law.id == provision.law), None)
    law_title = (in_language(law, "short_title") or in_language(law, "title")) if law else provision.law
    return ProvisionRef(provision.id, in_language(provision, "title"), provision.law, law_title,
                        str(status_of(provision, subject)))




def _words(values: Any, attribute: str = "") -> str:
    if isinstance(values, list):
        return en.JOINERS.get(attribute, "; ").join(plain(v) for v in values) if values else en.EXPLAIN["none"]
    return plain(values)


#: The provision field each rule attribute is read from (for sources, wording and disputes).
_FIELD_OF: dict[str, str] = {
    "victim_categories": "victims", "victim_age_min": "victims", "victim_age_max": "victims",
    "protects_children": "victims", "protects_adults": "victims", "children_can_offend": "offender_age_min",
}


def field_of(attribute: str) -> str:
    return _FIELD_OF.get(attribute, attribute)


def _wording(provision: Provision, field_name: str) -> str:
    """The statute's own words for a field, as a short quotation with its language and our translation."""
    quotes = [en.EXPLAIN["quote"].format(
        text=entry.text, language=entry.language,
        translation=en.EXPLAIN["translation"].format(translation=entry.translation) if entry.translation else "")
        for entry in provision.wording if entry.field == field_name]
    return en.EXPLAIN["wording"].format(quotes="; ".join(quotes)) if quotes else ""


def _source_phrase(sources: Iterable[Any]) -> str:
    return "; ".join(s.document + (f", {s.pinpoint}" if s.pinpoint else "") for s in sources)


def _fact_phrases(rule: Rule, provision: Provision, status: Status,
                  said_of: Said | None = None) -> tuple[list[str], list[str], list[str], list[list[str]]]:
    """What the provision says on each attribute the rule reads, which are unknown, and which are disputed; then
    the codes of the attributes in each of the three (the facts written down in `said_of`)."""
    from lexgap.facts import disputed_attributes

    values = provision_values(provision, status)
    attributes = ATTRIBUTES_BY_SUBJECT["jurisdiction"]
    disputes = disputed_attributes(provision)
    said, missing, disputed = [], [], []
    codes: list[list[str]] = [[], [], []]
    for name in sorted(rule.gap_when or {}):
        attribute = attributes[name]
        value = values[name]
        if name in disputes:
            entry = next(d for d in provision.disputed if d.field == disputes[name])
            note, sources = entry.note.rstrip("."), _source_phrase(entry.sources)
            disputed.append(en.EXPLAIN["disputed_fact"].format(attribute=attribute.plain, note=note, sources=sources))
            codes[2].append(name)
            if said_of is not None:
                said_of.disputed[name] = (note, sources)
        elif value is None:
            missing.append(attribute.plain)
            codes[1].append(name)
        else:
            value_words, wording = _words(value, name), _wording(provision, field_of(name))
            said.append(en.EXPLAIN["attribute"].format(attribute=attribute.plain, value=value_words) + wording)
            codes[0].append(name)
            if said_of is not None:
                said_of.facts[name] = value_words + wording
    return said, missing, disputed, codes


def _unverified_facts(provision: Provision, fields: Iterable[str]) -> tuple[list[str], list[str]]:
    """Each fact the rule reads that rests on a source lexgap has not verified, with that source; then their
    codes."""
    attributes = ATTRIBUTES_BY_SUBJECT["jurisdiction"]
    named: dict[str, list[Any]] = {}
    codes: dict[str, str] = {}
    for name in fields:
        field_name = field_of(name)
        plain_name = attributes[name].plain if name in attributes else field_name
        for source in provision.sources:
            if not source.verified and (not source.covers or field_name in source.covers):
                named.setdefault(plain_name, []).append(source)
                codes.setdefault(plain_name, name)
    return ([en.EXPLAIN["unverified_fact"].format(fact=name, sources=_source_phrase(sources))
             for name, sources in named.items()], list(codes.values()))


def _provision_finding(assessor: Assessor, subject: Jurisdiction, rule: Rule, provision: Provision,
                       outcomes: list[_Outcome], others: dict[str, Provision] | None = None,
                       refs: _Refs | None = None) -> Finding:
    status = status_of(provision, subject)
    by_outcome: dict[Outcome, list[_Outcome]] = defaultdict(list)
    for item in outcomes:
        by_outcome[item.outcome].append(item)
    if by_outcome[Outcome.gap]:
        final = Outcome.gap
    elif by_outcome[Outcome.not_assessable]:
        final = Outcome.not_assessable
    else:
        final = Outcome.met
    if others is None:
        others = {p.id: p for p in subject.provisions}
    if refs is None:
        refs = _Refs(subject, others)
    ref = refs[provision.id] if provision.id in others else provision_ref(subject, provision)
    named = {provision.id: refs.says(provision.id)} if provision.id in others else {}
    said, missing, disputed_facts, codes = _fact_phrases(rule, provision, status, named.get(provision.id))
    system = legal_system_name(subject, provision)
    lines = [(en.EXPLAIN["legal_system"].format(system=system) if system else "")
             + en.EXPLAIN["provision"].format(title=provision.title, law=ref.law_title, status=STATUS_WORDS[status])
             + (": " + "; ".join(said) if said else "") + "."]
    parts: list[Part] = [("legal_system", system)] if system else []
    parts.append(("provision", *codes[0]))
    conducts = sorted({o.conduct for o in by_outcome[final]})
    grounds, no_ground, not_bound = assessor.grounds(rule, subject.as_of, finding_areas(conducts, rule),
                                                     bool(victim_reach(provision)[1]), subject)
    if no_ground:
        final = Outcome.not_assessable
        conducts = sorted({o.conduct for o in outcomes})
    if len(set(provision.conduct)) > 1:
        lines.append(en.EXPLAIN["concerns"].format(conducts=_conduct_list(conducts)))
        parts.append(("concerns", *conducts))
    related: dict[str, ProvisionRef] = {}
    for item in sorted(outcomes, key=lambda o: (o.conduct, o.variant, o.other or "")):
        if item.other and item.other in others:
            related[item.other] = refs[item.other]
    if no_ground:
        lines.append(no_ground[0])
        parts.append(no_ground[1])

    def name(other_id: str) -> str:
        named[other_id] = refs.says(other_id)
        return other_id

    if final is Outcome.gap:
        lines.append(en.EXPLAIN["gap"].format(label=in_language(rule, "label")))
        parts.append(("gap",))
        if rule.unless_covered_elsewhere:
            disputed = [o for o in by_outcome[Outcome.gap] if o.variant == "disputed_cure"]
            if disputed:
                for item in disputed:
                    other = others[item.other] if item.other else None
                    if other is not None:
                        lines.append(en.EXPLAIN["disputed_cure"].format(
                            other=in_language(other, "title"), conduct=plain(item.conduct),
                            note=_note(other.disputed_note)))
                        parts.append(("disputed_cure", name(other.id), item.conduct))
            else:
                kind = f" ({plain(provision.provision_type)})" if provision.provision_type else ""
                lines.append(en.EXPLAIN["no_cure"].format(kind=kind))
                parts.append(("no_cure",))
    elif final is Outcome.met:
        cured = [o for o in outcomes if o.variant in ("cured", "cured_in_text") and o.other in others]
        if cured:
            titles: dict[str, str] = {}  # one provision per title, the first by id, in the order of the titles
            for other_id in sorted({o.other for o in cured if o.other}):
                titles.setdefault(in_language(others[other_id], "title"), other_id)
            names = sorted(titles)
            lines.append(en.EXPLAIN["cured"].format(names=", ".join(names)))
            parts.append(("cured", *[name(titles[title]) for title in names]))
        else:
            lines.append(en.EXPLAIN["met"].format(label=in_language(rule, "label")))
            parts.append(("met",))
    else:
        if missing:
            lines.append(en.EXPLAIN["missing"].format(missing=", ".join(missing)))
            parts.append(("missing", *codes[1]))
        for text, code in zip(disputed_facts, codes[2], strict=True):
            lines.append(en.EXPLAIN["cannot_assess"].format(what=text))
            parts.append(("cannot_assess", code))
        uncertain = [o for o in by_outcome[Outcome.not_assessable] if o.other in others]
        for item in uncertain:
            other = others[item.other] if item.other else None
            if other is None:
                continue
            if item.variant == "disputed_cure":
                lines.append(en.EXPLAIN["may_cover_disputed"].format(other=other.title,
                                                                     note=_note(other.disputed_note)))
                parts.append(("may_cover_disputed", name(other.id)))
            else:
                lines.append(en.EXPLAIN["might_cover"].format(other=other.title))
                parts.append(("might_cover", name(other.id)))
    unverified, unverified_codes = _unverified_facts(provision, [*sorted(rule.gap_when or {}), "conduct"])
    if unverified:
        lines.append(en.EXPLAIN["unverified_named"].format(facts="; ".join(unverified)))
        parts.append(("unverified_named", *unverified_codes))
    if not_bound:
        lines.append(not_bound[0])
        parts.append(not_bound[1])
    return Finding(rule.id, in_language(rule, "label"), final, rule.severity, [ref], grounds, " ".join(lines),
                   conducts, sorted(related.values(), key=lambda r: r.id), missing + disputed_facts,
                   caveat=in_language(rule, "caveat"), legal_system=system,
                   area=rule.area.value if rule.area else None, parts=parts, said=named,
                   reads=sorted(rule.gap_when or {}))


def legal_system_name(subject: Jurisdiction, provision: Provision) -> str | None:
    """How a sentence names the legal system of the provision's law ('federal law'), when the file has several."""
    from lexgap.facts import legal_system_of

    system = legal_system_of(provision, subject)
    return next((s.name for s in subject.legal_systems if s.id == system), None) if system else None


def _note(note: str | None) -> str:
    """A provision's note on its disputed coverage, or where to look when it has none."""
    return note or en.EXPLAIN["see_sources"]


def _practice_note(note: str | None) -> str:
    return en.EXPLAIN["note"].format(note=_note_said(note)) if note else ""


def _note_said(note: str | None) -> str | None:
    """A company's note on a practice as its reason says it (without a final full stop), or None."""
    return note.rstrip(".") if note else None


def _systems_encoded(subject: Jurisdiction) -> tuple[str, str]:
    """For a file with several legal systems: those with laws in the file, and those listed without any
    (named so that an absence under federal law never reads as an absence in the country's law as a whole)."""
    with_laws = {law.legal_system for law in subject.laws}
    encoded = [s.name for s in subject.legal_systems if s.id in with_laws]
    listed_only = [s.name for s in subject.legal_systems if s.id not in with_laws]
    return " and ".join(encoded), " and ".join(listed_only)


def _conduct_list(conducts: Iterable[str]) -> str:
    return "; ".join(plain(Conduct(c)) for c in conducts)


def _basis_lines(basis: list[Basis]) -> list[str]:
    if not basis:
        return []
    parts = [f"{b.instrument} {b.pinpoint}: {b.paraphrase.rstrip('.')}"
             + (en.EXPLAIN["reading"].format(reading=b.reading.rstrip('.')) if b.reading else "") for b in basis]
    return [en.EXPLAIN["standards"].format(standards=" | ".join(parts))]


def _absence_finding(assessor: Assessor, subject: Jurisdiction, rule: Rule,
                     variants: list[tuple[str, str | None]], refs_made: _Refs | None = None) -> Finding:
    assert rule.gap_when_no_provision is not None
    provisions = {p.id: p for p in subject.provisions} if refs_made is None else refs_made.provisions
    known = refs_made if refs_made is not None else _Refs(subject, provisions)
    kinds = {variant for variant, _ in variants}
    named: dict[str, Said] = {}
    def refs(variant: str) -> list[ProvisionRef]:
        found = sorted({ids.split_fact_id(q)[0] for v, q in variants if v == variant and q})
        return [known[i] for i in found if i in provisions]
    def name(provision_id: str) -> str:
        named[provision_id] = known.says(provision_id)
        return provision_id
    what = assessor.described(rule)
    lines: list[str] = []
    parts: list[Part] = []
    concerned: list[ProvisionRef] = []
    if "present" in kinds:
        final = Outcome.met
        concerned = refs("present")
        lines.append(en.EXPLAIN["absence_present"].format(names=", ".join(r.title for r in concerned), what=what))
        parts.append(("absence_present",))
    elif "disputed" in kinds:
        final = Outcome(rule.when_coverage_disputed)
        concerned = refs("disputed")
        for ref in concerned:
            note = provisions[ref.id].disputed_note
            lines.append(en.EXPLAIN["absence_disputed"].format(title=ref.title, what=what, note=_note(note)))
            parts.append(("absence_disputed", ref.id))
    elif "uncertain" in kinds:
        final = Outcome.not_assessable
        concerned = refs("uncertain")
        lines.append(en.EXPLAIN["absence_uncertain"].format(what=what, names=", ".join(r.title for r in concerned)))
        parts.append(("absence_uncertain",))
    elif "absent" in kinds:
        final = Outcome.gap
        lines.append(en.EXPLAIN["absence_absent"].format(what=what, area=rule.area))
        parts.append(("absence_absent",))
    else:
        final = Outcome.not_assessable
        lines.append(en.EXPLAIN["absence_open"].format(what=what, area=rule.area))
        parts.append(("absence_open",))
    for ref in concerned:
        name(ref.id)
    if final is not Outcome.met:
        wanted = rule.gap_when_no_provision.get("conduct")
        words = {str(w) for w in (wanted.any_of or [])} if wanted is not None else set()
        for provision in sorted(subject.provisions, key=lambda p: p.id):
            for added in provision.conduct_added:
                if str(added.conduct) in words and added.date > subject.as_of:
                    lines.append(en.EXPLAIN["added_later"].format(title=provision.title, conduct=plain(added.conduct),
                                                                  date=en.date(added.date)))
                    parts.append(("added_later", name(provision.id), str(added.conduct), added.date.isoformat()))
    pending = refs("pending")
    if pending and final is not Outcome.met:
        bills = ", ".join(en.EXPLAIN["pending_bill"].format(title=r.title, law=r.law_title,
                                                            status=STATUS_WORDS[Status(r.status)]) for r in pending)
        lines.append(en.EXPLAIN["pending"].format(bills=bills))
        parts.append(("pending", *[name(r.id) for r in pending]))
    encoded, not_encoded = _systems_encoded(subject)
    if encoded:
        lines[0] = en.EXPLAIN["legal_system"].format(system=encoded) + lines[0]
        parts.insert(0, ("legal_system", encoded))
    if not_encoded and final is not Outcome.met:
        lines.append(en.EXPLAIN["not_encoded"].format(system=encoded, others=not_encoded))
        parts.append(("not_encoded", encoded, not_encoded))
    grounds, no_ground, not_bound = assessor.grounds(rule, subject.as_of, rule_areas(rule), True, subject)
    if no_ground:
        final = Outcome.not_assessable
        lines.append(no_ground[0])
        parts.append(no_ground[1])
    if not_bound:
        lines.append(not_bound[0])
        parts.append(not_bound[1])
    finding = Finding(rule.id, in_language(rule, "label"), final, rule.severity, concerned, grounds, " ".join(lines),
                      related=pending if final is not Outcome.met else [], caveat=in_language(rule, "caveat"),
                      area=rule.area.value if rule.area else None, legal_system=encoded or None, parts=parts,
                      said=named, condition=what)
    finding.rule_kind = "absence"
    return finding


# --- companies --------------------------------------------------------------------------


def _company_findings(assessor: Assessor, company: Company, matches: list[Match]) -> list[Finding]:
    findings = []
    for match in matches:
        rule_id, variant = ids.split_engine_rule_name(match.rule)
        rule = assessor.rules[rule_id]
        outcome = VARIANT_OUTCOME[variant] or Outcome.not_assessable
        lines: list[str] = []
        parts: list[Part] = []
        missing: list[str] = []
        for name in sorted(rule.gap_when or {}):
            practice = company.practices.get(name)
            plain = str(en.PRACTICE_PHRASES.get(name, PRACTICES[name]))
            if practice is None or practice.answer is None:
                missing.append(plain)
                lines.append(en.EXPLAIN["practice_unknown"].format(
                    company=company.name, practice=plain, note=_practice_note(practice.note if practice else None)))
                parts.append(("practice_unknown", name, _note_said(practice.note if practice else None)))
            else:
                lines.append(en.EXPLAIN["practice"].format(company=company.name, practice=plain,
                                                           answer=practice.answer.value,
                                                           note=_practice_note(practice.note)))
                parts.append(("practice", name, practice.answer.value, _note_said(practice.note)))
            basis = [b for b in assessor.basis(rule) if b.existed_on is None or b.existed_on <= company.as_of]
            if not basis:
                outcome = Outcome.not_assessable
                lines.append(en.EXPLAIN["no_ground_company"].format(date=en.date(company.as_of)))
                parts.append(("no_ground_company", company.as_of.isoformat()))
            finding = Finding(rule.id, in_language(rule, "label"), outcome, rule.severity, [], basis, " ".join(lines),
                              missing=missing, caveat=in_language(rule, "caveat"),
                              area=rule.area.value if rule.area else None, parts=list(parts))
        finding.rule_kind = "company"
        findings.append(finding)
    return findings

