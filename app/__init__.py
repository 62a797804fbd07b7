"""StationDesk: the front-desk application of a police station."""

__version__ = "0.1.0"
