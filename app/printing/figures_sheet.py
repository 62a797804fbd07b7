"""The research-and-judgment figures as a workbook, for whoever compiles them further (the
sub-bureau, the city's annual statistics): the same numbers as the PDF, one sheet a table."""

from __future__ import annotations

import io

from app.domain.weekly_figures import WeeklyFigures, rate
from app.printing.weekly_report import WORDS


def figures_xlsx(f: WeeklyFigures) -> bytes:
    from openpyxl import Workbook

    w = WORDS.get(f.period.kind, WORDS["range"])
    book = Workbook()
    key = book.active
    key.title = "主要指标"
    for row in (
        ["单位", f.unit_name],
        ["期间", f.period.label, f.period.start.isoformat(), f.period.end.isoformat()],
        ["指标", w.now, w.before, "去年同期"],
        ["接报警情", f.total, f.total_week_before, f.total_year_before],
        ["排查纠纷", f.disputes],
        ["化解纠纷", f.disputes_resolved],
        ["化解率（%）", rate(f.disputes_resolved, f.disputes)],
        ["婚恋、家庭、邻里纠纷", f.family_disputes],
        ["家庭暴力警情", f.dv_reports],
        ["家庭暴力告诫书", f.letters, None, f.letters_year_before],
        ["回访次数", f.visits_answered],
        ["满意及基本满意", f.visits_content],
    ):
        key.append(row)
    types = book.create_sheet("分类警情")
    types.append(["代码", "警情类别", w.now, w.before, "去年同期"])
    for t in f.by_type:
        types.append([t.code, t.name, t.now, t.week_before, t.year_before])
    repeats = book.create_sheet("重复警情")
    repeats.append(["类别", f"{w.now}重复警情", "去年同期"])
    for c in f.repeats_by_category:
        repeats.append([c.name, c.now, c.year_before])
    for title, rows in (("重复报警电话", f.top_phones), ("重复报警地址", f.top_addresses)):
        sheet = book.create_sheet(title)
        sheet.append([title, f"{w.now}报警次数", "最近一次"])
        for top in rows:
            sheet.append([top.key, top.reports, top.last_received])
    for sheet in book.worksheets:  # every text a text, never a formula
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
