"""Rendering several canvases: each canvas's outcome as plain data (so it crosses
process boundaries), and the check that no two canvases write the same file.

A canvas that fails does not stop the others: its outcome holds the error, and
the problems when the canvas did not load. Nothing here prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from modelh.errors import CanvasError, ModelhError, UsageError

#: Suffixes of the files render writes: an --output ending in one is a file name.
REPORT_SUFFIXES = frozenset({".html", ".htm", ".pdf", ".pptx", ".md"})


def check_output_folder(files: Sequence[str], output: Path) -> None:
    """Refuse (``UsageError``) two canvases that would write the same files in
    ``output``, or an ``output`` that is not a folder."""
    by_name: dict[str, str] = {}
    for file in files:
        stem = Path(file).stem
        if stem in by_name:
            raise UsageError(
                f"{by_name[stem]} and {file} would both be written as {output / stem}.*: "
                "render them into different folders (-o)"
            )
        by_name[stem] = file
    if output.exists() and not output.is_dir():
        raise UsageError(f"--output: {output} exists and is not a folder")
    if not output.exists() and output.suffix.lower() in REPORT_SUFFIXES:
        # "-o handout.pdf" would make a folder named handout.pdf
        raise UsageError(
            f"--output is the folder the reports are written into, and {output.name} "
            f"looks like a file name: use -o {output.with_suffix('')} to write "
            f"{output.with_suffix('') / '<canvas name>'}{output.suffix.lower()}"
        )


def render_outcome(
    path: str, out: str, formats: tuple[str, ...], options: Any, config: Any
) -> dict[str, Any]:
    """Render one canvas; the outcome as plain data, so it crosses process boundaries.

    Texts are made printable here: a file name that is not UTF-8 shows its odd
    bytes as U+FFFD instead of failing to print.
    """
    outcome: dict[str, Any] = _as_text(_outcome(path, out, formats, options, config))
    return outcome


def _as_text(value: Any) -> Any:
    from dataclasses import fields, is_dataclass, replace

    from modelh.report.filters import display_name

    if isinstance(value, str):
        return display_name(value)
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_text(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _as_text(getattr(value, f.name)) for f in fields(value)}
        return replace(value, **{k: v for k, v in changes.items() if isinstance(v, str)})
    return value


def _outcome(
    path: str, out: str, formats: tuple[str, ...], options: Any, config: Any
) -> dict[str, Any]:
    from modelh.report.render import PdfUnavailableError, render_file

    try:
        result = render_file(path, out, formats, options, config)
    except CanvasError as exc:
        return {"path": path, "error": exc.message, "problems": list(exc.problems)}
    except PdfUnavailableError as exc:
        written = [str(p) for p in _written(path, out, formats) if p.suffix == ".html"]
        return {"path": path, "error": exc.message, "outputs": written, "pdf_unavailable": True}
    except ModelhError as exc:
        return {"path": path, "error": exc.message}
    except OSError as exc:
        where = exc.filename or out
        return {"path": path, "error": f"cannot write {where}: {exc.strerror or exc}"}
    except Exception as exc:  # one canvas's bug must not lose the others' reports
        return {"path": path, "error": f"internal error: {type(exc).__name__}: {exc}"}
    return {"path": path, "outputs": result.outputs, "warnings": result.warnings}


def _written(path: str, out: str, formats: tuple[str, ...]) -> list[Path]:
    from modelh.report.render import output_paths

    return [p for p in output_paths(path, out, formats) if p.exists()]
