"""Typed errors raised by the core. The UI and CLI map them to translated messages."""

from __future__ import annotations


class StationDeskError(Exception):
    """Base for every error a user may need to see; `code` picks the translated message."""

    code = "error"

    def __init__(self, message: str = "", **details: object) -> None:
        super().__init__(message or self.code)
        self.details = details


class DatabaseError(StationDeskError):
    code = "database"


class DatabaseLockedError(DatabaseError):
    code = "database_locked"


class DatabaseReadOnlyError(DatabaseError):
    code = "database_read_only"


class DatabaseFullError(DatabaseError):
    code = "database_full"


class DatabaseCorruptError(DatabaseError):
    code = "database_corrupt"


class DatabaseMissingError(DatabaseCorruptError):
    """The database is missing or empty in a folder that belongs to a station: recovered from
    a backup, never set up anew."""

    code = "database_missing"


class DatabaseTooNewError(DatabaseError):
    code = "database_too_new"


class DatabaseKeyMissingError(DatabaseError):
    """The file is encrypted and this PC's keyring does not hold its key: the recovery key
    from the safe opens it (a new PC, a reinstalled system, a keyring that was cleared)."""

    code = "database_key_missing"


class DatabaseKeyWrongError(DatabaseError):
    """The key given does not open the file: a recovery key of another station, or a file
    that is not this station's database."""

    code = "database_key_wrong"


class RecoveryKeyTypoError(StationDeskError):
    """What was typed is not a recovery key at all (its check characters do not match)."""

    code = "recovery_key_typo"


class BackupFolderError(StationDeskError):
    """The backup folder is not there (a USB drive pulled out) or cannot be written."""

    code = "backup_folder"


class BackupFailedError(StationDeskError):
    """Writing a backup failed (the backup disk is full, an I/O error); `reason` says which.
    The station database itself is untouched."""

    code = "backup_failed"


class BackupDamagedError(StationDeskError):
    """A backup file is truncated, was changed after it was written, or does not open."""

    code = "backup_damaged"


class NoSuchBackupError(StationDeskError):
    code = "no_such_backup"


class NotSetUpError(StationDeskError):
    code = "not_set_up"


class AlreadySetUpError(StationDeskError):
    code = "already_set_up"


class AuthenticationError(StationDeskError):
    code = "authentication"


class AccountLockedError(AuthenticationError):
    """Too many wrong passwords: the account is locked until `until` (or an administrator)."""

    code = "account_locked"


class PermissionDeniedError(StationDeskError):
    code = "permission_denied"


class OwnDraftError(StationDeskError):
    """A chief approving the letter the same chief drafted, where another chief could."""

    code = "own_draft"


class NotFoundError(StationDeskError):
    code = "not_found"


class InvalidTransitionError(StationDeskError):
    code = "invalid_transition"


class ValidationFailed(StationDeskError):
    """One or more fields are wrong; `errors` maps field name -> error code."""

    code = "validation"

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(", ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


class CatalogError(StationDeskError):
    code = "catalog"


class KeyringUnavailableError(StationDeskError):
    code = "keyring_unavailable"


class FileKeyringError(KeyringUnavailableError):
    """The keyring keeps secrets in a file and nobody asked for that by name."""

    code = "keyring_in_file"


class NotEnrolledError(StationDeskError):
    code = "not_enrolled"


class SyncRefusedError(StationDeskError):
    """HQ refused this station (401/403): stop retrying, keep every record, tell a person."""

    code = "sync_refused"


class StationSplitError(SyncRefusedError):
    """HQ refuses this computer: another computer pushes under the same station identity (a
    copied data folder, or a backup restored while the old PC still runs). Every record stays
    here; a person must decide which computer is the station's."""

    code = "station_split"


class InsecureTransportError(StationDeskError):
    code = "insecure_transport"


class SyncFailedError(StationDeskError):
    """HQ could not be reached (network, timeout); the engine retries with back-off."""

    code = "sync_failed"


class HqAnsweredError(SyncFailedError):
    """HQ was reached but answered with an error or something that is not a StationDesk reply
    (busy, a server fault, a captive portal): retried with back-off, never called unreachable."""

    code = "hq_error"


class HqIncompleteError(SyncFailedError):
    """HQ answered but holds less of this station than it acknowledged before; the desk
    resends from where HQ really is."""

    code = "hq_incomplete"


class VisitNotFoundError(NotFoundError):
    """What was typed or scanned is not a visit of this station."""

    code = "visit_not_found"


class VisitCodeMistypedError(VisitNotFoundError):
    """The code's check digit does not match its number: a typing error, said as such."""

    code = "visit_code_mistyped"


class VisitAlreadyRecordedError(StationDeskError):
    """An outcome is recorded once; the details say who recorded what, and when."""

    code = "visit_already_recorded"


class ReportVoidedError(StationDeskError):
    code = "report_voided"


class OutputError(StationDeskError):
    """A file for people (export, PDF) could not be written; nothing partial was left.
    `reason`: full, denied, no_folder, is_folder, failed."""

    code = "output_failed"


class PrintFailedError(StationDeskError):
    code = "print_failed"
