"""render/text.py: the communication as plain text wrapped for e-mail."""

from __future__ import annotations

from lexgap.compose import Communication
from lexgap.render import text


def test_letter_is_wrapped_without_markup(letter: Communication) -> None:
    out = text.render_letter(letter)
    assert out.startswith("Mandates of the Working Group on discrimination against women and girls;")
    assert "**" not in out and "[^" not in out and "[1] https://" in out
    # only an unbreakable word (a long URL) may pass the width
    assert all(len(line) <= text.WIDTH or " " not in line.strip() for line in out.splitlines())
    narrow = text.render_letter(letter, width=60)
    assert all(len(line) <= 60 or " " not in line.strip() for line in narrow.splitlines())
    assert narrow != out
