"""Reading-speed, line-length and cue-split flags: raised where a cue breaks the limits or was split, text never
cut."""

from __future__ import annotations

from translator.document import Document, Flag, Segment, Timing, Translation
from translator.subtitles.layout import layout_subtitles
from translator.subtitles.options import SubtitleOptions
from translator.subtitles.qa import flag_subtitles

LONG_RU = "Это очень длинный перевод, который никак не помещается в две строки субтитров по тридцать девять знаков"


def cue_doc(text: str, translation: str, duration_ms: int, lang: str) -> Document:
    segment = Segment(7, "cue", text, timing=Timing(0, duration_ms))
    segment.translations[lang] = Translation(translation, [translation], [(0, 0)])
    return Document("a.srt", "srt", [segment], lang="en", targets=[lang])


def flag(doc: Document, lang: str, options: SubtitleOptions | None = None) -> list[Flag]:
    flag_subtitles(doc, layout_subtitles(doc, lang, options))
    return doc.segments[0].flags


def test_a_cue_within_the_limits_is_not_flagged() -> None:
    assert flag(cue_doc("Thank you.", "Спасибо.", 1000, "ru"), "ru") == []


def test_reading_speed_is_17_characters_a_second_and_20_for_english() -> None:
    assert flag(cue_doc("x", "абвгд " * 6, 2000, "uk"), "uk") == [
        Flag("reading-speed", "17.5 characters a second (limit 17)", "uk")]  # 35 characters in 2 s
    assert flag(cue_doc("x", "abcde " * 6, 2000, "en"), "en") == []


def test_a_split_cue_is_reported_with_its_number() -> None:
    doc = cue_doc("x", LONG_RU, 60000, "ru")
    flag(doc, "ru")
    assert flag(doc, "ru") == [Flag("cue-split", "cue 7 split in time into 2 cues to keep two lines of 39 characters",
                                    "ru")]


def test_with_keep_cues_text_that_cannot_fit_two_lines_is_flagged_and_kept_whole() -> None:
    doc = cue_doc("x", LONG_RU, 60000, "ru")
    options = SubtitleOptions(keep_cues=True)
    assert flag(doc, "ru", options) == [
        Flag("line-length", "needs 3 lines, the longest 35 characters (limit 2 lines of 39)", "ru")]
    assert " ".join(layout_subtitles(doc, "ru", options).cues[0].lines) == LONG_RU


def test_a_word_longer_than_the_line_is_the_one_exception_and_is_flagged() -> None:
    word = "Наддовгесловобезпробілівякенепоміщаєтьсяврядок"
    assert flag(cue_doc("x", word, 5000, "uk"), "uk") == [
        Flag("line-length", "a single word over the line limit (limit 2 lines of 42)", "uk")]


def test_transcript_flags_name_the_cue_within_the_segment() -> None:
    segment = Segment(1, "turn", "Hello there.", timing=Timing(0, 1000, estimated=True))
    text = "Привіт. " + "Наддовгесловобезпробілівякенепоміщаєтьсяврядок" + " і ще."
    segment.translations["uk"] = Translation(text, [text], [(0, 0)])
    doc = Document("t.txt", "transcript", [segment], lang="en")
    flag_subtitles(doc, layout_subtitles(doc, "uk"))
    codes = [(flag.code, flag.message.split(":")[0]) for flag in doc.segments[0].flags]
    assert ("line-length", "cue 2 of 3") in codes and all(flag.lang == "uk" for flag in doc.segments[0].flags)
