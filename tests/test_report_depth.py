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
    found = [p for p in pages if heading in p]
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
