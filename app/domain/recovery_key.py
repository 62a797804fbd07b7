"""The recovery key: the station's database key written for people, kept on paper in the safe.

It is the 32-byte key itself plus three check bytes, in Crockford's base32 (no I, L, O or U, so
nothing reads two ways) and in groups of four: 56 characters. The check bytes tell a typo from a
key that belongs to another station, so the message can say which. The fingerprint, a short
hash of the key, is printed beside it and kept next to the database: it names the key without
revealing it.
"""

from __future__ import annotations

import hashlib

from app import errors

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {c: i for i, c in enumerate(ALPHABET)} | {"O": 0, "I": 1, "L": 1}
KEY_BYTES = 32
CHECK_BYTES = 3
GROUP = 4


def _check(key: bytes) -> bytes:
    return hashlib.sha256(b"stationdesk-recovery:" + key).digest()[:CHECK_BYTES]


def fingerprint(key: bytes) -> str:
    """Eight hex characters that name a key (printed on the sheet, kept beside the file)."""
    return hashlib.sha256(b"stationdesk-fingerprint:" + key).hexdigest()[:8].upper()


def encode(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("a station key is 32 bytes")
    number = int.from_bytes(key + _check(key), "big")
    chars = []
    for _ in range((KEY_BYTES + CHECK_BYTES) * 8 // 5):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    text = "".join(reversed(chars))
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def decode(typed: str) -> bytes:
    """Spaces, dashes and case do not matter; O, I and L are read as 0, 1 and 1."""
    cleaned = "".join(c for c in typed.upper() if c not in " -\t\r\n")
    expected = (KEY_BYTES + CHECK_BYTES) * 8 // 5
    if len(cleaned) != expected or any(c not in _DECODE for c in cleaned):
        raise errors.RecoveryKeyTypoError(f"a recovery key has {expected} letters and digits")
    number = 0
    for c in cleaned:
        number = number << 5 | _DECODE[c]
    raw = number.to_bytes(KEY_BYTES + CHECK_BYTES, "big")
    key, check = raw[:KEY_BYTES], raw[KEY_BYTES:]
    if _check(key) != check:
        raise errors.RecoveryKeyTypoError("the check characters do not match: a typo")
    return key
