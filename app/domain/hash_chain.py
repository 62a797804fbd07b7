"""How the tamper-evident audit chain links its entries: each entry's hash covers the hash of the
one before it and the digest of its own fields, so an entry edited, deleted, inserted or moved
breaks every hash after it. The station writes the chain (app.db.audit_chain), its check and
HQ verify it with these same rules."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

GENESIS = "0" * 64  # the "previous hash" of the first entry
SEP = "\x1f"  # never inside a field: ids and stamps are plain, JSON escapes control characters


def body_digest(row: Sequence[Any]) -> bytes:
    """Digest of an entry's own fields (in the audit table's column order), without the link."""
    text = SEP.join("" if v is None else str(v) for v in row)
    return hashlib.sha256(text.encode("utf-8")).digest()


def link(prev_hash: str, digest: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(prev_hash) + digest).hexdigest()
