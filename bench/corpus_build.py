"""Corpus build throughput: documents per second per core, wall time and peak memory, beside a trivial baseline.

    python bench/corpus_build.py [--documents 2000]

Generates N documents from the corpus documents (every corpus report in turn, each copy with its
figures changed and, for one in three, a site's header or footer pieces from corpus/noise added), so
that they differ the way real ones do and no cache could flatter the build; then in fresh processes:
the trivial baseline (read each file, one regex pass, dump JSON), `summaryparse corpus build -j 1`
and `-j 2`, and the `-j 1` build again over a quarter of the documents to show whether memory grows
with their number. The build runs with `force` (no reuse of unchanged files: there is no other cache).
Figures are printed beside the ones recorded last (bench/figures.json); `--record` keeps them.
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(Path(__file__).parent))
from recorded import report  # noqa: E402

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
    reports = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    noise = [row[-1] for path in sorted((CORPUS / "noise").glob("*.tsv")) for row in csv.reader(path.open(encoding="utf-8"), delimiter="\t") if row]
    rng = random.Random(1)
    for i in range(count):
        text = with_new_figures(reports[i % len(reports)], rng)
        if i % 3 == 0:
            text = "\n".join(rng.sample(noise, 2)) + "\n" + text + "\n" + rng.choice(noise) + "\n"
        (folder / f"doc{i:05d}.txt").write_text(text, encoding="utf-8")


def with_new_figures(text: str, rng: random.Random) -> str:
    """Each run of digits replaced by a random one of the same length: the same report with this year's figures."""
    return re.sub(r"\d+", lambda m: str(rng.randint(10 ** (len(m.group()) - 1) if len(m.group()) > 1 else 0, 10 ** len(m.group()) - 1)), text)


def measure(code: str, folder: Path, out: Path, jobs: int = 1) -> dict:
    program = code.replace("FOLDER", repr(str(folder))).replace("OUT", repr(str(out))).replace("JOBS", str(jobs))
    result = subprocess.run([sys.executable, "-c", RUNNER, program], capture_output=True, text=True, check=True)
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--record", action="store_true", help="keep these figures as the ones the next run is compared with")
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
    report(
        "corpus_build",
        {
            "documents per second per core (-j 1)": n / one["wall"],
            "documents per second per core (-j 2)": n / two["wall"] / 2,
            "build / trivial baseline time": one["wall"] / baseline["wall"],
            "speed-up from 1 to 2 processes": one["wall"] / two["wall"],
            "peak MB (-j 1)": one["peak_mb"],
            "peak MB, a quarter of the documents": quarter["peak_mb"],
        },
        args.record,
    )


if __name__ == "__main__":
    main()
