"""What real report pages carry, in documents written for these tests: collection pages, site intros,
document-sharing terms, title copies, page furniture; the heading styles and hard wraps of copied text;
the slots of real templates. Each test shows one class of problem met on real pages."""
from __future__ import annotations

import pytest

import summaryparse


def kept(text: str) -> str:
    return summaryparse.extract(text).text()


def headings(text: str) -> list[tuple[str, int]]:
    return [(b.text, b.level) for b in summaryparse.extract(text).blocks if b.kind == "heading"]


REPORT_BODY = "一、主要工作\n全年走访群众320户，化解矛盾纠纷18起。\n二、存在问题\n网格员队伍流动较快。\n"


# ---------------------------------------------------------------- collection pages
def test_a_collection_page_keeps_only_the_report():
    page = (
        "首页 > 总结报告 > 社区工作总结 >\n"
        "社区网格员工作总结汇总八篇\n"
        "总结是对过去一段时间工作的回顾和检查，写好总结能帮我们看清得失。下面是小编为大家整理的社区网格员工作总结，希望对你有所帮助。\n"
        "篇一：2024年社区网格员个人工作总结\n"
        "今年以来，我在社区党委的领导下认真履行网格员职责。\n" + REPORT_BODY
    )
    template = summaryparse.extract(page)
    assert template.text() == "今年以来，我在社区党委的领导下认真履行网格员职责。\n" + REPORT_BODY
    reasons = " ".join(r.reason for r in template.removed)
    assert "collection" in reasons and "site-intro" in reasons and "breadcrumb" in reasons


def test_the_generic_paragraph_goes_when_its_editors_line_stands_on_the_next_line():
    page = (
        "首页 > 工作总结 >\n"
        "年终总结是对一年工作的全面回顾，它能帮助我们总结经验、找出差距，为来年工作打下基础。\n"
        "下面是小编为大家整理的物业公司年终工作总结，希望对你有所帮助。\n"
        "物业公司年终工作总结\n今年以来，公司在业委会的支持下完成各项服务任务。\n"
    )
    assert kept(page) == "物业公司年终工作总结\n今年以来，公司在业委会的支持下完成各项服务任务。\n"


@pytest.mark.parametrize("label_line", ["第1篇 2023年街道文明创建工作总结", "篇一：《2023年街道文明创建工作总结》", "2023年街道文明创建工作总结 篇1"])
def test_a_lone_labelled_item_loses_its_label_and_keeps_its_title(label_line):
    template = summaryparse.extract(label_line + "\n今年以来，街道以创建全国文明城市为抓手，扎实推进各项工作。\n" + REPORT_BODY)
    assert template.title.strip("《》 ") == "2023年街道文明创建工作总结"
    assert any("collection-label" in r.reason for r in template.removed)


def test_a_labelled_item_under_the_pages_own_title_is_another_reports_name():
    text = "XX局2023年工作总结\n第3篇：财务人员年终述职报告\n一、主要工作\n全年召开会议3次，培训干部120人次。\n"
    assert kept(text) == "XX局2023年工作总结\n一、主要工作\n全年召开会议3次，培训干部120人次。\n"


def test_collection_pages_in_traditional_characters_and_half_width_punctuation():
    page = (
        "鄉鎮黨建工作總結合集6篇\n"
        "總結是對一段時間工作的全面回顧,能幫助我們理清思路.以下是本站為大家整理的鄉鎮黨建工作總結,歡迎閱讀參考.\n"
        "鄉鎮黨建工作總結 篇1\n"
        "今年以來,鎮黨委堅持抓黨建促發展,各項工作穩步推進。\n"
    )
    assert kept(page) == "今年以來,鎮黨委堅持抓黨建促發展,各項工作穩步推進。\n"


def test_a_run_together_collection_page_loses_its_headline_and_intro():
    line = (
        "销售部年终工作总结范文(精选6篇)总结是对一年工作的系统回顾，能帮助我们认识不足、明确方向。下面是小编整理的销售部年终工作总结范文，希望能够帮到大家。"
        "销售部年终工作总结范文【一】今年以来，销售部在公司领导下紧盯年度目标，全年实现销售收入3200万元，同比增长12%。"
        "一、市场开拓情况新开发客户46家，重点客户回款率达98%，参加行业展会4次，走访经销商120家次。二、存在的不足部分区域市场覆盖不够，新产品推广偏慢。"
        "三、明年工作计划一是巩固老客户，二是开拓西南市场，三是加强团队培训，力争销售收入突破3600万元。"
        "总之，新的一年里，销售部全体人员将以更加饱满的热情投入工作，为公司发展作出新的更大贡献。"
    )
    template = summaryparse.extract(line)
    assert template.text().startswith("今年以来，销售部在公司领导下")
    assert not any("小编" in b.text for b in template.blocks)


# ---------------------------------------------------------------- the site's own lines
def test_document_sharing_terms_go_but_a_reports_own_list_stays():
    terms = (
        "- 1、本文档共8页，可免费阅读前3页。\n"
        "- 2、本站文档由网友上传，付费下载后不退款，版权归原作者所有，侵权请联系删除。\n"
        "- 3、开通VIP会员可享下载权益，每下载1次扣除1次下载次数。\n"
        "- 4、如发现文档侵犯版权，请拨打举报电话400-123-4567进行举报。\n"
    )
    own_list = "1、加强网格巡查，全年上报隐患线索56条。\n2、做好文件下载归档，规范台账管理。\n3、落实民情日志制度，收集群众诉求210件。\n"
    template = summaryparse.extract("社区网格工作总结\n" + terms + own_list)
    assert template.text() == "社区网格工作总结\n" + own_list
    assert len({r.line for r in template.removed}) == 4 and any("terms" in r.reason for r in template.removed)


@pytest.mark.parametrize(
    "furniture",
    ["3562人已围观", "网友发表时间 2024-05-18", "浏览记录", "- 目錄", "| user2087", "当前位置", "范文网 > 实用文 > 汇报材料 >", "公文网工作总结年度总结内容页", "镇卫生院年度工作总结_第2页", "1、"],
)
def test_page_furniture_goes(furniture):
    text = f"镇卫生院年度工作总结\n{furniture}\n一、主要工作\n全年门诊接诊2.3万人次，开展健康讲座12场。\n"
    assert kept(text) == "镇卫生院年度工作总结\n一、主要工作\n全年门诊接诊2.3万人次，开展健康讲座12场。\n"


def test_the_title_is_the_last_copy_the_site_prints_and_its_counter_goes():
    page = "县档案馆工作情况汇报\n\n县档案馆工作情况汇报(9)\n\n县档案馆工作情况汇报\n\n一、工作落实情况\n今年以来，馆藏档案数字化率达到86%。\n"
    template = summaryparse.extract(page)
    assert template.title == "县档案馆工作情况汇报"
    assert template.blocks[0].line == 5
    assert [r.line for r in template.removed] == [1, 3, 3] or sorted({r.line for r in template.removed}) == [1, 3]


def test_a_bracketed_copy_of_the_title_before_a_heading_goes():
    page = "街道消防安全上半年工作总结\n【街道消防安全上半年工作总结】(三)存在的薄弱环节\n部分商户消防通道堵塞问题反复出现。\n"
    template = summaryparse.extract(page)
    assert template.text() == "街道消防安全上半年工作总结\n(三)存在的薄弱环节\n部分商户消防通道堵塞问题反复出现。\n"


def test_a_sites_stamp_after_a_paragraph_and_a_page_index_inside_a_broken_sentence_go():
    page = (
        "区妇联年终工作总结\n"
        "全年区妇联围绕中心、服务大局，组织开展了一系列富有成效的工作。一、开展服务活动，在“三新”建设中充\n"
        "2、分发挥妇联职能作用，服务妇女儿童，全年开展各类活动46场次，惠及妇女群众3800余人次，妇联组织的凝聚力明显增强\n"
        "（一）工作重视不够。对人居环境整治调度不足。 材料汇 www.cailiaohui.net\n"
    )
    text = kept(page)
    assert "充\n分发挥" in text and "www." not in text and text.endswith("调度不足。\n")


def test_the_generic_paragraph_stays_when_it_is_the_reports_own():
    text = "XX局2023年工作总结\n一、主要工作\n全年召开会议3次。会上大家交流了经验，希望对今后的工作有所帮助。\n"
    assert kept(text) == text


# ---------------------------------------------------------------- titles and headings
def test_a_title_is_never_prose():
    template = summaryparse.extract("回头再看这一个月的付出，辛苦都变成了满满的踏实感！\n为期一个月的见习就这样过去了，我学到了不少。\n")
    assert template.title is None
    assert all(s.type != "title" for s in template.sections)


def test_a_title_split_over_two_lines_is_one_title():
    template = summaryparse.extract("市政园林局政研工作总结及2025年政\n研工作初步思路\n为总结政研工作经验，现对去年的政研工作进行总结。\n一、工作回顾\n全年开展调研12次。\n")
    assert [b.kind for b in template.blocks[:2]] == ["title", "title"]
    assert headings(template.text()) == [("一、工作回顾", 1)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("一。主要工作回顾。\n1.生产。全年产量稳定。\n2.质量。合格率98%。\n", [("一。主要工作回顾。", 1), ("1.生产。", 2), ("2.质量。", 2)]),
        ("一、开展服务\n〈一〉、服务妇女。全年走访200户。\n〈二〉、服务儿童。开展活动12场。\n", [("一、开展服务", 1), ("〈一〉、服务妇女。", 2), ("〈二〉、服务儿童。", 2)]),
        ("一、主要做法\n⒈强化学习。全年集中学习12次。\n⒉严格管理。修订制度5项。\n", [("一、主要做法", 1), ("⒈强化学习。", 2), ("⒉严格管理。", 2)]),
        (
            "一、年度目标复盘\n1.1 年初指标\n全年回款目标1.8亿元。\n1.2 完成情况\n实际回款1.9亿元。\n2.1.1 客户分级\n按贡献分为三级。\n",
            [("一、年度目标复盘", 1), ("1.1 年初指标", 2), ("1.2 完成情况", 2), ("2.1.1 客户分级", 3)],
        ),
        ("引言\n本年度车间紧紧围绕生产目标开展工作，顺利完成了各项任务。\n一、生产任务完成情况\n全年完成产值1.2亿元。\n", [("引言", 1), ("一、生产任务完成情况", 1)]),
    ],
)
def test_heading_styles_of_real_reports(text, expected):
    assert headings("车间年度工作总结\n" + text) == expected


def test_a_decimal_measure_is_not_a_heading():
    assert headings("村委会工作总结\n一、基础设施\n2.3公里通组道路完成硬化，惠及群众860人。\n") == [("一、基础设施", 1)]


def test_styles_nest_where_they_first_appear():
    text = "社区工作总结\n一、综合事务\n1、按时完成街道交办的工作。\n2、更新居务公开栏。\n二、文体活动\n（一）民生微实事\n全年开展项目8个。\n（二）科普活动\n开展讲座6场。\n"
    assert [level for _, level in headings(text)] == [1, 2, 2, 1, 2, 2]


def test_a_stray_line_at_the_top_does_not_shift_the_levels():
    text = "2022年以来， 全镇上下锚定发展目标，统筹推进经济社会发展各项工作，取得了明显成效。\n一、工作完成情况\n（一）学习宣传\n全镇组织集中学习36场。\n"
    assert headings("镇年度工作总结\n" + text) == [("一、工作完成情况", 1), ("（一）学习宣传", 2)]


def test_hard_wrapped_lines_never_become_headings():
    text = (
        "县政府党组作风建设情况报告\n一、主要做法\n"
        "一是强化理论武装。坚持把学习贯彻放在首位，今年以来累计组织专题集体学习\n"
        "XX 次，开展专题研讨 X 次，干部队伍作风持续向好。\n"
    )
    assert headings(text) == [("一、主要做法", 1)]
    assert [s.raw for s in summaryparse.extract(text).slots] == ["XX", "X"]


# ---------------------------------------------------------------- slots
def slots(text: str) -> list[tuple[str, str]]:
    return [(s.raw, s.kind) for s in summaryparse.extract(text).slots]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("完成工业投资x.6亿元，引进资金21.X万元。", [("x.6", "placeholder"), ("21.X", "placeholder")]),
        ("20*年，*镇学习贯彻党的*大精神，在*多校区开展体检。", [("20*", "placeholder"), ("*", "placeholder"), ("*", "placeholder"), ("*", "placeholder")]),
        ("共生产马拉硫磷**3025吨，出现结块、**发黄等问题。", [("**", "placeholder"), ("3025", "quantity"), ("**", "placeholder")]),
        ("全年培训1 千 5 百人次，投入资金1万3千元。", [("1 千 5 百", "count"), ("1万3千", "quantity")]),
        ("支部只有一名女党员，连续一个月无事故，每月一次例会，各村各一个服务点。", [("一", "count"), ("一", "quantity"), ("一", "count"), ("一", "count")]),
        ("几近三年的学习，两年多来来自四省九市的学员参观，对两乡督导。", [("三", "count"), ("两", "count"), ("四", "count"), ("九", "count"), ("两", "count")]),
        ("我们05行管党支部按编号XS2025001登记，举报电话400-050-0827。", []),
        ("锚定'两个确保“，实施'1222“工作布局，落实‘三个精心’，车间2/3以上为新员工。", []),
        ("发生1起三轮车侧翻事故，全村80后青年返乡创业。", [("1", "count")]),
        ("过去一年，我们召开会议一次。投入经费万多元。", []),
    ],
)
def test_slots_of_real_templates(sentence, expected):
    assert slots(sentence) == expected


def test_no_slot_in_removed_noise_or_a_heading_number():
    page = "护理年度总结5篇\n第1篇\n护理部年度工作总结\n1.1 护理质量\n全年护理差错0起，满意度达98%。\n"
    template = summaryparse.extract(page)
    assert [s.raw for s in template.slots] == ["0", "98"]
