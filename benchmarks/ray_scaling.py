"""`translator run --ray` against the serial run on one machine (issue #29): what the cluster itself costs.

```bash
. .venv/bin/activate && python -m benchmarks.ray_scaling            # from the repository root; needs translator[ray]
```

A folder of 20 inputs (16 transcripts and 4 SRT films of `--sentences` distinct benchmark sentences each,
benchmarks/corpus.py) is translated en→ru with the benchmark's Transformer-base package
(benchmarks/package.py) three ways, each a real `python -m translator run` child into an empty --out:

- **serial**: the command as it is, one engine decoding with every core;
- **local:1**: `--ray local:1`: a Ray cluster started by the command, one actor holding every core; its time
  includes starting and stopping the cluster;
- **2 nodes × 1 CPU**: a cluster of two one-CPU nodes (`ray.cluster_utils.Cluster`, started beforehand, as a
  real cluster is), `--ray ADDRESS`: two actors on the same cores the serial run had.

Every output of the two Ray runs must be byte-identical to the serial run's. The targets: local:1 ≤ 1.1× the
serial time, two nodes ≤ 1.15×. On two cores nothing can be faster than serial; the figures say what the
cluster costs, which on a real cluster is paid once while the decoding scales with the nodes.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import corpus
from benchmarks.interrupt import outputs
from benchmarks.measure import Measurement, compile_tree, measure, python_command
from benchmarks.package import packages_folder

FILES = 20
FILMS = 4
TARGETS = {"local:1": 1.10, "2 nodes × 1 CPU": 1.15}
# Room for the package, not the default 30% of RAM.
NODE: dict[str, Any] = {"num_cpus": 1, "object_store_memory": 300 * 2**20}


def folder_of_inputs(folder: Path, per_file: int) -> int:
    """FILES inputs of `per_file` distinct sentences each, no sentence in two of them; the sentences in all."""
    items = corpus.sentences(FILES * per_file)
    for index in range(FILES):
        chunk = items[index * per_file:(index + 1) * per_file]
        if index < FILMS:
            srt, _ = corpus.film(chunk, 1)
            (folder / f"film{index:02d}.en.srt").write_text(srt, "utf-8")
        else:
            (folder / f"talk{index:02d}.en.txt").write_text(corpus.transcript(corpus.turns(chunk)), "utf-8")
    return len(items)


def run(label: str, inputs: Path, work: Path, sentences: int, env: dict[str, str], *extra: str) -> Measurement:
    out = work / label.replace(" ", "_")
    return measure(label, sentences, python_command("-m", "translator", "run", str(inputs), "--to", "ru",
                                                    "--out", str(out), *extra), env)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sentences", type=int, default=100, help="distinct sentences per input")
    args = parser.parse_args()
    import ray
    from ray.cluster_utils import Cluster

    compile_tree()
    env = {"ARGOS_PACKAGES_DIR": str(packages_folder((("en", "ru"),)))}
    with tempfile.TemporaryDirectory(prefix="ray-scaling-") as tmp:
        work = Path(tmp)
        inputs = work / "inputs"
        inputs.mkdir()
        sentences = folder_of_inputs(inputs, args.sentences)
        serial = run("serial", inputs, work, sentences, env)
        local = run("local:1", inputs, work, sentences, env, "--ray", "local:1")
        started = time.perf_counter()
        cluster: Any = Cluster(initialize_head=True, head_node_args={**NODE, "include_dashboard": False})
        try:
            cluster.add_node(**NODE)
            cluster.wait_for_nodes()
            start_s = time.perf_counter() - started
            nodes = run("2 nodes × 1 CPU", inputs, work, sentences, env, "--ray", cluster.address)
        finally:
            cluster.shutdown()
        expected = outputs(work / "serial")
        for each in (local, nodes):
            if outputs(work / each.label.replace(" ", "_")) != expected:
                sys.exit(f"{each.label}: the outputs differ from the serial run's")
    print(f"\n{FILES} inputs ({FILMS} SRT films, {FILES - FILMS} transcripts), {sentences} sentences en→ru; "
          f"{os.cpu_count()} CPUs; ray {ray.__version__}; the two-node cluster started in {start_s:.1f} s "
          f"(not counted)\n")
    print("| run | wall s | sentences/s | × serial | target |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for each in (serial, local, nodes):
        ratio = each.wall_s / serial.wall_s
        target = TARGETS.get(each.label)
        verdict = "" if target is None else f"≤ {target:.2f} {'met' if ratio <= target else 'MISSED'}"
        print(f"| {each.label} | {each.wall_s:.1f} | {each.per_second:.1f} | {ratio:.3f} | {verdict} |")
    print("\nEvery output of both Ray runs is byte-identical to the serial run's.")


if __name__ == "__main__":
    main()
