"""Entry point for uvicorn worker processes (`stationdesk-hq serve --workers N`).

Each worker builds its own engine and app from the settings the parent put in the environment.
"""

from __future__ import annotations

import os

from fastapi import FastAPI

from app.hq.api import create_app
from app.hq.service import Headquarters
from app.hq.sql import make_server_engine

DB_ENV = "STATIONDESK_HQ_DB"
RATE_ENV = "STATIONDESK_HQ_RATE"
BURST_ENV = "STATIONDESK_HQ_BURST"


def app_from_env() -> FastAPI:
    hq = Headquarters(make_server_engine(os.environ[DB_ENV]))
    return create_app(
        hq,
        rate_per_second=float(os.environ.get(RATE_ENV, "50")),
        burst=int(os.environ.get(BURST_ENV, "100")),
    )
