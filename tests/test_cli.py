"""The command line: the documented commands work; bad input gives one line on stderr and its own exit code."""
from __future__ import annotations

import json

import pytest

from conftest import EXAMPLE, checked
from conftest import run
from summaryparse.template import from_json



def test_extract_then_fill_the_shipped_example(tmp_path):
    out = tmp_path / "report.json"
    result = run("extract", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.output
    template = checked(from_json(out.read_text(encoding="utf-8")))
    assert template.title == "XX县水利局2023年上半年工作总结"
    assert [s.type for s in template.sections] == ["title", "preamble", "achievements", "problems", "plans", "signature"]
    filled = run("fill", str(out))
    assert filled.exit_code == 0
    assert filled.output == template.text()
    meeting = next(s for s in template.slots if s.raw == "3" and s.unit == "次")
    changed = run("fill", str(out), "--set", f"{meeting.id}=5")
    assert "召开防汛工作专题会议5次" in changed.output


def test_fill_with_a_values_file(tmp_path):
    out = tmp_path / "t.json"
    run("extract", str(EXAMPLE), "-o", str(out))
    template = from_json(out.read_text(encoding="utf-8"))
    twice = next(s for s in template.slots if s.raw == "两" and s.unit == "轮")
    values = tmp_path / "v.json"
    values.write_text(json.dumps({twice.id: 3}), encoding="utf-8")
    result = run("fill", str(out), "--values", str(values), "-o", str(tmp_path / "new.txt"))
    assert result.exit_code == 0
    assert "隐患排查三轮" in (tmp_path / "new.txt").read_text(encoding="utf-8")


def test_extract_from_stdin():
    result = run("extract", "-", input="XX镇2023年工作总结\n全年走访群众120户。\n")
    assert result.exit_code == 0
    assert json.loads(result.output)["source"]["name"] == "-"


def test_schema_is_printed_and_is_json():
    result = run("schema")
    assert json.loads(result.output)["properties"]["schema"]["const"] == "summaryparse.template/1"


def test_clean_prints_the_document_without_noise():
    result = run("clean", str(EXAMPLE))
    assert result.exit_code == 0
    assert "订阅" not in result.output and result.output.lstrip().startswith("XX县水利局")


def _bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x13data" + bytes((i * 97 + 13) % 256 for i in range(3000)))
    (tmp_path / "bad.txt").write_bytes("工作总结".encode("utf-8") + b"\xff\x80\x80\xff")
    (tmp_path / "broken.json").write_text('{"schema": "summaryparse.template/1", ', encoding="utf-8")
    (tmp_path / "folder").mkdir()
    return {
        "missing": (["extract", str(tmp_path / "nope.txt")], 3, "no such file"),
        "folder": (["extract", str(tmp_path / "folder")], 11, "folder"),
        "empty": (["extract", str(tmp_path / "empty.txt")], 4, "empty"),
        "binary": (["extract", str(tmp_path / "binary.bin")], 5, "binary"),
        "undecodable": (["extract", str(tmp_path / "bad.txt")], 6, "neither UTF-8"),
        "broken-template": (["fill", str(tmp_path / "broken.json")], 9, "not valid JSON"),
        "unknown-slot": (["fill", str(tmp_path / "t.json"), "--set", "s999=1"], 10, "unknown slot"),
    }


@pytest.mark.parametrize("case", ["missing", "folder", "empty", "binary", "undecodable", "broken-template", "unknown-slot"])
def test_bad_input_gives_one_clear_line_and_its_exit_code(tmp_path, case):
    run("extract", str(EXAMPLE), "-o", str(tmp_path / "t.json"))
    args, code, message = _bad_inputs(tmp_path)[case]
    result = run(*args)
    assert result.exit_code == code
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output + result.stderr


