import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.validation import (
    PROVINCE_CODES,
    FieldError,
    clean_text,
    id_check_char,
    normalise_phone,
    parse_incident_time,
    validate_id_number,
    validate_name,
)

regions = st.builds(
    lambda province, rest: f"{province}{rest:04d}",
    st.sampled_from(sorted(PROVINCE_CODES)),
    st.integers(0, 9999),
)
births = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31))
sequences = st.integers(min_value=0, max_value=999)
# every kind of space an input method or a pasted document brings
SPACES = st.sampled_from([" ", "\u3000", "\u00a0", "\u2002", "\u2009", "\u202f", "\u205f"])


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    body = f"{draw(regions)}{draw(births):%Y%m%d}{draw(sequences):03d}"
    return body + id_check_char(body)


@st.composite
def as_typed(draw: st.DrawFn, number: str) -> str:
    """The number as someone may type or paste it: some characters full-width, spaces of any
    kind between and around them."""
    out = [draw(SPACES) if draw(st.booleans()) else ""]
    for ch in number:
        out.append(chr(ord(ch) + 0xFEE0) if draw(st.booleans()) else ch)  # full-width form
        if draw(st.integers(0, 5)) == 0:
            out.append(draw(SPACES))
    return "".join(out)


@given(id_numbers(), st.data())
def test_an_id_number_typed_full_width_or_with_any_spaces_is_the_same_number(
    number: str, data: st.DataObject
) -> None:
    assert validate_id_number(data.draw(as_typed(number))) == number


@given(st.integers(0, 99).filter(lambda p: p not in PROVINCE_CODES), st.integers(0, 9999), births)
def test_an_id_number_without_a_province_code_is_refused(
    province: int, rest: int, birth: dt.date
) -> None:
    body = f"{province:02d}{rest:04d}{birth:%Y%m%d}123"
    with pytest.raises(FieldError, match="id_region"):
        validate_id_number(body + id_check_char(body))


@given(regions, st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(1899, 12, 31)))
def test_a_birth_year_before_1900_is_called_implausible_not_unreal(
    region: str, birth: dt.date
) -> None:
    body = f"{region}{birth:%Y%m%d}123"
    with pytest.raises(FieldError, match="id_birth_year"):
        validate_id_number(body + id_check_char(body))


@given(regions, st.integers(1, 3000))
def test_a_birth_date_after_today_is_refused(region: str, days: int) -> None:
    today = dt.date(2026, 12, 4)
    body = f"{region}{today + dt.timedelta(days=days):%Y%m%d}123"
    with pytest.raises(FieldError, match="id_birth_future"):
        validate_id_number(body + id_check_char(body), today=today)
    born_today = f"{region}{today:%Y%m%d}123"
    assert validate_id_number(born_today + id_check_char(born_today), today=today)


@given(id_numbers())
def test_every_generated_id_number_is_accepted(number: str) -> None:
    assert validate_id_number(number) == number
    assert validate_id_number(number.lower()) == number


@given(id_numbers(), st.integers(min_value=0, max_value=16), st.integers(min_value=1, max_value=9))
def test_one_mistyped_digit_is_caught(number: str, pos: int, delta: int) -> None:
    digits = list(number)
    digits[pos] = str((int(digits[pos]) + delta) % 10)
    mistyped = "".join(digits)
    with pytest.raises(FieldError) as err:
        validate_id_number(mistyped)
    assert err.value.code in (
        "id_check_digit",
        "id_birth_date",
        "id_birth_year",
        "id_birth_future",
        "id_region",
    )


@given(id_numbers())
def test_swapped_neighbours_are_caught_when_they_differ(number: str) -> None:
    a, b = number[14], number[15]
    if a == b:
        return
    swapped = number[:14] + b + a + number[16:]
    with pytest.raises(FieldError):
        validate_id_number(swapped)


def test_known_id_number_and_its_messages() -> None:
    assert validate_id_number("11010519491231002X") == "11010519491231002X"
    with pytest.raises(FieldError, match="id_check_digit"):
        validate_id_number("110105194912310021")
    with pytest.raises(FieldError, match="id_length"):
        validate_id_number("1101051949")
    with pytest.raises(FieldError, match="id_birth_date"):
        validate_id_number("110105194902310027")
    assert validate_id_number("  ") == ""


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("139 1234 5678", "13912345678"),
        ("+86 139-1234-5678", "13912345678"),
        ("0351-1234567", "0351-1234567"),
        ("03511234567", "03511234567"),
        ("１３９１２３４５６７８", "13912345678"),
        ("139\u30001234\u00a05678", "13912345678"),
        ("(0351) 1234567", "03511234567"),
        ("010-88889999-123", "010-88889999-123"),
        ("0086-13912345678", "13912345678"),
    ],
)
def test_phone_numbers_are_normalised(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1391234567", "phone_format"),
        ("139abc", "phone_chars"),
        ("12912345678", "phone_format"),
        ("00000000000", "phone_format"),
        ("-13800138000", "phone_format"),
        ("139--12345678", "phone_format"),
        ("110", "phone_service"),
        ("120", "phone_service"),
        ("12345", "phone_service"),
        ("95588", "phone_service"),
        ("400-812-3123", "phone_service"),
        ("8008101234", "phone_service"),
        ("139\x0012345678", "control_chars"),
    ],
)
def test_malformed_and_service_phone_numbers_are_refused(typed: str, code: str) -> None:
    with pytest.raises(FieldError, match=code):
        normalise_phone(typed)


mobiles = st.builds(
    lambda second, rest: f"1{second}{rest:09d}", st.integers(3, 9), st.integers(0, 10**9 - 1)
)


@given(mobiles, st.data())
def test_a_mobile_typed_full_width_or_with_any_spaces_is_the_same_number(
    number: str, data: st.DataObject
) -> None:
    assert normalise_phone(data.draw(as_typed(number))) == number


@given(st.text(alphabet="0123456789", max_size=6))
def test_no_number_shorter_than_seven_digits_is_taken_for_a_phone(digits: str) -> None:
    if digits:
        with pytest.raises(FieldError):
            normalise_phone(digits)


@given(st.from_regex(r"1[0-2][0-9]|1[0-2][0-9]{3}|9[56][0-9]{3,6}|[48]00[0-9]{7}", fullmatch=True))
def test_service_numbers_are_refused_as_such(number: str) -> None:
    with pytest.raises(FieldError, match="phone_service"):
        normalise_phone(number)


def test_text_limits_and_control_characters() -> None:
    assert (
        clean_text("summary", "Robert'); DROP TABLE report;--") == "Robert'); DROP TABLE report;--"
    )
    assert clean_text("summary", "第一行\n第二行", multiline=True) == "第一行\n第二行"
    assert clean_text("summary", "电动车被盗 🚲") == "电动车被盗 🚲"
    with pytest.raises(FieldError, match="control_chars"):
        clean_text("reporter_address", "新建路\x00号")
    with pytest.raises(FieldError, match="too_long"):
        clean_text("reporter_address", "路" * 201)


def test_names() -> None:
    assert validate_name("买买提·艾力") == "买买提·艾力"
    assert validate_name("John O'Neil") == "John O'Neil"
    for bad in ("王芳1", "王芳🙂", "<script>"):
        with pytest.raises(FieldError, match="name_chars"):
            validate_name(bad)


def test_incident_time() -> None:
    now = dt.datetime(2024, 1, 2, 22, 0)
    assert parse_incident_time("2024-01-02 21:30", now) == "2024-01-02 21:30"
    with pytest.raises(FieldError, match="time_future"):
        parse_incident_time("2024-01-03 08:00", now)
    with pytest.raises(FieldError, match="time_format"):
        parse_incident_time("昨晚", now)


@pytest.mark.parametrize("bad", ["\x00", "\ud800", "\x1b", "\u200b"])
def test_the_desk_refuses_text_hq_could_not_store(store, chief, catalog, bad: str) -> None:
    """The same rule as HQ's protocol: such text is refused where it is typed, and nothing of
    it is saved, in the intake and in the free texts of later steps."""
    from app import errors
    from app.services import receiving, reports
    from tests.conftest import good_intake

    receipt = receiving.receive(store, chief)
    for field in ("reporter_name", "reporter_address", "summary", "incident_place"):
        with pytest.raises(errors.ValidationFailed) as caught:
            receiving.save_intake(
                store, chief, receipt.id, good_intake(**{field: f"王芳{bad}"}), catalog
            )
        assert field in caught.value.errors
    receiving.save_intake(store, chief, receipt.id, good_intake(), catalog)
    for act in (
        lambda: receiving.void_receipt(store, chief, receipt.id, f"误按{bad}"),
        lambda: receiving.close_report(store, chief, receipt.id, f"已调解{bad}"),
    ):
        with pytest.raises((errors.ValidationFailed, FieldError)):
            act()
    saved = reports.get_report(store, receipt.id)
    assert all(bad not in str(v) for v in saved.values())
