"""The translation stage's steps: glossary hits land on the subtitle cues whose share of the translation holds
them, by character offsets, and a run's counts come back from the step instead of from counters."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import cast

from hypothesis import given
from hypothesis import strategies as st

import translator
from translator.database import Database
from translator.document import GlossaryHit
from translator.engine.argos import ArgosEngine
from translator.glossary import load_glossaries
from translator.memory import Approval, TranslationMemory
from translator.pipeline import DocumentSettings, prepare, translate_document
from translator.subtitles import distribute
from translator.translation.hit_spans import hits_per_part
from translator.translation.plan import Leg, Plan
from translator.translation.steps import STEP_SENTENCES, machine_translations

NAME = GlossaryHit("Ruslan Aisin", "Ruslan Aisin", "Руслана Айсіна", "uk", "pinned", span=(10, 24))
MISSED = GlossaryHit("Odesa", "Odesa", "", "uk", "missed")


def test_a_name_cut_between_two_cues_belongs_to_both() -> None:
    restored = [("Я зустрів Руслана Айсіна вчора.", [NAME])]
    assert restored[0][0][10:24] == "Руслана Айсіна"
    assert hits_per_part(restored, ["Я зустрів Руслана", "Айсіна вчора."]) == [[NAME], [NAME]]
    assert hits_per_part(restored, ["Я зустрів", "Руслана Айсіна вчора."]) == [[], [NAME]]


def test_a_missed_term_goes_with_its_whole_sentence() -> None:
    restored = [("Так.", []), ("Ми були там.", [MISSED])]
    assert hits_per_part(restored, ["Так.", "Ми були", "там."]) == [[], [MISSED], [MISSED]]


@given(st.lists(st.sampled_from(["Я", "зустрів", "Руслана", "Айсіна", "вчора.", "Так!"]), min_size=1, max_size=12),
       st.integers(2, 4), st.data())
def test_every_hit_lands_on_the_parts_that_hold_its_characters(words: list[str], cues: int, data: st.DataObject
                                                               ) -> None:
    text = " ".join(words)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    hit = GlossaryHit("t", "t", text[start:end], "uk", "pinned", span=(start, end))
    parts = distribute(text, ["x" * 10] * cues)
    found = hits_per_part([(text, [hit])], parts)
    offset = 0
    for part, part_hits in zip(parts, found):
        if not part:
            assert part_hits == []
            continue
        begin = text.index(part, offset)
        offset = begin + len(part)
        assert (part_hits == [hit]) == (begin < end and start < offset)


def test_a_glossary_name_split_over_two_cues_is_reported_on_a_cue(argos_env: Path, tmp_path: Path) -> None:
    source = tmp_path / "clip.srt"
    source.write_text("1\n00:00:01,000 --> 00:00:02,500\nYesterday I met Ruslan\n\n"
                      "2\n00:00:02,600 --> 00:00:04,000\nAisin in Moscow.\n", "utf-8")
    glossary = tmp_path / "names.tsv"
    glossary.write_text("en\tuk\tru\nRuslan Aisin\tРуслан Айсін\tРуслан Айсин\n", "utf-8")
    [result] = translator.run([source], to="uk", out=tmp_path / "out", glossaries=[glossary])
    assert result.translated == 1 and result.from_memory == 0
    cues = json.loads((tmp_path / "out" / "clip.json").read_text("utf-8"))["segments"]
    on_cues = [hit["target_text"] for cue in cues for hit in cue["glossary"]]
    assert on_cues and all(text.startswith("Руслан") for text in on_cues)  # before: on no cue at all
    [hit] = result.glossary_hits["uk"]
    assert hit.source_text == "Ruslan Aisin" and hit.status != "missed"


class _RecordingEngine:
    """Stands in for the engine above which the steps are planned: records each step, upper-cases it."""

    def __init__(self) -> None:
        self.steps: list[list[str]] = []

    def translate_steps(self, steps: list[list[str]], src: str, tgt: str) -> Iterator[list[str]]:
        for step in steps:
            self.steps.append(step)
            yield [sentence.upper() for sentence in step]


def test_steps_are_cut_from_the_sentences_longest_first_and_each_is_stored(tmp_path: Path) -> None:
    sentences = tuple(f"s{'x' * (n * 7 % 600)}" for n in range(600))  # 600 distinct lengths, shuffled
    leg = Leg("en", "uk", "engine", "glossary", sentences, {})
    engine = _RecordingEngine()
    with Database(tmp_path / "memory.sqlite") as db:
        memory = TranslationMemory(db)
        results, translated, from_memory = machine_translations(
            Plan(("uk",), (), {}, (leg,)), cast(ArgosEngine, engine), memory)
        stored = memory.lookup("en", "uk", "engine", "glossary", list(sentences))
    assert [len(step) for step in engine.steps] == [STEP_SENTENCES, STEP_SENTENCES, 600 - 2 * STEP_SENTENCES]
    lengths = [len(sentence) for step in engine.steps for sentence in step]
    assert lengths == sorted(lengths, reverse=True)  # the last step holds the shortest sentences
    assert (translated, from_memory) == (600, 0)
    assert stored == {sentence: sentence.upper() for sentence in sentences}
    assert results == {("en", "uk", sentence): sentence.upper() for sentence in sentences}


class _RecordingMemory:
    """A memory view a worker elsewhere could hold: knows nothing, records what the translation stores."""

    def __init__(self) -> None:
        self.stored: list[tuple[str, str, list[tuple[str, str]]]] = []

    def lookup(self, src: str, tgt: str, engine_id: str, glossary_id: str, sentences: list[str]) -> dict[str, str]:
        return {}

    def store(self, src: str, tgt: str, engine_id: str, glossary_id: str, pairs: list[tuple[str, str]]) -> None:
        self.stored.append((src, tgt, pairs))

    def approvals(self, doc_key: str, tgt: str) -> dict[int, Approval]:
        return {}


def test_one_document_is_translated_from_its_arguments_alone_and_stores_through_its_memory_view(
        argos_env: Path, tmp_path: Path) -> None:
    source = tmp_path / "clip.srt"
    source.write_text("1\n00:00:01,000 --> 00:00:02,500\nThe war in Europe\n\n"
                      "2\n00:00:02,600 --> 00:00:04,000\nis not over. Thank you.\n", "utf-8")
    doc = prepare(source)
    memory = _RecordingMemory()
    done = translate_document(doc, DocumentSettings(("uk", "ru"), load_glossaries([])), ArgosEngine(), memory)
    assert done.doc is doc and set(done.layouts) == {"uk", "ru"} and [len(u.segments) for u in done.units] == [2]
    assert [(src, tgt) for src, tgt, _ in memory.stored] == [("en", "uk"), ("en", "ru")]
    assert done.translated == sum(len(pairs) for _, _, pairs in memory.stored) == 4 and done.from_memory == 0
    assert all(cue.translations["uk"].text and cue.translations["ru"].text for cue in doc.segments)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clip.srt"]  # nothing written: the run writes
