"""The central platform's HTTP interface (FastAPI on uvicorn).

Every answer, good or bad, is a protocol shape: refusals are `ErrorBody` with a status that says
what to do (401/403 stop, 413 smaller batches, 429 wait for `Retry-After`), never a bare 500.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import FastAPI, Header, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import __version__
from app.domain.weekly_figures import parse_week
from app.hq.figures import as_dict
from app.hq.service import Caller, Headquarters, HqError
from app.sync import protocol
from app.sync.protocol import ErrorBody

Auth = Annotated[str | None, Header(description="Bearer <station token>")]
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 403, 404, 409, 413, 422, 429)
}


def _error(
    status: int, code: str, reason: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        ErrorBody(error=code, reason=reason).model_dump(), status_code=status, headers=headers
    )


class BodyLimit:
    """Refuse bodies over the limit before reading them into memory (413)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await _error(413, "too_large", f"body over {self.limit} bytes")(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await _error(413, "too_large", f"body over {self.limit} bytes")(scope, receive, send)


class _TooLarge(Exception):
    """Raised inside the body reader once the limit is passed, to stop reading."""


def create_app(
    hq: Headquarters,
    *,
    max_body: int = protocol.MAX_BODY_BYTES,
    rate_per_second: float = 50.0,
    burst: int = 100,
) -> FastAPI:
    app = FastAPI(
        title="StationDesk central platform",
        version=__version__,
        description="Stations push their revision logs here and pull HQ's instructions.",
    )
    _answer_errors_in_protocol_shape(app)
    _add_station_routes(app, hq, _station_auth(hq, rate_per_second, burst))
    _add_operator_routes(app, hq)
    app.add_middleware(BodyLimit, limit=max_body)
    _publish_schema(app, protocol.PushRequest)
    return app


def _answer_errors_in_protocol_shape(app: FastAPI) -> None:
    @app.exception_handler(HqError)
    async def _hq_error(_request: Request, exc: HqError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.reason)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, "invalid", f"{where}: {first.get('msg', 'invalid')}"[:2000])

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        """Errors raised by the framework itself (a body that is not JSON, an unknown path, a
        wrong method) answer in the protocol's shape like every other refusal."""
        code = {400: "bad_request", 404: "not_found", 405: "method_not_allowed"}.get(
            exc.status_code, "error"
        )
        return _error(exc.status_code, code, str(exc.detail)[:2000], dict(exc.headers or {}))

    @app.exception_handler(_RateLimited)
    async def _limited(_request: Request, exc: _RateLimited) -> JSONResponse:
        seconds = max(1, int(exc.wait + 0.999))
        return _error(429, "rate_limited", "too many requests", {"Retry-After": str(seconds)})


def _bearer(authorization: str | None) -> str | None:
    if authorization and authorization.lower().startswith("bearer "):
        return authorization[7:].strip()
    return None


def _station_auth(
    hq: Headquarters, rate_per_second: float, burst: int
) -> Callable[[str | None], Caller]:
    """The station a request's token names, or a refusal (401/403, or 429 while it sends
    faster than its token bucket refills)."""

    def station_for(authorization: str | None) -> Caller:
        caller = hq.authenticate(_bearer(authorization))
        # a token bucket per station (bursts are fine, a runaway loop is slowed with 429),
        # kept in the database all of HQ's workers and hosts share
        wait = hq.rate_wait(f"station:{caller.station_id}", rate_per_second, burst)
        if wait > 0:
            raise _RateLimited(wait)
        return caller

    return station_for


def _add_station_routes(
    app: FastAPI, hq: Headquarters, station_for: Callable[[str | None], Caller]
) -> None:
    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        return {"protocol": protocol.PROTOCOL_VERSION, "ok": True}

    @app.post("/v1/enroll", responses=ERROR_RESPONSES)
    def enroll(body: protocol.EnrollRequest) -> protocol.EnrollResponse:
        return hq.enroll(body)

    @app.post(
        "/v1/push",
        responses=ERROR_RESPONSES,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/PushRequest"}}
                },
            }
        },
    )
    async def push(request: Request, authorization: Auth = None) -> protocol.PushResponse:
        # Parsed straight from the bytes by pydantic's own JSON reader: a catch-up batch is
        # about a megabyte and json.loads-then-validate cost a third of HQ's time.
        try:
            body = protocol.parse_push(await request.body())
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            return _error(422, "invalid", f"body.{where}: {first['msg']}"[:2000])  # type: ignore[return-value]
        except ValueError as exc:
            return _error(422, "invalid", str(exc)[:2000])  # type: ignore[return-value]
        return await run_in_threadpool(lambda: hq.push(station_for(authorization), body))

    @app.get("/v1/status", responses=ERROR_RESPONSES)
    def status(authorization: Auth = None) -> protocol.StatusResponse:
        return hq.status(station_for(authorization))

    @app.post("/v1/holds", responses=ERROR_RESPONSES)
    def holds(body: protocol.HoldsRequest, authorization: Auth = None) -> protocol.HoldsResponse:
        return hq.holds(station_for(authorization), body.ids)

    @app.get("/v1/recover", responses=ERROR_RESPONSES)
    def recover(
        generation: Annotated[int, Query(ge=1, le=1_000_000)],
        after_seq: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=protocol.MAX_BATCH_ITEMS)] = 500,
        authorization: Auth = None,
    ) -> protocol.RecoverResponse:
        return hq.recover(station_for(authorization), generation, after_seq, limit)

    @app.get("/v1/instructions", responses=ERROR_RESPONSES)
    def instructions(
        # the cursor is an instruction id: a 32-bit integer column on PostgreSQL
        after: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
        after_uid: Annotated[str, Query(pattern=r"^[0-9a-f-]{0,36}$")] = "",
        authorization: Auth = None,
    ) -> protocol.InstructionsResponse:
        return hq.instructions(station_for(authorization), after, limit, after_uid)


def _add_operator_routes(app: FastAPI, hq: Headquarters) -> None:
    @app.get("/v1/figures/weekly", responses=ERROR_RESPONSES)
    def weekly_figures(
        week: Annotated[str, Query(pattern=r"^\d{4}-?W\d{1,2}$", max_length=9)],
        unit_code: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9]{2,12}$")] = None,
        authorization: Auth = None,
    ) -> dict[str, Any]:
        """The weekly research-and-judgment figures across stations (or one): for HQ
        operators, with an operator token (`stationdesk-hq operator-token`)."""
        hq.authenticate_operator(_bearer(authorization))
        try:
            period = parse_week(week)
        except ValueError as exc:
            return _error(400, "bad_week", str(exc))  # type: ignore[return-value]
        total, lines = hq.weekly(period, unit_code)
        return {"total": as_dict(total), "stations": lines}


def _publish_schema(app: FastAPI, model: type[protocol.Shape]) -> None:
    """Put a body model read by hand into the OpenAPI components, with its sub-models."""
    base = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = base()
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components = document.setdefault("components", {}).setdefault("schemas", {})
        components.update(schema.pop("$defs", {}))
        components[model.__name__] = schema
        return document

    app.openapi = openapi  # type: ignore[method-assign]


class _RateLimited(Exception):
    def __init__(self, wait: float) -> None:
        super().__init__(wait)
        self.wait = wait
