"""Cue formatting: tags read out of a cue and put back on the right words of its translation."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.subtitles.markup import TAG, apply, parse, to_dialect

TRANSLATION = "Ми зараз у місті Нью-Йорк разом"


def well_nested(marked: str) -> bool:
    stack: list[str] = []
    for match in TAG.finditer(marked):
        if match["tag"] and match["close"]:
            if not stack or stack.pop() != match["name"]:
                return False
        elif match["tag"]:
            stack.append(match["name"])
    return not stack


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("<i>Hello</i> world", "Hello world"),
        ("  <b>one</b>  \n\n  two &amp; three&nbsp;", "one\ntwo & three"),
        ("{\\an8}Top{\\b1} bold{\\b0}", "Top bold"),
        ("Forced\\Nbreak and\\hhard", "Forced\nbreak and\u00a0hard"),
        ("2<3,5>1 {normal text} \\TEST", "2<3,5>1 {normal text} \\TEST"),
        ("<v Kyle Huey>Hi</v> <c.yellow>you</c><00:00:01.000>", "Hi you"),
        ("< u><i>Bad < s>Tags< /  i > here</xyz>", "Bad Tags here"),
    ],
)
def test_parse_gives_the_plain_text(raw: str, text: str) -> None:
    assert parse(raw).text == text


def test_a_whole_cue_wrapper_wraps_the_whole_translation() -> None:
    form = parse("{\\an8}<font color=\"#00ff00\"><i>We are in New York City</i></font>")
    assert apply(form, TRANSLATION) == f'{{\\an8}}<font color="#00ff00"><i>{TRANSLATION}</i></font>'


def test_a_tag_on_part_of_a_cue_lands_on_the_proportional_words() -> None:
    form = parse("We are in <b>New York City</b>")
    assert apply(form, "Ми зараз у місті Нью-Йорк") == "Ми зараз у <b>місті Нью-Йорк</b>"
    assert apply(parse("<i>Now</i> we are in town"), "Тепер ми в місті") == "<i>Тепер</i> ми в місті"


def test_italic_lines_become_one_span_over_the_rewrapped_translation() -> None:
    form = parse("<i>las mujeres éramos</i>\n<i>algo así como adornos</i>")
    assert apply(form, "жінки були\nчимось на кшталт прикрас") == "<i>жінки були\nчимось на кшталт прикрас</i>"


def test_the_source_renders_as_itself_with_only_its_tags_normalised() -> None:
    raw = '<font  color="red" >Elephant\'s <s>Dream</s></font> &amp; 2&lt;3'
    form = parse(raw)
    assert to_dialect(apply(form, form.text), "vtt") == "Elephant's Dream &amp; 2&lt;3"
    assert to_dialect(apply(form, form.text), "srt") == '<font color="red">Elephant\'s <s>Dream</s></font> & 2<3'


def test_each_format_keeps_only_its_own_tags() -> None:
    neutral = '{\\an8}<v Bo><c.x>Hi</c> <font color="red">there</font> <i>&amp;</i> <xyz>you</xyz></v>'
    assert to_dialect(neutral, "srt") == '{\\an8}Hi <font color="red">there</font> <i>&</i> you'
    assert to_dialect(neutral, "vtt") == "<v Bo><c.x>Hi</c> there <i>&amp;</i> you</v>"


def test_lead_points_can_be_left_out_for_a_second_block() -> None:
    form = parse("{\\an8}<i>Top</i>")
    assert apply(form, "Верх", lead_points=False) == "<i>Верх</i>"


RAW_PIECES = st.sampled_from(["<i>", "</i>", "<b>", "</b>", "<u>", "</u>", "{\\an8}", "&amp;", "<", ">",
                              " ", "\n", "word", "Слово", "New York", "</xyz>", '<font color="red">', "</font>"])


@given(st.lists(RAW_PIECES, max_size=14).map("".join), st.lists(st.sampled_from(["а", "бб", "ввв", "Гґ", "<", "&"]),
       max_size=8).map(" ".join))
def test_applied_markup_is_well_nested_and_keeps_the_text(raw: str, translation: str) -> None:
    form = parse(raw)
    marked = apply(form, translation)
    assert well_nested(marked)
    assert html.unescape(TAG.sub("", marked)) == translation
    assert re.sub(r"\s+", " ", TAG.sub("", to_dialect(marked, "srt"))) == re.sub(r"\s+", " ", translation)


@pytest.mark.parametrize(
    ("raw", "translation", "expected"),
    [
        ("The strikes on <i>Odesa region</i>.", "Удари по Одеському регіону.", "Удари по <i>Одеському регіону</i>."),
        ("<i>Ruslan Aysin</i>, expert", "Руслан Айсин, експерт", "<i>Руслан Айсин</i>, експерт"),
        ("He said \"<i>never</i>\" twice", "Він сказав «ніколи» двічі", "Він сказав «<i>ніколи</i>» двічі"),
        ("<b>Удари по Одесі</b>!", "Strikes on Odesa!", "<b>Strikes on Odesa</b>!"),
        ("<i>Ruslan Aysin,</i> expert", "Руслан Айсин, експерт", "<i>Руслан Айсин,</i> експерт"),
    ],
)
def test_a_tag_that_ends_before_punctuation_keeps_its_words_and_leaves_the_punctuation_out(
    raw: str, translation: str, expected: str
) -> None:
    assert apply(parse(raw), translation) == expected
