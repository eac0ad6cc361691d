"""Wall time of `summaryparse extract` on one document, as a user runs it: a new process each time.

    python bench/extract_time.py [FILE] [--runs 20] [--record]

Runs `summaryparse extract` and the floor `python -c "import numpy, regex"` in turn, pair by pair, and
prints the median of each, the median of the pairs' ratios (issue 14 asks for at most 2.0), and how
the time splits between start-up and work; the figures stand beside the ones recorded last
(bench/figures.json), and `--record` keeps them.
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
FLOOR = [sys.executable, "-c", "import numpy, regex"]
sys.path.insert(0, str(Path(__file__).parent))
from recorded import report  # noqa: E402


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def wall_times(command: list[str], runs: int) -> list[float]:
    return [wall_time(command) for _ in range(runs)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", default=str(SEED if SEED.exists() else ROOT / "examples" / "report.txt"))
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--record", action="store_true", help="keep these figures as the ones the next run is compared with")
    args = parser.parse_args()
    command = [shutil.which("summaryparse") or "summaryparse", "extract", args.file]
    for warm_up in (command, FLOOR):  # the file cache and the bytecode cache
        wall_times(warm_up, 2)
    pairs = [(wall_time(command), wall_time(FLOOR)) for _ in range(args.runs)]
    extract, floor = [a for a, _ in pairs], [b for _, b in pairs]
    python = wall_times([sys.executable, "-c", "pass"], args.runs)
    imports = wall_times([sys.executable, "-c", "import summaryparse.cli"], args.runs)
    ratio = statistics.median(a / b for a, b in pairs)
    print(f"file: {args.file}")
    print(f"summaryparse extract: median {statistics.median(extract):.3f} s, best {min(extract):.3f} s over {args.runs} runs")
    print(f"python -c 'import numpy, regex': median {statistics.median(floor):.3f} s; extract / floor, median of the pairs: {ratio:.2f}")
    print(f"  of which: python start {statistics.median(python):.3f} s, importing summaryparse and its CLI {statistics.median(imports) - statistics.median(python):.3f} s")
    report(
        "extract_time",
        {
            "cold extract, median s": statistics.median(extract),
            "floor (import numpy, regex), median s": statistics.median(floor),
            "extract / floor, median of pairs": ratio,
            "import summaryparse.cli, s": statistics.median(imports) - statistics.median(python),
        },
        args.record,
    )


if __name__ == "__main__":
    main()
