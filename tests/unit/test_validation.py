import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.validation import (
    FieldError,
    clean_text,
    id_check_char,
    normalise_phone,
    parse_incident_time,
    validate_id_number,
    validate_name,
)

regions = st.sampled_from(["110101", "140107", "340521", "440305", "650102"])
births = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31))
sequences = st.integers(min_value=0, max_value=999)


@st.composite
def id_numbers(draw: st.DrawFn) -> str:
    body = f"{draw(regions)}{draw(births):%Y%m%d}{draw(sequences):03d}"
    return body + id_check_char(body)


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
    assert err.value.code in ("id_check_digit", "id_birth_date")


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
        ("12345", "12345"),
    ],
)
def test_phone_numbers_are_normalised(typed: str, stored: str) -> None:
    assert normalise_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "code"),
    [("1391234567", "phone_format"), ("139abc", "phone_chars"), ("12912345678", "phone_format")],
)
def test_malformed_phone_numbers_are_refused(typed: str, code: str) -> None:
    with pytest.raises(FieldError, match=code):
        normalise_phone(typed)


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
