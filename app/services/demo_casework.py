"""The demo station's casework: every kind of record in every state, made through the services.

The bulk demo (`demo.generate`) writes reports and visits fast, straight into the file. What a
station does with them - case files, reminder sheets and their feedbacks, warning letters,
early warnings, referrals, the care register, a voided and an unfinished receipt - is made here
by the same service calls the desk makes, so each carries its revisions, audit entries and
follow-up visits exactly as in real use, and a newcomer finds every screen with something on it.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from faker import Faker

from app.db.engine import Store
from app.domain import roles
from app.domain.catalog import Catalog
from app.domain.clock import now_local
from app.services import (
    care_register,
    case_files,
    daily_review,
    early_warning,
    handover,
    receiving,
    reminder_sheets,
    visit_queries,
    visits,
    warning_letters,
)
from app.services.demo import DISTRICTS, _id_number
from app.services.station import OfficerInfo, list_officers


class _Desk:
    """The station's people and a supply of believable reporters."""

    def __init__(self, store: Store, catalog: Catalog, seed: int) -> None:
        self.store, self.catalog = store, catalog
        self.rng = random.Random(seed)
        self.fake = Faker("zh_CN")
        self.fake.seed_instance(seed)
        officers = list_officers(store)
        self.chief = next(o for o in officers if o.role == roles.CHIEF)
        self.officer = next(o for o in officers if o.role == roles.OFFICER)
        self.community = next((o for o in officers if o.role == roles.COMMUNITY), self.officer)
        self.now = now_local()

    def person(self) -> dict[str, str]:
        rng, fake = self.rng, self.fake
        return {
            "reporter_name": fake.name(),
            "reporter_phone": f"1{rng.choice('3456789')}{rng.randrange(0, 10**9):09d}",
            "reporter_id_number": _id_number(rng),
            "reporter_address": f"太原市{rng.choice(DISTRICTS)}{fake.street_name()}"
            f"{rng.randrange(1, 300)}号{rng.randrange(1, 20)}栋{rng.randrange(1, 6)}单元"
            f"{rng.randrange(1, 28)}0{rng.randrange(1, 4)}室",
        }

    def report(
        self, code: str, who: dict[str, str], days_ago: float, summary: str, by: OfficerInfo
    ) -> str:
        moment = self.now - dt.timedelta(days=days_ago)
        rid = receiving.receive(self.store, by, now=moment).id
        fields = {
            **who,
            "incident_type": code,
            "incident_time": (moment - dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            "incident_place": who["reporter_address"].split("号")[0] + "号",
            "summary": summary,
        }
        receiving.save_intake(self.store, by, rid, fields, self.catalog)
        return rid

    def repeated(self, code: str, summaries: list[str]) -> tuple[list[str], str]:
        """The same person back again within the rule's window: the third opens a case file."""
        who = self.person()
        ids = [
            self.report(code, who, days, text, self.officer)
            for days, text in zip((24, 12, 2), summaries, strict=True)
        ]
        case = case_files.file_of_report(self.store, ids[-1])
        return ids, case["id"] if case else ""

    def sheet(self, case_id: str, by: OfficerInfo, feedback: list[tuple[str, str]]) -> str:
        """The chief's reminder sheet for the file, answered as far as `feedback` goes."""
        reminder_sheets.issue_for_case(self.store, self.chief, case_id)
        sheet = reminder_sheets.sheet_of_case(self.store, case_id)
        assert sheet is not None
        for stage, text in feedback:
            reminder_sheets.feed_back(self.store, by, sheet["id"], stage, text)
        return str(sheet["id"])

    def visit_done(self, report_id: str) -> None:
        due = [v for v in visit_queries.visits_for_report(self.store, report_id)]
        if due:
            visits.record_outcome(
                self.store,
                self.community,
                due[0].code,
                visits.Outcome("done", satisfaction="satisfied", problem_solved="yes"),
            )


def generate_casework(store: Store, catalog: Catalog, *, seed: int = 20231) -> int:
    """Returns how many stories were played out."""
    desk = _Desk(store, catalog, seed)
    stories: list[Callable[[_Desk], None]] = [
        _file_in_progress_with_sheet,
        _file_cleared,
        _file_overdue_with_warning,
        _letter_awaiting_approval,
        _letter_approved,
        _letter_served,
        _warning_lifted,
        _referrals,
        _voided_and_unfinished,
        _care_register,
        _visits_refused_and_dissatisfied,
        _shift_handed_over,
        _yesterday_reviewed,
    ]
    for story in stories:
        story(desk)
    return len(stories)


def _file_in_progress_with_sheet(d: _Desk) -> None:
    """Noise from the flat above, three times: a plan, a log, a sheet answered twice so far."""
    _ids, case_id = d.repeated(
        "D03",
        [
            "报警人称楼上住户夜间装修噪音，协商未果。",
            "报警人称楼上再次夜间施工，影响老人休息。",
            "报警人称楼上噪音持续，双方发生争吵。",
        ],
    )
    case_files.update(
        d.store,
        d.chief,
        case_id,
        plan="联系物业与社区共同调解，约定施工时间",
        officer_id=d.community.id,
        deadline=(d.now + dt.timedelta(days=10)).date(),
    )
    case_files.log_action(d.store, d.community, case_id, "上门分别约谈双方当事人")
    d.sheet(
        case_id,
        d.community,
        [("receipt", "已签收"), ("progress", "已约谈双方，物业同意限定施工时段")],
    )


def _file_cleared(d: _Desk) -> None:
    """A property dispute settled: result fed back, a visit done, sheet and file cleared."""
    ids, case_id = d.repeated(
        "D06",
        [
            "报警人称物业停水未通知。",
            "报警人称物业再次停水，与物业人员争执。",
            "报警人称物业拒不恢复供水。",
        ],
    )
    case_files.update(d.store, d.chief, case_id, plan="约谈物业负责人，督促恢复供水")
    sheet_id = d.sheet(
        case_id,
        d.officer,
        [
            ("receipt", "已签收"),
            ("progress", "已约谈物业负责人"),
            ("result", "物业已恢复供水并书面致歉，双方签订调解协议"),
        ],
    )
    receiving.close_report(d.store, d.officer, ids[-1], "调解成功，物业恢复供水")
    d.visit_done(ids[-1])
    reminder_sheets.clear(d.store, d.chief, sheet_id)
    case_files.clear(d.store, d.chief, case_id, "物业恢复供水，双方签订调解协议")


def _file_overdue_with_warning(d: _Desk) -> None:
    """A family dispute past its deadline, orange: drink, violence and earlier reports."""
    ids, case_id = d.repeated(
        "D02",
        [
            "报警人称儿子酒后与其争吵。",
            "报警人称儿子酒后摔砸家中物品。",
            "报警人称儿子酒后推搡其本人，邻居劝开。",
        ],
    )
    early_warning.assess(
        d.store, d.officer, ids[-1], ["violence", "prior_reports", "alcohol_drugs"]
    )
    case_files.update(
        d.store,
        d.chief,
        case_id,
        plan="联系社区、家属共同劝导，必要时送医戒酒",
        deadline=(d.now - dt.timedelta(days=3)).date(),
    )
    d.sheet(case_id, d.officer, [("receipt", "已签收")])


def _letter_awaiting_approval(d: _Desk) -> None:
    who = d.person()
    rid = d.report("C09", who, 1, "报警人称丈夫酒后打其耳光，无明显伤情。", d.officer)
    warning_letters.draft(
        d.store,
        d.officer,
        rid,
        warning_letters.LetterDraft(
            abuser_name=d.fake.name_male(),
            victim_name=who["reporter_name"],
            facts="酒后因琐事殴打妻子，致其面部红肿，经批评教育表示悔改。",
            relation="夫妻",
        ),
    )


def _approved_letter(d: _Desk, days_ago: int) -> str:
    who = d.person()
    rid = d.report(
        "C09", who, days_ago, "报警人称丈夫多次殴打其本人，今日又因琐事动手。", d.officer
    )
    early_warning.assess(d.store, d.officer, rid, ["violence", "injury", "prior_reports"])
    letter_id = warning_letters.draft(
        d.store,
        d.officer,
        rid,
        warning_letters.LetterDraft(
            abuser_name=d.fake.name_male(),
            victim_name=who["reporter_name"],
            facts="因家庭琐事多次殴打妻子，致其手臂软组织挫伤。",
            relation="夫妻",
        ),
    )
    warning_letters.approve(d.store, d.chief, letter_id)
    return letter_id


def _letter_approved(d: _Desk) -> None:
    """Approved today, to be served on the abuser."""
    _approved_letter(d, 0)


def _letter_served(d: _Desk) -> None:
    """Served, and the residents' committee told (article 17); the check with it to come."""
    letter_id = _approved_letter(d, 9)
    warning_letters.mark_served(d.store, d.officer, letter_id)
    warning_letters.notify_committee(
        d.store,
        d.community,
        letter_id,
        committee=f"{d.fake.street_name()}社区居民委员会",
        contact=f"{d.fake.last_name()}主任",
        how="in_person",
    )


def _warning_lifted(d: _Desk) -> None:
    rid = d.report("D01", d.person(), 20, "报警人称前男友多次到其住处纠缠。", d.officer)
    early_warning.assess(d.store, d.officer, rid, ["stated_intent"])
    early_warning.lift(d.store, d.chief, rid, "双方已调解，对方已搬离本市")


def _referrals(d: _Desk) -> None:
    """Double-non matters sent on to the department that handles them."""
    for code, text, department in (
        ("D04", "报警人称工地拖欠其三个月工资。", "人社局劳动保障监察大队"),
        ("N01", "报警人称小区路灯损坏多日无人维修。", "街道办事处"),
        ("N02", "报警人咨询户口迁移政策。", "户籍窗口"),
    ):
        rid = d.report(code, d.person(), d.rng.uniform(1, 6), text, d.officer)
        receiving.refer_report(d.store, d.officer, rid, department)


def _voided_and_unfinished(d: _Desk) -> None:
    rid = receiving.receive(d.store, d.officer).id
    receiving.void_receipt(d.store, d.chief, rid, "误按接警按钮，无人报警")
    rid = receiving.receive(d.store, d.officer).id
    receiving.leave_unfinished(d.store, d.officer, rid, "报警人身体不适，先送医院，约定稍后补录")


def _care_register(d: _Desk) -> None:
    for category, grade, notes in (
        ("mental_illness", 3, "按时服药，家属监护"),
        ("mental_illness", 1, "病情稳定"),
        ("elderly_alone", None, "子女在外地"),
        ("disabled", None, "肢体残疾，行动不便"),
        ("hardship", None, "低保户"),
    ):
        who = d.person()
        care_register.register_person(
            d.store,
            d.community,
            name=who["reporter_name"],
            category=category,
            grade=grade,
            phone=who["reporter_phone"],
            id_number=who["reporter_id_number"],
            address=who["reporter_address"],
            notes=notes,
        )


def _visits_refused_and_dissatisfied(d: _Desk) -> None:
    """A visit the party refused, and one dissatisfied (a further visit, under supervision)."""
    for outcome in (
        visits.Outcome("refused", notes="当事人表示不愿再谈此事"),
        visits.Outcome("done", satisfaction="dissatisfied", problem_solved="no"),
    ):
        rid = d.report("D07", d.person(), 2, "报警人称商家拒不退还预付卡余额。", d.officer)
        receiving.close_report(d.store, d.officer, rid, "已告知向市场监管部门投诉")
        due = visit_queries.visits_for_report(d.store, rid)
        if due:
            visits.record_outcome(d.store, d.community, due[0].code, outcome)


def _shift_handed_over(d: _Desk) -> None:
    """The night shift's handover, waiting for the next officer to sign in and take it over."""
    handover.hand_over(
        d.store,
        d.officer,
        "夜班接报均已登记；一名报警人去医院验伤，回所后补录；物业纠纷当事人上午九点前回电。",
        d.now - dt.timedelta(hours=12),
    )


def _yesterday_reviewed(d: _Desk) -> None:
    """The chief went through the day before yesterday, with a comment on one report; yesterday
    waits for the review."""
    day = (d.now - dt.timedelta(days=2)).date()
    items = daily_review.review_list(d.store, d.catalog, day)
    flagged = [i.report_id for i in items if i.flags][:1]
    if flagged:
        daily_review.sign_off(
            d.store, d.chief, d.catalog, flagged, "请补录报警人身份证号，并说明延迟原因"
        )
    daily_review.sign_off(d.store, d.chief, d.catalog, [i.report_id for i in items])
