"""`RayExecutor`: a run's documents translated by actors on a Ray cluster, whole documents at a time.

Ray places the actors and runs them; this module only keeps each actor fed. One actor per node, holding the
node's CPUs (or one per `cpus` share of a node): its engine decodes with that many threads and loads each package
once. The packages the run needs go from this process's packages folder through the object store, with their
SHA-256 (`translator.cluster.shipping`). Each document is planned here against the memory just before it is
sent (`translator.cluster.worker.Job`) and comes back translated; the engine's translations are stored in the
memory as soon as they arrive, and the documents are yielded in input order for the run to write, so this
process stays the only writer of the memory and the output folder. An actor lost with its node (or its process)
takes its documents with it: they are sent to the actors left. Ray itself is imported only here, when a run
starts, so a serial run never loads it.
"""

from __future__ import annotations

import logging
import os
import socket
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from translator._version import __version__
from translator.cluster.shipping import pack
from translator.cluster.worker import Job, JobResult, TranslationWorker, WorkerSetup
from translator.engine.argos import EngineSettings
from translator.engine.packages import InstalledPackage
from translator.errors import ClusterError, UsageError
from translator.executors import RunWork
from translator.glossary import Glossary
from translator.pipeline import TranslatedDocument
from translator.results import Started, Translated
from translator.translation.approvals import approvals_of
from translator.translation.plan import plan_translation
from translator.units import required_directions

LOCAL = "local"
# Documents an actor holds at once: while it returns one, it translates the next instead of waiting for us.
IN_FLIGHT = 2
INSTALL = "pip install 'translator[ray]'"


@dataclass(frozen=True)
class Placement:
    """Where an actor goes: a node (None: wherever Ray likes, on a local cluster) and the CPUs it holds."""

    node: str | None
    cpus: int


def local_workers(address: str) -> int | None:
    """`local` → 1, `local:N` → N worker processes on a cluster started here; None for a cluster's address."""
    if address != LOCAL and not address.startswith(LOCAL + ":"):
        return None
    count = address.partition(":")[2] if ":" in address else "1"
    if not count.isdigit() or int(count) < 1:
        raise UsageError(f"--ray {address}: use local or local:N with N a number of worker processes (1 or more)")
    return int(count)


def placements(nodes: Sequence[tuple[str, float]], cpus: int | None) -> list[Placement]:
    """One actor per node holding all its CPUs, or as many as fit of `cpus` each; `nodes` are (id, CPUs)."""
    found: list[Placement] = []
    for node, total in nodes:
        share = cpus or int(total)
        found.extend(Placement(node, share) for _ in range(int(total) // share if share else 0))
    if not found:
        raise ClusterError(f"no node of the Ray cluster has {cpus or 1} CPU(s) for a worker"
                           + (" (lower --ray-cpus)" if cpus else ""))
    return found


def _import_ray() -> ModuleType:
    try:
        import ray
    except ImportError:
        raise UsageError(f"--ray needs Ray on this machine and on every node of the cluster: {INSTALL}") from None
    return ray


class RayExecutor:
    """Translate a run's documents on the Ray cluster at `address`: `auto` (the cluster this machine belongs to,
    as `ray start` left it), `ray://HOST:PORT` (Ray Client), a cluster's GCS address (`HOST:PORT`), or `local` /
    `local:N` (a cluster of N worker processes started for the run on this machine, and stopped after it).
    `cpus`: CPUs per actor (default: all of a node's, or a local cluster's share of this machine's). A process
    already connected to Ray (`ray.init` before the run) is used as it is, whatever `address` says."""

    def __init__(self, address: str = "auto", cpus: int | None = None) -> None:
        if cpus is not None and cpus < 1:
            raise UsageError(f"--ray-cpus {cpus}: a worker needs at least 1 CPU")
        self.address, self.cpus = address, cpus
        self.local = local_workers(address)
        self.ray = _import_ray()  # here, so that a machine without Ray is told before the run makes anything
        self.resent = 0  # documents sent again because the actor holding them was lost, over this object's runs

    @contextmanager
    def session(self) -> Iterator[None]:
        """Connected to the cluster (the local one started) for a run, before it makes any file; disconnected (the
        local one stopped) after it. A process already connected stays connected."""
        ray = self.ray
        if ray.is_initialized():
            yield
            return
        if self.local is None:
            _answers(self.address)
        quiet: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
        try:
            if self.local is not None:
                share = self.cpus or max(1, (os.cpu_count() or 1) // self.local)
                ray.init(num_cpus=share * self.local, include_dashboard=False, **quiet)
            else:
                ray.init(address=self.address, **quiet)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise ClusterError(f"--ray {self.address}: cannot reach the Ray cluster "
                               f"({' '.join(str(exc).split())[:200]})") from None
        try:
            yield
        finally:
            ray.shutdown()

    def translate(self, work: RunWork) -> Generator[tuple[int, TranslatedDocument]]:
        if not work.docs:
            return
        if work.engine.settings.device != "cpu":
            raise UsageError(f"--device {work.engine.settings.device} with --ray: Ray workers decode on CPUs only")
        ray = self.ray
        if not ray.is_initialized():  # called outside a run's session
            with self.session():
                yield from self.translate(work)
            return
        actors: list[Any] = []
        try:
            packages = _needed_packages(work)
            packed = [pack(pkg) for pkg in packages]
            data = [ray.put(item.data) for item in packed]
            first = work.settings[0]
            worker = ray.remote(TranslationWorker)
            for place in self._placements(ray):
                setup = WorkerSetup(_engine_settings(work.engine.settings, place.cpus),
                                    [(item.package, item.sha256) for item in packed],
                                    Glossary(first.glossary.entries), first.subtitles)
                actors.append(worker.options(**_actor_options(ray, place)).remote(setup))
            dispatch = _Dispatch(ray, work, _ready(ray, actors, data))
            try:
                yield from dispatch.results()
            finally:
                self.resent += dispatch.resent
        finally:
            for actor in actors:
                ray.kill(actor)

    def _placements(self, ray: ModuleType) -> list[Placement]:
        if self.local is not None:
            return [Placement(None, self.cpus or max(1, (os.cpu_count() or 1) // self.local))] * self.local
        nodes = [(node["NodeID"], node["Resources"].get("CPU", 0)) for node in ray.nodes() if node["Alive"]]
        return placements(nodes, self.cpus)


def _answers(address: str, timeout_s: float = 10.0) -> None:
    """Refuse at once a cluster address nothing listens at: Ray itself retries it for minutes, printing as it goes."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    if not host or not port.isdigit():
        return  # `auto`: Ray finds the cluster this machine joined, and says at once when there is none
    try:
        socket.create_connection((host, int(port)), timeout=timeout_s).close()
    except OSError as exc:
        raise ClusterError(f"--ray {address}: nothing answers at {host}:{port} "
                           f"({exc.strerror or exc}); is the cluster started (`ray start --head`)?") from None


def _needed_packages(work: RunWork) -> list[InstalledPackage]:
    """The packages of every direction the run translates, each once: all a worker is sent."""
    wanted: dict[InstalledPackage, None] = {}
    for units, settings in zip(work.units, work.settings):
        for src, tgt in required_directions(units, list(settings.targets)):
            wanted.update(dict.fromkeys(work.engine.route(src, tgt)))
    return list(wanted)


def _engine_settings(settings: EngineSettings, cpus: int) -> EngineSettings:
    """The run's decoding settings with the actor's CPUs as its threads: one single-threaded CTranslate2
    worker per CPU, as a serial run lays out every core."""
    return EngineSettings(settings.device, settings.beam_size, cpus, settings.batch_size, settings.compute_type)


def _actor_options(ray: ModuleType, place: Placement) -> dict[str, Any]:
    """No restarts and no retries by Ray: a lost actor's documents go to the actors left (`_Dispatch`)."""
    options: dict[str, Any] = {"num_cpus": place.cpus, "max_restarts": 0, "max_task_retries": 0}
    if place.node is not None:
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        options["scheduling_strategy"] = NodeAffinitySchedulingStrategy(place.node, soft=False)
    return options


def _reraised(exc: Exception) -> Exception:
    """What an actor's task raised (a TranslatorError keeps its one line and exit code), not Ray's wrapper."""
    cause = getattr(exc, "cause", None)
    return cause if isinstance(cause, Exception) else exc


def _ready(ray: ModuleType, actors: list[Any], data: list[Any]) -> list[Any]:
    """The actors that unpacked the packages and run this translator version; those lost meanwhile left out."""
    waiting = {actor.ready.remote(*data): actor for actor in actors}
    live = []
    for ref, actor in waiting.items():
        try:
            version = ray.get(ref)
        except (ray.exceptions.RayActorError, ray.exceptions.ObjectLostError):
            continue
        except ray.exceptions.RayTaskError as exc:
            raise _reraised(exc) from None
        if version != __version__:
            raise ClusterError(f"a Ray worker runs translator {version}, this machine {__version__}: "
                               f"install the same version on every node ({INSTALL})")
        live.append(actor)
    if not live:
        raise ClusterError("no Ray worker could start; run again when the cluster has nodes")
    return live


class _Dispatch:
    """Documents to actors, up to IN_FLIGHT each, each planned as it is sent; results stored as they come and
    handed on in input order. A document whose actor was lost is sent again, to the actors left."""

    def __init__(self, ray: ModuleType, work: RunWork, actors: list[Any]) -> None:
        self.ray, self.work = ray, work
        self.free = deque(actor for _ in range(IN_FLIGHT) for actor in actors)
        self.waiting = deque(range(len(work.docs)))
        self.running: dict[Any, tuple[int, Any]] = {}
        self.pending: dict[int, int] = {}  # sentences the memory lacked when the document was last planned
        self.done: dict[int, JobResult] = {}
        self.resent = 0

    def results(self) -> Iterator[tuple[int, TranslatedDocument]]:
        for index in range(len(self.work.docs)):
            while index not in self.done:
                self._send()
                self._receive()
            result = self.done.pop(index)
            self.work.progress(Started(result.done.doc, self.pending[index]))
            for sentences in result.steps:
                self.work.progress(Translated(sentences))
            yield index, result.done

    def _send(self) -> None:
        while self.waiting and self.free:
            index, actor = self.waiting.popleft(), self.free.popleft()
            self.running[actor.translate.remote(self._job(index))] = (index, actor)
        if not self.running:
            raise ClusterError("every Ray worker of the run was lost; run the same command again to resume")

    def _job(self, index: int) -> Job:
        """The document planned against the memory as it is now, with its approvals."""
        doc, settings, memory = self.work.docs[index], self.work.settings[index], self.work.memory
        plan = plan_translation(self.work.units[index], settings.targets, self.work.engine, settings.glossary,
                                memory)
        self.pending[index] = plan.pending
        return Job(doc, plan, approvals_of(doc, settings.targets, memory))

    def _receive(self) -> None:
        ray = self.ray
        [ref], _ = ray.wait(list(self.running), num_returns=1)
        index, actor = self.running.pop(ref)
        try:
            result: JobResult = ray.get(ref)
        except (ray.exceptions.RayActorError, ray.exceptions.ObjectLostError):
            self.free = deque(each for each in self.free if each is not actor)  # lost: its other document follows
            self.waiting.appendleft(index)
            self.resent += 1
            return
        except ray.exceptions.RayTaskError as exc:
            raise _reraised(exc) from None
        for step in result.stored:  # stored at once: a run killed now resumes without translating them again
            self.work.memory.store(step.src, step.tgt, step.engine_id, step.glossary_id, step.pairs)
        self.done[index] = result
        self.free.append(actor)
