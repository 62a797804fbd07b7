"""The special-population register: listed, corrected, regraded with a reason (the next care
visit following the new grade), taken off with a reason and never deleted, printed."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from sqlalchemy import select

from app import errors
from app.db.models import CarePerson, Visit
from app.services import care_register, documents


def _visits(store, person_id: str) -> list[tuple[str, str]]:
    with store.read() as s:
        return [
            (v.status, v.due_date)
            for v in s.scalars(select(Visit).where(Visit.person_id == person_id))
        ]


def test_the_register_is_listed_corrected_regraded_and_taken_off_never_deleted(
    store, chief
) -> None:
    officer = chief  # who assigns visits keeps the register
    ill = care_register.register_person(
        store, officer, name="张明", category="mental_illness", grade=1,
        phone="13912345678", address="太原市杏花岭区新建路12号3栋2单元501室",
    )  # fmt: skip
    alone = care_register.register_person(
        store, officer, name="刘桂兰", category="elderly_alone", phone="13812345678",
        safe_contact=True,
    )  # fmt: skip
    listed = care_register.people(store)
    assert [p.name for p in listed] == ["刘桂兰", "张明"]  # by category, then name
    assert next(p for p in listed if p.name == "刘桂兰").phone == ""  # safe contact: no phone
    assert all(p.next_visit for p in listed)
    assert [p.name for p in care_register.people(store, category="mental_illness")] == ["张明"]

    fields = {"name": "张明", "phone": "13912345678", "address": "太原市新建路12号"}
    with pytest.raises(errors.ValidationFailed) as why:  # a new grade needs its reason
        care_register.update_person(store, officer, ill, grade=3, **fields)
    assert why.value.errors == {"grade_reason": "required"}
    before = _visits(store, ill)
    care_register.update_person(store, officer, ill, grade=3, grade_reason="复诊病情加重", **fields)
    person = care_register.get_person(store, ill)
    assert person["grade"] == 3 and person["grade_reason"] == "复诊病情加重"
    after = _visits(store, ill)
    assert ("cancelled", before[0][1]) in after  # the old cadence's visit is cancelled
    assert [v for v in after if v[0] == "due"]  # and one on the new grade's cadence is due

    with pytest.raises(errors.ValidationFailed):
        care_register.remove_person(store, officer, alone, "  ")
    care_register.remove_person(store, officer, alone, "已随子女迁往外地")
    assert [p.name for p in care_register.people(store)] == ["张明"]
    gone = next(p for p in care_register.people(store, include_removed=True) if p.id == alone)
    assert not gone.active and gone.removed_reason == "已随子女迁往外地"
    assert all(status != "due" for status, _ in _visits(store, alone))
    with store.read() as s:
        assert s.get(CarePerson, alone) is not None  # never deleted
    with pytest.raises(errors.NotFoundError):
        care_register.update_person(store, officer, alone, grade=None, name="刘桂兰")


def test_the_printed_register_lists_who_is_on_it_without_safe_contact_phones(store, chief) -> None:
    officer = chief  # who assigns visits keeps the register
    care_register.register_person(
        store, officer, name="张明", category="mental_illness", grade=2, phone="13912345678"
    )
    care_register.register_person(
        store, officer, name="刘桂兰", category="elderly_alone", phone="13812345678",
        safe_contact=True,
    )  # fmt: skip
    gone = care_register.register_person(
        store, officer, name="王强", category="hardship", phone="13712345678"
    )
    care_register.remove_person(store, officer, gone, "家庭经济已好转")
    with pdfplumber.open(io.BytesIO(documents.care_register_pdf(store, by=officer))) as doc:
        text = "".join("".join(page.extract_text().split()) for page in doc.pages)
    assert "特殊人群登记册" in text and "在册2人" in text
    assert "张明" in text and "严重精神障碍患者" in text and "2级" in text
    assert "13912345678" in text and "13812345678" not in text and "安全联系" in text
    assert "王强" not in text
