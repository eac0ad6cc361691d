"""Wall time of `summaryparse extract` on one document, as a user runs it: a new process each time.

    python bench/extract_time.py [FILE] [--runs 20]

Prints the median and the best of the runs, and how the time splits between start-up and work.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_d34cff8305f96a5c.txt"


def wall_times(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", default=str(SEED if SEED.exists() else ROOT / "examples" / "report.txt"))
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    command = [shutil.which("summaryparse") or "summaryparse", "extract", args.file]
    wall_times(command, 2)  # warm the file cache and the bytecode cache
    extract = wall_times(command, args.runs)
    python = wall_times([sys.executable, "-c", "pass"], args.runs)
    imports = wall_times([sys.executable, "-c", "import summaryparse.cli"], args.runs)
    print(f"file: {args.file}")
    print(f"summaryparse extract: median {statistics.median(extract):.3f} s, best {min(extract):.3f} s over {args.runs} runs")
    print(f"  of which: python start {statistics.median(python):.3f} s, importing summaryparse and its CLI {statistics.median(imports) - statistics.median(python):.3f} s")


if __name__ == "__main__":
    main()
