"""Run the product over a fixed set of inputs with the tests' tiny packages and print a hash per output file.

A refactoring that must not change behaviour compares two snapshots: `python -m tools.snapshot OUT` before and
after, then `diff OUT-before/manifest.txt OUT-after/manifest.txt`. The inputs are the sample interview (with
and without its glossary, into uk and ru), a 1,500-cue film-like SRT (benchmarks/corpus.py) and every file of
`../shared/corpus/{srt,vtt,transcripts}` (a file the product refuses records its one-line error instead). S.json
names its input file, so the film's (in a fresh temporary folder) and any input read from another checkout
differ by that path alone.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _packages(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT))
    from tests.conftest import LEXICONS
    from tests.tiny_argos import build_package
    from translator.engine.packages import install_file

    built, installed = folder / "built", folder / "packages"
    built.mkdir(parents=True)
    installed.mkdir()
    for (src, tgt), lexicon in LEXICONS.items():
        install_file(build_package(built, src, tgt, lexicon), installed)
    return installed


def _film(folder: Path) -> Path:
    from benchmarks import corpus

    text, _ = corpus.film(corpus.sentences(1500), 1500)
    path = folder / "film.en.srt"
    path.write_text(text, "utf-8")
    return path


def _run(name: str, args: list[str], out: Path, env: dict[str, str]) -> str:
    done = subprocess.run([sys.executable, "-m", "translator", "run", *args, "--out", str(out / name)],
                          env=env, capture_output=True, text=True, cwd=ROOT)
    return f"{name}: exit {done.returncode} {done.stderr.strip().splitlines()[-1:] if done.returncode else ''}"


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=False)
    work = Path(tempfile.mkdtemp(prefix="snapshot-"))
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(_packages(work)), "ARGOS_PACKAGE_INDEX": "http://127.0.0.1:9/"}
    sample, glossary = ROOT / "examples" / "interview-aisin.en.txt", ROOT / "glossaries" / "interview-aisin.tsv"
    lines = [
        _run("sample", [str(sample), "--to", "uk,ru"], out, env),
        _run("sample-glossary", [str(sample), "--to", "uk,ru", "--glossary", str(glossary)], out, env),
        _run("film", [str(_film(work)), "--to", "uk,ru"], out, env),
    ]
    for kind in ("srt", "vtt", "transcripts"):
        for path in sorted((CORPUS / kind).glob("*.*")):
            if path.suffix in (".srt", ".vtt", ".txt"):
                lines.append(_run(f"{kind}-{path.stem}", [str(path), "--to", "en,uk,ru"], out, env))
    for path in sorted(p for p in out.rglob("*") if p.is_file() and p.suffix not in (".sqlite",)):
        lines.append(f"{path.relative_to(out)} {hashlib.sha256(path.read_bytes()).hexdigest()}")
    (out / "manifest.txt").write_text("\n".join(lines) + "\n", "utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
