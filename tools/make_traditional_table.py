"""Build src/summaryparse/data/traditional.txt: traditional characters and their simplified forms, one pair a line.

Features, cue words and site words are matched in simplified characters; a report copied from a
traditional-character mirror must look the same to them. The table maps, character for character (so
offsets hold), every traditional form OpenCC gives (mainland, Taiwan and Hong Kong standards) of each
simplified character of the project's dictionary, except characters that simplified text itself uses
(乾, 著 stay as they are: 乾坤, 著名). Run with the `opencc` package installed:

    python tools/make_traditional_table.py
"""
from __future__ import annotations

from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "summaryparse" / "data" / "traditional.txt"
WORDS = ROOT / "src" / "summaryparse" / "data" / "words.txt"
STANDARDS = ("s2t", "s2tw", "s2hk")
# Traditional forms that one simplified character took over from several, which OpenCC's per-character
# conversion does not give back (制/製, 复/複/復, 系/係/繫): reports use them all.
MERGED_FORMS = "製制註注儘尽複复彙汇週周麵面隻只傢家摺折繫系帳账讚赞"


def simplified_characters(to_simplified: opencc.OpenCC) -> set[str]:
    """The dictionary's characters that are their own simplified form."""
    words = [line.split(" ")[0] for line in WORDS.read_text(encoding="utf-8").splitlines()]
    return {c for word in words for c in word if "\u4e00" <= c <= "\u9fff" and to_simplified.convert(c) == c}


def main() -> None:
    simplified = simplified_characters(opencc.OpenCC("t2s"))
    converters = [opencc.OpenCC(standard) for standard in STANDARDS]
    pairs: dict[str, str] = {}
    for char in sorted(simplified):
        for converter in converters:
            traditional = converter.convert(char)
            if len(traditional) == 1 and traditional != char and traditional not in simplified:
                pairs.setdefault(traditional, char)
    pairs.update(zip(MERGED_FORMS[0::2], MERGED_FORMS[1::2]))
    OUT.write_text("".join(f"{t}{s}\n" for t, s in sorted(pairs.items())), encoding="utf-8")
    print(f"{len(pairs)} pairs written to {OUT}")


if __name__ == "__main__":
    main()
