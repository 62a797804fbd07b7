"""Use cases the UI and CLI call. Each owns its transaction and returns plain data."""
