"""`translator run --ray` (issue #29): a folder translated on a real multi-node Ray cluster started on this machine
(`ray.cluster_utils.Cluster`: a head and two more nodes, one CPU each) gives byte for byte the serial run's
files; so does a run that loses a node half-way, and a driver killed half-way resumes to the same files. The
tiny Argos packages are real (tests/tiny_argos.py) and reach the workers through the object store only."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import translator
from benchmarks.interrupt import outputs
from tests.conftest import SAMPLE
from tests.in_process import environment
from tests.in_process import translator as run_cli
from translator.cluster.executor import RayExecutor
from translator.database import Database
from translator.document import document_key
from translator.engine.argos import ArgosEngine
from translator.glossary import load_glossaries
from translator.memory import TranslationMemory
from translator.pipeline import prepare
from translator.results import Finished, RunEvent, Started
from translator.translation.plan import plan_translation
from translator.units import translation_units
from translator.workflow import targets_for

ray = pytest.importorskip("ray")
from ray.cluster_utils import Cluster  # noqa: E402

GLOSSARY = Path(__file__).resolve().parents[1] / "glossaries" / "interview-aisin.tsv"
NODE: dict[str, Any] = {"num_cpus": 1, "object_store_memory": 100 * 2**20}
APPROVED = "Схвалений переклад рецензента."


def _srt(texts: list[str]) -> str:
    return "".join(f"{i}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 1:02d},500\n{text}\n\n"
                   for i, text in enumerate(texts, 1))


def _vtt(texts: list[str]) -> str:
    return "WEBVTT\n\n" + "".join(f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.500\n{text}\n\n"
                                  for i, text in enumerate(texts, 1))


def mixed_folder(folder: Path) -> Path:
    """Ten inputs: a one-line English transcript, three English transcripts cut from the sample interview,
    Ukrainian and Russian transcripts, English, Ukrainian and Russian subtitles (SRT and WebVTT)."""
    folder.mkdir()
    lines = SAMPLE.read_text("utf-8").splitlines()
    (folder / "brief.en.txt").write_text("Barvynenko: Thank you, friends.\n", "utf-8")  # first, and done at once
    for part in range(3):
        (folder / f"part{part}.en.txt").write_text("\n".join(lines[9 * part:9 * part + 9]) + "\n", "utf-8")
    (folder / "kyiv.uk.txt").write_text("Барвиненко: Добрий день, друзі! Дякую вам.\n"
                                        "Айсін: Привіт! Війна в Європі, Росія і Москва.\n", "utf-8")
    (folder / "moscow.ru.txt").write_text("Барвиненко: Добрый день, друзья! Спасибо вам.\n"
                                          "Айсин: Привет! Война в Европе, Россия и Москва.\n", "utf-8")
    (folder / "clip.en.srt").write_text(_srt(["Good afternoon, dear friends!", "The war in Europe",
                                              "is not over. Thank you.", "Hello Moscow, hello Russia."]), "utf-8")
    (folder / "film.uk.srt").write_text(_srt(["Добрий день, друзі!", "Війна в Європі", "Дякую вам."]), "utf-8")
    (folder / "talk.en.vtt").write_text(_vtt(["Thank you for friends.", "The war is good for Moscow?",
                                              "Hello Europe!"]), "utf-8")
    (folder / "news.ru.vtt").write_text(_vtt(["Привет, Россия!", "Война в Европе.", "Спасибо вам."]), "utf-8")
    return folder


def approve_one(folder: Path, memory: Path) -> None:
    """A reviewer's correction of part0's first translated segment into Ukrainian, in a fresh memory."""
    [doc] = translator.detect([folder / "part0.en.txt"])
    segment = next(s for s in doc.segments if s.sentences)
    with Database(memory) as db:
        TranslationMemory(db).approve(document_key(doc), segment.id, "en", "uk", segment.text, APPROVED)


@dataclass(frozen=True)
class Setting:
    """The module's cluster, its input folder and the serial run's files (with the approval in its memory)."""

    cluster: Any  # ray.cluster_utils.Cluster, whose methods carry no types
    inputs: Path
    serial: dict[str, bytes]
    work: Path

    def command(self, out: Path, *extra: str) -> list[str]:
        return ["run", str(self.inputs), "--to", "uk,ru", "--glossary", str(GLOSSARY), "--out", str(out), *extra]

    def fresh_out(self, name: str) -> Path:
        """An output folder whose memory holds only the approval, as the serial run's did."""
        out = self.work / name
        out.mkdir()
        approve_one(self.inputs, out / "translator.sqlite")
        return out


@pytest.fixture(scope="module")
def setting(packages_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setting]:
    work = tmp_path_factory.mktemp("ray")
    inputs = mixed_folder(work / "inputs")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGOS_PACKAGES_DIR", str(packages_dir))
        cluster: Any = Cluster(initialize_head=True, head_node_args={**NODE, "include_dashboard": False})
        try:
            for _ in range(2):
                cluster.add_node(**NODE)
            cluster.wait_for_nodes()
            chosen = Setting(cluster, inputs, {}, work)
            serial_out = chosen.fresh_out("serial")
            done = run_cli(*chosen.command(serial_out), env=environment(ARGOS_PACKAGES_DIR=packages_dir))
            assert done.returncode == 0, done.stderr
            yield Setting(cluster, inputs, outputs(serial_out), work)
        finally:
            cluster.shutdown()


def test_the_serial_run_is_worth_comparing_with(setting: Setting) -> None:
    """Every input written, the approval delivered and glossary names pinned: the comparisons below see them."""
    names = set(setting.serial)
    assert {name.split(".")[0] for name in names} == {p.name.split(".")[0] for p in setting.inputs.iterdir()}
    assert APPROVED in setting.serial["part0.en-uk.csv"].decode("utf-8")
    assert "Руслан Айсін" in setting.serial["part0.uk.srt"].decode("utf-8")
    assert "moscow.ru-uk.csv" in names and "kyiv.uk-ru.csv" in names and "kyiv.uk-uk.csv" not in names


def test_a_run_on_three_nodes_writes_the_serial_runs_files(setting: Setting, packages_dir: Path) -> None:
    out = setting.fresh_out("cluster")
    done = run_cli(*setting.command(out, "--ray", setting.cluster.address),
                   env=environment(ARGOS_PACKAGES_DIR=packages_dir))
    assert done.returncode == 0, done.stderr
    assert outputs(out) == setting.serial
    assert done.stderr == ""  # Ray's own start-up chatter stays out of the user's terminal


@pytest.mark.slow
def test_a_node_lost_mid_run_costs_nothing_but_time(setting: Setting, argos_env: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker node is removed (its processes killed) as the first document, a one-liner, is written, chosen as the
    one whose actor holds the most documents, those not yet done counted twice (which one that is depends on how
    fast each actor started): the documents the lost actor held are translated by the actors left, and every file
    is the serial run's."""
    from translator.cluster import executor as cluster_executor

    out = setting.fresh_out("lost-node")
    cluster = setting.cluster
    dispatches: list[Any] = []  # the run's dispatch, to see which actors hold documents
    nodes_of: list[str | None] = []  # each actor's node, in the order the actors are made
    placements, dispatch_init = RayExecutor._placements, cluster_executor._Dispatch.__init__

    def placed(self: RayExecutor, ray_module: Any) -> list[Any]:
        found = placements(self, ray_module)
        nodes_of.extend(place.node for place in found)
        return found

    def recorded(self: Any, ray_module: Any, work: Any, actors: list[Any]) -> None:
        dispatch_init(self, ray_module, work, actors)
        dispatches.append((self, list(actors)))  # the actors that started, in the order they were made

    monkeypatch.setattr(RayExecutor, "_placements", placed)
    monkeypatch.setattr(cluster_executor._Dispatch, "__init__", recorded)
    workers = [node for node in cluster.list_all_nodes() if node is not cluster.head_node]
    lost: list[Any] = []
    events: list[RunEvent] = []

    def progress(event: RunEvent) -> None:
        if isinstance(event, Finished) and not lost:
            dispatch, actors = dispatches[-1]
            assert len(actors) == len(nodes_of)  # every actor started: the k-th is on the k-th placement's node
            # the node whose actor holds the most documents, those not yet done counted twice: a document already
            # done when its node is lost comes back all the same and is not resent, so a node chosen only for being
            # busy could lose nothing (the race this test once lost in CI)
            _, unready = dispatch.ray.wait(list(dispatch.running), num_returns=len(dispatch.running), timeout=0)
            held = Counter(nodes_of[actors.index(actor)] for _, actor in dispatch.running.values())  # busy: 1 each
            held.update(nodes_of[actors.index(dispatch.running[ref][1])] for ref in unready)  # not yet done: 1 more
            victim = max((node for node in workers if held[node.node_id]), key=lambda node: held[node.node_id],
                         default=None)
            if victim is not None:
                cluster.remove_node(victim, allow_graceful=False)
                lost.append(victim)
        events.append(event)

    executor = RayExecutor(cluster.address)
    try:
        results = translator.run([setting.inputs], to="uk,ru", out=out, glossaries=[GLOSSARY], progress=progress,
                                 executor=executor)
    finally:
        for _ in lost:
            cluster.add_node(**NODE)  # the next test has its three nodes again
        cluster.wait_for_nodes()
    assert lost, "no worker node's actor held a document when the first one was written"
    assert lost[0] not in cluster.list_all_nodes()
    assert outputs(out) == setting.serial
    assert len(results) == len([e for e in events if isinstance(e, Finished)]) == 10
    assert executor.resent > 0  # the lost node's actor held documents


@pytest.mark.slow
def test_a_killed_driver_resumes_from_what_it_wrote(setting: Setting, packages_dir: Path) -> None:
    """`kill -9` of the command once its first document is written; the same command again finishes the folder
    without translating again what the killed run stored (each document sends the engine no more than it would
    with the memory the killed run left), and every file is the serial run's."""
    out = setting.fresh_out("killed-driver")
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(packages_dir), "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/"}
    command = setting.command(out, "--ray", setting.cluster.address)
    child = subprocess.Popen([sys.executable, "-m", "translator", *command], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, env=env)
    assert child.stdout is not None
    first = child.stdout.readline()  # the first document's headline: it is written and recorded
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    assert b"files written" in first, first

    before = _untranslated(setting, out / "translator.sqlite", packages_dir)
    events: list[RunEvent] = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ARGOS_PACKAGES_DIR", str(packages_dir))
        results = translator.run([setting.inputs], to="uk,ru", out=out, glossaries=[GLOSSARY],
                                 progress=events.append, executor=RayExecutor(setting.cluster.address))
    assert outputs(out) == setting.serial
    assert [r.path.name for r in results if r.unchanged][:1] == ["brief.en.txt"]  # written before the kill
    sent = {Path(e.doc.path).name: e.sentences for e in events if isinstance(e, Started)}
    assert all(sent[name] <= before[name] for name in sent)  # nothing the killed run stored is translated again
    everything = _untranslated(setting, setting.work / "empty.sqlite", packages_dir)
    assert sum(before.values()) < sum(everything.values())  # and the killed run did store translations


def _untranslated(setting: Setting, memory: Path, packages_dir: Path) -> dict[str, int]:
    """Per input, the sentences a run would send to the engine with this memory as it is now (planned against a
    copy of it, as the driver plans each document before it sends it)."""
    copy = setting.work / f"copy-{memory.parent.name}.sqlite"
    if memory.exists():
        with sqlite3.connect(memory) as source, sqlite3.connect(copy) as target:
            source.backup(target)
    glossary = load_glossaries([GLOSSARY])
    found = {}
    with pytest.MonkeyPatch.context() as patch, Database(copy) as db:
        patch.setenv("ARGOS_PACKAGES_DIR", str(packages_dir))
        engine = ArgosEngine()
        for path in sorted(setting.inputs.iterdir()):
            doc = prepare(path)
            plan = plan_translation(translation_units(doc), targets_for(doc, ["uk", "ru"]), engine, glossary,
                                    TranslationMemory(db))
            found[path.name] = plan.pending
    for each in copy.parent.glob(copy.name + "*"):
        each.unlink()
    return found
