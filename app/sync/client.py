"""The station's HTTP client for HQ: transport rules and the meaning of each answer.

- HTTPS, verified against a configurable CA bundle (police networks run their own CA); plain
  HTTP only to a loopback address or when the station was set up with an explicit flag.
- Only a valid protocol body is success. A captive portal's 200 with HTML is a failure.
- 401/403 -> SyncRefusedError (stop, keep everything); 413 -> BatchTooLarge (send fewer);
  429/503 -> SyncFailedError with the Retry-After HQ asked for; other failures -> SyncFailedError.
"""

from __future__ import annotations

import ipaddress
import ssl
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from app import errors
from app.sync import protocol
from app.sync.protocol import ErrorBody, ProtocolViolation, Shape

T = TypeVar("T", bound=Shape)


class BatchTooLarge(Exception):
    """HQ answered 413: the engine halves the batch and tries again at once."""


def check_transport(url: str, allow_http: bool) -> str:
    """Refuse an address we would send records to in clear text; return it normalised."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise errors.InsecureTransportError(f"not an HQ address: {url!r}", url=url)
    if parts.scheme == "http" and not allow_http and not _is_loopback(parts.hostname):
        raise errors.InsecureTransportError(
            f"plain HTTP to {parts.hostname} would expose records; use https://", url=url
        )
    return url.strip().rstrip("/")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date: rare from our HQ; back-off covers it


class HqClient:
    def __init__(
        self,
        url: str,
        *,
        token: str | None = None,
        ca_bundle: str = "",
        allow_http: bool = False,
        timeout: float = 30.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.url = check_transport(url, allow_http)
        headers = {"User-Agent": "StationDesk-station"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._http = httpx.Client(
            base_url=self.url,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=min(5.0, timeout)),
            verify=ssl.create_default_context(cafile=ca_bundle) if ca_bundle else True,
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> HqClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- calls --------------------------------------------------------------------------
    def enroll(self, request: protocol.EnrollRequest) -> protocol.EnrollResponse:
        return self._call("POST", "/v1/enroll", protocol.EnrollResponse, json=request.model_dump())

    def push(self, request: protocol.PushRequest) -> protocol.PushResponse:
        return self.push_raw(request.model_dump_json().encode("utf-8"))

    def push_raw(self, body: bytes) -> protocol.PushResponse:
        """A push whose JSON body is already built (see protocol.push_body)."""
        return self._call(
            "POST",
            "/v1/push",
            protocol.PushResponse,
            content=body,
            headers={"Content-Type": "application/json"},
        )

    def status(self) -> protocol.StatusResponse:
        return self._call("GET", "/v1/status", protocol.StatusResponse)

    def holds(self, ids: list[str]) -> set[str]:
        body = protocol.HoldsRequest(ids=ids).model_dump(mode="json")
        return set(self._call("POST", "/v1/holds", protocol.HoldsResponse, json=body).held)

    def recover(
        self, generation: int, after_seq: int, limit: int = 500
    ) -> protocol.RecoverResponse:
        params = {"generation": generation, "after_seq": after_seq, "limit": limit}
        return self._call("GET", "/v1/recover", protocol.RecoverResponse, params=params)

    def instructions(
        self, after: int, after_uid: str = "", limit: int = 100
    ) -> protocol.InstructionsResponse:
        params: dict[str, Any] = {"after": after, "limit": limit}
        if after_uid:
            params["after_uid"] = after_uid
        return self._call("GET", "/v1/instructions", protocol.InstructionsResponse, params=params)

    def _call(self, method: str, path: str, model: type[T], **kwargs: Any) -> T:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TimeoutException as exc:
            raise errors.SyncFailedError(
                f"HQ did not answer in time ({type(exc).__name__})"
            ) from exc
        except httpx.TransportError as exc:
            raise errors.SyncFailedError(f"HQ unreachable: {exc or type(exc).__name__}") from exc
        status = response.status_code
        if status == 200:
            try:
                answer: T = protocol.parse_answer(model, status, response.content)
            except ProtocolViolation as exc:
                raise errors.HqAnsweredError(str(exc)) from exc
            return answer
        reason = _reason(response)
        if status == 409 and _code(response) == "station_split":
            raise errors.StationSplitError(reason, status=status)
        if status in (401, 403):
            raise errors.SyncRefusedError(
                f"HQ refused this station ({status}): {reason}", status=status
            )
        if status == 413:
            raise BatchTooLarge(reason)
        retry_after = retry_after_seconds(response.headers.get("Retry-After"))
        raise errors.HqAnsweredError(
            f"HQ answered {status}: {reason}", status=status, retry_after=retry_after
        )


def _code(response: httpx.Response) -> str:
    try:
        return ErrorBody.model_validate_json(response.content).error
    except ValueError:
        return ""


def _reason(response: httpx.Response) -> str:
    try:
        return ErrorBody.model_validate_json(response.content).reason
    except ValueError:
        return response.reason_phrase or "no reason given"
