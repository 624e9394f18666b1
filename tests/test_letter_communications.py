"""`lexgap letter` as a communication: the bundled plans for AL ROU 2/2020 and AL OTH 5/2021 give
letters with every structural element of the seed letters, in Markdown, text and Word; the memo
keeps what the letter leaves out; check-draft agrees with every letter lexgap writes."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.shared import Mm

from helpers import REPO, lexgap
from lexgap.drafts import run_check_draft
from lexgap.problems import Level
from lexgap.render import letter_bytes
from lexgap.render.docx import read_footnotes

ROMANIA, TELEGRAM = "romania-2020.yaml", "telegram-2021.yaml"
PLANS = {ROMANIA: "al-rou-2-2020", TELEGRAM: "al-oth-5-2021"}
SIGNATORIES = ["Elizabeth Broderick", "Mama Fatima Singhateh", "Siobhán Mullally", "Dubravka Šimonović"]


def _letter(subject: str, fmt: str = "markdown", plan: str | None = None, **options: Any) -> bytes:
    data, problems = letter_bytes(subject, fmt, None, plan=plan, **options)
    assert not problems, "\n".join(map(str, problems))
    assert data is not None
    return data


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


@pytest.fixture(scope="module")
def letters() -> dict[tuple[str, str], bytes]:
    return {(subject, fmt): _letter(subject, fmt, PLANS[subject])
            for subject in PLANS for fmt in ("markdown", "text", "docx", "json", "memo")}


def _text(letters: dict[tuple[str, str], bytes], subject: str, fmt: str) -> str:
    """The letter's text; plain text unwrapped (its paragraphs are wrapped at 88 columns)."""
    data = letters[(subject, fmt)]
    if fmt == "docx":
        return _docx_text(data)
    text = data.decode("utf-8")
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text) if fmt == "text" else text


# --- the frame of the genre ------------------------------------------------------------------------

#: Every structural element of the seed letters, as a pattern found in the letter (DOMAIN_COMMUNICATIONS).
ELEMENTS = {
    "mandates block": r"Mandates of the Working Group on discrimination against women and girls; the Special "
                      r"Rapporteur on the sale and sexual exploitation of children",
    "reference": r"REFERENCE:\s*\n?\s*{reference}",
    "date": r"\n25 January 2021\n",
    "opening with the resolutions in force": r"in our capacities as Working Group on discrimination against women "
                                             r"and girls;.* pursuant to Human Rights Council resolutions 41/6, "
                                             r"43/22, 44/4 and 41/17\.",
    "subject": r"concerning \**a network of Romanian social media accounts",
    "information received": r"According to the information we have received:",
    "not prejudged": r"Without prejudging the accuracy of the information received",
    "pointer to the annex": r"please refer to the \**Annex on reference to international human rights law",
    "questions lead": r"we would be grateful for your observations on the following matters:",
    "reply within 60 days": r"We would appreciate a response within 60 days\.",
    "publication": r"made public on the communications reporting website",
    "report to the Council": r"report to be presented to the Human Rights Council",
    "interim measures": r"we urge that all necessary interim measures be taken to halt the alleged",
    "accountability": r"accountability of any person responsible",
    "copies": r"letters on the same subject have also been sent to the Governments of",
    "courtesy closing": r"Please accept, (?:Excellency|Madam or Sir), the assurances of our highest consideration\.",
    "annex": r"\n(?:## )?Annex\n",
    "annex title": r"Reference to international human rights law",
}


@pytest.mark.parametrize("fmt", ["markdown", "text", "docx"])
@pytest.mark.parametrize("subject", [ROMANIA, TELEGRAM])
def test_every_structural_element_of_the_seed_letters(letters: dict[tuple[str, str], bytes], subject: str,
                                                      fmt: str) -> None:
    text = _text(letters, subject, fmt)
    reference = "AL ROU 2/2020" if subject == ROMANIA else "AL OTH 5/2021"
    missing = [name for name, pattern in ELEMENTS.items()
               if not re.search(pattern.replace("{reference}", re.escape(reference)), text, re.S)]
    assert not missing, f"{subject} ({fmt}) lacks: {missing}"
    assert len(re.findall(r"^Excellency,$", text, re.M)) == (1 if subject == ROMANIA else 0)
    assert ("Dear Madam or Sir," in text) == (subject == TELEGRAM)
    signatures = text[text.index("highest consideration"):]
    assert [name for name in SIGNATORIES if name in signatures] == SIGNATORIES
    assert "Chair-Rapporteur of the Working Group on discrimination against women and girls" in signatures


def test_numbered_questions_follow_the_lead(letters: dict[tuple[str, str], bytes]) -> None:
    for subject in PLANS:
        text = _text(letters, subject, "markdown")
        numbers = [int(n) for n in re.findall(r"^(\d+)\. Please", text, re.M)]
        assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) >= 6


def test_the_company_letter_says_who_the_special_procedures_are_with_footnotes(
        letters: dict[tuple[str, str], bytes]) -> None:
    text = _text(letters, TELEGRAM, "markdown")
    assert "We are independent experts appointed by the United Nations Human Rights Council[^1]" in text
    assert "communications procedure of the Special Procedures of the Human Rights Council[^2]" in text
    assert re.search(r"^\[\^1\]: .*https://www\.ohchr\.org/", text, re.M)
    notes = read_footnotes(letters[(TELEGRAM, "docx")])
    assert len(notes) == 3 and "ohchr.org" in notes[0] and "communications" in notes[1]


# --- what the letter says -------------------------------------------------------------------------


def test_romania_raises_the_legal_concerns_of_the_real_letter(letters: dict[tuple[str, str], bytes]) -> None:
    text = _text(letters, ROMANIA, "markdown")
    # the cyber-violence law limited to family and partners, leaving children unprotected
    assert re.search(r"article 4\(1\)\(h\) of Law No\. 217/2003[^.]*only where the perpetrator is a family member",
                     text, re.I)
    # the Government's requested intent to harm on Bill 606/2019
    assert re.search(r"Bill No\. 606/2019[^.]*intended to harm", text)
    # the intent requirement of draft law 655/2020 for trafficking
    assert re.search(r"draft law 655/2020[^.]*intent beyond the purpose of exploitation", text, re.I)
    # the discrimination point under CEDAW, with the date Romania ratified it
    assert re.search(r"may amount to discrimination against women and girls as defined in article 1 of the "
                     r"Convention on the Elimination of All Forms of Discrimination against Women, ratified by "
                     r"Romania on 7 January 1982", text)


def test_romania_asks_at_most_15_questions_none_twice(letters: dict[tuple[str, str], bytes]) -> None:
    letter = json.loads(letters[(ROMANIA, "json")])
    questions = letter["questions"]
    assert 10 <= len(questions) <= 15
    seen: dict[tuple[str, str], int] = {}
    for question in questions:
        for key in question["findings"]:
            rule, _, provision = key.partition("@")
            law = provision.partition("~")[0]
            pair = (rule, law)
            assert seen.setdefault(pair, question["number"]) == question["number"], \
                f"{pair} is asked in questions {seen[pair]} and {question['number']}"
    texts = [q["text"] for q in questions]
    assert len(set(texts)) == len(texts)
    # the case first, prevention last
    assert texts[0].startswith("Please share any observations") and "prevent" in texts[-1]


def test_domestic_law_is_cited_by_article_never_by_title(letters: dict[tuple[str, str], bytes]) -> None:
    text = _text(letters, ROMANIA, "markdown")
    assert "article 4(1)(h) of Law No. 217/2003" in text
    subject = yaml.safe_load((REPO / "legislation" / ROMANIA).read_text(encoding="utf-8"))
    titles = [p["title"] for p in subject["provisions"]]
    body = text.split("## Annex", 1)[0]
    assert not [t for t in titles if t in body]


@pytest.mark.parametrize("fmt", ["markdown", "text", "docx"])
@pytest.mark.parametrize("subject", [ROMANIA, TELEGRAM])
def test_no_sources_no_verification_notes_no_lexgap_notes(letters: dict[tuple[str, str], bytes], subject: str,
                                                          fmt: str) -> None:
    text = _text(letters, subject, fmt)
    for word in ("Sources", "verified", "consulted", "lexgap", "Our note", "Per the letter", "not checked",
                 "contrary to", "Draft communication"):
        assert word not in text, f"{word!r} in the {subject} letter ({fmt})"
    if subject == ROMANIA and fmt == "markdown":  # the one note: the link to the communications website
        assert re.findall(r"\[\^\d+\]", text) == ["[^1]", "[^1]"] and "[^1]: https://spcommreports" in text


def test_the_memo_keeps_everything_the_letter_leaves_out(letters: dict[tuple[str, str], bytes]) -> None:
    memo = _text(letters, ROMANIA, "memo")
    assert "NOT verified" in memo and "consulted 2026-11-23" in memo
    assert "`limited-to-domestic-relationships@ro/act/2003/217~art_4__para_1__lit_h`" in memo
    assert "fact `parallel-letters`: left out" in memo
    assert "standard `crc-gc-25`: left out" in memo
    assert re.search(r"question `[^`]+`: dropped", memo)
    letter = json.loads(letters[(ROMANIA, "json")])
    # every finding keeps its sources; one that no standard grounds on the file's date, on a provision the
    # file does not have, has none (its explanation says why)
    assert letter["findings"] and all(f["sources"] or (f["status"] == "not_assessable" and not f["provisions"]
                                                       and "existed on" in f["explanation"])
                                      for f in letter["findings"])


def test_the_company_letter_voices_the_allegations_conditionally(letters: dict[tuple[str, str], bytes]) -> None:
    text = _text(letters, TELEGRAM, "markdown")
    assert re.search(r"if the information received is confirmed, by not reviewing these images[^.]*Telegram "
                     r"Messenger LLP may be causing or contributing to abuses", text)


def test_no_standard_issued_after_the_letters_date(letters: dict[tuple[str, str], bytes]) -> None:
    for subject in PLANS:
        text = letters[(subject, "markdown")].decode("utf-8")
        assert "No. 25" not in text and "CRC/C/GC/25" not in text
        # the JSON trace may say why a later standard grounds nothing, never cite it as a basis or in the letter
        trace = json.loads(letters[(subject, "json")])
        for finding in trace["findings"]:
            if "No. 25" in json.dumps(finding):
                assert "existed on" in finding["explanation"] and not finding["sources"], finding["key"]
        assert "No. 25" not in json.dumps({k: v for k, v in trace.items() if k not in ("findings", "memo")})


def test_the_annex_cites_the_core_provisions_with_ratification_dates(letters: dict[tuple[str, str], bytes]) -> None:
    annex = _text(letters, ROMANIA, "markdown").split("## Annex", 1)[1]
    assert "the Convention on the Rights of the Child, ratified by Romania on 28 September 1990" in annex
    for passage in ("Article 34 of the CRC:", "Article 2(c) of the OPSC:", "Article 3(1) of the OPSC:",
                    "Article 1 of CEDAW:", "Paragraph 9 of CEDAW General Recommendation No. 19:",
                    "Article 3(a) of the Palermo Protocol:", "Principle 13 of the OHCHR Recommended Principles"):
        assert passage in annex
    assert "date unverified" not in annex and "rests on a source" not in annex


# --- without a plan ------------------------------------------------------------------------------------


def test_without_a_plan_the_frame_is_marked_for_the_officer() -> None:
    text = _letter(ROMANIA, "text").decode("utf-8")
    assert "\\[REFERENCE\\]" in _letter(ROMANIA).decode("utf-8")  # Markdown shows the brackets as written
    for placeholder in ("[REFERENCE]", "[DATE]", "[MANDATES]", "[RESOLUTIONS]"):
        assert placeholder in text
    questions = re.findall(r"^\d+\. Please", text, re.M)
    assert 5 <= len(questions) <= 15
    assert "Excellency," in text and "According to the information we have received:" in text


def test_a_law_review_without_information_received_is_an_other_letter(tmp_path: Path) -> None:
    subject = yaml.safe_load((REPO / "legislation" / ROMANIA).read_text(encoding="utf-8"))
    subject["context"] = []
    path = tmp_path / "law-only.yaml"
    path.write_text(yaml.safe_dump(subject, allow_unicode=True), encoding="utf-8")
    text = _letter(str(path)).decode("utf-8")
    assert "According to the information" not in text and "interim measures" not in text
    assert "our comments on" in text


# --- the office's own clauses and template ------------------------------------------------------------


def test_an_office_replaces_a_clause_with_its_own_file(tmp_path: Path) -> None:
    clauses = tmp_path / "office.yaml"
    clauses.write_text("courtesy_closing:\n  state: With our highest regards.\n", encoding="utf-8")
    text = _letter(ROMANIA, "markdown", PLANS[ROMANIA], clauses=clauses).decode("utf-8")
    assert "With our highest regards." in text and "assurances of our highest consideration" not in text
    bad = tmp_path / "bad.yaml"
    bad.write_text("courtesy_closin:\n  state: x\n", encoding="utf-8")
    data, problems = letter_bytes(ROMANIA, "markdown", None, plan=PLANS[ROMANIA], clauses=bad)
    assert data is None and "did you mean 'courtesy_closing'" in str(problems[0])


def test_an_office_template_gives_its_styles(tmp_path: Path) -> None:
    template = Document()
    template.styles["Normal"].font.name = "Arial"
    path = tmp_path / "office.docx"
    template.save(str(path))
    data = _letter(ROMANIA, "docx", PLANS[ROMANIA], reference_docx=path)
    document = Document(io.BytesIO(data))
    assert document.styles["Normal"].font.name == "Arial"
    assert "AL ROU 2/2020" in _docx_text(data)


# --- Word as offices use it -------------------------------------------------------------------------


def test_docx_is_a4_in_british_english_with_page_numbers(letters: dict[tuple[str, str], bytes]) -> None:
    data = letters[(ROMANIA, "docx")]
    document = Document(io.BytesIO(data))
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = archive.read("word/styles.xml").decode("utf-8")
        footers = [archive.read(n).decode("utf-8") for n in archive.namelist() if n.startswith("word/footer")]
    assert 'w:lang w:val="en-GB"' in styles
    assert any("PAGE" in footer for footer in footers)
    numbered = [p for p in document.paragraphs if p.style is not None and p.style.name == "List Number"]
    assert len(numbered) == len(json.loads(letters[(ROMANIA, "json")])["questions"])
    assert all(abs((p.paragraph_format.first_line_indent or 0) + Mm(10)) < Mm(0.5) for p in numbered)


def test_docx_footnotes_are_real_footnotes(letters: dict[tuple[str, str], bytes]) -> None:
    data = letters[(TELEGRAM, "docx")]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
        types = archive.read("[Content_Types].xml").decode("utf-8")
    assert body.count("<w:footnoteReference") == 3
    assert "relationships/footnotes" in rels and "footnotes+xml" in types
    assert "[^" not in body


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-writer-nogui")
@pytest.mark.parametrize("subject", [ROMANIA, TELEGRAM])
def test_docx_opens_in_libreoffice_and_converts_to_pdf(letters: dict[tuple[str, str], bytes], subject: str,
                                                       tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office is not None
    source = tmp_path / "letter.docx"
    source.write_bytes(letters[(subject, "docx")])
    done = subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                          capture_output=True, text=True, timeout=240)
    pdf = tmp_path / "letter.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stdout + done.stderr
    head = pdf.read_bytes()
    assert head.startswith(b"%PDF")
    # A4 in points: 595 x 842
    assert re.search(rb"/MediaBox\s*\[\s*0 0 595(?:\.\d+)? 841\.\d+|/MediaBox\s*\[\s*0 0 595(?:\.\d+)? 842", head)


# --- self-consistency: check-draft agrees with every letter lexgap writes -----------------------------


@pytest.mark.parametrize("fmt", ["markdown", "text", "docx"])
@pytest.mark.parametrize(("subject", "plan"), [(ROMANIA, PLANS[ROMANIA]), (TELEGRAM, PLANS[TELEGRAM]),
                                               (ROMANIA, None), (TELEGRAM, None), ("romania-2024.yaml", None)])
def test_check_draft_finds_nothing_in_lexgaps_own_letters(subject: str, plan: str | None, fmt: str,
                                                          tmp_path: Path) -> None:
    suffix = {"markdown": ".md", "text": ".txt", "docx": ".docx"}[fmt]
    path = tmp_path / f"letter{suffix}"
    path.write_bytes(_letter(subject, fmt, plan))
    jurisdiction = subject if subject != TELEGRAM else None
    issues, problems = run_check_draft(path, jurisdiction)
    assert issues is not None, problems
    serious = [f"{i.line}:{i.column} {i.level}: {i.message}" for i in issues if i.level in (Level.error, Level.warning)]
    assert not serious, "\n".join(serious)


def test_the_cli_takes_a_plan_by_its_bundled_name() -> None:
    run = lexgap("letter", ROMANIA, "--plan", "al-rou-2-2020", "-f", "markdown")
    assert run.code == 0, run.output
    assert "AL ROU 2/2020" in run.stdout
    run = lexgap("letter", ROMANIA, "--plan", "al-rou-2-202", "-f", "markdown")
    assert run.code == 2 and "al-rou-2-202" in run.stderr


def test_a_plan_for_another_subject_is_refused() -> None:
    run = lexgap("letter", TELEGRAM, "--plan", "al-rou-2-2020")
    assert run.code == 2 and "romania-2020" in run.stderr


def test_init_scaffolds_a_plan_that_loads_and_lists_every_question(tmp_path: Path) -> None:
    data = _letter(ROMANIA, "markdown", init=True)
    text = data.decode("utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and "applies_to: romania-2020" in text
    default = json.loads(_letter(ROMANIA, "json"))
    assert all(f"#   - id: {q['id']}" in text for q in default["questions"])
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(data)
    assert _letter(ROMANIA, "markdown", str(plan)) == _letter(ROMANIA)
