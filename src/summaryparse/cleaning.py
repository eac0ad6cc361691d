"""Noise out, every removal recorded.

Rules decide only where they are certain (rules.NOISE_LINE_RULES match a whole line, or
rules.NOISE_INLINE_RULES a cut inside one); the noise-line model then takes out short lines it is
sure of, never a guarded report line (rules.REPORT_LINE_GUARDS). One pattern of whole blocks is removed by position:
the short lines of an advertising header above the title, when that header holds at least one
certain noise line. Anything else stays: losing a real sentence is worse than keeping an ad.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from . import rules
from .document import CleanText, Piece, Removal
from .features import LINE_FEATURES_VERSION, line_vector
from .model_file import NOISE_FORMAT, packaged

LINE_BREAK = regex.compile(r"\r\n|\n|\r")
LINE_RULES = tuple((r, rules.LazyPattern(r.pattern)) for r in rules.NOISE_LINE_RULES)
INLINE_RULES = tuple((r, rules.LazyPattern(r.pattern)) for r in rules.NOISE_INLINE_RULES)
SITE_WORDS = tuple((w, regex.compile(w.pattern)) for w in rules.SITE_WORDS)
GUARDS = tuple(regex.compile(g.pattern) for g in rules.REPORT_LINE_GUARDS)
NOISE_MODEL_RESOURCE = "noise-lines.json"
# How sure the noise-line model must be: site noise wraps a report (above its title, below its last lines),
# while inside it short report lines can look like noise (本年度共阅读书籍十二本，撰写读书笔记两万余字。 0.93).
NOISE_MODEL_CERTAINTY = {"edge": 0.8, "body": 0.96}
EDGE_LINES = 4  # the last lines with text, where footers stand
HEADING_START = regex.compile("|".join(f"(?:{s.pattern})" for s in rules.HEADING_STYLES))
SENTENCE_END = regex.compile(r"[。！？!?；;]\s*$")
SENTENCE_STOP = regex.compile(r"[。！？!?]")
HAN = regex.compile(r"\p{Han}")  # a sentence broken off mid-word ends in one (a site's address above does not)
SENTENCE = regex.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”」』）)]?|$)")  # one sentence with its closing marks
HEADER_LINE_MAX = 40  # longer lines above a title are prose: kept
TITLE_SEARCH_LINES = 25  # the title stands near the top
RUN_TOGETHER_MIN = 300  # a line this long is a whole report run together: its edges may carry the site's noise
EDGE_BOUNDARY = regex.compile(r"(?<=[。！？!?】]|篇[一二三四五六七八九十]|\S)(?=\s|【)|(?<=[。！？!?】])|(?<=^\s*篇[一二三四五六七八九十])|(?<=\S)$")  # where a noise piece may end or begin
EDGE_SPAN = 300  # how far into a run-together line its edge noise may reach
EDGE_STRETCH = 8  # a noise piece grows over a following piece only this short: a breadcrumb's last item, not a title
LINK_LIST_HEAD = regex.compile(r"[【\[]?(?:相关推荐|相关文章|相关阅读|推荐阅读|延伸阅读|猜你喜欢|热门文章|相關推薦|相關閱讀)[】\]]?[:：]?")
LINK_TITLE_MAX = 40
RUNNING_HEAD_MAX = 30  # running heads and feet are short
RUNNING_HEAD_MIN = 3  # printed on three pages or more
CLAUSE_MARK = regex.compile(r"[，,；;]")
PROSE_MARK = regex.compile(r"[。，；！？,;!?]")  # a line with these is the report's prose, however often it recurs
TRAILING_MARKS = "。！!？?～~ \u3000"  # a noise line may end like a sentence
SENTENCE_NOISE_MAX = 32
SITE_TAIL_MAX = 6  # a noise sentence ends within this many characters of its last site word
SITE_FRAGMENT_MAX = 12  # a sentence this short with a site word goes with the noise sentence beside it  # a finished sentence inside a line is judged as noise only up to this length
NUMBERED_LINE_MIN = 10  # shorter numbered lines may be collection labels or page markers
BRACKETED_COPY = regex.compile(r"\s*【([^【】\n]{4,60})】")
TITLE_COPY_MIN = 4  # a bracketed run this long that the title holds is a copy of it
SITE_INTRO_REASON = "site-intro: the site's generic paragraph around the report, ending in its editor's line"
LINK_LIST_FROM = 0.6  # share of the lines after which a link list may stand


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
    opening = next((line.number for line in lines if line.text.strip()), 0)  # only the document's first line may open with a site intro
    cuts = {line.number: inline_noise(line, opens_document=line.number == opening) for line in lines}
    for line, cut in page_index_cuts(lines):
        _add_cut(cuts, line, cut)
    noise = {line.number: reason for line in lines if (reason := whole_line_reason(line, cuts[line.number]))}
    noise.update(terms_list_lines(lines, noise))
    noise.update(site_intro_lines(lines, noise, cuts))
    for line, verdict in collection_items(lines, noise):
        if isinstance(verdict, Removal):
            _add_cut(cuts, line, verdict)
        else:
            noise[line.number] = verdict
    title = find_title_line(lines, noise, cuts)
    title, copies = title_copies(lines, noise, title)
    noise.update(copies)
    for line, cut in bracketed_title_copies(lines, noise, title):
        _add_cut(cuts, line, cut)
    noise.update(model_noise_lines([line for line in lines if not cuts[line.number]], noise, title))
    noise.update(header_lines(lines, noise, title))
    noise.update(link_list_lines(lines, noise))
    noise.update(running_heads(lines, noise, title))
    removed: list[Removal] = []
    pieces: list[Piece] = []
    for line in lines:
        if line.number in noise:
            removed.append(Removal(line.number, line.text, noise[line.number]))
            if keep_noise:
                pieces.append(Piece(line.number, line.text, line.newline))
            continue
        removed.extend(cuts[line.number])
        pieces.extend([Piece(line.number, line.text, line.newline)] if keep_noise else pieces_between(line, cuts[line.number]))
    return CleanText(tuple(pieces), tuple(removed))


def _add_cut(cuts: dict[int, list[Removal]], line: RawLine, cut: Removal) -> None:
    """A cut found by position joins the line's rule cuts, in their order."""
    cuts[line.number] = sorted([*cuts[line.number], cut], key=lambda r: r.start)


def whole_line_reason(line: RawLine, cuts: list[Removal]) -> str | None:
    """Why the whole line is noise: judged on what its cuts leave, so that a cut cannot drag its sentence along."""
    if not cuts or not PROSE_MARK.search(line.text):  # a headline without prose marks cannot drag a sentence along
        if reason := noise_line_reason(line.text):
            return reason
    if not cuts:
        return None
    rest = "".join(p.text for p in pieces_between(line, cuts))
    if not any(c.isalnum() for c in rest):  # nothing but the cuts and their dots and spaces
        return cuts[0].reason
    return noise_line_reason(rest)


def pieces_between(line: RawLine, cuts: list[Removal]) -> list[Piece]:
    """The parts of a line around its cuts; a cut ends a block, so each part is a piece of its own."""
    parts, position = [], 0
    for cut in cuts:
        parts.append(line.text[position : cut.start])
        position = cut.end
    parts.append(line.text[position:])
    kept = [p for p in parts[:-1] if p] + [parts[-1]]
    return [Piece(line.number, part, "" if i < len(kept) - 1 else line.newline) for i, part in enumerate(kept)]


def noise_line_reason(text: str) -> str | None:
    """Why a whole line is noise: a certain rule, or site words enough for a short line."""
    stripped = text.strip().lstrip(">").strip().rstrip(TRAILING_MARKS)  # a quote mark or a final stop does not make a line content
    if not stripped:
        return None
    # 2.降低模具维修费用。【会员免费下载】…: a numbered item is the report's, whatever is glued to it
    numbered = bool(HEADING_START.match(stripped)) and len(stripped) > NUMBERED_LINE_MIN
    simplified = stripped.translate(rules.TRADITIONAL_TO_SIMPLIFIED)  # traditional characters are the same noise
    reason = rule_reason(stripped, simplified, numbered) or _terms_item(simplified)
    if reason or numbered or len(simplified) > rules.SITE_LINE_MAX or HEADING_START.match(simplified):
        return reason
    if SENTENCE_STOP.search(simplified) and not all(site_words(piece) for piece in SENTENCE_STOP.split(simplified) if piece.strip()):
        return None  # a finished sentence with no site word may be the report's: cut sentence by sentence
    words = site_words(simplified)
    if sum(w.weight for w in words) >= 2:
        return f"site-words: {', '.join(sorted({w.reason for w in words}))}"
    return None


def _terms_item(text: str) -> str | None:
    """One numbered item of a document site's terms, standing alone: 1、本站所有文档均来自网友上传，付费下载后不退款…"""
    if len(text) > rules.TERMS_ITEM_MAX or not rules.TERMS_ITEM.match(text):
        return None
    first_sentence = SENTENCE.match(text)  # 3.服务青年就业。试读已结束… is the report's item: its first sentence says nothing of the site
    if first_sentence is not None and _terms_weight(first_sentence.group()) > 0 and _terms_weight(text) >= rules.TERMS_ITEM_WEIGHT:
        return "terms: a document site's numbered terms and membership list"
    return None


def rule_reason(text: str, simplified: str, numbered: bool = False) -> str | None:
    """The first whole-line rule that matches the line as written or in simplified characters."""
    texts = (text,) if simplified == text else (text, simplified)
    for rule, lazy in LINE_RULES:
        if (numbered and not rule.numbered) or not rule.may_match(*texts):
            continue
        pattern = lazy.compiled
        if pattern.fullmatch(text, timeout=rules.REGEX_TIMEOUT) or (simplified != text and pattern.fullmatch(simplified, timeout=rules.REGEX_TIMEOUT)):
            return f"{rule.name}: {rule.reason}"
    return None


def site_words(text: str) -> list[rules.SiteWord]:
    """The site words in `text`, one entry per distinct word found (会员 and 下载 are two)."""
    found = []
    for word, pattern in SITE_WORDS:
        distinct = {m.group() for m in pattern.finditer(text, timeout=rules.REGEX_TIMEOUT)}
        found += [word] * len(distinct)
    return found


def inline_noise(line: RawLine, opens_document: bool = False) -> list[Removal]:
    """Cuts inside a line: paywall cuts anywhere, and noise sentences at the edges of a run-together line
    (opening the document, the site's intro too)."""
    simplified = line.text.translate(rules.TRADITIONAL_TO_SIMPLIFIED)  # same length: offsets hold in both
    cuts = [
        Removal(line.number, line.text[m.start() : m.end()], f"{rule.name}: {rule.reason}", m.start(), m.end())
        for rule, lazy in INLINE_RULES
        if rule.may_match(simplified)
        for m in rules.all_matches(lazy.compiled, simplified)
    ]
    cuts += [
        Removal(line.number, m.group(), "site-cut: a bracket or ellipsis of site words inside a paragraph", m.start(), m.end())
        for m in rules.all_matches(rules.SITE_CUT, line.text)
        if sum(w.weight for w in site_words(simplified[m.start() : m.end()])) >= 2 and m.end() - m.start() < len(line.text.strip())
    ]
    cuts += noise_sentences(line, _blanked(line.text, cuts))
    if len(line.text) >= RUN_TOGETHER_MIN:
        cuts += edge_noise(line, _blanked(line.text, cuts), opens_document)
    taken, position = [], 0
    for cut in sorted(cuts, key=lambda r: (r.start, -r.end)):
        if cut.start >= position:  # two rules may find the same cut: record it once, the longest
            taken.append(cut)
            position = cut.end
    return taken


def noise_sentences(line: RawLine, text: str) -> list[Removal]:
    """In a line that also holds a real sentence, the sentences that are noise: 服务无终点。开通会员即可查看全部内容>>

    Judged sentence by sentence so that a whole-line rule cannot take a report sentence along with the advert
    glued to it.
    """
    spans = [m.span() for m in rules.all_matches(SENTENCE, text) if m.group().strip()]
    if len(spans) < 2 or not rules.ANY_SITE_WORD.search(text.translate(rules.TRADITIONAL_TO_SIMPLIFIED), timeout=rules.REGEX_TIMEOUT):
        return []
    reasons = [sentence_reason(text[a:b], last=i == len(spans) - 1) for i, (a, b) in enumerate(spans)]
    reasons = [reason or _site_fragment_beside_noise(text[a:b], reasons, i) for i, ((a, b), reason) in enumerate(zip(spans, reasons))]
    return [Removal(line.number, line.text[a:b], f"sentence: {reason}", a, b) for (a, b), reason in zip(spans, reasons) if reason]


def sentence_reason(sentence: str, last: bool) -> str | None:
    """Whether a sentence inside a line is noise. A certain rule decides for a short sentence or one left
    unfinished (a long finished one may be an advert glued to a report sentence); site words decide only
    for the line's unfinished last piece: 。以上为预览部分，完整内容共4页"""
    stripped = sentence.strip()
    finished = bool(SENTENCE_END.search(stripped))
    stripped = stripped.rstrip(TRAILING_MARKS)
    if not stripped or (len(stripped) > SENTENCE_NOISE_MAX and finished):
        return None
    simplified = stripped.translate(rules.TRADITIONAL_TO_SIMPLIFIED)
    if last and not finished and len(stripped) <= SENTENCE_NOISE_MAX:
        return noise_line_reason(stripped) if _ends_in_site_words(simplified) else None  # 余下4页请登录后查看其中着力整治了：
    if not _ends_in_site_words(simplified):
        return None  # ▼以下为VIP专享内容▼一是领办合作社。: the report's sentence goes on after the advert
    return rule_reason(stripped, simplified)


def _ends_in_site_words(text: str) -> bool:
    found = rules.all_matches(rules.ANY_SITE_WORD, text)
    return not found or len(text) - found[-1].end() <= SITE_TAIL_MAX


def _site_fragment_beside_noise(sentence: str, reasons: list[str | None], index: int) -> str | None:
    """A very short sentence with a site word, next to a noise sentence, belongs to it: 积分不足？每日签到领积分…"""
    stripped = sentence.strip().translate(rules.TRADITIONAL_TO_SIMPLIFIED)
    beside = [reasons[j] for j in (index - 1, index + 1) if 0 <= j < len(reasons) and reasons[j]]
    if beside and len(stripped) <= SITE_FRAGMENT_MAX and site_words(stripped):
        return beside[0]
    return None


def _blanked(text: str, cuts: list[Removal]) -> str:
    """`text` with its cuts turned to spaces: the edges are judged on what the cuts leave."""
    chars = list(text)
    for cut in cuts:
        chars[cut.start : cut.end] = " " * (cut.end - cut.start)
    return "".join(chars)


def edge_noise(line: RawLine, text: str, opens_document: bool = False) -> list[Removal]:
    """Noise that opens or closes a whole report run together on one line, cut piece by piece.

    Each cut is the shortest noise piece at the edge, so that a loose rule cannot swallow the title after it.
    """
    cuts: list[Removal] = []
    start = _skip_space(text, 0)
    while start < EDGE_SPAN and (end := _shortest_noise_prefix(text, start, opens_document)) is not None:
        cuts.append(_cut(line, text, start, end, opening=opens_document))  # all before it is noise already
        start = _skip_space(text, end)
    end = len(text.rstrip())
    while end > len(text) - EDGE_SPAN and (begin := _shortest_noise_suffix(text, start, end)) is not None:
        cuts.append(_cut(line, text, begin, end, opening=False))
        end = len(text[:begin].rstrip())
    return cuts


def _cut(line: RawLine, text: str, start: int, end: int, opening: bool) -> Removal:
    return Removal(line.number, line.text[start:end], _edge_piece_reason(text[start:end], opening) or "", start, end)


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _shortest_noise_prefix(text: str, start: int, opening: bool) -> int | None:
    """The end of the shortest noise piece at `start`, stretched over a short tail that keeps it noise (首页 » 范文 » 总结)."""
    ends = [m.end() for m in rules.all_matches(EDGE_BOUNDARY, text, start, min(len(text), start + EDGE_SPAN))]
    found = next((i for i, end in enumerate(ends) if end > start and _edge_piece_reason(text[start:end], opening)), None)
    if found is None:
        return None
    end = ends[found]
    for longer in ends[found + 1 :]:
        if longer - end > EDGE_STRETCH or not _edge_piece_reason(text[start:longer], opening):
            break
        end = longer
    return end


def _edge_piece_reason(piece: str, opening: bool = False) -> str | None:
    """A noise piece at the edge of a run-together report: site noise, or, opening the document, the site's generic
    intro ending in its editor's line (further in, a report sentence may stand before an editor's line)."""
    if reason := noise_line_reason(piece):
        return reason
    return SITE_INTRO_REASON if opening and _site_intro(piece.strip()) else None


def _shortest_noise_suffix(text: str, start: int, end: int) -> int | None:
    begins = [m.start() for m in rules.all_matches(EDGE_BOUNDARY, text, max(start, end - EDGE_SPAN), end)]
    return next((begin for begin in reversed(begins) if start < begin < end and noise_line_reason(text[begin:end])), None)


def model_noise_lines(lines: list[RawLine], noise: dict[int, str], title: RawLine | None) -> dict[int, str]:
    """Short lines the rules kept that the noise-line model is sure of: new wordings of known kinds of noise.

    Never the title, a numbered heading, a guarded report line (table row, signature, date), a line with
    cuts or one holding a finished sentence before more text: what is left there may be the report's."""
    model = packaged(NOISE_MODEL_RESOURCE, LINE_FEATURES_VERSION, NOISE_FORMAT)
    with_text = [line.number for line in lines if line.text.strip() and line.number not in noise]
    footer = with_text[-EDGE_LINES] if len(with_text) >= EDGE_LINES else 0
    found: dict[int, str] = {}
    for line in lines:
        stripped = line.text.strip()
        if line.number in noise or not stripped or line is title or len(stripped) > rules.SITE_LINE_MAX:
            continue
        if _guarded(stripped) or SENTENCE_STOP.search(stripped.rstrip(TRAILING_MARKS)) or _clause_sentence(stripped) or rules.PLAIN_HEADING_CUES.search(stripped):
            continue
        at_edge = (title is not None and line.number < title.number) or line.number >= footer
        certainty = model.probabilities(line_vector(stripped))[1]
        if certainty >= NOISE_MODEL_CERTAINTY["edge" if at_edge else "body"]:
            found[line.number] = f"noise-model: the noise-line model is {certainty:.0%} sure this line is site noise"
    return found


def _clause_sentence(text: str) -> bool:
    """A line of clauses ending in a full stop reads as the report's sentence: 最后，我们主动开放课堂，邀请家长来听课。"""
    return bool(CLAUSE_MARK.search(text) and SENTENCE_END.search(text))


def find_title_line(lines: list[RawLine], noise: dict[int, str], cuts: dict[int, list[Removal]]) -> RawLine | None:
    """The first short line near the top that names a report (…工作总结, …述职报告), judged on what its cuts leave."""
    seen = 0
    for line in lines:
        stripped = _kept_text(line, cuts[line.number]).strip()
        if not stripped or line.number in noise:
            continue
        seen += 1
        if seen > TITLE_SEARCH_LINES:
            return None
        if _title_like(stripped):
            return line
    return None


def _title_like(text: str) -> bool:
    return len(text) <= rules.TITLE_MAX and bool(rules.TITLE_WORDS.search(text.translate(rules.TRADITIONAL_TO_SIMPLIFIED))) and not SENTENCE_END.search(text) and not HEADING_START.match(text) and not PROSE_MARK.search(text)


def _kept_text(line: RawLine, cuts: list[Removal]) -> str:
    return "".join(p.text for p in pieces_between(line, cuts)) if cuts else line.text


def title_copies(lines: list[RawLine], noise: dict[int, str], title: RawLine | None) -> tuple[RawLine | None, dict[int, str]]:
    """Sites print the title again (page title, headline, over the text): the copy that heads the report is the
    title, the last of those standing with nothing but noise between them; the others are noise."""
    if title is None:
        return None, {}
    wanted, copies, last = _bare_title(title.text), {}, title
    for line in lines[title.number :]:
        stripped = line.text.strip()
        if not stripped or line.number in noise:
            continue
        if _bare_title(stripped) != wanted:
            break
        copies[last.number] = "repeated-title: a copy of the title printed by the site"
        last = line
    return last, copies


def _bare_title(text: str) -> str:
    return text.strip().strip("#*《》【】[] \t\u3000")


def bracketed_title_copies(lines: list[RawLine], noise: dict[int, str], title: RawLine | None) -> list[tuple[RawLine, Removal]]:
    """【title】 glued before a later line is the site's running copy of the title: 【…半年总结】(三)…"""
    if title is None:
        return []
    wanted = _bare_title(title.text)
    found = []
    for line in lines[title.number :]:
        m = BRACKETED_COPY.match(line.text)
        if m and line.number not in noise and len(m.group(1)) >= TITLE_COPY_MIN and m.group(1) in wanted and m.end() < len(line.text.rstrip()):
            found.append((line, Removal(line.number, m.group(), "repeated-title: the title printed again before a paragraph", m.start(), m.end())))
    return found


def site_intro_lines(lines: list[RawLine], noise: dict[int, str], cuts: dict[int, list[Removal]]) -> dict[int, str]:
    """The generic paragraph a site puts above a report (what a summary is, why one writes it), ending in the
    editor's line (下面是小编整理的…, 希望对你有帮助), or with that line standing on the next line: the whole
    paragraph is the site's, not only its last sentence. Above the report only, every line before it noise or
    a short headline; below the report, the same paragraph when the site speaks in it in its own voice (小编, 为大家整理)."""
    found: dict[int, str] = {}
    for ordered, cue, editor_line_may_follow in ((lines, rules.ANY_EDITOR_CUE, True), (lines[::-1], rules.SITE_VOICE_CUE, False)):
        with_text = [line for line in ordered if line.text.strip()]
        for index, line in enumerate(with_text):
            if line.number in noise or line.number in found:
                continue
            text = _intro_text(line, cuts)
            following = with_text[index + 1] if index + 1 < len(with_text) else None
            if not HEADING_START.match(text) and (_site_intro(text, cue) or (editor_line_may_follow and _editor_line_follows(following, noise, text, cuts))):
                found[line.number] = SITE_INTRO_REASON
                continue
            if len(text) > rules.TITLE_MAX or SENTENCE_END.search(text):
                break
    return found


def _intro_text(line: RawLine, cuts: dict[int, list[Removal]]) -> str:
    """A line as an intro is judged: without its bracketed cuts (a report sentence may carry a paywall cut), with its editor's sentence."""
    return _kept_text(line, [c for c in cuts[line.number] if not c.reason.startswith("sentence:")]).strip()


def _editor_line_follows(following: RawLine | None, noise: dict[int, str], paragraph: str, cuts: dict[int, list[Removal]]) -> bool:
    """The site's generic paragraph with its editor's line printed on a line of its own straight under it."""
    if following is None or following.number not in noise or len(paragraph) > rules.SITE_INTRO_MAX or not SENTENCE_END.search(paragraph):
        return False
    return bool(rules.ANY_EDITOR_CUE.search(_intro_text(following, cuts).translate(rules.TRADITIONAL_TO_SIMPLIFIED), timeout=rules.REGEX_TIMEOUT))


def _site_intro(text: str, cue: regex.Pattern = rules.ANY_EDITOR_CUE) -> bool:
    """A paragraph whose last sentences hold an editor's cue."""
    if len(text) > rules.SITE_INTRO_MAX:
        return False
    sentences = [m.group() for m in rules.all_matches(SENTENCE, text) if m.group().strip()]
    return any(cue.search(s.translate(rules.TRADITIONAL_TO_SIMPLIFIED), timeout=rules.REGEX_TIMEOUT) for s in sentences[-2:])


def terms_list_lines(lines: list[RawLine], noise: dict[int, str]) -> dict[int, str]:
    """A document-sharing site's numbered terms (本文档共15页, 付费, VIP 权益, 举报电话): a run of list items that
    each speak of the site, heavily on average. A report's own list holds no such words, or one by chance."""
    runs: list[list[tuple[RawLine, int]]] = [[]]
    for line in lines:
        if not line.text.strip():
            continue
        weight = _terms_weight(line.text.translate(rules.TRADITIONAL_TO_SIMPLIFIED)) if rules.TERMS_ITEM.match(line.text) else 0
        if weight:
            runs[-1].append((line, weight))
        elif runs[-1]:
            runs.append([])
    terms = [run for run in runs if len(run) >= rules.TERMS_MIN_ITEMS and sum(w for _, w in run) >= rules.TERMS_MEAN_WEIGHT * len(run)]
    return {item.number: "terms: a document site's numbered terms and membership list" for run in terms for item, _ in run if item.number not in noise}


def _terms_weight(text: str) -> int:
    """How much a list item speaks of the site; an address glued to a report's item says nothing of that."""
    return sum(w.weight for w in site_words(text) if w.reason != "addresses")


def page_index_cuts(lines: list[RawLine]) -> list[tuple[RawLine, Removal]]:
    """A document site's page number glued to the start of a line that continues the sentence broken off above."""
    found = []
    for before, line in zip(lines, lines[1:]):
        above = before.text.rstrip()
        m = rules.PAGE_INDEX.match(line.text)
        if m and len(above) >= rules.PAGE_INDEX_BEFORE_MIN and HAN.match(above[-1]) and line.text[m.end() : m.end() + 1].isalpha():
            found.append((line, Removal(line.number, m.group(), "page-index: a document site's page number inside a broken sentence", m.start(), m.end())))
    return found


def collection_items(lines: list[RawLine], noise: dict[int, str]) -> list[tuple[RawLine, Removal | str]]:
    """A labelled item of a collection page (篇一：《…总结》, 第1篇 …, …总结 篇1, …【第一篇】): the label is noise; the
    title after it is the site's too on a collection page (a collection headline or the page's own headline above,
    or the same title in the site's lines above) or when the report's own title follows; otherwise it is the
    report's title."""
    found: list[tuple[RawLine, Removal | str]] = []
    site_text, on_collection_page = "", False
    for index, line in enumerate(lines):
        if line.number in noise:
            site_text += line.text + "\n"
            on_collection_page = on_collection_page or noise[line.number].split(":")[0] in rules.COLLECTION_CONTEXT_RULES
            continue
        label = _collection_label(line.text)
        if label is None:
            on_collection_page = on_collection_page or _title_like(line.text.strip())  # the page's own headline: an item below it is another report
            continue
        rest = (line.text[: label[0]] + line.text[label[1] :]).strip()
        if not _title_like(rest) or (not _counts_items(line.text[label[0] : label[1]]) and not rules.REPORT_NAME_END.search(rest)):
            continue  # 【一】工作成效 is a heading: a bare bracketed number labels an item only before a report's name
        if on_collection_page or _bare_title(rest) in site_text or _title_follows(lines[index + 1 :], noise):
            found.append((line, "collection-item: an item label and title of a collection page"))
        else:
            found.append((line, Removal(line.number, line.text[label[0] : label[1]], "collection-label: the item label of a collection page", *label)))
    return found


def _counts_items(label: str) -> bool:
    return "篇" in label or "范文" in label or label.strip("()（） ").isdigit()


def _collection_label(text: str) -> tuple[int, int] | None:
    """Where a collection label stands in a line with more text: at its start (篇一：…) or at its end (…总结 篇1)."""
    for m in (rules.COLLECTION_LABEL_BEFORE.match(text), rules.COLLECTION_LABEL_AFTER.search(text, timeout=rules.REGEX_TIMEOUT)):
        if m and m.group().strip() and m.end() - m.start() < len(text.strip()):
            return m.start(), m.end()
    return None


def _title_follows(lines: list[RawLine], noise: dict[int, str]) -> bool:
    """Whether the next line with text is a title of its own: the report below has its own headline."""
    for line in lines:
        stripped = line.text.strip()
        if stripped and line.number not in noise:
            return _title_like(stripped) and _collection_label(stripped) is None
    return False


def header_lines(lines: list[RawLine], noise: dict[int, str], title: RawLine | None) -> dict[int, str]:
    """Short lines above the title sandwiched between certain noise lines are part of that advertising header."""
    if title is None:
        return {}
    above = [line for line in lines[: title.number - 1] if line.text.strip()]
    if not any(line.number in noise for line in above):
        return {}
    noise_lines = [line.number for line in above if line.number in noise]
    unknown = [line for line in above if line.number not in noise and noise_lines[0] < line.number < noise_lines[-1]]
    if any(len(line.text.strip()) > HEADER_LINE_MAX or SENTENCE_END.search(line.text) for line in unknown):
        return {}
    return {line.number: f"header: {rules.HEADER_REASON}" for line in unknown}


def running_heads(lines: list[RawLine], noise: dict[int, str], title: RawLine | None) -> dict[int, str]:
    """A short line printed again and again down the document is a converted PDF's running head or foot
    (a site or office name, 内部资料): report lines do not repeat verbatim, headings and guarded lines aside."""
    seen: dict[str, list[int]] = {}
    for line in lines:
        stripped = line.text.strip()
        if stripped and line.number not in noise and line is not title and len(stripped) <= RUNNING_HEAD_MAX:
            seen.setdefault(stripped, []).append(line.number)
    return {
        number: "running-head: a short line repeated down the document by a page layout"
        for text, numbers in seen.items()
        if len(numbers) >= RUNNING_HEAD_MIN and not _report_like(text)
        for number in numbers
    }


def _report_like(text: str) -> bool:
    return _guarded(text) or bool(rules.PLAIN_HEADING_CUES.search(text) or PROSE_MARK.search(text))


def _guarded(text: str) -> bool:
    """A numbered heading or a guarded report line (table row, signature, date): never a model's or a position's noise."""
    return bool(HEADING_START.match(text)) or any(g.fullmatch(text) for g in GUARDS)


def link_list_lines(lines: list[RawLine], noise: dict[int, str]) -> dict[int, str]:
    """Under a 相关文章 heading, the short title lines that follow are links to other pages."""
    found: dict[int, str] = {}
    in_list = False
    for line in lines:
        stripped = line.text.strip()
        if LINK_LIST_HEAD.fullmatch(stripped):
            in_list = line.number > len(lines) * LINK_LIST_FROM  # a link list follows the report; above it, titles are the report's
        elif in_list and stripped and line.number not in noise:
            if len(stripped) > LINK_TITLE_MAX or SENTENCE_END.search(stripped) or "，" in stripped:
                in_list = False
            else:
                found[line.number] = "link-list: title of another page under a link list"
    return found
