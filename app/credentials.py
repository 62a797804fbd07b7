"""The one place that talks to the OS keyring.

The station token is a secret: it lives in the keyring (Windows Credential Manager, macOS
Keychain, Secret Service) and nowhere else, not in settings, files or logs. When no usable
keyring exists we say so and stop; there is no plaintext fallback.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backends import fail

from app import errors

SERVICE = "StationDesk"


def _account(station_uuid: str) -> str:
    return f"station-token:{station_uuid}"


def ensure_available() -> None:
    """Called before anything is asked of HQ, so a missing keyring never spends a code."""
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        raise errors.KeyringUnavailableError(
            f"no usable keyring ({type(backend).__name__}); the station token cannot be stored"
        )


def store_token(station_uuid: str, token: str) -> None:
    ensure_available()
    try:
        keyring.set_password(SERVICE, _account(station_uuid), token)
    except keyring.errors.KeyringError as exc:
        raise errors.KeyringUnavailableError(f"keyring refused to store the token: {exc}") from exc


def load_token(station_uuid: str) -> str | None:
    ensure_available()
    try:
        return keyring.get_password(SERVICE, _account(station_uuid))
    except keyring.errors.KeyringError as exc:
        raise errors.KeyringUnavailableError(f"keyring could not be read: {exc}") from exc
