"""Pure rules: validation, the incident catalog, statuses, search keys. No I/O beyond reading files."""
