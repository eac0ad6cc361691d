"""Formats told by their bytes, never by their names; each refused format has its own line and exit code."""
from __future__ import annotations

import io
import zipfile

import pytest
from docx_maker import report_to_docx
from summaryparse import formats
from conftest import run

REPORT = "XX镇2025年工作总结\n一、主要工作\n全镇新建村级综合服务站6个，完成农房改造213户。\n"
OLE_HEADER = formats.OLE_SIGNATURE + bytes(504)


def ole_file(stream: str) -> bytes:
    """An OLE compound file's first sector and a directory entry naming `stream`, as .doc and .wps files have."""
    return OLE_HEADER + stream.encode("utf-16-le") + bytes(64) + bytes(range(256)) * 4


def zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


REFUSED = {
    "doc": (ole_file("WordDocument"), formats.EXIT_LEGACY_OFFICE, "Word 97-2003 document (.doc)", "soffice --headless --convert-to docx"),
    "wps": (ole_file("WpsContent"), formats.EXIT_LEGACY_OFFICE, "WPS document (.wps)", "soffice --headless --convert-to docx"),
    "xls": (ole_file("Workbook"), formats.EXIT_LEGACY_OFFICE, "Excel 97-2003", "soffice"),
    "rtf": (b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}\\f0 \\'b9\\'a4\\'d7\\'f7}", formats.EXIT_RTF, "RTF document", "soffice --headless --convert-to docx"),
    "png": (b"\x89PNG\r\n\x1a\n" + "工作总结 text-like body".encode() * 40, formats.EXIT_IMAGE, "PNG image", "OCR"),
    "jpeg": (b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(200), formats.EXIT_IMAGE, "JPEG image", "OCR"),
    "tiff": (b"II*\x00" + bytes(100), formats.EXIT_IMAGE, "TIFF image", "OCR"),
    "zip": (zipped({"2024年总结.txt": REPORT.encode()}), formats.EXIT_ARCHIVE, "a zip archive", "unpack"),
    "gzip": (b"\x1f\x8b\x08\x00" + bytes(50), formats.EXIT_ARCHIVE, "gzip archive", "unpack"),
    "xlsx": (zipped({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}), formats.EXIT_OTHER_OFFICE, "Excel workbook (.xlsx)", "save it as .docx"),
    "odt": (zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"}), formats.EXIT_OTHER_OFFICE, "OpenDocument text (.odt)", "soffice"),
    "elf": (b"\x7fELF\x02\x01\x01" + bytes(100), formats.EXIT_EXECUTABLE, "executable program (ELF)", "the report itself"),
    "exe": (b"MZ\x90\x00\x03" + bytes(100), formats.EXIT_EXECUTABLE, "Windows executable", "the report itself"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_each_refused_format_gets_its_own_line_and_exit_code(tmp_path, case):
    data, code, named, advice = REFUSED[case]
    path = tmp_path / "report.txt"  # the name lies: only the bytes count
    path.write_bytes(data)
    result = run("extract", str(path))
    assert result.exit_code == code
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and "Traceback" not in result.output + result.stderr
    assert named in line and advice in line and "does not read" in line


def test_refusal_exit_codes_are_distinct_from_each_other_and_from_the_other_errors():
    codes = {name: value for name, value in vars(formats).items() if name.startswith("EXIT_")}
    assert len(set(codes.values())) == len(codes)
    assert not set(codes.values()) & {0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}


def test_a_word_file_named_txt_and_a_text_file_named_pdf_are_read_for_what_they_are(tmp_path):
    word = tmp_path / "old.txt"
    word.write_bytes(report_to_docx(REPORT))
    text = tmp_path / "old.pdf"
    text.write_text(REPORT, encoding="gb18030")
    import json

    as_word = json.loads(run("extract", str(word)).stdout)
    as_text = json.loads(run("extract", str(text)).stdout)
    assert as_word["source"]["format"] == "docx" and as_text["source"]["format"] == "txt"
    assert as_text["source"]["encoding"] == "gb18030"
    assert as_word["title"] == as_text["title"] == "XX镇2025年工作总结"


def test_a_word_file_on_standard_input(tmp_path):
    result = run("clean", "-", input=report_to_docx(REPORT))
    assert result.exit_code == 0
    assert result.stdout == REPORT


def test_text_that_starts_like_a_magic_number_is_still_text():
    assert formats.sniff("BM区2025年工作总结\n".encode()) == "txt"
    assert formats.sniff(b"MZ-2025 summary\n") == "txt"
