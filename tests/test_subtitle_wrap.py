"""Subtitle line wrapping: limits per language, balance, good break points, names kept whole, text never cut."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from translator.subtitles.chunks import cut_sentence
from translator.subtitles.wrap import fits, max_line_chars, wrap_lines

WORDS = st.sampled_from(
    ["a", "the", "of", "and,", "політолог", "Руслан", "Айсін", "expert.", "Eastern", "в", "и", "что",
     "well-known", "—", "Washington", "initialed", "x" * 45]
)


def test_limits_per_language() -> None:
    assert (max_line_chars("en"), max_line_chars("uk"), max_line_chars("ru"), max_line_chars(None)) == (42, 42, 39, 42)


def test_short_text_stays_on_one_line() -> None:
    assert wrap_lines("  Hello,\n  friends!  ", "en") == ["Hello, friends!"]
    assert wrap_lines("", "en") == []


def test_lines_break_after_punctuation_when_that_stays_balanced() -> None:
    assert wrap_lines("Good afternoon, dear friends! Today my guest is Ruslan Aysin", "en") == [
        "Good afternoon, dear friends!",
        "Today my guest is Ruslan Aysin",
    ]


def test_a_name_is_never_split_across_lines() -> None:
    lines = wrap_lines("Сегодня мой гость — известный политолог Руслан Айсин", "ru")
    assert len(lines) == 2 and all(len(line) <= 39 for line in lines)
    assert any("Руслан Айсин" in line for line in lines)


def test_a_line_does_not_end_with_an_article_or_preposition() -> None:
    lines = wrap_lines("He was talking about the role of the European Union in the war", "en")
    assert not any(line.split()[-1] in {"the", "of", "in", "about"} for line in lines), lines


def test_dialogue_puts_each_speaker_on_a_line() -> None:
    assert wrap_lines("- Who is it? - Me.", "en") == ["- Who is it?", "- Me."]


@given(st.lists(WORDS, min_size=1, max_size=30).map(" ".join), st.sampled_from(["en", "uk", "ru"]))
def test_wrapping_keeps_every_word_and_respects_the_limit(text: str, lang: str) -> None:
    lines = wrap_lines(text, lang)
    assert " ".join(lines) == " ".join(text.split())
    assert all(len(line) <= max_line_chars(lang) or " " not in line for line in lines)
    if len(text) <= max_line_chars(lang) and not text.startswith("—"):  # a dialogue gets a line per speaker
        assert lines == [text]
    assert fits(text, lang) == (len(lines) <= 2 and all(len(line) <= max_line_chars(lang) for line in lines))


def test_a_line_never_starts_with_a_dash_unless_it_is_dialogue() -> None:
    text = "The strikes on Odesa went on all night – officials said the grid is down"
    for lang in ("en", "ru"):
        lines = wrap_lines(text, lang)
        assert len(lines) == 2 and not any(line.startswith(("–", "-", "—")) for line in lines), lines
    assert wrap_lines("- Who is it? - Me, your neighbour.", "en") == ["- Who is it?", "- Me, your neighbour."]
    assert wrap_lines("-Who is it? -Me.", "en") == ["-Who is it?", "-Me."]


def test_a_number_stays_with_its_unit_and_initials_with_the_name() -> None:
    for text, together in [
        ("The front line moved about 15 km east of the city during the last week of fighting", "15 km"),
        ("В результате обстрела без света остались около 120 тысяч семей в области", "120 тысяч"),
        ("Сьогодні з нами політолог О. Ляшко, який давно вивчає регіон", "О. Ляшко"),
        ("We spoke with the political scientist Dr. Aysin about the treaty talks", "Dr. Aysin"),
    ]:
        for width in (text, text + " " + "and more words to wrap"):
            assert any(together in line for line in wrap_lines(width, "ru")), wrap_lines(width, "ru")


@given(st.lists(st.sampled_from(["word", "the", "5", "km", "–", "Ruslan", "Aysin", "said,", "Dr.", "x" * 20]),
                min_size=1, max_size=30).map(" ".join))
def test_no_line_starts_with_a_dash_when_another_break_fits(text: str) -> None:
    lines = wrap_lines(text, "en")
    if not text.startswith("–") and len(lines) == 2:
        words = text.split()
        limit = max_line_chars("en")
        other = any(
            words[i] != "–" and len(" ".join(words[:i])) <= limit and len(" ".join(words[i:])) <= limit
            for i in range(1, len(words))
        )
        assert not lines[1].startswith("–") or not other, lines


def test_two_full_lines_are_tried_before_three() -> None:
    text = "of of and, політолог expert. well-known of політолог політолог Руслан initialed"  # 79 = 39 + 1 + 39
    assert len(text) == 79 and len(wrap_lines(text, "ru")) == 2


def test_a_dialogue_dash_never_ends_a_line() -> None:
    """In a dialogue a dash introduces the next speaker: it starts their line, it never hangs at a line end."""
    text = "- Moscow what the said Europe - what will what will the next Europe Europe"
    lines = wrap_lines(text, "en")
    assert not any(line.split()[-1] in ("-", "–", "—") for line in lines), lines
    assert wrap_lines("- Who are you and what are you doing here? - Me? I am just a friend of Moscow.", "en") == [
        "- Who are you and what are you doing here?", "- Me? I am just a friend of Moscow."]


def test_a_time_split_falls_before_a_conjunction_not_inside_a_phrase() -> None:
    """A cue split in time is cut where a clause starts (`… at stake | and nobody in Moscow …`), as the README
    says, not before a preposition in the middle of a phrase (`… and nobody | in Moscow …`)."""
    english = cut_sentence("The minister said that the security of Europe is at stake and nobody in Moscow or in "
                           "Kyiv can ignore what is happening there now.", "en")
    assert english[1].startswith("and nobody in Moscow"), english
    ukrainian = cut_sentence("Міністр сказав що безпека Європи є під загрозою і ніхто в Москві чи в Києві не може "
                             "ігнорувати те що там відбувається.", "uk")
    assert ukrainian[1].startswith("і ніхто в Москві"), ukrainian
