"""Noise out, every removal recorded.

Rules decide only where they are certain (rules.NOISE_LINE_RULES match a whole line, or
rules.NOISE_INLINE_RULES a cut inside one). One pattern of whole blocks is removed by position:
the short lines of an advertising header above the title, when that header holds at least one
certain noise line. Anything else stays: losing a real sentence is worse than keeping an ad.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from . import rules
from .document import CleanText, Piece, Removal

LINE_BREAK = regex.compile(r"\r\n|\n|\r")
LINE_RULES = tuple((r, regex.compile(r.pattern)) for r in rules.NOISE_LINE_RULES)
INLINE_RULES = tuple((r, regex.compile(r.pattern)) for r in rules.NOISE_INLINE_RULES)
HEADING_START = regex.compile("|".join(f"(?:{s.pattern})" for s in rules.HEADING_STYLES))
SENTENCE_END = regex.compile(r"[。！？!?；;]\s*$")
HEADER_LINE_MAX = 40  # longer lines above a title are prose: kept
TITLE_SEARCH_LINES = 25  # the title stands near the top
REGEX_TIMEOUT = 1.0  # seconds per pattern and line; the patterns are linear, this only bounds the unforeseen


@dataclass(frozen=True)
class RawLine:
    number: int  # 1-based
    text: str
    newline: str


def split_lines(text: str) -> list[RawLine]:
    lines: list[RawLine] = []
    start = 0
    for number, m in enumerate(LINE_BREAK.finditer(text), start=1):
        lines.append(RawLine(number, text[start : m.start()], m.group()))
        start = m.end()
    if start < len(text) or not lines:
        lines.append(RawLine(len(lines) + 1, text[start:], ""))
    return lines


def clean(text: str, keep_noise: bool = False) -> CleanText:
    """Split `text` into lines and take the noise out; with keep_noise, only report what would go."""
    lines = split_lines(text)
    noise = {line.number: reason for line in lines if (reason := noise_line_reason(line.text))}
    noise.update(header_lines(lines, noise))
    noise.update(repeated_title(lines, noise))
    removed: list[Removal] = []
    pieces: list[Piece] = []
    for line in lines:
        if line.number in noise:
            removed.append(Removal(line.number, line.text, noise[line.number]))
            if keep_noise:
                pieces.append(Piece(line.number, line.text, line.newline))
            continue
        kept, cuts = cut_inline_noise(line)
        removed.extend(cuts)
        pieces.append(Piece(line.number, line.text if keep_noise else kept, line.newline))
    return CleanText(tuple(pieces), tuple(removed))


def noise_line_reason(text: str) -> str | None:
    stripped = text.strip(" \t\u3000\u00a0")
    if not stripped:
        return None
    for rule, pattern in LINE_RULES:
        if pattern.fullmatch(stripped, timeout=REGEX_TIMEOUT):
            return f"{rule.name}: {rule.reason}"
    return None


def cut_inline_noise(line: RawLine) -> tuple[str, list[Removal]]:
    cuts: list[Removal] = []
    for rule, pattern in INLINE_RULES:
        for m in pattern.finditer(line.text, timeout=REGEX_TIMEOUT):
            cuts.append(Removal(line.number, m.group(), f"{rule.name}: {rule.reason}", m.start(), m.end()))
    if not cuts:
        return line.text, []
    kept, taken, position = [], [], 0
    for cut in sorted(cuts, key=lambda r: r.start):
        if cut.start >= position:  # two rules may find the same cut: record it once
            kept.append(line.text[position : cut.start])
            taken.append(cut)
            position = cut.end
    kept.append(line.text[position:])
    return "".join(kept), taken


def find_title_line(lines: list[RawLine], noise: dict[int, str]) -> RawLine | None:
    """The first short line near the top that names a report (…工作总结, …述职报告)."""
    seen = 0
    for line in lines:
        stripped = line.text.strip()
        if not stripped or line.number in noise:
            continue
        seen += 1
        if seen > TITLE_SEARCH_LINES:
            return None
        if len(stripped) <= rules.TITLE_MAX and rules.TITLE_WORDS.search(stripped) and not SENTENCE_END.search(stripped) and not HEADING_START.match(stripped):
            return line
    return None


def header_lines(lines: list[RawLine], noise: dict[int, str]) -> dict[int, str]:
    """Short lines above the title that sit in a header with certain noise are part of that header."""
    title = find_title_line(lines, noise)
    if title is None:
        return {}
    above = [line for line in lines[: title.number - 1] if line.text.strip()]
    if not any(line.number in noise for line in above):
        return {}
    unknown = [line for line in above if line.number not in noise]
    if any(len(line.text.strip()) > HEADER_LINE_MAX or SENTENCE_END.search(line.text) for line in unknown):
        return {}
    return {line.number: f"header: {rules.HEADER_REASON}" for line in unknown}


def repeated_title(lines: list[RawLine], noise: dict[int, str]) -> dict[int, str]:
    """Sites print the title twice; the second copy directly after the first is noise."""
    title = find_title_line(lines, noise)
    if title is None:
        return {}
    for line in lines[title.number :]:
        if not line.text.strip():
            continue
        if line.text.strip() == title.text.strip():
            return {line.number: "repeated-title: the title printed twice by the site"}
        return {}
    return {}
