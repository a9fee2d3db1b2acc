"""The report's pages for the method's depth: the segment x dimension mix, each
segment's trajectory and destination, the journey map with its priority list, and
bone-deep CX with the systems behind the smiles; and the credits to each source.

The canvas here is made for these tests (the example canvases may or may not have
journeys). Its PDF is rendered once for the module and read back with pypdf.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from modelh import load_canvas
from modelh.report.context import build_context
from modelh.report.render import REPORT_SECTION_IDS, ReportOptions, render_html

from .test_report import visible_text

pypdf = pytest.importorskip("pypdf")

DEPTH = """\
modelh: 1
canvas:
  title: Relationship model 2027
  organization: Harbor Health Plan
  kind: health-plan
segments:
  - id: members
    name: Medicare members
    role: user
    kind: member
    stage: interact
    target_stage: engage
    trajectory: Aging in place; one in five will need a caregiver within three years
    destination: Managing their own care plan with the care guide as coach
  - id: caregivers
    name: Family caregivers
    role: user
    kind: caregiver
    stage: communicate
    target_stage: interact
  - id: employers
    name: Employer groups
    role: buyer
    kind: employer
    stage: engage
    trajectory: Moving retirees into group Medicare Advantage
  - id: clinics
    name: Network clinics
    role: user
    kind: provider
    stage: interact
channels:
  - id: member-app
    name: Member app
    kind: digital
  - id: care-line
    name: Care guide line
    kind: phone
  - id: texts
    name: Text reminders
    kind: sms
  - id: plan-mail
    name: Plan mail
    kind: mail
  - id: portal
    name: Provider portal
    kind: digital
customer_relationships:
  answers:
    cost: One care navigator per 400 members, paid from the care management budget.
  dimensions:
    information:
      use: supporting
      segments: [members, employers]
    navigation:
      use: core
      segments:
        members: core
        caregivers: supporting
        employers: none
        clinics: planned
    coordination:
      use: core
    connection:
      use: none
      reason: Caregiver support runs through a partner.
journeys:
  - id: home-after-discharge
    name: Home after a hospital stay
    segment: members
    job: Get home and stay home
    time:
      baseline: 9 days
      current: 6 days
      target: 2 days
      due: "2027-06"
    owner: Care management
    touches:
      - id: discharge-call
        name: Discharge call from the care guide
        channel: care-line
        office: middle
        dimension: coordination
        pain: high
        cost: medium
        time: 2 days
      - id: app-check-in
        name: App check-in on medicines
        channel: member-app
        office: front
        dimension: coordination
        pain: high
        cost: low
        time: 1.5 hours
      - id: claims-letter
        name: Claim letter for the stay
        channel: plan-mail
        office: back
        dimension: information
        pain: medium
        cost: high
        time: 3 days
      - id: refill-text
        name: Refill reminder by text
        channel: texts
        office: front
        pain: low
        cost: low
        time: 30 minutes
  - id: new-clinic
    name: Joining the network
    segment: clinics
    touches:
      - name: Credentialing call
        channel: care-line
        office: back
        pain: high
        cost: high
      - name: Credentialing packet
        channel: portal
        office: back
        pain: high
        cost: high
cx:
  capabilities:
    strategy-design: {front: established, middle: partial, back: absent}
    information-management: {front: partial, middle: absent, back: partial}
    insights: {front: partial}
    delivery: {front: established, middle: partial, back: partial}
  systems:
    - id: claims
      name: Claims platform
      kind: claims
      office: back
      serves: [coordination, monetization]
      data_governance: partial
      pain: high
    - id: care-mgmt
      name: Care management record
      kind: care-management
      office: middle
      serves: [navigation]
      data_governance: established
      pain: low
"""


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def depth(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("depth") / "harbor.yaml"
    path.write_text(DEPTH, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def pages(depth) -> list[str]:
    from modelh.report.render import render_pdf

    data = render_pdf(load_canvas(depth), ReportOptions(sections=REPORT_SECTION_IDS))
    return [squash(p.extract_text()) for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def page_with(pages: list[str], heading: str) -> str:
    """The first page showing ``heading``, past the summary and the contents, which
    name every section."""
    found = [
        p for p in pages if heading in p and not re.search(r"Executive summary|Contents", p[:80])
    ]
    assert found, f"no page shows {heading!r}"
    return found[0]


# ---------------------------------------------------------------------------
# The segment x dimension mix

#: The degree of each dimension for each segment, in the dimensions' order
#: (information, navigation, coordination, connection, transition, motivation,
#: monetization), as the report words them.
MIX = {
    "Medicare members": ["Supporting", "Core", "Core", "Not used"] + ["Not considered"] * 3,
    "Family caregivers": ["Not used", "Supporting", "Core", "Not used"] + ["Not considered"] * 3,
    "Employer groups": ["Supporting", "Not used", "Core", "Not used"] + ["Not considered"] * 3,
    "Network clinics": ["Not used", "Planned", "Core", "Not used"] + ["Not considered"] * 3,
}


def test_the_mix_matrix_shows_each_segments_degree_of_each_dimension(depth, tmp_path):
    document = render_html(load_canvas(depth), ReportOptions(sections=("dimensions",)))
    table = document.split('class="matrix mix"')[1].split("</table>")[0]
    for segment, degrees in MIX.items():
        row = table.split(f'<td class="segment">{segment}')[1].split("</tr>")[0]
        assert re.findall(r'<span class="word">([^<]+)</span>', row) == degrees
        # each degree has its own mark shape, not only its word (greyscale-safe)
        assert re.findall(r'<td class="degree ([\w-]+)">', row) == [
            {"Not used": "none", "Not considered": "not-considered"}.get(d, d.lower())
            for d in degrees
        ]
    # one bar per dimension no longer stands for every segment ...
    assert "How strongly each dimension is used" not in document
    # ... but it is the chart of a canvas without segments
    bare = tmp_path / "bare.yaml"
    bare.write_text(
        "modelh: 1\ncanvas:\n  title: T\n  organization: O\n"
        "customer_relationships:\n  dimensions:\n    navigation:\n      use: core\n"
    )
    document = render_html(load_canvas(bare), ReportOptions(sections=("dimensions",)))
    assert "How strongly each dimension is used" in document
    assert "matrix mix" not in document


def test_the_pdf_reads_the_mix_matrix_cells_back(pages):
    page = page_with(pages, "Each segment's mix of the seven dimensions")
    roles = {"Employer groups": "Buyer"}
    for segment, degrees in MIX.items():
        assert f"{segment} {roles.get(segment, 'User')} {' '.join(degrees)}" in page
    overall = ["Supporting", "Core", "Core", "Not used"] + ["Not considered"] * 3
    assert f"The model as a whole its use of each dimension {' '.join(overall)}" in page


# ---------------------------------------------------------------------------
# Each segment's trajectory and destination beside its value-chain position


def test_each_segment_card_shows_its_trajectory_and_destination(depth):
    document = render_html(load_canvas(depth), ReportOptions(sections=("value-chain",)))
    members = visible_text(document.split('id="segment-members"')[1].split("segment-card")[0])
    assert "Interact → Engage" in members  # the position, and beside it:
    assert "Trajectory: where they are heading Aging in place; one in five" in members
    assert "Destination: where the model means them to end up Managing their own" in members
    employers = visible_text(document.split('id="segment-employers"')[1].split("segment-card")[0])
    assert "Moving retirees into group Medicare Advantage" in employers
    assert "end up Not stated yet." in employers  # a gap, shown as one


def test_the_pdf_shows_a_segments_course_under_its_position(pages):
    page = page_with(pages, "Aging in place").lower()  # headings are set in capitals
    card = page.split("medicare members user · interact → engage")[1]
    assert card.startswith(
        " · before the trust inflection point trajectory: where they are heading aging in place"
    )
    assert "destination: where the model means them to end up managing their own care" in card


# ---------------------------------------------------------------------------
# The journey map

#: The first journey's touches in order: name, lane (front 0, middle 1, back 2),
#: digital or manual, pain.
TOUCHES = [
    ("Discharge call from the care guide", 1, "manual", "high"),
    ("App check-in on medicines", 0, "digital", "high"),
    ("Claim letter for the stay", 2, "manual", "medium"),
    ("Refill reminder by text", 0, "digital", "low"),
]


def journey_html(document: str, journey: str) -> str:
    return document.split(f'id="journey-{journey}"')[1].split("</article>")[0]


def test_the_journey_map_draws_the_touches_in_order_in_their_office_lanes(depth):
    document = render_html(load_canvas(depth), ReportOptions(sections=("journeys",)))
    journey = journey_html(document, "home-after-discharge")
    lanes = re.findall(r'<th class="lane[^"]*">([^<]+)</th>', journey)
    assert lanes == ["Front office", "Middle office", "Back office"]
    rows = journey.split("<tbody>")[1].split("</tbody>")[0].split("<tr>")[1:]
    assert len(rows) == len(TOUCHES)
    for row, (name, lane, mode, pain) in zip(rows, TOUCHES, strict=True):
        cells = row.split('<td class="lane')[1:]
        assert [i for i, c in enumerate(cells) if 'class="touch' in c] == [lane]
        assert f'class="touch {mode} pain-{pain}"' in cells[lane] and name in cells[lane]
    # along a time axis: each touch's time and the time so far
    assert "1.5 hours" in rows[1] and "2.1 days so far" in rows[1]
    assert "Pain high · cost medium" in visible_text(rows[0])


def test_the_priority_list_ranks_by_modelhs_priority_score(depth):
    document = render_html(load_canvas(depth), ReportOptions(sections=("journeys",)))
    ranked = re.findall(r'<span class="pname">([^<]+)</span>', journey_html(document, "new-clinic"))
    # the same pain and cost: the digital packet before the call that came first
    assert ranked == ["Credentialing packet", "Credentialing call"]
    first = journey_html(document, "home-after-discharge")
    # the journey takes 6 days against a target of 2: a touch's share of it counts
    assert re.findall(r'<span class="pname">([^<]+)</span>', first) == [
        "App check-in on medicines",  # pain 3 + cost 1 + digital 2 + 0.02 (1.5 h of 6 days)
        "Claim letter for the stay",  # pain 2 + cost 3 + manual 0 + 1 (3 days of 6)
        "Discharge call from the care guide",  # 3 + 2 + 0 + 0.67 (2 days of 6)
        "Refill reminder by text",  # 1 + 1 + 2 + 0.01
    ]
    assert re.findall(r"([0-9.]+)/10 · step", first) == ["6", "6", "5.7", "4"]


def test_the_pdf_reads_the_journeys_touches_back_in_order(pages):
    page = page_with(pages, "Home after a hospital stay")
    where = [page.index(name) for name, *_ in TOUCHES]
    assert where == sorted(where)
    assert "1 2 days 2 days so far Discharge call from the care guide Manual · Care guide line" in (
        page
    )
    assert "Pain high · cost medium · Coordination 2 1.5 hours 2.1 days so far App check-in" in page
    priority = page.split("Home after a hospital stay")[1].split("Priority")[1]
    assert priority.startswith(
        " 1 App check-in on medicines 6/10 · step 2 · pain high · cost low · digital"
        " 2 Claim letter for the stay 6/10 · step 3 · pain medium · cost high · manual"
    )


# ---------------------------------------------------------------------------
# Bone-deep CX and the systems behind the smiles

GRID = {
    "CX strategy and design": ["Established", "Partial", "Absent"],
    "CX information management": ["Partial", "Absent", "Partial"],
    "CX insights": ["Partial", "Not assessed", "Not assessed"],
    "CX delivery": ["Established", "Partial", "Partial"],
}


def test_the_cx_grid_shows_each_capabilitys_reach_into_each_office(depth):
    document = render_html(load_canvas(depth), ReportOptions(sections=("cx",)))
    grid = document.split('class="matrix reach"')[1].split("</table>")[0]
    heads = re.findall(r"<th>([^<]+)</th>", grid)
    assert heads == ["Front office", "Middle office", "Back office"]
    for capability, reach in GRID.items():
        row = grid.split(capability)[1].split("</tr>")[0]
        assert re.findall(r'<span class="word">([^<]+)</span>', row) == reach
    # the journey map's touches by office: front 2 (1 of high pain), middle 1 (1), back 3 (2)
    counts = grid.split("<tfoot>")[1]
    assert re.findall(r'<td class="count">(\d+)<span class="word">(\d+) of high pain', counts) == [
        ("2", "1"),
        ("1", "1"),
        ("3", "2"),
    ]
    systems = visible_text(document.split('id="cx-systems"')[1])
    assert (
        "Claims platform Claims · Back office Dissatisfaction high · data governance partial"
        " Serves Coordination, Monetization"
    ) in systems


def test_the_pdf_reads_the_cx_grid_and_the_systems_back(pages):
    page = page_with(pages, "Capabilities across the offices")
    for capability, reach in GRID.items():
        assert re.search(re.escape(capability) + r" .*? " + " ".join(reach), page), capability
    order = [page.index(capability) for capability in GRID]
    assert order == sorted(order)
    assert "The systems behind the smiles Claims platform Claims · Back office" in page
    assert (
        "Care management record Care management · Middle office Dissatisfaction low"
        " · data governance established Serves Navigation"
    ) in page


# ---------------------------------------------------------------------------
# A section with nothing to show adds no page


def test_without_journeys_or_cx_their_pages_are_left_out_and_numbers_run_on(tmp_path):
    path = tmp_path / "plain.yaml"
    path.write_text(DEPTH.split("journeys:")[0], encoding="utf-8")
    canvas = load_canvas(path)
    context = build_context(canvas)
    shown = [s["id"] for s in context["sections"]]
    assert "journeys" not in shown and "cx" not in shown
    assert [s["number"] for s in context["sections"]] == list(range(len(shown)))
    html = render_html(canvas)
    headings = re.findall(r"<h[12][^>]*>([^<]*)</h[12]>", html)
    assert "The seven relationship dimensions" in headings  # the pages' titles, read
    assert not any("The journey map" in h or "Bone-deep" in h for h in headings)
    # asked for alone, the page says there is nothing yet rather than being blank
    alone = render_html(canvas, ReportOptions(sections=("journeys",)))
    assert "No journey mapped yet." in visible_text(alone)


def test_with_journeys_and_cx_their_pages_follow_the_value_chain(depth):
    context = build_context(load_canvas(depth))
    shown = [s["id"] for s in context["sections"]]
    assert shown[shown.index("value-chain") :] == ["value-chain", "journeys", "cx", "open", "gaps"]


# ---------------------------------------------------------------------------
# Credits: each page names the source of its ideas


@pytest.mark.parametrize(
    ("heading", "credit"),
    [
        ("The canvas", "Canvas: modelH"),
        ("The eight relationship questions", "questions are modelH's"),
        ("Each segment's mix of the seven dimensions", "dimensions are modelH's"),
        (
            "Where each segment stands",
            "the customer value chain and the Trust Inflection Point come from "
            "Digital Strategy Yoga",
        ),
        ("Home after a hospital stay", "the journey map as the first customer-experience"),
        ("Capabilities across the offices", "bone-deep CX, the four capabilities across"),
        ("Capabilities across the offices", "the systems behind the smiles from Fritz Haimberger"),
    ],
)
def test_each_page_credits_the_source_of_its_ideas(pages, heading, credit):
    assert credit in page_with(pages, heading)


def test_what_modelh_adds_is_marked_as_its_own(pages):
    assert "the pain and cost scale and the priority order are modelh's own" in page_with(
        pages, "Home after a hospital stay"
    )
    assert "West Monroe" in page_with(pages, "Capabilities across the offices")


def test_journey_and_system_texts_are_escaped(tmp_path):
    path = tmp_path / "markup.yaml"
    text = DEPTH.replace("name: App check-in on medicines", "name: '<img src=x onerror=alert(1)>'")
    text = text.replace("name: Claims platform", "name: '</td><script>alert(2)</script>'")
    path.write_text(text, encoding="utf-8")
    document = render_html(load_canvas(path), ReportOptions(sections=("journeys", "cx")))
    assert "<img src=x" not in document and "<script>" not in document
    assert "&lt;img src=x onerror=alert(1)&gt;" in document
    assert "&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in document
