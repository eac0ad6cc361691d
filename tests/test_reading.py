"""Any real file: the seed in other encodings and line endings gives the same document."""
from __future__ import annotations

import codecs

import pytest

import summaryparse
from summaryparse.reading import InputError, decode, read_document


def _shape(template):
    return [(s.type, [b.text for b in s.blocks]) for s in template.sections], [(s.raw, s.kind, s.value, s.unit) for s in template.slots]


@pytest.mark.parametrize(
    "encode, encoding",
    [
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: t.encode("utf-16"), "utf-16"),
        (lambda t: t.encode("utf-16-le"), "utf-16"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8"),
        (lambda t: t.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ],
    ids=["gb18030", "utf-16-bom", "utf-16-le-no-bom", "utf-8-bom", "crlf"],
)
def test_seed_in_every_encoding_gives_the_same_template(seed_bytes, seed_template, encode, encoding):
    variant = summaryparse.extract(encode(seed_bytes.decode("utf-8")))
    assert variant.source.encoding == encoding
    assert _shape(variant) == _shape(seed_template)
    assert [r.line for r in variant.removed] == [r.line for r in seed_template.removed]


def test_crlf_comes_back_exactly(seed_bytes):
    text = seed_bytes.decode("utf-8").replace("\n", "\r\n")
    template = summaryparse.extract(text)
    assert "\r\n" in template.blocks[3].before
    cleaned = summaryparse.clean_text(text)
    assert summaryparse.fill(template) == cleaned


def test_nonbreaking_and_fullwidth_spaces_stay_in_the_text():
    text = "XX局2023年工作总结\n\u3000\u3000一、主要工作\n\u00a0\u00a0全年召开会议3次。\n"
    template = summaryparse.extract(text)
    assert template.blocks[1].before == "\n\u3000\u3000"
    assert template.blocks[2].before == "\n\u00a0\u00a0"
    assert summaryparse.fill(template) == text


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x89PNG\r\n\x1a\n" + bytes((i * 97 + 13) % 256 for i in range(3000)), "binary"),
        ("正常的文字".encode("utf-8") + b"\xff\xff\x80\x80", "neither"),
    ],
)
def test_what_is_not_a_document_is_refused_with_a_reason(data, message):
    with pytest.raises(InputError, match=message):
        decode(data)


def test_size_limit():
    with pytest.raises(InputError, match="above the limit"):
        read_document(b"a" * 101, max_bytes=100)


def test_big5_traditional_reports_are_read_as_big5_and_gb18030_stays_gb18030():
    from conftest import CORPUS

    traditional = (CORPUS / "edu-07.txt").read_text(encoding="utf-8")
    decoded = decode(traditional.encode("big5"))
    assert (decoded.encoding, decoded.text) == ("big5", traditional)
    for path in sorted(CORPUS.glob("*.txt"))[:40]:
        text = path.read_text(encoding="utf-8")
        assert decode(text.encode("gb18030")).encoding == "gb18030", path.name
