"""Suite-wide settings."""
import os

# Per-text results kept on disk between runs (tqcheck.textmemo) are keyed by tqcheck's files, not by what a test
# patches (a profile section, a table): the suite computes them (tests/test_textmemo.py turns the memo back on).
os.environ["TQCHECK_NO_TEXT_MEMO"] = "1"
