"""Many files: a parallel, incremental, atomic corpus build (JSON Lines or SQLite), and its statistics.

A build streams: files are found lazily, extracted in worker processes, and each record is written
as it arrives to a temporary file beside the output, which replaces the output only when the build
is complete. An unchanged file (same path, same sha256) is copied from the previous output instead
of being extracted again. A bad file becomes an error record; the others go on.
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import sqlite3
import statistics
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import regex

from . import rules
from .api import extract
from .model_file import ModelError
from .reading import InputError

SUFFIXES = (".txt", ".docx", ".pdf")
SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
CHUNK = 8  # files handed to a worker at a time: enough to hide the hand-over, few enough to keep memory flat
YEAR = regex.compile(r"((?:19|20)\d{2})\s?年")


@dataclass
class BuildSummary:
    documents: int = 0
    extracted: int = 0
    reused: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)


# ------------------------------------------------------------------ finding files
def discover(inputs: Iterable[str]) -> Iterator[Path]:
    """Files named, files under folders (recursively) and glob matches, each once, in a stable order."""
    seen: set[Path] = set()
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            candidates: Iterable[Path] = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        elif any(c in item for c in "*?["):
            candidates = sorted(Path(p) for p in glob.glob(item, recursive=True))
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                yield candidate


# ------------------------------------------------------------------ one document
def document_record(path: str) -> dict:
    """The corpus record of one file: its template, or why it has none. Runs in a worker process."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return {"path": path, "sha256": None, "error": f"cannot be read ({e.strerror})", "code": 12}
    digest = hashlib.sha256(data).hexdigest()
    try:
        template = extract(data, name=Path(path).name)
    except (InputError, ModelError) as e:
        return {"path": path, "sha256": digest, "error": str(e), "code": e.code}
    document = template.to_dict()
    return {"path": path, "sha256": digest, **describe(document), "template": document}


def describe(document: dict) -> dict:
    """Year, genre and trade of a template, from its title (and its first year when the title has none)."""
    title = (document.get("title") or "").translate(rules.TRADITIONAL_TO_SIMPLIFIED)
    year = YEAR.search(title)
    if year is None:
        years = [s["value"] for s in document["slots"] if s["kind"] == "date" and s["unit"] == "年" and isinstance(s["value"], int)]
        year_value = years[0] if years else None
    else:
        year_value = int(year.group(1))
    return {"year": year_value, "genre": _first_cue(rules.GENRE_CUES, title), "trade": _first_cue(rules.TRADE_CUES, title)}


def _first_cue(cues, title: str) -> str | None:
    return next((name for name, pattern, _ in cues if regex.search(pattern, title)), None)


def file_sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


# ------------------------------------------------------------------ outputs
class JsonLinesOutput:
    """One record per line. The previous file is indexed by path → (sha256, offset) to reuse records."""

    def __init__(self, path: Path):
        self.path = path
        self.previous: dict[str, tuple[str | None, int]] = {}
        if path.exists():
            with open(path, "rb") as handle:
                offset = 0
                for line in handle:
                    record = _json_or_none(line)
                    if record and "template" in record:
                        self.previous[record["path"]] = (record.get("sha256"), offset)
                    offset += len(line)

    def __enter__(self):
        self._fd, self._temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent)
        self._out = os.fdopen(self._fd, "w", encoding="utf-8")
        self._old = open(self.path, "rb") if self.previous else None
        return self

    def unchanged(self, path: str, digest: str | None) -> bool:
        return digest is not None and self.previous.get(path, (None, 0))[0] == digest

    def reuse(self, path: str) -> None:
        self._old.seek(self.previous[path][1])
        self._out.write(self._old.readline().decode("utf-8"))

    def write(self, record: dict) -> None:
        self._out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")

    def __exit__(self, kind, value, traceback):
        if self._old:
            self._old.close()
        self._out.flush()
        os.fsync(self._out.fileno())
        self._out.close()
        if kind is None:
            os.replace(self._temporary, self.path)
        else:
            os.unlink(self._temporary)


def _json_or_none(line: bytes) -> dict | None:
    try:
        return json.loads(line)
    except ValueError:
        return None


SCHEMA_SQL = """
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL, sha256 TEXT, title TEXT, encoding TEXT,
                        year INTEGER, genre TEXT, trade TEXT, error TEXT, code INTEGER, template TEXT);
CREATE TABLE sections (document_id INTEGER REFERENCES documents(id), position INTEGER, type TEXT, confidence REAL,
                       blocks INTEGER, characters INTEGER);
CREATE TABLE blocks (document_id INTEGER REFERENCES documents(id), block_id TEXT, section TEXT, kind TEXT, level INTEGER,
                     marker TEXT, line INTEGER, text TEXT);
CREATE TABLE slots (document_id INTEGER REFERENCES documents(id), slot_id TEXT, block_id TEXT, raw TEXT, kind TEXT,
                    value REAL, unit TEXT, label TEXT);
CREATE INDEX slots_label ON slots(label);
CREATE INDEX blocks_document ON blocks(document_id);
"""
TABLES = ("documents", "sections", "blocks", "slots")


class SqliteOutput:
    """Tables a person can query: documents, sections, blocks, slots (one row each)."""

    def __init__(self, path: Path):
        self.path = path
        self.previous: dict[str, str | None] = {}
        if path.exists():
            with sqlite3.connect(path) as old:
                self.previous = dict(old.execute("SELECT path, sha256 FROM documents WHERE error IS NULL"))

    def __enter__(self):
        fd, self._temporary = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".part", dir=self.path.parent)
        os.close(fd)
        self.db = sqlite3.connect(self._temporary)
        self.db.executescript(SCHEMA_SQL)
        if self.previous:
            self.db.execute("ATTACH DATABASE ? AS old", (str(self.path),))
        return self

    def unchanged(self, path: str, digest: str | None) -> bool:
        return digest is not None and self.previous.get(path) == digest

    def reuse(self, path: str) -> None:
        (old_id,) = self.db.execute("SELECT id FROM old.documents WHERE path = ?", (path,)).fetchone()
        new_id = self.db.execute(
            "INSERT INTO documents (path, sha256, title, encoding, year, genre, trade, error, code, template) "
            "SELECT path, sha256, title, encoding, year, genre, trade, error, code, template FROM old.documents WHERE id = ?",
            (old_id,),
        ).lastrowid
        for table in TABLES[1:]:
            columns = [row[1] for row in self.db.execute(f"PRAGMA old.table_info({table})") if row[1] != "document_id"]
            listed = ", ".join(columns)
            self.db.execute(f"INSERT INTO {table} (document_id, {listed}) SELECT ?, {listed} FROM old.{table} WHERE document_id = ?", (new_id, old_id))

    def write(self, record: dict) -> None:
        template = record.get("template")
        source = template["source"] if template else {}
        document_id = self.db.execute(
            "INSERT INTO documents (path, sha256, title, encoding, year, genre, trade, error, code, template) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (record["path"], record["sha256"], template and template["title"], source.get("encoding"), record.get("year"),
             record.get("genre"), record.get("trade"), record.get("error"), record.get("code"),
             json.dumps(template, ensure_ascii=False) if template else None),
        ).lastrowid
        if template:
            self._write_parts(document_id, template)

    def _write_parts(self, document_id: int, template: dict) -> None:
        for position, section in enumerate(template["sections"]):
            blocks = section["blocks"]
            self.db.execute("INSERT INTO sections VALUES (?,?,?,?,?,?)", (document_id, position, section["type"], section["confidence"], len(blocks), sum(len(b["text"]) for b in blocks)))
            self.db.executemany(
                "INSERT INTO blocks VALUES (?,?,?,?,?,?,?,?)",
                [(document_id, b["id"], section["type"], b["kind"], b["level"], b["marker"], b["line"], b["text"]) for b in blocks],
            )
        self.db.executemany(
            "INSERT INTO slots VALUES (?,?,?,?,?,?,?,?)",
            [(document_id, s["id"], s["block"], s["raw"], s["kind"], s["value"] if isinstance(s["value"], (int, float)) else None, s["unit"], s["label"]) for s in template["slots"]],
        )

    def __exit__(self, kind, value, traceback):
        if kind is None:
            self.db.commit()
        self.db.close()
        if kind is None:
            os.replace(self._temporary, self.path)
        else:
            os.unlink(self._temporary)


def output_for(path: Path):
    return SqliteOutput(path) if path.suffix.lower() in SQLITE_SUFFIXES else JsonLinesOutput(path)


# ------------------------------------------------------------------ build
def build(
    inputs: Iterable[str],
    out: str | Path,
    jobs: int | None = None,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
) -> BuildSummary:
    """Build (or bring up to date) the corpus at `out` from `inputs`; `progress` is told of each document done."""
    summary = BuildSummary()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with output_for(out) as output:
        pending = _reuse_unchanged(discover(inputs), output, force, summary, progress)
        for record in _extract_all(pending, jobs or os.cpu_count() or 1):
            output.write(record)
            summary.documents += 1
            if "error" in record:
                summary.failed.append((record["path"], record["error"]))
            else:
                summary.extracted += 1
            if progress:
                progress(1)
    return summary


def _reuse_unchanged(paths: Iterator[Path], output, force: bool, summary: BuildSummary, progress) -> Iterator[str]:
    for path in paths:
        if not force and output.unchanged(str(path), file_sha256(path)):
            output.reuse(str(path))
            summary.documents += 1
            summary.reused += 1
            if progress:
                progress(1)
        else:
            yield str(path)


def _extract_all(paths: Iterator[str], jobs: int) -> Iterator[dict]:
    if jobs <= 1:
        yield from map(document_record, paths)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(document_record, paths, chunksize=CHUNK)


# ------------------------------------------------------------------ statistics
def records(path: str | Path) -> Iterator[dict]:
    """The records of a corpus file, JSON Lines or SQLite, one at a time."""
    path = Path(path)
    if path.suffix.lower() in SQLITE_SUFFIXES:
        with sqlite3.connect(path) as db:
            for row in db.execute("SELECT path, sha256, year, genre, trade, error, template FROM documents"):
                record = dict(zip(("path", "sha256", "year", "genre", "trade", "error"), row[:6]))
                if row[6]:
                    record["template"] = json.loads(row[6])
                yield record
    else:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)


TOP_LABELS = 20


def stats(path: str | Path) -> dict:
    by = {"year": Counter(), "genre": Counter(), "trade": Counter()}
    section_docs: Counter = Counter()
    section_chars: dict[str, list[int]] = defaultdict(list)
    values: dict[tuple[str, str | None], list[float]] = defaultdict(list)
    documents = errors = 0
    for record in records(path):
        documents += 1
        if "template" not in record:
            errors += 1
            continue
        for key in by:
            by[key][str(record.get(key))] += 1
        _count_sections(record["template"], section_docs, section_chars)
        for s in record["template"]["slots"]:
            if s["label"] and isinstance(s["value"], (int, float)) and s["kind"] != "date":
                values[(s["label"], s["unit"])].append(s["value"])
    good = documents - errors
    return {
        "documents": documents,
        "errors": errors,
        **{f"by_{k}": dict(v.most_common()) for k, v in by.items()},
        "sections": {
            t: {"documents": n, "share": round(n / good, 3) if good else 0, "mean_characters": round(statistics.mean(section_chars[t]))}
            for t, n in section_docs.most_common()
        },
        "slot_labels": [
            {"label": label, "unit": unit, "count": len(v), "min": min(v), "median": statistics.median(v), "max": max(v)}
            for (label, unit), v in sorted(values.items(), key=lambda kv: -len(kv[1]))[:TOP_LABELS]
        ],
    }


def _count_sections(template: dict, documents: Counter, characters: dict[str, list[int]]) -> None:
    lengths: Counter = Counter()
    for section in template["sections"]:
        lengths[section["type"]] += sum(len(b["text"]) for b in section["blocks"])
    for kind, length in lengths.items():
        documents[kind] += 1
        characters[kind].append(length)


def format_stats(report: dict) -> str:
    lines = [f"documents: {report['documents']} ({report['errors']} with errors)"]
    for key in ("by_year", "by_genre", "by_trade"):
        lines.append(f"{key[3:]}: " + ", ".join(f"{k} {v}" for k, v in report[key].items()))
    lines.append("sections (documents, share, mean characters):")
    lines += [f"  {t:<13}{s['documents']:>6}{s['share']:>8.1%}{s['mean_characters']:>8}" for t, s in report["sections"].items()]
    lines.append("most frequent slot labels (count, min / median / max):")
    lines += [f"  {s['label']}（{s['unit'] or '-'}）: {s['count']}, {s['min']:g} / {s['median']:g} / {s['max']:g}" for s in report["slot_labels"]]
    return "\n".join(lines)
