"""A Word (.docx) file to lines of text, the way Word shows it.

Word's automatic numbering is not in a paragraph's text runs: a heading numbered by Word reads
"主要工作" while the page shows "一、主要工作". The marker is rendered here from numbering.xml (the
list's format and level text, its counters, restarts and start overrides), so that headings keep their
markers and levels. Heading styles and outline levels are passed on as evidence for levels. Tables
become rows of cells separated by tabs; text boxes, headers and footers are left out and recorded.

`body_lines` is the one reading order of a document: the writer (`docx_writing.py`) uses it to find
the paragraph each line of the text came from.
"""
from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .numerals import format_number
from .reading import EXIT_UNDECODABLE, EXIT_UNREADABLE, Decoded, Furniture, InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TEXT_TAGS = {W + "t": None, W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
NOT_BODY_TEXT = {W + "txbxContent", MC_FALLBACK, W + "del", W + "moveFrom"}  # text boxes, duplicate fallbacks, deletions
MARKER_ENDS_IN_PUNCTUATION = tuple("、.．)）]】:：,，")
MAX_LEVELS = 9
TITLE_OUTLINE = 0  # the outline level given to a paragraph in Word's Title style


@dataclass
class BodyLine:
    """One paragraph or table row of the body, as text. `marker` is the automatic number written before it."""

    element: object  # the w:p or w:tr element
    text: str
    marker: str = ""
    outline: int | None = None


@dataclass
class ListLevel:
    number_format: str = "decimal"
    level_text: str = ""
    start: int = 1
    suffix: str = "tab"
    legal: bool = False  # isLgl: every level shown as a decimal number


@dataclass
class Numbering:
    """numbering.xml: the levels of each list (numId) and the counters while reading the body in order."""

    levels: dict[str, dict[int, ListLevel]] = field(default_factory=dict)
    starts: dict[str, dict[int, int]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)

    def marker(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * MAX_LEVELS)
        counters[ilvl] = self._start(num_id, ilvl) if counters[ilvl] is None else counters[ilvl] + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            counters[deeper] = None
        level = levels[ilvl]
        text = level.level_text
        for shown in range(MAX_LEVELS - 1, -1, -1):
            placeholder = f"%{shown + 1}"
            if placeholder in text:
                value = counters[shown] if counters[shown] is not None else self._start(num_id, shown)
                fmt = "decimal" if level.legal else levels.get(shown, level).number_format
                text = text.replace(placeholder, format_counter(value, fmt))
        if level.number_format in ("bullet", "none"):
            return ""  # a bullet is a glyph in a symbol font, not a number the report's text holds
        return text + _separator(text, level.suffix)

    def _start(self, num_id: str, ilvl: int) -> int:
        override = self.starts.get(num_id, {}).get(ilvl)
        return override if override is not None else self.levels[num_id][ilvl].start


def _separator(marker: str, suffix: str) -> str:
    if suffix == "nothing" or not marker or marker.endswith(MARKER_ENDS_IN_PUNCTUATION):
        return ""
    return " "


HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
LEGAL_DIGITS = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PARENTHESISED = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
FULL_STOPPED = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _numeral(style: str) -> Callable[[int], str]:
    return lambda value: format_number(value, style)


def _cyclic(symbols: str) -> Callable[[int], str]:
    return lambda value: symbols[(value - 1) % len(symbols)]


def _enclosed(symbols: str) -> Callable[[int], str]:
    return lambda value: symbols[value - 1] if 1 <= value <= len(symbols) else str(value)


def _letters(value: int) -> str:
    return chr(ord("A") + (value - 1) % 26) * ((value - 1) // 26 + 1)


def _roman(value: int) -> str:
    out = ""
    for amount, letters in ROMAN:
        while value >= amount:
            out, value = out + letters, value - amount
    return out


# Word's number formats (ST_NumberFormat) → how a counter is written; an unknown format is written as a decimal.
COUNTER_FORMATS: dict[str, Callable[[int], str]] = {
    **dict.fromkeys(("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand"), _numeral("chinese")),
    "chineseLegalSimplified": lambda value: format_number(value, "chinese").translate(LEGAL_DIGITS),  # 壹 贰: 大写
    **dict.fromkeys(("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"), _numeral("chinese_digits")),  # 一〇
    **dict.fromkeys(("decimalFullWidth", "decimalFullWidth2"), _numeral("fullwidth")),
    "ideographTraditional": _cyclic(HEAVENLY_STEMS),  # 甲 乙 丙
    "ideographZodiac": _cyclic(EARTHLY_BRANCHES),  # 子 丑 寅
    **dict.fromkeys(("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"), _enclosed(CIRCLED)),
    "decimalEnclosedParen": _enclosed(PARENTHESISED),
    "decimalEnclosedFullstop": _enclosed(FULL_STOPPED),
    "decimalZero": lambda value: f"{value:02d}",
    "upperLetter": _letters,
    "lowerLetter": lambda value: _letters(value).lower(),
    "upperRoman": _roman,
    "lowerRoman": lambda value: _roman(value).lower(),
}


def format_counter(value: int, number_format: str) -> str:
    """A list counter as Word writes it in `number_format`."""
    if value < 0:
        return str(value)  # no list format counts below zero; a broken file may start one there
    return COUNTER_FORMATS.get(number_format, str)(value)


# ------------------------------------------------------------------ reading numbering.xml and styles
COUNTER_MAX = 10**6  # a list's start beyond this is a broken file, not a report


def _number(text: str | None, default: int, low: int = 0, high: int = MAX_LEVELS - 1) -> int:
    """An attribute's whole number within [low, high], or `default` where a damaged file holds anything else."""
    try:
        value = int(text) if text is not None else default
    except ValueError:
        return default
    return value if low <= value <= high else default


def _attr(element, tag: str, default: str | None = None) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val", default) if child is not None else default


def load_numbering(document) -> Numbering:
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return Numbering()
    abstract: dict[str, dict[int, ListLevel]] = {}
    for node in root.findall(W + "abstractNum"):
        abstract[node.get(W + "abstractNumId")] = {_number(lvl.get(W + "ilvl"), 0): _list_level(lvl) for lvl in node.findall(W + "lvl")}
    numbering = Numbering()
    for num in root.findall(W + "num"):
        num_id = num.get(W + "numId")
        numbering.levels[num_id] = dict(abstract.get(_attr(num, "abstractNumId") or "", {}))
        for override in num.findall(W + "lvlOverride"):
            ilvl = _number(override.get(W + "ilvl"), 0)
            start = _attr(override, "startOverride")
            if start is not None:
                numbering.starts.setdefault(num_id, {})[ilvl] = _number(start, 1, 0, COUNTER_MAX)
            lvl = override.find(W + "lvl")
            if lvl is not None:
                numbering.levels[num_id][ilvl] = _list_level(lvl)
    return numbering


def _list_level(lvl) -> ListLevel:
    return ListLevel(
        number_format=_attr(lvl, "numFmt", "decimal") or "decimal",
        level_text=_attr(lvl, "lvlText", "") or "",
        start=_number(_attr(lvl, "start"), 1, 0, COUNTER_MAX),
        suffix=_attr(lvl, "suff", "tab") or "tab",
        legal=lvl.find(W + "isLgl") is not None and _attr(lvl, "isLgl", "1") not in ("0", "false"),
    )


@dataclass
class StyleInfo:
    num_id: str | None = None
    ilvl: int = 0
    outline: int | None = None


def load_styles(document) -> dict[str, StyleInfo]:
    """Each paragraph style's numbering and outline level, following `basedOn` as Word does."""
    try:
        root = document.styles.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    raw = {s.get(W + "styleId"): s for s in root.findall(W + "style") if s.get(W + "type") in (None, "paragraph")}
    resolved: dict[str, StyleInfo] = {}

    def resolve(style_id: str, depth: int = 0) -> StyleInfo:
        if style_id in resolved or style_id not in raw or depth > 20:
            return resolved.get(style_id, StyleInfo())
        style = raw[style_id]
        parent = _attr(style, "basedOn")
        info = StyleInfo(**vars(resolve(parent, depth + 1))) if parent else StyleInfo()
        ppr = style.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is not None:
            info.num_id = _attr(num_pr, "numId", info.num_id)
            info.ilvl = _number(_attr(num_pr, "ilvl"), 0)
        info.outline = _outline_level(_attr(ppr, "outlineLvl"), info.outline)
        info.outline = _outline_from_name(_attr(style, "name") or "", info.outline)
        resolved[style_id] = info
        return info

    for style_id in raw:
        resolve(style_id)
    return resolved


def _outline_level(value: str | None, inherited: int | None) -> int | None:
    """Word's outlineLvl 0–8 is a heading of level 1–9; 9 is body text; none keeps what the style gave."""
    if value is None:
        return inherited
    level = _number(value, MAX_LEVELS, 0, MAX_LEVELS - 1)
    return level + 1 if level < MAX_LEVELS else None


def _outline_from_name(name: str, outline: int | None) -> int | None:
    """Built-in heading styles carry their level in the name (`heading 2`, `标题 2`); Title is the document's title."""
    lowered = name.lower().replace("标题", "heading ")
    if lowered.strip() == "title":
        return TITLE_OUTLINE
    words = lowered.split()
    if len(words) == 2 and words[0] == "heading" and words[1].isdigit():
        return int(words[1])
    return outline


# ------------------------------------------------------------------ the body in reading order
def body_lines(document) -> list[BodyLine]:
    """Every paragraph and table row of the body, in order, with Word's numbering written out."""
    numbering, styles = load_numbering(document), load_styles(document)
    return list(_body_items(document.element.body, numbering, styles))


def _body_items(container, numbering: Numbering, styles: dict[str, StyleInfo]) -> Iterator[BodyLine]:
    for child in container:
        if child.tag == W + "p":
            yield _paragraph_line(child, numbering, styles)
        elif child.tag == W + "tbl":
            yield from table_rows(child)
        elif child.tag == W + "sdt":  # a content control: its paragraphs are the body's too
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _body_items(content, numbering, styles)


def _paragraph_line(p, numbering: Numbering, styles: dict[str, StyleInfo]) -> BodyLine:
    ppr = p.find(W + "pPr")
    style = styles.get(_attr(ppr, "pStyle") or "", StyleInfo())
    num_id, ilvl = style.num_id, style.ilvl
    num_pr = ppr.find(W + "numPr") if ppr is not None else None
    if num_pr is not None:
        num_id = _attr(num_pr, "numId", num_id)
        ilvl = _number(_attr(num_pr, "ilvl"), ilvl)
    outline = _outline_level(_attr(ppr, "outlineLvl"), style.outline)
    text = paragraph_text(p)
    marker = numbering.marker(num_id, ilvl) if num_id not in (None, "0") and text.strip() else ""
    return BodyLine(p, text, marker, outline)


def paragraph_text(p) -> str:
    """The visible text of a paragraph: runs, tabs and breaks, not text boxes, deletions or duplicate fallbacks."""
    return "".join(text for _, text in text_elements(p))


def text_elements(element) -> Iterator[tuple[object, str]]:
    """The elements that show a paragraph's text (w:t, w:tab, w:br …) in order, each with the text it shows:
    the one traversal that reading and writing in place share."""
    for child in element:
        tag = child.tag
        if tag in NOT_BODY_TEXT:
            continue
        if tag in TEXT_TAGS:
            yield child, (child.text or "") if TEXT_TAGS[tag] is None else TEXT_TAGS[tag]
        elif tag != W + "instrText":
            yield from text_elements(child)


def table_rows(table) -> Iterator[BodyLine]:
    for row in table.iter(W + "tr"):
        if _enclosing_table(row) is not table:
            continue  # a nested table's rows are read inside their cell
        cells = [_cell_text(tc) for tc in row.findall(W + "tc")]
        yield BodyLine(row, "\t".join(cells))


def _enclosing_table(row):
    parent = row.getparent()
    while parent is not None and parent.tag != W + "tbl":
        parent = parent.getparent()
    return parent


def _cell_text(tc) -> str:
    pieces = []
    for child in tc:
        if child.tag == W + "p":
            pieces.append(paragraph_text(child))
        elif child.tag == W + "tbl":
            pieces.extend(row.text for row in table_rows(child))
    return " ".join(p.strip() for p in pieces if p.strip())


# ------------------------------------------------------------------ furniture
def furniture(document, body: list[BodyLine], line_of: list[int]) -> list[Furniture]:
    """Headers, footers and text boxes: left out of the text, listed with the line they stood at."""
    found: list[Furniture] = []
    seen: set[tuple[str, str]] = set()
    last_line = line_of[-1] if line_of else 1
    for section in document.sections:
        for where, part, line in _header_footer_parts(section, last_line):
            text = " ".join(paragraph_text(p) for p in part._element.iter(W + "p")).strip()
            if text and (where, text) not in seen:
                seen.add((where, text))
                found.append(Furniture(line, text, f"docx: page {where}, not part of the report's text"))
    for item, line in zip(body, line_of):
        for box in item.element.iter(W + "txbxContent"):
            if _inside_fallback(box):
                continue
            text = " ".join(paragraph_text(p) for p in box.iter(W + "p")).strip()
            if text:
                found.append(Furniture(line, text, "docx: text box, outside the report's flow"))
    return found


def _header_footer_parts(section, last_line: int):
    for attribute, where, line in (
        ("header", "header", 1),
        ("first_page_header", "header", 1),
        ("even_page_header", "header", 1),
        ("footer", "footer", last_line),
        ("first_page_footer", "footer", last_line),
        ("even_page_footer", "footer", last_line),
    ):
        part = getattr(section, attribute)
        if not part.is_linked_to_previous:
            yield where, part, line


def _inside_fallback(element) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag == MC_FALLBACK:
            return True
        parent = parent.getparent()
    return False


# ------------------------------------------------------------------ the whole file
def open_docx(data: bytes):
    try:
        import docx  # python-docx, imported only when a .docx comes
    except ImportError:
        raise InputError("reading .docx files needs python-docx: pip install python-docx", EXIT_UNREADABLE) from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as e:  # a broken package surfaces as zip, XML or key errors alike
        raise InputError(f"not a readable .docx file ({type(e).__name__}): save it again from Word", EXIT_UNDECODABLE) from None


def first_lines(body: list[BodyLine]) -> list[int]:
    """The line of the text read (1-based) on which each body item starts; a soft line break adds a line."""
    starts, line = [], 1
    for item in body:
        starts.append(line)
        line += item.text.count("\n") + 1
    return starts


def read_docx(data: bytes) -> Decoded:
    document = open_docx(data)
    body = body_lines(document)
    line_of = first_lines(body)
    outline = {line: item.outline for item, line in zip(body, line_of) if item.outline is not None and item.text.strip()}
    return Decoded(
        text="".join(item.marker + item.text + "\n" for item in body),
        encoding="utf-8",
        format="docx",
        furniture=tuple(furniture(document, body, line_of)),
        outline=outline,
    )
