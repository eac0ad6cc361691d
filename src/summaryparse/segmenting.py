"""Lines to blocks: the title, headings with their levels, paragraphs.

A heading that runs into its paragraph on one line becomes two blocks. A report copied as one
run-together line is cut before each heading marker that follows a sentence end, and into
sentences. Levels come from where each marker style first nests in the document (a style seen
under 一、 is one level below it); a style conventionally outside all seen so far goes above them.
A line that carries on a sentence hard-wrapped on the line above is never an unnumbered heading.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import regex

from . import rules
from .document import Block, CleanText

STYLE_PATTERNS = tuple((s.name, regex.compile(s.pattern)) for s in rules.HEADING_STYLES)
OUTLINE_LEVELS = range(1, 10)
OUTLINE_STYLES = frozenset(f"outline{n}" for n in OUTLINE_LEVELS)  # levels the file states: headings nest under them
STYLE_RANK = {s.name: s.rank for s in rules.HEADING_STYLES} | {
    # unnumbered styles: markdown heading marks by depth, plain lines at the top, whole-line bold inside
    **{f"md{n}": n for n in range(1, 7)},
    **{f"outline{n}": n for n in OUTLINE_LEVELS},  # a Word heading style without a number: its outline level
    "plain": 45,  # below every numbered style: in a numbered document a bare line is a caption or a sub-item
    "bold": 25,
}
NUMBERED_STYLES = frozenset(s.name for s in rules.HEADING_STYLES)
SENTENCE_END = "。！？!?"
HEADING_COLON_MAX = 20  # 一、主要工作：… splits at the colon only when what precedes it is heading-short
RUN_TOGETHER_MIN = 300  # a line this long holding several heading markers is a whole report run together
RUN_TOGETHER_LINES = 4  # a document of this few lines, one of them long, is a report that lost its line breaks
MARKER_ANYWHERE = regex.compile(
    r"(?<=[。！？；：:;!?…\s])\s*(?=" + "|".join(f"(?:{s.pattern})" for s in rules.HEADING_STYLES if s.name != "circled") + ")"
)
NESTED_MARKER = regex.compile(r"(?<=[^\d（(])(?:[（(][一二三四五六七八九十]{1,2}[）)]|[（(]\d{1,2}[）)])(?=[^\d）)]{2})|(?<=\p{Han})[1-9](?:、|[.．]\d(?!\d))(?=\p{Han}{2})")
SENTENCE_BOUNDARY = regex.compile(r"(?<=[。！？!?])(?=[^。！？!?”’）)\s])")
ONE_LINE_TITLE = regex.compile(r"^.{2,60}?(?:总结报告|述职报告|工作总结|工作汇报|总结|报告|汇报|述职)(?=\s*\S)")
PROSE_STOP = regex.compile(r"[。；！？;!?]|(?<!\d)\.(?!\d)")  # half-width stops end sentences too, decimals aside
DECIMAL_STYLES = frozenset({"decimal2", "decimal3"})
MEASURE_CHARS = frozenset("元万亿千米吨倍亩斤个人次件名家户天岁%")  # single-character units that follow a decimal, not a heading
UNIT_START = regex.compile("|".join(regex.escape(u.text) for u in sorted(rules.UNITS, key=lambda u: -len(u.text)) if u.kind != "date" and (len(u.text) > 1 or u.text in MEASURE_CHARS)))
SUBTITLE = regex.compile(r"^(?:——|—|--|[（(]).{1,40}$")
NOT_TITLE_END = "。；;：:，,！？!?"
WRAPPED_LINE_MIN = 24  # a hard-wrapped paragraph line is this long at least
WRAP_END_MARKS = "。.；;：:，,！？!?、”’\"'）)》】…—-~～|｜*"  # a line ending so was not broken off mid-sentence
TITLE_TAIL = regex.compile(r"^[^\s。；;：:，,！？!?、]{2,16}(?:计划|打算|思路|安排|要点|总结|报告|汇报|设想)$")  # 和下一步工作计划: the end of a title split over two lines


@dataclass
class Unit:
    """A piece of one line that will become one block."""

    text: str
    kind: str
    marker: str | None = None
    style: str | None = None


def segment(clean: CleanText, outline: Mapping[int, int] | None = None) -> tuple[list[Block], str]:
    """The blocks of the cleaned text, and the whitespace that follows the last one. `outline` (input line →
    heading level, from a Word file's heading styles and outline levels) is evidence the file itself gives."""
    blocks: list[Block] = []
    pending = ""
    run_together = is_run_together(clean)
    continuations: set[int] = set()  # blocks that carry on a sentence hard-wrapped on the line above
    for piece in clean.pieces:
        content = piece.text.strip()
        if not content:
            pending += piece.text + piece.newline
            continue
        leading = piece.text[: len(piece.text) - len(piece.text.lstrip())]
        trailing = piece.text[len(piece.text.rstrip()) :]
        first = not blocks
        wrapped = bool(blocks) and not pending.strip("\r\n") and find_marker(content)[0] is None and continues_wrapped_line(blocks[-1], pending)
        units = [Unit(content, "paragraph")] if wrapped else split_line(content, first_line=first, run_together=run_together)
        if wrapped:
            continuations.add(len(blocks))
        for i, unit in enumerate(units):
            before = pending + leading if i == 0 else ""
            blocks.append(Block(f"b{len(blocks) + 1}", unit.kind, None, unit.marker, before, unit.text, piece.line, unit.style))
        pending = trailing + piece.newline
    mark_title(blocks)
    promote_bare_headings(blocks, continuations)
    apply_outline(blocks, outline or {})
    assign_levels(blocks)
    return blocks, pending


def continues_wrapped_line(previous: Block, between: str) -> bool:
    """A line broken off mid-sentence (a long paragraph line ending without punctuation, the next line straight
    under it) is carried on by the next line, which is never an unnumbered heading: …全年累计开展业务培训\nXX 次，…"""
    text = previous.text.rstrip()
    return (
        previous.kind == "paragraph"
        and between.count("\n") + between.count("\r") - between.count("\r\n") == 1
        and len(text) >= WRAPPED_LINE_MIN
        and text[-1] not in WRAP_END_MARKS
    )


def is_run_together(clean: CleanText) -> bool:
    """A whole report on a line or two: the few lines there are hold nearly all the text."""
    lines = [p.text for p in clean.pieces if p.text.strip()]
    return 0 < len(lines) <= RUN_TOGETHER_LINES and max(len(t) for t in lines) >= RUN_TOGETHER_MIN


def split_line(content: str, first_line: bool = False, run_together: bool = False) -> list[Unit]:
    """One line's blocks: usually one; two for a run-in heading; many for a run-together report."""
    if run_together or (len(content) >= RUN_TOGETHER_MIN and len(rules.all_matches(MARKER_ANYWHERE, content)) >= 2):
        return split_run_together(content, first_line)
    return split_heading(content)


def split_run_together(content: str, first_line: bool) -> list[Unit]:
    units: list[Unit] = []
    title = ONE_LINE_TITLE.match(content) if first_line else None
    if title:
        units.append(Unit(title.group(), "paragraph"))
        content = content[title.end() :]
    for part in split_keeping_all(content, MARKER_ANYWHERE):
        units_of_part = split_heading(part)
        if units_of_part[0].kind != "heading" and find_marker(part)[0] is not None:
            units_of_part = split_heading_at_noun(part)
        head, *rest = units_of_part
        units.append(head)
        for unit in rest:
            units.extend([unit] if unit.kind == "heading" else _sentences(unit.text))
        if head.kind == "paragraph":
            units[-1:] = _sentences(head.text)
    return units


def _sentences(text: str) -> list[Unit]:
    return [u for sentence in split_keeping_all(text, SENTENCE_BOUNDARY) for u in split_unnumbered(sentence)]


def split_heading_at_noun(part: str) -> list[Unit]:
    """二、存在的问题上半年… : a marker whose heading runs on without punctuation ends at the section's noun."""
    marker, style = find_marker(part)
    m = rules.RUN_IN_HEADING_NOUN.match(part, len(marker))
    if m is None:
        return [Unit(part, "paragraph")]
    return [Unit(part[: m.end()], "heading", marker, style), Unit(part[m.end() :], "paragraph")]


def split_keeping_all(text: str, boundary: regex.Pattern) -> list[str]:
    """Cut `text` at zero-width `boundary` matches (and whitespace they span, kept with the left part)."""
    parts, start = [], 0
    for m in rules.all_matches(boundary, text):
        if m.end() > start and text[start : m.start()].strip():
            parts.append(text[start : m.end()] if m.group().isspace() else text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return [p for p in parts if p]


def split_heading(content: str) -> list[Unit]:
    """A heading line, a run-in heading and its paragraph, or a paragraph."""
    prefix, inner = markdown_prefix(content)
    marker, style = find_marker(inner)
    if marker is None:
        return split_unnumbered(content)
    body = inner[len(marker) :]
    head_end = heading_sentence_end(body)
    if head_end > rules.HEADING_SENTENCE_MAX:
        return [Unit(content, "paragraph")]
    return _heading_and_rest(content, len(prefix) + len(marker) + head_end, marker, style)


def split_unnumbered(content: str) -> list[Unit]:
    """Headings without a number: markdown marks, a bold lead phrase, a short titled line, a phrase then a space."""
    style = markdown_style(content)
    if style is not None:
        return [Unit(content, "heading", None, style)]
    bold = rules.MARKDOWN_BOLD_LEAD.match(content)
    if bold:
        return _heading_and_rest(content, bold.end(), None, "bold")
    if is_plain_heading(content):
        return [Unit(content, "heading", None, "plain")]
    spaced = rules.SPACED_HEADING.match(content)
    if spaced:
        return _heading_and_rest(content, spaced.end(1), None, "plain")
    return [Unit(content, "paragraph")]


def _heading_and_rest(content: str, end: int, marker: str | None, style: str) -> list[Unit]:
    """The heading, then what follows it, which may open with a heading of its own: （一）抓班风。1.建强班干部队伍。…"""
    rest = content[end:]
    if not rest.strip():
        return [Unit(content[:end], "heading", marker, style)]
    following = split_heading(rest) if find_marker(rest)[0] else [Unit(rest, "paragraph")]
    return [Unit(content[:end], "heading", marker, style), *following]


def markdown_prefix(content: str) -> tuple[str, str]:
    """Split off `### ` or an opening `**` so that the numbering marker after it can be read."""
    m = rules.MARKDOWN_HEADING.match(content)
    if m:
        return m.group(), content[m.end() :]
    if content.startswith("**"):
        return "**", content[2:]
    return "", content


def markdown_style(content: str) -> str | None:
    m = rules.MARKDOWN_HEADING.match(content)
    if m and content[m.end() :].strip():
        return f"md{len(m.group(1))}"
    if rules.MARKDOWN_BOLD_LINE.fullmatch(content):
        return "bold"
    return None


def find_marker(text: str) -> tuple[str | None, str | None]:
    for name, pattern in STYLE_PATTERNS:
        m = pattern.match(text)
        if m and len(text) > m.end() and not (name in DECIMAL_STYLES and UNIT_START.match(text, m.end())):
            return m.group(), name  # 2.3公里 is a measure, 2.3 客户分级 a heading
    return None, None


def heading_sentence_end(body: str) -> int:
    """Where the heading sentence ends: after its first 。！？, or after a colon close to the start."""
    ends = [i for i, c in enumerate(body) if c in SENTENCE_END or (c == "." and not body[i + 1 : i + 2].isdigit())]
    colon = next((i for i, c in enumerate(body[: HEADING_COLON_MAX + 1]) if c in "：:"), None)
    candidates = [i + 1 for i in ends[:1]] + ([colon + 1] if colon is not None else [])
    nested = NESTED_MARKER.search(body, 1)
    if nested:
        candidates.append(nested.start())  # 一、主要工作开展情况（一）提前谋划…: the sub-heading starts a block
    end = min(candidates) if candidates else len(body)
    while end < len(body) and body[end] in "”’）)*":  # a closing quote or bold mark belongs to the heading
        end += 1
    return end


def is_plain_heading(content: str) -> bool:
    """A short line of its own, without sentence punctuation, naming a part of a report: 存在的问题."""
    return (
        len(content) <= rules.PLAIN_HEADING_MAX
        and not content.startswith(("|", "｜", "-", "*"))  # table rows and list items are never headings
        and not any(c in "，。；,;！？!?、|｜：:" for c in content)
        and bool(rules.PLAIN_HEADING_CUES.search(content))
    )


def is_title_text(text: str) -> bool:
    core = text.strip("#* \t")
    return (
        0 < len(core) <= rules.TITLE_MAX
        and core[-1] not in NOT_TITLE_END
        and find_marker(core)[0] is None
        and bool(rules.TITLE_WORDS.search(core) or "工作" in core)
    )


def mark_title(blocks: list[Block]) -> None:
    """The title: the first block when it reads like one, or a unit-name line and the title under it; a subtitle too."""
    if not blocks:
        return
    if is_title_text(blocks[0].text):
        count = 1
    elif len(blocks) > 1 and is_unit_line(blocks[0].text) and is_title_text(blocks[1].text):
        count = 2
    else:
        return
    if len(blocks) > count and SUBTITLE.match(blocks[count].text) and blocks[count].kind != "heading":
        count += 1
    elif len(blocks) > count and continues_title(blocks[count - 1].text, blocks[count]):
        count += 1
    for block in blocks[:count]:
        block.kind, block.level, block.marker, block.style = "title", None, None, None


def continues_title(title: str, following: Block) -> bool:
    """The second line of a title split by the page: 市政园林局工作总结及2007政 / 研工作初步思路."""
    return (
        following.marker is None
        and not rules.TITLE_WORDS.search(title.strip()[-2:])
        and bool(TITLE_TAIL.match(following.text.strip()))
    )


def is_unit_line(text: str) -> bool:
    """A unit's name on the line above the title: short, with no punctuation and no marker."""
    core = text.strip("#* \t")
    return 0 < len(core) <= rules.UNIT_LINE_MAX and not any(c in NOT_TITLE_END for c in core) and find_marker(core)[0] is None


def promote_bare_headings(blocks: list[Block], continuations: set[int]) -> None:
    """A short bare line (思想政治方面, 以赛促研，提升教师专业水平) standing over prose is a heading."""
    for index, (block, following) in enumerate(zip(blocks, blocks[1:])):
        starts_line = "\n" in block.before or "\r" in block.before
        if starts_line and index not in continuations and block.kind == "paragraph" and following.kind == "paragraph" and is_bare_heading(block.text) and is_prose(following.text):
            block.kind, block.style = "heading", "plain"


def is_bare_heading(text: str) -> bool:
    return (
        len(text) <= rules.BARE_HEADING_MAX
        and text.count("，") + text.count(",") <= 1
        and not any(c in "。；;：:！？!?|｜、" for c in text)
        and not text[:1] in "-*>|"
        and not rules.DATE_LINE.fullmatch(text)
    )


def is_prose(text: str) -> bool:
    return len(text) >= rules.BARE_HEADING_PROSE_MIN and bool(PROSE_STOP.search(text))


def apply_outline(blocks: list[Block], outline: Mapping[int, int]) -> None:
    """A line Word styles as a heading is one, unless it reads as prose; a numbered one keeps its marker's style,
    which says more about its place than the style a clerk picked. The Title style marks the title."""
    if not outline:
        return
    first_of_line: dict[int, tuple[int, Block]] = {}
    for index, block in enumerate(blocks):
        first_of_line.setdefault(block.line, (index, block))
    titles_above = _first_not_title(blocks, 0)
    for line, level in outline.items():
        index, block = first_of_line.get(line, (0, None))
        if block is None or block.kind == "title":
            continue
        if level == 0:
            if index <= titles_above:  # only titles above it: the Title style still heads the report
                block.kind, block.level, block.marker, block.style = "title", None, None, None
                titles_above = _first_not_title(blocks, titles_above)
        elif block.style in NUMBERED_STYLES:
            block.kind = "heading"
        elif not is_prose(block.text) or len(block.text) <= rules.BARE_HEADING_MAX:
            block.kind, block.marker, block.style = "heading", None, f"outline{level}"


def _first_not_title(blocks: list[Block], start: int) -> int:
    return next((i for i in range(start, len(blocks)) if blocks[i].kind != "title"), len(blocks))


def assign_levels(blocks: list[Block]) -> None:
    """Levels by how the marker styles nest in this document: a style first seen under a heading of another
    style nests one level below that one (1、 under 一、 and, later, （一） under 二、 are both level 2); a numbered
    style conventionally outside every one seen so far (一、 found after a stray 1.) goes above them all. An
    unnumbered heading found once (引言) is a stray: nothing nests under it, so it cannot shift the levels below."""
    headings = [b for b in blocks if b.kind == "heading" and b.style]
    counts = Counter(b.style for b in headings)
    level: dict[str, int] = {}
    parent: str | None = None
    for b in headings:
        if b.style not in level:
            if _outside_all(b.style, level):
                level = {style: depth + 1 for style, depth in level.items()}
                level[b.style] = 1
            else:
                level[b.style] = level[parent] + 1 if parent in level else 1
        if b.style in NUMBERED_STYLES or b.style in OUTLINE_STYLES or counts[b.style] > 1:
            parent = b.style
    for b in blocks:
        if b.kind == "heading" and b.style:
            b.level = level[b.style]
        elif b.kind != "heading":
            b.marker = b.style = None


def _outside_all(style: str, level: dict[str, int]) -> bool:
    numbered = [s for s in level if s in NUMBERED_STYLES]
    return style in NUMBERED_STYLES and bool(numbered) and all(STYLE_RANK[style] < STYLE_RANK[s] for s in numbered)
