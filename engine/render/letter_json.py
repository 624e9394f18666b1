"""A draft letter as JSON: every paragraph and question with the finding keys and sources behind it."""

from __future__ import annotations

import dataclasses
from typing import Any

from lexgap import __version__
from lexgap.letters import Letter
from lexgap.render.json import dumps


def letter_json(letter: Letter) -> dict[str, Any]:
    parts = dataclasses.asdict(letter)
    parts.pop("problems")
    return {"lexgap": __version__, "format": "letter", **parts}


def render_letter(letter: Letter) -> str:
    return dumps(letter_json(letter))
