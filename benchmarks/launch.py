"""`python -m benchmarks.launch RESULT ARGV...`: run ARGV, then write its wall time, peak memory and start
(a perf_counter reading, comparable with the child's own on Linux) to RESULT.

Linux keeps a process's high-water mark across exec, and a child starts from its parent's memory, so a
child's ru_maxrss is at least its parent's peak. The benchmark's own process may have built a model (hundreds
of MiB); launched from this small process instead, a contender's peak is its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time


def main(result_path: str, argv: list[str]) -> int:
    start = time.perf_counter()
    process = subprocess.Popen(argv)  # inherits stdin, stdout and stderr
    _, status, usage = os.wait4(process.pid, 0)  # not process.wait(): wait4 also returns the peak
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    with open(result_path, "w", encoding="utf-8") as result:
        json.dump({"wall_s": wall, "peak_kib": usage.ru_maxrss, "started": start}, result)
    return process.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
