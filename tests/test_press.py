"""Press credits: one made-up text per form (names, outlets and places invented)."""

from __future__ import annotations

import pytest

from kg.corpus import parse_document
from kg.extract import extract_document
from kg.extract.press import parse_credit


def _press(text: str) -> set[tuple[str, str]]:
    ex = extract_document(parse_document(text.encode("utf-8"), "p.txt"))
    return {(p.person, p.role) for p in ex.press}


BODY = "县政协召开常委会议，审议有关事项。"

CASES = [
    # credits in a dateline bracket, after a paper's or a site's name
    ("本报讯(记者 甘某某 实习记者 柏某)" + BODY, {("甘某某", "记者"), ("柏某", "实习记者")}),
    ("某某网讯(记者甘某某 实习记者柏某 通讯员滕某某)" + BODY,
     {("甘某某", "记者"), ("柏某", "实习记者"), ("滕某某", "通讯员")}),
    ("本报讯(记者甘某某见习记者柏某某)" + BODY, {("甘某某", "记者"), ("柏某某", "实习记者")}),
    ("某某网讯(记 者:甘某某 柏某某 见习记者 滕某)" + BODY,
     {("甘某某", "记者"), ("柏某某", "记者"), ("滕某", "实习记者")}),
    # an outlet before a role word is no person
    ("某某网4月2日讯 (某某日报记者 甘某某 某某网记者 柏某某) " + BODY, {("甘某某", "记者"), ("柏某某", "记者")}),
    # names alone after 讯/电 are the authors
    ("某某网某地8月6日电(甘某某 柏某)" + BODY, {("甘某某", "作者"), ("柏某", "作者")}),
    # a dateline bracket closing with a place and a date, or with the name and a date
    ("【本报记者广州二十日电】" + BODY, set()),
    ("【本报驻某地记者甘某十日电】" + BODY, {("甘某", "记者")}),
    ("【某某网记者 甘某某电】" + BODY, {("甘某某", "记者")}),
    # 文/图, 图/, 文/记者
    ("某某县讯 " + BODY + "(文/图 记者 甘某某)", {("甘某某", "记者"), ("甘某某", "摄影")}),
    ("本网讯(记者 甘某某 柏某 文/图)" + BODY, {("甘某某", "记者"), ("柏某", "记者")}),
    ("标题\n文/记者 甘某某 图/柏某某\n" + BODY, {("甘某某", "记者"), ("柏某某", "摄影")}),
    ("标题\n文/甘某某\n" + BODY, {("甘某某", "作者")}),
    # photo credits
    ("会议现场 甘某某 摄\n" + BODY, {("甘某某", "摄影")}),
    ("会议开幕 摄影 甘某某\n" + BODY, {("甘某某", "摄影")}),
    ("委员们鼓掌通过决议。记者 甘某某摄\n" + BODY, {("甘某某", "记者"), ("甘某某", "摄影")}),
    ("牧民将羊群赶回羊圈。某某社记者 甘某某 摄\n" + BODY, {("甘某某", "记者"), ("甘某某", "摄影")}),
    ("县政协主席讲话(甘某某摄)\n" + BODY, {("甘某某", "摄影")}),
    ("县政协主席讲话。(甘某某/摄)\n" + BODY, {("甘某某", "摄影")}),
    ("的工作人员送去祝福。 通讯员 甘某某 摄影报道标题", {("甘某某", "通讯员"), ("甘某某", "摄影")}),
    # 作者: at the end of a column, 撰稿人, 供稿, bylines
    (BODY + "\n作者:甘某某", {("甘某某", "作者")}),
    (BODY + "(撰稿人:甘某某 审核人:柏某某)", {("甘某某", "作者")}),
    (BODY + "\n(某某县政协  甘某某 柏某某  供稿)", {("甘某某", "作者"), ("柏某某", "作者")}),
    (BODY + "会议还审议了工作计划。□甘某某", {("甘某某", "作者")}),
    ("□ 记者 甘某某\n" + BODY, {("甘某某", "记者")}),
    # a dateline without brackets
    ("某某讯 记者甘某某报道:" + BODY, {("甘某某", "记者")}),
    ("本报讯(记者甘某某 北京报道)" + BODY, {("甘某某", "记者")}),
    # a name of five or six characters standing alone between separators; a phrase there is none
    ("本报讯(记者 巴特尔其其格 通讯员 甘某)" + BODY, {("巴特尔其其格", "记者"), ("甘某", "通讯员")}),
    ("本报讯(记者 会议召开情况)" + BODY, set()),
    # names with a layout space are joined
    ("本报讯(记者 甘 某 柏某某)" + BODY, {("甘某", "记者"), ("柏某某", "记者")}),
    # a slash or a vertical bar after a role word or a label, marks before a byline, ranks of reporters
    (BODY + "(某某日报记者/甘某 编辑/柏某某)", {("甘某", "记者")}),
    ("标题\n文丨记者 甘某某\n" + BODY, {("甘某某", "记者")}),
    ("标题\n◎ 本报记者 甘某某\n" + BODY, {("甘某某", "记者")}),
    ("标题\n县融媒体中心记者 甘某某\n" + BODY, {("甘某某", "记者")}),
    ("标题\n首席记者 甘某某\n" + BODY, {("甘某某", "记者")}),
    (BODY + "(甘某某/文 柏某某/图)", {("甘某某", "作者"), ("柏某某", "摄影")}),
    # a caption marked ▲ closing with a credit; a section marked ◆ is no byline
    ("▲县政协主席调研。记者 甘某某 摄\n" + BODY, {("甘某某", "记者"), ("甘某某", "摄影")}),
    ("◆ 工作动态\n" + BODY, set()),
    (BODY + "(图文/记者 甘某某)", {("甘某某", "记者"), ("甘某某", "摄影")}),
    ("标题\n特邀委员记者 甘某某\n" + BODY, {("甘某某", "记者")}),
    # photographers opening a caption, a caption closing with 摄影报道, a unit supplying the text
    ("甘某某 柏某某/摄 委员们来到会议驻地。\n" + BODY, {("甘某某", "摄影"), ("柏某某", "摄影")}),
    ("会议现场 甘某某/摄\n" + BODY, {("甘某某", "摄影")}),
    ("委员视察/摄\n" + BODY, set()),
    ("区政协主席率队走访委员小组。\n甘某某 摄影报道\n" + BODY, {("甘某某", "摄影")}),
    (BODY + "(政协办供稿)", set()),
    ("标题\n" + BODY + "\n\n甘某摄影报道\n", {("甘某", "摄影")}),
    ("标题\n" + BODY + "\n\n委员摄影\n", set()),
    # Hong Kong datelines and bylines: 【……讯】, a place glued to 报道, a full-width slash
    ("【某某報訊】記者甘某某北京報道：" + BODY, {("甘某某", "记者")}),
    ("标题\n◆文／圖：某某報記者 甘某某 北京報道\n" + BODY, {("甘某某", "记者"), ("甘某某", "摄影")}),
    ("标题\n" + BODY + "\n作者:甘某某(系某某县政协委员)\n", {("甘某某", "作者")}),
    # a page's metadata line
    ("时间:2022-09-22 22:49作者:甘某某源自:县融媒体中心\n" + BODY, {("甘某某", "作者")}),
    # a dateline whose credits stand between spaces before the text
    ("本报讯 记者 甘某某 通讯员 柏某 近日，" + BODY, {("甘某某", "记者"), ("柏某", "通讯员")}),
    ("本报讯 记者 近日从县政协获悉，" + BODY, set()),
    # a credit with 报道 opening the paragraph; a reporter's credit glued to the quotation that follows
    ("全媒体记者甘某某报道 9月13日上午，" + BODY, {("甘某某", "记者")}),
    ("标题\n本报记者甘某某“这个短视频很有意思，让老百姓看得懂。”\n" + BODY, {("甘某某", "记者")}),
    # a caption whose photographer's name is glued to 摄 after the sentence
    ("委员们提着文件袋进场。甘某某摄\n" + BODY, {("甘某某", "摄影")}),
    ("委员们提着文件袋进场。现场拍摄\n" + BODY, set()),
    # a metadata line whose next label is glued to the name; 撰稿/采写 there
    ("标题\n作者:甘某某来源:某某政协网站浏览:1024次\n" + BODY, {("甘某某", "作者")}),
    ("标题\n时间:2023-01-01 来源:某某政协 撰稿:甘某某 审核:柏某\n" + BODY, {("甘某某", "作者")}),
    (BODY + "\n采写:甘某某", {("甘某某", "作者")}),
    # names after the outlet of a source line; a unit and its author closing the text
    ("标题\n来源: 某某日报客户端  甘某某 柏某 滕某某\n" + BODY, {("甘某某", "作者"), ("柏某", "作者"), ("滕某某", "作者")}),
    ("标题\n来源: 某某日报客户端  2023-01-01\n" + BODY, set()),
    (BODY + "\n某某民建 甘某某\n", {("甘某某", "作者")}),
    # the unit a person writes for, standing before the name inside a credit
    (BODY + "(某某县政协办公室 甘某某)", {("甘某某", "作者")}),
    ("本报讯(记者 甘某某 通讯员 某某县政协 柏某)" + BODY, {("甘某某", "记者"), ("柏某", "通讯员")}),
    ("标题\n作者:某某县政协 甘某某\n" + BODY, {("甘某某", "作者")}),
    (BODY + "(供稿:县政协办公室 甘某某)", {("甘某某", "作者")}),
    # a committee or a news agency where a name would stand is no person
    ("标题\n作者:区政协 来源:区政协 发布时间:2017-09-15\n" + BODY, set()),
    (BODY + "(新华社)", set()),
    # labels: 文·图/, 文 | (a space before the mark), 甲/文 乙/图 on a line of their own, a dash before a role
    ("标题\n文·图/甘某某\n" + BODY, {("甘某某", "作者"), ("甘某某", "摄影")}),
    ("标题\n文 | 甘某某\n" + BODY, {("甘某某", "作者")}),
    ("标题\n甘某某/文 柏某/图\n" + BODY, {("甘某某", "作者"), ("柏某", "摄影")}),
    (BODY + "\n——记者 甘某某", {("甘某某", "记者")}),
    # two names glued together, each a surname and a given name that jieba's tagger knows
    ("本报讯(记者刘永欢蒋鹏)" + BODY, {("刘永欢", "记者"), ("蒋鹏", "记者")}),
    ("本报讯(记者 巴特尔其其格)" + BODY, {("巴特尔其其格", "记者")}),
    # editors are no press credit; a role word without a name gives nothing
    (BODY + "(通讯员)", set()),
    (BODY + "\n责任编辑:甘某某", set()),
    (BODY + "(前排左三)", set()),
    # a site before its paper; a transliterated name glued to 摄; two names glued after one role word
    (BODY + "\n图为会议现场。某某网-某某日报记者 甘某某摄", {("甘某某", "记者"), ("甘某某", "摄影")}),
    (BODY + "\n委员发言。某某云/某某日报记者 阿某尔·某某提摄", {("阿某尔·某某提", "记者"), ("阿某尔·某某提", "摄影")}),
    ("本报讯(记者甘某某通讯员柏某滕某)" + BODY, {("甘某某", "记者"), ("柏某", "通讯员"), ("滕某", "通讯员")}),
    ("本报讯(记者欧阳某某)" + BODY, {("欧阳某某", "记者")}),
    # a Uyghur name and the father's name, printed with a space, are one person; two Han names stay two
    ("本报讯(记者 艾力 买买提)" + BODY, {("艾力买买提", "记者")}),
    ("本报讯(记者 甘某 柏某)" + BODY, {("甘某", "记者"), ("柏某", "记者")}),
    # two Tibetan names stay two; a Tibetan or a dotted name stands in a spaced dateline credit
    ("某某网某地8月6日电(拉巴顿珠 次仁某玛)" + BODY, {("拉巴顿珠", "作者"), ("次仁某玛", "作者")}),
    ("本报讯 记者 拉巴顿珠 通讯员 艾某·某某提 " + BODY, {("拉巴顿珠", "记者"), ("艾某·某某提", "通讯员")}),
    # 「文字:甲 摄影:乙」 is one credit line; a line of photographers alone, a compound surname among them
    (BODY + "\n文字:甘某某 摄影:柏某", {("甘某某", "作者"), ("柏某", "摄影")}),
    (BODY + "\n欧阳某某 柏某 摄", {("欧阳某某", "摄影"), ("柏某", "摄影")}),
    # 「供图:甲」「图片/甲」 credit the photographer
    (BODY + "\n供图:甘某某", {("甘某某", "摄影")}),
    (BODY + "\n图片/柏某", {("柏某", "摄影")}),
    # a dateline's spaced credit glued to the date after it, after a mark, and a bracket after layout spaces
    ("本报讯 记者 甘某某 通讯员 柏某5月6日，" + BODY, {("甘某某", "记者"), ("柏某", "通讯员")}),
    ("本报讯 ■记者 甘某某 通讯员 柏某 5月6日，" + BODY, {("甘某某", "记者"), ("柏某", "通讯员")}),
    ("某某网讯  (甘某某 柏某)" + BODY, {("甘某某", "作者"), ("柏某", "作者")}),
    # 「图/记者 乙」: a reporter who took the pictures
    (BODY + "\n◎文/记者 甘某某 图/记者 柏某", {("甘某某", "记者"), ("柏某", "记者"), ("柏某", "摄影")}),
    # 「【作者】甲」; the names after the committee a source line names
    ("标题\n【作者】甘某某\n" + BODY, {("甘某某", "作者")}),
    (BODY + "\n信息来源：某某县政协 甘某某", {("甘某某", "作者")}),
    # a section's label in brackets is no author
    ("【图片新闻】\n" + BODY, set()),
    # 「本网讯(甲 通讯员 乙)」: the name before the first role word is the author (not an outlet: 「(某某日报 记者甲)」)
    ("本网讯(甘某某 通讯员 柏某)" + BODY, {("甘某某", "作者"), ("柏某", "通讯员")}),
    (BODY + "(某某日报 记者甘某某)", {("甘某某", "记者")}),
    # a metadata line's author field after 来源: (press9 q46): the role word heads every name (real6 v08)
    (BODY + "\n来源:某某网、某某客户端   作者:记者 甘某某 柏某某/文 滕某/图   编辑:高某某",
     {("甘某某", "记者"), ("柏某某", "记者"), ("滕某", "记者"), ("滕某", "摄影")}),
    (BODY + "\n来源:某某在线  作者:  2018-12-23 11:50:47", set()),
    # a newsroom and its reporters on a line under the title (press9 q28): authors
    ("某某县融媒体中心 甘某某 柏某 滕某某\n" + BODY, {("甘某某", "作者"), ("柏某", "作者"), ("滕某某", "作者")}),
    # a column's heading in 【】 on a line of its own (press9 q15): no author
    ("标题\n【两会谈】\n" + BODY + "\n【报社说】\n委员们表示赞同。", set()),
    # a line of bare names closing the text, or before the editor's line; one name alone is a caption
    (BODY + "\n甘 某 柏某某", {("甘某", "作者"), ("柏某某", "作者")}),
    (BODY + "\n甘某某 柏某\n编辑: 滕某", {("甘某某", "作者"), ("柏某", "作者")}),
    ("县政协召开会议\n\n甘某某\n" + BODY, set()),
    # names before 摄 closing a caption: only the last is credited (the words before it may name people in the
    # photo; crediting them all cost precision on unseen text); photographers opening the paragraph they are glued to
    (BODY + "\n会议现场 甘某某 柏某 摄", {("柏某", "摄影")}),
    ("甘某某 柏某 摄 5月6日，" + BODY, {("甘某某", "摄影"), ("柏某", "摄影")}),
    ("记者 甘某某 摄5月6日，" + BODY, {("甘某某", "记者"), ("甘某某", "摄影")}),
    ("(作者系某某县政协党组书记、主席)\n" + BODY, set()),
    # press10 and real4: a page's widgets after the names and the 作者简介 heading; an empty 作者: before the next
    # label; a label's prefix (文章来源: 文章作者:); an outlet naming itself; a picture's note in brackets
    ("标题\n2020年08月28日 来源:《某某》2019年第10期 作者:甘某某 柏某 字号\n作者简介:甘某某,某某大学教授。\n" + BODY,
     {("甘某某", "作者"), ("柏某", "作者")}),
    ("标题\n刊发日期:2022-04-26 作者:  语音阅读:\n" + BODY, set()),
    ("标题\n文章来源:某某网 文章作者:甘某某\n" + BODY, {("甘某某", "作者")}),
    (BODY + " (本刊)", set()),
    ("委员在会上发言。某某社发(资料照片)\n" + BODY, set()),
    # labels: a dot as the mark (「文.甲」), the writer's label joined to another job (「文字/剪辑:甲」)
    ("标题\n\n文.甘某某\n\n" + BODY, {("甘某某", "作者")}),
    (BODY + "\n监制:柏某\n文字/剪辑:甘某某\n编辑:滕某", {("甘某某", "作者")}),
    # each name before its job: 「(甲 文/乙 图)」 (the same as 「(甲/文 乙/图)」)
    (BODY + " (甘某某 文/柏某 图)", {("甘某某", "作者"), ("柏某", "摄影")}),
    # a dateline's bracket broken across two lines by the page
    ("本报讯(记者\n甘某某)10月23日，" + BODY, {("甘某某", "记者")}),
    # a newsroom's line of many reporters closing with 摄影报道: the role word credits them, 摄影 only one alone
    ("某某县融媒体中心记者:甘某某 柏某 滕某某 龚某 鄢某某 郜某 甘某 柏某某 摄影报道\n" + BODY,
     {(n, "记者") for n in ("甘某某", "柏某", "滕某某", "龚某", "鄢某某", "郜某", "甘某", "柏某某")}),
    # one name spread by layout spaces right under the title is the byline; a speaker's under a report's occasion is none
    ("我和我们的政协\n\n甘  某\n\n某年我参加了考试，" + BODY, {("甘某", "作者")}),
    ("某某县政协常务委员会工作报告\n—在某月某日政协某某县委员会第五次会议上\n甘  某\n各位委员、同志们:\n" + BODY, set()),
    # an outlet's byline between spaces inside a running line, between the title and the text
    ("标题 某某社某某分社记者 甘某某 柏某 滕某某 春节是观察农村变化的重要窗口，" + BODY,
     {("甘某某", "记者"), ("柏某", "记者"), ("滕某某", "记者")}),
    # 专电, the date and the place glued to the name, with or without brackets; a place there is no name
    ("本报驻京记者甘某某6日北京专电 " + BODY, {("甘某某", "记者")}),
    ("【本报驻京记者 甘某某 6日北京专电】" + BODY, {("甘某某", "记者")}),
    # 「(据《某某日报》甲)」; 「(甲)某某日报」 closing the text; 「某某网消息(甲 乙)」「某某在线报道(记者 甲):」
    (BODY + "(据《某某日报》甘某某)", {("甘某某", "作者")}),
    (BODY + "会议结束。(甘某某)某某日报", {("甘某某", "作者")}),
    ("某某网消息(甘某某 柏某)" + BODY, {("甘某某", "作者"), ("柏某", "作者")}),
    ("某某在线报道(记者 甘某某):" + BODY, {("甘某某", "记者")}),
    # a round-up's source tags: two or more brackets holding only a division's short name (one alone may be a name)
    ("各地动态。" + BODY + "(张 北)\n" + BODY + "(宁 陕)", set()),
    # photographers between spaces before 摄影报道 closing a caption; a caption's 甲 乙 摄 keeps the last only (above)
    ("委员视察企业。 甘某某 柏某 摄影报道\n" + BODY, {("甘某某", "摄影"), ("柏某", "摄影")}),
    # a labelled footer with semicolons; the next label glued to an author; a label's word before a colon is none
    (BODY + "\n记者:甘某某;摄影:柏某", {("甘某某", "记者"), ("柏某", "摄影")}),
    ("标题\n作者:甘某某 文章来源:某某网\n" + BODY, {("甘某某", "作者")}),
    ("标题\n作者:  点击数:120\n" + BODY, set()),
    # a person the text credits already, printed before 摄 elsewhere, took pictures too (not 「摄影作品」)
    ("本报讯(记者 甘某某)" + BODY + "\n图为会议现场。 甘某某 摄\n" + BODY, {("甘某某", "记者"), ("甘某某", "摄影")}),
    ("本报讯(记者 甘某某)" + BODY + "\n委员甘某某摄影作品展开幕。", {("甘某某", "记者")}),
    # what a page prints in an author's field when it names no one
    ("标题\n来源:某某网 作者:佚名 发布时间:2020-01-01\n" + BODY, set()),
    ("标题\n作者:小编\n" + BODY, set()),
    # photographers between spaces right after the caption's sentence (after other words only the last, above)
    (BODY + "\n委员们进场。 甘某某 柏某 摄", {("甘某某", "摄影"), ("柏某", "摄影")}),
    # press10 batch C: a unit and its author under the title (and subtitles); a closing 供稿) whose opening bracket
    # the page lost; a caption's credit run into the next paragraph
    ("标题\n——副标题\n某某市政协文史馆 甘某某\n岁月荏苒，" + BODY, {("甘某某", "作者")}),
    ("标题\n" + BODY + "\n某某县政协办公室  甘某某  供稿)", {("甘某某", "作者")}),
    ("标题\n会议在某地开幕。 甘某某 摄柏某某说，" + BODY, {("甘某某", "摄影")}),
    ("标题\n会议在某地开幕。 甘某某 摄影师柏某某说，" + BODY, set()),
    # press10 batch D: 驻京 with no outlet before the role word; the agency before its photographer's name
    (BODY + "\n会议闭幕。驻京记者甘某某摄", {("甘某某", "记者"), ("甘某某", "摄影")}),
    ("会议在某地闭幕(某某社 甘某某摄) " + BODY, {("甘某某", "摄影")}),
    # the bare name before the first role word of a dateline bracket: a name that is also a word, a Tibetan name;
    # 〔〕 brackets and a colon after 讯
    ("本报讯(金星 通讯员 柏某)" + BODY, {("金星", "作者"), ("柏某", "通讯员")}),
    ("本报讯(会议 通讯员 柏某)" + BODY, set()),
    ("本报讯(德庆占堆 通讯员 柏某)" + BODY, {("德庆占堆", "作者"), ("柏某", "通讯员")}),
    ("本报讯〔甘某某 通讯员 柏某〕" + BODY, {("甘某某", "作者"), ("柏某", "通讯员")}),
    ("本报讯:(甘某某 通讯员 柏某)" + BODY, {("甘某某", "作者"), ("柏某", "通讯员")}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:18] for c in CASES])
def test_press_forms(text, expected):
    assert _press(text) == expected


def test_parse_credit_rejects_what_is_no_credit():
    assert parse_credit("图片来源于网络") == []
    assert parse_credit("记者会") == []
    assert parse_credit("甘某某 柏某") == []  # no role word and not a byline
    assert [r for _, _, r in parse_credit("甘某某 柏某", alone=True)] == ["作者", "作者"]


def test_byline_closing_the_text():
    # the credit is the last thing of the file: its evidence span stays inside the text
    assert _press("县政协召开常委会议。会议审议了工作计划(草案)。□甘某某") == {("甘某某", "作者")}


def test_evidence_leaves_out_the_next_line():
    text = "会议部署了“三抓三促”行动。\n\n甘某某指出，要加强学习。"
    ex = extract_document(parse_document(text.encode("utf-8"), "e.txt"))
    assert [c.evidence.sentence for c in ex.concepts] == ["会议部署了“三抓三促”行动"]


NAMES = [("甘某某", "柏某"), ("龚某", "滕某某"), ("鄢某某", "郜某")]


@pytest.mark.parametrize("a,b", NAMES)
def test_credits_follow_a_swap_of_names(a, b):
    """Metamorphic: swapping two made-up names swaps the credits, nothing else."""
    text = "本报讯(记者 {a} 通讯员 某某县政协 {b})" + BODY + "\n委员们进场。{b}摄\n作者:{a}来源:某某网"
    got = _press(text.format(a=a, b=b))
    swapped = _press(text.format(a=b, b=a))
    assert {(p.replace(a, "X").replace(b, a).replace("X", b), r) for p, r in got} == swapped
