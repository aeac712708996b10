"""`--fps` puts the cues we make on frames, 2 frames apart, at least 5/6 s; sources stay as written. `--rules`
profiles set the line length, reading speed and durations (issue #27)."""

from __future__ import annotations

import itertools
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.test_end_to_end import translator
from translator.document import Document, Segment, Timing, Translation
from translator.subtitles.frames import RATES, chain, on_grid, split, to_frame
from translator.subtitles.layout import layout_subtitles
from translator.subtitles.options import SubtitleOptions
from translator.subtitles.rules import PROFILES

LONG = ("The minister said that the security of Europe is a question for every country and that the talks in "
        "Munich will go on through the night, as they did in nineteen thirty-eight, whatever the weather.")


def transcript(lang: str = "en") -> Document:
    """Five turns in `lang` (the words are English: only their lengths matter), none translated yet."""
    segments = [Segment(i, "turn", LONG if i % 2 else "Thank you.", speaker="A", lang=lang) for i in range(1, 6)]
    return Document("talk.txt", "transcript", segments, lang=lang, targets=["uk"])


@pytest.mark.parametrize("rate", list(RATES))
def test_transcript_cues_sit_on_frames_two_frames_apart_and_at_least_five_sixths(rate: str) -> None:
    fps = RATES[rate]
    layout = layout_subtitles(transcript(), "en", SubtitleOptions(fps=fps))
    cues = layout.cues
    assert layout.fps == fps and len(cues) > 5
    for before, cue in itertools.pairwise(cues):
        assert to_frame(cue.start_ms, fps) - to_frame(before.end_ms, fps) >= 2
    for cue in cues:
        assert on_grid(cue.start_ms, fps) and on_grid(cue.end_ms, fps)
        assert to_frame(cue.end_ms, fps) - to_frame(cue.start_ms, fps) >= Fraction(5, 6) * fps


def test_without_fps_the_layout_is_as_before() -> None:
    doc = transcript()
    assert layout_subtitles(doc, "en") == layout_subtitles(doc, "en", SubtitleOptions(rules=PROFILES["default"]))
    assert layout_subtitles(doc, "en").fps is None


def subtitle_doc() -> Document:
    kept = Segment(1, "cue", "Hello.", lang="en", timing=Timing(1003, 2011))
    split_me = Segment(2, "cue", "Long.", lang="en", timing=Timing(3007, 15013))
    split_me.translations["uk"] = Translation(LONG, [LONG], [(0, 0)])
    return Document("talk.srt", "srt", [kept, split_me], lang="en", targets=["uk"])


@pytest.mark.parametrize("rate", list(RATES))
def test_a_split_cue_has_its_inner_bounds_on_frames_and_its_own_ends_as_written(rate: str) -> None:
    fps = RATES[rate]
    cues = layout_subtitles(subtitle_doc(), "uk", SubtitleOptions(fps=fps)).cues
    assert (cues[0].start_ms, cues[0].end_ms) == (1003, 2011)  # a source cue not split: untouched
    parts = [cue for cue in cues if cue.segment == 1]
    assert len(parts) > 1
    assert parts[0].start_ms == 3007 and parts[-1].end_ms == 15013  # the source cue's own times
    for before, part in itertools.pairwise(parts):
        assert on_grid(before.end_ms, fps) and on_grid(part.start_ms, fps)
        assert to_frame(part.start_ms, fps) - to_frame(before.end_ms, fps) == 2
    assert all(part.end_ms - part.start_ms >= 5 * 1000 / 6 for part in parts)


@given(st.lists(st.tuples(st.integers(0, 3000), st.integers(1, 4000)), min_size=1, max_size=12),
       st.sampled_from(list(RATES.values())))
def test_chained_times_keep_order_gap_and_length(steps: list[tuple[int, int]], fps: Fraction) -> None:
    times, start = [], 0
    for pause, length in steps:
        start += pause
        times.append((start, start + length))
        start += length
    out = chain(times, fps)
    for (_, end), (start, _) in itertools.pairwise(out):
        assert to_frame(start, fps) - to_frame(end, fps) >= 2
    assert all(to_frame(end, fps) - to_frame(start, fps) >= Fraction(5, 6) * fps for start, end in out)


def test_a_cue_too_short_for_frames_is_left_as_split() -> None:
    bounds = [(0, 20), (20, 40)]
    assert split(0, 40, bounds, Fraction(25)) == bounds


@pytest.mark.parametrize(("profile", "lang", "limit"), [("default", "ru", 39), ("netflix", "ru", 42), ("bbc", "en", 37),
                                                         ("youtube", "uk", 42), ("netflix", "en", 42)])
def test_each_profile_keeps_its_line_length(profile: str, lang: str, limit: int) -> None:
    doc = transcript(lang)  # an untranslated turn is shown as written, laid out by its own language's limits
    rules = PROFILES[profile]
    assert rules.of(lang).line_chars == limit
    layout = layout_subtitles(doc, lang, SubtitleOptions(rules=rules))
    longest = max(len(line) for cue in layout.cues for line in cue.lines)
    assert longest <= limit and len(max((c.lines for c in layout.cues), key=len)) <= rules.of(lang).lines
    if limit < 42:  # a tighter profile really wraps shorter than 42
        assert longest > limit - 8


def test_netflix_times_a_transcript_at_its_reading_speed_within_its_durations() -> None:
    rules = PROFILES["netflix"]
    cues = layout_subtitles(transcript(), "en", SubtitleOptions(rules=rules)).cues
    for cue in cues:
        length = cue.end_ms - cue.start_ms
        assert rules.of("en").min_ms <= length <= rules.of("en").max_ms


def test_cli_writes_editor_formats_on_frames_with_a_profile(packages_dir: Path, tmp_path: Path) -> None:
    source = tmp_path / "talk.en.srt"
    source.write_text("1\n00:00:01,000 --> 00:00:03,000\n{\\an8}Hello, friends!\n\n"
                      "2\n00:00:03,500 --> 00:00:05,000\nThank you.\n", "utf-8")
    out = tmp_path / "out"
    done = translator("run", str(source), "--to", "uk", "--out", str(out), "--extra-formats", "ttml,itt,ass",
                      "--fps", "25", "--rules", "netflix", env_dir=packages_dir)
    assert done.returncode == 0, done.stderr
    itt = (out / "talk.uk.itt").read_text("utf-8")
    assert 'begin="00:00:01:00"' in itt and 'ttp:frameRate="25"' in itt and 'region="top"' in itt
    assert 'begin="00:00:01.000"' in (out / "talk.uk.ttml").read_text("utf-8")
    assert "Style: Top" in (out / "talk.uk.ass").read_text("utf-8")
    plain = translator("run", str(source), "--to", "uk", "--out", str(tmp_path / "plain"), env_dir=packages_dir)
    assert plain.returncode == 0 and not list((tmp_path / "plain").glob("*.itt"))  # only on request


def test_cli_refuses_an_unknown_extra_format(tmp_path: Path) -> None:
    source = tmp_path / "talk.srt"
    source.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello.\n", "utf-8")
    done = translator("run", str(source), "--extra-formats", "scc", "--out", str(tmp_path / "o"), env_dir=tmp_path)
    assert done.returncode == 2 and "unknown format in --extra-formats: scc" in done.stderr
