"""render/text.py: the letter as plain text wrapped for e-mail."""

from __future__ import annotations

from lexgap.letters import Letter
from lexgap.render import text


def test_letter_is_wrapped_and_titled(letter: Letter) -> None:
    out = text.render_letter(letter)
    assert out.startswith("Draft communication to Romania\n==============================\n")
    # only an unbreakable word (a long URL) may pass the width
    assert all(len(line) <= text.WIDTH or " " not in line.strip() for line in out.splitlines())
    narrow = text.render_letter(letter, width=60)
    assert all(len(line) <= 60 or " " not in line.strip() for line in narrow.splitlines())
    assert narrow != out
