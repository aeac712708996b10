"""The transcript reader: every line in exactly one segment, kinds and speakers right."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from translator.readers import transcript
from translator.speakers import SpeakerRegistry, name_key

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "interview-aisin.en.txt"
PARLAMINT = ROOT.parent / "shared" / "corpus" / "transcripts" / "ParlaMint-UA_2013-10-22-m1_u1-u25.txt"


def test_sample_interview_structure() -> None:
    doc = transcript.parse(SAMPLE.read_text("utf-8"), str(SAMPLE))
    kinds = Counter(s.kind for s in doc.segments)
    assert len(doc.segments) == 27
    assert kinds == {"title": 1, "intro": 1, "heading": 7, "turn": 18}
    assert doc.segments[0].text.startswith("Interview. Ruslan Aisin: Kremlin hits SOCAR")
    speakers = Counter(s.speaker for s in doc.segments if s.kind == "turn")
    assert speakers == {"Vitaliy Barvynenko": 9, "Ruslan Aysin": 9}
    assert [s.line for s in doc.segments] == list(range(1, 28))


def test_turn_text_excludes_the_speaker_label() -> None:
    doc = transcript.parse("Title\nBarvynenko: Hello there.\nAysin: Hi.\n", "t.txt")
    assert [(s.kind, s.speaker, s.text) for s in doc.segments] == [
        ("title", None, "Title"),
        ("turn", "Barvynenko", "Hello there."),
        ("turn", "Aysin", "Hi."),
    ]


def test_short_and_full_names_in_cyrillic_are_one_speaker() -> None:
    text = "Інтерв'ю\nВіталій Барвиненко: Добрий день.\nАйсін: Дякую.\nБарвиненко: Прошу.\nРуслан Айсін: Так.\n"
    doc = transcript.parse(text, "t.txt")
    assert [s.speaker for s in doc.segments[1:]] == ["Віталій Барвиненко", "Руслан Айсін"] * 2


def test_romanisations_and_scripts_share_a_key() -> None:
    assert name_key("Aisin") == name_key("Aysin") == name_key("Айсін") == name_key("Руслан Айсин")
    assert name_key("Barvynenko") == name_key("Барвиненко")
    assert name_key("Aisin") != name_key("Barvynenko")


def test_registry_prefers_the_fullest_name() -> None:
    registry = SpeakerRegistry()
    for name in ["Aysin", "Ruslan Aysin", "Aysin"]:
        registry.add(name)
    assert registry.canonical("Aysin") == "Ruslan Aysin"


@pytest.mark.skipif(not PARLAMINT.exists(), reason="../shared/corpus is not beside the checkout")
def test_parliament_label_lines_open_turns() -> None:
    doc = transcript.parse(PARLAMINT.read_text("utf-8"), str(PARLAMINT))
    non_empty = [line for line in PARLAMINT.read_text("utf-8").splitlines() if line.strip()]
    assert len(doc.segments) == len(non_empty)
    first_turn = next(s for s in doc.segments if s.kind == "turn")
    assert first_turn.speaker == "ГОЛОВУЮЧИЙ"
    assert any(s.speaker == "ЛЯШКО О.В." for s in doc.segments)


lines = st.lists(
    st.text(alphabet=st.sampled_from("abc XYZ:.!Ії—\t"), min_size=1, max_size=40).filter(lambda t: t.strip()),
    min_size=1,
    max_size=20,
)


@given(lines)
def test_every_non_empty_line_is_one_segment_in_order(raw_lines: list[str]) -> None:
    text = "\n\n".join(raw_lines)
    doc = transcript.parse(text, "t.txt")
    expected = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(doc.segments) == len(expected)
    for segment, line in zip(doc.segments, expected):
        assert segment.text in line
        assert line.endswith(segment.text)
