"""modelh render, the HTML side: the report's content, templates, safety and the command.

The golden file tests/golden/riverside-health-plan.html is the worked example's
report without its gaps section (which follows the rules' wording), with the
embedded fonts left out, and with the shipped stylesheet (templates/report.css,
which the report embeds verbatim) replaced by a mark: the stylesheet is checked
on its own (test_the_report_embeds_the_shipped_stylesheet_verbatim), so a change
of style alone leaves the golden file as it is. After a deliberate change to the report, regenerate
it with ``MODELH_UPDATE_GOLDEN=1 python -m pytest tests/test_report.py`` and
read the diff.
"""

from __future__ import annotations

import dataclasses
import html as html_lib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from modelh import load_canvas
from modelh.cli.main import app
from modelh.errors import UsageError
from modelh.report.context import (
    brand_colors,
    build_context,
    canvas_page,
    contrast,
    format_value,
    paragraphs,
)
from modelh.report.render import (
    REPORT_SECTION_IDS,
    ReportError,
    ReportOptions,
    TemplateError,
    parse_sections,
    render_file,
    render_html,
)
from modelh.resources import templates_dir

from .conftest import ROOT, dedent
from .test_rules_meta import assert_plain_words

RIVERSIDE = ROOT / "canvases" / "riverside-health-plan.yaml"
GOLDEN = Path(__file__).parent / "golden" / "riverside-health-plan.html"
NO_GAPS = tuple(s for s in REPORT_SECTION_IDS if s != "gaps")

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def without_fonts(text: str) -> str:
    """The report without its embedded fonts and modelh's version (they change apart)."""
    text = re.sub(r"modelh \d+\.\d+\.\d+\S*", "modelh VERSION", text)
    return re.sub(
        r'url\("data:font/woff2;base64,[^"]+"\)', 'url("data:font/woff2;base64,...")', text
    )


#: What stands in the golden file where the report embeds templates/report.css.
STYLESHEET_MARK = "/* templates/report.css, embedded verbatim: checked on its own */\n"


def shipped_stylesheet() -> str:
    return (templates_dir() / "report.css").read_text(encoding="utf-8")


def without_stylesheet(document: str) -> str:
    """The report with the shipped stylesheet, embedded once, replaced by ``STYLESHEET_MARK``."""
    css = shipped_stylesheet()
    assert document.count(css) == 1, "the report does not embed templates/report.css verbatim"
    return document.replace(css, STYLESHEET_MARK)


def visible_text(document: str) -> str:
    """The text of an HTML document, tags and styles removed, whitespace collapsed."""
    body = re.sub(r"<style.*?</style>", " ", document, flags=re.S)
    body = re.sub(r"</?bdi>", "", body)  # an isolated name: inline, no space around it
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html_lib.unescape(body).split())


CANVAS = """\
modelh: 1
canvas:
  title: Relationship model 2027
  organization: Harbor Health
  status: {status}
segments:
  - id: members
    name: Members
    role: user
    stage: interact
    target_stage: engage
customer_relationships:
  answers:
    cost: {cost}
"""


def write_canvas(tmp_path: Path, name: str = "harbor.yaml", **fields: str) -> Path:
    values = {"status": "draft", "cost": "About $4 PMPM."}
    values.update(fields)
    tmp_path.mkdir(parents=True, exist_ok=True)
    path = tmp_path / name
    path.write_text(CANVAS.format(**values), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# Golden HTML of the worked example


def test_golden_html_of_the_worked_example():
    canvas = load_canvas(os.path.relpath(RIVERSIDE, ROOT))
    got = without_stylesheet(without_fonts(render_html(canvas, ReportOptions(sections=NO_GAPS))))
    if os.environ.get("MODELH_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(got, encoding="utf-8")
    assert got == GOLDEN.read_text(encoding="utf-8")


def test_the_report_embeds_the_shipped_stylesheet_verbatim():
    canvas = load_canvas(os.path.relpath(RIVERSIDE, ROOT))
    document = render_html(canvas, ReportOptions(sections=NO_GAPS))
    styles = re.findall(r"<style>\n(.*?)</style>", document, flags=re.S)
    assert len(styles) == 1
    # The page set-up the canvas decides (fonts, brand colours, paper; in the
    # golden file) comes first, then the stylesheet, byte for byte, and nothing after.
    assert styles[0].endswith(shipped_stylesheet())


def test_html_holds_every_answer_and_block_of_the_example():
    canvas = load_canvas(RIVERSIDE)
    text = visible_text(render_html(canvas))
    for answer in canvas.answers.values():
        for piece in [answer.text, *answer.per_segment.values()]:
            if piece:
                assert " ".join(piece.split()) in text
    for block in ("key_partners", "key_activities", "key_resources", "revenue_streams"):
        for item in getattr(canvas, block):
            assert item.text in text
    for segment in canvas.segments:
        assert segment.description in text
    for measure in canvas.measures:
        assert measure.name in text


def test_html_is_one_self_contained_file():
    document = render_html(load_canvas(RIVERSIDE))
    assert "<link" not in document
    assert "<script" not in document
    assert not re.search(r"""(src|href)=["']?(https?:|file:|//)""", document)
    assert not re.search(r"url\((?![\"']?data:)", document.split("</style>")[0].split("<style>")[1])
    assert 'src="data:image/svg+xml;base64,' in document  # the logo
    assert "data:font/woff2;base64," in document  # the fonts


# ---------------------------------------------------------------------------
# Content


def test_cover_shows_who_when_and_how_far():
    text = visible_text(render_html(load_canvas(RIVERSIDE), ReportOptions(sections=("cover",))))
    for expected in (
        "Medicare Advantage and Employer Relationships 2027",
        "Riverside Health Plan",
        "Executive leadership team and the Board Quality Committee",
        "Dana Whitfield, Marcus Oyelaran",
        "20 November 2026",
        "1.3",
        "For review",
    ):
        assert expected in text


@pytest.mark.parametrize(
    ("status", "mark"), [("draft", "Draft"), ("review", "For review"), ("final", None)]
)
def test_a_mark_on_every_page_unless_final(tmp_path, status, mark):
    document = render_html(load_canvas(write_canvas(tmp_path, status=status)))
    if mark:
        assert f'data-mark="{mark}"' in document  # read by every page's top margin
        assert f'<div class="status-mark" aria-hidden="true">{mark}</div>' in document
    else:
        assert 'data-mark=""' in document
        assert "status-mark" not in document.split("</style>")[1]


def test_sections_choose_and_order_the_report(tmp_path):
    canvas = load_canvas(RIVERSIDE)
    document = render_html(canvas, ReportOptions(sections=("questions", "canvas", "cover")))
    found = re.findall(r'<section class="report-section (\S+)" id="section-([\w-]+)"', document)
    assert [s for _, s in found] == ["questions", "canvas", "cover"]
    assert "Gaps and completeness" not in document


def test_parse_sections_checks_names():
    assert parse_sections("cover, canvas,questions") == ("cover", "canvas", "questions")
    with pytest.raises(UsageError, match="did you mean 'value-chain'"):
        parse_sections("cover,valuechain")
    with pytest.raises(UsageError, match="named twice"):
        parse_sections("cover,cover")
    with pytest.raises(UsageError):
        parse_sections(" , ")


def test_per_segment_answers_are_a_table_and_gaps_are_visible():
    canvas = load_canvas(ROOT / "canvases" / "lakeshore-medical-group.yaml")
    document = render_html(canvas, ReportOptions(sections=("questions",)))
    expectations = document.split('id="question-expectations"')[1].split('class="question"')[0]
    assert "<table" in expectations
    assert "Self-insured regional employers" in expectations  # the segment left out ...
    assert "Not answered yet" in expectations  # ... is shown as a gap, not dropped
    cost = document.split('id="question-cost"')[1].split('class="question"')[0]
    assert "Not answered yet" in cost


def test_paragraphs_join_wrapped_lines_and_keep_lists():
    text = "First line\nwraps here.\n\nA list:\n- one\n- two\n  continues\n"
    assert paragraphs(text) == [
        {"kind": "p", "text": "First line wraps here."},
        {"kind": "p", "text": "A list:"},
        {"kind": "ul", "items": ["one", "two continues"]},
    ]


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (48, "%", "48%"),
        (35, "% of milestones", "35% of milestones"),
        (13.95, "$ PMPM", "$13.95 PMPM"),
        (22.1, "$M per year", "$22.1M per year"),
        (24, "NPS points", "24 NPS points"),
        (1200000, None, "1,200,000"),
        (None, "%", "–"),
    ],
)
def test_values_are_shown_with_their_units(value, unit, shown):
    assert format_value(value, unit) == shown


@pytest.mark.parametrize("color", ["#1f6f8b", "#e4572e", "#ffee00", "#f5f5f5", "#000000", None])
def test_brand_colour_text_stays_readable(color):
    palette = brand_colors(color)
    assert contrast(palette["strong"], "#ffffff") >= 4.5
    assert contrast(palette["color"], "#ffffff") >= 2.2  # bars and rules show on white


def test_measures_show_baseline_current_target_and_pending_leadership():
    document = render_html(load_canvas(RIVERSIDE), ReportOptions(sections=("measures",)))
    cost = document.split('id="measure-cost-to-serve-pmpm"')[1].split('class="measure"')[0]
    for value in ("$14.8 PMPM", "$13.95 PMPM", "$12.5 PMPM", "lower is better"):
        assert value in cost
    assert "37% of the way from baseline to target" in cost
    pending = document.split("Pending leadership")[1]
    assert "Alignment of service moments with the Riverside brand promise" in pending
    assert "Roles accountable for continuous relationship improvement" in pending


def test_a_clinical_measure_is_shown_as_a_health_outcome_not_as_a_feeling():
    document = render_html(load_canvas(RIVERSIDE), ReportOptions(sections=("measures",)))
    customer = document.split('id="domain-customer"')[1].split('class="domain"')[0]
    before = customer.split('id="measure-diabetes-control"')[0]
    heading = re.findall(r'<h4 class="group-title">([^<]+)</h4>', before)[-1]
    assert heading == "Health outcomes"  # the HbA1c measure's heading, not a feeling


def test_value_chain_marks_today_target_and_the_trust_inflection_point():
    document = render_html(load_canvas(RIVERSIDE), ReportOptions(sections=("value-chain",)))
    assert "Trust Inflection Point" in document
    card = document.split('id="segment-caregivers"')[1].split("segment-card")[0]
    assert "Interact → Engage" in card and "before the Trust Inflection Point" in card
    employers = document.split('id="segment-employer-groups"')[1].split("segment-card")[0]
    assert "at the Trust Inflection Point" in employers


def test_gaps_group_findings_by_section_with_the_completeness_score():
    canvas = load_canvas(ROOT / "canvases" / "lakeshore-medical-group.yaml")
    options = ReportOptions(sections=("gaps",), audience="team")  # the team's appendix
    text = visible_text(render_html(canvas, options))
    assert "Complete overall" in text
    for heading in ("The eight questions", "Relationship dimensions", "Measures"):
        assert heading in text
    assert "question 3 'cost' is not answered" in text


def test_gaps_of_journeys_and_bone_deep_cx_have_their_own_headings(tmp_path):
    path = tmp_path / "payer.yaml"
    path.write_text(
        CANVAS.format(status="draft", cost="About $4 PMPM.")
        + "journeys:\n  - {id: renewal, name: Renewal, segment: members}\n"
        + "cx:\n  systems:\n    - {id: claims, name: Claims, pain: high}\n",
        encoding="utf-8",
    )
    options = ReportOptions(sections=("gaps",), audience="team")  # the team's appendix
    text = visible_text(render_html(load_canvas(path), options))
    assert "Journeys and touches" in text and "journey 'renewal' has no journey time" in text
    assert "Bone-deep CX and the systems behind the smiles" in text
    assert "system 'claims' causes high pain" in text


# ---------------------------------------------------------------------------
# The gaps for executives, and the team's appendix

LAKESHORE = ROOT / "canvases" / "lakeshore-medical-group.yaml"


def gaps_section(document: str) -> str:
    """The visible text of the gaps section alone."""
    return visible_text(
        document.split('<section class="report-section gaps"')[1].split("</section>")[0]
    )


def test_gaps_speak_to_executives_by_theme_without_codes_keys_or_lines():
    text = gaps_section(render_html(load_canvas(LAKESHORE), ReportOptions(sections=("gaps",))))
    for theme in ("Customers and the value chain", "How the relationships are designed"):
        assert theme in text
    # the names the reader knows, and why it matters
    assert "The answer to “Segment expectations” says nothing for Self-insured" in text
    assert (
        "The Connection, Motivation and Monetization dimensions have not been considered." in text
    )
    assert "silence is not" in text
    assert_plain_words(text)  # no rule code, key path or line reference
    assert "Appendix for the team" not in text


def test_one_rules_findings_are_said_once_per_subject():
    text = visible_text(render_html(load_canvas(LAKESHORE), ReportOptions(sections=("gaps",))))
    # three dimensions not considered, five domains without a measure: one line each
    assert text.count("have not been considered") == 1
    assert text.count("Nothing measures the") == 2  # the domains, and the coordination dimension
    assert "Nothing measures the strategy, culture, brand, people and process domains." in text


def test_a_subject_lacking_many_parts_is_said_once_with_all_of_them(tmp_path):
    path = tmp_path / "bare.yaml"
    path.write_text(
        dedent(
            """\
            modelh: 1
            canvas: {title: T, organization: O}
            customer_relationships:
              dimensions:
                navigation: {use: core}
                coordination: {use: supporting}
            """
        ),
        encoding="utf-8",
    )
    text = visible_text(render_html(load_canvas(path), ReportOptions(sections=("gaps",))))
    assert (
        "The Navigation and Coordination dimensions still lack a channel its customers prefer, "
        "an approach (what the model does in it), a message in its customers' words, a measure, "
        "an owner and emotional support or physical comfort." in text
    )
    assert "has no channel" not in text and "Nobody is accountable" not in text


def test_a_planned_dimensions_gaps_say_it_is_only_planned(tmp_path):
    path = tmp_path / "planned.yaml"
    path.write_text(
        "modelh: 1\ncanvas: {title: T, organization: O}\ncustomer_relationships:\n"
        "  dimensions:\n    motivation: {use: planned, owner: Member services}\n",
        encoding="utf-8",
    )
    text = gaps_section(render_html(load_canvas(path), ReportOptions(sections=("gaps",))))
    assert "The planned Motivation dimension still lacks a channel" in text
    assert "To note" in text  # a note, not a gap to close now


def test_many_subjects_are_named_up_to_a_limit_then_counted(tmp_path):
    segments = "".join(f"  - {{id: s{i}, name: Segment {i}, role: user}}\n" for i in range(12))
    path = tmp_path / "many.yaml"
    path.write_text(
        "modelh: 1\ncanvas: {title: T, organization: O}\nsegments:\n" + segments,
        encoding="utf-8",
    )
    text = visible_text(render_html(load_canvas(path), ReportOptions(sections=("gaps",))))
    named = ", ".join(f"Segment {i}" for i in range(8))
    assert f"No relationship dimension serves {named} and 4 more." in text


def test_long_names_are_cut_so_that_a_gap_is_said_whole(tmp_path):
    segments = "".join(
        f"  - {{id: s{i}, name: Members {i} {'with a very long description ' * 12}}}\n"
        for i in range(8)
    )
    path = tmp_path / "long.yaml"
    path.write_text(
        "modelh: 1\ncanvas: {title: T, organization: O}\nsegments:\n" + segments,
        encoding="utf-8",
    )
    text = gaps_section(render_html(load_canvas(path), ReportOptions(sections=("gaps",))))
    said = text.split("Where Members")[1].split(".")[0]
    assert said.endswith("stand on the customer value chain today is not set")
    assert said.count("…") == 8  # each name cut, visibly


def test_audience_team_adds_the_appendix_with_codes_keys_lines_and_fixes():
    options = ReportOptions(sections=("gaps",), audience="team")
    text = visible_text(render_html(load_canvas(LAKESHORE), options))
    assert "Appendix for the team: every finding" in text
    assert re.search(r"MH101 line \d+", text)
    assert "customer_relationships.answers" in text
    assert "Line numbers refer to lakeshore-medical-group.yaml" in text
    # the executives' words come first
    assert text.index("have not been considered") < text.index("Appendix for the team")


def test_an_unknown_audience_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="unknown audience 'board'"):
        ReportOptions(audience="board")
    result = run("render", "--audience", "board", "-o", str(tmp_path), str(LAKESHORE))
    assert result.exit_code == 2


def test_render_audience_team_from_the_command_line(tmp_path):
    result = run("render", "-f", "html", "--audience", "team", "-o", str(tmp_path), str(LAKESHORE))
    assert result.exit_code == 0, result.output
    team = (tmp_path / "lakeshore-medical-group.html").read_text(encoding="utf-8")
    assert "Appendix for the team" in team
    result = run("render", "-f", "html", "-o", str(tmp_path), str(LAKESHORE))
    executive = (tmp_path / "lakeshore-medical-group.html").read_text(encoding="utf-8")
    assert "Appendix for the team" not in executive and "MH101" not in executive


# ---------------------------------------------------------------------------
# The canvas page never cuts text silently


def _long_canvas(tmp_path: Path, partners: int, words: int = 6) -> Path:
    items = "\n".join(
        f"  - Partner number {i} " + " ".join(["with", "a", "long", "name"] * words)
        for i in range(partners)
    )
    path = tmp_path / "long.yaml"
    path.write_text(
        dedent(
            """\
            modelh: 1
            canvas:
              title: T
              organization: O
            key_partners:
            """
        )
        + items
        + "\n",
        encoding="utf-8",
    )
    return path


def test_what_does_not_fit_a_block_is_counted_and_pointed_to(tmp_path):
    canvas = load_canvas(_long_canvas(tmp_path, partners=30))
    page = canvas_page(canvas, "letter", full_text_shown=True)
    block = page["blocks"]["key_partners"]
    shown, hidden = len(block["items"]), block["more"]["hidden"]
    assert 0 < shown < 30 and shown + hidden == 30
    assert block["more"]["target"] == "#full-key-partners"
    document = render_html(canvas, ReportOptions(sections=("canvas", "blocks")))
    assert f'<a href="#full-key-partners">… {hidden} more</a>' in document
    full = document.split('id="full-key-partners"')[1]
    for i in range(30):
        assert f"Partner number {i} " in full


def test_a_single_item_too_long_for_its_block_is_shortened_visibly(tmp_path):
    canvas = load_canvas(_long_canvas(tmp_path, partners=1, words=400))
    block = canvas_page(canvas, "letter", full_text_shown=True)["blocks"]["key_partners"]
    assert block["items"][0]["cut"] and block["items"][0]["text"].endswith(" …")
    assert block["more"]["label"] == "… continued"


def test_without_the_full_text_section_the_marker_says_so(tmp_path):
    canvas = load_canvas(_long_canvas(tmp_path, partners=30))
    document = render_html(canvas, ReportOptions(sections=("canvas",)))
    assert "more: the canvas in full is not in this report" in document


def test_bigger_paper_fits_more(tmp_path):
    canvas = load_canvas(_long_canvas(tmp_path, partners=40))
    shown = {
        paper: len(canvas_page(canvas, paper, True)["blocks"]["key_partners"]["items"])
        for paper in ("letter", "a3")
    }
    assert shown["a3"] > shown["letter"]


# ---------------------------------------------------------------------------
# Safety


def test_canvas_text_is_escaped(tmp_path):
    path = write_canvas(tmp_path, cost="'<script>alert(1)</script> & \"quotes\" <b>bold</b>'")
    text = path.read_text().replace(
        "title: Relationship model 2027", 'title: "A \\"quoted\\" <title>"'
    )
    path.write_text(text)
    document = render_html(load_canvas(path))
    assert "<script>" not in document and "<b>bold</b>" not in document
    # (a word as long as '<script>alert(1)</script>' comes marked as one that may break)
    shown = document.replace('<span class="lw">', "").replace("</span>", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;" in shown
    assert 'data-title="A &#34;quoted&#34; &lt;title&gt;"' in document


@pytest.mark.parametrize(
    "logo", ["../../etc/passwd", "file:///etc/passwd", "http://example.com/logo.png", "/etc/passwd"]
)
def test_a_logo_outside_the_canvas_folder_is_refused(tmp_path, logo):
    path = write_canvas(tmp_path)
    canvas = load_canvas(path)
    branding = dataclasses.replace(canvas.canvas.branding or _branding(), logo=logo)
    canvas = dataclasses.replace(
        canvas, canvas=dataclasses.replace(canvas.canvas, branding=branding)
    )
    with pytest.raises(ReportError, match="refused"):
        render_html(canvas)


def _branding():
    from modelh.canvas.model import Branding

    return Branding()


def test_a_logo_linked_to_a_file_outside_is_refused(tmp_path):
    folder = tmp_path / "client"
    folder.mkdir()
    outside = tmp_path / "secret.svg"
    outside.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (folder / "logo.svg").symlink_to(outside)
    path = write_canvas(folder)
    text = path.read_text().replace(
        "  status: draft\n", "  status: draft\n  branding:\n    logo: logo.svg\n"
    )
    path.write_text(text)
    with pytest.raises(ReportError, match="leads out of the canvas's folder"):
        render_html(load_canvas(path))


def test_the_cli_refuses_a_logo_path_with_a_clear_message(tmp_path):
    path = write_canvas(tmp_path)
    text = path.read_text().replace(
        "  status: draft\n", "  status: draft\n  branding:\n    logo: ../../etc/passwd\n"
    )
    path.write_text(text)
    result = run("render", "-f", "html", "-o", str(tmp_path / "out"), str(path))
    assert result.exit_code == 1
    assert "must stay inside the canvas file's folder" in result.output
    assert not (tmp_path / "out" / "harbor.html").exists()


@pytest.mark.parametrize(
    "expression",
    [
        "{{ report.__class__.__mro__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ report.title.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os }}",
        "{% set x = report.update({'title': 'changed'}) %}",
    ],
)
def test_user_templates_cannot_reach_python_internals(tmp_path, expression):
    templates = tmp_path / "templates" / "sections"
    templates.mkdir(parents=True)
    (templates / "cover.html.j2").write_text(f"<p>{expression}</p>")
    options = ReportOptions(sections=("cover",), template_dir=tmp_path / "templates")
    with pytest.raises(TemplateError):
        render_html(load_canvas(write_canvas(tmp_path)), options)


def test_a_template_using_an_unknown_name_fails_with_its_name(tmp_path):
    templates = tmp_path / "templates" / "sections"
    templates.mkdir(parents=True)
    (templates / "cover.html.j2").write_text("<p>{{ report.prepared_by_nobody }}</p>")
    options = ReportOptions(sections=("cover",), template_dir=tmp_path / "templates")
    with pytest.raises(TemplateError, match="prepared_by_nobody"):
        render_html(load_canvas(write_canvas(tmp_path)), options)


def test_a_template_syntax_error_names_file_and_line(tmp_path):
    templates = tmp_path / "templates" / "sections"
    templates.mkdir(parents=True)
    (templates / "cover.html.j2").write_text("<p>\n{% if %}</p>")
    options = ReportOptions(sections=("cover",), template_dir=tmp_path / "templates")
    with pytest.raises(TemplateError, match=r"cover.html.j2:2"):
        render_html(load_canvas(write_canvas(tmp_path)), options)


# ---------------------------------------------------------------------------
# Template overrides


def test_template_dir_overrides_one_file_and_falls_back_for_the_rest(tmp_path):
    templates = tmp_path / "templates"
    (templates / "sections").mkdir(parents=True)
    (templates / "sections" / "cover.html.j2").write_text(
        '<section class="report-section cover" id="section-cover">'
        "<h1>Prepared by Acme Advisory for {{ report.organization }}</h1>"
        '<img src="{{ asset("acme.svg") }}" alt="Acme"></section>'
    )
    (templates / "acme.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (templates / "extra.css").write_text("h1 { letter-spacing: 0.02em; }")
    options = ReportOptions(sections=("cover", "questions"), template_dir=templates)
    document = render_html(load_canvas(RIVERSIDE), options)
    assert "Prepared by Acme Advisory for Riverside Health Plan" in document
    assert 'src="data:image/svg+xml;base64,' in document  # the firm's asset, inlined
    assert "h1 { letter-spacing: 0.02em; }" in document  # extra.css appended
    assert "The eight relationship questions" in document  # built-in partial


def test_report_blocks_can_be_overridden_without_copying_the_base(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.html.j2").write_text(
        '{% extends "base.html.j2" %}'
        '{% block head_extra %}<meta name="firm" content="Acme">{% endblock %}'
    )
    document = render_html(
        load_canvas(RIVERSIDE), ReportOptions(sections=("cover",), template_dir=templates)
    )
    assert '<meta name="firm" content="Acme">' in document


def test_an_asset_outside_the_template_folders_is_refused(tmp_path):
    templates = tmp_path / "templates" / "sections"
    templates.mkdir(parents=True)
    (templates / "cover.html.j2").write_text('<img src="{{ asset("../../../etc/passwd") }}">')
    options = ReportOptions(sections=("cover",), template_dir=tmp_path / "templates")
    with pytest.raises(TemplateError):
        render_html(load_canvas(write_canvas(tmp_path)), options)


def test_context_is_plain_data():
    context = build_context(load_canvas(RIVERSIDE))

    def plain(value):
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, (str, int, float, bool))

    assert plain(dict(context))


# ---------------------------------------------------------------------------
# The command


def test_render_html_only_writes_html(tmp_path):
    result = run("render", "-f", "html", "-o", str(tmp_path), str(RIVERSIDE))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "riverside-health-plan.html").is_file()
    assert not (tmp_path / "riverside-health-plan.pdf").exists()
    assert f"wrote {tmp_path / 'riverside-health-plan.html'}" in result.stdout


def test_html_only_never_imports_weasyprint(tmp_path):
    code = (
        "import sys, runpy; sys.argv = ['modelh', *sys.argv[1:]]\n"
        "try:\n    runpy.run_module('modelh', run_name='__main__')\n"
        "except SystemExit as exc:\n    print('EXIT', exc.code, file=sys.stderr)\n"
        "print('WEASYPRINT', 'weasyprint' in sys.modules, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "render", "-f", "html", "-o", str(tmp_path), str(RIVERSIDE)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert "EXIT 0" in result.stderr and "WEASYPRINT False" in result.stderr, result.stderr


def test_one_failing_canvas_does_not_stop_the_others(tmp_path):
    good = write_canvas(tmp_path, "good.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("modelh: 1\ncanvas:\n  title: [unclosed\n")
    other = write_canvas(tmp_path, "other.yaml")
    out = tmp_path / "out"
    result = run("render", "-f", "html", "-j", "2", "-o", str(out), str(good), str(bad), str(other))
    assert result.exit_code == 1
    assert (out / "good.html").is_file() and (out / "other.html").is_file()
    assert not (out / "bad.html").exists()
    assert f"{bad}:4:1: error: YAML syntax" in result.output  # the problem, with its place
    assert "2 of 3 canvases rendered" in result.output


def test_render_folder_in_parallel(tmp_path):
    for i in range(3):
        write_canvas(tmp_path / "canvases", f"c{i}.yaml")
    out = tmp_path / "out"
    result = run("render", "-f", "html", "--jobs", "2", "-o", str(out), str(tmp_path / "canvases"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["c0.html", "c1.html", "c2.html"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--sections", "cover,appendix"], "unknown section 'appendix'"),
        (["--template-dir", "no/such/folder"], "no such folder"),
        (["--paper", "a5"], "a5"),
        (["--format", "docx"], "docx"),
    ],
)
def test_usage_errors_exit_2(tmp_path, args, message):
    result = run("render", "-o", str(tmp_path), *args, str(RIVERSIDE))
    assert result.exit_code == 2
    assert message in result.output


def test_two_canvases_with_one_name_are_refused(tmp_path):
    a = write_canvas(tmp_path / "a")
    b = write_canvas(tmp_path / "b")
    result = run("render", "-f", "html", "-o", str(tmp_path / "out"), str(a), str(b))
    assert result.exit_code == 2
    assert "would both be written" in result.output


def test_an_output_named_like_a_file_is_refused_with_the_folder_to_use(tmp_path):
    result = run("render", "-f", "html", "-o", str(tmp_path / "handout.PDF"), str(RIVERSIDE))
    assert result.exit_code == 2
    assert "looks like a file name" in result.output
    assert f"-o {tmp_path / 'handout'}" in " ".join(result.output.split())
    assert not (tmp_path / "handout.PDF").exists()
    # a folder of that name made on purpose is a folder
    (tmp_path / "v1.md").mkdir()
    result = run("render", "-f", "html", "-o", str(tmp_path / "v1.md"), str(RIVERSIDE))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "v1.md" / "riverside-health-plan.html").is_file()


def test_missing_canvas_is_a_usage_error(tmp_path):
    result = run("render", "-o", str(tmp_path), str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "no such file or folder" in result.output


def test_shipped_font_metrics_match_the_fonts():
    """The canvas page is planned with these widths: regenerate with make fonts."""
    from modelh.report.fit import METRICS_FILE, measure_fonts

    assert json.loads(METRICS_FILE.read_text(encoding="utf-8")) == measure_fonts()


def test_render_file_returns_what_it_wrote(tmp_path):
    result = render_file(RIVERSIDE, tmp_path, ("html",), ReportOptions(sections=("cover",)))
    assert result.outputs == [str(tmp_path / "riverside-health-plan.html")]
    assert result.warnings == []


def test_a_temporary_file_left_by_a_killed_render_is_removed_by_the_next_render(tmp_path):
    left = tmp_path / ".riverside-health-plan.html.k1ll3d_x.tmp"  # a render killed mid-write
    left.write_text("<html")
    hour_ago = left.stat().st_mtime - 3600
    os.utime(left, (hour_ago, hour_ago))
    render_file(RIVERSIDE, tmp_path, ("html",), ReportOptions(sections=("cover",)))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["riverside-health-plan.html"]
