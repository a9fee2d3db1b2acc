"""Templates: the sandboxed lookup (the user's folder first) and the rendering.

Templates run in Jinja's immutable sandbox with autoescaping and
``StrictUndefined``, and see only the context. A template is read only from
inside the template folders, never through a link that leads out of them.
Jinja is imported only when a report is made.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from modelh.canvas.images import IMAGE_TYPES, data_uri
from modelh.report.contract import ReportContext
from modelh.report.errors import TemplateError
from modelh.report.fit import FONT_FILES, FONTS_DIR

#: The template every report starts from.
ENTRY_TEMPLATE = "report.html.j2"

#: The media types of the files a template may embed (``asset()``) or WeasyPrint read.
ASSET_TYPES = {
    ".css": "text/css",
    **IMAGE_TYPES,
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".otf": "font/otf",
    ".ttf": "font/ttf",
}


def template_folders(template_dir: str | os.PathLike[str] | None) -> list[Path]:
    """Where templates are looked up, the user's folder first."""
    from modelh.resources import templates_dir

    folders = [templates_dir()]
    if template_dir is not None:
        folders.insert(0, Path(template_dir).resolve())
    return folders


@cache
def _font_data_uris() -> tuple[dict[str, Any], ...]:
    faces = []
    for (weight, style), name in FONT_FILES.items():
        data = (FONTS_DIR / name).read_bytes()
        faces.append(
            {
                "family": "Inter",
                "weight": weight,
                "style": style,
                "url": "data:font/woff2;base64," + base64.b64encode(data).decode("ascii"),
            }
        )
    return tuple(faces)


@cache
def _environment(folders: tuple[Path, ...]) -> Any:
    """The sandboxed Jinja environment over ``folders`` (one per process and folder list).

    Compiled templates are kept in Jinja's per-user cache folder, checked
    against each template's source, so a new process does not compile them again.
    """
    from jinja2 import FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
    from jinja2.loaders import split_template_path
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    from modelh.report.filters import format_number, format_value, join_names, paragraphs

    roots = [f.resolve() for f in folders]

    class ContainedLoader(FileSystemLoader):
        """Finds templates in the folders, never through a link that leads out of them."""

        def get_source(self, environment: Any, template: str) -> Any:
            source, filename, uptodate = super().get_source(environment, template)
            real = Path(filename).resolve()
            if not any(real.is_relative_to(root) for root in roots):
                raise TemplateError(
                    f"template '{template}' leads out of the template folders (to {real}); "
                    "it was not read"
                )
            return source, filename, uptodate

    env = ImmutableSandboxedEnvironment(
        loader=ContainedLoader([str(f) for f in folders]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=_bytecode_cache(FileSystemBytecodeCache),
    )

    def asset(name: str) -> str:
        """A file of the template folders as a data URI (images, fonts, stylesheets)."""
        pieces = split_template_path(name)  # refuses '..'
        for folder in folders:
            path = folder.joinpath(*pieces)
            if path.is_file() and path.resolve().is_relative_to(folder.resolve()):
                kind = ASSET_TYPES.get(path.suffix.lower(), "application/octet-stream")
                return data_uri(path.read_bytes(), kind)
        raise TemplateError(f"asset '{name}' is in none of the template folders")

    env.globals["asset"] = asset
    env.filters["paragraphs"] = paragraphs
    env.filters["number"] = format_number
    env.filters["value"] = format_value
    env.filters["names"] = join_names
    return env


def _bytecode_cache(cache_class: Any) -> Any:
    try:  # Jinja's own folder: per user, refused when another user could write to it
        return cache_class(pattern="modelh-%s.cache")
    except (OSError, RuntimeError):
        return None


def _template_error(exc: Exception, folders: Sequence[Path]) -> TemplateError:
    from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if isinstance(exc, TemplateSyntaxError):
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        return TemplateError(f"template {where}: {exc.message}")
    if isinstance(exc, TemplateNotFound):
        places = ", ".join(str(f) for f in folders)
        return TemplateError(f"template '{exc.name}' not found in {places}")
    where = _template_place(exc)
    if isinstance(exc, SecurityError):
        return TemplateError(f"template {where}tried something the sandbox forbids: {exc}")
    if isinstance(exc, UndefinedError):
        return TemplateError(f"template {where}uses something the report does not have: {exc}")
    return TemplateError(f"template {where}failed: {type(exc).__name__}: {exc}")


def _template_place(exc: BaseException) -> str:
    """``file:line: `` of the template line that raised ``exc`` (Jinja keeps template
    lines in the traceback), or nothing when it cannot be told."""
    place = ""
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith((".j2", ".html", ".css")):
            place = f"{name}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return place


def render_context(context: ReportContext, template_dir: str | os.PathLike[str] | None) -> str:
    """The report's HTML from a context (see ``build_context``)."""
    folders = template_folders(template_dir)
    env = _environment(tuple(folders))
    values = dict(context)
    values["fonts"] = list(_font_data_uris())
    try:
        html: str = env.get_template(ENTRY_TEMPLATE).render(values)
        return html
    except (TemplateError, MemoryError):
        raise
    except Exception as exc:  # a template can fail in many ways: each becomes one message
        raise _template_error(exc, folders) from None
