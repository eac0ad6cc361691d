"""Corpus build throughput: documents per second per core, wall time and peak memory, beside a trivial baseline.

    python bench/corpus_build.py [--documents 2000]

Generates N documents of the seed's size (the seed from ../shared when present, else the shipped
example made as long), with their numbers varied, then in fresh processes: the trivial baseline
(read each file, one regex pass, dump JSON), `summaryparse corpus build -j 1` and `-j 2`, and the
`-j 1` build again over a quarter of the documents to show whether memory grows with their number.
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_d34cff8305f96a5c.txt"
EXAMPLE = ROOT / "examples" / "report.txt"

RUNNER = textwrap.dedent(
    """
    import json, resource, sys, time
    start = time.perf_counter()
    exec(sys.argv[1])
    wall = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(json.dumps({"wall": wall, "peak_mb": peak / 1024}))
    """
)
BASELINE = textwrap.dedent(
    """
    import json, re, pathlib
    number = re.compile(r"\\\\d+")
    with open(OUT, "w", encoding="utf-8") as out:
        for path in sorted(pathlib.Path(FOLDER).glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            out.write(json.dumps({"path": str(path), "numbers": number.findall(text)}, ensure_ascii=False) + "\\n")
    """
)
BUILD = "from summaryparse.corpus import build; build([FOLDER], OUT, jobs=JOBS, force=True)"


def generate(folder: Path, count: int) -> None:
    base = SEED.read_text(encoding="utf-8") if SEED.exists() else EXAMPLE.read_text(encoding="utf-8") * 4
    rng = random.Random(1)
    for i in range(count):
        text = base.replace("2020", str(2015 + i % 9)).replace("1次", f"{rng.randint(1, 9)}次").replace("3名", f"{rng.randint(2, 30)}名")
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")


def measure(code: str, folder: Path, out: Path, jobs: int = 1) -> dict:
    program = code.replace("FOLDER", repr(str(folder))).replace("OUT", repr(str(out))).replace("JOBS", str(jobs))
    result = subprocess.run([sys.executable, "-c", RUNNER, program], capture_output=True, text=True, check=True)
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, small = Path(tmp) / "docs", Path(tmp) / "small"
        folder.mkdir()
        small.mkdir()
        generate(folder, args.documents)
        generate(small, args.documents // 4)
        size = sum(p.stat().st_size for p in folder.iterdir()) / args.documents
        print(f"{args.documents} documents of {size / 1024:.1f} KB each")
        baseline = measure(BASELINE, folder, Path(tmp) / "baseline.jsonl")
        one = measure(BUILD, folder, Path(tmp) / "one.jsonl", jobs=1)
        two = measure(BUILD, folder, Path(tmp) / "two.jsonl", jobs=2)
        quarter = measure(BUILD, small, Path(tmp) / "quarter.jsonl", jobs=1)
    n = args.documents
    rows = [("trivial baseline (1 process)", baseline, 1), ("corpus build -j 1", one, 1), ("corpus build -j 2", two, 2)]
    for name, m, cores in rows:
        print(f"{name:<30} wall {m['wall']:7.2f} s  {n / m['wall'] / cores:8.1f} docs/s per core  peak {m['peak_mb']:6.1f} MB")
    print(f"corpus build -j 1 / baseline time: {one['wall'] / baseline['wall']:.1f}x")
    print(f"speed-up from 1 to 2 processes: {one['wall'] / two['wall']:.2f}x")
    print(f"peak memory, {n // 4} vs {n} documents (-j 1): {quarter['peak_mb']:.1f} MB vs {one['peak_mb']:.1f} MB")


if __name__ == "__main__":
    main()
