"""Word files the way clerks' Word makes them, for the tests: headings numbered by Word's automatic
numbering (the marker lives in numbering.xml, not in the text), heading styles, tables, headers,
footers and text boxes.

`report_to_docx(text)` turns a plain-text report into such a file: every typed marker (一、 （一） 1. （1）)
is taken out of the text and given to a list level instead, restarted with a start override where the
typed numbers restart, as Word does when a clerk picks "restart numbering".
"""
from __future__ import annotations

import io

import regex
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from summaryparse.numerals import parse_number

# (typed marker, Word number format, level text, paragraph style) by list level
LEVELS = (
    (regex.compile(r"^([一二三四五六七八九十]{1,3})、"), "chineseCounting", "%1、", "Heading 1"),
    (regex.compile(r"^[（(]([一二三四五六七八九十]{1,3})[）)]"), "chineseCounting", "（%2）", "Heading 2"),
    (regex.compile(r"^(\d{1,2})[.．](?!\d)"), "decimal", "%3.", None),
    (regex.compile(r"^[（(](\d{1,2})[）)]"), "decimal", "（%4）", None),
)
ABSTRACT_ID = "9001"  # far above the ids of the default template's own lists


def abstract_numbering() -> str:
    levels = "".join(list_level(i, fmt, text, suffix="nothing") for i, (_, fmt, text, _) in enumerate(LEVELS))
    return f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_ID}"><w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'


class ListNumbering:
    """Word's list instances: one per level, a new instance with a start override wherever numbers restart."""

    def __init__(self, document):
        self.root = document.part.numbering_part.element
        self.root.insert(0, parse_xml(abstract_numbering()))
        self.next_id = 100
        self.current: dict[int, tuple[str, int]] = {}  # level → (numId, next number it would show)

    def num_id(self, level: int, number: int) -> str:
        num_id, expected = self.current.get(level, (None, 1))
        if num_id is None or number != expected:
            num_id = str(self.next_id)
            self.next_id += 1
            self.root.append(
                parse_xml(
                    f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{ABSTRACT_ID}"/>'
                    f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{number}"/></w:lvlOverride></w:num>'
                )
            )
        self.current[level] = (num_id, number + 1)
        return num_id


def add_list(document, abstract_id: str, num_id: str, levels: str, overrides: str = "") -> None:
    """A list definition of `levels` (w:lvl elements) and one instance of it, `overrides` (w:lvlOverride) inside."""
    root = document.part.numbering_part.element
    root.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{levels}</w:abstractNum>'))
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'))


def list_level(ilvl: object, number_format: str, level_text: str, start: object = 1, suffix: str = "tab") -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
        f'<w:lvlText w:val="{level_text}"/><w:suff w:val="{suffix}"/></w:lvl>'
    )


def number_paragraph(paragraph, num_id: str, level: object) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def typed_marker(line: str) -> tuple[int, int, str] | None:
    """(level, number, text after the marker) of a line that starts with a typed list marker."""
    for level, (pattern, _, _, _) in enumerate(LEVELS):
        match = pattern.match(line)
        if match:
            return level, int(parse_number(match.group(1))), line[match.end() :].lstrip()  # Word's suffix spaces it
    return None


def report_to_docx(text: str, title_style: bool = False) -> bytes:
    """A .docx of a plain-text report with its markers moved into Word's automatic numbering."""
    document = Document()
    numbering = ListNumbering(document)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        found = typed_marker(line)
        if index == 0 and title_style and found is None:
            document.add_paragraph(line, style="Title")
            continue
        if found is None:
            document.add_paragraph(line)
            continue
        level, number, rest = found
        style = LEVELS[level][3]
        paragraph = document.add_paragraph(rest, style=style) if style else document.add_paragraph(rest)
        number_paragraph(paragraph, numbering.num_id(level, number), level)
    return save(document)


def save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_text_box(paragraph, text: str) -> None:
    """A floating text box anchored in `paragraph`, written both ways Word writes one (DrawingML and VML fallback)."""
    box = (
        f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml">'
        f"<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        f"</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t>"
        f"</w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(parse_xml(box))


def set_font(paragraph, size: float) -> None:
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
