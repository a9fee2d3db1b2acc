"""Drawing on a slide with native PowerPoint objects, text fitted before it is set.

Positions and sizes are in points (the slide is ``Page.width`` x ``Page.height``);
python-pptx takes EMU (12,700 to the point). Every text is set with an explicit
font, size and exact line height, in a box with explicit insets and no
autofit, so that its size on the slide is the one measured here
(``modelh.report.deck.fonts``). What does not fit is shortened with "…" or left
out with a line that says so, and the full text goes to the slide's notes.
python-pptx writes the XML (escaping every text); characters XML cannot hold
are replaced here first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from modelh.report.deck.fonts import DEFAULT_FONT, TextStyle

EMU_PER_PT = 12_700
#: Insets of a text box, in points: left and right, top and bottom.
INSET_X = 4.0
INSET_Y = 2.0
#: Colours of text.
INK = "#222222"
MUTED = "#5b5b5b"
RULE = "#c8c8c8"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def emu(points: float) -> int:
    return round(points * EMU_PER_PT)


def rgb(color: str) -> Any:
    from pptx.dml.color import RGBColor

    value = color.lstrip("#")
    make: Any = RGBColor  # python-pptx leaves its constructor unannotated
    return make(int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


@dataclass(frozen=True)
class Para:
    """A paragraph to set: its text and style, colour, alignment, space after (pt)."""

    text: str
    style: TextStyle
    color: str = INK
    align: str = "left"  # left | center | right
    after: float = 0.0
    bullet: bool = False
    #: what the notes call this text when it is shortened ("Segment 'Members'")
    label: str = ""


@dataclass
class Page:
    """One slide being drawn, and the full texts its notes will hold."""

    slide: Any
    width: float
    height: float
    font: str = DEFAULT_FONT
    notes: list[str] = field(default_factory=list)

    def style(self, size: float, bold: bool = False) -> TextStyle:
        return TextStyle(size, bold, self.font)

    # -- shapes ------------------------------------------------------------

    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        *,
        fill: str | None = None,
        line: str | None = None,
        line_width: float = 0.75,
        dash: bool = False,
        shape: str = "rectangle",
        name: str = "",
    ) -> Any:
        """A shape (rectangle, rounded, oval, chevron, pentagon) filled and outlined."""
        from pptx.enum.dml import MSO_LINE_DASH_STYLE
        from pptx.enum.shapes import MSO_SHAPE

        kinds = {
            "rectangle": MSO_SHAPE.RECTANGLE,
            "rounded": MSO_SHAPE.ROUNDED_RECTANGLE,
            "oval": MSO_SHAPE.OVAL,
            "chevron": MSO_SHAPE.CHEVRON,
            "pentagon": MSO_SHAPE.PENTAGON,
        }
        x, y, w, h = self._inside(x, y, w, h)
        item = self.slide.shapes.add_shape(kinds[shape], emu(x), emu(y), emu(w), emu(h))
        if name:
            item.name = name
        if shape == "rounded":
            item.adjustments[0] = 0.08
        if fill is None:
            item.fill.background()
        else:
            item.fill.solid()
            item.fill.fore_color.rgb = rgb(fill)
        if line is None:
            item.line.fill.background()
        else:
            item.line.color.rgb = rgb(line)
            item.line.width = emu(line_width)
            if dash:
                item.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        item.shadow.inherit = False
        item.text_frame.text = ""
        return item

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        *,
        color: str = RULE,
        width: float = 1.0,
        dash: bool = False,
        name: str = "",
    ) -> Any:
        from pptx.enum.dml import MSO_LINE_DASH_STYLE
        from pptx.enum.shapes import MSO_CONNECTOR

        x1, x2 = (min(max(v, 0.0), self.width) for v in (x1, x2))
        y1, y2 = (min(max(v, 0.0), self.height) for v in (y1, y2))
        item = self.slide.shapes.add_connector(
            MSO_CONNECTOR.STRAIGHT, emu(x1), emu(y1), emu(x2), emu(y2)
        )
        if name:
            item.name = name
        item.line.color.rgb = rgb(color)
        item.line.width = emu(width)
        if dash:
            item.line.dash_style = MSO_LINE_DASH_STYLE.DASH
        return item

    def _inside(self, x: float, y: float, w: float, h: float) -> tuple[float, float, float, float]:
        """A box moved and cut to lie inside the slide."""
        x = min(max(x, 0.0), self.width)
        y = min(max(y, 0.0), self.height)
        return x, y, max(0.0, min(w, self.width - x)), max(0.0, min(h, self.height - y))

    # -- text --------------------------------------------------------------

    def text(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        paras: Sequence[Para],
        *,
        shape: Any = None,
        anchor: str = "top",
        name: str = "",
        more: str = "",
    ) -> float:
        """Set ``paras`` in a new text box (or in ``shape``), fitted to it; the height
        the text takes. ``more`` is the line said when paragraphs are left out
        ("… 3 more: see the notes"), ``{n}`` standing for how many."""
        from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE

        x, y, w, h = self._inside(x, y, w, h)
        fitted, used = self.fit(paras, w - 2 * INSET_X, h - 2 * INSET_Y, more)
        if shape is None:
            shape = self.slide.shapes.add_textbox(emu(x), emu(y), emu(w), emu(h))
            if name:
                shape.name = name
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.margin_left = frame.margin_right = emu(INSET_X)
        frame.margin_top = frame.margin_bottom = emu(INSET_Y)
        frame.vertical_anchor = {
            "top": MSO_ANCHOR.TOP,
            "middle": MSO_ANCHOR.MIDDLE,
            "bottom": MSO_ANCHOR.BOTTOM,
        }[anchor]
        self.set_paragraphs(frame, fitted)
        return used + 2 * INSET_Y

    def set_paragraphs(self, frame: Any, paras: Sequence[Para]) -> None:
        from pptx.enum.text import PP_ALIGN
        from pptx.util import Pt

        aligns = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}
        paras = paras or [Para("", self.style(8))]
        for index, para in enumerate(paras):
            p = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            p.alignment = aligns[para.align]
            p.line_spacing = Pt(para.style.line)
            p.space_before = Pt(0)
            p.space_after = Pt(para.after)
            lines = para.text.split("\n")
            for number, line in enumerate(lines):
                run = p.add_run()
                run.text = xml_safe((BULLET if para.bullet and number == 0 else "") + line)
                font = run.font
                font.name = para.style.font
                font.size = Pt(para.style.size)
                font.bold = para.style.bold
                font.color.rgb = rgb(para.color)
                if number < len(lines) - 1:
                    p.add_line_break()

    def fit(
        self, paras: Sequence[Para], width: float, height: float, more: str = ""
    ) -> tuple[list[Para], float]:
        """The paragraphs that fit ``width`` x ``height`` points and the height they take.

        The first paragraph that does not fit whole is shortened with "…" into the
        lines left; those after it are left out, with the line ``more`` when given
        (``{n}``: how many). What is cut or left out goes to the notes whole.
        """
        kept: list[Para] = []
        heights: list[float] = []
        for index, para in enumerate(paras):
            used = sum(heights)
            need = para.style.height(_shown(para), width)
            if used + need <= height:
                kept.append(para)
                heights.append(need + para.after)
                continue
            rest = list(paras[index + 1 :])
            lines = int((height - used + 0.01) // para.style.line)
            room = lines - (1 if more and rest else 0)
            hidden = list(rest)
            short = para.style.fit(_shown(para), width, room)[0] if room >= 1 else ""
            if short.strip("…• "):
                kept.append(_with(para, short))
                heights.append(para.style.height(short, width))
            else:
                hidden.insert(0, para)
            if more and hidden:
                # the line that says what was left out, in place of the last items if need be
                line = self._more_line(more, len(hidden), para, width)
                while kept and sum(heights) + line.style.line > height:
                    hidden.insert(0, kept.pop())
                    heights.pop()
                    line = self._more_line(more, len(hidden), para, width)
                if sum(heights) + line.style.line <= height:
                    kept.append(line)
                    heights.append(line.style.line)
            elif kept and not kept[-1].text.endswith("…"):
                last = kept[-1]
                count = len(last.style.lines(_shown(last), width))
                marked = last.style.fit(_shown(last).rstrip() + " …", width, count)[0]
                kept[-1] = _with(last, marked)
            self._noted(hidden if any(p is para for p in hidden) else [para, *hidden])
            return kept, sum(heights)
        return kept, sum(heights)

    def _more_line(self, more: str, hidden: int, like: Para, width: float) -> Para:
        style = TextStyle(like.style.size, False, like.style.font)
        text, _ = style.fit(more.format(n=hidden), width, 1)
        return Para(text, style, MUTED)

    def _noted(self, paras: Sequence[Para]) -> None:
        """The full text of ``paras`` in the notes (they were cut, or left out)."""
        for para in paras:
            if not para.text.strip():
                continue
            label = f"{para.label}: " if para.label else ""
            self.notes.append(f"{label}{para.text}")

    def table(
        self,
        x: float,
        y: float,
        w: float,
        widths: Sequence[float],
        rows: Sequence[Sequence[tuple[str, str | None]]],
        *,
        style: TextStyle,
        header: TextStyle | None = None,
        header_fill: str = "#ffffff",
        header_color: str = INK,
        max_lines: int = 2,
        min_height: float = 0.0,
        name: str = "",
    ) -> float:
        """A table of ``rows`` (each cell: text and fill colour or none), the first row
        a header; column ``widths`` in points. Each cell's text is fitted to
        ``max_lines`` lines (shortened with "…", the full text in the notes) and each
        row is as tall as its tallest cell. Returns the table's height."""
        from pptx.enum.text import MSO_ANCHOR
        from pptx.util import Pt

        pad_x, pad_y = 4.0, 2.5
        heights: list[float] = []
        fitted: list[list[str]] = []
        for r, row in enumerate(rows):
            cell_style = header if (r == 0 and header is not None) else style
            texts = []
            lines = 1
            for c, (text, _) in enumerate(row):
                inner = widths[c] - 2 * pad_x
                short, cut = cell_style.fit(text, inner, max_lines)
                if cut:
                    self.notes.append(f"{rows[r][0][0] or 'Row'}, {rows[0][c][0]}: {text}")
                texts.append(short)
                lines = max(lines, len(cell_style.lines(short, inner)))
            fitted.append(texts)
            heights.append(max(min_height, lines * cell_style.line + 2 * pad_y + 1.0))
        total = sum(heights)
        shape = self.slide.shapes.add_table(
            len(rows), len(widths), emu(x), emu(y), emu(sum(widths)), emu(total)
        )
        if name:
            shape.name = name
        table = shape.table
        table.first_row = header is not None
        table.horz_banding = False
        # no table style: cells are filled and outlined here
        tbl_pr = table._tbl.tblPr
        for child in list(tbl_pr):
            if child.tag.endswith("tableStyleId"):
                tbl_pr.remove(child)
        for c, width in enumerate(widths):
            table.columns[c].width = emu(width)
        for r, row in enumerate(rows):
            table.rows[r].height = emu(heights[r])
            cell_style = header if (r == 0 and header is not None) else style
            for c, (_, fill) in enumerate(row):
                cell = table.cell(r, c)
                cell.margin_left = cell.margin_right = emu(pad_x)
                cell.margin_top = cell.margin_bottom = emu(pad_y)
                cell.vertical_anchor = MSO_ANCHOR.MIDDLE
                color = fill if fill else (header_fill if r == 0 and header else "#ffffff")
                cell.fill.solid()
                cell.fill.fore_color.rgb = rgb(color)
                _cell_borders(cell, RULE)
                text_color = header_color if r == 0 and header else INK
                frame = cell.text_frame
                frame.word_wrap = True
                self.set_paragraphs(frame, [Para(fitted[r][c], cell_style, text_color)])
                for p in frame.paragraphs:
                    p.line_spacing = Pt(cell_style.line)
        return total


BULLET = "• "


def _shown(para: Para) -> str:
    """A paragraph's text as set, its bullet mark included."""
    return (BULLET if para.bullet else "") + para.text


def _with(para: Para, text: str) -> Para:
    """``para`` with ``text`` as fitted (its bullet mark taken off again)."""
    if para.bullet and text.startswith(BULLET):
        text = text[len(BULLET) :]
    return Para(text, para.style, para.color, para.align, para.after, para.bullet, para.label)


def _cell_borders(cell: Any, color: str) -> None:
    """Thin solid borders on every side of a table cell."""
    from lxml import etree
    from pptx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    for side in ("a:lnL", "a:lnR", "a:lnT", "a:lnB"):
        for old in tc_pr.findall(qn(side)):
            tc_pr.remove(old)
        line = etree.SubElement(tc_pr, qn(side), w=str(emu(0.75)))
        solid = etree.SubElement(line, qn("a:solidFill"))
        etree.SubElement(solid, qn("a:srgbClr"), val=color.lstrip("#").upper())
    # borders must come before the fill in the schema's order
    fills = [e for e in tc_pr if not e.tag.endswith(("lnL", "lnR", "lnT", "lnB"))]
    for e in fills:
        tc_pr.remove(e)
        tc_pr.append(e)
