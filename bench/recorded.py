"""The regression guard: every benchmark prints its figures beside the ones recorded last (bench/figures.json),
so that a change sees what it cost; `--record` writes the new figures once they are the ones to keep."""
from __future__ import annotations

import json
from pathlib import Path

RECORD = Path(__file__).with_name("figures.json")


def report(bench: str, figures: dict[str, float], record: bool) -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
    last = recorded.get(bench, {})
    print(f"\n{'figure':<46} {'now':>10} {'last':>10}  change")
    for name, value in figures.items():
        before = last.get(name)
        change = f"{(value - before) / before:+.1%}" if before else "new"
        shown = f"{before:10.3f}" if before is not None else f"{'-':>10}"
        print(f"{name:<46} {value:10.3f} {shown}  {change}")
    if record:
        recorded[bench] = {name: round(value, 4) for name, value in figures.items()}
        RECORD.write_text(json.dumps(recorded, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"recorded in {RECORD.name}")
