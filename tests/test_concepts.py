"""Concepts: one made-up sentence per form (places and names invented)."""

from __future__ import annotations

import pytest

from kg.corpus import parse_document
from kg.extract import extract_document


def _concepts(text: str) -> set[tuple[str, str]]:
    ex = extract_document(parse_document(text.encode("utf-8"), "c.txt"))
    return {(c.name, c.type) for c in ex.concepts}


CASES = [
    # metaphors, qualities and section labels are no concepts
    ("希望委员发挥“委员优势”，凝聚“委员智慧”，贡献“委员力量”。", set()),
    ("一要“内外兼修”培育人才，二要“上下联动”留住人才。", set()),
    ("“一个载体”即委员读书室。", set()),
    ("“两联”：一是联系县区。", set()),
    ("会议表彰了首届“最美委员”。", set()),
    ("向12个委员“读书组”及9个“领学员”赠书。", set()),
    ("主席用“三句话”寄语乡亲。", set()),
    ("某市正式进入“两会时间”。", set()),
    ("考察团在当地考察“某地致力打造数字经济平台”的作用。", set()),
    ("代表团在我省考察“培育新业态,推动数字经济高质量发展”工作。", set()),
    ("多出“上顶天线、下接泥土”的调研报告。", set()),
    # meetings, sectors, kinds of people, honours, cohorts, outlets, epithets: no concepts
    ("在年初召开的“两政联席会”确定专题。", set()),
    ("他以“特邀人士”出任委员，是“文艺界”委员。", set()),
    ("我们要当好“四员”。另外三人则为“老委员”。", set()),
    ("获得“全国优秀县委书记”称号，该县获评“全国文明城市”。", set()),
    ("八成为“60后”，作为“双核”之一，成为部门“一把手”。", set()),
    ("下放到“五七”干校。据“某某新闻”相关报道。", set()),
    # descriptions shaped like coined names: an adjective and a word, opposite positions, a role played
    ("切实用“小切口”服务“大民生”，多出“金点子”。", set()),
    ("搭建“线上+线下”履职渠道，注重“横向协同、纵向联动”。", set()),
    ("发挥“直通车”作用。用心做好“委员作业”。", set()),
    ("委员表示，“这件事情一定办好”。", set()),
    ("要用好“深、实、细、准、效”五字诀。", set()),
    # statements, feelings, targets, terms referred to, organisations, a venue named by its kind alone
    ("让群众真切感受到“委员在身边”，感受到了“以心交心、凝聚人心”。", set()),
    ("实现“一个会客厅团结一群人”。有学者说，“政协是协商平台,不是协商主体”。", set()),
    ("要夯实“服务环境”这个基础。工作室在“今日某某”传媒公司揭牌。“会客厅”影响力扩大。", set()),
    # a quality said with a degree adverb; a theme's two lines are a slogan, a topic clause is none
    ("使政协工作更“接地气”。", set()),
    ("围绕“凝心聚力谱新篇,感恩奋进做示范”主题开展活动。", {("凝心聚力谱新篇,感恩奋进做示范", "slogan")}),
    ("围绕“进一步助力新媒体产业基地建设”主题开展协商议政。", set()),
    # a long enumeration or a couplet before a campaign's type word some characters on
    ("开展“入基层、进农户、看变化、议发展”助推乡村振兴调研活动。", {("入基层、进农户、看变化、议发展", "campaign")}),
    ("举办“永远跟党走,履职显担当”政协委员进社区慰问演出活动。", {("永远跟党走,履职显担当", "campaign")}),
    ("通过“看、听、评、议”的方式调研。", {("看、听、评、议", "slogan")}),
    # an idiom cut in parts, a wish, a business, the topic of a consultation
    ("香港拥有“天时、地利、人和”，人心都希望“找机遇、谋发展”。", set()),
    ("在“早春三花”民宿了解情况。围绕“推动乡村振兴,促进共同富裕”开展了协商讨论。", set()),
    # a numbered formula ending like an epithet; a five-year plan after 实现; quotes in 「」 hold the plan
    ("助力“六区一高地”建设，为实现“十五五”良好开局，把握好「十五五规划」。",
     {("六区一高地", "slogan"), ("十五五", "campaign"), ("十五五规划", "campaign")}),
    # an interview format, a press conference's title, a target, certified product brands, kinds of one head, a period
    ("开幕会前举办“委员通道”集体采访活动。", set()),
    ("国新办举行“高质量完成‘十五五’规划”系列主题新闻发布会。", {("十五五", "campaign")}),
    ("聚焦“协作发展、共同壮大”的目标。", set()),
    ("成功打造了“甲乙茶艺师”“丙丁疗法”等国家级品牌。", set()),
    ("推动“区域品牌、产业品牌、产品品牌”协同发展。", set()),
    ("既经历了“低谷期”，也迎来了“井喷潮”。", set()),
    # the title of a meeting some words on; a place inside a village or a school (a venue with its own head stays)
    ("召开的“甲乙法修订”双周协商座谈会。在某某村“杏某大舞台”观看，在某某村“委员会客厅”议事，在某某社区“甲乙议事厅”召开座谈会。",
     {("委员会客厅", "brand"), ("甲乙议事厅", "brand")}),
    # a verb said twice with 一
    ("便萌生了“提一提”的想法，“议一议”。", set()),
    # things a role or a help is likened to
    ("成为联系群众的“连某桥”，当好“压某石”“助某器”。", set()),
    # a nickname, a target or a positioning named by the verb before it (a numbered formula stays one)
    ("该镇被誉为“甲乙之源”，全县争创“丙丁强县”，努力建成“戊己新城”，成为“三区一地”。", {("三区一地", "slogan")}),
    # a five-year plan in single quotes inside a quoted title too long to be a name
    ("举办“聚焦‘十五五’规划编制，围绕高质量发展、民生改善和生态保护等重大问题开展协商议政建言献策”座谈。",
     {("十五五", "campaign")}),
    # a national strategy, an institutional term, a positioning (a coined local strategy stays a slogan)
    ("深入实施“乡村振兴”战略，监督“一府一委两院”，打造“西部桥头堡”，推进“强某府”战略。", {("强某府", "slogan")}),
    # a formula built on one frame, long or after 实现; a method; the steps of a procedure; launched objects
    ("实现了“甲事甲提、甲事甲议、甲事甲商、甲事甲定、甲事甲办”。",
     {("甲事甲提、甲事甲议、甲事甲商、甲事甲定、甲事甲办", "slogan")}),
    ("通过“实地看、现场听、相互学”的方式观摩。", {("实地看、现场听、相互学", "slogan")}),
    ("通过“调研—协商—再调研”，把问题研深议透。", {("调研—协商—再调研", "slogan")}),
    ("要广泛开展“与民协商”。两级政协开展“好商量”。", {("与民协商", "brand"), ("好商量", "brand")}),
    # formulas, campaigns and brands
    ("紧扣省政协“1453”履职总要求，推广“12345”工作法。", {("1453", "slogan"), ("12345", "slogan")}),
    ("开展“微调研”“微协商”“微服务”“微建议”。",
     {("微调研", "campaign"), ("微协商", "brand"), ("微服务", "campaign"), ("微建议", "campaign")}),
    ("锚定“243”发展布局，牢固树立“两山”理念。", {("243", "slogan"), ("两山", "slogan")}),
    ("创新提案办理“提、立、审、办、评”全链条机制。", {("提、立、审、办、评", "slogan")}),
    ("探索“茶叶+”产业发展。", {("茶叶+", "slogan")}),
    ("用“12个坚持”概括了重要思想。", {("12个坚持", "slogan")}),
    ("锚定建设“青山绿水就是富民产业”实践区目标。", {("青山绿水就是富民产业", "slogan")}),
    ("要牢固树立“服务于民、服务为民”的理念。", {("服务于民、服务为民", "slogan")}),
    ("专题研究《某盟政协“京津协作 委员助力”工作方案》。", {("京津协作 委员助力", "campaign")}),
    ("积极参与“持续深化‘帮引聚’活动·同心共建新家园”专项行动。",
     {("持续深化帮引聚活动·同心共建新家园", "campaign"), ("帮引聚", "campaign")}),
    ("开展“建言‘十五五’规划委员在行动”活动。", {("建言十五五规划委员在行动", "campaign"), ("十五五", "campaign")}),
    ("建立政协委员工作室和“某”事好商量——主席议事点。", {("某事好商量", "brand")}),
    ("打造的“甲村议事室”“乙村议事广场”“丙村议事法”等基层协商议事品牌。",
     {("甲村议事室", "brand"), ("乙村议事广场", "brand"), ("丙村议事法", "brand")}),
    ("如何配合国家十二五规划加快发展。", {("十二五", "campaign")}),
    ("深入实施强工业行动，推进人才回乡行动和“委员进企业行动”。",
     {("强工业行动", "campaign"), ("人才回乡行动", "campaign"), ("委员进企业行动", "campaign")}),
    ("2020年第三期某某政协讲坛举行。", {("某某政协讲坛", "brand")}),
    # a studio's own coined name unquoted before 委员工作室; a place, a sector or a verb phrase there is none
    ("区政协开展支部及文心聚力委员工作室学习活动。", {("文心聚力", "brand")}),
    ("调研某江媒体委员工作室，合力推动委员工作室高质量发展，为张某某委员工作室揭牌。", set()),
    ("结合“不忘初心、牢记使命”主题教育。", {("不忘初心、牢记使命", "campaign")}),
    ("调研“甲乙丙丁”特色委员工作室。", {("甲乙丙丁", "brand")}),
    # a task or a proposal: a verb of policy and its object (one clause), whatever the quotes around it
    ("提出了“加强茶叶加工培训”“建立蔬菜示范园区”等建议，围绕“推进某某强县建设”开展协商。", set()),
    ("要“全面提升某某服务水平”。", set()),
    # epithets of a place or a thing, colloquial words, a degree adverb inside the quotes, a quality it qualifies
    ("打造“中国茶海”产业集群，守好“中华粮仓”的防线，参观“中国名巷”老街。", set()),
    ("文件袋的颜值“蓝蓝地”，里面可是“很足量”。激活“冷能源”潜力。", set()),
    # a task, a role or a result as a metaphor: 完成好/交出
    ("为了完成好“委员功课”，交出“满意答卷”。", set()),
    # a target named as such after 实现; a year opening an event's or a group's name; 一 and a word
    ("为实现“生态立县、产业强县”目标凝心聚力。", set()),
    ("举办「2031 某省研学团」,沿着「一体」路线考察。", set()),
    # awards conferred, topics and titles, performances and exhibitions
    ("最终评出“某市政协工作十佳品牌”。此次活动主题为“同心某行·再出发”。", set()),
    ("举行“颂歌献给新时代 扬帆奋进新征程”庆祝建党周年文艺演出。", set()),
    ("以“抓住发展机遇,促进某地腾飞”为题发表评论。", set()),
    # a predicate, a phrase said, a predicament, an epithet before a person's name
    ("对外说明这是一个「伟大探索」。今年还可以再加一句“新征程新作为”。", set()),
    ("果农困于“卖原料、难增值”。朗读了“初唐四杰”王勃的名篇。", set()),
    # meetings and groups of people
    ("与果农展开了一场“田头协商会”。这支“流动协商队”走村入户。", set()),
    # a formula of several parts named by 的原则; a code of digits and a letter; a chain of +
    ("按照“突出重点、注重质量、一域多品、争创一流”的原则。", {("突出重点、注重质量、一域多品、争创一流", "slogan")}),
    ("构建“248N”读书体系，采用“生态农业+乡村旅游+特色文创”的发展模式。",
     {("248N", "slogan"), ("生态农业+乡村旅游+特色文创", "slogan")}),
    # a campaign whose name opens with 和; a span coordinated with a concept of its length
    ("“和市政协委员一起读书”活动启动。", {("和市政协委员一起读书", "campaign")}),
    ("全面贯彻“一国两制”、“港人治港”方针，以“书香政协”助推“书香社会”建设。",
     {("一国两制", "slogan"), ("港人治港", "slogan"), ("书香政协", "brand")}),  # what is built is a target (press9)
    # press9 batch A: a meeting's topic before 协商会, an activity's name before its meeting, an interview campaign,
    # designated days, a numbered formula as a theme, a formula of one and many
    ("某省政协“实施十大百亿级某某产业培育行动”月度专题协商会召开。", set()),
    ("市政协召开“书香某某 同心逐梦”委员读书活动座谈会。", {("书香某某 同心逐梦", "campaign")}),
    ("“讲好‘某某式商量’故事”网络主题采访活动启动。", {("讲好某某式商量故事", "campaign"), ("某某式商量", "brand")}),
    ("活动于第26个“世界某某日”启动，恰逢“国际某某节”。", set()),
    ("该项活动的主题为“双联双促”，即联系委员、联系群众。", {("双联双促", "slogan")}),
    ("采取“1个主站点+N个特色站点”的组织形式。", {("1个主站点+N个特色站点", "slogan")}),
    # press9 batch B: what is felt, a picture's title, questions with 谁, a role ending in …员, examples of measures,
    # what is focused on, a kind of room counted after it
    ("委员们体味到开展读书活动的“其中真意”。以“千里长征”图建言审批改革。紧扣“谁去协商”提升能力。", set()),
    ("设立“特约委员联络员”，完善“量化评比、兑现奖惩激励”等有关机制。", set()),
    ("聚焦新时代“首府发展”，建设“界别交流室”12个。", set()),
    # press9 batch C: a category of firms, a manner (…式), an undertaking named as a topic (…建设), an idiom opening with
    # 万/千/百, a statement with 是, the end of a change (向“…”转变), a venue kind alone
    ("加大“精特优新”企业培育，开展“议事式”民主监督，观看“大园区集群建设”情况短片。", set()),
    ("心系“万家灯火”，使“人人是自己安全第一责任人”理念深入人心，实现“以治为主”向“以防为主”转变。", set()),
    ("搭建乡镇“协商议事室”平台。", set()),
    # an incubator's, a park's or a project's name; an organ's name (the blind sets' FIRST_CONTACT classes, press9 q28)
    ("设立“云端”孵化器，入驻“星火”众创空间，推进“某某云”项目。", set()),
    ("在各乡镇设立“政协委员工作联络组”，成立“助企纾困”工作专班。", set()),
    # types: a count of platforms is a formula; a study and a class are venues; what is built or opened is a platform
    ("深化“五大平台”建设，建设“一报一刊一网两号”，为书房加挂“学思书房”标识，开设“云端空中课堂”，搭建“某事众商”。",
     {("五大平台", "slogan"), ("一报一刊一网两号", "slogan"), ("学思书房", "brand"), ("云端空中课堂", "brand"), ("某事众商", "brand")}),
    # press9 batch D: a theme after 以…为主题 (even with ·), a topic after 聚焦…等主题, what something is likened to (成为……的),
    # a dish, an organisation founded, a subheading's metaphor, a generic drive unquoted
    ("以“同行60年·委员讲”为主题拍摄专题片，聚焦“助企增效 助推某某创建”等主题开展活动，让问答成为流动的“知识课堂”。", set()),
    ("递给阿叔热腾腾的“袍某肉”，成立“产业某共同体”。\n各族群众的“共享某厅”\n某某自治区政协深化委员专项行动。", set()),
    # a slogan named by 主线/标语; a members' action with a long title; a formula of parts sharing their end; 三会 as a mechanism
    ("紧紧围绕“铸牢某某共同体意识”主线，会议室一侧“团结奋进新时代”的宣传标语格外醒目。",
     {("铸牢某某共同体意识", "slogan"), ("团结奋进新时代", "slogan")}),
    ("深入开展“建设铸牢某某共同体意识示范区 委员行动”，让“甲乙与共、丙丁与共、戊己与共”的共同体理念深入人心，深化“三会”机制，“提案360”专栏。",
     {("建设铸牢某某共同体意识示范区 委员行动", "campaign"), ("甲乙与共、丙丁与共、戊己与共", "slogan"), ("三会", "slogan"), ("提案360", "brand")}),
    # press9 batch E: an idiom with one 一, kinds listed before 等方式 (campaigns listed before 等形式 stay), a kind of people
    # (…大咖), a positioning (以“…”为定位, …小镇), the ends of a change (把“甲”变成“乙”), a study's topic before 的专题协商,
    # a description of the name quoted after it, of an atmosphere, a negation
    ("激活市场“一池春水”，采取“会上协商”“线下协商”等方式，邀请“带货大咖”，以“围绕中心,服务某某”为定位。", set()),
    ("聚焦“文旅小镇”建设，把“打卡点”转化成“消费点”，将“共谋某某协同发展”的专题协商活动开进村里。", set()),
    ("打造“红黄蓝俱全”的“青年政协”，在“自家人说自家事”的协商氛围中解决“非一人之力”可为的问题。", {("青年政协", "brand")}),
    ("通过“阅读季”“荐书月”等形式开展读书分享。", {("阅读季", "campaign"), ("荐书月", "campaign")}),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:14] for c in CASES])
def test_concept_forms(text, expected):
    assert _concepts(text) == expected


def test_every_quote_has_a_reason():
    from kg.extract.concepts import explain_quotes

    verdicts = dict(explain_quotes("深入推进“三抓三促”行动，切实用“小切口”服务“大民生”。"))
    assert verdicts["三抓三促"].type == "campaign"
    assert verdicts["小切口"].type is None and "adjective" in verdicts["小切口"].reason


SWAPS = [("甲乙丙丁", "戊己庚辛"), ("推进", "加快"), ("茶叶", "药材")]


@pytest.mark.parametrize("a,b", SWAPS)
def test_verdicts_follow_a_substitution(a, b):
    """Metamorphic: replacing a made-up word by another of its kind does not change what is a concept."""
    text = "调研“甲乙丙丁”特色委员工作室。提出了“推进茶叶加工培训”的建议。开展“茶叶+”行动。"
    before = {(n.replace(a, "\0"), t) for n, t in _concepts(text)}
    after = {(n.replace(b, "\0"), t) for n, t in _concepts(text.replace(a, b))}
    assert before == after


def test_a_numeral_opening_an_adverb_is_no_formula():
    """「一定」「一切」 open with 一 but are an adverb and a pronoun: the quotes hold speech or a motto, no numbered formula."""
    assert _concepts("他嘱咐我“一定要坚持住”。") == set()
    assert _concepts("牢固树立“两个确立”。") == {("两个确立", "slogan")}
