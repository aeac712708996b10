"""Which cues are translated together: whole sentences, within reason."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from translator.document import Segment, Timing
from translator.subtitles.group import MAX_GROUP_CUES, group_cues, group_text


def cues(*texts: str, gap_ms: int = 100, **fields: object) -> list[Segment]:
    out, start = [], 0
    for number, text in enumerate(texts, start=1):
        out.append(Segment(number, "cue", text, timing=Timing(start, start + 2000), **fields))  # type: ignore[arg-type]
        start += 2000 + gap_ms
    return out


def test_a_sentence_spanning_cues_is_one_group() -> None:
    segments = cues("Es cierto que la vida no era fácil", "para nadie,\npero mucho menos si eras mujer.", "Otra frase.")
    assert group_cues(segments) == [[0, 1], [2]]
    joined = "Es cierto que la vida no era fácil para nadie, pero mucho menos si eras mujer."
    assert group_text(segments, [0, 1]) == joined


def test_a_lower_case_start_continues_even_after_a_full_stop() -> None:
    assert group_cues(cues("I was going to say...", "...that it works.", "Fine.")) == [[0, 1], [2]]


def test_pauses_speakers_languages_dialogue_and_descriptions_end_a_group() -> None:
    assert group_cues(cues("and then", "we left", gap_ms=2500)) == [[0], [1]]
    assert group_cues(cues("and then", "- we left")) == [[0], [1]]
    assert group_cues(cues("[door opens]", "and then", "we left.")) == [[0], [1, 2]]
    first, second = cues("and then", "we left")
    second.speaker = "Neil"
    assert group_cues([first, second]) == [[0], [1]]
    first, second = cues("and then", "ми пішли")
    first.lang, second.lang = "en", "uk"
    assert group_cues([first, second]) == [[0], [1]]


def test_a_group_has_a_size_cap() -> None:
    groups = group_cues(cues(*["and so on"] * 12))
    assert max(len(group) for group in groups) == MAX_GROUP_CUES


@given(st.lists(st.sampled_from(["Hello.", "and so", "on and", "Why?", "- Me.", "(laughs)", "well..."]), max_size=20))
def test_every_cue_is_in_exactly_one_group_in_order(texts: list[str]) -> None:
    groups = group_cues(cues(*texts))
    assert [i for group in groups for i in group] == list(range(len(texts)))
    assert all(group == list(range(group[0], group[0] + len(group))) for group in groups)
