"""`check-draft`: reading drafts, and the citation slips lexgap reports in the two seed letters.

Every expected issue of the seed letters was read against the standards data and
DOMAIN_STANDARDS.md §4 before being pinned here (the § number is given with each).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import docx
import pytest
from rich.console import Console

from lexgap.drafts import DraftIssue, IssueKind, at_or_above, check_draft, read_draft, run_check_draft
from lexgap.knowledge import Knowledge, load_knowledge
from lexgap.models import Jurisdiction
from lexgap.problems import Level
from lexgap.render import json as draft_json
from lexgap.render import terminal as draft_terminal

DRAFTS = Path(__file__).parent / "fixtures" / "drafts"
ROU = DRAFTS / "al-rou-2-2020.txt"
OTH = DRAFTS / "al-oth-5-2021.txt"


@pytest.fixture(scope="module")
def knowledge_base() -> Knowledge:
    loaded = load_knowledge()
    assert not loaded.problems
    return loaded


def summary(issues: list[DraftIssue]) -> list[tuple[int, str, str, str, str | None, str | None]]:
    return [(i.line, i.kind.value, i.level.value, i.found, i.expected,
             i.source.document if i.source else None) for i in issues]


# --- the seed letters --------------------------------------------------------------------------------


def test_romania_letter_issues_are_exactly_the_known_slips() -> None:
    issues, problems = run_check_draft(ROU, "romania-2020.yaml")
    assert problems == []
    assert issues is not None
    assert summary(issues) == [
        # the opening cites 34/16 for the sale of children, superseded by 43/22 on 22 June 2020 (verified) -> error
        (12, "wrong_resolution", "error", "34/16", "43/22",
         "OHCHR, SR sale of children - About the mandate (older version)"),
        # and 35/5 for trafficking, superseded by 44/4 on 16 July 2020; that 44/4 renewed the mandate was not read
        # in the resolution itself (register: not verified) -> warning
        (12, "wrong_resolution", "warning", "35/5", "44/4", "A/HRC/RES/44/4 (English), OHCHR docstore"),
        # §4.3: the treaty reads "real or simulated explicit"; OPSC text verified (V-P [T]) -> error
        (110, "misquote", "error", "real or explicit sexual activities", "real or simulated explicit sexual activities",
         "A/RES/54/263"),
        # §4.4: the remedies passage is para. 24 of CRC/GC/2003/5 (V-P [G]) -> error
        (116, "wrong_pinpoint", "error", "para. 23", "para. 24", "CRC/GC/2003/5"),
        # §4.10: lexgap holds no CRC concluding observations on Romania -> information only
        (118, "not_in_data", "info", "CRC/C/ROM/CO/4", None, None),
        # §4.2: A/HR/38/47 should read A/HRC/38/47; lexgap's symbol was read on the report's cover (primary) -> error
        (128, "malformed_symbol", "error", "A/HR/38/47", "A/HRC/38/47", "A/HRC/38/47"),
        # §4.1: E/2002/68/Add.1 is of 2002, not 2012; lexgap's date is V-S (unverified) -> warning
        (136, "wrong_date", "warning", "July 2012", "2002 (issued 20 May 2002; E/2002/68/Add.1)", "E/2002/68/Add.1"),
        # §4.7: "GRETA (2016)" lacks the report number 20; V-S -> warning
        (142, "malformed_symbol", "warning", "GRETA (2016)", "GRETA(2016)20", "GRETA(2016)20"),
    ]
    assert [(i.line, i.column) for i in issues] == [(12, 474), (12, 481), (110, 307), (116, 90), (118, 294),
                                                   (128, 192), (136, 177), (142, 203)]


def test_romania_letter_sources_say_whether_they_were_verified() -> None:
    issues, _ = run_check_draft(ROU, "romania-2020.yaml")
    assert issues is not None
    for issue in issues:
        if issue.source is not None:
            assert issue.level is (Level.error if issue.source.verified else Level.warning)


def test_romania_letter_ratification_dates_agree_with_the_jurisdiction_file(knowledge_base: Knowledge) -> None:
    issues, _ = run_check_draft(ROU, "romania-2020.yaml")
    assert issues is not None
    assert not [i for i in issues if i.kind is IssueKind.ratification_date]


def test_romania_letter_without_subject_gives_the_same_issues() -> None:
    with_subject, _ = run_check_draft(ROU, "romania-2020.yaml")
    without, _ = run_check_draft(ROU, None)
    assert with_subject == without


def test_telegram_letter_issues() -> None:
    issues, problems = run_check_draft(OTH, None)
    assert problems == []
    assert issues is not None
    assert summary(issues) == [
        # §4.5: the UNGPs were endorsed by HRC res. 17/4; A/HRC/17/31 is the report annexing them (V-S -> warning)
        (80, "wrong_symbol", "warning", "A/HRC/RES/17/31", "HRC res. 17/4", "HRC res. 17/4"),
    ]
    # §4.1: this letter's "July 2002" is right, and is not reported
    assert not [i for i in issues if i.kind is IssueKind.wrong_date]


# --- synthetic drafts ---------------------------------------------------------------------------------


def test_draft_with_no_citations_has_no_issues(knowledge_base: Knowledge) -> None:
    text = "Dear Madam or Sir,\n\nWe thank you for your reply and look forward to meeting you.\n"
    assert check_draft(text, "plain.txt", knowledge_base, None) == []


def test_wrong_ratification_date_against_the_romania_file(knowledge_base: Knowledge) -> None:
    from lexgap.knowledge import load_subject
    from lexgap.paths import resolve_subject

    subject, _ = load_subject(resolve_subject("romania-2020.yaml"), knowledge_base)
    assert isinstance(subject, Jurisdiction)
    text = ("We refer to article 19 of the Convention on the Rights of the Child, ratified by Romania on "
            "28 September 1991.\nThe Palermo Protocol, ratified in 2002, and CEDAW, ratified in 1983.\n")
    issues = check_draft(text, "x.txt", knowledge_base, subject)
    assert summary(issues) == [
        (1, "ratification_date", "warning", "28 September 1991",
         "1990-09-28 (Law no. 18 of 27 September 1990 ratifying the Convention on the Rights of the Child)",
         "AL ROU 2/2020"),
        (2, "ratification_date", "warning", "1983", "1982-01-07", "AL ROU 2/2020"),
    ]


def _verified_jurisdiction() -> Jurisdiction:
    source = {"document": "UNTC IV-11", "consulted": dt.date(2026, 11, 23), "verified": "primary"}
    return Jurisdiction.model_validate({
        "format": "jurisdiction", "id": "testland", "name": "Testland", "country": "tl", "as_of": "2026-01-01",
        "laws": [], "provisions": [],
        "ratifications": [{"instrument": "crc", "date": "1990-09-28", "sources": [source]},
                          {"instrument": "lanzarote", "year": 2011, "domestic_act": "Law no. 252 of 14 December 2010",
                           "sources": [source]}],
    })


def test_wrong_ratification_date_against_a_verified_record_is_an_error(knowledge_base: Knowledge) -> None:
    text = ("Article 19 of the Convention on the Rights of the Child, ratified by Testland in 1991, provides.\n"
            "The Lanzarote Convention, ratified in 2010, and the Lanzarote Convention, ratified in 2011.\n")
    issues = check_draft(text, "x.txt", knowledge_base, _verified_jurisdiction())
    # 2010 is the year of the domestic ratifying act: not reported
    assert summary(issues) == [(1, "ratification_date", "error", "1991", "1990-09-28", "UNTC IV-11")]


def test_wrong_adoption_date_of_a_verified_instrument_is_an_error(knowledge_base: Knowledge) -> None:
    text = "Directive 2011/36/EU of the European Parliament and of the Council of 5 April 2012 on trafficking.\n"
    [issue] = check_draft(text, "x.txt", knowledge_base, None)
    assert (issue.kind, issue.level, issue.found) == (IssueKind.wrong_date, Level.error, "5 April 2012")
    assert issue.expected == "2011 (adopted 5 April 2011; Directive 2011/36/EU)"


def test_right_dates_are_not_reported(knowledge_base: Knowledge) -> None:
    text = ("The Recommended Principles and Guidelines on Human Rights and Human Trafficking, issued in July 2002.\n"
            "In its General Comment No. 5 (2003), the Committee on the Rights of the Child noted it.\n")
    assert check_draft(text, "x.txt", knowledge_base, None) == []


def test_wrong_year_of_a_general_comment(knowledge_base: Knowledge) -> None:
    [issue] = check_draft("In its General Comment No. 5 (2005), the Committee said so.", "x.txt", knowledge_base)
    assert (issue.kind, issue.found, issue.level) == (IssueKind.wrong_date, "General Comment No. 5 (2005)", Level.error)


def test_general_comment_lexgap_lacks_is_reported_once(knowledge_base: Knowledge) -> None:
    text = "See General Comment No. 14 on best interests.\nAgain, General Comment No. 14 applies.\n"
    issues = check_draft(text, "x.txt", knowledge_base)
    assert summary(issues) == [(1, "not_in_data", "info", "General Comment No. 14", None, None)]


def test_another_committees_general_comment_is_not_taken_for_the_crc_one(knowledge_base: Knowledge) -> None:
    text = "The Human Rights Committee, in its general comment No. 13 (1984), said so."
    [issue] = check_draft(text, "x.txt", knowledge_base)
    assert issue.kind is IssueKind.not_in_data


def test_unknown_symbol_is_reported_once(knowledge_base: Knowledge) -> None:
    issues = check_draft("See A/HRC/41/30 and again A/HRC/41/30.", "x.txt", knowledge_base)
    assert summary(issues) == [(1, "not_in_data", "info", "A/HRC/41/30", None, None)]


def test_near_miss_of_a_known_symbol_is_malformed(knowledge_base: Knowledge) -> None:
    [issue] = check_draft("the report A/HRC/28/65 on ICTs", "x.txt", knowledge_base)
    assert (issue.kind, issue.expected) == (IssueKind.malformed_symbol, "A/HRC/28/56")


def test_key_phrase_under_the_right_pinpoint_is_not_reported(knowledge_base: Knowledge) -> None:
    text = ("In its General Comment No. 5, the Committee noted that effective remedies must be available to redress "
            "violations (para. 24).")
    assert check_draft(text, "x.txt", knowledge_base) == []


def test_pinpoint_lexgap_does_not_encode_is_not_judged(knowledge_base: Knowledge) -> None:
    text = ("In its General Comment No. 5, the Committee noted that effective remedies must be available to redress "
            "violations (para. 12).")
    assert check_draft(text, "x.txt", knowledge_base) == []


def test_misquotation_in_quotes(knowledge_base: Knowledge) -> None:
    text = ('Principle 22 of the Guiding Principles on Business and Human Rights: companies "should provide for or '
            'cooperate in remediation through legitimate processes".')
    [issue] = check_draft(text, "x.txt", knowledge_base)
    assert issue.kind is IssueKind.misquote
    assert issue.found == "provide for or cooperate in remediation through legitimate processes"
    assert issue.level is Level.error  # principle 22's text is verified


def test_pinpoint_of_national_law_is_left_alone(knowledge_base: Knowledge) -> None:
    text = ("The Convention on the Rights of the Child applies. According to Article 3 of this law, effective "
            "remedies must be available to redress violations.")
    assert check_draft(text, "x.txt", knowledge_base) == []


# --- .docx and .md drafts --------------------------------------------------------------------------------


def test_docx_draft(tmp_path: Path, knowledge_base: Knowledge) -> None:
    document = docx.Document()
    document.add_paragraph("Excellency,")
    document.add_paragraph("We refer to the report A/HR/38/47 of the Special Rapporteur.")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "General Comment No. 5 (2003): effective remedies must be available to redress violations "\
                            "(para. 23)."
    path = tmp_path / "draft.docx"
    document.save(str(path))
    text, problems = read_draft(path)
    assert problems == [] and text is not None
    issues = check_draft(text, str(path), knowledge_base)
    assert [(i.line, i.kind.value, i.found) for i in issues] == [
        (2, "malformed_symbol", "A/HR/38/47"), (3, "wrong_pinpoint", "para. 23")]


def test_markdown_draft_keeps_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "draft.md"
    path.write_text("# Annex\n\n**Article 2 (c)** of the OPSC\r\n", encoding="utf-8")
    text, problems = read_draft(path)
    assert problems == [] and text == "# Annex\n\n**Article 2 (c)** of the OPSC\n"


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "no such file"),
    ("binary.txt", b"abc\x00def", "binary file"),
    ("latin1.txt", "caf\xe9".encode("latin-1"), "not UTF-8"),
    ("broken.docx", b"not a zip file", "cannot read this .docx"),
    ("letter.doc", b"x", ".doc file"),
    ("letter.pdf", b"%PDF", "unsupported file type"),
])
def test_unreadable_draft_is_a_problem_never_an_exception(tmp_path: Path, name: str, content: bytes | None,
                                                         message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    text, problems = read_draft(path)
    assert text is None
    assert len(problems) == 1 and message in problems[0].message
    issues, run_problems = run_check_draft(path, None)
    assert issues is None and run_problems == problems


def test_directory_is_a_problem(tmp_path: Path) -> None:
    text, problems = read_draft(tmp_path)
    assert text is None and "not a file" in problems[0].message


def test_company_subject_is_refused() -> None:
    issues, problems = run_check_draft(OTH, "telegram-2021.yaml")
    assert issues is None
    assert "company file" in problems[0].message


def test_missing_subject_is_a_problem() -> None:
    issues, problems = run_check_draft(ROU, "nowhere-2020.yaml")
    assert issues is None and problems


# --- output ----------------------------------------------------------------------------------------------------


def test_fail_on_threshold() -> None:
    issues, _ = run_check_draft(OTH, None)
    assert issues is not None
    assert at_or_above(issues, Level.warning) and at_or_above(issues, Level.info)
    assert not at_or_above(issues, Level.error)
    assert not at_or_above([], Level.info)


def test_json_output() -> None:
    issues, _ = run_check_draft(ROU, "romania-2020.yaml")
    assert issues is not None
    data = json.loads(draft_json.render_draft("al-rou-2-2020.txt", issues))
    assert data["summary"] == {"error": 4, "warning": 3, "info": 1}
    assert data["issues"][0]["kind"] == "wrong_resolution" and data["issues"][0]["expected"] == "43/22"
    first = data["issues"][3]
    assert first == {
        "line": 116, "column": 90, "kind": "wrong_pinpoint", "level": "error", "found": "para. 23",
        "expected": "para. 24", "message": first["message"], "instrument": "crc-gc-5",
        "source": {"document": "CRC/GC/2003/5", "pinpoint": "para. 24", "url": "https://undocs.org/CRC/GC/2003/5",
                   "consulted": "2026-11-23", "verified": "primary"},
    }
    # every JSON contract shows a source with the keys of the file format, in its order
    assert list(first["source"]) == ["document", "pinpoint", "url", "consulted", "verified"]
    assert data["issues"][4]["source"] is None


def test_terminal_output() -> None:
    issues, _ = run_check_draft(ROU, "romania-2020.yaml")
    assert issues is not None
    console = Console(width=160, record=True)
    console.print(draft_terminal.render_draft("al-rou-2-2020.txt", issues))
    out = console.export_text()
    assert "116:90" in out and "wrong_pinpoint" in out and "4 errors, 3 warnings, 1 info" in out
    console = Console(width=100, record=True)
    console.print(draft_terminal.render_draft("plain.txt", []))
    assert "0 errors, 0 warnings, 0 info" in console.export_text()


def test_a_ratification_the_subject_file_does_not_record_is_reported_as_not_checked(knowledge_base: Knowledge) -> None:
    """No record to check a date against is not a date confirmed: the draft gets a warning saying what to write
    if the State only signed the treaty (the United States and the CRC), not silence."""
    text = "The Palermo Protocol, ratified by Testland on 4 December 2002, requires it.\n"
    [issue] = check_draft(text, "x.txt", knowledge_base, _verified_jurisdiction())
    assert (issue.kind, issue.level, issue.found, issue.expected) == (
        IssueKind.not_ratified, Level.warning, "4 December 2002", None)
    assert "testland records no ratification of" in issue.message and "was not checked" in issue.message
    assert "write 'signed by Testland'" in issue.message
    assert check_draft(text, "x.txt", knowledge_base, None) == []  # without --subject nothing is claimed
