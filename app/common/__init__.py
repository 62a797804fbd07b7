"""Neutral ground: what the desk and HQ both use and that knows neither.

Command-line helpers, files written all or nothing, the redacting log, and how a SQLite or
server database connection is set up. Nothing here imports a layer of the desk (domain, db,
services, sync, printing, ui, cli) or HQ; the import contracts in pyproject.toml hold it so.
"""
