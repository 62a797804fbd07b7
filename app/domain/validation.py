"""Validation of what an officer types at intake.

Each check returns a normalised value or raises `FieldError` with a stable code; the UI turns
the code into a translated message beside the field. Nothing here rejects text merely for
looking like SQL: every value is stored through bound parameters and kept verbatim.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"

MAX_LENGTHS = {
    "reporter_name": 50,
    "reporter_phone": 30,
    "no_phone_reason": 200,
    "reporter_id_number": 18,
    "reporter_address": 200,
    "incident_place": 200,
    "incident_time": 40,
    "summary": 4000,
    "disposal_result": 2000,
    "referred_department": 100,
    "unfinished_reason": 500,
    "void_reason": 500,
    "unit_name": 100,
    "officer_name": 50,
}


class FieldError(ValueError):
    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
# area code (010, 02x, or four digits 03xx-09xx), a 7- or 8-digit number, an extension
_LANDLINE = re.compile(r"^0(?:10|2\d|[3-9]\d{2})-?\d{7,8}(?:-\d{1,6})?$")
# emergency and public-service numbers, short codes, company hotlines: never a person's phone
_SERVICE = re.compile(r"^(?:1[0-2]\d|1[0-2]\d{3}|9[5-6]\d{3,6}|[48]00\d{7})$")
# GB/T 2260 provinces, the first two digits of a citizen ID number; 71 Taiwan, 81 Hong Kong,
# 82 Macau, 83 the residence permits of Taiwan residents
PROVINCE_CODES = frozenset(
    (11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46)
    + (50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83)
)
EARLIEST_BIRTH_YEAR = 1900  # before it a living reporter is not plausible: a typing error
_NAME_CHARS = re.compile(r"^[\w\u00b7\u30fb\u2022 .'\-]+$")


def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def has_control_chars(text: str, allow_newlines: bool = False) -> bool:
    for ch in text:
        if allow_newlines and ch in "\n\t":
            continue
        # Cs: a lone surrogate (half of a pair, not a character) cannot be stored as UTF-8
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs") and ch not in "\u200d":
            return True
    return False


def check_length(field: str, value: str) -> None:
    limit = MAX_LENGTHS.get(field)
    if limit is not None and len(value) > limit:
        raise FieldError("too_long", limit=limit, length=len(value))


def plain_spaces(text: str) -> str:
    """Every Unicode space (ideographic, no-break, thin...) as an ASCII one: what looks like a
    space matches one in searches and keys, whichever input method typed it."""
    return "".join(" " if unicodedata.category(ch) == "Zs" else ch for ch in text)


def compact_digits(text: str) -> str:
    """Full-width digits and letters as ASCII (NFKC), every kind of space removed: for numbers
    typed with a Chinese input method or pasted from a document."""
    return re.sub(r"\s", "", plain_spaces(unicodedata.normalize("NFKC", text)))


def clean_text(field: str, value: str | None, *, multiline: bool = False) -> str:
    """Trim, refuse invisible control characters, enforce the field's length limit."""
    text = plain_spaces(value or "").strip()
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_control_chars(text, allow_newlines=multiline):
        raise FieldError("control_chars")
    check_length(field, text)
    return text


def validate_id_number(value: str | None, today: dt.date | None = None) -> str:
    """GB 11643-1999 citizen ID: a province code, a real birth date not after today, and the
    ISO 7064 check character."""
    if has_control_chars(value or ""):
        raise FieldError("control_chars")
    text = compact_digits(value or "").upper()
    if not text:
        return ""
    if len(text) != 18:
        raise FieldError("id_length", length=len(text))
    body, check = text[:17], text[17]
    if not body.isascii() or not body.isdigit() or check not in "0123456789X":
        raise FieldError("id_chars")
    if int(body[:2]) not in PROVINCE_CODES:
        raise FieldError("id_region", region=body[:6])
    try:
        birth = dt.date(int(body[6:10]), int(body[10:12]), int(body[12:14]))
    except ValueError:
        raise FieldError("id_birth_date") from None
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise FieldError("id_birth_year", year=birth.year)
    if birth > (today or dt.date.today()):
        raise FieldError("id_birth_future")
    expected = id_check_char(body)
    if check != expected:
        raise FieldError("id_check_digit", expected=expected)
    return text


def normalise_phone(value: str | None) -> str:
    """A person's phone: a mainland mobile (1[3-9] and nine digits) or a landline with its area
    code (and extension). Full-width digits, every kind of space, brackets and dashes between
    digits are accepted; service numbers (110, 120, 12345, 95xxx, 400/800 hotlines) are
    refused with a message saying so."""
    if has_control_chars(value or ""):
        raise FieldError("control_chars")
    compact = re.sub(r"[()]", "", compact_digits(value or ""))
    if not compact:
        return ""
    for prefix in ("+86", "0086"):
        if compact.startswith(prefix):
            compact = compact.removeprefix(prefix).removeprefix("-")
    if len(compact) > MAX_LENGTHS["reporter_phone"]:
        raise FieldError("too_long", limit=MAX_LENGTHS["reporter_phone"], length=len(compact))
    digits = compact.replace("-", "")
    if not digits.isascii() or not digits.isdigit():
        raise FieldError("phone_chars")
    if compact.startswith("-") or compact.endswith("-") or "--" in compact:
        raise FieldError("phone_format")
    if _MOBILE.match(digits):
        return digits
    if _LANDLINE.match(compact):
        return compact if "-" in compact else digits
    if _SERVICE.match(digits):
        raise FieldError("phone_service", number=digits)
    raise FieldError("phone_format")


def validate_name(value: str | None) -> str:
    text = clean_text("reporter_name", value)
    if not text:
        return ""
    normal = unicodedata.normalize("NFKC", text)
    if not _NAME_CHARS.match(normal) or any(ch.isdigit() for ch in normal):
        raise FieldError("name_chars")
    return text


def parse_incident_time(value: str | None, now: dt.datetime | None = None) -> str:
    """Accepts 'YYYY-MM-DD HH:MM' (or ISO); refuses times in the future. Returns ISO minutes."""
    text = (value or "").strip()
    if not text:
        return ""
    check_length("incident_time", text)
    parsed: dt.datetime | None = None
    for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = dt.datetime.strptime(text, fmt)
            break
        except ValueError:
            continue
    if parsed is None:
        raise FieldError("time_format")
    now = now or dt.datetime.now()
    if parsed > now + dt.timedelta(minutes=5):
        raise FieldError("time_future")
    return parsed.strftime("%Y-%m-%d %H:%M")
