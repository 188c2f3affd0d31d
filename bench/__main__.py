"""``python -m bench [--quick] [--only align|detect|speed|pairing]``."""
from .run import main

raise SystemExit(main())
