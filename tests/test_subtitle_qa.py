"""Reading-speed and line-length flags: raised where a cue breaks the limits, text never cut."""

from __future__ import annotations

from translator.document import Document, Flag, Segment, Timing, Translation
from translator.subtitles.cues import subtitle_cues
from translator.subtitles.qa import flag_subtitles


def cue_doc(text: str, translation: str, duration_ms: int, lang: str) -> Document:
    segment = Segment(1, "cue", text, timing=Timing(0, duration_ms))
    segment.translations[lang] = Translation(translation, [translation], [(0, 0)])
    return Document("a.srt", "srt", [segment], lang="en")


def test_a_cue_within_the_limits_is_not_flagged() -> None:
    doc = cue_doc("Thank you.", "Спасибо.", 1000, "ru")
    flag_subtitles(doc, "ru")
    assert doc.segments[0].flags == []


def test_reading_speed_is_17_characters_a_second_and_20_for_english() -> None:
    doc = cue_doc("x", "абвгд " * 6, 2000, "uk")  # 35 characters in 2 s
    flag_subtitles(doc, "uk")
    assert doc.segments[0].flags == [Flag("reading-speed", "17.5 characters a second (limit 17)", "uk")]
    english = cue_doc("x", "abcde " * 6, 2000, "en")
    flag_subtitles(english, "en")
    assert english.segments[0].flags == []


def test_text_that_cannot_fit_two_lines_is_flagged_and_kept_whole() -> None:
    long = "Это очень длинный перевод, который никак не помещается в две строки субтитров по тридцать девять знаков"
    doc = cue_doc("x", long, 60000, "ru")
    flag_subtitles(doc, "ru")
    flag_subtitles(doc, "ru")
    assert doc.segments[0].flags == [
        Flag("line-length", "needs 3 lines, the longest 35 characters (limit 2 lines of 39)", "ru")]
    assert " ".join(subtitle_cues(doc, "ru")[0].lines) == long


def test_transcript_flags_name_the_cue_within_the_segment() -> None:
    segment = Segment(1, "turn", "Hello there.", timing=Timing(0, 1000, estimated=True))
    text = "Привіт. " + "Наддовгесловобезпробілівякенепоміщаєтьсяврядок" + " і ще."
    segment.translations["uk"] = Translation(text, [text], [(0, 0)])
    doc = Document("t.txt", "transcript", [segment], lang="en")
    flag_subtitles(doc, "uk")
    codes = [(flag.code, flag.message.split(":")[0]) for flag in doc.segments[0].flags]
    assert ("line-length", "cue 2 of 3") in codes and all(flag.lang == "uk" for flag in doc.segments[0].flags)
