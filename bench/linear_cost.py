"""Extraction cost as documents grow: time and peak memory for 10 KB, 100 KB, 1 MB and 10 MB documents,
a single 2 MB line, and a document of 5,000 headings. Each size runs in a fresh process.

    python bench/linear_cost.py [--largest-mb 10] [--record]

The figures stand beside the ones recorded last (bench/figures.json); `--record` keeps them.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from recorded import report  # noqa: E402

RUNNER = textwrap.dedent(
    """
    import json, resource, sys, time
    import summaryparse
    data = open(sys.argv[1], "rb").read()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    template = summaryparse.extract(data, max_bytes=len(data) + 1)
    text = template.to_json(indent=None)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"wall": wall, "peak_mb": peak / 1024, "growth_mb": (peak - before) / 1024, "blocks": len(template.blocks), "slots": len(template.slots)}))
    """
)


def corpus_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))


def documents(largest_mb: int) -> dict[str, str]:
    text = corpus_text()
    sizes = {"10 KB": 10_000, "100 KB": 100_000, "1 MB": 1_000_000}
    if largest_mb >= 10:
        sizes["10 MB"] = 10_000_000
    out = {}
    for name, size in sizes.items():
        repeated = (text * (size * 3 // len(text.encode()) + 1)).encode("utf-8")[:size]
        out[name] = repeated.decode("utf-8", "ignore")
    out["one 2 MB line"] = (text.replace("\n", "") * 6).encode("utf-8")[:2_000_000].decode("utf-8", "ignore")
    out["5,000 headings"] = "".join(f"（{'一二三四五六七八九十'[i % 10]}）加强第{i}项工作。全年召开会议{i % 9 + 1}次。\n" for i in range(5000))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--largest-mb", type=int, default=10)
    parser.add_argument("--record", action="store_true", help="keep these figures as the ones the next run is compared with")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in documents(args.largest_mb).items():
            path = Path(tmp) / "doc.txt"
            path.write_text(text, encoding="utf-8")
            run = subprocess.run([sys.executable, "-c", RUNNER, str(path)], capture_output=True, text=True, check=True)
            results[name] = {"bytes": path.stat().st_size, **json.loads(run.stdout.strip().splitlines()[-1])}
            r = results[name]
            print(f"{name:<16} {r['bytes']:>11,} bytes  {r['wall']:8.2f} s  {r['wall'] / r['bytes'] * 1e6:7.2f} µs/byte  peak {r['peak_mb']:7.1f} MB (+{r['growth_mb']:.1f})  {r['blocks']:,} blocks, {r['slots']:,} slots")
    small, large = results["10 KB"], results.get("10 MB") or results["1 MB"]
    print(f"largest / 10 KB: time {large['wall'] / small['wall']:.0f}x, peak memory {large['peak_mb'] / small['peak_mb']:.1f}x, memory growth {large['growth_mb'] / max(small['growth_mb'], 0.1):.0f}x, bytes {large['bytes'] / small['bytes']:.0f}x")
    largest = "10 MB" if "10 MB" in results else "1 MB"
    report(
        f"linear_cost (largest {largest})",
        {**{f"{name}, s": r["wall"] for name, r in results.items()}, f"{largest} peak MB": large["peak_mb"], f"{largest} / 10 KB time": large["wall"] / small["wall"]},
        args.record,
    )


if __name__ == "__main__":
    main()
