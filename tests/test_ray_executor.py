"""The parts of `translator run --ray` that need no cluster (issue #29): the address and CPU options, where actors
go, packages checked on arrival, a worker translating a job as a plain object, one-line refusals, and a serial
run that never loads Ray. tests/test_ray_cluster.py runs the real thing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import translator
from tests.in_process import environment
from tests.in_process import translator as run_cli
from translator.cluster.executor import Placement, local_workers, placements
from translator.cluster.shipping import UNPACKED, pack, unpack
from translator.cluster.worker import Job, SnapshotMemory, TranslationWorker, WorkerSetup
from translator.database import Database
from translator.engine.argos import ArgosEngine, EngineSettings
from translator.engine.packages import installed_packages
from translator.errors import ClusterError, PackageError, UsageError
from translator.glossary import load_glossaries
from translator.memory import Approval, TranslationMemory
from translator.pipeline import DocumentSettings, prepare, translate_document
from translator.subtitles.options import SubtitleOptions
from translator.translation.plan import plan_translation
from translator.units import translation_units

CLIP = ("1\n00:00:01,000 --> 00:00:02,500\nThe war in Europe\n\n"
        "2\n00:00:02,600 --> 00:00:04,000\nis not over. Thank you.\n")


@pytest.mark.parametrize(("address", "workers"), [("local", 1), ("local:3", 3), ("auto", None),
                                                  ("ray://head:10001", None), ("10.0.0.5:6379", None)])
def test_local_and_cluster_addresses(address: str, workers: int | None) -> None:
    assert local_workers(address) == workers


@pytest.mark.parametrize("address", ["local:0", "local:x", "local:"])
def test_a_local_cluster_needs_a_number_of_workers(address: str) -> None:
    with pytest.raises(UsageError, match="local:N"):
        local_workers(address)


def test_one_actor_per_node_or_per_cpu_share() -> None:
    nodes = [("a", 4.0), ("b", 2.0), ("c", 1.0)]
    assert placements(nodes, None) == [Placement("a", 4), Placement("b", 2), Placement("c", 1)]
    assert placements(nodes, 2) == [Placement("a", 2), Placement("a", 2), Placement("b", 2)]
    with pytest.raises(ClusterError, match="lower --ray-cpus"):
        placements(nodes, 8)


def test_a_package_travels_as_checked_bytes_and_is_unpacked_once_per_node(argos_env: Path, tmp_path: Path) -> None:
    pkg = next(p for p in installed_packages() if p.name == "en-uk")
    packed = pack(pkg)
    arrived = unpack(pkg, packed.data, packed.sha256, tmp_path)
    assert arrived.identity == pkg.identity and arrived.path.parent == tmp_path / UNPACKED
    assert sorted(p.relative_to(arrived.path) for p in arrived.path.rglob("*")) == \
        sorted(p.relative_to(pkg.path) for p in pkg.path.rglob("*"))
    assert unpack(pkg, packed.data, packed.sha256, tmp_path) == arrived  # a second worker on the node reuses it
    assert [p.name for p in (tmp_path / UNPACKED).iterdir()] == [arrived.path.name]  # nothing half-unpacked left
    damaged = packed.data[:-1] + bytes([packed.data[-1] ^ 1])
    with pytest.raises(PackageError, match="arrived damaged"):
        unpack(pkg, damaged, packed.sha256, tmp_path / "other")


def test_a_worker_translates_a_planned_job_as_the_serial_path_does(argos_env: Path, tmp_path: Path) -> None:
    """The worker as a plain object (an actor is this object in another process): the same document, and the
    engine's translations handed back for the driver to store; the approval comes from the job."""
    source = tmp_path / "clip.srt"
    source.write_text(CLIP, "utf-8")
    glossary = load_glossaries([])
    approval = {"uk": {1: Approval("The war in Europe", "Затверджено.")}}

    engine = ArgosEngine()
    doc = prepare(source)
    with Database(tmp_path / "empty.sqlite") as db:
        plan = plan_translation(translation_units(doc), ("uk", "ru"), engine, glossary, TranslationMemory(db))
    packed = [pack(pkg) for pkg in {pkg for tgt in ("uk", "ru") for pkg in engine.route("en", tgt)}]
    worker = TranslationWorker(WorkerSetup(EngineSettings(threads=1), [(p.package, p.sha256) for p in packed],
                                           glossary, SubtitleOptions()), tmp_path / "node")
    assert worker.ready(*[p.data for p in packed]) == translator.__version__
    result = worker.translate(Job(doc, plan, approval))

    here = prepare(source)
    memory = SnapshotMemory(plan, approval)
    expected = translate_document(here, DocumentSettings(("uk", "ru"), glossary), ArgosEngine(), memory)
    assert result.done.doc.to_json() == expected.doc.to_json()
    assert result.done.doc.segments[0].translations["uk"].text == "Затверджено."
    assert result.stored == memory.stored and sum(result.steps) == result.done.translated == 4


def test_ray_cli_refusals_are_one_line(argos_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "clip.srt"
    source.write_text(CLIP, "utf-8")
    env = environment(ARGOS_PACKAGES_DIR=argos_env)
    usage = [(["--ray", "local:0"], "local:N"), (["--ray-cpus", "2"], "--ray-cpus needs --ray"),
             (["--ray", "local", "--ray-cpus", "0"], "--ray-cpus")]
    for extra, words in usage:
        done = run_cli("run", str(source), "--out", str(tmp_path / "out"), *extra, env=env)
        assert done.returncode == 2 and words in done.stderr and len(done.stderr.splitlines()) == 1, done.stderr
    done = run_cli("run", str(source), "--out", str(tmp_path / "out"), "--ray", "127.0.0.1:1", env=env)
    assert done.returncode == 1 and "nothing answers at 127.0.0.1:1" in done.stderr, done.stderr
    assert len(done.stderr.splitlines()) == 1 and not (tmp_path / "out").exists()  # not even an empty memory
    monkeypatch.setitem(sys.modules, "ray", None)  # as on a machine without Ray: `import ray` fails
    done = run_cli("run", str(source), "--out", str(tmp_path / "out"), "--ray", "auto", env=env)
    assert done.returncode == 2 and "pip install 'translator[ray]'" in done.stderr, done.stderr
    assert len(done.stderr.splitlines()) == 1 and not (tmp_path / "out").exists()


def test_a_serial_run_never_imports_ray(argos_env: Path, tmp_path: Path) -> None:
    source = tmp_path / "clip.srt"
    source.write_text(CLIP, "utf-8")
    probe = ("import sys, translator, translator.cli\n"
             f"translator.run([{str(source)!r}], to='uk', out={str(tmp_path / 'out')!r})\n"
             "assert (tmp := [m for m in sys.modules if m == 'ray' or m.startswith('ray.')]) == [], tmp\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "ARGOS_PACKAGES_DIR": str(argos_env),
                               "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/"})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "clip.uk.srt").is_file()
