"""The JSON contract of `lexgap compare` (documented in the README; other tools read it).

Shape, keys always in this order::

    {
      "lexgap": "0.1.0",
      "base": {"id": "romania-2020", "name": "Romania", "as_of": "2021-01-25"},
      "others": [
        {
          "id": "ro-bill-606-2019-government",
          "kind": "bill",
          "title": "Bill no. 606/2019 adopted with the Government's requested changes (2020, as reported)",
          "as_of": "2021-01-25",
          "summary": {"introduced": 3, "closed": 0, "status_changed": 1, "unchanged": 54},
          "changes": [
            {"rule": "intent-to-harm-requirement", "label": "intent-to-harm requirement",
             "severity": "high", "provision": "ro/bill/2019/606~art_1",
             "before": "met", "after": "gap", "change": "introduced"}
          ],
          "provision_changes": [
            {"provision": "ro/bill/2019/606~art_1", "field": "mental_element",
             "before": ["intent_general"], "after": ["intent_general", "intent_to_harm"],
             "sources": [{"document": "AL ROU 2/2020", "pinpoint": "body, paragraph on Bill n°606/2019; ...",
                          "url": null, "consulted": "2026-11-23", "verified": "unverified"}]}
          ]
        }
      ]
    }

- `others` come in the order compared: OTHER jurisdiction files as given, then bills as given.
  A bill is BASE as it would be if the bill were adopted; its `as_of` is BASE's.
- `changes` holds every finding of either side, matched by rule and provision id (`provision`
  is null for absence rules, which concern the law as a whole).  `before`/`after` are `gap`,
  `not_assessable`, `met`, or null where that side has no such finding (the provision is
  absent or repealed, or the rule no longer applies to it).  `change` is `introduced` (a gap
  in OTHER that is not one in BASE), `closed` (a gap in BASE that is not one in OTHER),
  `status_changed` (any other change, such as `not_assessable` -> `met`) or `unchanged`.
  Order: introduced, closed, status_changed, unchanged; then severity (high first), then
  provision id (absence findings last), then rule id.
- `provision_changes` lists, per provision id, each field whose value differs, as JSON values
  (null: not recorded in the file, so not known).  `status` is the status in force, taken
  from the provision or its law.  A provision present on one side only has one entry with
  `field` "provision" and its title as `before` (removed) or `after` (added).  `sources` are
  the sources of the new value: those OTHER adds first; for a status that comes from the law,
  the law's.  Order: provision id, then field in the order of the provision format.
"""

from __future__ import annotations

from typing import Any

from lexgap import __version__
from lexgap.compare import Comparison, FindingChange, ProvisionChange
from lexgap.render.json import dumps, source_json


def change_json(change: FindingChange) -> dict[str, Any]:
    return {
        "rule": change.rule,
        "label": change.label,
        "severity": change.severity.value,
        "provision": change.provision,
        "before": change.before.value if change.before else None,
        "after": change.after.value if change.after else None,
        "change": change.change.value,
    }


def provision_change_json(change: ProvisionChange) -> dict[str, Any]:
    return {
        "provision": change.provision,
        "field": change.field,
        "before": change.before,
        "after": change.after,
        "sources": [source_json(s) for s in change.sources],
    }


def other_json(comparison: Comparison) -> dict[str, Any]:
    return {
        "id": comparison.other_id,
        "kind": comparison.other_kind,
        "title": comparison.other_title,
        "as_of": comparison.other_as_of,
        "summary": comparison.counts(),
        "changes": [change_json(c) for c in comparison.changes],
        "provision_changes": [provision_change_json(c) for c in comparison.provision_changes],
    }


def comparisons_json(comparisons: list[Comparison]) -> dict[str, Any]:
    first = comparisons[0] if comparisons else None
    return {
        "lexgap": __version__,
        "base": {"id": first.base_id, "name": first.base_name, "as_of": first.base_as_of} if first else None,
        "others": [other_json(c) for c in comparisons],
    }


def render_comparisons(comparisons: list[Comparison]) -> str:
    return dumps(comparisons_json(comparisons))
