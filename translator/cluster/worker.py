"""What a cluster worker does with a document: the translation of `translator.pipeline` from a plan its driver
made, against a snapshot of the memory, returning what it would have stored instead of storing it.

The driver owns the memory and the output folder. It plans each document where the memory is (what is already
translated), and sends the document, the plan and the document's approvals (`Job`); a worker translates the
rest, places, pins, lays out and checks, and returns the document with the translations the engine made
(`JobResult`) for the driver to store and write. Nothing here imports Ray: `TranslationWorker` becomes an actor
in `translator.cluster.executor`, and works the same as a plain object.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from translator._version import __version__
from translator.cluster.shipping import unpack
from translator.document import Document
from translator.engine.argos import ArgosEngine, EngineSettings
from translator.engine.packages import InstalledPackage
from translator.errors import PackageError
from translator.glossary import Glossary
from translator.memory import Approval
from translator.pipeline import DocumentSettings, DocumentTranslation, TranslatedDocument
from translator.subtitles.options import SubtitleOptions
from translator.translation.plan import Plan


@dataclass(frozen=True)
class Job:
    """One document to translate: prepared (read, detected, split), planned against the driver's memory, with
    its reviewers' approvals by target language and segment id."""

    doc: Document
    plan: Plan
    approvals: Mapping[str, Mapping[int, Approval]]


@dataclass(frozen=True)
class Stored:
    """A step of translations the engine made, as `TranslationMemory.store` takes it."""

    src: str
    tgt: str
    engine_id: str
    glossary_id: str
    pairs: list[tuple[str, str]]


@dataclass(frozen=True)
class JobResult:
    """A document translated (what its files are written from), the steps to store, in order, and the number of
    sentences in each (the `Translated` events the driver passes on)."""

    done: TranslatedDocument
    stored: list[Stored]
    steps: list[int]


@dataclass
class SnapshotMemory:
    """A memory view (`MemoryView`) from what the driver sent: lookups answer from the plan's legs, approvals
    from the job's, and stores are recorded for the driver."""

    plan: Plan
    given: Mapping[str, Mapping[int, Approval]]
    stored: list[Stored] = field(default_factory=list)

    def lookup(self, src: str, tgt: str, engine_id: str, glossary_id: str,
               sentences: list[str]) -> dict[str, str]:
        known: dict[str, str] = {}
        for leg in self.plan.legs:
            if (leg.src, leg.tgt, leg.engine_id, leg.glossary_id) == (src, tgt, engine_id, glossary_id):
                known.update(leg.known)
        return {sentence: known[sentence] for sentence in sentences if sentence in known}

    def store(self, src: str, tgt: str, engine_id: str, glossary_id: str, pairs: list[tuple[str, str]]) -> None:
        self.stored.append(Stored(src, tgt, engine_id, glossary_id, pairs))

    def approvals(self, doc_key: str, tgt: str) -> dict[int, Approval]:
        return dict(self.given.get(tgt, {}))


@dataclass(frozen=True)
class WorkerSetup:
    """What every worker of a run is made with: the engine's settings (threads: the worker's CPU share), the
    packages the run needs as the driver has them with their digests (the bytes come to `ready`), the glossary
    and the subtitle options."""

    engine: EngineSettings
    packages: Sequence[tuple[InstalledPackage, str]]
    glossary: Glossary
    subtitles: SubtitleOptions


class TranslationWorker:
    """Translates documents with one engine that loads each package once and keeps it for the run."""

    def __init__(self, setup: WorkerSetup, unpack_root: Path | None = None) -> None:
        self.setup, self.unpack_root = setup, unpack_root
        self.engine: ArgosEngine | None = None

    def ready(self, *package_data: bytes) -> str:
        """Unpack the packages (their bytes, in the order of `setup.packages`; checked against their digests) and
        make the engine; the translator version this worker runs, for the driver to compare with its own."""
        packages = [unpack(pkg, data, sha256, self.unpack_root)
                    for (pkg, sha256), data in zip(self.setup.packages, package_data, strict=True)]
        self.engine = ArgosEngine(self.setup.engine, packages)
        return __version__

    def translate(self, job: Job) -> JobResult:
        """Translate one document from its plan (its legs were planned with the driver's engine: the same
        packages, or the job is refused)."""
        engine = self.engine
        if engine is None:
            raise RuntimeError("TranslationWorker.translate before ready()")
        for leg in job.plan.legs:
            if engine.identity(leg.src, leg.tgt) != leg.engine_id:
                raise PackageError(f"a worker translates {leg.src}→{leg.tgt} with {engine.identity(leg.src, leg.tgt)}, "
                                   f"the driver planned {leg.engine_id}")
        memory = SnapshotMemory(job.plan, job.approvals)
        steps: list[int] = []
        settings = DocumentSettings(job.plan.targets, self.setup.glossary, self.setup.subtitles)
        translation = DocumentTranslation(job.doc, settings, engine, memory, plan=job.plan)
        translation.translate(steps.append)
        return JobResult(translation.finish(), memory.stored, steps)
