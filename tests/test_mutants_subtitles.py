"""Subtitle behaviour that mutation testing (tools/mutation.py, issue #24) found unpinned: line balance, the
Russian line limit in every decision, QA's thresholds and messages, reading-speed times per language."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.document import Document, Segment, Timing, Translation
from translator.subtitles.breaks import BreakCosts, break_cost
from translator.subtitles.chunks import chunk_text, cut_sentence
from translator.subtitles.cues import OutCue
from translator.subtitles.distribute import _nearest, distribute
from translator.subtitles.group import group_cues
from translator.subtitles.layout import CueSplit, SubtitleLayout, layout_document, layout_subtitles
from translator.subtitles.markup import apply, balance, parse
from translator.subtitles.options import SubtitleOptions
from translator.subtitles.qa import characters_per_second, flag_subtitles
from translator.subtitles.timing import cue_duration_ms, estimate_timings, reading_speed, spread
from translator.subtitles.wrap import fits, lines_fit, max_line_chars, wrap_lines

RU_41 = "слово слово слово слово слово слово слово"  # 41 characters: one English line, two Russian ones


# wrap


@pytest.mark.parametrize("count", [10, 12, 14, 16])
def test_equal_words_split_into_two_equal_lines(count: int) -> None:
    lines = wrap_lines(" ".join(["word"] * count), "en")
    assert [len(line.split()) for line in lines] == [count // 2, count // 2]


@given(st.integers(9, 17), st.sampled_from(["word", "слово", "ab"]))
def test_two_lines_of_equal_words_differ_by_at_most_one_word(count: int, word: str) -> None:
    text = " ".join([word] * count)
    lines = wrap_lines(text, "en")
    if len(lines) == 2:
        assert abs(len(lines[0].split()) - len(lines[1].split())) <= 1


def test_three_lines_are_balanced_too() -> None:
    lines = wrap_lines(" ".join(["word"] * 21), "en")  # 104 characters: three lines of 7 words
    assert [len(line.split()) for line in lines] == [7, 7, 7]


def test_the_russian_limit_decides_whether_a_line_is_split() -> None:
    assert len(RU_41) == 41
    assert wrap_lines(RU_41, "en") == [RU_41] and wrap_lines(RU_41, "uk") == [RU_41]
    lines = wrap_lines(RU_41, "ru")
    assert len(lines) == 2 and all(len(line) <= 39 for line in lines) and " ".join(lines) == RU_41
    assert fits(RU_41, "ru") and lines_fit([RU_41], "en") and not lines_fit([RU_41], "ru")
    ru_39 = "слово слово слово слово слово слово сло"
    assert wrap_lines(ru_39, "ru") == [ru_39] and lines_fit([ru_39, ru_39], "ru")


@pytest.mark.parametrize(
    ("lines", "lang", "ok"),
    [
        (["x" * 42, "y" * 42], "en", True),
        (["a " + "x" * 40, "y"], "en", True),  # exactly 42 characters
        (["a " + "x" * 41], "en", False),  # 43 characters with a space
        (["x" * 50], "en", True),  # one word longer than a line: the exception
        (["a", "b", "c"], "en", False),
        (["a " + "x" * 37], "ru", True),
        (["a " + "x" * 38], "ru", False),
        ([], "en", True),
    ],
)
def test_lines_fit_table(lines: list[str], lang: str, ok: bool) -> None:
    assert lines_fit(lines, lang) is ok


@pytest.mark.parametrize(
    ("text", "lang", "ok"),
    [
        ("x" * 42, "en", True),
        ("x" * 42 + " y", "en", True),  # the last word alone on the second line
        ("y " + "x" * 42, "en", True),
        ("x" * 43 + " y", "en", False),
        (" ".join(["x" * 20, "y" * 21, "z" * 20, "w" * 21]), "en", True),  # 42 + 1 + 42
        (" ".join(["x" * 20, "y" * 21, "z" * 20, "w" * 22]), "en", False),  # second line 43
        (" ".join(["x" * 19, "y" * 19, "z" * 19, "w" * 19]), "ru", True),  # 39 + 1 + 39
        (" ".join(["x" * 19, "y" * 20, "z" * 19, "w" * 19]), "ru", False),
        ("- Who? - Me.", "en", True),
        ("- " + "x " * 30 + "- Me.", "en", True),  # the first speaker on two lines, the second after them
        ("- " + "x " * 40 + "- Me.", "en", False),
        ("a b c", "en", True),
        ("", "en", True),
    ],
)
def test_fits_table(text: str, lang: str, ok: bool) -> None:
    assert fits(text, lang) is ok


def test_a_dialogue_gets_one_line_per_speaker_even_when_short() -> None:
    assert wrap_lines("- Who? - Me.", "en") == ["- Who?", "- Me."]
    assert wrap_lines("- Who is there at the door? - Me, your neighbour.", "en") == [
        "- Who is there at the door?",
        "- Me, your neighbour.",
    ]


def test_a_long_word_gets_a_line_of_its_own_and_is_never_cut() -> None:
    long = "x" * 50
    assert wrap_lines(f"a {long} b", "en") == ["a", long, "b"]
    assert wrap_lines(long, "en") == [long]


# break costs


@pytest.mark.parametrize(
    ("left", "right", "lang", "dialogue", "cost"),
    [
        ("war.", "The", "en", False, -3.0),
        ("war.”", "The", "en", False, -3.0),
        ("war,", "the", "en", False, -2.0),
        ("war;", "the", "en", False, -2.0),
        ("—", "the", "en", False, -2.0),
        ("the", "war", "en", False, 2.0),
        ("of", "war", "en", False, 2.0),
        ("(of", "war", "en", False, 2.0),
        ("war", "and", "en", False, -2.0),  # a conjunction starts a clause
        ("war", "in", "en", False, -1.0),  # a preposition a phrase
        ("war", "(and", "en", False, -2.0),
        ("war", "peace", "en", False, 0.0),
        ("war", "и", "en", False, 0.0),  # a Russian conjunction is not an English one
        ("war", "и", None, False, -2.0),  # no language: any language's
        ("война", "и", "ru", False, -2.0),
        ("война", "или", "ru", False, -1.0),  # `or` mostly joins two words
        ("війна", "і", "uk", False, -2.0),
        ("и", "война", "ru", False, 2.0),
        ("Ruslan", "Aysin", "en", False, 10.0),
        ("Dr.", "Aysin", "en", False, 10.0),
        ("О.", "Ляшко", "uk", False, 10.0),
        ("Mr.", "smith", "en", False, -3.0),  # a title belongs only to a capitalised name
        ("5", "km", "en", False, 10.0),
        ("5,", "km", "en", False, -2.0),
        ("2014.", "Then", "en", False, -3.0),
        ("war", "- Who?", "en", False, 10.0),
        ("war", "- Who?", "en", True, -3.0),
        ("war", "–", "en", False, 10.0),
        ("said", "Aysin", "en", False, 0.0),
        ("Baku,", "Moscow", "en", False, -2.0),
    ],
)
def test_break_cost_table(left: str, right: str, lang: str | None, dialogue: bool, cost: float) -> None:
    assert break_cost(left, right, lang, dialogue=dialogue) == cost
    costs = BreakCosts()
    assert costs(left, right, lang, dialogue=dialogue) == cost
    assert costs(left, right, lang, dialogue=dialogue) == cost  # remembered
    assert costs(left, right, lang, dialogue=not dialogue) == break_cost(left, right, lang, dialogue=not dialogue)


# chunks


def test_a_dialogue_too_long_for_one_cue_packs_two_speakers_a_cue() -> None:
    turns = ["- Where were you last night, my friend?", "- At home.", "- Who can say so, apart from you?",
             "- My wife and my son."]
    pieces = chunk_text(" ".join(turns), "en")
    assert len(pieces) == 2 and " ".join(pieces) == " ".join(turns) and all(fits(piece, "en") for piece in pieces)
    long_turn = "- " + " ".join(["word"] * 30)
    pieces = cut_sentence(f"{long_turn} - Me.", "en")
    assert " ".join(pieces) == f"{long_turn} - Me." and all(fits(piece, "en") for piece in pieces)


def test_a_long_sentence_is_cut_at_its_clause_and_balanced() -> None:
    text = ("When the war began in the east of the country, the political scientist left Moscow "
            "and moved with his family to Baku")
    assert cut_sentence(text, "en") == [
        "When the war began in the east of the country,",
        "the political scientist left Moscow and moved with his family to Baku",
    ]


# timing


def test_reading_speed_and_cue_duration_table() -> None:
    assert (reading_speed("en"), reading_speed("ru"), reading_speed("uk"), reading_speed(None)) == (20, 17, 17, 17)
    assert [cue_duration_ms("x" * n) for n in (0, 17, 18, 34, 35, 119, 120, 500)] == [
        1000, 1000, 1059, 2000, 2059, 7000, 7000, 7000,
    ]


def test_spread_is_proportional_and_chained() -> None:
    assert spread(Timing(500, 4500), ["x" * 34, "x" * 68]) == [(500, 1833), (1833, 4500)]
    assert spread(Timing(0, 3000), ["a", "b", "c"]) == [(0, 1000), (1000, 2000), (2000, 3000)]


def test_a_segment_is_timed_in_its_own_language_and_each_translation_in_its_own() -> None:
    # 82 characters: one English cue; two Russian ones, which drop the space between them
    text = "да и нет но я там был а он там не был и мы об этом знаем а они нет и вот так и есть"
    assert len(chunk_text(text, "en")) == 1 and len(chunk_text(text, "ru")) == 2
    russian = sum(cue_duration_ms(chunk) for chunk in chunk_text(text, "ru"))
    assert russian != cue_duration_ms(text)
    doc = Document("t.txt", "transcript", [Segment(1, "turn", text, lang="ru")], lang="en")
    estimate_timings(doc)
    assert doc.segments[0].timing == Timing(0, russian, True)
    doc = Document("t.txt", "transcript", [Segment(1, "turn", "Yes.", lang="en")], lang="en")
    doc.segments[0].translations["ru"] = Translation(text, [text], [(0, 0)])
    estimate_timings(doc)
    assert doc.segments[0].timing == Timing(0, russian, True)


# qa


def _cue(lines: tuple[str, ...], start: int, end: int, segment: int = 0) -> OutCue:
    return OutCue(start, end, lines, lines, segment)


def _flags(lang: str, *cues: OutCue) -> list[str]:
    doc = Document("a.srt", "srt", [Segment(1, "cue", "x", timing=Timing(0, 1))], lang="en", targets=[lang])
    flag_subtitles(doc, SubtitleLayout(lang, tuple(cues), ()))
    return [flag.message for flag in doc.segments[0].flags]


def test_characters_per_second_counts_every_character_of_every_line() -> None:
    assert characters_per_second(_cue(("x" * 20, "y" * 14), 1000, 3000)) == 17.0
    assert characters_per_second(_cue(("x" * 20,), 500, 1500)) == 20.0
    assert characters_per_second(_cue(("x",), 1000, 1000)) == float("inf")


def test_reading_speed_is_flagged_above_the_limit_as_the_message_rounds_it() -> None:
    assert _flags("en", _cue(("x" * 40,), 0, 2000)) == []  # 20.0: at the limit
    full = ("x" * 42, "y" * 42)
    assert _flags("en", _cue(full, 0, 4192)) == []  # 20.04 shows as 20.0
    assert _flags("en", _cue(full, 0, 4170)) == ["20.1 characters a second (limit 20)"]
    assert _flags("ru", _cue(("x" * 35,), 0, 2000)) == ["17.5 characters a second (limit 17)"]
    assert _flags("ru", _cue(("x",), 0, 0)) == ["inf characters a second (limit 17)"]


def test_line_length_is_flagged_above_the_limit_and_names_the_cue_within_its_segment() -> None:
    assert _flags("en", _cue(("a " + "x" * 40,), 0, 9000)) == []  # 42 characters
    assert _flags("ru", _cue(("a " + "x" * 37,), 0, 9000)) == []  # 39 characters
    assert _flags("ru", _cue(("a " + "x" * 38, "b"), 0, 9000)) == [
        "needs 2 lines, the longest 40 characters (limit 2 lines of 39)"
    ]
    assert _flags("en", _cue(("a", "b", "c"), 0, 9000)) == [
        "needs 3 lines, the longest 1 characters (limit 2 lines of 42)"
    ]
    assert _flags("en", _cue(("x" * 43,), 0, 9000)) == ["a single word over the line limit (limit 2 lines of 42)"]
    two = (_cue(("a b c d",), 0, 9000), _cue(("x" * 43,), 9000, 18000))
    assert _flags("en", *two) == ["cue 2 of 2: a single word over the line limit (limit 2 lines of 42)"]
    assert _flags("en", _cue((), 0, 9000)) == []


# layout


def _transcript() -> Document:
    segments = [Segment(1, "title", "Заголовок", lang="ru"), Segment(2, "turn", RU_41, lang="ru")]
    english = 'word & <b> "word" word word word word'
    segments[1].translations["en"] = Translation(english, [english], [(0, 0)])
    return Document("t.txt", "transcript", segments, lang="ru", targets=["en"])


def test_layout_document_times_the_transcript_and_lays_out_each_target_in_its_own_language() -> None:
    doc = _transcript()
    layouts = layout_document(doc)
    assert list(layouts) == ["en"] and layouts["en"].lang == "en" and layouts["en"].splits == ()
    assert [s.timing for s in doc.segments] == [None, Timing(0, 2412, True)]  # the Russian source reads longest
    english = 'word & <b> "word" word word word word'
    assert layouts["en"].cues == (OutCue(0, 2412, (english,), ('word &amp; &lt;b&gt; "word" word word word word',), 1),)
    assert layouts["en"].bilingual == (
        OutCue(0, 2412, ("слово слово слово слово", "слово слово слово", english),
               ("слово слово слово слово", "слово слово слово", 'word &amp; &lt;b&gt; "word" word word word word'), 1),
    )
    doc = _transcript()
    layouts = layout_document(doc, SubtitleOptions(headings=True))
    assert [s.timing for s in doc.segments] == [Timing(0, 1000, True), Timing(1000, 3412, True)]
    assert [cue.lines for cue in layouts["en"].cues] == [("Заголовок",), (english,)]


def test_an_untranslated_transcript_segment_is_shown_in_its_own_language() -> None:
    doc = Document("t.txt", "transcript", [Segment(1, "turn", RU_41, lang="ru")], lang="ru", targets=["en"])
    layout = layout_subtitles(doc, "en")
    assert [cue.lines for cue in layout.cues] == [("слово слово слово слово", "слово слово слово")]
    assert layout.bilingual == layout.cues


# group


def _cues(*texts: str, langs: tuple[str | None, ...] = (), starts: tuple[int, ...] = ()) -> list[Segment]:
    segments = []
    for number, text in enumerate(texts):
        start = starts[number] if starts else number * 1000
        lang = langs[number] if langs else None
        segments.append(Segment(number + 1, "cue", text, lang=lang, timing=Timing(start, start + 1000)))
    return segments


@pytest.mark.parametrize(
    ("texts", "groups"),
    [
        (("", "and more"), [[0], [1]]),
        (("said", ""), [[0], [1]]),
        (("x" * 200, "y" * 200), [[0, 1]]),  # 400 characters: still one group
        (("x" * 200, "y" * 201), [[0], [1]]),
        (("He said.", "«and so on»"), [[0, 1]]),  # a lower-case start continues the sentence
        (("He said.", "“and so on”"), [[0, 1]]),
        (("He said.", "…and then"), [[0, 1]]),
        (("He said.", "...and then"), [[0, 1]]),
        (("He said.", "«So»"), [[0], [1]]),
        (("He said", "- Yes"), [[0], [1]]),
        (("He said", "[laughs]"), [[0], [1]]),
        (("[laughs]", "and"), [[0], [1]]),
        (("a", "b", "c", "d", "e", "f"), [[0, 1, 2, 3, 4], [5]]),
    ],
)
def test_cues_group_into_sentences(texts: tuple[str, ...], groups: list[list[int]]) -> None:
    assert group_cues(_cues(*texts)) == groups


def test_a_pause_longer_than_two_seconds_or_another_language_ends_a_group() -> None:
    assert group_cues(_cues("he said", "that", starts=(0, 3000))) == [[0, 1]]  # a gap of exactly 2 s
    assert group_cues(_cues("he said", "that", starts=(0, 3001))) == [[0], [1]]
    assert group_cues(_cues("he said", "that", langs=("en", "en"))) == [[0, 1]]
    assert group_cues(_cues("he said", "that", langs=("en", None))) == [[0, 1]]
    assert group_cues(_cues("he said", "that", langs=(None, "en"))) == [[0, 1]]
    assert group_cues(_cues("he said", "что", langs=("en", "ru"))) == [[0], [1]]


def _subtitle_doc(text: str, translation: str, timing: Timing, lang: str = "ru") -> Document:
    segment = Segment(1, "cue", text, timing=timing)
    segment.translations[lang] = Translation(translation, [translation], [(0, 0)])
    return Document("a.srt", "srt", [segment], lang="en", targets=[lang])


def test_a_subtitle_cue_keeps_its_source_lines_above_the_translation_in_the_bilingual_cue() -> None:
    translation = "Привет, друг мой, как ты поживаешь сегодня утром?"
    layout = layout_subtitles(_subtitle_doc("Hello there,\nfriend.", translation, Timing(0, 2000)), "ru")
    russian = ("Привет, друг мой,", "как ты поживаешь сегодня утром?")
    assert layout.cues == (OutCue(0, 2000, russian, russian, 0),)
    assert layout.bilingual == (OutCue(0, 2000, ("Hello there,", "friend.", *russian),
                                       ("Hello there,", "friend.", *russian), 0),)
    assert layout.splits == ()


LONG_RU = "Это очень длинный перевод, который никак не помещается в две строки субтитров по тридцать девять знаков"


@pytest.mark.parametrize(
    ("timing", "times"),
    [
        (Timing(0, 2), [(0, 1), (1, 2)]),  # one millisecond a part is enough to split
        (Timing(1000, 1001), [(1000, 1001)]),  # too short for two parts: one cue, QA flags it
        (Timing(0, 3), [(0, 1), (1, 3)]),
    ],
)
def test_a_translation_too_long_for_two_lines_is_split_when_the_cue_has_a_millisecond_a_part(
    timing: Timing, times: list[tuple[int, int]]
) -> None:
    layout = layout_subtitles(_subtitle_doc("Hi", LONG_RU, timing), "ru")
    assert [(cue.start_ms, cue.end_ms) for cue in layout.cues] == times
    assert layout.splits == (() if len(times) == 1 else (CueSplit(0, 2),))


def test_a_single_word_too_long_for_a_line_is_not_split_in_time() -> None:
    layout = layout_subtitles(_subtitle_doc("Hi", "x" * 50, Timing(0, 2000)), "ru")
    assert layout.splits == () and [cue.lines for cue in layout.cues] == [("x" * 50,)]


def test_a_transcript_keeps_its_stored_times_and_leaves_out_what_is_not_shown() -> None:
    segments = [Segment(1, "title", "Title", lang="en", timing=Timing(0, 500)),
                Segment(2, "turn", "Hello there.", lang="en", timing=Timing(5000, 9000))]
    layout = layout_subtitles(Document("t.txt", "transcript", segments, lang="en", targets=["ru"]), "ru")
    assert layout.cues == (OutCue(5000, 9000, ("Hello there.",), ("Hello there.",), 1),)


def test_a_long_dialogue_is_cut_between_speakers() -> None:
    text = "- Где ты был вчера вечером, мой друг? - Дома, с женой и детьми, весь вечер. - А кто это может подтвердить?"
    assert cut_sentence(text, "ru") == [
        "- Где ты был вчера вечером, мой друг? - Дома, с женой и детьми, весь вечер.",
        "- А кто это может подтвердить?",
    ]
    long_turn = "- " + " ".join(["word"] * 30)
    assert cut_sentence(f"{long_turn} - Me.", "en") == [
        "- " + " ".join(["word"] * 15), " ".join(["word"] * 15) + " - Me."
    ]


# markup


@pytest.mark.parametrize(
    ("raw", "translation", "plain", "marked"),
    [
        ('<font   color="red"   size="2">Red</font> text', "Красный текст", "Red text",
         '<font color="red" size="2">Красный</font> текст'),
        ("  <i>indented</i> line  \n   <b>second</b>  ", "отступ строка\nвторая", "indented line\nsecond",
         "<i>отступ</i> строка\n<b>вторая</b>"),
        ("one <i>two</i> three four five", "один два три четыре пять", "one two three four five",
         "один <i>два</i> три четыре пять"),
        ("one two three four <i>five</i>", "один два три", "one two three four five", "один два <i>три</i>"),
        ("<i>one</i> two three four five six", "один два", "one two three four five six", "<i>один</i> два"),
        ("{\\an8}Top line", "Верхняя строка", "Top line", "{\\an8}Верхняя строка"),
        ("Some {\\b1}bold{\\b0} text", "Немного жирного текста здесь", "Some bold text",
         "Немного {\\b1}жирного текста{\\b0} здесь"),
        ("Word{\\b0}", "Слово", "Word", "Слово{\\b0}"),
        ("«<i>Odesa</i>», he said", "«Одесса», сказал он", "«Odesa», he said", "«<i>Одесса</i>», сказал он"),
        ("he<i>llo</i> world", "привет мир", "hello world", "<i>привет</i> мир"),
        ("<i>a</i> <i>b</i> c", "x y z", "a b c", "<i>x y</i> z"),
        ("<i>a</i> <b>b</b> c", "x y z", "a b c", "<i>x</i> <b>y</b> z"),
        ("<i>line one</i>\n<i>line two</i>", "строка один строка два", "line one\nline two",
         "<i>строка один строка два</i>"),
        ("<b><i>both</i></b> plain plain", "оба простой простой", "both plain plain",
         "<b><i>оба</i></b> простой простой"),
        ("<i>unclosed text here", "незакрытый текст", "unclosed text here", "<i>незакрытый текст</i>"),
        ("text</i> closed", "текст закрыт", "text closed", "текст закрыт"),
        ("<i>x</i>", "", "x", ""),
        ("a <i>b</i>", "a\nb c", "a b", "a\nb <i>c</i>"),
        ("{\\an8}<i>one two</i>", "раз\nдва", "one two", "{\\an8}<i>раз\nдва</i>"),
        ("<i>Tom &amp; Jerry</i>", "Том & Джерри", "Tom & Jerry", "<i>Том &amp; Джерри</i>"),
    ],
)
def test_markup_moves_to_the_same_words_of_the_translation(raw: str, translation: str, plain: str, marked: str) -> None:
    form = parse(raw)
    assert form.text == plain
    assert apply(form, translation) == marked


def test_markup_rendered_on_its_own_text_is_the_source_normalised() -> None:
    raw = "<i>one <b>two</b></i>\n  three {\\b1}four"
    assert apply(parse(raw), parse(raw).text) == "<i>one <b>two</b></i>\nthree {\\b1}four"


@pytest.mark.parametrize(
    ("groups", "balanced"),
    [
        ([["{\\an8}<i>one", "two"], ["three</i>"], [], ["four"]],
         [["{\\an8}<i>one", "two</i>"], ["{\\an8}<i>three</i>"], [], ["{\\an8}four"]]),
        ([["<i>one <b>two"], ["three</b> four</i>"]], [["<i>one <b>two</b></i>"], ["<i><b>three</b> four</i>"]]),
        ([["<i>a</b>"], ["c"]], [["<i>a</b></i>"], ["<i>c</i>"]]),
        ([["<i>a</i> <b>b"], ["c"]], [["<i>a</i> <b>b</b>"], ["<b>c</b>"]]),
        ([["{\\an8}a"], ["{\\an8}b"]], [["{\\an8}a"], ["{\\an8}b"]]),
        ([["a"], ["b"]], [["a"], ["b"]]),
        ([[], ["b"]], [[], ["b"]]),
        ([], []),
    ],
)
def test_balance_closes_and_reopens_tags_across_cues(groups: list[list[str]], balanced: list[list[str]]) -> None:
    assert balance(groups) == balanced


def test_leading_overrides_can_be_left_out_and_others_stay() -> None:
    assert apply(parse("{\\an8}x"), "y", lead_points=False) == "y"
    assert apply(parse("a {\\b1}b"), "c d", lead_points=False) == "c {\\b1}d"


# distribute


@pytest.mark.parametrize(
    ("translation", "source", "parts"),
    [
        ("Привет. Как дела у тебя сегодня?", ["Hello.", "How are you today?"], ["Привет.", "Как дела у тебя сегодня?"]),
        ("Привет, как дела у тебя сегодня?", ["Hello,", "how are you today?"], ["Привет,", "как дела у тебя сегодня?"]),
        ("Один два", ["a", "b", "c"], ["Один", "", "два"]),
        ("", ["a", "b"], ["", ""]),
        ("one two three four", ["x" * 10, "y" * 30], ["one", "two three four"]),
        ("one two three four", ["x" * 30, "y" * 10], ["one two three", "four"]),
        ("one two. three four five six", ["aaaa bbbb.", "cccc dddd eeee ffff"], ["one two.", "three four five six"]),
        ("one two three. four five six", ["aaaa bbbb.", "cccc dddd eeee ffff"], ["one two three.", "four five six"]),
        ("a b c d e f", ["x", "y", "z"], ["a b", "c d", "e f"]),
        ("the war and peace", ["xx xx", "yy yy"], ["the war", "and peace"]),
        ("  a   b  ", ["x"], ["a b"]),
    ],
)
def test_distribute_table(translation: str, source: list[str], parts: list[str]) -> None:
    assert distribute(translation, source) == parts


def test_a_cut_lands_on_the_nearest_word_boundary_and_on_the_earlier_one_at_a_tie() -> None:
    assert [_nearest([0, 4, 8, 12], target) for target in (0, 1, 2, 3, 6, 10, 12, 20)] == [0, 0, 0, 1, 1, 2, 3, 3]


# the fewest lines


def _greedy_lines(words: list[str], limit: int) -> int:
    count, line = 0, ""
    for word in words:
        if line and len(line) + 1 + len(word) <= limit:
            line += " " + word
        else:
            count, line = count + 1, word
    return count


@given(st.lists(st.sampled_from(["a", "war", "Moscow", "political", "and,", "слово", "x" * 20, "y" * 39]),
                min_size=1, max_size=40), st.sampled_from(["en", "ru"]))
def test_wrapping_takes_the_fewest_lines_that_fit(words: list[str], lang: str) -> None:
    lines = wrap_lines(" ".join(words), lang)
    assert " ".join(lines) == " ".join(words)
    assert all(len(line) <= max_line_chars(lang) for line in lines)
    assert len(lines) == _greedy_lines(words, max_line_chars(lang))
