"""What a file is, told by its first bytes, never by its name: the formats read and the formats refused.

A refused format gets one line that names it and, where there is one, the command that converts it,
and an exit code of its own, so that a batch script can tell a scan from a spreadsheet.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

CONVERT_TO_DOCX = "convert it first: soffice --headless --convert-to docx FILE"
RUN_OCR = "run OCR first"

EXIT_NO_TEXT_LAYER = 14
EXIT_LEGACY_OFFICE = 15
EXIT_RTF = 16
EXIT_IMAGE = 17
EXIT_ARCHIVE = 18
EXIT_EXECUTABLE = 19
EXIT_OTHER_OFFICE = 20


@dataclass(frozen=True)
class Refusal:
    what: str  # the format, as a clerk would name it
    advice: str
    code: int

    def message(self) -> str:
        return f"input is {self.what}, which summaryparse does not read: {self.advice}"


@dataclass(frozen=True)
class Magic:
    prefix: bytes
    offset: int
    refusal: Refusal
    reason: str


IMAGE = "an image; to read the report in it, " + RUN_OCR
MAGIC = (  # checked in order; the first whose bytes match names the file
    Magic(b"{\\rtf", 0, Refusal("an RTF document", CONVERT_TO_DOCX, EXIT_RTF), "RTF starts with its control word"),
    Magic(b"\x89PNG\r\n\x1a\n", 0, Refusal("a PNG image", IMAGE, EXIT_IMAGE), "PNG signature"),
    Magic(b"\xff\xd8\xff", 0, Refusal("a JPEG image", IMAGE, EXIT_IMAGE), "JPEG start-of-image marker"),
    Magic(b"GIF8", 0, Refusal("a GIF image", IMAGE, EXIT_IMAGE), "GIF87a / GIF89a"),
    Magic(b"BM", 0, Refusal("a BMP image", IMAGE, EXIT_IMAGE), "Windows bitmap header; real text never starts with BM and binary"),
    Magic(b"II*\x00", 0, Refusal("a TIFF image (a fax or a scan?)", IMAGE, EXIT_IMAGE), "little-endian TIFF"),
    Magic(b"MM\x00*", 0, Refusal("a TIFF image (a fax or a scan?)", IMAGE, EXIT_IMAGE), "big-endian TIFF"),
    Magic(b"WEBP", 8, Refusal("a WebP image", IMAGE, EXIT_IMAGE), "RIFF container holding WebP"),
    Magic(b"\x1f\x8b", 0, Refusal("a gzip archive", "unpack it and pass the reports inside", EXIT_ARCHIVE), "gzip member header"),
    Magic(b"7z\xbc\xaf\x27\x1c", 0, Refusal("a 7-Zip archive", "unpack it and pass the reports inside", EXIT_ARCHIVE), "7z signature"),
    Magic(b"Rar!\x1a\x07", 0, Refusal("a RAR archive", "unpack it and pass the reports inside", EXIT_ARCHIVE), "RAR signature"),
    Magic(b"\x7fELF", 0, Refusal("an executable program (ELF)", "pass the report itself", EXIT_EXECUTABLE), "ELF header"),
    Magic(b"MZ", 0, Refusal("a Windows executable", "pass the report itself", EXIT_EXECUTABLE), "DOS/PE header; only judged binary below"),
    Magic(b"\xcf\xfa\xed\xfe", 0, Refusal("a macOS executable", "pass the report itself", EXIT_EXECUTABLE), "64-bit Mach-O"),
    Magic(b"\xca\xfe\xba\xbe", 0, Refusal("a macOS executable or Java class", "pass the report itself", EXIT_EXECUTABLE), "fat Mach-O / class file"),
)
TEXT_LOOKING_MAGIC = (b"BM", b"MZ")  # two letters a text may start with: refused only when the file holds a zero byte

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OLE_STREAMS = (  # (directory name in UTF-16LE, format) inside an OLE compound file
    ("WordDocument", "a Word 97-2003 document (.doc)"),
    ("WpsContent", "a WPS document (.wps)"),
    ("Workbook", "an Excel 97-2003 workbook (.xls)"),
    ("PowerPoint Document", "a PowerPoint 97-2003 presentation (.ppt)"),
)
OLE_UNKNOWN = "an OLE compound document (.wps, .doc or another old Office file)"

ZIP_SIGNATURE = b"PK\x03\x04"
ZIP_PARTS = (  # (member that marks the package, format); a .docx is read, the others are refused
    ("word/document.xml", "docx"),
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
)
OPENDOCUMENT_TEXT = b"application/vnd.oasis.opendocument.text"


def sniff(data: bytes) -> str | Refusal:
    """`"txt"`, `"docx"` or `"pdf"` for the formats read, a Refusal for the others."""
    if data[:1024].lstrip(b"\r\n\t ").startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(ZIP_SIGNATURE):
        return _zip_format(data)
    if data.startswith(OLE_SIGNATURE):
        return _ole_format(data)
    for magic in MAGIC:
        if data[magic.offset : magic.offset + len(magic.prefix)] == magic.prefix:
            if magic.prefix in TEXT_LOOKING_MAGIC and b"\x00" not in data[:4096]:
                continue
            return magic.refusal
    return "txt"


def _zip_format(data: bytes) -> str | Refusal:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype") if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError):
        return Refusal("a damaged zip archive", "it may be a .docx cut short: save it again", EXIT_ARCHIVE)
    for member, what in ZIP_PARTS:
        if member in names:
            return "docx" if what == "docx" else Refusal(what, "save it as .docx or .txt", EXIT_OTHER_OFFICE)
    if mimetype.startswith(OPENDOCUMENT_TEXT):
        return Refusal("an OpenDocument text (.odt)", CONVERT_TO_DOCX, EXIT_OTHER_OFFICE)
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        return Refusal("an OpenDocument file", "save it as .docx or .txt", EXIT_OTHER_OFFICE)
    return Refusal("a zip archive", "unpack it and pass the reports inside", EXIT_ARCHIVE)


def _ole_format(data: bytes) -> Refusal:
    for stream, what in OLE_STREAMS:
        if stream.encode("utf-16-le") in data:
            return Refusal(what, CONVERT_TO_DOCX, EXIT_LEGACY_OFFICE)
    return Refusal(OLE_UNKNOWN, CONVERT_TO_DOCX, EXIT_LEGACY_OFFICE)
