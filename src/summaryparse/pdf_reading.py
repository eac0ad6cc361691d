"""A PDF's text layer to lines of text, one paragraph a line, without its page numbers and running heads.

pdfminer.six gives every glyph with its box; the layout, not the punctuation, tells a wrapped line from the end
of a paragraph: a wrapped line runs to the right margin and the next one starts at the left margin, while a new
paragraph is indented, set apart by space, or opens with a heading marker. Page numbers and running heads are
lines at a page's top or bottom edge; they are left out and listed as furniture.
"""
from __future__ import annotations

import contextlib
import io
import logging
import statistics
import warnings
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from .formats import EXIT_NO_TEXT_LAYER
from .reading import EXIT_UNDECODABLE, Decoded, Furniture, InputError

NO_TEXT_LAYER = "this PDF has no text layer (a scan?): run OCR first"
NO_CHARACTER_MAP = "this PDF's fonts do not say which characters they draw: run OCR on it first"
UNMAPPED = "\ufffd"  # stands for a glyph pdfminer could not map to a character (it writes "(cid:N)")
UNMAPPED_SHARE = 0.1  # a symbol font here and there is tolerable; beyond this the text is not the document's
EOF_TAIL = 1024  # the PDF standard lets readers look for %%EOF only this far from the end

WORD_GAP_EMS = 0.25  # a gap this wide between Latin glyphs is a space that the PDF did not draw
SAME_ROW_EMS = 0.5  # pieces whose centres are closer than half a line's height share a row
FULL_LINE_SLACK_EMS = 1.5  # a left-aligned wrapped line stops short of the margin by less than the next character
INDENT_SLACK_EMS = 0.5  # a first-line indent is at least one character (usually two)
PARAGRAPH_GAP_PITCHES = 1.3  # space after a paragraph widens the gap to the next line beyond the usual pitch
FOOTER_GAP_PITCHES = 1.5  # a page number sits in the margin, clear of the body; a body line is one pitch away
EDGE_SHARE = 0.05  # the margins are where the outermost twentieth of the lines start and end (not one stray line)
MARGIN_ASYMMETRY = 28.0  # points: left and right margins differ by under a centimetre, so short lines are never "full"
RUNNING_HEAD_SHARE = 0.5  # a running head or foot is on most pages
MIN_RUNNING_HEAD_PAGES = 2
EDGE_ROWS = 2  # a page's top or bottom edge holds at most a running head and a page number

PAGE_NUMBER = regex.compile(
    r"""^(?:
        [-–—－~～]*\s*(?P<bare>\d{1,4})\s*[-–—－~～]*           # 3   - 3 -   — 3 —
      | 第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?    # 第3页   第 3 页 共 10 页
      | 共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页          # 共 10 页 第 3 页
      | \d{1,4}\s*/\s*\d{1,4}                                # 3/10
      | (?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?     # Page 3   Page 3 of 10
    )$""",
    regex.X | regex.I,
)
CHINESE_COUNT = "一二三四五六七八九十百零〇"
HEADING_MARKER = regex.compile(
    rf"""^(?:
        [{CHINESE_COUNT}]+\s*[、.．]                           # 一、
      | [（(]\s*[{CHINESE_COUNT}]+\s*[）)]                      # （一） (一)
      | \d{{1,3}}\s*[、．] | \d{{1,3}}\.(?!\d)                  # 1、 1． 1. (not 3.2万)
      | [（(]\s*\d{{1,3}}\s*[）)]                               # （1） (1)
      | [①-⑳⑴-⒇⒈-⒛]
      | 第[{CHINESE_COUNT}\d]+(?:部分|章|节|条|篇|[，,、：:])      # 第一部分 第二章 第一，
    )""",
    regex.X,
)
CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\u3000-\u303f\uff00-\uffef]")
LATIN_EDGE = regex.compile(r"[A-Za-z0-9]")
DIGITS = regex.compile(r"\d+")
SPACES = regex.compile(r"\s+")
LEADING_SPACE = regex.compile(r"^[^\S\u3000]+")  # the layout gives the indent; a drawn U+3000 indent may stay


@dataclass(frozen=True)
class Row:
    """One printed line of a page: its text and its box (PDF points, y upwards)."""

    page: int
    page_width: float
    text: str
    left: float
    right: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Layout:
    em: float  # a line's height: the unit of indents and slack
    pitch: float  # the usual baseline-to-baseline distance
    left_margin: float
    right_edge: float  # where a full line ends


def read_pdf(data: bytes) -> Decoded:
    """The text of a PDF with a text layer; InputError for a scan, a damaged or an encrypted file."""
    if b"%%EOF" not in data[-EOF_TAIL:]:
        raise InputError("this PDF is cut short (it has no end-of-file marker): save or download it again", EXIT_UNDECODABLE)
    pages = [_rows(page, number) for number, page in enumerate(_layout_pages(data))]
    if not any(pages):
        raise InputError(NO_TEXT_LAYER, EXIT_NO_TEXT_LAYER)
    layout = _measure([row for page in pages for row in page])
    bodies, furniture = _strip_furniture(pages, layout)
    if not any(bodies):
        raise InputError(NO_TEXT_LAYER, EXIT_NO_TEXT_LAYER)
    paragraphs, page_starts = _paragraphs(bodies, _measure([row for body in bodies for row in body]))
    text = "".join(line + "\n" for line in paragraphs)
    if text.count(UNMAPPED) > UNMAPPED_SHARE * len(text):
        raise InputError(NO_CHARACTER_MAP, EXIT_NO_TEXT_LAYER)
    return Decoded(
        text=text,
        encoding="unicode",
        format="pdf",
        furniture=tuple(_placed(furniture, page_starts, len(paragraphs))),
        outline={},
    )


def _layout_pages(data: bytes) -> Iterator:
    """pdfminer's pages one by one (never all at once: a page's glyphs are many objects), its errors as InputError."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    with _quiet_library():
        pages = extract_pages(io.BytesIO(data), laparams=LAParams(all_texts=True, boxes_flow=None))
        while True:
            try:
                page = next(pages)
            except StopIteration:
                return
            except (PDFPasswordIncorrect, PDFEncryptionError):
                raise InputError("this PDF is encrypted with a password: save an unprotected copy", EXIT_UNDECODABLE) from None
            except Exception as error:  # a damaged file surfaces as whatever its parser trips on (KeyError, PSEOF, ...)
                raise InputError(f"this PDF is damaged and cannot be read ({type(error).__name__})", EXIT_UNDECODABLE) from None
            yield page


@contextlib.contextmanager
def _quiet_library() -> Iterator[None]:
    """pdfminer logs and warns about every oddity of a file; the caller gets a result or one InputError instead."""
    logger = logging.getLogger("pdfminer")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def _rows(page, number: int) -> list[Row]:
    """The page's printed lines top to bottom; pieces of one line that pdfminer split at a wide gap are one row."""
    from pdfminer.layout import LTChar

    pieces = sorted(_text_lines(page), key=lambda line: -(line.y0 + line.y1))
    rows: list[list] = []
    for piece in pieces:
        if rows and abs(_centre(rows[-1][0]) - _centre(piece)) < SAME_ROW_EMS * piece.height:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    glyph_rows = (sorted((g for piece in row for g in piece if isinstance(g, LTChar)), key=lambda g: g.x0) for row in rows)
    return [row for glyphs in glyph_rows if (row := _row(glyphs, number, page.width))]


def _text_lines(container) -> Iterator:
    from pdfminer.layout import LTTextLine

    for item in container:
        if isinstance(item, LTTextLine):
            yield item
        elif hasattr(item, "__iter__"):
            yield from _text_lines(item)


def _centre(line) -> float:
    return (line.y0 + line.y1) / 2


def _row(glyphs: list, page: int, page_width: float) -> Row | None:
    inked = [g for g in glyphs if g.get_text().strip()]
    if not inked:
        return None
    text = LEADING_SPACE.sub("", _glyph_text(glyphs)).rstrip()
    return Row(page, page_width, text, min(g.x0 for g in inked), max(g.x1 for g in inked), max(g.y1 for g in inked), min(g.y0 for g in inked))


def _glyph_text(glyphs: list) -> str:
    """The glyphs' characters, with a space where Latin words stand apart without a drawn space between them."""
    out: list[str] = []
    previous = None
    for glyph in glyphs:
        char = _character(glyph)
        if previous is not None and glyph.x0 - previous.x1 > WORD_GAP_EMS * glyph.size and _spaced(out[-1], char):
            out.append(" ")
        out.append(char)
        previous = glyph
    return "".join(out)


def _character(glyph) -> str:
    text = glyph.get_text()
    return UNMAPPED if text.startswith("(cid:") else text


def _spaced(before: str, after: str) -> bool:
    return not (before.isspace() or after.isspace() or CJK.match(before[-1]) or CJK.match(after[0]))


def _measure(rows: list[Row]) -> Layout:
    em = statistics.median(row.top - row.bottom for row in rows)
    steps = [a.bottom - b.bottom for a, b in zip(rows, rows[1:]) if a.page == b.page and 0 < a.bottom - b.bottom < 3 * em]
    k = min(len(rows), max(2, int(len(rows) * EDGE_SHARE))) - 1
    left_margin = sorted(row.left for row in rows)[k]
    mirrored_margin = statistics.median(row.page_width for row in rows) - left_margin - MARGIN_ASYMMETRY
    return Layout(
        em=em,
        pitch=statistics.median(steps) if steps else 1.5 * em,
        left_margin=left_margin,
        right_edge=max(sorted((row.right for row in rows), reverse=True)[k], mirrored_margin),
    )


@dataclass(frozen=True)
class Removed:
    page: int
    at_top: bool
    text: str
    reason: str


def _strip_furniture(pages: list[list[Row]], layout: Layout) -> tuple[list[list[Row]], list[Removed]]:
    heads = _running_heads(pages)
    bodies, removed = [], []
    for page in pages:
        top = _edge_furniture(page, heads, layout, at_top=True)
        rest = page[len(top):]
        bottom = _edge_furniture(rest[::-1], heads, layout, at_top=False)
        bodies.append(rest[: len(rest) - len(bottom)])
        removed += top + bottom[::-1]
    return bodies, removed


def _running_heads(pages: list[list[Row]]) -> dict[str, int]:
    """Lines at a page's edge that repeat, digits aside, on most pages and never inside one → on how many pages."""
    counts = Counter(key for page in pages for key in {_key(row.text) for row in page[:EDGE_ROWS] + page[-EDGE_ROWS:]})
    inside = {_key(row.text) for page in pages for row in page[EDGE_ROWS:-EDGE_ROWS]}
    needed = max(MIN_RUNNING_HEAD_PAGES, RUNNING_HEAD_SHARE * len(pages))
    return {key: count for key, count in counts.items() if count >= needed and key not in inside}


def _key(text: str) -> str:
    return DIGITS.sub("#", SPACES.sub("", text))


def _edge_furniture(rows: list[Row], heads: dict[str, int], layout: Layout, at_top: bool) -> list[Removed]:
    """From the edge inwards: at most one page number and one running head, the first lines that are either."""
    found: list[Removed] = []
    reasons: set[str] = set()
    for i, row in enumerate(rows[:EDGE_ROWS]):
        inner = rows[i + 1] if i + 1 < len(rows) else None
        if "number" not in reasons and _is_page_number(row, inner, layout):
            reasons.add("number")
            found.append(Removed(row.page, at_top, row.text, "pdf: page number"))
        elif "head" not in reasons and _key(row.text) in heads:
            reasons.add("head")
            found.append(Removed(row.page, at_top, row.text, f"pdf: running head repeated on {heads[_key(row.text)]} pages"))
        else:
            break
    return found


def _is_page_number(row: Row, inner: Row | None, layout: Layout) -> bool:
    """A bare number is a page number only standing apart from the body: a body line may be a number too."""
    match = PAGE_NUMBER.match(row.text)
    if not match:
        return False
    if not match.group("bare") or inner is None:
        return True
    return abs(_baseline_gap(row, inner)) > FOOTER_GAP_PITCHES * layout.pitch


def _baseline_gap(a: Row, b: Row) -> float:
    return a.bottom - b.bottom


def _paragraphs(bodies: list[list[Row]], layout: Layout) -> tuple[list[str], list[int]]:
    """Rows joined into paragraphs across wraps and page breaks; and the paragraph each page's body starts in."""
    paragraphs: list[list[str]] = []
    page_starts: list[int] = []
    previous: Row | None = None
    for body in bodies:
        for i, row in enumerate(body):
            if previous is not None and _continues(previous, row, layout):
                _append(paragraphs[-1], row.text)
            else:
                paragraphs.append([row.text])
            if i == 0:
                page_starts.append(len(paragraphs) - 1)
            previous = row
        if not body:
            page_starts.append(len(paragraphs))
    return ["".join(pieces) for pieces in paragraphs], page_starts


def _continues(previous: Row, row: Row, layout: Layout) -> bool:
    """The row goes on with the paragraph of the row before: that one ran to the margin and this one is not a new start."""
    return (
        previous.right >= layout.right_edge - FULL_LINE_SLACK_EMS * layout.em
        and row.left <= layout.left_margin + INDENT_SLACK_EMS * layout.em
        and not HEADING_MARKER.match(row.text)
        and (row.page != previous.page or _baseline_gap(previous, row) <= PARAGRAPH_GAP_PITCHES * layout.pitch)
    )


def _append(pieces: list[str], text: str) -> None:
    if LATIN_EDGE.match(pieces[-1][-1]) and LATIN_EDGE.match(text[0]):
        pieces.append(" ")  # a Latin text wraps at a space, which the line break swallowed
    pieces.append(text)


def _placed(removed: list[Removed], page_starts: list[int], line_count: int) -> Iterator[Furniture]:
    """Each removed line at the line of the text that follows where it stood: its page's first line for a head."""
    for item in removed:
        following = item.page if item.at_top else item.page + 1
        index = page_starts[following] if following < len(page_starts) else line_count - 1
        yield Furniture(min(index, line_count - 1) + 1, item.text, item.reason)
