"""Blocks to slots: placeholders, counts, quantities and dates, each typed, with unit and label.

Like a log-template miner, the stage masks in a fixed order: first what must stay text (the
idioms and names of rules.NOT_SLOTS, markdown emphasis, the heading marker), then placeholders,
dates, percentages written in words, Arabic numbers and Chinese numerals. Each finder sees only
what earlier ones left.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from . import rules
from .document import Block, Slot
from .numerals import numeral_style, parse_chinese, parse_number
from .words import tag as words_tag

# One pass for the plain idioms (what they cover is all that counts), one per idiom that keeps its placeholders.
NOT_SLOT_PATTERNS = (
    (regex.compile("|".join(f"(?:{i.pattern})" for i in rules.NOT_SLOTS if not i.keeps_placeholders)), False),
    *((regex.compile(i.pattern), True) for i in rules.NOT_SLOTS if i.keeps_placeholders),
)
UNIT_KIND = {u.text: u.kind for u in rules.UNITS}
UNIT_PATTERN = regex.compile("|".join(regex.escape(u) for u in sorted(UNIT_KIND, key=len, reverse=True)))
EMPHASIS = regex.compile(r"(?:^|(?<=[\s#>:：，。；、,;（(【“]))\*\*(?=[^*\s])[^*\n]{1,80}?(?<=[^*\s、，,；;])\*\*")  # bold closes after a word, never after 、
YEAR = regex.compile(r"(?:(?<!\d)(?:1[89]|20)\d{2}|[二一][〇零][〇零一二三四五六七八九]{2}|[2２][0０](?:[XxＸ*＊_○0-9０-９]{2}|[*＊]))(?=\s?年)")  # 20*年 masks a year too
DATE_DOTTED = regex.compile(r"(?<![\d.])((?:19|20)\d{2})([.．/\-])(\d{1,2})(?:\2(\d{1,2}))?(?![\d.])")
MONTH_DAY = regex.compile(r"(?<![\d个])(\d{1,2}|[一二三四五六七八九十]{1,3})\s?(月)(?!份?[以]?来[的]?\s?[\d])|(?<=月\s?)(\d{1,2}|[一二三四五六七八九十]{1,3})\s?([日号])")
LIST_MARKER_AFTER = "、.．)）"
STOP_LABEL_CHARS = set("的和与及等、，。；：,.;:!?！？（）()“”\"'《》 \t")
FUNCTION_WORDS = frozenset(
    "共 了 累计 达 达到 计 约 合计 总计 近 超 超过 逾 为 有 先后 分别 全年 全 各 共计 已 均 新 再 又 还 多 年 余 "
    "不少于 不低于 不超过 以上 以下 至少 共有 现有 分别为 同比 环比 到 至 由 占 提高到 提升到 下降到 降至 升至 低于 高于 控制在 约为 在".split()
)  # words between what is counted and the number: 合格率达98% → 合格率
LABEL_TAGS = ("n", "vn", "j", "a", "b", "l", "i", "s", "f", "an", "nz", "ng")  # words that qualify what is counted
LABEL_MAX = 10
RANGE_TAIL = regex.compile("[" + regex.escape(rules.CN_DIGITS + rules.RANGE_JOINERS + "0123456789.,") + "]+$")
MULTIPLICATION = regex.compile(r"\d[×xX*＊]\d")
UNIT_LOOKAHEAD = 12  # characters after a number that may hold its unit
RANGE_SECOND = regex.compile(rf"\s?[{rules.RANGE_JOINERS}]\s?(?:{rules.ARABIC_NUMBER.pattern}|[{rules.CN_DIGITS}]{{1,8}})")
MIXED_NUMERAL = regex.compile(r"(?<![\d.])\d{1,4}\s?[万千百](?:\s?\d{1,4}\s?[千百十])+(?![\d])")
MIXED_PART = regex.compile(r"(\d{1,4})\s?([万千百十])")
SCALE_VALUE = {"万": 10_000, "千": 1_000, "百": 100, "十": 10}
MONTH_RANGE = range(1, 13)
DAY_RANGE = range(1, 32)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str
    value: float | int | str | None
    unit: str | None
    style: str


def find_slots(blocks: list[Block]) -> list[Slot]:
    """Slots of every block in document order, numbered s1, s2, …; fills each block's `template`."""
    slots: list[Slot] = []
    for block in blocks:
        found = find_in_text(block.text, skip=len(block.marker or "") + _markdown_offset(block))
        block_slots = []
        for f in found:
            slot = Slot(
                id=f"s{len(slots) + 1}",
                block=block.id,
                span=(f.start, f.end),
                raw=block.text[f.start : f.end],
                kind=f.kind,
                value=f.value,
                unit=f.unit,
                label=find_label(block.text, f),
                style=f.style,
            )
            slots.append(slot)
            block_slots.append(slot)
        block.template = render_template(block.text, block_slots)
    return slots


def _markdown_offset(block: Block) -> int:
    if block.marker is None:
        return 0
    return block.text.find(block.marker)


def render_template(text: str, slots: list[Slot]) -> str:
    out, position = [], 0
    for s in slots:
        out.append(_escape(text[position : s.span[0]]))
        out.append("{" + s.id + "}")
        position = s.span[1]
    out.append(_escape(text[position:]))
    return "".join(out)


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def find_in_text(text: str, skip: int = 0) -> list[Found]:
    """Every slot in `text`, ignoring its first `skip` characters (the heading marker)."""
    taken = bytearray(len(text))
    _take(taken, 0, skip)
    simplified = text.translate(rules.TRADITIONAL_TO_SIMPLIFIED)  # 「四個意識」 is the same formula as 四个意识
    for pattern, keeps_placeholders in NOT_SLOT_PATTERNS:
        for m in rules.all_matches(pattern, simplified):
            _take(taken, m.start(), m.end())
            if keeps_placeholders:
                for p in rules.PLACEHOLDER.finditer(m.group()):  # 《关于在20xx年…》: the name's blanks are still to fill
                    taken[m.start() + p.start() : m.start() + p.end()] = bytes(p.end() - p.start())
    for m in rules.all_matches(EMPHASIS, text):
        if name_suffix(text, m.start() + 2) or unit_after(text, m.end())[0]:
            continue  # **局…党课**场: two masks that happen to pair, not bold text
        _take(taken, m.start(), m.start() + 2)
        _take(taken, m.end() - 2, m.end())
    found: list[Found] = []
    for finder in (find_placeholders, find_dates, find_percent_words, find_mixed_numerals, find_arabic, find_chinese):
        for f in finder(text, taken):
            if not any(taken[f.start : f.end]):
                found.append(f)
                _take(taken, f.start, f.end)
    return sorted(found, key=lambda f: f.start)


def _take(taken: bytearray, start: int, end: int) -> None:
    taken[start:end] = b"\x01" * (end - start)


def _free(taken: bytearray, start: int, end: int) -> bool:
    return not any(taken[start:end])


# ------------------------------------------------------------------ placeholders
def find_placeholders(text: str, taken: bytearray):
    for m in rules.all_matches(rules.PLACEHOLDER, text):
        raw = m.group()
        if not _free(taken, m.start(), m.end()) or not _is_placeholder(text, m.start(), m.end(), raw):
            continue
        yield Found(m.start(), m.end(), "placeholder", None, unit_after(text, m.end())[0], "placeholder")


def _is_placeholder(text: str, start: int, end: int, raw: str) -> bool:
    if rules.LATIN_X_WORDS.match(text, start):
        return False
    if raw == "某":
        return name_suffix(text, end) is not None
    if len(raw) == 1 and raw in "*＊_＿" and not (name_suffix(text, end) or unit_after(text, end)[0] or text.startswith(rules.MASK_BEFORE, end)):
        return False  # a lone asterisk or underscore is a footnote, bullet or separator unless it stands for a count
    if "〇" in raw and _next_to_chinese_digit(text, start, end):
        return False  # 二〇二〇: a zero inside a Chinese numeral
    if MULTIPLICATION.search(raw) or (raw in ("×", "x", "X", "Ｘ") and _between_digits(text, start, end)):
        return False  # 3×4, 3x3: multiplication
    if raw in ("〇", "○") and not (name_suffix(text, end) or unit_after(text, end)[0]):
        return False  # a lone circle is a bullet
    return True


def name_suffix(text: str, position: int) -> str | None:
    """The kind of name a mask stands before (XX乡 → 乡, 某某公司 → 公司), if any."""
    return next((word for word in rules.ADMIN_SUFFIXES if text.startswith(word, position)), None)


def _next_to_chinese_digit(text: str, start: int, end: int) -> bool:
    return (start > 0 and text[start - 1] in rules.CN_DIGITS) or (end < len(text) and text[end] in rules.CN_DIGITS)


def _between_digits(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1].isdigit() and text[end].isdigit()


# ------------------------------------------------------------------ dates
def find_dates(text: str, taken: bytearray):
    for m in rules.all_matches(YEAR, text):
        raw = m.group()
        value = parse_number(raw)
        kind = "date" if value is not None else "placeholder"
        yield Found(m.start(), m.end(), kind, value, "年", numeral_style(raw) if value is not None else "placeholder")
    for m in rules.all_matches(DATE_DOTTED, text):
        for group, unit in ((1, "年"), (3, "月"), (4, "日")):
            if m.group(group) and _plausible_date(int(m.group(group)), unit):
                yield Found(m.start(group), m.end(group), "date", int(m.group(group)), unit, "arabic")
    for m in rules.all_matches(MONTH_DAY, text):
        group = 1 if m.group(1) else 3
        raw, unit = m.group(group), m.group(group + 1)
        value = parse_number(raw)
        if value is not None and _plausible_date(value, unit):
            yield Found(m.start(group), m.end(group), "date", value, unit, numeral_style(raw))


def _plausible_date(value: int | float, unit: str) -> bool:
    if unit == "月":
        return value in MONTH_RANGE
    if unit in ("日", "号"):
        return value in DAY_RANGE
    return 1900 <= value <= 2100


# ------------------------------------------------------------------ numbers
def find_percent_words(text: str, taken: bytearray):
    for m in rules.all_matches(rules.PERCENT_WORDS, text):
        value = parse_number(m.group(1))
        if value is not None:
            yield Found(m.start(1), m.end(1), "quantity", value, "%", numeral_style(m.group(1)))


def find_mixed_numerals(text: str, taken: bytearray):
    """1 千 5 百, 1万3千: Arabic digits with Chinese scale words, one number however it is spaced."""
    for m in rules.all_matches(MIXED_NUMERAL, text):
        value = sum(int(digits) * SCALE_VALUE[scale] for digits, scale in MIXED_PART.findall(m.group()))
        unit, kind = unit_after(text, m.end())
        yield Found(m.start(), m.end(), _kind_of(kind, unit, value), value, unit, "arabic")


def find_arabic(text: str, taken: bytearray):
    for m in rules.all_matches(rules.ARABIC_NUMBER, text):
        if not _free(taken, m.start(), m.end()) or _is_list_marker(text, m.start(), m.end()):
            continue
        value = parse_number(m.group())
        if value is None:
            continue
        unit, kind = unit_after(text, m.end())
        yield Found(m.start(), m.end(), _kind_of(kind, unit, value), value, unit, numeral_style(m.group()))


def find_chinese(text: str, taken: bytearray):
    for m in rules.all_matches(rules.CHINESE_NUMBER, text):
        start, end = m.start(), m.end()
        if not _free(taken, start, end):
            continue
        if start > 0 and (text[start - 1].isdigit() or text[start - 1] in "."):
            continue  # 10万余元: a scale word of the Arabic number before it, already part of that slot's unit
        raw = m.group()
        value = parse_chinese(raw)
        unit, kind = unit_after(text, end)
        if unit is None and text[end : end + 1] in rules.PLACE_UNITS:
            unit, kind = text[end], "count"  # 四省九市, 两乡: places counted
        if value is None or unit is None or not _counts_something(raw, unit, kind, text, start):
            continue
        yield Found(start, end, _kind_of(kind, unit, value), value, unit, numeral_style(raw))


def _counts_something(raw: str, unit: str, kind: str, text: str, start: int) -> bool:
    """A Chinese numeral is a slot only before a measure word, and 一 only before a few that really count."""
    end = start + len(raw)
    if raw == "一":  # 一名, 一次, 一户 mostly mean "a": a count only after 只有, 连续, 每月, 各, or as a duration (一个月)
        return bool(rules.ONE_COUNTS_AFTER.search(text, max(0, start - 4), start)) or text.startswith(rules.ONE_COUNTS_BEFORE, end)
    if kind == "date" and unit == "年" and len(raw) < 4:  # 三年 as a span of time: a count only beside a word of duration
        return bool(rules.YEARS_COUNT_BEFORE.search(text, max(0, start - 3), start) or rules.YEARS_COUNT_AFTER.match(text, end + 1))
    if raw in ("万", "萬", "亿", "億"):
        return start > 0 and text[start - 1] in rules.APPROX_BEFORE  # 近万人; 经费万多元 lost its number
    if raw in ("千", "百"):
        return (start > 0 and text[start - 1] in rules.APPROX_BEFORE) or text[end : end + 1] in rules.APPROX_AFTER  # 近百人, 百余起
    return True


def _is_list_marker(text: str, start: int, end: int) -> bool:
    """1、 or (2) inside a paragraph: an enumeration, not a figure."""
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if before in ("(", "（") and after in (")", "）"):
        return True
    return (start == 0 or before in "。；;：:，, \t\u3000") and after in LIST_MARKER_AFTER and not text[end + 1 : end + 2].isdigit()


def unit_after(text: str, end: int) -> tuple[str | None, str | None]:
    """The unit after a number, or after the second number of a range (3至5次 → 次 for both)."""
    unit = _unit_at(text, end)
    if unit[0] is None:
        second = RANGE_SECOND.match(text, end)
        if second:
            return _unit_at(text, second.end())
    return unit


def _unit_at(text: str, end: int) -> tuple[str | None, str | None]:
    """The unit that follows a number: skipping 多/余 and absorbing a scale word (10万余元 → 万元)."""
    written = text[end : end + UNIT_LOOKAHEAD]
    window = written.translate(rules.TRADITIONAL_TO_SIMPLIFIED)  # 三百餘戶: units are matched in simplified form
    position = _skip(window, 0, " \u00a0")
    scale_start = position
    scale, position = _scale_at(window, position)
    position = _skip(window, position, rules.APPROX_AFTER)
    if not scale:
        scale_start = position
        scale, position = _scale_at(window, position)  # 两千余万元: the scale may follow the approximate mark
    written_scale = written[scale_start : scale_start + len(scale)]
    m = UNIT_PATTERN.match(window, position)
    if m:
        kind = UNIT_KIND.get(scale + m.group(), UNIT_KIND[m.group()])  # 1.2万条 counts, 850万元 measures
        return written_scale + written[position : m.end()], kind
    if scale:
        return written_scale, "quantity"
    return None, None


def _skip(text: str, position: int, chars: str) -> int:
    while position < len(text) and text[position] in chars:
        position += 1
    return position


def _scale_at(text: str, position: int) -> tuple[str, int]:
    for word in rules.SCALE_WORDS:
        if text.startswith(word, position):
            return word, position + len(word)
    return "", position


def _kind_of(unit_kind: str | None, unit: str | None, value) -> str:
    if unit_kind == "date":
        if unit == "年" and not (isinstance(value, int) and 1900 <= value <= 2100):
            return "count"  # 3年: a duration
        if unit == "日" and value not in DAY_RANGE:
            return "count"
        return "date" if unit != "号" or value in DAY_RANGE else "count"
    if unit_kind:
        return unit_kind
    return "quantity" if isinstance(value, float) else "count"


# ------------------------------------------------------------------ labels
def find_label(text: str, f: Found) -> str | None:
    """What the slot counts or names: the noun after a classifier, else the activity before."""
    if f.kind == "date":
        return None
    unit = f.unit or ""
    unit_end = _unit_end(text, f.end, unit)
    suffix = name_suffix(text, f.end) if f.kind == "placeholder" else None
    if suffix:
        return suffix  # 某某单位 → 单位, before 单 is read as a measure word
    if f.kind == "placeholder" and not unit:
        return _noun_after(text, f.end) or _activity_before(text, f.start)  # 某某会计师事务所
    if unit[-1:] in rules.NOUN_CLASSIFIERS:
        after = _noun_after(text, unit_end)
        if after:
            return after
    return _activity_before(text, f.start) or _noun_after(text, unit_end)


def _unit_end(text: str, end: int, unit: str) -> int:
    if not unit:
        return end
    found = text.find(unit[-1], end)
    return found + 1 if found >= 0 else end


def _clause(text: str, start: int, step: int) -> str:
    """The words on one side of a number up to the nearest punctuation, in simplified characters for tagging."""
    out = []
    position = start
    while 0 <= position < len(text) and text[position] not in STOP_LABEL_CHARS and len(out) < 16:
        out.append(text[position])
        position += step
    clause = "".join(out if step > 0 else reversed(out)).translate(rules.TRADITIONAL_TO_SIMPLIFIED)
    return clause if step > 0 else RANGE_TAIL.sub("", clause)  # 三至五名: the first number of a range is not a word


def _noun_after(text: str, start: int) -> str | None:
    words = []
    for word, tag in words_tag(_clause(text, start, 1)):
        if not tag.startswith(("n", "v", "j", "l", "a", "b", "z", "g", "s", "f")) or (words and tag.startswith("v") and not tag == "vn"):
            break
        words.append(word)
        if sum(map(len, words)) >= 8:
            break
    label = "".join(words)
    return label if len(label) >= 1 and not label.isdigit() else None


def _activity_before(text: str, start: int) -> str | None:
    """The phrase before a number: its last word and the nouns that qualify it (受理群众来信来访X件 → 群众来信来访)."""
    tagged = [(w, t) for w, t in words_tag(_clause(text, start - 1, -1)) if w.strip()]
    while tagged and (tagged[-1][0] in FUNCTION_WORDS or tagged[-1][0] in rules.APPROX_BEFORE or tagged[-1][1] in ("m", "q", "x", "eng")):
        tagged.pop()
    words: list[str] = []
    for i in range(len(tagged) - 1, -1, -1):
        word, tag = tagged[i]
        verb_pair = tag == "v" and 0 < i < len(tagged) - 1 and tagged[i - 1][1].startswith("n") and tagged[i + 1][1] == "v"  # 群众来信来访
        qualifies = tag.startswith(LABEL_TAGS) or verb_pair
        if words and (not qualifies or sum(map(len, words)) + len(word) > LABEL_MAX):
            break
        words.insert(0, word)
    while len("".join(words)) == 1 and len(words) < len(tagged):
        words.insert(0, tagged[len(tagged) - len(words) - 1][0])  # 按时办结率: a one-character word needs its neighbour
    return _as_written(text, start, "".join(words)) if words else None


def _as_written(text: str, end: int, label: str) -> str:
    """The label in the characters of the text (traditional stays traditional), found just before `end`."""
    simplified = text[:end].translate(rules.TRADITIONAL_TO_SIMPLIFIED)
    found = simplified.rfind(label)
    return text[found : found + len(label)] if found >= 0 else label
