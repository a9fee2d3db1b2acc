"""The HTML handout, safe by construction: an allowlist, a canonical rewrite, a CSP.

The report's HTML is parsed once (the standard library's ``html.parser``) and
written out again from what the parser saw, keeping only allowlisted elements
and attributes, with every text and attribute value escaped afresh and comments
dropped. So what a browser or WeasyPrint reads is exactly what was checked,
whatever tricks the source held (entities, odd quoting, comment games). Then:

- every URL (``src``, ``href``, ``xlink:href``, and ``url()`` in CSS) must be a
  ``data:`` URL or a link within the report (``#...``); only ``<a href>`` may
  also point at the web or a mail address (a link is followed only when clicked);
- CSS (``<style>`` and ``style`` attributes) is tokenized with tinycss2, which
  decodes CSS escapes as browsers do; ``@import``, ``image-set()`` and the like
  are refused;
- a Content-Security-Policy that allows only ``data:`` images and fonts and the
  report's inline styles, and no scripts, is put first in ``<head>``, so a
  browser enforces the same even if a check here missed something.

Canvas text is just text: it is escaped, never inspected, never refused. Only
a template can be refused, with a message naming the feature.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markupsafe import escape

from modelh.report.css import (
    RefusedMarkup,
    check_css_value,
    check_declarations,
    check_stylesheet,
    check_url,
    refuse_feature,
)
from modelh.report.longwords import mark_long_words

__all__ = ["CONTENT_SECURITY_POLICY", "RefusedMarkup", "safe_html"]

#: What the handout may load: data: images and fonts, its own inline styles; nothing else.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'"
)
_CSP_META = f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">'

HTML_ELEMENTS = frozenset(
    [
        "html",
        "head",
        "title",
        "meta",
        "style",
        "body",
        "main",
        "header",
        "footer",
        "section",
        "article",
        "aside",
        "nav",
        "div",
        "span",
        "p",
        "br",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "table",
        "caption",
        "colgroup",
        "col",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "a",
        "img",
        "figure",
        "figcaption",
        "strong",
        "em",
        "b",
        "i",
        "u",
        "s",
        "small",
        "sub",
        "sup",
        "mark",
        "abbr",
        "cite",
        "q",
        "blockquote",
        "code",
        "pre",
        "kbd",
        "samp",
        "var",
        "time",
        "address",
        "wbr",
        "bdi",
        "bdo",
        "del",
        "ins",
        "details",
        "summary",
    ]
)
SVG_ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "defs",
        "symbol",
        "use",
        "title",
        "desc",
        "circle",
        "ellipse",
        "line",
        "path",
        "polygon",
        "polyline",
        "rect",
        "text",
        "tspan",
        "lineargradient",
        "radialgradient",
        "stop",
        "clippath",
        "mask",
        "pattern",
        "marker",
        "image",
    ]
)
GLOBAL_ATTRIBUTES = frozenset(
    ["id", "class", "style", "lang", "dir", "title", "role", "hidden", "tabindex", "translate"]
)
ELEMENT_ATTRIBUTES: dict[str, frozenset[str]] = {
    "html": frozenset({"xmlns"}),
    "meta": frozenset({"charset", "name", "content"}),
    "style": frozenset({"media"}),
    "a": frozenset({"href", "rel", "target", "hreflang"}),
    "img": frozenset({"src", "alt", "width", "height", "decoding", "loading"}),
    "ol": frozenset({"start", "reversed", "type"}),
    "li": frozenset({"value"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "abbr"}),
    "td": frozenset({"colspan", "rowspan", "headers"}),
    "col": frozenset({"span"}),
    "colgroup": frozenset({"span"}),
    "time": frozenset({"datetime"}),
    "del": frozenset({"datetime"}),
    "ins": frozenset({"datetime"}),
    "details": frozenset({"open"}),
}
SVG_ATTRIBUTES = frozenset(
    [
        "xmlns",
        "xmlns:xlink",
        "viewbox",
        "preserveaspectratio",
        "width",
        "height",
        "x",
        "y",
        "x1",
        "x2",
        "y1",
        "y2",
        "cx",
        "cy",
        "r",
        "rx",
        "ry",
        "d",
        "points",
        "fill",
        "fill-opacity",
        "fill-rule",
        "stroke",
        "stroke-width",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-opacity",
        "opacity",
        "transform",
        "focusable",
        "version",
        "font-family",
        "font-size",
        "font-weight",
        "font-style",
        "text-anchor",
        "dominant-baseline",
        "alignment-baseline",
        "dx",
        "dy",
        "rotate",
        "textlength",
        "lengthadjust",
        "offset",
        "stop-color",
        "stop-opacity",
        "gradientunits",
        "gradienttransform",
        "spreadmethod",
        "fx",
        "fy",
        "fr",
        "clip-path",
        "clip-rule",
        "clippathunits",
        "mask",
        "maskunits",
        "maskcontentunits",
        "patternunits",
        "patterncontentunits",
        "patterntransform",
        "markerwidth",
        "markerheight",
        "markerunits",
        "refx",
        "refy",
        "orient",
        "marker-start",
        "marker-mid",
        "marker-end",
        "visibility",
        "display",
        "color",
        "vector-effect",
        "shape-rendering",
        "text-rendering",
        "letter-spacing",
        "word-spacing",
        "text-decoration",
        "href",
        "xlink:href",
        "xml:space",
        "overflow",
        "paint-order",
    ]
)
#: Attributes holding a URL.
URL_ATTRIBUTES = frozenset({"src", "href", "xlink:href"})
_DATA_ATTRIBUTE = re.compile(r"(?:data|aria)-[a-z0-9._-]+")
#: SVG's mixed-case names, as written (HTML parsers restore them anyway).
_SVG_CASE = {
    name.lower(): name
    for name in [
        "viewBox",
        "preserveAspectRatio",
        "textLength",
        "lengthAdjust",
        "gradientUnits",
        "gradientTransform",
        "spreadMethod",
        "clipPathUnits",
        "maskUnits",
        "maskContentUnits",
        "patternUnits",
        "patternContentUnits",
        "patternTransform",
        "markerWidth",
        "markerHeight",
        "markerUnits",
        "refX",
        "refY",
        "linearGradient",
        "radialGradient",
        "clipPath",
    ]
}

#: Why some well-known features are refused (the rest: "not used by reports").
_ELEMENT_REASONS = {
    "script": "it runs a script",
    "noscript": "the report runs no scripts",
    "iframe": "it embeds another document",
    "frame": "it embeds another document",
    "frameset": "it embeds other documents",
    "object": "it embeds other content",
    "embed": "it embeds other content",
    "portal": "it embeds another document",
    "link": "it loads a file (the report inlines its stylesheet: use extra.css and asset())",
    "base": "it changes where the report's links lead",
    "form": "the report has no forms",
    "input": "the report has no forms",
    "button": "the report has no forms",
    "video": "it loads media",
    "audio": "it loads media",
    "source": "it loads media",
    "track": "it loads media",
    "picture": "it loads images by URL",
    "foreignobject": "it embeds HTML in an SVG",
    "math": "the report uses no MathML",
    "template": "the report uses no templates at run time",
}
_ATTRIBUTE_REASONS = {
    "srcset": "it loads images by URL",
    "srcdoc": "it embeds another document",
    "http-equiv": "it changes how the page loads (a refresh, a policy)",
    "ping": "it sends a request when a link is followed",
    "poster": "it loads an image by URL",
    "background": "it loads an image by URL",
    "action": "the report has no forms",
    "formaction": "the report has no forms",
}


# ---------------------------------------------------------------------------
# HTML


class _Rewriter(HTMLParser):
    """Checks the document as it parses, and writes it out again from the parse."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.svg_depth = 0
        self.in_style = False
        self.in_title = False
        self.head = False

    # -- markup

    def handle_decl(self, decl: str) -> None:
        if decl.strip().lower() != "doctype html":
            raise refuse_feature(f"the declaration <!{decl[:40]}>", "a report is HTML5")
        self.out.append("<!DOCTYPE html>")

    def unknown_decl(self, data: str) -> None:
        raise refuse_feature(f"the markup <![{data[:20]}", "the report does not use it")

    def handle_pi(self, data: str) -> None:
        raise refuse_feature(f"the markup <?{data[:20]}", "the report does not use it")

    def handle_comment(self, data: str) -> None:
        pass  # comments are dropped: nothing a reader sees, and no parser games

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        self.element(tag)
        if tag == "svg" and self.svg_depth:
            self.svg_depth -= 1
        self.in_style = False
        self.in_title = False
        self.out.append(f"</{_SVG_CASE.get(tag, tag)}>")

    def handle_data(self, data: str) -> None:
        if self.in_style:
            where = "a <style> element"
            if "<" in data:
                raise refuse_feature(f"'<' inside {where}", "markup cannot hide in a stylesheet")
            check_stylesheet(data, where)
            self.out.append(data)
        elif self.svg_depth or self.in_title:
            self.out.append(str(escape(data)))
        else:  # text a reader sees: a word too long for a line may break anywhere
            self.out.append(mark_long_words(data))

    # -- checks

    def element(self, tag: str) -> None:
        if tag in HTML_ELEMENTS or tag in SVG_ELEMENTS:
            return
        reason = _ELEMENT_REASONS.get(tag, "reports do not use it")
        raise refuse_feature(f"the <{tag}> element", reason)

    def start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        where = f"<{tag}>"
        # a URL is named first: it says most plainly what the template asked for
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                check_url(value, f"{where} {name}", link=tag == "a" and name == "href")
        self.element(tag)
        if tag == "style" and self.svg_depth:
            raise refuse_feature("a <style> element inside <svg>", "style it from report.css")
        parts = [f"<{_SVG_CASE.get(tag, tag)}"]
        for name, value in attrs:
            self.attribute(tag, name, value)
            name = _SVG_CASE.get(name, name)
            if value is None:
                parts.append(f" {name}")
            else:
                parts.append(f' {name}="{escape(value)}"')
        parts.append("/>" if closed else ">")
        self.out.append("".join(parts))
        if tag == "head" and not self.head:
            self.head = True
            self.out.append("\n" + _CSP_META)
        if tag == "svg" and not closed:
            self.svg_depth += 1
        self.in_style = tag == "style" and not closed
        self.in_title = tag == "title" and not closed and not self.svg_depth

    def attribute(self, tag: str, name: str, value: str | None) -> None:
        allowed = (
            name in GLOBAL_ATTRIBUTES
            or name in ELEMENT_ATTRIBUTES.get(tag, ())
            or (tag in SVG_ELEMENTS and name in SVG_ATTRIBUTES)
            or _DATA_ATTRIBUTE.fullmatch(name) is not None
        )
        if not allowed:
            if name.startswith("on"):
                reason = "it runs a script"
            else:
                reason = _ATTRIBUTE_REASONS.get(name, "reports do not use it")
            raise refuse_feature(f"the {name} attribute of <{tag}>", reason)
        if value is None:
            return
        if name in URL_ATTRIBUTES:
            return  # checked first, in start()
        if name == "style":
            check_declarations(value, f"the style attribute of <{tag}>")
        elif tag in SVG_ELEMENTS and name in SVG_ATTRIBUTES and "(" in value:
            # fill, clip-path, mask, filter...: CSS values, url() included
            check_css_value(value, f"the {name} attribute of <{tag}>")


def safe_html(document: str) -> str:
    """``document`` rewritten from its parse, checked, with the security policy in its head.

    Raises RefusedMarkup naming the first feature of the document that the
    handout may not have.
    """
    rewriter = _Rewriter()
    rewriter.feed(document)
    rewriter.close()
    if not rewriter.head:
        raise refuse_feature(
            "a document without <head>", "the report's security policy is put there"
        )
    return "".join(rewriter.out)
