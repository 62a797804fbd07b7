"""The domestic-violence warning letter (家庭暴力告诫书) as served on the abuser.

One A4 page: the issuing station and serial, the abuser, the facts found, the legal basis
(Anti-Domestic Violence Law art. 16-17), what the abuser must not do, the victim's rights, the
chief's approval, the seal box, and the abuser's signature of receipt. The victim's phone and
address never appear: the abuser keeps this paper.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.printing.fonts import register_fonts
from app.printing.written import written_date, written_time

LEGAL_BASIS = (
    "根据《中华人民共和国反家庭暴力法》第十六条之规定，家庭暴力情节较轻，依法不给予治安管理"
    "处罚的，由公安机关对加害人给予批评教育或者出具告诫书。"
)
# Article 16: a warning letter holds the abuser's identity, the facts of the violence and the
# prohibition of further violence - nothing of a court's personal safety protection order
# (article 29: no harassing, stalking or contacting), which only a court issues.
ORDER = (
    "现对你予以告诫：禁止你对{victim}及其他家庭成员再实施家庭暴力，即不得以殴打、捆绑、残害、"
    "限制人身自由以及经常性谩骂、恐吓等方式侵害家庭成员的身体、精神权益。如再次实施家庭暴力，"
    "构成违反治安管理行为的，依法给予治安管理处罚；构成犯罪的，依法追究刑事责任。"
)
# Article 17: delivered to the abuser and the victim, the committee notified, both visited.
FOLLOW_UP = (
    "根据该法第十七条，本告诫书送交加害人、受害人，并通知居民委员会、村民委员会。"
    "居民委员会、村民委员会、公安派出所将对加害人、受害人进行查访，监督加害人不再实施家庭暴力。本告诫书可作为人民法院认定家庭暴力"
    "事实的证据；受害人可以依法向人民法院申请人身安全保护令。"
)
# One page each: the abuser's, the victim's and the file's (article 17 delivers it to both).
COPIES = (
    ("第一联　交加害人", "被告诫人签收"),
    ("第二联　交受害人", "受害人签收"),
    ("第三联　附卷", "被告诫人签收"),
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
    when = written_time(letter.incident_time) if letter.incident_time else ""
    facts = f"经查，{when + '，' if when else ''}{letter.facts}"
    right = ParagraphStyle("right", parent=body, alignment=2)

    def one_copy(copy: str, signer: str) -> list[Flowable]:
        approval = _approval(letter, signer, p, centre)
        return [
            p(copy, right),
            p(letter.parent_bureau, centre),
            p(letter.unit_name, centre),
            Spacer(1, 3 * mm),
            p("家庭暴力告诫书", title),
            p(
                "Domestic violence warning letter",
                ParagraphStyle("en", parent=small, alignment=TA_CENTER),
            ),
            Spacer(1, 2 * mm),
            p(f"编号：{letter.serial}", right),
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
                "本告诫书一式三份：一份交加害人，一份交受害人，一份附卷"
                f"（接报记录 {letter.report_serial}）。",
                small,
            ),
        ]

    story: list[Flowable] = []
    for n, (copy, signer) in enumerate(COPIES):
        story += ([PageBreak()] if n else []) + one_copy(copy, signer)
    doc.build(story)
    return buf.getvalue()


def _approval(
    letter: WarningLetterPrint,
    signer: str,
    p: Callable[..., Paragraph],
    centre: ParagraphStyle,
) -> Table:
    """Who approved it and when, the seal, and the signature of whoever this copy is for."""
    approval = Table(
        [
            [
                p(f"审批人：{letter.approved_by}"),
                p(f"批准日期：{written_date(letter.approved_day)}"),
            ],
            [p("（公安派出所印章）", centre), p(f"{signer}：\n\n签收时间：　　年　　月　　日")],
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
    return approval
