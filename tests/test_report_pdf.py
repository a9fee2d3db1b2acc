"""modelh render, the PDF side: text, fonts, pages, outline, metadata, safety.

The worked example's PDF is rendered once for the module (a render takes a few
seconds); the other tests render small reports.
"""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")

from typer.testing import CliRunner  # noqa: E402

from modelh import load_canvas  # noqa: E402
from modelh.cli.main import app  # noqa: E402
from modelh.report.render import (  # noqa: E402
    FetchRefusedError,
    PdfUnavailableError,
    ReportOptions,
    html_to_pdf,
    render_file,
    render_html,
    render_pdf,
    unsupported_characters,
)

from .conftest import ROOT  # noqa: E402

RIVERSIDE = ROOT / "canvases" / "riverside-health-plan.yaml"

MULTILINGUAL = """\
modelh: 1
canvas:
  title: Relações com membros 2027
  organization: Clínica São José
  prepared_by: [Zoë Müller, 山田 太郎]
  date: "2026-05-04"
  version: "2.0"
  status: final
  confidentiality: "Confidentiel : préparé pour la direction"
segments:
  - id: membros
    name: Membros idosos
    role: user
    stage: engage
    target_stage: collaborate
    preferences: [Português, 日本語]
customer_relationships:
  answers:
    cost: Custo por membro ≈ €4,20; atenção à coordenação do cuidado.
    marketing: 地域の薬局と協力して、高齢の会員に分かりやすく説明します。
    sharing: Members share good news with a 👍 and a ❤️ in the community app.
    feedback: Ärztinnen und Pfleger geben Rückmeldung über das Portal; Ελληνικά και Русский тоже.
"""


def squash(text: str) -> str:
    """Whitespace collapsed; a line broken after a hyphen ("self-\nfunded") joined again."""
    return re.sub(r"(?<=\w-) (?=\w)", "", " ".join(text.split()))


def pdf_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def outline(reader) -> list[tuple[int, str, int]]:
    found: list[tuple[int, str, int]] = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


_EXAMPLE_WARNINGS: list[str] = []


@pytest.fixture(scope="module")
def example_pdf() -> bytes:
    return render_pdf(load_canvas(RIVERSIDE), warnings=_EXAMPLE_WARNINGS)


@pytest.fixture(scope="module")
def example_warnings(example_pdf) -> list[str]:
    """What WeasyPrint said while rendering the worked example."""
    return _EXAMPLE_WARNINGS


@pytest.fixture(scope="module")
def example(example_pdf):
    return pypdf.PdfReader(io.BytesIO(example_pdf))


@pytest.fixture
def multilingual(tmp_path) -> Path:
    path = tmp_path / "sao-jose.yaml"
    path.write_text(MULTILINGUAL, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# Text


def test_pdf_holds_every_answer_of_the_example(example):
    text = squash(" ".join(page.extract_text() for page in example.pages))
    canvas = load_canvas(RIVERSIDE)
    answers = [a.text for a in canvas.answers.values() if a.text]
    answers += [t for a in canvas.answers.values() for t in a.per_segment.values()]
    assert len(answers) == 6 + 2 * len(canvas.segments)
    for answer in answers:
        assert squash(answer) in text


def test_pdf_holds_accented_and_cjk_text_and_draws_emoji(multilingual):
    data = render_pdf(load_canvas(multilingual))
    text = squash(" ".join(pdf_text(data)))
    for expected in (
        "Relações com membros 2027",
        "Clínica São José",
        "Zoë Müller, 山田 太郎",
        "Custo por membro ≈ €4,20; atenção à coordenação do cuidado.",
        "地域の薬局と協力して、高齢の会員に分かりやすく説明します。",
        "Ärztinnen und Pfleger geben Rückmeldung über das Portal; Ελληνικά και Русский тоже.",
        "Confidentiel : préparé pour la direction",
    ):
        assert expected in text
    fonts = _font_names(data)
    assert any("CJK" in f for f in fonts), fonts  # the system's CJK font drew the Japanese
    assert any("Emoji" in f for f in fonts), fonts  # and the emoji were drawn, not dropped


def _font_names(data: bytes) -> set[str]:
    names = set()
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_every_font_is_embedded(example_pdf):
    reader = pypdf.PdfReader(io.BytesIO(example_pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
    assert any("Inter" in name for name in _font_names(example_pdf))


# ---------------------------------------------------------------------------
# Pages


def test_every_page_has_the_footer_and_the_review_mark(example):
    pages = len(example.pages)
    for number, page in enumerate(example.pages, start=1):
        text = page.extract_text()
        assert "Confidential: prepared for Riverside Health Plan leadership" in text
        assert "Medicare Advantage and Employer Relationships 2027" in text
        assert "Version 1.3" in text
        assert f"Page {number} of {pages}" in text
        assert "FOR REVIEW" in text  # the status, in the top margin of every page


def test_a_final_canvas_has_no_draft_mark(multilingual):
    data = render_pdf(load_canvas(multilingual), ReportOptions(sections=("cover", "questions")))
    for text in pdf_text(data):
        assert "DRAFT" not in text.upper() and "FOR REVIEW" not in text.upper()


def test_the_canvas_page_is_landscape_and_the_rest_portrait(example):
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in example.pages]
    canvas = {title: page for depth, title, page in outline(example) if depth == 0}["The canvas"]
    assert sizes[canvas] == (792.0, 612.0)  # letter, landscape
    assert all(size == (612.0, 792.0) for i, size in enumerate(sizes) if i != canvas)


def test_outline_follows_the_sections_in_order(example):
    top = [(title, page) for depth, title, page in outline(example) if depth == 0]
    assert [t for t, _ in top] == [
        "Medicare Advantage and Employer Relationships 2027",
        "Executive summary",
        "Contents",
        "The canvas",
        "The canvas in full",
        "The eight relationship questions",
        "The seven relationship dimensions",
        "Measures by domain",
        "The customer value chain",
        "The journey map",
        "Bone-deep customer experience",
        "Still to be worked out",
        "Gaps and completeness",
    ]
    pages = [p for _, p in top]
    # every section starts a page, but a short one follows the one before it
    short = {"Still to be worked out", "Gaps and completeness"}
    starts = [p for (t, p) in top if t not in short]
    assert pages[:3] == [0, 1, 2] and pages == sorted(pages)
    assert len(set(starts)) == len(starts)
    second = [title for depth, title, _ in outline(example) if depth == 1]
    assert "Relationship cost" in second and "7. Monetization" in second


def test_overflow_marker_names_the_page_of_the_full_text(tmp_path):
    items = "\n".join(f"  - Partner {i} with a name long enough to wrap twice" for i in range(40))
    path = tmp_path / "long.yaml"
    path.write_text(
        f"modelh: 1\ncanvas:\n  title: T\n  organization: O\nkey_partners:\n{items}\n",
        encoding="utf-8",
    )
    data = render_pdf(load_canvas(path), ReportOptions(sections=("canvas", "blocks")))
    pages = pdf_text(data)
    match = re.search(r"… (\d+) more, see page (\d+)", pages[0])
    assert match, pages[0]
    hidden, target = int(match.group(1)), int(match.group(2))
    assert 0 < hidden < 40
    assert "Partner 39 " in squash(" ".join(pages[target - 1 :]))
    assert "Partner 39 " not in pages[0]


def test_nothing_on_the_canvas_page_spills_out_of_its_block(tmp_path):
    """Lay the page out with WeasyPrint and check every line box ends inside its block."""
    import weasyprint

    lines = "\n".join(
        f"  - text: Activity {i} "
        + "described at some length " * (i % 4 + 1)
        + f"\n    segments: [s{i % 3}]"
        for i in range(25)
    )
    segments = "\n".join(
        f"  - id: s{i}\n    name: Segment {i} " + "with a long name " * 3 + "\n    role: user"
        for i in range(12)
    )
    path = tmp_path / "busy.yaml"
    path.write_text(
        f"modelh: 1\ncanvas:\n  title: T\n  organization: O\nsegments:\n{segments}\n"
        f"key_activities:\n{lines}\nkey_resources:\n{lines}\ncost_structure:\n{lines}\n",
        encoding="utf-8",
    )
    for paper in ("letter", "a4", "a3"):
        html = render_html(load_canvas(path), ReportOptions(sections=("canvas",), paper=paper))
        document = weasyprint.HTML(string=html).render()
        assert len(document.pages) == 1
        checked = 0
        for block in _boxes(document.pages[0]._page_box):
            element_id = block.element.get("id", "") if block.element is not None else ""
            if not element_id.startswith("block-") or block.element_tag != "div":
                continue
            bottom = (
                block.position_y
                + block.margin_top
                + block.border_top_width
                + (block.padding_top + block.height + block.padding_bottom)
            )
            for inner in _boxes(block):
                if type(inner).__name__ == "LineBox":
                    assert inner.position_y + inner.height <= bottom + 0.01, (paper, element_id)
                    checked += 1
        assert checked > 50


def _boxes(box):
    yield box
    for child in getattr(box, "children", ()):
        yield from _boxes(child)


# ---------------------------------------------------------------------------
# The file itself


def test_two_renders_are_byte_identical(example_pdf, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert render_pdf(load_canvas(RIVERSIDE)) == example_pdf
    assert "SOURCE_DATE_EPOCH" not in os.environ  # set for the render only


def test_byte_identical_across_processes_with_emoji_and_cjk(multilingual, tmp_path):
    """Separate processes (other hash seeds) and emoji fonts, which WeasyPrint rewrites."""
    import subprocess

    digests = []
    command = [sys.executable, "-m", "modelh", "render", str(multilingual), "-f", "pdf"]
    for run in ("one", "two"):
        subprocess.run(
            [*command, "--sections", "questions", "-o", str(tmp_path / run)],
            check=True,
            capture_output=True,
            cwd=ROOT,
            env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},
        )
        digests.append((tmp_path / run / "sao-jose.pdf").read_bytes())
    assert digests[0] == digests[1]


def test_metadata_and_tagging(example):
    info = example.metadata
    assert (
        info["/Title"]
        == "Medicare Advantage and Employer Relationships 2027 · Riverside Health Plan"
    )
    assert info["/Author"] == "Dana Whitfield, Marcus Oyelaran"
    assert info["/Subject"].startswith("modelH canvas report")
    assert info["/CreationDate"].startswith("D:20261120")  # the canvas's date, not the clock
    root = example.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()


# ---------------------------------------------------------------------------
# Safety and failures


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://127.0.0.1:9/x.png", "fetches nothing from the network"),
        ("https://example.com/x.css", "fetches nothing from the network"),
        ("file:///etc/passwd", "reads no file outside"),
    ],
)
def test_weasyprint_fetches_nothing_it_should_not(tmp_path, url, message):
    tag = f'<link rel="stylesheet" href="{url}">' if url.endswith(".css") else f'<img src="{url}">'
    with pytest.raises(FetchRefusedError, match=message):
        html_to_pdf(f"<html><body>{tag}<p>x</p></body></html>", roots=[tmp_path])


def test_a_user_template_referencing_a_file_outside_is_refused(tmp_path):
    templates = tmp_path / "templates" / "sections"
    templates.mkdir(parents=True)
    (templates / "cover.html.j2").write_text('<img src="../../../../../../etc/passwd">')
    options = ReportOptions(sections=("cover",), template_dir=tmp_path / "templates")
    with pytest.raises(FetchRefusedError):
        render_pdf(load_canvas(RIVERSIDE), options)


def test_files_inside_the_template_folder_are_allowed(tmp_path):
    (tmp_path / "mark.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect width='10' "
        "height='10'/></svg>"
    )
    data = html_to_pdf('<img src="mark.svg"><p>ok</p>', base_url=tmp_path, roots=[tmp_path])
    assert data.startswith(b"%PDF")


def test_without_weasyprint_the_html_is_still_written(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint now fails
    with pytest.raises(PdfUnavailableError, match="libpango"):
        render_file(RIVERSIDE, tmp_path, ("html", "pdf"), ReportOptions(sections=("cover",)))
    assert (tmp_path / "riverside-health-plan.html").is_file()
    assert not (tmp_path / "riverside-health-plan.pdf").exists()
    result = CliRunner().invoke(
        app, ["render", "--sections", "cover", "-o", str(tmp_path / "cli"), str(RIVERSIDE)]
    )
    assert result.exit_code == 1
    assert "PDF output needs WeasyPrint" in result.output
    assert (tmp_path / "cli" / "riverside-health-plan.html").is_file()


def test_render_warns_about_characters_no_font_can_draw(tmp_path):
    path = tmp_path / "hieroglyphs.yaml"
    path.write_text(
        "modelh: 1\ncanvas:\n  title: T\n  organization: O\n"
        "customer_relationships:\n  answers:\n    cost: The sign 𓀀 means cost.\n",
        encoding="utf-8",
    )
    assert unsupported_characters(load_canvas(path)) == ["𓀀"]
    result = CliRunner().invoke(
        app, ["render", "--sections", "cover", "-o", str(tmp_path / "out"), str(path)]
    )
    assert result.exit_code == 0, result.output
    assert (
        "no font on this machine can draw '𓀀' (U+13000 EGYPTIAN HIEROGLYPH A001)" in result.output
    )
    assert (tmp_path / "out" / "hieroglyphs.pdf").is_file()


def test_cjk_text_needs_no_warning_where_a_cjk_font_is_installed(multilingual):
    assert unsupported_characters(load_canvas(multilingual)) == []


def test_cli_writes_both_formats(tmp_path):
    result = CliRunner().invoke(
        app,
        [
            "render",
            "--sections",
            "cover,canvas",
            "--paper",
            "a4",
            "-o",
            str(tmp_path),
            str(RIVERSIDE),
        ],
    )
    assert result.exit_code == 0, result.output
    reader = pypdf.PdfReader(tmp_path / "riverside-health-plan.pdf")
    assert len(reader.pages) == 2
    assert round(float(reader.pages[0].mediabox.width)) == 595  # A4
    assert (tmp_path / "riverside-health-plan.html").is_file()


# ---------------------------------------------------------------------------
# The gaps pages, read back: executives' words, and the team's appendix on request

LAKESHORE = ROOT / "canvases" / "lakeshore-medical-group.yaml"


def gaps_pages_text(data: bytes) -> str:
    """The text of the pages from the gaps section's bookmark to the end."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    [start] = [page for depth, title, page in outline(reader) if title == "Gaps and completeness"]
    return squash(" ".join(page.extract_text() for page in reader.pages[start:]))


def test_the_gaps_pages_hold_no_rule_code_key_path_or_line_unless_for_the_team():
    from .test_rules_meta import NOT_FOR_EXECUTIVES, assert_plain_words

    canvas = load_canvas(LAKESHORE)
    executive = gaps_pages_text(render_pdf(canvas, ReportOptions(sections=("cover", "gaps"))))
    assert "have not been considered" in executive  # the gaps are there, in plain words
    assert not re.search(r"MH\d{3}", executive)
    assert not re.search(r"\blines? \d+", executive)
    assert_plain_words(executive)  # nor a key path such as customer_relationships.answers
    options = ReportOptions(sections=("cover", "gaps"), audience="team")
    team = gaps_pages_text(render_pdf(canvas, options))
    assert "have not been considered" in team
    assert re.search(r"MH\d{3}", team) and re.search(r"\bline \d+", team)
    assert "customer_relationships.answers" in team
    assert NOT_FOR_EXECUTIVES.search(team)


def test_the_built_in_templates_make_weasyprint_say_nothing(example_warnings):
    # A warning the consultant cannot act on (a style WeasyPrint does not know)
    # would be printed with every render.
    assert example_warnings == []
