"""Word files in: automatic numbering rendered, heading styles as evidence, tables, furniture, the seed."""
from __future__ import annotations

import pytest
import regex
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx_maker import add_list, add_text_box, list_level, number_paragraph, report_to_docx, save

import summaryparse
from summaryparse.docx_reading import format_counter
from summaryparse.reading import InputError, read_document

REPORT = """XX区市场监管局2025年工作总结
2025年，区市场监管局围绕中心、服务大局，各项工作取得新进展。现总结如下：
一、主要工作
（一）优化营商环境。全年新登记市场主体1260户，办理食品经营许可386件。
（二）守牢安全底线。开展食品安全抽检920批次，立案查处案件47起。
1.强化特种设备监管。检查使用单位215家，整改隐患93处。
2.加强药品流通检查。检查零售药店168家。
二、存在的问题
（一）监管力量不足。基层所平均人员不足5人。
三、2026年工作打算
（一）深化改革。推进"证照分离"改革全覆盖。
XX区市场监管局
2025年12月20日
"""


def read(data: bytes):
    return read_document(data)


def test_word_numbering_is_written_into_the_text_as_word_shows_it():
    decoded = read(report_to_docx(REPORT))
    lines = decoded.text.splitlines()
    assert decoded.format == "docx"
    assert lines[2] == "一、主要工作"
    assert lines[3].startswith("（一）优化营商环境")
    assert lines[5].startswith("1.强化特种设备监管") and lines[6].startswith("2.加强药品流通检查")
    assert lines[7] == "二、存在的问题" and lines[8].startswith("（一）监管力量不足")
    assert lines[9] == "三、2026年工作打算"


def test_the_docx_template_matches_the_text_one():
    from_text = summaryparse.extract(REPORT)
    from_word = summaryparse.extract(report_to_docx(REPORT))
    assert headings(from_word) == headings(from_text)
    assert [s.type for s in from_word.sections] == [s.type for s in from_text.sections]
    assert slot_values(from_word) == slot_values(from_text)
    assert from_word.source.format == "docx" and from_text.source.format == "txt"
    assert summaryparse.fill(from_word) == from_word.text()


def headings(template):
    return [(b.kind, b.level, normalised_marker(b.text)) for b in template.blocks if b.kind != "paragraph"]


def normalised_marker(text: str) -> str:
    """Word writes one level text for a list: the typed half-width (三) of a .txt comes back as （三）."""
    return regex.sub(r"^\(([一二三四五六七八九十]+)\)\s*", r"（\1）", text)


def slot_values(template):
    return [(s.raw, s.kind, s.value, s.unit, s.label) for s in template.slots]


def test_numbering_restarts_and_start_overrides_are_followed():
    text = "工作总结\n一、甲\n1.子项一\n2.子项二\n二、乙\n1.另起一\n5.跳到五\n"
    lines = read(report_to_docx(text)).text.splitlines()
    assert lines[1:] == ["一、甲", "1.子项一", "2.子项二", "二、乙", "1.另起一", "5.跳到五"]


@pytest.mark.parametrize(
    "value, number_format, shown",
    [
        (3, "chineseCounting", "三"),
        (12, "chineseCountingThousand", "十二"),
        (3, "chineseLegalSimplified", "叁"),
        (2, "ideographTraditional", "乙"),
        (4, "decimalEnclosedCircle", "④"),
        (3, "decimalEnclosedParen", "⑶"),
        (7, "decimalFullWidth", "７"),
        (28, "upperLetter", "BB"),
        (14, "lowerRoman", "xiv"),
        (5, "decimalZero", "05"),
        (9, "somethingNew", "9"),
    ],
)
def test_word_number_formats(value, number_format, shown):
    assert format_counter(value, number_format) == shown


def test_heading_styles_without_numbers_are_headings_with_their_levels():
    document = Document()
    document.add_paragraph("XX中学2025年度教学工作总结", style="Title")
    document.add_paragraph("本学年，学校坚持立德树人，教学质量稳步提升。现总结如下。")
    document.add_paragraph("教学常规管理", style="Heading 1")
    document.add_paragraph("坚持每周教研活动，全年组织公开课42节，开展集体备课160余次，教案检查每月一次。")
    document.add_paragraph("课堂教学改革", style="Heading 2")
    document.add_paragraph("推行小组合作学习，覆盖全部18个教学班，学生参与率明显提高，课堂氛围更加活跃。")
    template = summaryparse.extract(save(document))
    kinds = [(b.kind, b.level, b.text) for b in template.blocks if b.kind != "paragraph"]
    assert kinds == [("title", None, "XX中学2025年度教学工作总结"), ("heading", 1, "教学常规管理"), ("heading", 2, "课堂教学改革")]


def test_tables_are_rows_of_cells_separated_by_tabs_and_merged_cells_read_once():
    document = Document()
    document.add_paragraph("2025年重点项目推进情况总结")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(table.rows, [("项目", "投资（万元）", "进度"), ("污水管网改造", "1200", "完工"), ("合计", "", "")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    table.cell(2, 1).merge(table.cell(2, 2)).text = "1200"
    document.add_paragraph("以上项目均按计划推进，下一步将加强资金监管。")
    text = read(save(document)).text
    assert "项目\t投资（万元）\t进度\n污水管网改造\t1200\t完工\n合计\t1200\n" in text
    assert text.endswith("以上项目均按计划推进，下一步将加强资金监管。\n")


def test_headers_footers_and_text_boxes_are_left_out_and_recorded():
    document = Document()
    document.sections[0].header.paragraphs[0].text = "XX县农业农村局文件"
    document.sections[0].footer.paragraphs[0].text = "内部资料 注意保存"
    document.add_paragraph("XX县农业农村局2025年工作总结")
    anchor = document.add_paragraph("全年粮食播种面积稳定在42.6万亩，总产量达到18.3万吨。")
    add_text_box(anchor, "扫码关注公众号")
    template = summaryparse.extract(save(document))
    assert "扫码" not in template.text() and "县农业农村局文件" not in template.text()
    reasons = {r.text: r.reason for r in template.removed}
    assert reasons["XX县农业农村局文件"].startswith("docx: page header")
    assert reasons["内部资料 注意保存"].startswith("docx: page footer")
    assert reasons["扫码关注公众号"].startswith("docx: text box")
    assert [r.text for r in template.removed].count("扫码关注公众号") == 1  # the VML fallback copy is not counted twice
    assert "42.6万亩" in template.text()


def test_paragraphs_inside_content_controls_and_insertions_are_not_lost():
    document = Document()
    document.add_paragraph("2025年工作总结")
    body = document.element.body
    control = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>全年完成培训1200人次。</w:t></w:r></w:p></w:sdtContent></w:sdt>'
    )
    body.insert(len(body) - 1, control)
    tracked = parse_xml(
        f'<w:p {nsdecls("w")}><w:r><w:t>新增就业</w:t></w:r><w:ins w:id="1" w:author="a"><w:r><w:t>3200</w:t></w:r></w:ins>'
        f'<w:del w:id="2" w:author="a"><w:r><w:delText>2900</w:delText></w:r></w:del><w:r><w:t>人。</w:t></w:r></w:p>'
    )
    body.insert(len(body) - 1, tracked)
    text = read(save(document)).text
    assert "全年完成培训1200人次。" in text and "新增就业3200人。" in text


def test_a_damaged_docx_is_refused_in_one_line():
    data = report_to_docx(REPORT)
    with pytest.raises(InputError) as error:
        read(data[: len(data) // 2])
    assert "\n" not in str(error.value)


def test_the_seed_as_a_word_file_gives_the_same_template(seed_bytes):
    text = seed_bytes
    from_text = summaryparse.extract(text)
    from_word = summaryparse.extract(report_to_docx(text.decode("utf-8-sig")))
    assert headings(from_word) == headings(from_text)
    assert [s.type for s in from_word.sections] == [s.type for s in from_text.sections]
    assert slot_values(from_word) == slot_values(from_text)


def _numbered_document(level_texts: list[tuple[str, str]], items: list[tuple[int, str]], num_id: str = "1") -> bytes:
    """A .docx whose list levels (number format, level text) number `items` (level, text) in order."""
    document = Document()
    add_list(document, "50", "1", "".join(list_level(i, fmt, text, suffix="space") for i, (fmt, text) in enumerate(level_texts)))
    document.add_paragraph("2025年安全生产工作总结")
    for level, text in items:
        number_paragraph(document.add_paragraph(text), num_id, level)
    return save(document)


def test_multi_level_numbers_are_written_with_their_parents():
    data = _numbered_document([("decimal", "%1"), ("decimal", "%1.%2")], [(0, "总体情况"), (1, "隐患排查"), (1, "执法检查"), (0, "下一步计划"), (1, "专项整治")])
    assert read(data).text.splitlines()[1:] == ["1 总体情况", "1.1 隐患排查", "1.2 执法检查", "2 下一步计划", "2.1 专项整治"]


def test_a_paragraph_pointing_at_a_missing_list_keeps_its_text_without_a_number():
    data = _numbered_document([("decimal", "%1.")], [(0, "全年检查企业320家。")], num_id="77")
    assert read(data).text.splitlines()[1:] == ["全年检查企业320家。"]


def test_numbering_carried_by_the_heading_style_is_written_out():
    """Word's usual way: the list hangs on the Heading styles, and the paragraphs only name their style."""
    document = Document()
    add_list(document, "60", "9", list_level(0, "chineseCounting", "%1、") + list_level(1, "chineseCounting", "（%2）"))
    for style, level in (("Heading 1", 0), ("Heading 2", 1)):
        ppr = document.styles[style].element.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="9"/></w:numPr>'))
    document.add_paragraph("XX街道2025年工作总结")
    document.add_paragraph("主要工作", style="Heading 1")
    document.add_paragraph("基层治理", style="Heading 2")
    document.add_paragraph("全年调解矛盾纠纷236件，调解成功率98%。")
    document.add_paragraph("民生服务", style="Heading 2")
    document.add_paragraph("存在的问题", style="Heading 1")
    template = summaryparse.extract(save(document))
    assert [(b.text, b.level) for b in template.blocks if b.kind == "heading"] == [
        ("一、主要工作", 1), ("（一）基层治理", 2), ("（二）民生服务", 2), ("二、存在的问题", 1)
    ]


def test_a_damaged_numbering_part_costs_the_numbers_not_the_text():
    """Levels out of range, starts that are not numbers or below zero, outline levels of nonsense."""
    document = Document()
    add_list(
        document, "70", "3", list_level(0, "chineseCounting", "%1、", start="abc") + list_level(15, "decimal", "%16."),
        overrides='<w:lvlOverride w:ilvl="0"><w:startOverride w:val="-4"/></w:lvlOverride>',
    )
    document.add_paragraph("2025年工作总结")
    for level, text in ((0, "主要工作"), ("x", "全年培训120人次。"), (15, "其他事项")):
        paragraph = document.add_paragraph(text)
        number_paragraph(paragraph, "3", level)
    paragraph._p.get_or_add_pPr().append(parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="夜"/>'))
    lines = read(save(document)).text.splitlines()
    assert lines[0] == "2025年工作总结" and lines[1].endswith("主要工作") and lines[2].endswith("全年培训120人次。")
    assert lines[3].endswith("其他事项")
