"""What several writers read of a document (writers/views.py): computed once per document and language for all
its files, never kept anywhere else, and the same bytes as a writer called on its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import translator
from tests.test_cat_sentences import SOURCE, translated_doc
from tests.test_writers_review import sample_doc
from translator import units
from translator.document import Document, Segment, Translation
from translator.subtitles.group import group_cues
from translator.units import translation_units
from translator.writers import WRITERS, planned_outputs
from translator.writers.views import DocumentViews


@pytest.mark.parametrize("make", [sample_doc, translated_doc])
def test_every_writer_gives_the_same_bytes_from_shared_views_as_alone(make: Callable[[], Document]) -> None:
    doc = make()
    alone = {name: spec.render(doc, "uk") for name, spec in WRITERS.items()}
    views = DocumentViews(doc, units=translation_units(doc))
    together = {output.spec.name: output.render(views) for output in planned_outputs(doc, Path("out"), WRITERS)
                if output.lang == "uk" or not output.spec.per_target}
    assert together == alone


def test_the_views_of_a_language_are_computed_once_and_a_new_document_value_sees_a_change() -> None:
    doc = sample_doc()
    views = DocumentViews(doc)
    first = views.language("uk").rows
    assert views.language("uk") is views.language("uk") and views.language("uk").rows is first
    assert views.language("ru").rows is not first  # per language
    doc.segments[0].translations["uk"] = Translation("Нове", ["Нове"], [(0, 0)])
    assert DocumentViews(doc).language("uk").rows[0].translation == "Нове"
    assert b"\xd0\x9d\xd0\xbe\xd0\xb2\xd0\xb5" in WRITERS["csv"].render(doc, "uk")  # "Нове": nothing cached


def test_a_run_groups_a_subtitle_documents_cues_once_for_its_plan_and_every_writer(
        argos_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "talk.en.srt"
    source.write_text(SOURCE, "utf-8")
    calls: list[int] = []

    def counted(segments: list[Segment]) -> list[list[int]]:
        calls.append(len(segments))
        return group_cues(segments)

    monkeypatch.setattr(units, "group_cues", counted)
    [result] = translator.run([source], to=["uk", "ru"], out=tmp_path / "out")
    assert calls == [4] and len(result.written) == 19 + 2 * 5  # and an OmegaT project of 5 files a target
