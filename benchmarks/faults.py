"""The fault campaign of issue #26: signals, hostile packages and index entries, damaged memories, full disks, fuzzed
inputs. Each attempt is a real `translator` process (the fuzzing alone calls the readers in-process, for speed).

```bash
. .venv/bin/activate && python -m benchmarks.faults                      # every campaign, about 10 minutes on 2 cores
. .venv/bin/activate && python -m benchmarks.faults sigint memories --attempts 30 --seconds 60 --seed 7
```

An attempt *holds* when the command ends as the README promises: its documented exit code, a failure told in one
line on stderr that starts `translator: error:`, no traceback, no control or bidi character on the terminal, nothing a
user had kept (a working package, the outputs of an uninterrupted run after resuming) changed. Anything else is
*lost*, printed with what was wrong. Ctrl-C in Python's own start-up, before any of translator's code runs, is the
interpreter's to answer (exit -2 or its own fatal error) and is counted apart as `interpreter`, neither held nor lost.
Each campaign prints `attempts / held / lost`; the command exits 1 when anything was lost.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from benchmarks import corpus
from benchmarks.interrupt import MEMORY_FILES, outputs

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
DIRECTIONS = (("en", "uk"), ("en", "ru"))


@dataclass
class Tally:
    """One campaign's count, and what each lost attempt did."""

    name: str
    attempts: int = 0
    held: int = 0
    interpreter: int = 0
    lost: list[str] = field(default_factory=list)

    def judge(self, what: str, problem: str | None) -> None:
        self.attempts += 1
        if problem is None:
            self.held += 1
        elif problem == "interpreter":
            self.interpreter += 1
        else:
            self.lost.append(f"{what}: {problem}")
            print(f"  LOST {what}: {problem}", flush=True)

    def line(self) -> str:
        apart = f", {self.interpreter} in Python's start-up" if self.interpreter else ""
        return f"{self.name}: {self.attempts} attempts, {self.held} held, {len(self.lost)} lost{apart}"


@dataclass(frozen=True)
class Done:
    returncode: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Bench:
    """Where a campaign works: a scratch folder, the packages, the seeded random source."""

    work: Path
    packages: Path
    rng: random.Random
    attempts: int
    seconds: float

    def env(self, **extra: str) -> dict[str, str]:
        return {**os.environ, "ARGOS_PACKAGES_DIR": str(self.packages), "TQDM_DISABLE": "1",
                "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/", **extra}

    def folder(self, name: str) -> Path:
        path = self.work / f"{name}-{self.rng.randrange(10**9)}"
        path.mkdir(parents=True)
        return path


def translator(*args: str, env: dict[str, str], limit_bytes: int | None = None, cwd: Path | None = None) -> Done:
    """`python -m translator ARGS`, optionally with every file it writes limited to `limit_bytes` (RLIMIT_FSIZE:
    a write past it fails with EFBIG, as a full disk fails one with ENOSPC; Python ignores SIGXFSZ)."""
    def limited() -> None:
        if limit_bytes is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    done = subprocess.run([sys.executable, "-m", "translator", *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=600, preexec_fn=limited if limit_bytes is not None else None)
    return Done(done.returncode, done.stdout, done.stderr)


def ends_well(done: Done, codes: Sequence[int]) -> str | None:
    """None if the command ended as promised (one of `codes`; a failure in one clean line), else what was wrong."""
    if "Traceback" in done.stderr or "Fatal Python error" in done.stderr:
        return "traceback: " + done.stderr.strip().splitlines()[-1][:160]
    if CONTROL.search(done.stdout.replace("\n", "").replace("\r", "") + done.stderr.replace("\n", "")):
        return "a control character reached the terminal"
    if done.returncode not in codes:
        return f"exit {done.returncode}: {done.stderr.strip()[:160]}"
    if done.returncode != 0:
        lines = done.stderr.splitlines()
        if not lines or not lines[-1].startswith("translator: error: ") or len(
                [line for line in lines if line.startswith("translator: error:")]) != 1:
            return f"not one error line: {done.stderr.strip()[:160]!r}"
    return None


def sample_input(folder: Path, lines: int) -> Path:
    path = folder / "talk.en.txt"
    path.write_text("\n".join(corpus.SAMPLE.read_text("utf-8").splitlines()[:lines]) + "\n", "utf-8")
    return path


# --- SIGINT at random moments: exit 130 in one line, the re-run resumes to the same bytes --------------------------

def sigint(bench: Bench, tally: Tally) -> None:
    source = sample_input(bench.work, 14)
    base = bench.folder("sigint-base")
    args = ["run", str(source), "--to", "uk,ru", "--out"]
    started = time.perf_counter()
    first = translator(*args, str(base), env=bench.env())
    duration = time.perf_counter() - started
    assert first.returncode == 0, first.stderr
    expected = outputs(base)
    total = sum(map(int, re.findall(r"(\d+) sentences translated", first.stdout)))
    print(f"  uninterrupted: {duration:.1f} s, {total} sentences", flush=True)
    for _ in range(bench.attempts):
        delay = bench.rng.choice([bench.rng.uniform(0, 0.3), bench.rng.uniform(0, duration)])
        out = bench.folder("sigint")
        child = subprocess.Popen([sys.executable, "-m", "translator", *args, str(out)], env=bench.env(),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(delay)
        child.send_signal(signal.SIGINT)
        stdout, stderr = child.communicate(timeout=600)
        what = f"SIGINT at {delay:.3f} s"
        if (child.returncode == -signal.SIGINT and not stderr) or "init_import_site" in stderr or (
                "Traceback" in stderr and "translator" not in stderr.split("KeyboardInterrupt")[0].replace(
                    "python -m translator", "")):
            tally.judge(what, "interpreter")
            continue
        problem = ends_well(Done(child.returncode, stdout, stderr), (0, 130))
        if problem is None and child.returncode == 130 and stderr.count("\n") != 1:
            problem = f"not one line: {stderr!r}"
        if problem is None:
            problem = _resumed(bench, args, out, expected, total)
        tally.judge(what, problem)


def _stored(memory: Path) -> int:
    if not memory.exists():
        return 0
    with contextlib.closing(sqlite3.connect(memory)) as db:
        return int(db.execute("SELECT count(*) FROM sentences").fetchone()[0])


def _resumed(bench: Bench, args: list[str], out: Path, expected: dict[str, bytes], total: int) -> str | None:
    """The same command again: it must take what was stored, translate only the rest and end byte-identical."""
    kept = _stored(out / MEMORY_FILES[0])
    again = translator(*args, str(out), env=bench.env())
    if again.returncode != 0:
        return f"the re-run failed: {again.stderr.strip()[:160]}"
    counts = [tuple(map(int, pair)) for pair in re.findall(r"(\d+) sentences translated, (\d+) from memory",
                                                           again.stdout)]
    if counts and (sum(t + m for t, m in counts) != total or sum(m for _, m in counts) != kept) and kept < total:
        return f"the re-run counted {counts} with {kept} stored"
    if outputs(out) != expected:
        return "the resumed outputs differ from the uninterrupted run's"
    return None


# --- hostile packages: refused in one line, the working package kept ----------------------------------------------

def _members(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        return {info.filename: zipped.read(info) for info in zipped.infolist()}


def _zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)
    return buffer.getvalue()


def _with_member(archive: bytes, suffix: str, change: Callable[[bytes], bytes | None]) -> bytes:
    members = {}
    for name, data in _members(archive).items():
        changed = change(data) if name.endswith(suffix) else data
        if changed is not None:
            members[name] = changed
    return _zipped(members)


def _metadata(change: Callable[[dict[str, object]], object]) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        meta = json.loads(data)
        result = change(meta)
        return json.dumps(meta if result is None else result).encode()
    return edit


def hostile_packages(archive: bytes, rng: random.Random, count: int) -> Iterator[tuple[str, bytes]]:
    """Damaged variants of a working .argosmodel, by name."""
    from benchmarks.model_bin import with_position_rows

    yield "6-entry position table", _with_member(archive, "model/model.bin", lambda d: with_position_rows(d, 6))
    yield "no model.bin", _with_member(archive, "model/model.bin", lambda d: None)
    yield "no metadata.json", _with_member(archive, "metadata.json", lambda d: None)
    yield "metadata not JSON", _with_member(archive, "metadata.json", lambda d: b"{not json")
    yield "metadata a list", _with_member(archive, "metadata.json", _metadata(lambda m: [1, 2]))
    yield "unknown language", _with_member(archive, "metadata.json", _metadata(lambda m: m.update(from_code="xx")))
    yield "codes not text", _with_member(archive, "metadata.json", _metadata(lambda m: m.update(to_code=[7])))
    yield "escapes in the name", _with_member(archive, "metadata.json", _metadata(
        lambda m: m.update(from_name="\x1b[2J\x1b]0;owned\x07", package_version="\u202e1.0")))
    yield "sentencepiece model garbage", _with_member(archive, "sentencepiece.model", lambda d: d[:40])
    yield "model.bin garbage", _with_member(archive, "model/model.bin", lambda d: bytes(rng.randrange(256)
                                                                                           for _ in range(64)))
    yield "empty file", b""
    yield "not a zip", b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(200))
    for _ in range(count):
        cut = rng.randrange(len(archive))
        yield f"truncated at {cut} of {len(archive)} bytes", archive[:cut]
    for _ in range(count):
        flipped = bytearray(archive)
        for _ in range(rng.randint(1, 8)):
            flipped[rng.randrange(len(flipped))] ^= 1 << rng.randrange(8)
        yield "bytes flipped", bytes(flipped)


def _archive(bench: Bench) -> Path:
    """The en-uk .argosmodel the benchmark's packages were installed from (benchmarks/package.py)."""
    stamp = bench.packages.name.rsplit("-", 1)[1]
    return next((bench.packages.parent / f"archives-small-{stamp}").glob("*en_uk*.argosmodel"))


def packages(bench: Bench, tally: Tally) -> None:
    from benchmarks.package import package
    from translator.engine.argos import ArgosEngine
    from translator.engine.packages import installed_packages

    archive = _archive(bench).read_bytes()
    folder = bench.folder("packages-installed")
    shutil.copytree(package(bench.packages, "en", "uk").path, folder / package(bench.packages, "en", "uk").path.name)
    before = ArgosEngine(packages=installed_packages(folder)).translate(["Thank you for the war in Europe."], "en",
                                                                       "uk")
    for what, data in hostile_packages(archive, bench.rng, max(1, bench.attempts // 2)):
        path = bench.folder("hostile") / "translate-en_uk-9_7.argosmodel"
        path.write_bytes(data)
        done = translator("models", "install", str(path), env=bench.env(ARGOS_PACKAGES_DIR=str(folder)))
        problem = ends_well(done, (0, 2, 4))
        if problem is None:
            try:
                after = ArgosEngine(packages=installed_packages(folder)).translate(
                    ["Thank you for the war in Europe."], "en", "uk")
            except Exception as exc:
                after = [f"{type(exc).__name__}: {exc}"]
            if after != before and done.returncode != 0:
                problem = f"the working package changed: {after}"
            elif after != before:
                problem = f"installed, and now translates {after}"
        tally.judge(what, problem)
        if done.returncode == 0:  # a harmless change installed: put the original back for the next attempt
            shutil.rmtree(folder)
            shutil.copytree(package(bench.packages, "en", "uk").path,
                            folder / package(bench.packages, "en", "uk").path.name)


# --- bad package-index entries: one line, no escape reaches the terminal ------------------------------------------

@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _QuietServer(ThreadingHTTPServer):
    """A hostile entry's URL (a NUL in the path) fails in the file server: the campaign's noise, not a finding."""

    def handle_error(self, request: object, client_address: object) -> None:
        pass


def index_entries(base: str, rng: random.Random, count: int) -> Iterator[tuple[str, object]]:
    good = {"type": "translate", "from_code": "en", "to_code": "uk", "package_version": "1.0",
            "links": [base + "en_uk.argosmodel"]}
    links = ["http://[::1", "http://пример.укр/en_uk.argosmodel", "http://" + "a" * 300 + "/x.argosmodel",
             base + "\x1b[2J\x1b]0;owned\x07\u202egone", "ftp://example.org/x", "", "http://127.0.0.1:0/x",
             "http://127.0.0.1:9/x", base + "index.json", "file:///etc/passwd", "data:,hello", "http://:80/",
             "http://a b/", "javascript:alert(1)", base + "%00", "\u202ehttp://x/"]
    for link in links:
        yield f"link {link[:40]!r}", [{**good, "links": [link]}]
        yield f"link {link[:40]!r}, then a good one", [{**good, "links": [link, *good["links"]]}]
    odd_values: list[object] = [None, 5, [], {}, "x" * 5000, "\x1b[31mred", ["\x07"], 1e308, True]
    for _ in range(count):
        key = rng.choice(list(good))
        value = rng.choice(odd_values)
        yield f"{key} = {str(value)[:30]!r}", [{**good, key: value}]
    yield "index not a list", {"a": 1}
    yield "index of strings", ["\x1b[2J"]
    yield "index nested deep", [[[[[[[[[]]]]]]]]]


def index(bench: Bench, tally: Tally) -> None:
    site = bench.folder("index-site")
    archive = _archive(bench)
    shutil.copy(archive, site / "en_uk.argosmodel")
    with serving(site) as base:
        for what, entries in index_entries(base, bench.rng, bench.attempts):
            (site / "index.json").write_text(json.dumps(entries), "utf-8")
            done = translator("models", "install", "en-uk",
                              env=bench.env(ARGOS_PACKAGE_INDEX=base, ARGOS_PACKAGES_DIR=str(bench.folder("pk")),
                                            TRANSLATOR_STALL_SECONDS="2"))
            tally.judge(what, ends_well(done, (0, 2, 3, 4)))


# --- damaged memories: exit 5 (or a database error, exit 1) in one line --------------------------------------------

def memories(bench: Bench, tally: Tally) -> None:
    source = sample_input(bench.work, 8)
    base = bench.folder("memory-base")
    done = translator("run", str(source), "--to", "uk", "--out", str(base), env=bench.env())
    assert done.returncode == 0, done.stderr
    memory = base / MEMORY_FILES[0]
    with contextlib.closing(sqlite3.connect(memory)) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        columns = {table: [row[1] for row in db.execute(f"PRAGMA table_info({table})")] for table in tables}
    damages: list[tuple[str, Callable[[Path], None]]] = [
        (f"table {table} dropped", _sql(f"DROP TABLE {table}")) for table in tables]
    edits = [(f"column {table}.{column} renamed", _sql(f"ALTER TABLE {table} RENAME COLUMN {column} TO x_{column}"))
             for table in tables for column in columns[table]]
    edits += [(f"{table}.{column} set to bad JSON", _sql(f"UPDATE {table} SET {column} = '[{{bad'"))
              for table in tables for column in columns[table]]
    damages += bench.rng.sample(edits, min(len(edits), 2 * bench.attempts))
    for _ in range(bench.attempts):
        damages.append(("bytes flipped", functools.partial(_flip, rng=random.Random(bench.rng.random()))))
    cut = bench.rng.randrange(100, 9000)
    damages.append(("truncated", functools.partial(_replace, change=lambda data: data[:cut])))
    damages.append(("not a database", functools.partial(_replace, change=lambda data: b"hello" * 100)))
    for what, damage in damages:
        out = bench.folder("memory")
        shutil.copytree(base, out, dirs_exist_ok=True)
        damage(out / MEMORY_FILES[0])
        commands = [["run", str(source), "--to", "uk", "--out", str(out)], ["review", "status", "--out", str(out)],
                    ["review", "import", str(out / "talk.en-uk.csv"), "--memory", str(out / MEMORY_FILES[0])]]
        problems = [ends_well(translator(*command, env=bench.env()), (0, 1, 2, 5)) for command in commands]
        tally.judge(what, next((p for p in problems if p), None))


def _sql(statement: str) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        with contextlib.closing(sqlite3.connect(path)) as db, contextlib.suppress(sqlite3.Error):
            db.execute(statement)
            db.commit()
    return damage


def _replace(path: Path, change: Callable[[bytes], bytes]) -> None:
    path.write_bytes(change(path.read_bytes()))


def _flip(path: Path, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    for _ in range(rng.randint(1, 16)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    path.write_bytes(bytes(data))


# --- full disks: one line, nothing half-written left, the next run ends as an uninterrupted one ---------------------

def disk_full(bench: Bench, tally: Tally) -> None:
    source = sample_input(bench.work, 8)
    base = bench.folder("disk-base")
    args = ["run", str(source), "--to", "uk,ru", "--out"]
    assert translator(*args, str(base), env=bench.env()).returncode == 0
    expected = outputs(base)
    largest = max(path.stat().st_size for path in base.rglob("*") if path.is_file())
    for _ in range(bench.attempts):
        limit = bench.rng.randrange(0, largest)
        out = bench.folder("disk")
        done = translator(*args, str(out), env=bench.env(), limit_bytes=limit)
        problem = ends_well(done, (0, 1, 5))  # 1: an output could not be written, 5: the memory could not grow
        if problem is None:
            left = [p.name for p in out.rglob("*") if p.name.startswith(".") or p.suffix in (".tmp", ".part")]
            again = translator(*args, str(out), env=bench.env())
            if left and again.returncode == 0 and any(p.name in left for p in out.rglob("*")):
                problem = f"temporary files left: {left}"
            elif again.returncode != 0:
                problem = f"the next run failed: {again.stderr.strip()[:160]}"
            elif outputs(out) != expected:
                problem = "the next run's outputs differ from an uninterrupted run's"
        tally.judge(f"files limited to {limit} bytes", problem)


# --- fuzzed readers and review readers: a mistake is an InputError, never another exception -----------------------

def fuzz(bench: Bench, tally: Tally) -> None:
    from translator.errors import TranslatorError
    from translator.readers import read
    from translator.review_readers import read_review

    for reader, suffix, seed in _fuzz_seeds(bench):
        deadline = time.monotonic() + bench.seconds
        runs = 0
        folder = bench.folder("fuzz")
        path = folder / (f"talk.en-uk{suffix}" if reader == "review" else f"talk.en{suffix}")
        while time.monotonic() < deadline:
            data = _mutate(seed, bench.rng)
            path.write_bytes(data)
            runs += 1
            try:
                read_review(path) if reader == "review" else read(path)
                problem = None
            except TranslatorError:
                problem = None
            except Exception as exc:
                sample = folder / f"lost-{runs}{suffix}"
                sample.write_bytes(data)
                problem = f"{type(exc).__name__}: {str(exc)[:120]} (input kept as {sample})"
            tally.judge(f"{reader} {suffix} #{runs}", problem)
        print(f"  {reader} {suffix}: {runs} inputs in {bench.seconds:.0f} s", flush=True)


def _fuzz_seeds(bench: Bench) -> list[tuple[str, str, bytes]]:
    """(reader, suffix, seed): the inputs and review files of a real run of the sample's first lines."""
    source = sample_input(bench.work, 6)
    out = bench.folder("fuzz-seeds")
    done = translator("run", str(source), "--to", "uk", "--out", str(out), env=bench.env())
    assert done.returncode == 0, done.stderr
    inputs = [("input", ".txt", source.read_bytes())]
    inputs += [("input", suffix, (out / f"talk.uk{suffix}").read_bytes()) for suffix in (".srt", ".vtt")]
    reviews = [("review", suffix, next(iter(sorted(out.glob(f"*{suffix}")))).read_bytes())
               for suffix in (".csv", ".xlf", ".docx", ".srt", ".vtt")]
    return inputs + reviews


def _mutate(seed: bytes, rng: random.Random) -> bytes:
    """A few random edits: bits flipped, bytes inserted or deleted, a chunk repeated or cut short; in a zip (DOCX)
    the edits go into one member half the time, so the XML reader behind the zip is reached too."""
    if seed.startswith(b"PK") and rng.random() < 0.5:
        members = _members(seed)
        name = rng.choice(list(members))
        members[name] = _mutate(members[name], rng)
        return _zipped(members)
    data = bytearray(seed)
    for _ in range(rng.randint(1, 6)):
        at = rng.randrange(len(data) + 1)
        kind = rng.randrange(6)
        if kind == 0 and data:
            data[min(at, len(data) - 1)] ^= 1 << rng.randrange(8)
        elif kind == 1:
            data[at:at] = bytes([rng.choice(b"\x00\n\r<>&\"',;:-0123456789\xd0\xff\x1b")]) * rng.randint(1, 40)
        elif kind == 2:
            del data[at:at + rng.randint(1, 64)]
        elif kind == 3:
            end = min(len(data), at + rng.randint(1, 400))
            data[at:at] = data[at:end] * rng.randint(1, 8)
        elif kind == 4:
            del data[at:]
        else:
            data[at:at] = rng.choice([b"-->", b"00:00:01,000 --> 00:00:02,000", b"WEBVTT", b"<trans-unit id=\"9\">",
                                      b"</target>", b"\xef\xbb\xbf", "\u202e".encode(), b"9" * 5000])
    return bytes(data)


CAMPAIGNS: dict[str, Callable[[Bench, Tally], None]] = {
    "sigint": sigint, "packages": packages, "index": index, "memories": memories, "disk-full": disk_full,
    "fuzz": fuzz,
}


def main() -> None:
    from benchmarks.package import packages_folder

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("campaigns", nargs="*", choices=[*CAMPAIGNS, []], help="default: all")
    parser.add_argument("--attempts", type=int, default=12, help="random attempts per campaign (default 12)")
    parser.add_argument("--seconds", type=float, default=20, help="fuzzing time per format (default 20)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (printed; default: from the clock)")
    options = parser.parse_args()
    seed = options.seed if options.seed is not None else int(time.time())
    print(f"seed {seed}", flush=True)
    pkgs = packages_folder(DIRECTIONS, base_shapes=False)
    tallies = []
    with tempfile.TemporaryDirectory(prefix="translator-faults-") as scratch:
        for name in options.campaigns or list(CAMPAIGNS):
            tally = Tally(name)
            started = time.perf_counter()
            print(f"{name}:", flush=True)
            bench = Bench(Path(scratch) / name, pkgs, random.Random(f"{seed}-{name}"), options.attempts,
                          options.seconds)
            bench.work.mkdir()
            CAMPAIGNS[name](bench, tally)
            print(f"  {tally.line()} ({time.perf_counter() - started:.0f} s)", flush=True)
            tallies.append(tally)
    print("\n".join(tally.line() for tally in tallies))
    if any(tally.lost for tally in tallies):
        sys.exit(1)


if __name__ == "__main__":
    main()
