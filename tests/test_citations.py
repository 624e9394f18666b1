"""The citation grammar: each form it recognises, where it finds it, and what it must not take for one."""

from __future__ import annotations

import pytest

from lexgap import citations as c


def symbols(text: str) -> list[str]:
    return [s.symbol for s in c.find_symbols(text)]


@pytest.mark.parametrize("symbol", [
    "A/HRC/38/47", "CRC/C/156", "CEDAW/C/GC/35", "E/2002/68/Add.1", "A/RES/54/263", "A/HRC/RES/17/31",
    "CRC/C/ROM/CO/4", "CRC/GC/2003/5", "HR/PUB/11/04", "A/73/263", "E/CN.4/2006/62", "A/RES/2200A (XXI)",
])
def test_un_symbol_is_found_whole(symbol: str) -> None:
    found = c.find_symbols(f"as set out in ({symbol}), para. 3.")
    assert [s.symbol for s in found] == [symbol]
    assert found[0].well_formed


def test_symbol_position_is_line_and_column() -> None:
    [found] = c.find_symbols("first line\nthe report A/HRC/28/56 says")
    assert (found.span.line, found.span.column, found.span.text) == (2, 12, "A/HRC/28/56")


def test_symbol_at_sentence_end_leaves_the_full_stop() -> None:
    assert symbols("the Secretary-General, A/73/263.") == ["A/73/263"]


def test_malformed_series_is_marked() -> None:
    [found] = c.find_symbols("her report (A/HR/38/47) that")
    assert found.symbol == "A/HR/38/47"
    assert not found.well_formed


@pytest.mark.parametrize("text, expected, complete", [
    ("GRETA(2016)20", "GRETA(2016)20", True),
    ("GRETA (2016) 20", "GRETA(2016)20", True),
    ("GRETA (2016), esp paras. 69-71", "GRETA(2016)", False),
])
def test_greta_reference(text: str, expected: str, complete: bool) -> None:
    [found] = c.find_symbols(text)
    assert (found.symbol, found.complete) == (expected, complete)


@pytest.mark.parametrize("text", ["CETS No. 201", "CETS 201", "CETS No 201"])
def test_council_of_europe_treaty_number(text: str) -> None:
    assert symbols(f"the Lanzarote Convention ({text})") == ["CETS No. 201"]


@pytest.mark.parametrize("text", [
    "resolutions 41/6, 34/16, 35/5 and 41/17",   # mandate resolutions: numbers without an organ
    "Bill n°606/2019 and draft law 655/2020",     # national bill numbers
    "AL ROU 2/2020",                              # a communication's reference
    "and/or any comment(s)",                      # a slash without a number
    "https://www.ohchr.org/EN/HRBodies/SP/Pages/Welcomepage.aspx",
    "Directive 2011/36/EU",                       # an EU act number is a name, not a UN symbol
    "a/hrc/38/47",                                # symbols are upper case
])
def test_not_a_symbol(text: str) -> None:
    assert [s for s in symbols(text) if "HRBodies" not in s and "Pages" not in s] == []


def test_no_symbol_inside_a_url_when_scanning() -> None:
    index = c.NameIndex.build({})
    text = "see <https://www.ohchr.org/EN/HRBodies/SP/Pages/A/HRC/38/47.aspx> and A/HRC/28/56"
    assert [x.symbol for x in c.scan(text, index) if isinstance(x, c.SymbolCitation)] == ["A/HRC/28/56"]


# --- instrument names ---------------------------------------------------------------------------

NAMES = c.NameIndex.build({
    "crc": ["Convention on the Rights of the Child", "CRC"],
    "opsc": ["Optional Protocol to the Convention on the Rights of the Child on the sale of children, child "
             "prostitution and child pornography", "OPSC"],
    "lanzarote": ["Council of Europe Convention on the Protection of Children against Sexual Exploitation and "
                  "Sexual Abuse", "Lanzarote Convention"],
    "gc-25": ["children's rights in relation to the digital environment"],
})


def names(text: str) -> list[tuple[str, str]]:
    return [(n.instrument, n.span.text) for n in c.find_names(text, NAMES)]


def test_name_matched_case_insensitively() -> None:
    assert names("the convention on the rights of the child") == [("crc", "convention on the rights of the child")]


def test_longest_name_wins_over_the_name_inside_it() -> None:
    text = ("Article 2 (c) of the Optional Protocol to the Convention on the Rights of the Child on the sale of "
            "children, child prostitution and child pornography")
    assert [i for i, _ in names(text)] == ["opsc"]


def test_name_without_the_article_and_across_a_line_break() -> None:
    text = "the Council of Europe Convention on Protection of Children against\nSexual Exploitation and Sexual Abuse"
    assert [i for i, _ in names(text)] == ["lanzarote"]


def test_name_with_a_curly_apostrophe() -> None:
    assert [i for i, _ in names("on children’s rights in relation to the digital environment")] == ["gc-25"]


def test_acronym_keeps_its_case_and_is_not_taken_inside_a_word_or_symbol() -> None:
    assert names("crc and CRCs and CRC/C/156") == []
    assert names("the CRC and OPSC") == [("crc", "CRC"), ("opsc", "OPSC")]


# --- numbered documents -------------------------------------------------------------------------


def numbered(text: str) -> list[tuple[str, int, int | None, str | None]]:
    return [(n.series, n.number, n.year, n.committee) for n in c.find_numbered(text)]


def test_general_comment_number() -> None:
    assert numbered("In its General Comment No. 5 (2003) on general measures") == [("general comment", 5, 2003, None)]


def test_general_recommendation_lower_case_with_year() -> None:
    assert numbered("general recommendation No. 38 (2020) on trafficking") == [
        ("general recommendation", 38, 2020, None)]


def test_plural_lists_each_document_and_the_committee_named_in_the_sentence() -> None:
    text = "the Committee (CEDAW) in its general recommendations No. 19 (1992) and No. 35 (2017), defines"
    assert numbered(text) == [("general recommendation", 19, 1992, "CEDAW"), ("general recommendation", 35, 2017,
                                                                               "CEDAW")]
    assert [n.span.text for n in c.find_numbered(text)] == ["general recommendations No. 19 (1992)", "No. 35 (2017)"]


def test_singular_does_not_take_a_bare_number() -> None:
    assert numbered("General Comment No. 5 and 16 other texts") == [("general comment", 5, None, None)]


def test_not_a_numbered_document() -> None:
    assert numbered("the draft General Comment on children's rights; general comments generally") == []


def test_committee_named() -> None:
    assert c.committee_named("the Committee on the Rights of the Child recognizes") == "CRC"
    assert c.committee_named("the Human Rights Committee and the CRC") is None
    assert c.committee_named("CRC/C/156 only") is None


# --- pinpoints -----------------------------------------------------------------------------------


def pinpoints(text: str) -> list[tuple[str, ...]]:
    return [p.items for p in c.find_pinpoints(text)]


@pytest.mark.parametrize("text, items", [
    ("article 2 (c)", ("art. 2(c)",)),
    ("Article 24 (1) provides", ("art. 24(1)",)),
    ("articles 7, 8 and 24 of the Covenant", ("art. 7", "art. 8", "art. 24")),
    ("Article 4 (c & d) of the Declaration", ("art. 4(c)", "art. 4(d)")),
    ("Articles 5(5), 10, 11, 12 and 17", ("art. 5(5)", "art. 10", "art. 11", "art. 12", "art. 17")),
    ("art. 3(1)(c)", ("art. 3(1)(c)",)),
    ("in particular Articles 11 to 16", ("art. 11-16",)),
    ("(para. 23)", ("para. 23",)),
    ("in paragraph 9, it makes clear", ("para. 9",)),
    ("esp paras. 69-71, 103, 119", ("para. 69-71", "para. 103", "para. 119")),
    ("Principle 13 of these Principles", ("principle 13",)),
    ("Guiding Principle 22 states", ("principle 22",)),
    ("The Guiding Principles 25 to 31 provide", ("principle 25-31",)),
    ("Principles 17-19 available at", ("principle 17-19",)),
    ("sections III.C and IV", ("section III.C",)),
])
def test_pinpoint(text: str, items: tuple[str, ...]) -> None:
    assert pinpoints(text) == [items]


@pytest.mark.parametrize("text", [
    "the Guiding Principles on Business and Human Rights",  # a name, no number
    "Recommended Principles and Guidelines",
    "the article says",
    "Paragraphs of the letter",
])
def test_not_a_pinpoint(text: str) -> None:
    assert pinpoints(text) == []


def test_pinpoint_position() -> None:
    [found] = c.find_pinpoints("We refer\nto articles 7 and 8.")
    assert (found.span.line, found.span.column, found.span.text) == (2, 4, "articles 7 and 8")


# --- dates ------------------------------------------------------------------------------------------


def dates(text: str) -> list[tuple[int, int | None, int | None, str]]:
    return [(d.year, d.month, d.day, d.span.text) for d in c.find_dates(text)]


def test_month_and_year() -> None:
    assert dates("issued by the Office in July 2012.") == [(2012, 7, None, "July 2012")]


def test_full_date() -> None:
    assert dates("which Romania ratified on 18 October 2001, provides") == [(2001, 10, 18, "18 October 2001")]


def test_year_after_a_preposition() -> None:
    assert dates("ratified in 2006, states") == [(2006, None, None, "2006")]


@pytest.mark.parametrize("text", ["Law 655/2020", "the 2018 report", "Bill n°606/2019", "in 1066", "32 May 2020x"])
def test_not_a_date(text: str) -> None:
    assert dates(text) == []


# --- quotations --------------------------------------------------------------------------------------


def test_curly_and_straight_quotations() -> None:
    text = 'states that “States shall investigate” and "Greater efforts should be made".'
    assert [q.body for q in c.find_quotations(text)] == ["States shall investigate", "Greater efforts should be made"]


def test_quotation_may_cross_a_paragraph_and_mix_marks() -> None:
    text = 'it makes clear that "under general law, States may act with\n\ndue diligence”. Next'
    [quote] = c.find_quotations(text)
    assert quote.body.endswith("due diligence")
    assert (quote.body_span.line, quote.body_span.column) == (1, 22)


def test_a_closing_curly_quote_alone_opens_nothing() -> None:
    assert c.find_quotations("with other actors” (Commentary to Guiding Principle 19).") == []


# --- sentences and scanning -------------------------------------------------------------------------------


def test_sentences_do_not_break_after_abbreviations() -> None:
    text = "See General Comment No. 5 (2003), para. 24. The Committee noted it.\n\nNew paragraph"
    bounds = c.sentences(text)
    assert [text[s:e] for s, e in bounds] == ["See General Comment No. 5 (2003), para. 24.", "The Committee noted it.",
                                              "New paragraph"]


def test_scan_orders_everything_and_drops_names_inside_symbols() -> None:
    text = 'The CRC (CRC/C/156) was adopted on 30 May 2019; see article 19 and “all forms of violence”.'
    kinds = [type(x).__name__ for x in c.scan(text, NAMES)]
    assert kinds == ["NameCitation", "SymbolCitation", "DateCitation", "PinpointCitation", "Quotation"]


def test_plain_text_has_no_citations() -> None:
    assert c.scan("Dear Madam or Sir, we thank you for your reply of last week.", NAMES) == []
