"""A filled template written as a Word (.docx) file: in the official-document layout, or into the original's formatting.

Without `like`, the document is laid out as a Chinese official document (GB/T 9704-2012): A4, its
margins, 小标宋 title, 仿宋 body, 黑体/楷体/仿宋 headings as Word heading styles so the navigation pane
lists them. Fonts are named, never embedded: Word substitutes on machines that lack them.

With `like` (the .docx the template was extracted from), each paragraph keeps its paragraph and run
formatting: the new text is put in by a character diff against the old text, every change made inside
the run that held that position, so a bold word stays bold and a changed number keeps its run's font.
The number Word draws before a paragraph is not written into its text. Paragraphs with text the template
dropped (site noise) are deleted, except one that ends a section, which is emptied; blank paragraphs
stay. Table rows change cell by cell, only where their text changed; a row that produced no block stays
as it is. Headers, footers, styles, numbering and page setup are the original's, untouched. A template
extracted from any other file is refused (its sha256 must be that of `like`): its lines would point at
the wrong paragraphs.

python-docx is imported here only; the CLI imports this module when it writes a .docx.
"""
from __future__ import annotations

import difflib
import hashlib
import io
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass
from typing import Protocol, TypeVar

import regex

from .document import Block, Template
from .docx_reading import (
    BodyLine,
    W,
    body_lines,
    first_lines,
    open_docx,
    table_rows,
    text_elements,
)
from .template import FillError, fill_blocks

try:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt
except ImportError:  # raised as the one-line error the CLI prints
    raise FillError("writing .docx files needs python-docx: pip install python-docx") from None


@dataclass(frozen=True)
class Face:
    role: str
    font: str
    size_pt: float
    bold: bool
    why: str


FACES = (
    Face("title", "方正小标宋简体", 22, False, "GB/T 9704-2012: the title in 2号 (22 pt) 小标宋体"),
    Face("body", "仿宋_GB2312", 16, False, "GB/T 9704-2012: body text in 3号 (16 pt) 仿宋体"),
    Face("heading1", "黑体", 16, False, "GB/T 9704-2012: the first level of headings (一、) in 黑体"),
    Face("heading2", "楷体_GB2312", 16, False, "GB/T 9704-2012: the second level (（一）) in 楷体"),
    Face("heading3", "仿宋_GB2312", 16, True, "GB/T 9704-2012: third and deeper levels in 仿宋; bold sets them off from the body"),
)
FACE = {face.role: face for face in FACES}

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)  # A4
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)  # a 156 × 225 mm type area
BODY_LINE_SPACING = Pt(28)  # 22 lines on the 225 mm type area
TITLE_LINE_SPACING = Pt(36)  # a 22 pt line set at the body's 28 pt would clip its glyphs
FIRST_LINE_INDENT = Pt(32)  # two characters of 16 pt
NO_INDENT = Pt(0)
TITLE_SPACE_AFTER = BODY_LINE_SPACING  # the blank line the standard leaves below the title
HEADING_STYLE_LEVELS = range(1, 10)  # Word's built-in Heading 1..9
SIGNATURE_SECTION = "signature"
THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")  # a theme font wins over a named one
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
LINE_BREAK = regex.compile(r"\r\n|\r|\n")
NOT_XML_CHARACTER = regex.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
TEXT_PIECES = regex.compile(r"\r\n|[\r\n\t]|[^\r\n\t]+")
TAB_OR_BREAK = regex.compile(r"[\r\n\t]")


def write_docx(template: Template, values: dict[str, object] | None = None, *, strict: bool = False, like: bytes | None = None) -> bytes:
    """The filled template as .docx bytes: the official layout, or the formatting of `like`, the file it was extracted from."""
    filled = fill_blocks(template, values, strict)
    for block, text in filled:
        _check_writable(block, text)
    if like is None:
        return _write_official(filled)
    return _write_like(template, filled, like)


def _check_writable(block: Block, text: str) -> None:
    bad = NOT_XML_CHARACTER.search(block.before + text)
    if bad:
        raise FillError(f"block {block.id} holds the control character U+{ord(bad.group()):04X}, which a .docx cannot hold")


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


class Sliceable(Protocol):
    text: str

    def sliced(self, start: int, stop: int) -> Sliceable: ...


Piece = TypeVar("Piece", bound=Sliceable)


def _stripped(pieces: list[Piece]) -> list[Piece]:
    """The pieces of one line of text with the line's leading and trailing whitespace cut off."""
    text = "".join(p.text for p in pieces)
    begin, end = len(text) - len(text.lstrip()), len(text.rstrip())
    kept, position = [], 0
    for piece in pieces:
        start, stop = max(begin, position) - position, min(end, position + len(piece.text)) - position
        if start < stop:
            kept.append(piece.sliced(start, stop))
        position += len(piece.text)
    return kept


# ------------------------------------------------------------------ the official layout
@dataclass(frozen=True)
class Segment:
    """The part of one block that falls on one line of the output."""

    block: Block
    text: str

    def sliced(self, start: int, stop: int) -> Segment:
        return Segment(self.block, self.text[start:stop])


def _write_official(filled: list[tuple[Block, str]]) -> bytes:
    document = docx.Document()
    _set_page(document.sections[0])
    _restyle(document.styles)
    for line in _lines(filled):
        _add_line(document, line)
    return _save(document)


def _set_page(section) -> None:
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT


def _restyle(styles) -> None:
    normal = styles["Normal"]
    _apply_face(normal, FACE["body"])
    _set_spacing(normal.paragraph_format, BODY_LINE_SPACING, FIRST_LINE_INDENT)
    title = styles["Title"]
    _apply_face(title, FACE["title"])
    _remove_children(title.element.get_or_add_pPr(), "w:pBdr")  # the default template underlines its Title
    _set_spacing(title.paragraph_format, TITLE_LINE_SPACING, NO_INDENT)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = TITLE_SPACE_AFTER
    for level in HEADING_STYLE_LEVELS:
        heading = styles[f"Heading {level}"]
        _apply_face(heading, _heading_face(level))
        _set_spacing(heading.paragraph_format, BODY_LINE_SPACING, FIRST_LINE_INDENT)


def _set_spacing(paragraph_format, line_spacing, first_line_indent) -> None:
    paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph_format.line_spacing = line_spacing
    paragraph_format.first_line_indent = first_line_indent
    paragraph_format.space_before = paragraph_format.space_after = Pt(0)


def _apply_face(target, face: Face) -> None:
    """Name the font for Latin and East Asian text alike (`font.name` sets only the Latin ones)."""
    target.font.name = face.font
    target.font.size = Pt(face.size_pt)
    target.font.bold = face.bold
    target.font.italic = False
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), face.font)
    for attribute in THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    _remove_children(rpr, "w:color")  # automatic colour: black, not the template's blue


def _remove_children(element, tag: str) -> None:
    for child in element.findall(qn(tag)):
        element.remove(child)


def _heading_face(level: int) -> Face:
    return FACE[f"heading{min(level, 3)}"]


def _face(block: Block) -> Face:
    if block.kind == "title":
        return FACE["title"]
    if block.kind == "heading":
        return _heading_face(block.level or 1)
    return FACE["body"]


def _style_name(block: Block) -> str:
    if block.kind == "title":
        return "Title"
    if block.kind == "heading":
        return f"Heading {min(block.level or 1, HEADING_STYLE_LEVELS[-1])}"
    return "Normal"


def _lines(filled: list[tuple[Block, str]]) -> list[list[Segment]]:
    """The output's lines, blank ones left out, each trimmed: the layout's indent replaces typed spaces."""
    lines: list[list[Segment]] = [[]]
    for block, text in filled:
        first, *rest = LINE_BREAK.split(block.before + text)
        lines[-1].append(Segment(block, first))
        lines.extend([Segment(block, part)] for part in rest)
    return [trimmed for trimmed in map(_stripped, lines) if trimmed]


def _add_line(document, line: list[Segment]) -> None:
    """One paragraph in the style of the line's first block; a run-in paragraph after a heading gets the body's font."""
    lead = line[0].block
    paragraph = document.add_paragraph(style=_style_name(lead))
    if lead.section == SIGNATURE_SECTION:
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        paragraph.paragraph_format.first_line_indent = NO_INDENT
    for segment in line:
        run = paragraph.add_run(segment.text)
        if _face(segment.block) != _face(lead):
            _apply_face(run, _face(segment.block))


# ------------------------------------------------------------------ into the original's formatting
def _write_like(template: Template, filled: list[tuple[Block, str]], like: bytes) -> bytes:
    digest = hashlib.sha256(like).hexdigest()
    if digest != template.source.sha256:
        raise FillError(f"--like: the template was extracted from another file (sha256 {template.source.sha256[:12]}…), not from this one ({digest[:12]}…)")
    document = open_docx(like)
    body = body_lines(document)
    new_texts = _item_texts(filled, template.end, first_lines(body), _line_count(body))
    for index, item in enumerate(body):
        if index in new_texts:
            _rewrite(item, _without_marker(new_texts[index], item.marker))
        elif item.element.tag == W + "p" and item.text.strip():
            _drop_paragraph(item.element)
    return _save(document)


def _line_count(body: list[BodyLine]) -> int:
    return sum(item.text.count("\n") + 1 for item in body)


def _item_texts(filled: list[tuple[Block, str]], end: str, starts: list[int], line_count: int) -> dict[int, str]:
    """Each body item's new text: its blocks with the spaces between them that fall on its lines.

    A block's `before` runs from the end of the previous block's line to its own: the part before the
    first line break is the previous line's trailing space, the part after the last its own leading space.
    Within one paragraph (soft line breaks) the whole `before` stays.
    """
    pieces: dict[int, list[str]] = defaultdict(list)
    previous: int | None = None
    for block, text in filled:
        item = _item_of(block, starts, line_count)
        *earlier, inline = LINE_BREAK.split(block.before)
        if item == previous or not earlier:
            pieces[item].append(block.before)
        else:
            if previous is not None:
                pieces[previous].append(earlier[0])
            pieces[item].append(inline)
        pieces[item].append(text)
        previous = _item_at(block.line + block.text.count("\n"), starts)
    if previous is not None:
        pieces[previous].append(LINE_BREAK.split(end)[0])
    return {item: "".join(texts) for item, texts in pieces.items()}


def _item_of(block: Block, starts: list[int], line_count: int) -> int:
    if not 1 <= block.line <= line_count:
        raise FillError(f"block {block.id} is on line {block.line}, which the .docx does not have (it has {line_count})")
    return _item_at(block.line, starts)


def _item_at(line: int, starts: list[int]) -> int:
    return bisect_right(starts, line) - 1


def _without_marker(text: str, marker: str) -> str:
    """The text without the number Word draws in front of the paragraph."""
    for drawn in (marker, marker.rstrip()):
        if drawn and text.startswith(drawn):
            return text[len(drawn) :]
    return text


def _drop_paragraph(p) -> None:
    if p.find(f"{W}pPr/{W}sectPr") is not None:  # the paragraph ends a section: keep the break, empty the text
        _apply_diff(_paragraph_atoms(p), "")
    else:
        p.getparent().remove(p)


def _rewrite(item: BodyLine, new_text: str) -> None:
    atoms = _paragraph_atoms(item.element) if item.element.tag == W + "p" else _row_atoms(item.element)
    _apply_diff(atoms, new_text)


# ------------------------------------------------------------------ the visible text as pieces of XML
@dataclass(frozen=True)
class Atom:
    """A stretch of a paragraph's visible text and the element that holds it.

    `element` is a w:t (the text from `offset` in it), a one-character element (w:tab, w:br, …), an
    empty w:p where text can only be added as a new run, or None for the tab or space the reader puts
    between table cells and cell paragraphs, which no edit can touch.
    """

    element: object | None
    offset: int
    text: str

    @property
    def is_text(self) -> bool:
        return self.element is not None and self.element.tag == W + "t"

    def sliced(self, start: int, stop: int) -> Atom:
        return Atom(self.element, self.offset + start, self.text[start:stop])


def _paragraph_atoms(p) -> list[Atom]:
    """The paragraph's text as docx_reading reads it, element by element."""
    atoms = [Atom(element, 0, text) for element, text in text_elements(p) if text]
    return atoms or [Atom(p, 0, "")]




def _row_atoms(row) -> list[Atom]:
    """Mirrors docx_reading's table rows: cells joined by tabs, each cell's stripped paragraphs by spaces."""
    atoms: list[Atom] = []
    for index, cell in enumerate(row.findall(W + "tc")):
        if index:
            atoms.append(Atom(None, 0, "\t"))
        atoms.extend(_cell_atoms(cell))
    return atoms


def _cell_atoms(cell) -> list[Atom]:
    pieces: list[list[Atom]] = []
    for child in cell:
        if child.tag == W + "p":
            pieces.append(_paragraph_atoms(child))
        elif child.tag == W + "tbl":
            pieces.extend(_row_atoms(line.element) for line in table_rows(child))
    kept = [stripped for stripped in map(_stripped, pieces) if stripped]
    if not kept:
        first_paragraph = cell.find(W + "p")
        return [Atom(first_paragraph, 0, "")] if first_paragraph is not None else []
    joined = kept[0]
    for piece in kept[1:]:
        joined = joined + [Atom(None, 0, " ")] + piece
    return joined


# ------------------------------------------------------------------ editing in place
def _apply_diff(atoms: list[Atom], new_text: str) -> None:
    """Turn the atoms' text into `new_text`, each change made in the element that held its position.

    The edits run from the end backwards, so that the offsets of the ones still to come stay valid;
    one-character elements are removed only at the end, after text has been placed beside them.
    """
    old_text = "".join(a.text for a in atoms)
    if old_text == new_text:
        return
    positions = _positions(atoms)
    removed: list[object] = []
    matcher = difflib.SequenceMatcher(None, old_text, new_text, autojunk=False)  # autojunk would ignore 。 and ， in long paragraphs
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        _delete(atoms, positions, i1, i2, removed)
        if j1 < j2:
            _insert(atoms, positions, i1, new_text[j1:j2], after_preceding=tag == "insert")
    for element in removed:
        element.getparent().remove(element)


def _positions(atoms: list[Atom]) -> list[int]:
    positions, position = [], 0
    for atom in atoms:
        positions.append(position)
        position += len(atom.text)
    return positions


def _delete(atoms: list[Atom], positions: list[int], start: int, stop: int, removed: list[object]) -> None:
    for atom, position in zip(atoms, positions):
        begin, end = max(start, position), min(stop, position + len(atom.text))
        if begin >= end or atom.element is None:
            continue
        if atom.is_text:
            text = atom.element.text or ""
            cut_from, cut_to = atom.offset + begin - position, atom.offset + end - position
            _set_text(atom.element, text[:cut_from] + text[cut_to:])
        else:
            removed.append(atom.element)


def _insert(atoms: list[Atom], positions: list[int], index: int, text: str, after_preceding: bool) -> None:
    """Put `text` at `index`, in the run of the character before it (an insertion) or the one it replaces."""
    preceding, following = _atom_holding(atoms, positions, index - 1), _atom_holding(atoms, positions, index)
    candidates = (preceding, following) if after_preceding else (following, preceding)
    for candidate in candidates:
        if candidate is not None:
            atom, position = candidate
            _insert_at(atom, index - position, text)
            return
    anchor = next((a for a, position in zip(atoms, positions) if position == index and a.element is not None and not a.text), None)
    if anchor is None:
        raise FillError(f"no place in the .docx to write {text!r}")
    _insert_at(anchor, 0, text)


def _atom_holding(atoms: list[Atom], positions: list[int], index: int) -> tuple[Atom, int] | None:
    """The editable atom holding the character at `index`, with the position it starts at."""
    for atom, position in zip(atoms, positions):
        if position <= index < position + len(atom.text):
            return (atom, position) if atom.element is not None else None
    return None


def _insert_at(atom: Atom, offset: int, text: str) -> None:
    element = atom.element
    if atom.is_text:
        current, cut = element.text or "", atom.offset + offset
        if TAB_OR_BREAK.search(text):
            _set_text(element, current[:cut])  # what precedes the cut stays here, where earlier edits will look for it
            _add_after(element, _text_elements(text + current[cut:]))
        else:
            _set_text(element, current[:cut] + text + current[cut:])
    elif element.tag == W + "p":
        run = OxmlElement("w:r")
        run.extend(_text_elements(text))
        element.append(run)
    elif offset == 0:
        for new in _text_elements(text):
            element.addprevious(new)
    else:
        _add_after(element, _text_elements(text))


def _add_after(element, new_elements: list) -> None:
    for new in reversed(new_elements):
        element.addnext(new)


def _text_elements(text: str) -> list:
    """Text as Word writes it in a run: w:t for characters, w:br for a line break, w:tab for a tab."""
    elements = []
    for piece in TEXT_PIECES.findall(text):
        if piece == "\t":
            elements.append(OxmlElement("w:tab"))
        elif LINE_BREAK.fullmatch(piece):
            elements.append(OxmlElement("w:br"))
        else:
            t = OxmlElement("w:t")
            _set_text(t, piece)
            elements.append(t)
    return elements


def _set_text(t, text: str) -> None:
    t.text = text
    t.set(XML_SPACE, "preserve")  # Word drops leading and trailing spaces of a w:t without it


__all__ = ["FACES", "write_docx"]
