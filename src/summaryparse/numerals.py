"""Numerals both ways: Chinese and Arabic text to numbers, numbers back in the style they were written."""
from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CN_FOR_DIGIT = "零一二三四五六七八九"
FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
TO_FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def parse_chinese(text: str) -> int | None:
    """二〇二三 → 2023 (digit by digit), 三百五十 → 350, 两千 → 2000, 十二 → 12; None if not a numeral."""
    if not text or any(c not in DIGITS and c not in SMALL_UNITS and c not in BIG_UNITS for c in text):
        return None
    if all(c in DIGITS for c in text):
        return _digit_by_digit(text) if len(text) > 1 else DIGITS[text]
    return _positional(text)


def _digit_by_digit(text: str) -> int:
    return int("".join(str(DIGITS[c]) for c in text))


def _positional(text: str) -> int | None:
    total = section = number = 0
    for c in text:
        if c in DIGITS:
            number = DIGITS[c]
        elif c in SMALL_UNITS:
            section += (number or 1) * SMALL_UNITS[c]
            number = 0
        else:
            total = (total + section + number or 1) * BIG_UNITS[c]  # 万 alone, as in 近万人, is ten thousand
            section = number = 0
    return total + section + number


def parse_arabic(text: str) -> int | float:
    plain = text.translate(FULLWIDTH).replace(",", "")
    return float(plain) if "." in plain else int(plain)


def parse_number(text: str) -> int | float | None:
    """Any numeral as written: 3, 1,508, ３５, 1.2, 两, 二〇二三."""
    plain = text.translate(FULLWIDTH).replace(",", "")
    try:
        return parse_arabic(text) if plain.replace(".", "", 1).isdigit() else parse_chinese(text)
    except ValueError:
        return None


def numeral_style(raw: str) -> str:
    """How a number is written, so that fill can write a new value the same way."""
    if any(c in "０１２３４５６７８９" for c in raw):
        return "fullwidth"
    if any(c.isdigit() for c in raw):
        return "arabic_grouped" if "," in raw else "arabic"
    if raw and all(c in DIGITS for c in raw) and len(raw) > 1:
        return "chinese_digits"
    return "chinese"


def to_chinese(value: int, *, liang: bool = False) -> str:
    """12 → 十二, 305 → 三百零五, 20000 → 二万; with liang, a leading 2 is 两 (两次, 两千)."""
    if value < 0:
        raise ValueError("negative numbers have no Chinese numeral form")
    text = _chinese(value)
    if liang and (text == "二" or text[:2] in ("二千", "二百", "二万", "二亿")):
        text = "两" + text[1:]
    return text


def _chinese(value: int) -> str:
    if value == 0:
        return "零"
    for scale, name in ((100_000_000, "亿"), (10_000, "万")):
        if value >= scale:
            high, low = divmod(value, scale)
            rest = "" if low == 0 else ("零" if low < scale // 10 else "") + _chinese(low)
            return _chinese(high) + name + rest
    return _below_ten_thousand(value)


def _below_ten_thousand(value: int) -> str:
    out = []
    zero_pending = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, value = divmod(value, unit)
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(CN_FOR_DIGIT[digit] + name)
    text = "".join(out)
    return text[1:] if text.startswith("一十") else text


def format_number(value: int | float, style: str, *, liang: bool = False) -> str:
    """Write `value` in `style` (see numeral_style)."""
    if style == "chinese_digits":
        return "".join(CN_FOR_DIGIT[int(c)] if c != "0" else "〇" for c in str(int(value)))
    if style == "chinese":
        if float(value) != int(value):
            raise ValueError(f"{value} has no Chinese integer numeral")
        return to_chinese(int(value), liang=liang)
    text = _plain(value)
    if style == "arabic_grouped":
        whole, _, frac = text.partition(".")
        text = f"{int(whole):,}" + (f".{frac}" if frac else "")
    if style == "fullwidth":
        text = text.translate(TO_FULLWIDTH)
    return text


def _plain(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
