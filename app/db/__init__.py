"""Persistence: models, the one engine factory, migrations."""
