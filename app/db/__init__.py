"""Persistence: the station's tables, the engine that opens its file, migrations, and the revision
log with its audit chain: the one way a record changes."""
