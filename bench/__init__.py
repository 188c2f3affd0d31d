"""The tqcheck benchmark suite (``python -m bench``); not part of the package, not collected by pytest."""
