"""Rule tables: heading markers, noise patterns, units, not-a-slot idioms, section cues.

Each entry carries a one-line reason. Code elsewhere only iterates these tables; adding a
case means adding a row here. Patterns use the `regex` package and are written so that
they cannot backtrack badly: bounded repeats, no nested quantifiers.
"""
from __future__ import annotations

from importlib import resources
from typing import NamedTuple

import regex

REGEX_TIMEOUT = 2.0  # seconds a single pattern may spend on one text: the patterns are linear, this bounds the unforeseen


def all_matches(pattern: regex.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> list:
    """Every match, collected first, so that the timeout bounds the pattern's own work, not the caller's loop."""
    return list(pattern.finditer(text, pos, len(text) if endpos is None else endpos, timeout=REGEX_TIMEOUT))


CN_DIGITS = "零〇一二两兩三四五六七八九十百千万萬亿億"
CN_SMALL = "一二三四五六七八九十"  # what heading markers count with


# ---------------------------------------------------------------- heading markers
class HeadingStyle(NamedTuple):
    name: str
    pattern: str  # matched at the start of a line (after indentation and markdown wrapping)
    rank: int  # conventional depth: lower is outer; used to order the styles present in a document
    reason: str


HEADING_STYLES: tuple[HeadingStyle, ...] = (
    HeadingStyle("part", rf"第[{CN_SMALL}]{{1,3}}(?:部分|章|篇)[、，,：:\s]?", 0, "第一部分 / 第一章: the outermost division of long reports"),
    HeadingStyle("cn_dun", rf"[{CN_SMALL}]{{1,3}}(?:、|[．.](?!\d)|[．.](?=\d{{1,4}}[年月])|。(?=\S))", 10, "一、 the usual top-level heading; 一． 一. and 一。 are the same style typed differently"),
    HeadingStyle("cn_paren", rf"(?:[（(][{CN_SMALL}]{{1,3}}[）)]|〈[{CN_SMALL}]{{1,3}}〉)[、]?\s?", 20, "（一） and (一) nest under 一、; half- and full-width brackets are one style, 〈一〉 typed with angle brackets too"),
    HeadingStyle("cn_bracket", rf"【[{CN_SMALL}]{{1,3}}】", 15, "【一】 used by some sites and offices as a top or second level"),
    HeadingStyle("decimal3", r"\d{1,2}[.．]\d{1,2}[.．]\d{1,2}(?![\d.．%])\s?", 34, "2.1.1 decimal numbering three deep: below 2.1"),
    HeadingStyle("decimal2", r"\d{1,2}[.．]\d{1,2}(?![\d.．%‰])(?=\s|[^\d\s万亿千百元倍个人次件名家户%‰])\s?", 32, "1.1 decimal numbering of reports written like papers: below 一、 or 1."),
    HeadingStyle("num_dot", r"(?:\d{1,2}[.．](?:(?!\d)|(?=\d{1,4}[年月]))|[⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛])\s?", 30, "1. the third level in government style; ⒈ is the same typed as one character"),
    HeadingStyle("num_dun", r"\d{1,2}、", 31, "1、 written where 1. is expected; kept apart because some documents nest one under the other"),
    HeadingStyle("num_paren", r"[（(]\d{1,2}[）)]\s?", 40, "（1） the fourth level"),
    HeadingStyle("circled", r"[①②③④⑤⑥⑦⑧⑨⑩]", 50, "① the fifth level"),
)

# A heading style with no number: markdown heading marks and whole-line bold.
MARKDOWN_HEADING = regex.compile(r"(#{1,6})[ \t]*")
MARKDOWN_BOLD_LINE = regex.compile(r"\*\*([^*\n]{1,60})\*\*[:：]?")
MARKDOWN_BOLD_LEAD = regex.compile(r"\*\*[^*\n]{2,40}\*\*[，。：:,.；;]?(?=\S)")  # **加强管理**，… : a bold lead phrase heads its paragraph
# 加强学习，提高政治站位 我坚持…: a short phrase, a space, then prose: a heading run into its paragraph.
SPACED_HEADING = regex.compile(r"([^\s。！？!?；;：:、，,]{2,12}(?:[，,][^\s。！？!?；;：:，,、]{1,12})?)[ \u3000\u00a0]+(?=[^\s\p{P}][^\n]{20,}[。！？])")  # never a fragment ending in a comma: 据分析，

# Unnumbered headings on a line of their own: short, no sentence punctuation, and naming a part of a report.
PLAIN_HEADING_CUES = regex.compile(
    r"(?:存在|问题|不足|差距|打算|计划|思路|措施|举措|建议|成效|成绩|做法|经验|体会|启示|收获|"
    r"基本情况|总体情况|下一步|今后|展望|亮点|主要工作|工作回顾|努力方向|改进方向|^引言$|^前言$|^概述$|^背景$|^结语$|^结束语$)"
)
# In a run-together report a heading is often followed by its text with no punctuation: 二、存在的问题上半年…
RUN_IN_HEADING_NOUN = regex.compile(r".{0,16}?(?:存在的问题|存在问题|问题与不足|存在的不足|不足之处|主要问题|工作打算|工作计划|工作思路|工作措施|主要做法|主要成效|工作成效|主要工作|基本情况|经验体会|体会|启示|下一步打算)")
PLAIN_HEADING_MAX = 24
BARE_HEADING_MAX = 20  # a short bare line followed by prose heads that prose: 思想政治方面
BARE_HEADING_PROSE_MIN = 30  # longer lines without punctuation are titles of tables or run-together text, not headings

# A heading sentence longer than this is a numbered list item written as a paragraph.
HEADING_SENTENCE_MAX = 80  # numbered one-sentence items are headings too; longer is a numbered paragraph

DATE_LINE = regex.compile(r"\s*(?:\d{4}|二[〇零][一二三四五六七八九〇零]{2}|20XX|20xx)\s?年.{0,12}")  # 2023年12月28日 on its own line

# ---------------------------------------------------------------- title
TITLE_WORDS = regex.compile(r"(?:总结|小结|报告|汇报|述职|述廉|材料|情况|回顾|总结报告|工作要点)")
TITLE_MAX = 60  # a title is one short line
UNIT_LINE_MAX = 30  # a unit's name standing above the title

# ---------------------------------------------------------------- noise
class NoiseRule(NamedTuple):
    name: str
    pattern: str
    reason: str
    numbered: bool = False  # may match a line that starts like a numbered heading (【二】…述职 on a collection page)
    needs: tuple[str, ...] = ()  # every match holds one of these: a line holding none skips the rule, never compiled for it

    def may_match(self, *texts: str) -> bool:
        return not self.needs or any(any(map(text.__contains__, self.needs)) for text in texts)


DIGIT_CHARS = tuple("0123456789０１２３４５６７８９")  # what \d matches in reports (regex's \d is any decimal digit)


class LazyPattern:
    """A pattern compiled when first used: compiling every rule at start-up costs more than most documents need,
    since a rule whose `needs` a line lacks is never tried on it."""

    __slots__ = ("source", "_compiled")

    def __init__(self, source: str):
        self.source = source
        self._compiled: regex.Pattern | None = None

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self.source)
        return self._compiled


# The item label of a collection page: 篇一, 篇(4), 第1篇, 【一】, 【篇三】, 【第2篇】.
ITEM_NUMBER = r"[一二三四五六七八九十\d]{1,3}"
COLLECTION_LABEL = rf"篇\s?[(（]?{ITEM_NUMBER}[)）]?|第{ITEM_NUMBER}篇|【篇?{ITEM_NUMBER}】|【第{ITEM_NUMBER}篇】"

# Whole lines that are noise whatever surrounds them. Anchored to the full (stripped) line; a leading
# wildcard never crosses a sentence end, so a report sentence with an advert glued after it is not taken
# along (cleaning cuts the advert sentence alone).
NOISE_LINE_RULES: tuple[NoiseRule, ...] = (
    NoiseRule("study-only", r"[^。！？!?]{0,30}仅供(?:学习|参考|借鉴|个人)(?:交流|参考|使用|学习)?(?:使用)?[\s,，、。]*(?:(?:禁止|严禁|请勿|不得)(?:外传|转载|商用|传播|用于商业用途)[^。\n]{0,20})?[）)】]?", "site warning stamped on downloaded templates: 仅供学习 禁止外传", needs=('仅供',)),
    NoiseRule("subscribe", r"[^。！？!?]{0,20}(?:订阅|开通会员|升级会员|会员专享|VIP|vip|年卡)(?:立享|即可|尊享|享受|可享|专享|立省|立减|会员|内容|[】\]]).{0,60}", "subscription or membership pitch", needs=('订阅', '开通会员', '升级会员', '会员专享', 'VIP', 'vip', '年卡')),
    NoiseRule("member-only", r"[【\[(（]?[^。\n]{0,20}(?:会员|VIP|vip|积分|登录)[^。\n]{0,20}(?:下载|查看|全文|阅读)[^。\n]{0,20}[】\])）]?", "members-only cut: 登录后查看全文", needs=('会员', 'VIP', 'vip', '积分', '登录')),
    NoiseRule("member-group", r"[^。！？!?]{0,10}(?:会员群|免费QQ群|QQ群|qq群|微信群|交流群|公众号|微信号)[:：].{0,60}", "group or account advert line", needs=('群', '公众号', '微信号')),
    NoiseRule("follow-us", r"[^。！？!?]{0,40}(?:扫码关注|关注公众号|扫描二维码|长按识别|关注我们|获取更多(?:资源|范文|资料)).{0,40}", "follow-us advert", needs=('扫码关注', '关注公众号', '扫描二维码', '长按识别', '关注我们', '获取更多')),
    NoiseRule("resale", r"[^。！？!?]{0,20}(?:倒卖|举报成功|免费赠送).{0,40}(?:会员|资料|材料).{0,20}", "anti-resale advert of template sites", needs=('倒卖', '举报成功', '免费赠送')),
    NoiseRule("campaign", r"【(?:打击倒卖活动|会员福利|限时优惠|温馨提示|特别推荐|相关推荐|热门推荐|相关文章|相关阅读|推荐阅读|精品|范文天地|文库精选)】.{0,60}", "bracketed advert or link headline", needs=('【',)),
    NoiseRule("breadcrumb", r"(?:当前位置|您的位置|你的位置|当前页面)[:：]?|(?:[^。，；>›»＞\n]{1,20}\s?[>›»＞]\s?){1,8}|当前(?:页面|栏目)[:：].{0,80}|[您你]?(?:当前|現在|现在)?(?:的|所在)?位置(?:是|导航)?[:：].{0,80}|(?:所属|所在)栏目[:：].{0,80}|(?:网站首页|首页|主页|首頁)(?:\s*(?:[>›»/｜|＞→〉]{1,2}|\s[-－—]\s)\s*[^>›»/｜|＞→〉\n]{1,20}){1,8}\s*[>›»/｜|＞→〉]{0,2}", "portal breadcrumb: 首页 > 范文 > 工作总结, 首页 → 文档, 位置：首页 - 正文", needs=('>', '›', '»', '＞', '当前', '位置', '栏目', '首页', '主页', '首頁')),
    NoiseRule("nav-tokens", r"(?![|｜])[^。，；\n]{1,16}(?:\s*[|｜·•>›»]\s*[^。，；\n|｜·•>›»]{1,16}){2,10}", "a row of short navigation or meta tokens separated by | · >", needs=('|', '｜', '·', '•', '>', '›', '»')),
    NoiseRule("crawl-meta", r"(?=(?:[^\n]{0,60}?(?:时间|日期|来源|作者|编辑|栏目|浏览|点击|阅读|发布|字体|字号|字数|字体大小|阅读次数|点击数|录入|审核|访问量|更新时间|一审|二审|三审|终审|初审|复审|校对|编审|分类号?|索引号|文号|发文字号|发文机关|成文日期|主题分类|公开方式|公开范围|有效性)(?:人|者|员|机构|单位)?[:：]){2})[^。\n]{4,120}", "crawl header: two or more of date, source, author, column, read count (or a portal's open-information fields)", needs=(':', '：')),
    NoiseRule("dated-counter", r"(?:发布于|更新于|发表于|更新|发布)?\s?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s?(?:\d{1,2}:\d{2})?\s?[·•|｜\s]\s?[\d.,]{1,9}\s?[万wW]?\s?(?:次|人)?\s?(?:浏览|阅读|点击|围观|已读)", "a page's date and read counter: 更新于 2025-01-29 · 1204 次浏览", needs=('浏览', '阅读', '点击', '围观', '已读')),
    NoiseRule("dated-stamp", r"(?:最后)?(?:修改|更新|编辑|发布|发表|上传)于\s?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s?\d{1,2}:\d{2}(?::\d{2})?)?", "a page's own time stamp: 最后修改于 2023-12-30", needs=('于',)),
    NoiseRule("counters", r"(?:\s*\p{Extended_Pictographic}\uFE0F?\s?[\d.,]{0,8}\s?[万wWkK]?\s*){2,10}", "a row of emoji counters: 👍 128 💬 16"),
    NoiseRule("crawl-meta-plain", r"[>\s]*(?:(?:发布于|发布时间|更新时间|發布時間|时间|日期|发布日期|来源|來源|信息来源|作者|编辑|責任編輯|责任编辑|阅读|閱讀|浏览|点击|收藏|点赞|评论|字号|字数)[:：]?\s?[^\s|·•]{0,40}[\s|·•]*){2,8}", "crawl header without colons: 发布于 2023-10-09 阅读 1284", needs=('发布', '更新时间', '發布', '时间', '日期', '来源', '來源', '作者', '编辑', '編輯', '阅读', '閱讀', '浏览', '点击', '收藏', '点赞', '评论', '字号', '字数')),
    NoiseRule("meta-single", r"(?:文章|本文|文档|所属)?(?:发布日期|发表日期|發表日期|发布时间|更新时间|信息来源|来源|來源|责任编辑|编辑|浏览次数|阅读次数|访问量|点击数|阅读|收藏|文档编号|上传者|上传时间|发布者|录入|本文标签|标签|关键词|关键字|文档格式|文件大小|页数|文档页数|本文地址|原文地址|原文链接|ICP备案号|备案号)[:：]\s?[^，。]{0,80}", "single crawl or document-site meta field on its own line", needs=(':', '：')),
    NoiseRule("chrome", r"[👍⭐✨🔥❤\s]*(?:[【\[]?(?:长者版|無障礙|无障碍(?:阅读)?|打印本页|打印本頁|打印|列印本页|列印|关闭窗口|關閉窗口|关闭|收藏本文|收藏本页|收藏|返回顶部|返回|举报|复制链接|登录|注册|返回上一级|在看|点赞|赞赏|喜欢作者|赞|踩|顶|回复|写留言|留言|转发|我来回答|最佳答案|我要提问|更多回答|追问|阅读模式|夜间模式|分享到[:：]?|分享[:：]?|微信|微博|QQ空间|下载全文|字号[:：]?\s?[大中小\s【】]{1,12})(?:\s?[(（]\d{1,6}[)）])?[】\]]?[\s|｜/·👍⭐✨🔥❤]*){1,10}", "portal chrome: print, close, share, font size"),
    NoiseRule("mail-header", r"(?:发件人|收件人|抄送|发送时间|主题[:：]\s?(?:转发|回复|答复|[Ff][Ww]|[Rr][Ee]))[:：]?.{0,100}", "the header of a forwarded e-mail the report came in", needs=('发件人', '收件人', '抄送', '发送时间', '主题')),
    NoiseRule("page-number", r"[-—–\s]*\d{1,3}[-—–\s]*|一\s\d{1,3}\s一", "a page number alone on its line, left by a PDF conversion (一 7 一: dashes read as 一)", needs=DIGIT_CHARS),
    NoiseRule("head-and-page", r"[^。，；\n]{1,60}(?:[_＿]|--|——)第\s?\d{1,4}\s?页|[^。，；\n]{1,40}[ \u3000]{2,}(?:第\s?\d{1,4}\s?页(?:\s?[/,，]?\s?共\s?\d{1,4}\s?页)?|\d{1,3}\s?/\s?\d{1,3})", "a converted page's running head with its page number", needs=('页', '/')),
    NoiseRule("contents", r"[-•·\s]{0,3}目\s{0,3}录[:：]?|[^。，；\n]{2,60}?[.…·．・]{4,}[.…·．・\s]*\d{1,3}", "a table of contents: dot leaders and a page number", numbered=True, needs=('目', '.', '…', '·', '．', '・')),
    NoiseRule("address-footer", r"(?:通信|通讯|联系)?地址[:：][^。\n]{2,40}(?:邮编|邮政编码)[:：]?\s?\d{6}", "a portal footer's address and postcode", needs=('地址',)),
    NoiseRule("share", r"分享到[:：]?.{0,40}", "share buttons", needs=('分享到',)),
    NoiseRule("button-row", r"(?:\s*[【\[［]\s?[^【】\[\]［］\n]{1,8}\s?[】\]］]\s*){2,8}", "a line of nothing but bracketed buttons: 【大字版】【无障碍】【English】", needs=('【', '[', '［')),
    NoiseRule("editor", r"[^。！？!?]{0,30}(?:小编|小編)(?:为大家|為大家|为你|給大家|给大家|精心|整理|收集|帶來|带来).{0,80}", "editor line of template sites", needs=('小编', '小編')),
    NoiseRule("for-reference", r"[^。！？!?]{0,30}(?:供大家参考|供大家參考|欢迎阅读|歡迎閱讀|希望对你有所帮助|希望對你有所幫助|希望能帮助到您|欢迎大家借鉴|希望对大家有所帮助)[。！!～~]?.{0,20}", "editor courtesy line", needs=('供大家', '欢迎', '歡迎', '希望')),
    NoiseRule("provenance", r"[【\[(（]?.{0,20}(?:本文|本篇|内容|文章)(?:内容)?(?:来源于|来自|由|为|系)(?:网络|网友|用户|会员)(?:投稿|上传|整理|收集|分享)?.{0,80}", "site provenance line: 本文由网友投稿", needs=('网络', '网友', '用户', '会员')),
    NoiseRule("this-site", r"[*【\[(（]{0,3}[^。\n]{0,20}本站[^\n]{0,60}(?:网友|用户|投稿|上传|侵权|会员|下载|收录|范文|资料)[^\n]{0,80}", "a line about 本站 (this site) is the site speaking, not the report", needs=('本站',)),
    NoiseRule("column", r"[>\s]*[^。\n]{0,20}(?:收录于|订阅专栏|解锁全部|专栏)[^\n]{0,80}(?:范文|资料|文章|订阅|解锁)[^\n]{0,40}", "column or subscription notice of writing sites", needs=('收录于', '订阅专栏', '解锁全部', '专栏')),
    NoiseRule("not-our-view", r"[^。！？!?]{0,40}不代表本(?:站|平台|网|号)(?:观点|立场).{0,40}", "site disclaimer", needs=('不代表本',)),
    NoiseRule("paywall-line", r"[（(〔【\[]?[…\.。]{0,6}(?:此处|此處)?(?:省略|隐藏|隱藏)\s?(?:[\d,]{1,7}|若干|部分)\s?(?:个)?字.{0,30}[）)〕】\]]?[…\.。]{0,6}", "paywall cut standing on its own line", needs=('省略', '隐藏', '隱藏')),
    NoiseRule("pages-left", r"[^。！？!?]{0,10}已阅读\s?\d{1,4}\s?页.{0,10}还剩\s?\d{1,4}\s?页.{0,20}", "page counter of document viewers", needs=('已阅读',)),
    NoiseRule("page-marker", r"(?:[_—\-\s]{0,4}第\s?\d{1,4}\s?页(?:\s?[,，/（(]?\s?共\s?\d{1,4}\s?页[）)]?)?[_—\-\s]{0,4}|[·•]\s?\d{1,4}\s?[·•]|[-—－―~～]{1,2}\s?\d{1,4}\s?[-—－―~～]{1,2}|[【〔\[［(（]\s?第?\s?\d{1,4}\s?[页頁]\s?[】〕\]］)）]|页码[:：]?\s?\d{1,4}(?:\s?[/／]\s?\d{1,4})?|\d{1,4}\s?/\s?\d{1,4}|Page\s\d{1,4}(?:\sof\s\d{1,4})?)", "page marker of a converted PDF", needs=('页', '頁', '·', '•', '-', '—', '－', '―', '~', '～', '/', 'Page')),
    NoiseRule("page-count", r"[（(]?(?:本文档共|本文共|全文共|共)\s?\d{1,4}\s?页.{0,20}|[（(]完[）)]|[（(]全文完[）)]", "document-site page count or end mark", needs=('页', '完')),
    NoiseRule("reading-time", r"[^。！？!?]{0,6}(?:本文|全文)(?:约|共)\s?\d{2,6}\s?字.{0,30}", "reading-time line: 本文约2200字", needs=('字',)),
    NoiseRule("continue-free", r"[^。！？!?]{0,20}(?:以下内容需(?:下载|登录|付费|开通会员)后?(?:查看|阅读)|继续免费阅读|繼續免費閱讀|点击阅读全文|下一页|上一页|更多精彩|展开全文|查看全文|免费下载|下载本文档|下載本文檔|下载文档|立即下载|下载全文|复制全文|点击下载|一键下载|下载需要\s?\d{1,4}\s?积分|完整内容请|下载完整版|登录后下载).{0,30}", "download or read-more button", needs=('以下内容需', '继续免费阅读', '繼續免費閱讀', '点击阅读全文', '下一页', '上一页', '更多精彩', '展开全文', '查看全文', '下载', '下載', '复制全文', '完整内容请')),
    NoiseRule("copyright", r"[^。！？!?]{0,10}(?:版权说明|版权声明|版權聲明|免责声明|著作权归|本文由用户|本文档由用户|本资料权属|严禁复制|如有侵权|若有侵权|侵权请联系|侵删|转载请注明|互联网用户自发贡献).{0,240}", "injected copyright or takedown line", needs=('版权', '版權', '免责声明', '著作权归', '本文由用户', '本文档由用户', '本资料权属', '严禁复制', '侵权', '侵删', '转载请注明', '互联网用户自发贡献')),
    NoiseRule("site-slogan", r"[^。！？!?]{0,10}(?:精选优质文档|精選優質文檔|倾情为你奉上|傾情為你奉上|范文仅供参考|範文僅供參考|文档仅供参考|本文仅供参考|精品文档|精选范文|文库精选|每日更新).{0,30}", "slogan injected by document sites", needs=('精选优质文档', '精選優質文檔', '倾情为你奉上', '傾情為你奉上', '仅供参考', '僅供參考', '精品文档', '精选范文', '文库精选', '每日更新')),
    NoiseRule("model-essay", r"[^。，；\n]{0,40}(?<![规示防典模])(?:范文|範文)(?![明件化字])[^。；\n]{0,24}", "a line naming a model essay (范文) is the site's title, never the report's", needs=('范文', '範文')),
    NoiseRule("collection-label", rf"[-•·\s]{{0,3}}(?:{COLLECTION_LABEL})[:：]?", "item label of a collection page standing alone (a label before a title is judged by its place)", numbered=True, needs=('篇', '【')),
    NoiseRule("collection-count", r"[^。！？!?]{0,60}[（(](?:汇总|通用|精选|优选|推荐|合集|热门|彙總|精選|范文|範文)?(?:\d{1,3}|[一二三四五六七八九十两]{1,3})篇[）)].{0,20}|《?(?![^\n]{0,60}(?:撰写|完成|发表|上报|报送|提交|形成|收集|编写|征集|刊发|录用|推送|采写|撰寫|發表|累计))(?=[^\n]{0,60}(?:总结|總結|报告|報告|述职|述職|范文|範文|汇报|彙報|计划|計劃|心得|体会|體會|模板))[^。，；,\n]{2,60}?(?:\d{1,3}|[一二三四五六七八九十两兩]{1,3})篇(?:正文|范文|範文)?[》）)]?(?:\s?[-—_]{1,3}\s?第\s?\d{1,3}\s?页)?|.{0,40}(?:汇总|通用|精选|优选|合集|精選)\d{1,3}篇|.{0,60}[（(](?:通用版|精选版?|精品|汇总|合集|优选|完整版|最新版?|精华版)[）)]|【精品】.{0,60}|.{0,60}[【(（\[][^】)）\]\n]{0,6}\d{1,3}篇[】)）\]]|[^。！？!?]{2,60}[,，]\s?共\s?\d{1,3}篇", "collection page title: (汇总14篇), (通用版)", numbered=True, needs=('篇', '通用版', '精选', '精選', '精品', '汇总', '合集', '优选', '完整版', '最新', '精华版')),
    NoiseRule("url", r"[^\s，。:：]{0,8}[:：]?\s?[(（]?(?:https?://|www\.|[A-Za-z0-9-]{2,40}\.(?:com|cn|net|org|cc|top|vip|xyz|info)\b)[^\s，。]{0,200}", "an address, bare or labelled: 文章链接：http://…, 网站：fanwen.cc", needs=('http', 'www.', '.com', '.cn', '.net', '.org', '.cc', '.top', '.vip', '.xyz', '.info')),
    NoiseRule("link-list", r"(?:更多|查看更多)?(?:相关专题|相关标签|热门标签|更多相关|相关推荐|相关文章|相关阅读|推荐阅读|延伸阅读|热门推荐|上一篇|下一篇|猜你喜欢|热门文章|相關推薦|相關閱讀)[:：]?.{0,80}", "links to other pages", needs=('相关', '相關', '热门标签', '推荐阅读', '延伸阅读', '热门推荐', '上一篇', '下一篇', '猜你喜欢', '热门文章')),
    NoiseRule("like", r"[^。！？!?]{0,10}(?:点个赞|觉得有用|觉得不错|有帮助[?？]).{0,20}", "like button prompt", needs=('点个赞', '觉得有用', '觉得不错', '有帮助')),
    NoiseRule("downloads", r"[^。！？!?]{0,20}(?:已有|已被)\s?[\d.]{1,6}\s?万?\s?(?:人|次)?\s?(?:下载|阅读|浏览|收藏|使用).{0,10}", "download counter", needs=('已有', '已被')),
    NoiseRule("empty-item", r"\d{1,2}[、.．]", "an empty numbered stub of a site's list: 1、 alone", numbered=True, needs=DIGIT_CHARS),
    NoiseRule("page-furniture", r"[^。！？!?]{0,20}\d{0,9}(?:[.]\d)?\s?[万wW]?\s?人(?:已)?(?:围观|圍觀|看过|看過|阅读过|浏览过|浏览|瀏覽|阅读|閱讀|收藏)[^。！？!?]{0,20}|(?:网友)?发表时间[:：]?\s?[\d\s:\-/]{0,30}|浏览记录|瀏覽記錄|[^。，；\n]{0,30}(?:内容页|內容頁|详情页|詳情頁|正文页)|[|｜]\s?[A-Za-z][A-Za-z0-9_]{1,20}", "a page's view counter, posting time, history list or poster's id", needs=('人', '发表时间', '浏览记录', '瀏覽記錄', '内容页', '內容頁', '详情页', '詳情頁', '正文页', '|', '｜')),
    NoiseRule("separator", r"[\-—=_*~·.。…>↓↑→⭐👍\s]{3,}|[↓↑→⭐👍✨🔥]{1,6}\s?[^。，\n]{0,10}|[(（]\d{1,6}[)）]", "separator rules, arrows and counters between site parts"),
)

# Pieces inside a line that are noise: paywall cuts glued into a paragraph.
NOISE_INLINE_RULES: tuple[NoiseRule, ...] = (
    NoiseRule("paywall-cut", r"[（(](?:…{1,3}|\.{3,6})?(?:此处|此處)?(?:省略|隐藏|隱藏)[:：]?\s?[\d,]{1,7}\s?(?:个)?字[^）)\n]{0,30}[）)](?:…{1,3}|\.{3,6})?", "paywall cut inside a paragraph", needs=('省略', '隐藏', '隱藏')),
    NoiseRule("hidden-cut", r"(?:…{1,12}|\.{3,12})(?:此处|此處)(?:省略|隐藏|隱藏)[:：]?\s?[\d,]{1,7}\s?(?:个)?字(?:[^…\n]{0,40}?(?:…{1,12}|\.{3,12}))?", "hidden-text cut inside a paragraph: ……此处隐藏955个字……", needs=('此处', '此處')),
    NoiseRule("page-after-sentence", r"(?<=[。！？])\s?(?:[-—－―~～]\s?\d{1,4}\s?[-—－―~～]|[·•]\s?\d{1,4}\s?[·•])\s?", "a page number a PDF conversion glued after a sentence: 。- 5 -", needs=('。', '！', '？')),
    NoiseRule("read-on", r"(?:…{1,12}|\.{3,12})(?:展开)?(?:阅读|查看)?(?:余下)?全文(?:\s?>>)?|(?:余下|查看|阅读)全文\s?>>", "a read-more prompt glued into a paragraph: ……展开阅读全文, 余下全文>>", needs=('全文',)),
    NoiseRule("site-link", r"(?:更多[^。，；\n]{0,8}(?:请访问|请登录|见)|原文(?:地址|链接)?|本文链接|文章来源|出处)[:：]?\s?(?:https?://|www\.)[A-Za-z0-9.\-]*\.[A-Za-z]{2,6}(?![A-Za-z])(?:[:/][A-Za-z0-9./_\-?=&%#:]*)?", "a site's own link glued into a paragraph (it ends at its domain's letters or runs on after a slash: www.x.cn1—6月 keeps 1—6月) (a URL the report names stays)", needs=('http', 'www.')),
    NoiseRule("title-counter", r"(?<=^[^。，；,\n]{2,50}(?:总结|總結|报告|報告|汇报|彙報|述职|述職|计划|計劃)[^。，；,\n]{0,3}?)\s?[（(]\s?(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s?[）)]\s*$", "a page or copy counter a site prints after a title: 年终总结(9), 半年总结( 五 )", needs=("(", "（")),
    NoiseRule("site-tag", r"(?:(?<=\S)\s+|(?<=[。！？!?]))(?:(?:本文)?来自|来源[:：]|出自|來源[:：])?\s?[^\s，。,.；;:：]{2,8}\s?(?:https?://)?(?:(?:www|m)\.[A-Za-z0-9\-]{2,40}(?:\.[A-Za-z]{2,6}){1,3}|[A-Za-z0-9\-]{2,40}(?:\.com|\.cn|\.net|\.org|\.cc|\.top|\.vip){1,2})/?(?=\s|$|\p{Han})|(?<=[。！？!?])\s?https?://[A-Za-z0-9.\-]{3,60}(?:/[A-Za-z0-9_\-?=&%#/]{0,80}(?:\.(?:s?html?|php|aspx?|jsp))?)?", "a site's name and address stamped after a sentence: 公文汇 www.gongwenhui.com (an address the report names, after its own words, stays)", needs=(".",)),
    NoiseRule("slogan-cut", r"(?:精选优质文档|精選優質文檔)[-—\s]{0,8}(?:倾情为你奉上|傾情為你奉上)", "a document site's slogan glued before the text", needs=('精选优质文档', '精選優質文檔')),
    NoiseRule("watermark", r"本资料权属[^。，；\n]{1,20}?(?:严禁复制剽窃|严禁复制|禁止复制)", "a document site's ownership stamp injected mid-sentence", needs=('本资料权属',)),
    NoiseRule("page-of", r"第\s?\d{1,4}\s?页\s?[,，/]?\s?共\s?\d{1,4}\s?页", "a page counter glued into a paragraph: 第3页共6页", needs=('页',)),
    NoiseRule("page-cut", r"(?:_{1,3}|[-—]{2})第\s?\d{1,4}\s?页|[【〔\[［（(]\s?第\s?\d{1,4}\s?页(?:\s?[/,，]?\s?共\s?\d{1,4}\s?页)?\s?[】〕\]］）)]", "a page marker glued into a paragraph by a PDF conversion: _第3页, 【第3页】", needs=('页',)),
)

# Words of the sites themselves. A short line whose words weigh 2 or more is noise; in a bracket or
# between ellipses inside a paragraph, such words mark a paywall or advert cut.
class SiteWord(NamedTuple):
    pattern: str
    weight: int  # 2: never in a report; 1: in reports too, noise only beside another site word
    reason: str


SITE_WORDS: tuple[SiteWord, ...] = (
    SiteWord(r"小编|小編|站长|站長", 2, "the site's editor speaking"),
    SiteWord(r"(?:白金|黄金|钻石|铂金|超级|高级|付费)会员|会员(?:特权|专属)|领积分|送\d{1,4}积分|赠送.{0,4}积分|VIP|vip|会员专享|會員專享|开通会员|開通會員|升级会员|升級會員|正式会员|正式會員|超级会员|首充|充值|年卡|季度会员|终身(?:会员|VIP|vip|卡)", 2, "membership sales (终身学习 is a report's lifelong learning)"),
    SiteWord(r"(?:如有|若有)侵[权權]|侵[权權](?=请|請|必究|删|刪|联系|聯繫|投诉|投訴)|侵删|版权所有|版權所有|著作权|著作權|未经(?:本站)?(?:书面)?(?:许可|授权)|未經(?:許可|授權)|禁止转载|禁止轉載|请勿转载|請勿轉載|转载请|轉載請|不得擅自使用|建立镜像", 2, "copyright notices"),
    SiteWord(r"仅供参考|僅供參考|仅供.{0,6}(?:学习|参考|交流)|仅限.{0,4}(?:网友|个人|会员)(?:学习|使用|参考)?|僅限個人|请根据实际情况修改|禁止商用|请勿商用|勿作商用|原作者", 2, "template-site warnings"),
    SiteWord(r"注意保密|排行榜|分辨率|[￥¥]\s?\d|请勿|照搬|照抄|抄袭|改写|友情提示|温馨提示|查重|不得外传|外传|取得授权|代写|内部资料|文档由|转发给|第一时间获取|[A-Za-z]{1,8}_\d{2,}", 1, "warnings that reports may use too: 不能照抄照搬"),
    SiteWord(r"(?<![规示防典模])范文(?![明件化字])|文库|优文网", 2, "a model-essay site naming itself (not 规范文明)"),
    SiteWord(r"(?:进|進|入)群(?![众眾体體落英])|拉你|QQ群|qq群|交流群|客服微信|加微信|添加微信|关注.{0,8}(?:公众号|抖音号?|视频号|头条号?|快手号|小红书|微博|知乎|账号)|知识星球|交流\d{0,2}群|群[:：]\s?\d{5,11}|回[复覆][「“\"].{1,8}[」”\"]|QQ客服|客服QQ|在线客服|群[①②③]", 2, "group and account adverts (深入群众, 促进群体: the masses and groups of reports are no chat groups)"),
    SiteWord(r"预览已结束|试读结束|试读已结束|仅展示|需解锁|当前仅显示|隐藏内容|此处隐藏|此处省略|阅读全文|閱讀全文|查看全文|查看更多|展开全文|展開全文|继续阅读|繼續閱讀|继续免费阅读|未读|未讀|余下全文|已隐藏|已隱藏|已折叠|已折疊|未完待续|未完，|未完,|試讀|试读|登录后|登錄後|剩余\d{1,3}%|剩余内容|剩餘內容|需付费|需付費|付费内容|付費內容|支付\d|(?:需要|需|要)付费|需(?:要)?积分|付费用户|余下内容|本段(?:内容)?.{0,6}(?:可见|查看)|已被(?:隐藏|折叠|删除)|(?:下载|查看)(?:原文|完整)|(?:隐藏|省略|截断|折叠|略去)了?(?:约|近)?\s?[\d,]{1,7}\s?个?字|内容已被?(?:截断|隐藏|折叠)|已截断|预览部分|以上为预览|内容省略|购买(?:全文|后|本文)|付费阅读|完整(?:内容|版)(?:共|请|需)|(?:仅|限)?会员可见|付费(?:后|才能)|才能查看|后可见|省略(?:[\d,]{1,7}|若干|部分)\s?个?字|已省略|篇幅所限|全文共\s?[\d,]{1,7}\s?字|已显示\s?\d{1,3}\s?%|查看全部内容|点击展开|已(?:阅读|读)到.{0,6}(?:结尾|末尾)|可免费试读|阅读原文|预览结束", 2, "paywall and read-more cuts"),
    SiteWord(r"限时(?:特惠|优惠|折扣|\d折|领取)|原价|抢完即止|优惠进行中|立减|邀请好友|仅剩最后|下载券|商业目的|商业用途|新人礼包|续费|立即开通|点击开通|仅需[\d.]+元|包月|加群(?![众眾体體])|[Ww]ord版|PDF版|可编辑版|网络收集|收集整理|觉得本文|欢迎转发|追究法律责任|严禁.{0,6}转载", 2, "sales promotions, downloads and terms of use"),
    SiteWord(r"列印|索引号|索引號|视力保护色|視力保護色|无障碍阅读|無障礙閱讀|无障碍浏览|长者版|長者版|打印本页|打印本頁|关闭窗口|關閉窗口|返回列表|设为首页|設為首頁|加入收藏|我要纠错|我要糾錯|返回顶部|返回頂部|回到顶部|登录\s?(?:[|｜/]|或)\s?注册|请\s?登录|ICP备|在手机打开|字体[:：]?\s?[【\[]?\s?大|(?<!防)护眼|大字版|点击上方.{0,6}关注|设为星标|星标|扫一扫|干货|编辑推荐|小编推荐|编者推荐|热门文档|扫描生成|感谢网友|网友投稿|的投稿|收录于|关注我(?:们)?|转载须|客服电话[:：]|写手|建议使用.{0,12}浏览|发表评论|条评论|记得(?:关注|收藏|点赞)|的人还看了|还看了|大家都在看|怎么写|如何写|怎样写|楼主(?!体|體)|发帖人|回帖|(?<![院议議见見察])采纳率|提问者|回答者|在手机上查看|更多相关内容|更多.{0,6}请(?:点击|访问|关注)|值得(?:下载|收藏)|文档贡献者|举报此文档", 2, "portal chrome"),
    SiteWord(r"网址[:：]|網址[:：]|链接[:：]|鏈接[:：]|https?://|www\.|\.(?:com|cn|net|org|html?|shtml)\b", 2, "addresses"),
    SiteWord(r"[Cc]opyright|©|All Rights Reserved|ICP备|ICP证|公网安备|网站地图|联系我们|关于我们|隐私政策|用户协议|帮助中心|意见反馈|返回首页|技术支持[:：]|承办单位|微信扫一扫|手机扫码|手机阅读|转载自|文章来源[:：]|原文标题", 2, "portal footer and provenance"),
    SiteWord(r"举报电话|舉報電話|版权申诉|版權申訴|侵犯.{0,4}(?:版权|版權|著作权|著作權)|下载权益|下載權益|下载次数|下載次數|文档贡献|文檔貢獻", 2, "a document site's terms: reports, rights and download quotas"),
    SiteWord(r"点赞|评论\s?[(（]\d|赞\s?[(（]\d|\d{1,2}:\d{2}(?::\d{2})?", 1, "like counters and clock times of a page (阅读量 is a report figure too)"),
    SiteWord(r"编者按|编者的话|喜欢本文|本文的朋友|(?:这|本)篇文章|大家可以参考|关于.{0,8}的文章|感谢阅读|感謝閱讀|持续关注|持續關注|感兴趣的朋友|感興趣的朋友|可能对您也有帮助|带你看|希望对(?:你|您|大家)有|供大家参考|供您参考|大家一起来看看", 2, "editor courtesies"),
    SiteWord(r"下载|下載|会员|會員|积分|積分|收藏|分享|点击|點擊|栏目|欄目|本站|备注|備註|打印|關閉|关闭|主办单位|付费|付費|剩余|剩餘|省略|页|頁|公众号|公眾號|扫码|掃碼|微信群|模板", 1, "words reports use too, noise only beside another site word"),
)
SITE_LINE_MAX = 60  # a longer line is a paragraph, whatever words it holds
# The section model may call a line noise only when the line holds at least one site word.
ANY_SITE_WORD = regex.compile("|".join(f"(?:{w.pattern})" for w in SITE_WORDS))
SITE_CUT = regex.compile(  # a bracketed or dotted piece, with the dots or dashes around it
    r"(?:…{1,12}|\.{3,12}|[—\-_＿]{2,8}|[※★☆■□#*▼▲△▽◆]{1,8})?(?:[（(【\[［〔〖<＜「][^（）()【】\[\]［］〔〕〖〗<>＜＞「」\n]{1,60}[）)】\]］〕〗>＞」](?:[_＿]{2,8})?"
    r"|(?:…{1,12}|\.{3,12}|[—\-]{2,6}|[※★☆■□#*]{2,8}|[▼▲△▽◆])[^…\n—※★☆■□#*▼▲△▽◆]{1,40}(?:…{1,12}|\.{3,12}|[—\-]{2,6}|[※★☆■□#*]{2,8}|[▼▲△▽◆]))(?:…{1,12}|\.{3,12}|[—\-]{2,6}|[※★☆■□#*]{1,8})?"
    r"|(?<=[。！？!?])[^。！？!?\n>]{2,30}(?:>>|»|》》)"
)

class NamedPattern(NamedTuple):
    """A pattern with its name and the reason it is in a table: guards and section cues."""

    name: str
    pattern: str
    reason: str


# The editor's sentence that ends the generic paragraph a site puts before a report: that paragraph
# (what a summary is, why one writes it) is the site's, whole, when it stands above the report.
EDITOR_CUES: tuple[NamedPattern, ...] = (
    NamedPattern("editor", r"小编|小編", "the site's editor speaking"),
    NamedPattern("for-you", r"(?:为|為|给|給)(?:大家|您|你)(?:精心)?(?:整理|分享|带来|帶來|收集|准备|準備|奉上|推荐|推薦)", "something gathered for the reader: 为大家整理的"),
    NamedPattern("shared-by", r"(?:网友|網友|用户|用戶)(?:分享|上传|上傳|投稿)|(?:范文|範文|文库|文庫|题库|題庫)网", "a page crediting its uploader or itself"),
    NamedPattern("hope-helps", r"希望(?:能|可以)?(?:对|對)?(?:你|您|大家)(?:有所|有)?(?:帮助|幫助)|希望(?:能够|能夠|能|可以)?(?:帮|幫)(?:到|助)(?:你|您|大家)|(?:对|對)(?:你|您|大家)(?:有所|有)(?:帮助|幫助)", "the editor's courtesy: 希望对你有帮助"),
    NamedPattern("welcome", r"欢迎(?:阅读|閱讀|参考|參考|参阅|參閱|借鉴|借鑒|品鉴|品鑒|品读|品讀|收藏|下载|下載)|(?:感谢|感謝)(?:您|你)的(?:参阅|參閱|阅读|閱讀)|以供参考|以供參考|仅供参考|僅供參考|供(?:大家|您|你)(?:参考|參考|借鉴|借鑒)", "an invitation to read on: 欢迎阅读, 仅供参考"),
)
ANY_EDITOR_CUE = regex.compile("|".join(f"(?:{c.pattern})" for c in EDITOR_CUES))
# Below the report only the site's own voice decides: a report may close 希望对大家有所帮助, never 下面是小编整理的.
SITE_VOICE_CUE = regex.compile("|".join(f"(?:{c.pattern})" for c in EDITOR_CUES if c.name in ("editor", "for-you")))  # a site's name stamped in a paragraph is not its voice
SITE_INTRO_MAX = 400  # a site's generic paragraph is a few sentences; a longer one is the report's

# A document-sharing site's terms: a numbered list whose items speak of the site (本站, 付费, VIP, 下载).
TERMS_ITEM = regex.compile(r"\s*[-•·]?\s?\d{1,2}[、.．]")
TERMS_MIN_ITEMS = 3
TERMS_MEAN_WEIGHT = 3  # site-word weight per item on average; report lists hold none, or one by chance
TERMS_ITEM_WEIGHT = 4  # an item standing alone speaks of the site this heavily (本站, VIP, 会员, 下载, 退款)
TERMS_ITEM_MAX = 160

# A document-sharing site's page number, glued to the start of the line that continues a sentence: …在“三新”建设中充\n2、分发挥
PAGE_INDEX = regex.compile(r"\d{1,2}、")
PAGE_INDEX_BEFORE_MIN = 30  # the line before is a long run of prose broken off without punctuation

# A labelled item of a collection page: a label before or after a report's title (篇一：…, 第1篇 …, …篇1, …【第一篇】, …范文1).
COLLECTION_LABEL_BEFORE = regex.compile(rf"[-•·\s]{{0,3}}(?:{COLLECTION_LABEL}|范文{ITEM_NUMBER})[:：、.\s]{{0,2}}")
COLLECTION_LABEL_AFTER = regex.compile(rf"(?:\s?(?:{COLLECTION_LABEL}|[【\[]第?{ITEM_NUMBER}篇?[】\]])|(?<=(?:总结|總結|报告|報告|汇报|彙報|述职|述職|范文|範文|计划|計劃|心得|体会|體會))\s?[(（]?\d{{1,2}}[)）]?)\s*$")
REPORT_NAME_END = regex.compile(r"(?:总结|總結|报告|報告|汇报|彙報|述职|述職|小结|小結|计划|計劃|心得|体会|體會)[》」）)]?$")  # a report's name ends so
COLLECTION_CONTEXT_RULES = ("collection-count", "model-essay")  # noise lines that show the page is a collection

# Lines the noise-line model and the position rules may never take out: short lines that are the report's own.
Guard = NamedPattern


REPORT_LINE_GUARDS: tuple[Guard, ...] = (
    Guard("list-bullet", r"\s*[-•·]\s*", "a bare bullet is the report's list, split from its item by the page"),
    Guard("table-row", r"\s*[|｜].*[|｜]\s*", "a markdown table row is the report's table"),
    Guard("markdown-heading", r"\s*#{1,6}\s?\S.*", "a markdown heading is the report's structure"),
    Guard("bold-line", r"\s*\*\*[^*\n]+\*\*.{0,40}", "a bold line heads the report's text"),
    Guard("spaced-name", r"\s*\p{Han}(?:[\u3000 ]{1,3}\p{Han}){1,2}\s*", "a two- or three-character name spaced out to the width of the unit's name above it: the signer (王　磊)"),
    Guard("signed", r".{0,12}(?:述职人|汇报人|报告人|总结人|报告单位|填报人|撰稿人|执笔人|起草人|单位|部门)[:：].{0,30}", "the author's or unit's line of a signature"),
    Guard("personal-field", r".{0,4}(?:姓名|性别|民族|籍贯|职务|职称|岗位|任职时间|任现职时间|参加工作时间|入党时间|出生年月|学历|学位|政治面貌|分管工作)[:：].{0,40}", "a field of a personal report's header: 任职时间：2020.7至今"),
    Guard("dated", r"\s*(?:\d{4}|二[〇零○][一二三四五六七八九〇零○]{2})\s?年\s?[\d一二三四五六七八九十]{1,3}\s?月(?:\s?[\d一二三四五六七八九十]{1,3}\s?日)?\s*", "the date of a signature"),
)

# Lines that look like an advert header when they stand above the title among certain noise lines.
HEADER_REASON = "site header above the title"

# ---------------------------------------------------------------- slots: units
class Unit(NamedTuple):
    text: str
    kind: str  # count | quantity | date
    reason: str


def _units(kind: str, words: str, reason: str) -> tuple[Unit, ...]:
    return tuple(Unit(w, kind, reason) for w in words.split())


UNITS: tuple[Unit, ...] = (
    *_units("count", "人次 家次 场次 台次 户次 车次 架次 班次 批次 期次 课次 剂次 件次 批次 余人", "compound measure words count events or people"),
    *_units("count", "名 人 位 个 项 件 起 家 户 场 期 批 所 座 台 辆 套 份 篇 条 本 册 处 支 组 队 轮 届 堂 节 门 类 张 封 幅 首 部 集 根 只 头 棵 株 间 栋 幢 口 宗 例 单 笔 则 条次 回 遍 趟 次 年度 个村 个乡镇 个社区 个单位 家企业 种 网格 点 所学校 张床 盏 基 把 字 箱 袋 瓶 块 片 段 面 顶 双 对 副 剂 针 枚 颗 粒 盒 包 桶 卷 级 层 道 台套 辆次 艘 架 孔 眼 座次 名次 所次", "measure words: how many things or times"),
    *_units("quantity", "天 日 周 小时 分钟 个月 学时 课时 个工作日 工作日", "durations are measures of time"),
    *_units("quantity", "成", "两成: tenths, a share like a percentage"),
    *_units("quantity", "万元 亿元 千元 百万元 元 万美元 美元 万 亿 千 %  ‰ 个百分点 百分点 亩 万亩 公顷 平方米 平方公里 万平方米 公里 千米 米 延米 吨 万吨 千克 公斤 斤 立方米 万立方米 千瓦 兆瓦 千瓦时 度 分 岁 倍 户均 GB TB kg km m²", "money, percentages and measures"),
    *_units("date", "年 月 日 号", "calendar parts; a year, month or day number is a date"),
)

# Which count units name things after them (3名退休干部) rather than repeat an activity before (学习3天).
NOUN_CLASSIFIERS = frozenset("名 人 位 个 项 件 起 家 户 所 座 台 辆 套 份 篇 条 本 册 处 支 组 队 门 类 张 封 幅 首 部 种 例 笔 宗 间 栋 幢 只 头 棵 株".split())

APPROX_AFTER = "多余餘来來近约約"  # 50多人次, 10万余元: approximate marks between a number and its unit
APPROX_BEFORE = "近约逾超上共达计合"  # 近百人, 上千份
SCALE_WORDS = ("万", "亿", "千", "百万", "千万")  # scale after Arabic digits belongs to the unit: 1.2亿元 → unit 亿元

# ---------------------------------------------------------------- slots: placeholders
# A placeholder run: masks alone (X XX xx × ** ○○ □ ___ ＿) or masks mixed with digits (20XX, 202X, 2xxxx, xx.xx).
PLACEHOLDER = regex.compile(
    r"(?<![A-Za-z])(?:\d{0,3}[XxＸｘ]{1,8}\d{0,3}(?:[.．](?:[XxＸｘ]{1,4}|\d{1,3}))?|\d{1,3}[.．][XxＸｘ]{1,4}|\d{0,3}(?:[×＊*]{1,8}|[○〇□]{1,8}|[_＿]{1,12})(?:\d{1,3}(?!\d))?|某某{0,2}|〔\s{0,4}〕|〔(?:…{1,2}|\.{3,6})〕)(?![A-Za-z])"
)
# A lone mask before these hides a congress's number or stands for "many": 党的*大, *多校区.
MASK_BEFORE = ("大", "届", "中全会", "次全会", "多", "余")
# Place names count when a Chinese numeral stands before them: 四省九市, 两乡.
PLACE_UNITS = frozenset("省 市 县 区 乡 镇 村".split())
# 一 counts after these (只有一名, 连续一个月, 每月一次, 各一个); elsewhere it mostly means "a".
ONE_COUNTS_AFTER = regex.compile(r"(?:只有|仅有|仅|只|连续|每[年月周天日]|每季度|每学期|每学年|各|共|达)\s?$")
# 三年 is a span of time to change when a word of duration stands by it (近三年, 两年多); 九年义务教育, 三年行动 are names.
YEARS_COUNT_BEFORE = regex.compile(r"(?:近|几近|将近|连续|已|满|经过|历时|这|过去|用了?|花了?|近些)\s?$")
YEARS_COUNT_AFTER = regex.compile(r"\s?(?:多|来|以上|以来|之久|了|的|间|内|中|里|期间|时间)")
ONE_COUNTS_BEFORE = ("个月", "个星期", "个小时", "个学期", "个季度")  # 一个月: a duration, a figure to change
# 某 alone is a placeholder only before the kind of unit it masks (某局, 某公司); 某些/某种 are ordinary words.
ADMIN_SUFFIXES = tuple(
    "同志 公司 企业 单位 医院 学校 社区 街道 中心 集团 分局 支行 项目 产品 大队 中队 派出所 "
    "省 市 县 区 乡 镇 村 局 厅 处 科 所 院 校 园 站 队 组 部 委 办 厂 店 户".split()
)  # what a mask stands before when it hides a name: XX乡, **区, 某公司, ○○同志
# X next to these is a word, not a mask: X光 (x-ray), X线, X射线.
LATIN_X_WORDS = regex.compile(r"[XxＸ](?:光|线|射线|型|轴|染色体)")

# ---------------------------------------------------------------- slots: numbers
ARABIC_NUMBER = regex.compile(r"(?:\d{1,3}(?:,\d{3}){1,4}|[\d０-９]{1,12})(?:[.．][\d０-９]{1,6})?")
CHINESE_NUMBER = regex.compile(rf"[{CN_DIGITS}]{{1,12}}")
PERCENT_WORDS = regex.compile(rf"百分之([{CN_DIGITS}]{{1,8}}|\d{{1,3}}(?:\.\d{{1,3}})?)")
RANGE_JOINERS = "-－—~～至到"

# ---------------------------------------------------------------- slots: not slots
class Idiom(NamedTuple):
    pattern: str
    reason: str
    example: str  # a sentence in which the pattern must keep every number text (tests check each one)
    keeps_placeholders: bool = False  # a name like 《XX县规划》 still holds fillable blanks


NOT_SLOTS: tuple[Idiom, ...] = (
    Idiom(r"(?:党的)?(?:十[一二三四五六七八九]|二十)(?:大|届[一二三四五六七八九]?中全会)", "party congress names: 十九大, 二十届三中全会", "深入学习贯彻党的二十大和二十届三中全会精神"),
    Idiom(r"[一二三四五六七八九十]中全会", "plenary session names", "认真学习三中全会精神"),
    Idiom(r"两学一做", "campaign name", "推进两学一做学习教育常态化"),
    Idiom(r"一岗双责", "responsibility formula", "严格落实一岗双责"),
    Idiom(r"三重一大", "decision-making formula", "坚持三重一大集体决策"),
    Idiom(r"三会一课", "party meeting formula", "严格落实三会一课制度"),
    Idiom(r"三个代表|[两四][个种](?:确保|意识|自信|维护|形态|全面|确立|必须|务必|坚持|服务|责任|关键|重点|核心)", "fixed political formulas: 四个意识, 两个维护, 四种形态", "增强四个意识，做到两个维护，运用四种形态"),
    Idiom(r"(?:四|五|六|七|八|十)(?:风|险|化|型|位一体|统一|个一)", "numbered slogans: 四风, 五位一体", "持续纠治四风，统筹推进五位一体"),
    Idiom(r"十[一二三四五]五", "five-year plan names: 十四五", "谋划十四五规划收官之年工作"),
    Idiom(r"(?:五一|七一|八一|十一|六一|三八|五四)(?![名个人次项件家户天日位所条])|国庆", "holidays named by dates: 五一, 十一 (but 十一名 counts)", "紧盯元旦、五一、十一等节点"),
    Idiom(r"[十万]分(?!之)", "十分重视: very, not ten points", "局党组十分重视意识形态工作"),
    Idiom(r"[一二三四五六七八九十]是", "inline enumeration 一是/二是", "一是加强学习；二是强化监督"),
    Idiom(r"第[一二三四五六七八九十百零〇\d]{1,4}", "ordinals: 第一, 第3", "第一，强化引领；排名全市第3位"),
    Idiom(r"一(?:线|把手|致|起|定|直|贯|向|切|般|律|体|道|同|并|再|度|举|旦|流|级|些|样|带|方面|系列|揽子|盘棋|张蓝图|站式|网通办|件事|批|手|时|下|年来|段时间|如既往|以贯之|马当先|丝不苟|视同仁|鼓作气)", "words built on 一 that count nothing", "深入一线，压实一把手责任，取得一定成效"),
    Idiom(r"(?:统|唯|专|万|同|单|逐|之|合|划|归)一", "words ending in 一", "统一部署，逐一核查"),
    Idiom(r"进一步|更进一步", "进一步 means further", "进一步提高服务水平"),
    Idiom(r"无一(?:人|例|起|件|家|处)", "无一人: none at all, not a count of one", "全局干部职工无一人违规违纪"),
    Idiom(r"(?:三番五次|三令五申|五花八门|七嘴八舌|千方百计|三心二意|万无一失|一心一意|七上八下|四面八方|五湖四海|千家万户|万众一心|十全十美|九牛一毛|一五一十|百姓|千万|万一|百分百|两手抓|两手都要硬)", "idioms with numerals", "千方百计为百姓办实事，确保万无一失"),
    Idiom(r"(?<![〇零一二三四五六七八九十])(?:一两|两三|三四|三五|四五|五六|六七|七八|八九)(?:个|次|名|天|人|家|年|项|件)", "vague pairs: 两三个, 一两个", "每周抽查两三个单位，每月走访一两次"),
    Idiom(r"[切分劈][成]?[两二三]半|两点半|[一二三四五六七八九十]点半", "切两半, 两点半: not counts", "下午两点半召开会议"),
    Idiom(r"数[十百千万]|几[十百千万]", "数十, 几百: no definite number", "开展宣传数十次，覆盖几百人"),
    Idiom(r"[“\"]\s?\d{1,2}\s?[+＋]\s?[\dXxＸ一二三四五六七八九十N]{1,3}\s?[”\"]", "mode names: “4+1”, “3+X”", "采取“4+1”的学习模式和“3+X”方式"),
    Idiom(r"[“\"'‘‛‚「『][^“”\"'‘’‛‚「」『』\n]{0,6}?[一两二三四五六七八九十百千万]{1,3}[^“”\"'‘’‛‚「」『』\n]{0,20}[”\"'’‛‚」』“]|[“\"'‘‛‚][\d]{3,8}[”\"'’‛‚“]", "slogans and formulas in quotes of any style: ‘1222’, ‛三个精心‛, '两个确保“", "实施'1222“工作布局，落实‘三个精心’和‚三个代表‛"),
    Idiom(r"[“\"][一两二三四五六七八九十百千万]{1,3}[^”\"\n]{0,20}[”\"]", "quoted slogans with numerals: “三抓三促”, “两张皮”, “两节”", "开展“三抓三促”行动，解决“两张皮”问题"),
    Idiom(r"[“\"]\d{1,2}\s?[·.．]\s?\d{1,2}[”\"]|[“\"]\d{3,6}[”\"]", "quoted day names and hotlines: “5·12”, “12355”", "以“5·12”防灾减灾日为契机，依托“12355”平台"),
    Idiom(r"(?:中央)?[一二三四五六七八九十]{1,3}项(?:规定|注意|纪律|禁令|(?:医疗)?(?:质量)?(?:安全)?核心制度)", "中央八项规定, 十八项核心制度: a rule set's name", "严格落实中央八项规定精神和十八项医疗质量安全核心制度"),
    Idiom(r"(?<!月\s?[一二三四五六七八九十\d]{0,2})(?<![\d一二三四五六七八九十])[一二三四五六七八九十\d]{1,3}号(?![\d])", "二号工具, 3号楼: a number in a name (dates with 号 are found after 月 first)", "领取二号工具，3号楼已完工"),
    Idiom(r"[两二三四五六七八九]委(?:班子|成员|干部)?", "村两委: the village committees, not a count", "村两委班子全部到岗"),
    Idiom(r"[一二三四五六七八九十]{1,3}届(?:[一二三四五六七八九十]{1,2}[中次]全会|人大|政协|党代会|委员会)?|[一二三四五六七八九十]次全会", "congress sessions: 二十届, 二次全会", "学习二十届中央纪委二次全会精神"),
    Idiom(r"二次(?:供水|创业|污染|元|开发|装修|分配|利用)", "二次供水: secondary, not twice", "改造二次供水设施"),
    Idiom(r"(?:24|7\s?[×x*]\s?24|365)\s?小时(?=值班|带班|值守|在线|服务|热线|监控|不间断|全天候|运转|待命)", "24小时值班制度: a duty system, not a figure", "严格执行24小时带班值班制度"),
    Idiom(r"(?<!\d)(?:110|119|120|122|12345|12315|12348|12368|12309|12388|12333|12366|12355|96\d{3})(?!\d)(?=\s?(?:接|热线|报警|急救|平台|指挥|服务|电话|举报|中心|工单|便民|求助))", "hotline numbers: 12345热线", "办结12345热线工单，规范110接处警"),
    Idiom(r"(?<![\d.])\d{1,4}[A-WYZa-wyz][A-Za-z0-9]{0,10}|(?<![A-Za-z])[A-Za-z]{1,10}\d{1,12}(?![\d余多人次个家户件元万%])", "numbers inside Latin names: 3D, 5G, G20, MP4 (20XX is a placeholder, APP6700余人 a count)", "建设5G基站，推广3D打印，服务G20峰会"),
    Idiom(r"(?<!\d)(?:\d{3,4}[-－]\d{3,4}[-－]\d{3,4}|\d{3,4}[-－]\d{7,8}|1[3-9]\d{9})(?!\d)", "telephone numbers: 400-050-0827, 0731-88888888", "咨询电话0731-88886666，或拨打400-050-0827"),
    Idiom(r"(?<![\d.,，０-９])0\d{1,6}(?![\d.])", "numbers with a leading zero are codes and names: 05行管党支部", "我们05行管党支部按期换届"),
    Idiom(r"(?<![\d/])\d{1,3}/\d{1,3}(?![\d/])", "a fraction names a share by its parts: 2/3以上", "车间2/3以上为新员工"),
    Idiom(r"[两三四]轮(?:车|摩托|电动车)|\d0后|[〇零一二三四五六七八九]零后", "names with numerals inside: 三轮车, 80后", "全村80后青年驾驶三轮车外出务工"),
    Idiom(r"(?:(?<=^|[\s。：:；;，,（(])(?:表|图|附件|附表|图表))\s?\d{1,2}(?![\d.．])", "a table or figure's number: 表1, 图2", "产量见下表。表1 各月产量，图1 成本对比"),
    Idiom(r"《[^》\n]{1,60}》", "book and document titles: 《2020党建工作计划》", "制定印发《2020党建工作计划》", keeps_placeholders=True),
    Idiom(r"〔\d{4}〕\d{1,4}号|[\[【]\d{4}[\]】]\d{1,4}号", "document numbers: 〔2023〕5号", "根据县政办发〔2023〕5号文件"),
    Idiom(r"[零〇一二三四五六七八九十]{1,3}[级等类星档](?:医院|资质|响应|预警|单位|标准|风险)?", "grades and classes: 三级医院, 一级响应", "创建三级医院，启动一级响应"),
    Idiom(r"[一二三四五六七八九十]{1,2}[年]级", "school years: 三年级", "三年级学生全部参加"),
    Idiom(r"(?:中|高|初)[一二三]|[一二三四五六七八九]年级", "school grades: 高二, 初三", "高二年级组织月考，初三学生参加"),
)

# ---------------------------------------------------------------- section cues
Cue = NamedPattern


SECTION_CUES: tuple[Cue, ...] = (
    Cue("cue_summary_follows", r"总结如下|汇报如下|报告如下|述职如下|现将.{0,20}(?:总结|汇报|报告)", "the preamble ends by announcing the report"),
    Cue("cue_background", r"基本情况|总体情况|概况|指导思想|坚持以|在.{0,12}(?:领导|指导|支持)下|现有|共有|下设|下辖|辖区面积|常住人口|本人(?:现任|于|自|担任)|主要负责|分管|负责.{0,10}工作|大家好|各位领导", "background of the opening: the unit and the speaker"),
    Cue("cue_work", r"主要工作|主要做法|工作开展|开展情况|完成情况|主要成效|成效|成绩|亮点|特色|举措|取得|完成|开展|组织|召开", "work done and its results"),
    Cue("cue_problem", r"问题|不足|差距|短板|薄弱|欠缺|不够|不高|不强|不到位|滞后|原因|有待|亟待|不平衡|不充分|弱项", "shortcomings and their causes"),
    Cue("cue_experience", r"经验|体会|启示|收获|感悟|心得|认识到|深刻|必须坚持|只有.{0,20}才", "lessons learnt"),
    Cue("cue_plan", r"下一步|下半年|明年|今后|来年|新的一年|工作安排|下月|下周|下季度|下一阶段|\d{4}年(?:工作)?(?:计划|打算|思路)|打算|计划|思路|将(?:进一步|继续|持续|着力|重点|加大|围绕|全面|不断)|努力|力争|确保|展望", "the next period"),
    Cue("cue_closing", r"^(?:总之|总而言之|综上|以上|回顾|回首|在今后的工作中|我们(?:将|会)|新的一年里|新征程上?)|特此|此致|敬礼|请.{0,6}(?:审议|批评指正)|只有起点|没有终点|永远在路上|任重道远|无止境|恳请|转正申请|不辜负|无愧于|交出一份|贡献力量|以更加.{0,12}的(?:作风|状态|姿态|精神|热情)|新的更大|新篇章|新台阶|新局面|再创佳绩|谱写|作出.{0,4}贡献|奋力|不懈努力", "a wrap-up or pledge that is not a plan"),
    Cue("cue_signature", r"^\s*(?:\d{4}|二[〇零][一二三四五六七八九〇零]{2})年[\d一二三四五六七八九十]{1,3}月(?:[\d一二三四五六七八九十]{1,3}日)?\s*$|述职人|汇报人|报告人|^[^，。]{2,20}(?:局|委|院|所|站|中心|公司|学校|支部|办公室|街道|镇|乡|村|社区|队|部|处)\s*$", "unit name or date on a line of its own at the end"),
)

# ---------------------------------------------------------------- traditional → simplified
# Pairs of (traditional, simplified) characters, one for one (data/traditional.txt, built by
# tools/make_traditional_table.py from OpenCC's tables): the section model, the cue words and the site
# words are written in simplified characters. Text is never rewritten: only the features see the mapped form.
TRADITIONAL_PAIRS = "".join((resources.files("summaryparse") / "data" / "traditional.txt").read_text(encoding="utf-8").split())
TRADITIONAL_TO_SIMPLIFIED = str.maketrans(TRADITIONAL_PAIRS[0::2], TRADITIONAL_PAIRS[1::2])

# ---------------------------------------------------------------- corpus statistics
# What a title tells of a report: the first matching entry names it.
GENRE_CUES: tuple[tuple[str, str, str], ...] = (
    ("personal", r"述职|述廉|个人|试用期|转正|本人", "a person reports on their own work"),
    ("halfyear", r"半年|上半年|下半年", "half-year report"),
    ("quarter", r"季度|[一二三四]季|月份|月度|\d{1,2}月", "quarterly or monthly report"),
    ("special", r"专项|活动|月|防汛|疫情|创文|创卫|扫黑|普法|禁毒|安全生产|主题教育", "special-topic report"),
    ("annual", r"年度|\d{4}年.{0,20}(?:工作)?总结|全年|年终", "annual report"),
)
TRADE_CUES: tuple[tuple[str, str, str], ...] = (
    ("discipline", r"纪委|纪检|监察|廉政|巡察|巡视", "discipline inspection"),
    ("party", r"党委|党支部|党组|党建|党总支|机关党", "party building"),
    ("youth", r"团委|共青团|团县委|团市委|工会|妇联|青年", "youth league, unions, women's federation"),
    ("police", r"公安|派出所|交警|刑侦|治安|消防|警", "police and fire rescue"),
    ("court", r"法院|检察院|审判|执行局|法庭", "courts and procuratorates"),
    ("school", r"学校|中学|小学|幼儿园|学院|大学|教研|班主任|年级|教务|教师", "schools and teaching"),
    ("hospital", r"医院|卫生院|护理|科室|疾控|卫生服务|医疗|护士|医生", "hospitals and nursing"),
    ("village", r"村|社区|居委会|驻村", "villages and communities"),
    ("township", r"乡|镇|街道", "townships and street offices"),
    ("factory", r"车间|工厂|生产部|厂|煤矿|项目部|质量部|设备部", "factories and production"),
    ("company", r"公司|集团|销售|分行|支行|营业部|物业|企业", "companies"),
    ("bureau", r"局|委员会|办公室|中心|厅|署|所", "government bureaus and offices"),
)
