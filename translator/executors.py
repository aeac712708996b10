"""Where a run's documents are translated: here, one after another (`SerialExecutor`), or elsewhere
(`translator.cluster.RayExecutor`). The run (`translator.workflow.run`) reads and checks every input, hands the
prepared documents to an executor and writes what it yields; an executor never writes a file. It stores the
engine's translations in the run's memory as they come (the run's single writer is the process calling it), tells
the progress callback `Started` and `Translated`, and yields each document translated, in input order.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from typing import Protocol

from translator.document import Document
from translator.engine.argos import ArgosEngine
from translator.memory import TranslationMemory
from translator.pipeline import (
    DocumentSettings,
    DocumentTranslation,
    TranslatedDocument,
    cycle_collection_paused,
    keeping_finished,
)
from translator.results import Progress, Started, Translated
from translator.units import Unit
from translator.writers import DEFAULT_FORMATS, import_writers_in_background


@dataclass(frozen=True)
class RunWork:
    """A run's documents, read, detected and split, with what each is translated with: `settings[i]` (its own
    targets, the glossary, the subtitle options) and `units[i]`; the run's engine (its packages and decoding
    settings: models are loaded only where an executor translates) and its memory."""

    docs: Sequence[Document]
    units: Sequence[tuple[Unit, ...]]
    settings: Sequence[DocumentSettings]
    engine: ArgosEngine
    memory: TranslationMemory
    progress: Progress
    formats: tuple[str, ...] = DEFAULT_FORMATS  # the files the run writes (whose libraries load while it decodes)


class Executor(Protocol):
    """Translates a run's documents; see the module's docstring for what it promises. The run enters its
    `session` before it makes any file (where the executor connects to what it runs on) and leaves it at the end."""

    def session(self) -> AbstractContextManager[object]: ...

    def translate(self, work: RunWork) -> Generator[tuple[int, TranslatedDocument]]: ...


class SerialExecutor:
    """Every document in this process with the run's engine. The next document is planned and its first leg
    handed to the engine before the current one is yielded to be laid out and written, so the engine decodes
    meanwhile; cyclic garbage collection stays paused while the caller writes a yielded document."""

    def session(self) -> AbstractContextManager[object]:
        return nullcontext()

    def translate(self, work: RunWork) -> Generator[tuple[int, TranslatedDocument]]:
        started: list[DocumentTranslation] = []  # a run stopped by Ctrl-C keeps what the engine finished of each

        def begin(index: int) -> DocumentTranslation:
            """Plan a document and hand its first leg to the engine."""
            translation = DocumentTranslation(work.docs[index], work.settings[index], work.engine, work.memory,
                                              work.units[index])
            started.append(translation)
            translation.start()
            return translation

        with keeping_finished(started):
            following = begin(0) if work.docs else None
            for index, doc in enumerate(work.docs):
                translation, following = following, None
                assert translation is not None  # planned when the document before it was translated
                work.progress(Started(doc, translation.plan.pending))
                if translation.plan.pending:  # the engine decodes for a while: the writers' libraries load meanwhile
                    import_writers_in_background(work.formats)
                translation.translate(lambda sentences: work.progress(Translated(sentences)))
                # The next document is planned once this one is translated and stored, as a memory filled document
                # by document gives it, and its first steps go to the engine now: it decodes while this one is laid
                # out and written, instead of waiting for it.
                if index + 1 < len(work.docs):
                    following = begin(index + 1)
                with cycle_collection_paused():
                    yield index, translation.finish()
