"""PDF with a text layer: paragraphs back from hard wraps and page breaks, page furniture out and listed, scans refused."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

import summaryparse
from conftest import ROOT, SHARED
from summaryparse.formats import EXIT_NO_TEXT_LAYER
from summaryparse.pdf_reading import read_pdf
from summaryparse.reading import EXIT_UNDECODABLE, Furniture, InputError

sys.path.insert(0, str(ROOT / "tools"))
from make_test_pdfs import register_font, text_to_pdf  # noqa: E402

PDFS = ROOT / "tests" / "data" / "pdf"
HEAD = "XX局工作总结（内部资料）"
SHORT_REPORT = "X局2023年工作总结\n一、主要工作\n　　全年召开会议3次，培训干部120人次。\n二、存在的问题\n　　基层力量薄弱。\n"


def _lines(text: str) -> str:
    """A text report as the PDF gives it back: one paragraph a line, no indents, no blank lines."""
    return "".join(line.strip() + "\n" for line in text.splitlines() if line.strip())


def _shape(template):
    return (
        [s.type for s in template.sections],
        [(b.text.strip(), b.level, b.marker) for b in template.blocks if b.kind == "heading"],
        [(s.raw, s.kind, s.value, s.unit) for s in template.slots],
    )


@pytest.fixture(scope="module")
def report() -> bytes:
    return (PDFS / "report.pdf").read_bytes()


def test_report_reads_as_its_paragraphs(report):
    decoded = read_pdf(report)
    assert decoded.text == (PDFS / "report.expected.txt").read_text(encoding="utf-8")
    assert (decoded.encoding, decoded.format, decoded.outline) == ("unicode", "pdf", {})


def test_headings_stay_lines_and_wraps_are_joined_across_the_page_break(report):
    lines = read_pdf(report).text.splitlines()
    assert {"一、主要工作", "（一）夯实统计基础，提升数据质量", "三、2024年工作打算"} <= set(lines)
    assert "一是基层统计力量薄弱，部分乡镇统计人员兼职多、变动大；二是统计数据应用不够充分，分析研究的深度和广度有待拓展；三是统计信息化建设相对滞后，与新形势新要求还有一定差距。" in lines
    assert all(not line.endswith(" ") for line in lines)


def test_page_numbers_and_running_heads_are_listed_where_they_stood(report):
    assert read_pdf(report).furniture == (
        Furniture(1, HEAD, "pdf: running head repeated on 2 pages"),
        Furniture(14, "- 1 -", "pdf: page number"),  # line 14 is the paragraph that runs over the page break
        Furniture(14, HEAD, "pdf: running head repeated on 2 pages"),
        Furniture(21, "- 2 -", "pdf: page number"),
    )


@pytest.mark.parametrize("form", ["- {n} -", "— {n} —", "{n}", "第{n}页", "第 {n} 页 共 {total} 页", "{n}/{total}", "Page {n}"])
@pytest.mark.parametrize("at_top", [False, True], ids=["foot", "head"])
def test_every_usual_page_number_form_is_removed(form, at_top):
    text = (PDFS / "report.txt").read_text(encoding="utf-8")
    decoded = read_pdf(text_to_pdf(text, page_number=form, page_number_at_top=at_top, paragraph_gap=0))
    assert decoded.text == _lines(text)
    numbers = [f.text for f in decoded.furniture if f.reason == "pdf: page number"]
    assert numbers == [form.format(n=n, total=2) for n in (1, 2)]


def test_a_number_that_is_body_text_stays():
    text = "X局2023年工作总结\n全年新增就业岗位：\n2020\n比上年增长一成。\n3\n"
    decoded = read_pdf(text_to_pdf(text, running_head=None, page_number=None))
    assert decoded.text == _lines(text)
    assert decoded.furniture == ()


def test_a_full_line_followed_by_a_heading_marker_is_not_joined():
    full = "全" * 56  # two lines that run exactly to the margin
    text = f"{full}\n2.抓班子建设。\n（二）加强廉政建设\n第一部分 总体情况\n"
    assert read_pdf(text_to_pdf(text, running_head=None, paragraph_gap=0)).text == _lines(text)


def test_a_running_head_is_recognised_modulo_its_digits():
    text = "\n".join(f"　　第{i}段：" + "工作推进有力，成效明显。" * 8 for i in range(12)) + "\n"
    decoded = read_pdf(text_to_pdf(text, running_head=None, page_number="X局 第{n}页"))
    pages = len(decoded.furniture)
    assert pages >= 2
    assert {f.reason for f in decoded.furniture} == {f"pdf: running head repeated on {pages} pages"}
    assert decoded.text == _lines(text)


def test_a_truetype_font_reads_the_same():
    fonts = sorted(Path("/usr/share/fonts").rglob("wqy-microhei.ttc")) if Path("/usr/share/fonts").exists() else []
    if not fonts:
        pytest.skip("no CJK TrueType font on this machine (apt-get install fonts-wqy-microhei)")
    register_font("WQY", str(fonts[0]))
    text = (PDFS / "report.txt").read_text(encoding="utf-8")
    assert read_pdf(text_to_pdf(text, font="WQY")).text == _lines(text)


def test_a_scan_is_refused():
    with pytest.raises(InputError) as refused:
        summaryparse.extract((PDFS / "scan.pdf").read_bytes())
    assert (str(refused.value), refused.value.code) == ("this PDF has no text layer (a scan?): run OCR first", EXIT_NO_TEXT_LAYER)


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_pdf_is_refused_quietly(report, cut, capfd, caplog):
    with pytest.raises(InputError) as refused:
        summaryparse.extract(report[: int(len(report) * cut)])
    assert refused.value.code == EXIT_UNDECODABLE
    assert "cut short" in str(refused.value) and "\n" not in str(refused.value)
    assert capfd.readouterr() == ("", "") and not caplog.records


def test_a_damaged_pdf_is_refused_quietly(report, capfd, caplog):
    damaged = report[: len(report) // 2] + b"\n%%EOF\n"  # cut short but given an end marker: the parser runs out
    with pytest.raises(InputError) as refused:
        read_pdf(damaged)
    assert refused.value.code == EXIT_UNDECODABLE and "damaged" in str(refused.value)
    assert capfd.readouterr() == ("", "") and not caplog.records


def test_a_pdf_locked_with_a_password_is_refused():
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, encrypt=StandardEncryption("secret", ownerPassword="owner"))
    pdf.setFont(register_font(), 12)
    pdf.drawString(100, 700, "加密的报告正文。")
    pdf.showPage()
    pdf.save()
    with pytest.raises(InputError) as refused:
        read_pdf(buffer.getvalue())
    assert refused.value.code == EXIT_UNDECODABLE and "password" in str(refused.value)


def test_extract_gives_the_template_of_the_text_read(report):
    template = summaryparse.extract(report)
    assert template.source.encoding == "unicode"
    assert template.text() == read_pdf(report).text
    headings = [b.text for b in template.blocks if b.kind == "heading"]
    assert headings[:2] == ["一、主要工作", "（一）夯实统计基础，提升数据质量"]
    assert "三、2024年工作打算" in headings


def test_the_text_report_and_its_pdf_give_the_same_template():
    report = (PDFS / "report.txt").read_text(encoding="utf-8")
    assert _shape(summaryparse.extract(text_to_pdf(report))) == _shape(summaryparse.extract(report))


SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []


@pytest.mark.skipif(not SEEDS, reason=f"no seed reports in {SHARED / 'seeds'}: these tests need the ../shared folder beside the clone")
@pytest.mark.parametrize("seed", SEEDS, ids=[p.name for p in SEEDS])
def test_a_seed_as_pdf_gives_the_same_sections_headings_and_slots(seed):
    """Not the same text: the PDF has no blank lines, indents or trailing spaces; but what they carry is the same."""
    data = seed.read_bytes()
    pdf = text_to_pdf(data.decode("utf-8"))
    assert _shape(summaryparse.extract(pdf)) == _shape(summaryparse.extract(data))
    assert read_pdf(pdf).text == _lines(data.decode("utf-8"))
