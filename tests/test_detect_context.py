"""Context in a mixed interview: it helps weak segments, never overrides clear ones, never crosses the script."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from translator.document import Document, Segment
from translator.langid import detect_document


def _interview(turns: list[tuple[str, str]]) -> Document:
    return Document("t.txt", "transcript", [Segment(i + 1, "turn", text, speaker=who) for i, (who, text) in
                                           enumerate(turns)])


def _langs(turns: list[tuple[str, str]]) -> list[str | None]:
    doc = _interview(turns)
    detect_document(doc)
    return [segment.lang for segment in doc.segments]


UK_HOST = [
    "Добрий день, шановні глядачі! Сьогодні в нас у студії відомий політолог і публіцист.",
    "Почнімо з найгарячішої теми: минулої ночі росія знову вдарила по інфраструктурі в Одеській області.",
    "Чому Кремль продовжує атакувати азербайджанські об'єкти, попри всі домовленості?",
    "Як ви оцінюєте перспективи мирного договору між Баку та Єреваном?",
]


def test_a_russian_guests_short_turns_stay_russian_in_a_ukrainian_interview() -> None:
    turns = [("Host", UK_HOST[0]), ("Guest", "Здравствуйте, рад участвовать и приветствую ваших зрителей."),
             ("Host", UK_HOST[1]), ("Guest", "Думаю, хватит."), ("Host", UK_HOST[2]), ("Guest", "Согласен."),
             ("Host", UK_HOST[3]), ("Guest", "Вот так.")]
    assert _langs(turns) == ["uk", "ru"] * 4


def test_a_short_cyrillic_turn_is_never_english_in_an_english_interview() -> None:
    turns = [("Host", "How many drones did they launch last night, according to the ministry?"),
             ("Guest", "Близько трьохсот."),
             ("Host", "And how many of them were shot down over the capital region?"),
             ("Guest", "Так.")]
    assert _langs(turns) == ["en", "uk", "en", "uk"]


def test_a_line_of_numbers_or_names_takes_its_speakers_language_not_its_neighbours() -> None:
    turns = [("Host", UK_HOST[0]), ("Guest", "Спасибо, что пригласили, мне очень приятно быть здесь сегодня."),
             ("Host", UK_HOST[1]), ("Guest", "1938 — 2014?"), ("Host", UK_HOST[2]), ("Guest", "Руслан Айсін!"),
             ("Host", UK_HOST[3])]
    assert _langs(turns) == ["uk", "ru", "uk", "ru", "uk", "ru", "uk"]


def test_a_clear_segment_keeps_its_own_language_whatever_its_context() -> None:
    turns = [("Guest", "Спасибо, что пригласили, мне очень приятно быть здесь сегодня."),
             ("Guest", "Дякую, що запросили, мені дуже приємно бути тут сьогодні."),
             ("Guest", "Я бы сказал, что это типичное поведение Москвы.")]
    assert _langs(turns) == ["ru", "uk", "ru"]


def test_a_guest_who_switches_language_once_is_followed() -> None:
    russian = ["Согласен.", "Думаю, хватит.", "Вот так.", "Тебе виднее."]
    ukrainian = ["Звісно.", "Близько трьохсот.", "Дякую, Руслане.", "Гаразд."]
    turns = []
    for index, text in enumerate(russian + ukrainian):
        turns += [("Host", UK_HOST[index % len(UK_HOST)]), ("Guest", text)]
    assert _langs(turns)[1::2] == ["ru"] * 4 + ["uk"] * 4


def test_subtitle_cues_without_speakers_lean_on_their_neighbours() -> None:
    cues = ["Україна має покладатися на себе, а Європа повинна захищати себе.", "Так.",
            "Це типова поведінка, яку ми бачимо щодня в новинах."]
    doc = Document("t.srt", "srt", [Segment(i + 1, "cue", text) for i, text in enumerate(cues)])
    detect_document(doc)
    assert [s.lang for s in doc.segments] == ["uk", "uk", "uk"]


TEXTS = ["Так.", "Ok.", "1938", "Thank you very much.", "Дякую.", "Спасибо.", "Руслан Айсин", "Vitaliy Barvynenko",
         "—", "Москва", UK_HOST[0], "Let's start with the hottest topic of the day."]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["Host", "Guest", None]), st.sampled_from(TEXTS)), min_size=1, max_size=12))
def test_context_never_crosses_the_script_and_confidence_stays_a_probability(
    turns: list[tuple[str | None, str]]
) -> None:
    doc = Document("t.txt", "transcript", [Segment(i + 1, "turn", text, speaker=who) for i, (who, text) in
                                           enumerate(turns)])
    detect_document(doc)
    for segment in doc.segments:
        assert 0.0 <= segment.lang_confidence <= 1.0
        letters = [ch for ch in segment.text if ch.isalpha()]
        cyrillic = sum("\u0400" <= ch <= "\u052f" for ch in letters)
        if letters:
            assert (segment.lang == "en") == (cyrillic * 2 < len(letters)), segment.text
