"""The weekly research-and-judgment report (周研判报告) a station chief runs the meeting from.

A4 portrait, Chinese: the key figures first (reports, disputes and their resolution rate,
warning letters and their share, satisfaction), then reports by type with week-on-week and
year-on-year change and a chart, repeat reports by category year on year, the top repeat phones
and addresses, the warning colours in force, and how each figure is defined.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from app.domain.warning_colours import WarningCriteria
from app.domain.weekly_figures import WeeklyFigures
from app.domain.weekly_figures import change as _chg
from app.printing.fonts import register_fonts

NOW = colors.HexColor("#1565C0")
BEFORE = colors.HexColor("#90CAF9")
LAST_YEAR = colors.HexColor("#BDBDBD")


def count(n: int) -> str:
    return f"{n:,}"


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%"


def signed(value: float | None) -> str:
    if value is None:
        return "—"
    return f"+{value:.1f}%" if value > 0 else f"{value:.1f}%"


def _table(rows: list[list[object]], widths: list[float], font: str) -> Table:
    """The first column names, the others are figures, right-aligned."""
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 9),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E3F2FD")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9E9E9E")),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _key_table(rows: list[list[object]], font: str, widths: list[float] | None = None) -> Table:
    """Name, figure, and a note that reads left to right."""
    table = _table(rows, widths or [32 * mm, 28 * mm, 114 * mm], font)
    table.setStyle(TableStyle([("ALIGN", (2, 0), (2, -1), "LEFT")]))
    return table


def _short(name: str, most: int = 9) -> str:
    """A type's name under its bar: whole up to `most` characters (the table holds all)."""
    return name if len(name) <= most else name[: most - 1] + "…"


def _type_chart(figures: WeeklyFigures, font: str, w: Words) -> Drawing:
    rows = figures.by_type[:10]
    drawing = Drawing(170 * mm, 80 * mm)
    chart = VerticalBarChart()
    # room below for names drawn whole, slanted to end under their bars
    chart.x, chart.y, chart.width, chart.height = 20 * mm, 24 * mm, 146 * mm, 48 * mm
    chart.data = [
        [r.now for r in rows] or [0],
        [r.week_before for r in rows] or [0],
        [r.year_before for r in rows] or [0],
    ]
    chart.categoryAxis.categoryNames = [_short(r.name) for r in rows] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30
    chart.categoryAxis.labels.boxAnchor = "ne"
    chart.categoryAxis.labels.dy = -2
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    for i, colour in enumerate((NOW, BEFORE, LAST_YEAR)):
        chart.bars[i].fillColor = colour
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 108 * mm, 78 * mm
    legend.deltax = 20 * mm  # three entries side by side, the last ending inside the page
    legend.fontName, legend.fontSize = font, 7
    legend.alignment = "right"
    legend.colorNamePairs = [(NOW, w.now), (BEFORE, w.before), (LAST_YEAR, "去年同期")]
    legend.columnMaximum = 1
    drawing.add(legend)
    return drawing


def _category_chart(figures: WeeklyFigures, font: str, w: Words) -> Drawing:
    rows = figures.repeats_by_category[:8]
    drawing = Drawing(170 * mm, (20 + 9 * max(1, len(rows))) * mm)
    chart = HorizontalBarChart()
    chart.x, chart.y = 40 * mm, 10 * mm
    chart.width, chart.height = 120 * mm, 9 * max(1, len(rows)) * mm
    chart.data = [[r.now for r in rows] or [0], [r.year_before for r in rows] or [0]]
    chart.categoryAxis.categoryNames = [r.name for r in rows] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor, chart.bars[1].fillColor = NOW, LAST_YEAR
    drawing.add(chart)
    top = (14 + 9 * max(1, len(rows))) * mm
    drawing.add(String(40 * mm, top, f"深色：{w.now}　浅色：去年同期", fontName=font, fontSize=7))
    return drawing


# How each figure is counted, printed at the foot so nobody has to guess.
_DEFINITIONS = (
    "口径说明：警情按接报时间（本所当地时间）计入周期，作废的接报不计；纠纷指目录中"
    "“纠纷”类警情，接报即计为排查，以处置结果办结的计为化解（移交或未办结的不计）；"
    "告诫书按所长审批日期计，占比为告诫书数与同期家庭暴力警情数之比；重复警情指保存时"
    "触发重复报警规则的警情；满意率为满意与基本满意次数占已回访次数之比；去年同期为"
    "{last_year}。"
)


@dataclass(frozen=True)
class Words:
    """What the report calls its period and the one before, by the period's kind."""

    now: str
    before: str
    title: str
    last_year: str


WORDS = {
    "week": Words("本周", "上周", "警情周研判报告", "52周前的同一周"),
    "month": Words("本月", "上月", "警情月度研判报告", "上一年的同一月"),
    "quarter": Words("本季度", "上季度", "警情季度研判报告", "上一年的同一季度"),
    "year": Words("本年", "上年", "警情年度研判报告", "上一年"),
    "range": Words("本期", "上期", "警情研判报告", "上一年的同一日期段"),
}


def render_weekly_report(figures: WeeklyFigures, criteria: WarningCriteria) -> bytes:
    font = register_fonts()
    buf = io.BytesIO()
    period = figures.period
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=f"{WORDS.get(period.kind, WORDS['range']).title} {period.label}",
        author=figures.unit_name,
    )
    body = ParagraphStyle("body", fontName=font, fontSize=10, leading=15, wordWrap="CJK")
    h1 = ParagraphStyle("h1", parent=body, fontSize=18, leading=26, alignment=TA_CENTER)
    h2 = ParagraphStyle("h2", parent=body, fontSize=12.5, leading=20, spaceBefore=8)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=11, textColor=colors.grey)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)

    f = figures
    w = WORDS.get(period.kind, WORDS["range"])
    story: list[object] = [
        p(f.unit_name, ParagraphStyle("unit", parent=body, alignment=TA_CENTER)),
        p(w.title, h1),
        p(
            f"{period.label}（{period.start:%Y年%m月%d日}至{period.end:%Y年%m月%d日}）",
            ParagraphStyle("period", parent=body, alignment=TA_CENTER),
        ),
        Spacer(1, 4 * mm),
        p(_summary(f, w)),
        p("一、主要指标", h2),
        _key_table(_key_rows(f, w), font),
        p("二、分类警情（环比、同比）", h2),
        _type_chart(f, font, w),
        _table(_type_rows(f, w), [54 * mm, 22 * mm, 22 * mm, 26 * mm, 24 * mm, 26 * mm], font),
        KeepTogether([p("三、重复警情（按类别同比）", h2), _category_chart(f, font, w)]),
        _table(_category_rows(f, w), [64 * mm, 36 * mm, 36 * mm, 38 * mm], font),
        *_top_repeat_tables(f, font, w),
        p("四、五色预警在管情况", h2),
        _key_table(_colour_rows(f, criteria), font, [50 * mm, 40 * mm, 84 * mm]),
        Spacer(1, 5 * mm),
        p(_DEFINITIONS.format(last_year=w.last_year), small),
    ]
    doc.build(story)
    return buf.getvalue()


def _summary(f: WeeklyFigures, w: Words) -> str:
    """The period in one sentence, read out first at the meeting."""
    return (
        f"{w.now}共接报警情 {count(f.total)} 起；排查纠纷 {count(f.disputes)} 起，化解 "
        f"{count(f.disputes_resolved)} 起，化解率 {pct(f.resolution_rate)}；出具家庭暴力"
        f"告诫书 {count(f.letters)} 份，占家暴警情的 {pct(f.letter_share)}，同比 "
        f"{signed(f.letters_change)}。"
    )


def _key_rows(f: WeeklyFigures, w: Words) -> list[list[object]]:
    """The key figures: reports, disputes and their resolution, letters, satisfaction, and the
    chief's daily review where the station counted it."""
    review: list[list[object]] = (
        [["每日研判签阅", count(f.reviewed), f"批注 {count(f.review_comments)} 条"]]
        if f.reviewed
        else []
    )
    return [
        ["指标", w.now, "说明"],
        [
            "接报警情",
            count(f.total),
            f"环比 {signed(_chg(f.total, f.total_week_before))}，"
            f"同比 {signed(_chg(f.total, f.total_year_before))}",
        ],
        [
            "排查纠纷",
            count(f.disputes),
            f"其中婚恋、家庭、邻里纠纷 {count(f.family_disputes)} 起，占 {pct(f.family_share)}",
        ],
        ["化解纠纷", count(f.disputes_resolved), f"化解率 {pct(f.resolution_rate)}"],
        [
            "家庭暴力告诫书",
            count(f.letters),
            f"占家暴警情（{count(f.dv_reports)} 起）"
            f"{pct(f.letter_share)}，同比 {signed(f.letters_change)}",
        ],
        [
            "回访满意率",
            pct(f.satisfaction_rate),
            f"回访 {count(f.visits_answered)} 次，满意及基本满意 {count(f.visits_content)} 次",
        ],
        *review,
    ]


def _type_rows(f: WeeklyFigures, w: Words) -> list[list[object]]:
    """Reports by type against the period before and a year before, with the total last."""
    type_rows: list[list[object]] = [["警情类别", w.now, w.before, "环比", "去年同期", "同比"]]
    for r in f.by_type:
        type_rows.append(
            [
                r.name,
                count(r.now),
                count(r.week_before),
                signed(r.week_change),
                count(r.year_before),
                signed(r.year_change),
            ]
        )
    type_rows.append(
        [
            "合计",
            count(f.total),
            count(f.total_week_before),
            signed(_chg(f.total, f.total_week_before)),
            count(f.total_year_before),
            signed(_chg(f.total, f.total_year_before)),
        ]
    )
    return type_rows


def _category_rows(f: WeeklyFigures, w: Words) -> list[list[object]]:
    cat_rows: list[list[object]] = [["类别", f"{w.now}重复警情", "去年同期", "同比"]]
    cat_rows += [
        [r.name, count(r.now), count(r.year_before), signed(r.year_change)]
        for r in f.repeats_by_category
    ]
    return cat_rows


def _top_repeat_tables(f: WeeklyFigures, font: str, w: Words) -> list[KeepTogether]:
    """The ten phones and the ten addresses that reported most, each kept on one page."""
    tables = []
    for title, rows in (
        ("重复报警电话（前十）", f.top_phones),
        ("重复报警地址（前十）", f.top_addresses),
    ):
        table_rows: list[list[object]] = [[title, f"{w.now}报警次数", "最近一次"]]
        table_rows += [
            [r.key, count(r.reports), r.last_received[:16].replace("T", " ")] for r in rows
        ]
        if not rows:
            table_rows.append([f"{w.now}无", "", ""])
        tables.append(
            KeepTogether([Spacer(1, 3 * mm), _table(table_rows, [94 * mm, 36 * mm, 44 * mm], font)])
        )
    return tables


def _colour_rows(f: WeeklyFigures, criteria: WarningCriteria) -> list[list[object]]:
    """How many reports each warning colour holds, and at what level each is monitored."""
    colour_rows: list[list[object]] = [["预警颜色", "在管数量", "盯办层级"]]
    for colour in reversed(criteria.colours):
        level = criteria.monitoring_level(colour.monitoring)
        colour_rows.append(
            [colour.label_zh, count(f.colours.get(colour.id, 0)), level.label_zh if level else ""]
        )
    return colour_rows
