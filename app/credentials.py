"""The one place that talks to the OS keyring.

Two secrets live in the keyring (Windows Credential Manager, macOS Keychain, Secret Service) and
nowhere else, not in settings, files or logs: the station token HQ issued, and the key the
station database is encrypted with. When no usable keyring exists we say so and stop; there is
no plaintext fallback. A keyring that keeps secrets in a file (keyrings.alt and the like: a
demo, the tests, CI) is used only where STATIONDESK_ALLOW_FILE_KEYRING=1 asks for it by name,
and the desk then shows that its keys are in a file.
"""

from __future__ import annotations

import os
import uuid
from typing import Any

import keyring
import keyring.errors
from keyring.backends import chainer, fail

from app import errors

SERVICE = "StationDesk"
ALLOW_FILE_KEYRING = "STATIONDESK_ALLOW_FILE_KEYRING"
# The operating systems' own protected stores; anything else keeps secrets in a file of its own.
SYSTEM_KEYRINGS = (
    "keyring.backends.Windows",
    "keyring.backends.macOS",
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
)


def _account(station_uuid: str) -> str:
    return f"station-token:{station_uuid}"


def _writer(backend: Any) -> Any:
    """The backend a secret is written to: a chain writes to its first member."""
    if isinstance(backend, chainer.ChainerBackend):
        members = list(backend.backends)
        return members[0] if members else backend
    return backend


def _backend() -> Any:
    """The keyring in use; one named by PYTHON_KEYRING_BACKEND that cannot be loaded (not
    installed, as keyrings.alt in the bundle) is a keyring that is not there."""
    try:
        return keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - any import or set-up failure of a backend
        raise errors.KeyringUnavailableError(f"the keyring cannot be loaded: {exc}") from None


def keeps_secrets_in_file() -> bool:
    """Whether this keyring writes secrets to a file rather than the system's protected store."""
    try:
        writer = _writer(_backend())
    except errors.KeyringUnavailableError:
        return False
    if isinstance(writer, fail.Keyring):
        return False
    return not type(writer).__module__.startswith(SYSTEM_KEYRINGS)


def ensure_available() -> None:
    """Called before anything is asked of HQ, so a missing keyring never spends a code."""
    backend = _backend()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        raise errors.KeyringUnavailableError(
            f"no usable keyring ({type(backend).__name__}); the station token cannot be stored"
        )
    if keeps_secrets_in_file() and os.environ.get(ALLOW_FILE_KEYRING) != "1":
        raise errors.FileKeyringError(
            f"the keyring here ({type(_writer(backend)).__name__}) keeps secrets in a file, "
            f"not in the system's protected store; use the system keyring (Windows Credential "
            f"Manager, Secret Service), or set {ALLOW_FILE_KEYRING}=1 for a demo or test station"
        )


def _put(account: str, secret: str, what: str) -> None:
    ensure_available()
    try:
        keyring.set_password(SERVICE, account, secret)
    except keyring.errors.KeyringError as exc:
        raise errors.KeyringUnavailableError(f"keyring refused to store the {what}: {exc}") from exc


def _get(account: str) -> str | None:
    ensure_available()
    try:
        return keyring.get_password(SERVICE, account)
    except keyring.errors.KeyringError as exc:
        raise errors.KeyringUnavailableError(f"keyring could not be read: {exc}") from exc


def store_database_key(key_id: str, key: bytes) -> None:
    _put(f"database-key:{key_id}", key.hex(), "database key")


def load_database_key(key_id: str) -> bytes | None:
    stored = _get(f"database-key:{key_id}")
    if stored is None:
        return None
    try:
        return bytes.fromhex(stored)
    except ValueError:
        return None  # not ours or damaged: the recovery key will replace it


def store_token(station_uuid: str, token: str) -> None:
    _put(_account(station_uuid), token, "token")


def load_token(station_uuid: str) -> str | None:
    return _get(_account(station_uuid))


def computer_id() -> str:
    """This computer's own id for sync, made once and kept in its keyring. A data folder
    copied to a second computer does not carry it, so HQ can tell a copy (numbers taken by
    another computer) from a file put back from a backup on this one."""
    stored = _get("computer-id")
    if stored and len(stored) == 32 and all(c in "0123456789abcdef" for c in stored):
        return stored
    fresh = uuid.uuid4().hex
    _put("computer-id", fresh, "computer id")
    return fresh
