"""Bytes to text: plain text in any of its encodings, Word (.docx) and PDF with a text layer; refusing the rest.

What a file is comes from its first bytes (formats.py), never from its name. Plain text is returned
exactly as decoded: line endings, full-width and non-breaking spaces stay, so that the template can give
the document back byte for byte. A .docx or a PDF is turned into lines by its own reader, which also
says what it left out (headers, footers, page numbers) and which lines the file itself calls headings.
"""
from __future__ import annotations

import codecs
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .formats import Refusal, sniff

DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # a report is a few KB; 20 MB is a whole collection


class InputError(ValueError):
    """The input cannot be read as a document. `code` is the process exit code the CLI uses."""

    code = 3

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message)
        if code is not None:
            self.code = code


@dataclass(frozen=True)
class Furniture:
    """Page furniture a reader left out of the text (a running head, a page number, a text box)."""

    line: int  # the line of the text read where it stood (1-based)
    text: str
    reason: str


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    bom: bool = False
    format: str = "txt"  # txt | docx | pdf
    furniture: tuple[Furniture, ...] = ()
    outline: Mapping[int, int] = field(default_factory=dict)  # line (1-based) → heading level the file's styles give it


BOMS = (  # (mark, codec that strips it, encoding as reported)
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)

# The most frequent characters of Chinese prose, simplified and traditional: real text is mostly made of
# them, bytes decoded with the wrong Chinese encoding are not.
COMMON_HAN = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所"
    "民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那"
    "社义事平形相全表间样与关各重新线内数正心反明看原又么利比或但质气第向道此变条只没结解问意建月公无系很情者最立代想已通并提直"
    "题党程展五果员位入常文总次品式活设及管特件长求基资边路级少图统接知较将组见计别期根论运农指区强放决做必先回则任取据处府研今"
    "這為個們來時說產種對會發動過現實體機當點從業開還後數關質氣題黨員總級組見計別論運農區強決處資邊與於將條對學導務設識會議進"
    "工作总结报告活动开展组织落实全面加强推进完成情况问题计划措施重点安全服务管理领导干部群众单位项目建设教育培训会议召开检查"
    "工作總結報告活動開展組織落實全面加強推進完成情況問題計劃措施重點安全服務管理領導幹部群眾單位項目建設教育培訓會議召開檢查"
)
PLAUSIBLE_SHARE = 0.25  # real reports in either script run at 0.5 and more; misdecoded bytes far below

EXIT_EMPTY = 4
EXIT_BINARY = 5
EXIT_UNDECODABLE = 6
EXIT_TOO_LARGE = 7
EXIT_TOO_COMPLEX = 13


def read_document(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """A file's text, whatever it is; InputError with a one-line reason and its own exit code when it cannot be read."""
    if len(data) > max_bytes:
        raise InputError(f"input is {len(data):,} bytes, above the limit of {max_bytes:,} (raise it with --max-bytes)", EXIT_TOO_LARGE)
    kind = sniff(data)  # nothing but whitespace sniffs as text, which decode refuses as empty
    if isinstance(kind, Refusal):
        raise InputError(kind.message(), kind.code)
    if kind == "docx":
        from .docx_reading import read_docx

        return _checked(read_docx(data))
    if kind == "pdf":
        from .pdf_reading import read_pdf

        return _checked(read_pdf(data))
    return decode(data)


def _checked(decoded: Decoded) -> Decoded:
    if not decoded.text.strip():
        raise InputError(f"the {decoded.format} file holds no text", EXIT_EMPTY)
    return decoded


def decode(data: bytes) -> Decoded:
    """Decode a text file's bytes; raise InputError with a one-line reason when they are not text."""
    if not data.strip():
        raise InputError("input is empty", EXIT_EMPTY)
    decoded = _decode_with_bom(data) or _decode_utf16_without_bom(data) or _decode_plain(data)
    if not decoded.text.strip():
        raise InputError("input holds no text", EXIT_EMPTY)
    if _looks_binary(decoded.text):
        raise InputError("input looks like a binary file, not text", EXIT_BINARY)
    return decoded


def _decode_with_bom(data: bytes) -> Decoded | None:
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise InputError(f"input starts with a {name} byte-order mark but is not {name}: {e.reason} at byte {e.start}", EXIT_UNDECODABLE) from None
            return Decoded(text, name, bom=True)
    return None


def _decode_utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 without a mark: its ASCII characters (digits, spaces, line ends) put zero bytes on one side only."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_zeros, odd_zeros = data[0::2].count(0), data[1::2].count(0)
    if odd_zeros >= 4 * even_zeros + 2:
        codec = "utf-16-le"
    elif even_zeros >= 4 * odd_zeros + 2:
        codec = "utf-16-be"
    else:
        return None
    try:
        return Decoded(data.decode(codec), "utf-16")
    except UnicodeDecodeError:
        return None


def _decode_plain(data: bytes) -> Decoded:
    if b"\x00" in data:
        raise InputError("input looks like a binary file, not text (it holds zero bytes)", EXIT_BINARY)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as e:
        raise InputError(f"input is neither UTF-8, UTF-16 nor GB18030 (undecodable byte at offset {e.start})", EXIT_UNDECODABLE) from None
    return _big5_if_better(data, text) or Decoded(text, "gb18030")


def _big5_if_better(data: bytes, gb_text: str) -> Decoded | None:
    """Big5 bytes decode as GB18030 too, into rare characters; a traditional report reads as common ones in Big5."""
    if _common_share(gb_text) >= PLAUSIBLE_SHARE:
        return None
    try:
        text = data.decode("big5")
    except UnicodeDecodeError:
        return None
    return Decoded(text, "big5") if _common_share(text) > max(_common_share(gb_text), PLAUSIBLE_SHARE / 2) else None


def _common_share(text: str) -> float:
    han = [c for c in text[:5000] if "\u4e00" <= c <= "\u9fff"]
    return sum(c in COMMON_HAN for c in han) / len(han) if han else 1.0


def _looks_binary(text: str) -> bool:
    """Control characters other than tab and line ends, or private-use and unassigned noise, mean a binary file."""
    sample = text[:20_000]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or "\ue000" <= c <= "\uf8ff" or c == "\ufffd")
    return bad > max(3, len(sample) // 100)


EXIT_MISSING = 3
EXIT_NOT_A_FILE = 11
EXIT_UNREADABLE = 12


def read_bytes(path: str) -> bytes:
    """A file's bytes, or `-` for standard input; InputError with a one-line reason otherwise."""
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file", EXIT_MISSING)
    if p.is_dir():
        raise InputError(f"{path}: is a folder, not a file", EXIT_NOT_A_FILE)
    try:
        return p.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror})", EXIT_UNREADABLE) from None
