"""The import path the README documents (``from modelh.checker import run_checks``).

The checker lives in ``modelh.check.checker``; this module only re-exports it.
"""

from __future__ import annotations

from modelh.check.checker import FileResult, Finding, Report, check_source, run_checks

__all__ = ["FileResult", "Finding", "Report", "check_source", "run_checks"]
