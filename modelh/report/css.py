"""The handout's CSS and URL policy: what a stylesheet, a style attribute or a URL may hold.

CSS is tokenized with tinycss2 (imported only when a report is made), which
decodes CSS escapes as browsers do; ``@import``, ``image-set()`` and the like
are refused, and every ``url()`` must be a ``data:`` URL or a link within the
report.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: CSS at-rules a report may use.
CSS_AT_RULES = frozenset(
    [
        "page",
        "font-face",
        "media",
        "supports",
        "counter-style",
        "keyframes",
        "top-left-corner",
        "top-left",
        "top-center",
        "top-right",
        "top-right-corner",
        "bottom-left-corner",
        "bottom-left",
        "bottom-center",
        "bottom-right",
        "bottom-right-corner",
        "left-top",
        "left-middle",
        "left-bottom",
        "right-top",
        "right-middle",
        "right-bottom",
        "footnote",
    ]
)
#: CSS functions that load something from a URL given as a plain string.
_CSS_URL_FUNCTIONS = frozenset(
    [
        "image-set",
        "-webkit-image-set",
        "image",
        "cross-fade",
        "-webkit-cross-fade",
        "element",
        "-moz-element",
    ]
)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
_URL_NOISE = re.compile(r"[\t\n\r]")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))


class RefusedMarkup(Exception):
    """The report's HTML holds something the handout may not have; ``str()`` says what."""

    def __init__(self, message: str, url: str | None = None) -> None:
        super().__init__(message)
        self.url = url


def refuse_url(url: str, where: str) -> RefusedMarkup:
    return RefusedMarkup(
        f"a template refers to {url} ({where}): the report carries everything it shows; "
        "use asset() for a file of the template folders (it gives a data: URL), and only "
        "links (<a href>) may point at the web",
        url,
    )


def refuse_feature(feature: str, reason: str) -> RefusedMarkup:
    return RefusedMarkup(
        f"a template uses {feature}, which the report refuses: {reason} "
        "(the HTML handout carries everything it shows and runs no scripts)"
    )


def check_url(value: str, where: str, *, link: bool = False) -> None:
    """Refuse ``value`` unless it is a data: URL or ``#fragment`` (or, for a link, the web)."""
    # as browsers read it: tabs and line breaks dropped, leading and trailing spaces too
    url = _URL_NOISE.sub("", value).strip(_C0_AND_SPACE)
    if url.startswith("#"):
        return
    scheme = _SCHEME.match(url)
    name = scheme.group(1).lower() if scheme else ""
    if name == "data" or (link and name in ("http", "https", "mailto")):
        return
    raise refuse_url(url if len(url) <= 200 else url[:197] + "...", where)


def check_stylesheet(css: str, where: str) -> None:
    """Refuse a stylesheet that loads anything but data: URLs or imports another.

    A stylesheet that passed is remembered by its text (the last few): the
    report's stylesheet, its fonts included, is the same from one render to the
    next (the preview renders again after every save), and reading it is half
    the cost of a render. A refusal is never remembered: it is raised each time.
    """
    _check_stylesheet_once(css, where)


@lru_cache(maxsize=8)
def _check_stylesheet_once(css: str, where: str) -> None:
    import tinycss2

    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    _check_css_nodes(rules, where)


def check_declarations(css: str, where: str) -> None:
    """``check_stylesheet`` for the declarations of a ``style`` attribute."""
    import tinycss2

    _check_css_nodes(
        tinycss2.parse_blocks_contents(css, skip_comments=True, skip_whitespace=True), where
    )


def check_css_value(value: str, where: str) -> None:
    """``check_stylesheet`` for one CSS value (an SVG attribute such as ``fill``)."""
    import tinycss2

    _check_tokens(tinycss2.parse_component_value_list(value, skip_comments=True), where)


def _check_css_nodes(nodes: list[Any], where: str) -> None:
    import tinycss2

    for node in nodes:
        kind = node.type
        if kind == "at-rule":
            if node.lower_at_keyword not in CSS_AT_RULES:
                raise refuse_feature(
                    f"@{node.at_keyword} in {where}",
                    "it loads another stylesheet"
                    if node.lower_at_keyword == "import"
                    else "the report's stylesheet does not use it",
                )
            _check_tokens(node.prelude, where)
            if node.content is not None:
                inner = tinycss2.parse_blocks_contents(
                    node.content, skip_comments=True, skip_whitespace=True
                )
                _check_css_nodes(inner, where)
        elif kind == "qualified-rule":
            _check_tokens(node.prelude, where)
            inner = tinycss2.parse_blocks_contents(
                node.content, skip_comments=True, skip_whitespace=True
            )
            _check_css_nodes(inner, where)
        elif kind == "declaration":
            _check_tokens(node.value, where)
        # parse errors are left alone: browsers and WeasyPrint skip them too, and what
        # they hold is tokens, checked wherever they make a rule or a declaration


def _check_tokens(tokens: list[Any], where: str) -> None:
    for token in tokens:
        kind = token.type
        if kind == "url":
            check_url(token.value, f"url() in {where}")
        elif kind == "function":
            name = token.lower_name
            if name in _CSS_URL_FUNCTIONS:
                raise refuse_feature(f"{token.name}() in {where}", "it loads images by URL")
            if name in ("url", "src"):
                for argument in token.arguments:
                    if argument.type == "string":
                        check_url(argument.value, f"{name}() in {where}")
                    elif argument.type not in ("whitespace", "comment"):
                        raise refuse_feature(
                            f"{name}() with a computed argument in {where}",
                            "the report takes only data: URLs",
                        )
            _check_tokens(token.arguments, where)
        elif kind in ("() block", "[] block", "{} block"):
            _check_tokens(token.content, where)
        elif kind == "at-keyword" and token.lower_value not in CSS_AT_RULES:
            raise refuse_feature(f"@{token.value} in {where}", "it loads another stylesheet")
