"""Central platform: `python -m app.hq`."""

from app.hq.cli import main

raise SystemExit(main())
