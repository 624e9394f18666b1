"""Drafts with one planted slip each, built from the two bundled seed drafts once their known slips are corrected.

`clean(name)` is a bundled draft with the slips lexgap already reports put right (it checks with no
error and no warning); each `Slip` replaces one passage of a clean draft with a slip a careful reviewer
would catch, and says what `check-draft` must report: the issue kind, the line of the slip and a word
of the message that says what to write instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DRAFTS = Path(__file__).parent / "fixtures" / "drafts"

#: The slips of the seed drafts that lexgap reports today, put right (tests/test_drafts.py pins them).
FIXES = {
    "rou": [
        ("resolutions 41/6, 34/16, 35/5 and 41/17", "resolutions 41/6, 43/22, 44/4 and 41/17"),
        ("real or explicit sexual activities", "real or simulated explicit sexual activities"),
        ("redress violations (para. 23)", "redress violations (para. 24)"),
        ("(A/HR/38/47)", "(A/HRC/38/47)"),
        ("High Commission for Human Rights in July 2012", "High Commissioner for Human Rights in July 2002"),
        ("GRETA (2016), esp paras.", "GRETA(2016)20, esp paras."),
    ],
    "oth": [
        ("in its resolution (A/HRC/RES/17/31)", "in its resolution 17/4"),
    ],
}
FILES = {"rou": "al-rou-2-2020.txt", "oth": "al-oth-5-2021.txt"}
SUBJECTS = {"rou": "romania-2020.yaml", "oth": None, "usa": "united-states-2021.yaml"}

#: A short annex to the United States (the letters of 25 January 2021 went there too): the three treaties
#: the United States has ratified, with the dates of legislation/united-states-2021.yaml.
USA = """Mandates of the Special Rapporteur on the sale and sexual exploitation of children, including child \
prostitution, child pornography and other child sexual abuse material

REFERENCE:
AL USA 1/2021

25 January 2021

Excellency,

Annex
Reference to international human rights law

We would like to refer to articles 7, 8 and 24 of the International Covenant on Civil and Political Rights, \
ratified by the United States on 8 June 1992.

We also refer to article 3 of the Optional Protocol to the Convention on the Rights of the Child on the sale \
of children, child prostitution and child pornography, which your Excellency's Government ratified on \
23 December 2002.

Furthermore, we would like to draw the attention of your Excellency's Government to the Palermo Protocol, \
ratified by your Excellency's Government on 3 November 2005.
"""


def clean(name: str) -> str:
    """A bundled draft with its known slips put right (or the short United States annex)."""
    if name == "usa":
        return USA
    text = (DRAFTS / FILES[name]).read_text(encoding="utf-8")
    for old, new in FIXES[name]:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@dataclass(frozen=True)
class Slip:
    name: str
    base: str  # "rou", "oth" or "usa"
    old: str  # a passage of the clean draft (once)
    new: str  # the passage with the slip
    kind: str  # the issue kind check-draft must report
    at: str  # the words of `new` where the issue is reported
    advice: str  # words of the message that say what to write instead

    def text(self) -> str:
        text = clean(self.base)
        assert text.count(self.old) == 1, self.old
        return text.replace(self.old, self.new)

    def line(self) -> int:
        text = self.text()
        start = text.index(self.new) + self.new.index(self.at)
        return text.count("\n", 0, start) + 1

    @property
    def subject(self) -> str | None:
        return SUBJECTS[self.base]


SLIPS = [
    # --- pinpoints ---
    Slip("article_that_does_not_exist", "rou", "Article 34 of the Convention also foresees",
         "Article 64 of the Convention also foresees", "wrong_pinpoint", "Article 64", "54 articles"),
    Slip("article_that_says_something_else", "rou",
         "Article 19 of the Convention on the Rights of the Child, ratified",
         "Article 39 of the Convention on the Rights of the Child, ratified", "wrong_pinpoint", "Article 39",
         "art. 19"),
    Slip("paragraph_off_by_one", "rou", "in paragraph 9, it makes clear", "in paragraph 7, it makes clear",
         "wrong_pinpoint", "paragraph 7", "para. 9"),
    # --- instruments ---
    Slip("paraphrase_of_the_protocol_given_to_the_convention", "rou",
         "In addition, Article 2 (c) of the Optional Protocol to the Convention on the Rights of the Child on the "
         "sale of children, child prostitution and child pornography, which Romania ratified on 18 October 2001,",
         "In addition, Article 2 (c) of the Convention on the Rights of the Child, which Romania ratified on "
         "28 September 1990,", "wrong_instrument", "Article 2 (c)", "OPSC"),
    Slip("general_comment_number_of_another_title", "rou",
         "In its General Comment No. 13 on the right of the child to freedom from all forms of violence",
         "In its General Comment No. 16 on the right of the child to freedom from all forms of violence",
         "wrong_instrument", "General Comment No. 16", "General Comment No. 13"),
    Slip("treaty_name_misstated", "rou",
         "may amount to discrimination as defined by the Convention on the Elimination of All Forms of "
         "Discrimination against Women",
         "may amount to discrimination as defined by the Convention on the Elimination of All Forms of "
         "Violence against Women", "wrong_name", "Convention on the Elimination of All Forms of Violence",
         "Convention on the Elimination of All Forms of Discrimination against Women"),
    Slip("covenant_name_misstated", "rou", "International Covenant on Civil and Political Rights, ratified",
         "International Covenant on Civil and Political Freedoms, ratified", "wrong_name",
         "International Covenant on Civil and Political Freedoms",
         "International Covenant on Civil and Political Rights"),
    # --- ratifications (the United States) ---
    Slip("wrong_ratification_date", "usa", "ratified by the United States on 8 June 1992",
         "ratified by the United States on 8 June 1993", "ratification_date", "8 June 1993", "1992-06-08"),
    Slip("treaty_not_ratified_said_ratified", "usa",
         "Furthermore, we would like to draw the attention of your Excellency's Government to the Palermo Protocol",
         "Article 19 of the Convention on the Rights of the Child, ratified by the United States on 2 September "
         "1990, applies.\n\nFurthermore, we would like to draw the attention of your Excellency's Government to the "
         "Palermo Protocol", "not_ratified", "2 September 1990", "signed"),
    Slip("convention_not_ratified_said_ratified_without_date", "usa",
         "Furthermore, we would like to draw the attention of your Excellency's Government to the Palermo Protocol",
         "The Convention on the Elimination of All Forms of Discrimination against Women, which your Excellency's "
         "Government has ratified, recognizes that trafficking is a violation of human rights.\n\nFurthermore, we "
         "would like to draw the attention of your Excellency's Government to the Palermo Protocol",
         "not_ratified", "ratified", "records no"),
    Slip("council_of_europe_convention_said_ratified", "usa",
         "Furthermore, we would like to draw the attention of your Excellency's Government to the Palermo Protocol",
         "The Lanzarote Convention, ratified by your Excellency's Government in 2011, applies.\n\nFurthermore, we "
         "would like to draw the attention of your Excellency's Government to the Palermo Protocol",
         "not_ratified", "2011", "records no"),
    # --- dates of standards ---
    Slip("general_comment_year", "rou", "General Comment No. 5 (2003)", "General Comment No. 5 (2005)",
         "wrong_date", "General Comment No. 5 (2005)", "2003"),
    Slip("general_recommendation_year", "rou", "No. 35 (2017)", "No. 35 (2019)", "wrong_date", "No. 35 (2019)",
         "2017"),
    Slip("general_recommendation_38_year", "rou", "general recommendation No. 38 (2020)",
         "general recommendation No. 38 (2021)", "wrong_date", "general recommendation No. 38 (2021)", "2020"),
    Slip("standard_not_yet_issued", "rou",
         "With reference to the Concluding Observations",
         "In its General Comment No. 25 (2021) on children's rights in relation to the digital environment, the "
         "Committee asks States to protect children online.\n\nWith reference to the Concluding Observations",
         "not_yet_issued", "General Comment No. 25 (2021)", "2021-03-02"),
    # --- mandates ---
    Slip("superseded_resolution", "oth", "resolutions 41/6, 43/22, 44/4 and 41/17",
         "resolutions 41/6, 34/16, 44/4 and 41/17", "wrong_resolution", "34/16", "43/22"),
    Slip("resolution_adopted_after_the_letter", "oth", "resolutions 41/6, 43/22, 44/4 and 41/17",
         "resolutions 41/6, 43/22, 44/4 and 50/7", "wrong_resolution", "50/7", "41/17"),
    Slip("resolution_missing", "oth", "resolutions 41/6, 43/22, 44/4 and 41/17",
         "resolutions 41/6, 43/22 and 41/17", "mandates_mismatch", "resolutions 41/6", "44/4"),
    Slip("old_mandate_title_in_signature", "rou",
         "Mama Fatima Singhateh\nSpecial Rapporteur on the sale and sexual exploitation of children, including child "
         "prostitution, child pornography and other child sexual abuse material",
         "Mama Fatima Singhateh\nSpecial Rapporteur on the sale of children, child prostitution and child pornography",
         "wrong_mandate_title", "Special Rapporteur on the sale of children",
         "Special Rapporteur on the sale and sexual exploitation of children"),
    Slip("later_mandate_title_in_opening", "oth",
         "and Special Rapporteur on violence against women, its causes and consequences, pursuant",
         "and Special Rapporteur on violence against women and girls, its causes and consequences, pursuant",
         "wrong_mandate_title", "Special Rapporteur on violence against women and girls",
         "Special Rapporteur on violence against women, its causes and consequences"),
    Slip("holder_not_yet_in_office", "rou", "Dubravka Šimonovic\nSpecial Rapporteur on violence",
         "Reem Alsalem\nSpecial Rapporteur on violence", "wrong_holder", "Reem Alsalem", "Šimonović"),
    Slip("holder_no_longer_in_office", "oth", "Mama Fatima Singhateh  \nSpecial Rapporteur on the sale",
         "Maud de Boer-Buquicchio  \nSpecial Rapporteur on the sale", "wrong_holder", "Maud de Boer-Buquicchio",
         "Singhateh"),
    Slip("mandates_block_lacks_a_signatory", "rou",
         "; the Special Rapporteur on trafficking in persons, especially women and children and the Special "
         "Rapporteur on violence", " and the Special Rapporteur on violence",
         "mandates_mismatch", "and the Special Rapporteur on violence", "trafficking"),
    # --- symbols ---
    Slip("symbol_digits_swapped", "rou", "(A/HRC/38/47)", "(A/HRC/38/74)", "malformed_symbol", "A/HRC/38/74",
         "A/HRC/38/47"),
    Slip("secretary_general_symbol_mistyped", "rou", "trafficking in women and girls, A/73/263,",
         "trafficking in women and girls, A/73/236,", "malformed_symbol", "A/73/236", "A/73/263"),
    Slip("guidelines_symbol_mistyped", "rou", "(CRC/C/156)", "(CRC/C/165)", "malformed_symbol", "CRC/C/165",
         "CRC/C/156"),
    # --- the letter's form ---
    Slip("reply_deadline", "rou", "receiving a response within 60 days", "receiving a response within 30 days",
         "wrong_deadline", "30 days", "60 days"),
    Slip("reference_with_two_letter_code", "rou", "AL ROU 2/2020", "AL RO 2/2020", "wrong_reference",
         "AL RO 2/2020", "ROU"),
    Slip("reference_number_and_year_swapped", "oth", "AL OTH 5/2021", "AL OTH 2021/5", "wrong_reference",
         "AL OTH 2021/5", "AL OTH 5/2021"),
    # --- register ---
    Slip("finding_stated_as_established", "rou",
         "We are also gravely concerned about the draft initiative of Law 655/2020, currently under debate in the "
         "Senate.",
         "The draft initiative of Law 655/2020, currently under debate in the Senate, is contrary to article 3 of the "
         "Palermo Protocol.", "register", "is contrary to", "may not be compatible"),
    Slip("violates_in_an_allegation_letter", "oth",
         "Telegram Messenger may be committing human rights abuses",
         "Telegram Messenger violates", "register", "violates", "may"),
    # --- questions ---
    Slip("question_answered_in_the_letter", "rou",
         "11. Kindly indicate what measures have been adopted",
         "11. Please indicate whether Romania has ratified the Council of Europe Convention on Action against "
         "Trafficking in Human Beings.\n12. Kindly indicate what measures have been adopted",
         "answered_question", "Please indicate whether", "2006"),
    # --- variants: other wordings of the same slips ---
    Slip("register_constitutes_a_violation", "rou",
         "We are also gravely concerned about the draft initiative of Law 655/2020, currently under debate in the "
         "Senate.",
         "The draft initiative of Law 655/2020 constitutes a violation of article 3 of the Palermo Protocol.",
         "register", "constitutes a violation of", "may amount to"),
    Slip("register_bare_contrary_to", "rou",
         "We are also gravely concerned about the draft initiative of Law 655/2020, currently under debate in the "
         "Senate.", "Law 655/2020, contrary to article 3 of the Palermo Protocol, requires intent.",
         "register", "contrary to", "may not be compatible"),
    Slip("reply_deadline_in_months", "oth", "receiving a response within 60 days",
         "receiving a response within two months", "wrong_deadline", "two months", "60 days"),
    Slip("reference_with_slashes", "rou", "AL ROU 2/2020", "AL/ROU/2/2020", "wrong_reference", "AL/ROU/2/2020",
         "AL ROU 2/2020"),
    Slip("reference_with_an_old_country_code", "rou", "AL ROU 2/2020", "AL ROM 2/2020", "wrong_reference",
         "AL ROM 2/2020", "ROU"),
    Slip("working_group_signed_by_a_member_not_the_chair", "oth", "Elizabeth Broderick  \n", "Melissa Upreti  \n",
         "wrong_holder", "Melissa Upreti", "Elizabeth Broderick"),
    Slip("holder_name_misspelled", "oth", "Siobhán Mullally  \n", "Siobhan Mullaly  \n", "wrong_holder",
         "Siobhan Mullaly", "Siobhán Mullally"),
    Slip("later_mandate_title_in_the_annex", "rou",
         "the Special Rapporteur on Violence against women, its causes and consequences mentioned",
         "the Special Rapporteur on violence against women and girls, its causes and consequences mentioned",
         "wrong_mandate_title", "Special Rapporteur on violence against women and girls",
         "Special Rapporteur on violence against women, its causes and consequences"),
    Slip("mandates_block_lists_a_mandate_nobody_signs_for", "rou", "Mandates of the Working Group",
         "Mandates of the Independent Expert on protection against violence and discrimination based on sexual "
         "orientation and gender identity; the Working Group", "mandates_mismatch", "Mandates of", "signatures"),
    Slip("question_asks_when_the_letter_says_when", "rou", "11. Kindly indicate what measures have been adopted",
         "11. Please indicate when Romania ratified the Palermo Protocol.\n12. Kindly indicate what measures have "
         "been adopted", "answered_question", "Please indicate when", "4 December 2002"),
    Slip("united_states_said_party_to_the_crc", "usa",
         "Furthermore, we would like to draw the attention of your Excellency's Government to the Palermo Protocol",
         "As a State party to the Convention on the Rights of the Child, the United States must protect children."
         "\n\nFurthermore, we would like to draw the attention of your Excellency's Government to the Palermo Protocol",
         "not_ratified", "State party", "signed by"),
    Slip("article_of_the_covenant_with_the_convention_words", "rou",
         "Article 19 of the Convention on the Rights of the Child, ratified by Romania on 28 September 1990",
         "Article 19 of the International Covenant on Civil and Political Rights, ratified by Romania on "
         "9 December 1974", "wrong_instrument", "Article 19", "CRC art. 19"),
    Slip("principle_beyond_the_last", "rou", "Principle 13 of these recommended", "Principle 31 of these recommended",
         "wrong_pinpoint", "Principle 31", "17 principles"),
    Slip("article_whose_paragraphs_say_something_else", "rou", "In addition, Article 2 (c) of the Optional Protocol",
         "In addition, Article 3 of the Optional Protocol", "wrong_pinpoint", "Article 3", "art. 2(c)"),
    Slip("reference_with_an_old_country_code_without_subject", "oth", "AL OTH 5/2021", "AL ROM 5/2021",
         "wrong_reference", "AL ROM 5/2021", "ROU"),
    Slip("article_lexgap_does_not_hold_with_another_articles_words", "rou",
         "Article 19 of the Convention on the Rights of the Child, ratified",
         "Article 29 of the Convention on the Rights of the Child, ratified", "wrong_pinpoint", "Article 29",
         "art. 19(1)"),
    Slip("covenant_article_with_the_words_of_article_24", "rou", "In particular, Article 24 (1) provides",
         "In particular, Article 42 (1) provides", "wrong_pinpoint", "Article 42 (1)", "art. 24(1)"),
]
