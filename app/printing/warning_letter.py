"""The domestic-violence warning letter (家庭暴力告诫书) as served on the abuser.

One A4 page: the issuing station and serial, the abuser, the facts found, the legal basis
(Anti-Domestic Violence Law art. 16-17), what the abuser must not do, the victim's rights, the
chief's approval, the seal box, and the abuser's signature of receipt. The victim's phone and
address never appear: the abuser keeps this paper.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.fonts import register_fonts

LEGAL_BASIS = (
    "根据《中华人民共和国反家庭暴力法》第十六条之规定，家庭暴力情节较轻，依法不给予治安管理"
    "处罚的，由公安机关对加害人给予批评教育或者出具告诫书。"
)
ORDER = (
    "现对你予以告诫：你应当立即停止对{victim}实施家庭暴力行为，不得以殴打、捆绑、残害、"
    "限制人身自由以及经常性谩骂、恐吓等方式侵害家庭成员的身体、精神权益，不得骚扰、跟踪、"
    "接触受害人及其相关近亲属。如再次实施家庭暴力，公安机关将依法从严处理；构成违反治安管理"
    "行为的，依法给予治安管理处罚；构成犯罪的，依法追究刑事责任。"
)
FOLLOW_UP = (
    "公安派出所将对你收到告诫书后是否再次实施家庭暴力进行查访，监督你停止实施家庭暴力。"
    "受害人可以依法向人民法院申请人身安全保护令。本告诫书可作为人民法院认定家庭暴力事实的证据。"
)


@dataclass(frozen=True)
class WarningLetterPrint:
    serial: str
    unit_name: str
    parent_bureau: str
    abuser_name: str
    abuser_id_number: str
    abuser_address: str
    victim_name: str
    relation: str
    facts: str
    incident_time: str
    report_serial: str
    approved_by: str
    approved_day: str


def render_warning_letter(letter: WarningLetterPrint) -> bytes:
    font = register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=18 * mm,
        bottomMargin=16 * mm,
        title=f"家庭暴力告诫书 {letter.serial}",
        author=letter.unit_name,
    )
    body = ParagraphStyle("body", fontName=font, fontSize=11.5, leading=19, wordWrap="CJK")
    indent = ParagraphStyle("indent", parent=body, firstLineIndent=23)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=12, textColor=colors.grey)
    title = ParagraphStyle("title", parent=body, fontSize=22, leading=30, alignment=TA_CENTER)
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>").replace("　", "&nbsp;" * 3), style)

    who = (
        f"加害人：{letter.abuser_name}"
        + (f"　　身份证号码：{letter.abuser_id_number}" if letter.abuser_id_number else "")
        + (f"\n住址：{letter.abuser_address}" if letter.abuser_address else "")
        + f"\n受害人：{letter.victim_name}"
        + (f"　　与加害人关系：{letter.relation}" if letter.relation else "")
    )
    facts = f"经查，{letter.incident_time + '，' if letter.incident_time else ''}{letter.facts}"
    approval = Table(
        [
            [p(f"审批人：{letter.approved_by}"), p(f"批准日期：{letter.approved_day}")],
            [p("（公安派出所印章）", centre), p("被告诫人签收：\n\n签收时间：　　年　　月　　日")],
        ],
        colWidths=[83 * mm, 83 * mm],
        rowHeights=[10 * mm, 34 * mm],
    )
    approval.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (0, 1), (0, 1), "MIDDLE"),
            ]
        )
    )
    story = [
        p(letter.parent_bureau, centre),
        p(letter.unit_name, centre),
        Spacer(1, 3 * mm),
        p("家庭暴力告诫书", title),
        p(
            "Domestic violence warning letter",
            ParagraphStyle("en", parent=small, alignment=TA_CENTER),
        ),
        Spacer(1, 2 * mm),
        p(f"编号：{letter.serial}", ParagraphStyle("right", parent=body, alignment=2)),
        Spacer(1, 3 * mm),
        p(who),
        Spacer(1, 3 * mm),
        p(facts, indent),
        p(LEGAL_BASIS, indent),
        p(ORDER.format(victim=letter.victim_name), indent),
        p(FOLLOW_UP, indent),
        Spacer(1, 6 * mm),
        approval,
        Spacer(1, 4 * mm),
        p(
            f"本告诫书一式三份：一份交加害人，一份交受害人，一份附卷（接报记录 {letter.report_serial}）。",
            small,
        ),
    ]
    doc.build(story)
    return buf.getvalue()
