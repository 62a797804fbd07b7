"""Pure rules: validation, the incident catalog, statuses, search keys, the clock helpers, the
weekly figures' arithmetic and the versioned rule files. No I/O beyond reading files."""
