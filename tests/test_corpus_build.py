"""corpus build: many files in parallel, bad ones reported, incremental, atomic, queryable; corpus stats."""
from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CORPUS, EXAMPLE
from summaryparse.corpus import build, records, stats

docx = pytest.importorskip("docx", reason="the .docx test needs python-docx (pip install '.[test]')")


def _variant(i: int) -> str:
    text = EXAMPLE.read_text(encoding="utf-8")
    return text.replace("2023", str(2015 + i % 9)).replace("召开防汛工作专题会议3次", f"召开防汛工作专题会议{i % 7 + 1}次").replace("组织防汛应急演练X次", f"集中学习{i % 5 + 2}天，组织防汛应急演练X次")


@pytest.fixture()
def folder(tmp_path):
    reports = tmp_path / "reports"
    (reports / "nested").mkdir(parents=True)
    for i in range(100):
        (reports / ("nested" if i % 3 else ".") / f"r{i:03d}.txt").write_text(_variant(i), encoding="utf-8")
    (reports / "empty.txt").write_bytes(b"")
    (reports / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes((i * 97 + 13) % 256 for i in range(3000)))
    (reports / "gbk.txt").write_bytes((CORPUS / "party-01.txt").read_text(encoding="utf-8").encode("gb18030"))
    document = docx.Document()
    for line in (CORPUS / "edu-01.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(reports / "report.docx")
    return reports


def test_folder_with_bad_files_builds_and_reports_them(folder, tmp_path):
    out = tmp_path / "corpus.sqlite"
    summary = build([str(folder)], out, jobs=2)
    assert summary.documents == 104
    assert sorted(Path(p).name for p, _ in summary.failed) == ["binary.txt", "empty.txt"]
    with sqlite3.connect(out) as db:
        rows = db.execute(
            "SELECT d.year, s.value FROM slots s JOIN documents d ON d.id = s.document_id WHERE s.label = '集中学习' ORDER BY d.year"
        ).fetchall()
        errors = db.execute("SELECT path, error FROM documents WHERE error IS NOT NULL").fetchall()
        encodings = dict(db.execute("SELECT path, encoding FROM documents WHERE error IS NULL"))
    assert len(rows) == 100 and {year for year, _ in rows} == set(range(2015, 2024))
    assert all(2 <= value <= 6 for _, value in rows)
    assert len(errors) == 2
    assert encodings[str(folder / "gbk.txt")] == "gb18030"
    assert any(p.endswith("report.docx") for p in encodings)


def test_unchanged_files_are_reused_and_changed_ones_redone(folder, tmp_path):
    out = tmp_path / "corpus.jsonl"
    build([str(folder)], out, jobs=1)
    (folder / "r000.txt").write_text(_variant(1), encoding="utf-8")
    again = build([str(folder)], out, jobs=1)
    assert (again.extracted, again.reused) == (1, 101)
    forced = build([str(folder)], out, jobs=1, force=True)
    assert forced.reused == 0
    assert sum(1 for _ in records(out)) == 104


def test_globs_and_stats(folder, tmp_path):
    out = tmp_path / "c.jsonl"
    build([str(folder / "r00*.txt"), str(folder / "nested" / "r01*.txt")], out, jobs=1)
    report = stats(out)
    assert report["documents"] == 4 + 7  # r000 r003 r006 r009 at the top; r010..r019 but r012 r015 r018 nested
    learning = next(s for s in report["slot_labels"] if s["label"] == "集中学习")
    assert learning["unit"] == "天" and 2 <= learning["min"] <= learning["max"] <= 6
    assert report["sections"]["plans"]["documents"] == report["documents"]


def test_killed_build_leaves_the_previous_corpus_and_the_next_run_completes(folder, tmp_path):
    out = tmp_path / "corpus.jsonl"
    build([str(folder / "r00*.txt")], out, jobs=1)
    before = out.read_bytes()
    many = tmp_path / "many"
    many.mkdir()
    for i in range(400):
        (many / f"m{i:03d}.txt").write_text(_variant(i), encoding="utf-8")
    command = [sys.executable, "-m", "summaryparse.cli", "corpus", "build", str(folder / "r00*.txt"), str(many), "-o", str(out), "-j", "1", "-q"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while not list(tmp_path.glob(".corpus.jsonl.*.part")) and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert out.read_bytes() == before  # the previous corpus, whole
    assert all(json.loads(line) for line in before.decode("utf-8").splitlines())
    finished = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert finished.returncode == 0, finished.stderr
    assert sum(1 for _ in records(out)) == 404


def test_word_pdf_and_refused_files_in_one_build(tmp_path):
    """Each file read by its bytes; a scan and an image become error records with their own exit codes."""
    from docx_maker import report_to_docx

    reports = tmp_path / "in"
    reports.mkdir()
    (reports / "old.docx").write_bytes(report_to_docx(EXAMPLE.read_text(encoding="utf-8")))
    (reports / "report.pdf").write_bytes((Path(__file__).parent / "data" / "pdf" / "report.pdf").read_bytes())
    (reports / "scan.pdf").write_bytes((Path(__file__).parent / "data" / "pdf" / "scan.pdf").read_bytes())
    (reports / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + "工作总结".encode() * 50)
    out = tmp_path / "corpus.jsonl"
    summary = build([str(reports)], out, jobs=1)
    assert summary.documents == 4
    found = {Path(r["path"]).name: r for r in records(out)}
    assert found["old.docx"]["template"]["source"]["format"] == "docx"
    assert found["report.pdf"]["template"]["source"]["format"] == "pdf"
    assert (found["scan.pdf"]["code"], found["photo.txt"]["code"]) == (14, 17)
