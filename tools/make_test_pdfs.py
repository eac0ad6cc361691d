"""Chinese PDFs for the tests, made with reportlab: a text report laid out as a word processor would print it.

`text_to_pdf(text)` turns any report into a PDF at test time; run this file to write the PDFs kept in
tests/data/pdf/ (a multi-page report with hard wraps, page numbers and a running head; a scan-like page).
Each line of the text is a paragraph: its leading spaces become a first-line indent, it is wrapped at a fixed
width, and Latin words and numbers are never split across lines, as Word does.
"""
from __future__ import annotations

import io
from pathlib import Path
from typing import NamedTuple

import regex
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "tests" / "data" / "pdf"

CID_FONT = "STSong-Light"  # built into reportlab and every PDF reader: no font file, no system font needed
FONT_SIZE = 12.0
CHARS_PER_LINE = 28
LINE_PITCH = 1.5 * FONT_SIZE  # "1.5 lines", the usual setting of an official report
TOP_MARGIN = BOTTOM_MARGIN = 72.0
HEAD_Y = A4[1] - 40.0  # header and footer sit in the margins, well clear of the body
FOOT_Y = 36.0
DEFAULT_HEAD = "XX局工作总结（内部资料）"
INDENT_WIDTHS = {" ": 0.5, "\xa0": 0.5, "\u3000": 1.0, "\t": 2.0}  # in characters: a Latin space is half a Chinese one
UNBREAKABLE = regex.compile(r"[A-Za-z0-9.%]+|\s+|.", regex.DOTALL)  # a Latin word or number wraps as a whole
NO_LINE_START = set("，。、；：？！）》」』”’%")  # Chinese line-breaking rule: these never open a line


def register_font(name: str = CID_FONT, path: str | None = None) -> str:
    """The font's name once reportlab knows it: the built-in CID font, or a TrueType file (for measuring)."""
    if name not in pdfmetrics.getRegisteredFontNames():
        if path:
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(name, path))
        else:
            pdfmetrics.registerFont(UnicodeCIDFont(name))
    return name


def wrap(paragraph: str, font: str, width: float, first_indent: float) -> list[str]:
    """The paragraph's printed lines; a closing mark that does not fit takes the piece before it down too."""
    lines: list[list[str]] = [[]]
    room = width - first_indent
    for piece in UNBREAKABLE.findall(paragraph):
        piece_width = _width(piece, font)
        if lines[-1] and piece_width > room + 0.01 and not piece.isspace():
            carried = [lines[-1].pop()] if piece in NO_LINE_START and len(lines[-1]) > 1 else []
            lines.append(carried)
            room = width - sum(_width(p, font) for p in carried)
        if lines[-1] or not piece.isspace():
            lines[-1].append(piece)
            room -= piece_width
    return ["".join(line).rstrip() for line in lines]


def _width(piece: str, font: str) -> float:
    return pdfmetrics.stringWidth(piece, font, FONT_SIZE)


def indent_of(line: str) -> tuple[float, str]:
    stripped = line.lstrip("".join(INDENT_WIDTHS))
    return sum(INDENT_WIDTHS[c] for c in line[: len(line) - len(stripped)]) * FONT_SIZE, stripped


def text_to_pdf(
    text: str,
    *,
    running_head: str | None = DEFAULT_HEAD,
    page_number: str | None = "- {n} -",
    page_number_at_top: bool = False,
    paragraph_gap: float = 0.25,
    chars_per_line: int = CHARS_PER_LINE,
    font: str = CID_FONT,
) -> bytes:
    """The text as an A4 PDF; `page_number` is a format with {n} and {total}; paragraph_gap is in lines."""
    if font == CID_FONT:
        register_font()
    width = chars_per_line * FONT_SIZE
    left = (A4[0] - width) / 2
    pages = _paginate(_laid_out_lines(text, font, width, paragraph_gap))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    for number, page in enumerate(pages, start=1):
        pdf.setFont(font, FONT_SIZE)
        if running_head:
            pdf.drawCentredString(A4[0] / 2, HEAD_Y, running_head)
        if page_number:
            label = page_number.format(n=number, total=len(pages))
            pdf.drawCentredString(A4[0] / 2, HEAD_Y - 18 if page_number_at_top else FOOT_Y, label)
        for y, line in page:
            _draw_line(pdf, font, left + line.indent, y, line.text, width - line.indent if line.justified else 0.0)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _draw_line(pdf: canvas.Canvas, font: str, x: float, y: float, line: str, justify_to: float) -> None:
    """A wrapped line is justified to the full width, as Word does Chinese text; a paragraph's last line is not."""
    text = pdf.beginText(x, y)
    text.setFont(font, FONT_SIZE)
    if justify_to and len(line) > 1:
        text.setCharSpace((justify_to - _width(line, font)) / (len(line) - 1))
    text.textOut(line)
    pdf.drawText(text)


class PrintedLine(NamedTuple):
    space_above: float  # points
    indent: float
    text: str
    justified: bool  # a wrapped line runs to the right margin; a paragraph's last line does not


def _laid_out_lines(text: str, font: str, width: float, paragraph_gap: float) -> list[PrintedLine]:
    """Every printed line of the text; a blank line of the text is blank space."""
    laid: list[PrintedLine] = []
    space = 0.0
    for source_line in text.splitlines():
        if not source_line.strip():
            space += LINE_PITCH
            continue
        indent, paragraph = indent_of(source_line.rstrip())
        lines = wrap(paragraph, font, width, indent)
        for i, line in enumerate(lines):
            laid.append(PrintedLine(LINE_PITCH + space, indent if i == 0 else 0.0, line, i < len(lines) - 1))
            space = 0.0
        space = paragraph_gap * LINE_PITCH
    return laid


def _paginate(laid: list[PrintedLine]) -> list[list[tuple[float, PrintedLine]]]:
    """(baseline y, line) per page; space above a page's first line is dropped, as a word processor does."""
    pages: list[list[tuple[float, PrintedLine]]] = [[]]
    y = A4[1] - TOP_MARGIN
    for line in laid:
        y -= line.space_above if pages[-1] else LINE_PITCH
        if y < BOTTOM_MARGIN:
            pages.append([])
            y = A4[1] - TOP_MARGIN - LINE_PITCH
        pages[-1].append((y, line))
    return pages


def scan_like_pdf() -> bytes:
    """One page holding only a picture of a page of text, as a scanner makes it: no text layer."""
    from reportlab.lib.utils import ImageReader
    from PIL import Image, ImageDraw

    image = Image.new("L", (240, 340), 255)
    draw = ImageDraw.Draw(image)
    for row in range(30, 320, 14):
        draw.line((24, row, 216 - (row * 7) % 60, row), fill=40, width=5)
    png = io.BytesIO()
    image.save(png, "PNG")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    report = (OUT / "report.txt").read_text(encoding="utf-8")
    (OUT / "report.pdf").write_bytes(text_to_pdf(report, paragraph_gap=0))
    (OUT / "scan.pdf").write_bytes(scan_like_pdf())
    for name in ("report.pdf", "scan.pdf"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
