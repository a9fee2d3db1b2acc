"""Touch and journey priority: modelh's own score on the method's order, per touch and
per journey, in the library and in ``modelh check --format json``."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from modelh import parse_canvas
from modelh.canvas.priority import (
    FORMULA,
    MAX_SCORE,
    journey_priorities,
    priority_data,
    touch_priorities,
)
from modelh.cli.main import app

from .conftest import MINIMAL

CANVAS = (
    MINIMAL
    + """\
  kind: health-plan
segments:
  - {id: members, kind: member}
  - {id: practices, kind: provider}
channels:
  - {id: app, kind: digital}
  - {id: texts, kind: sms}
  - {id: care-line, kind: phone}
  - {id: fax, kind: other}
journeys:
  - id: home
    name: Home after a hospital stay
    segment: members
    time: {baseline: 9 days, current: 6 days, target: 2 days}
    touches:
      - {id: discharge-call, name: Discharge call, channel: care-line, pain: high, cost: medium,
         time: 2 days}
      - {id: refill-text, name: Refill reminder, channel: texts, pain: medium, cost: low,
         time: 1 day}
      - {name: Follow-up visit, channel: app, pain: low, time: 3 days}
  - id: prior-auth
    name: Getting a prior authorization
    segment: practices
    time: {current: 5 days, target: 6 days}
    touches:
      - {id: fax-request, name: Fax the request, channel: fax, pain: high, cost: high, time: 5 days}
      - {id: portal-status, name: Status in the portal, channel: app, pain: medium, cost: medium}
  - id: untimed
    name: Untimed
    segment: members
"""
)


def load():
    return parse_canvas(CANVAS, "c.yaml")


def test_each_touch_scores_needle_digital_and_time():
    by_touch = {t.touch: t for t in touch_priorities(load())}
    call = by_touch["discharge-call"]
    # pain high 3 + cost medium 2; manual; 2 days of 6, and the journey is above target
    assert (call.needle, call.digital, call.time_share, call.time_points) == (5, False, 0.33, 0.67)
    assert call.score == 5.67
    text = by_touch["refill-text"]  # 2 + 1, sms is digital, 1 day of 6
    assert (text.needle, text.digital, text.time_points, text.score) == (3, True, 0.33, 5.33)
    visit = by_touch["Follow-up visit"]  # a touch without an id goes by its name; cost not rated
    assert (visit.needle, visit.digital, visit.time_points, visit.score) == (1, True, 1.0, 4.0)


def test_time_counts_only_while_the_journey_is_slower_than_its_target():
    fax = {t.touch: t for t in touch_priorities(load())}["fax-request"]
    # the whole journey's time, but it is already under its 6-day target
    assert (fax.time_share, fax.time_points, fax.score) == (1.0, 0.0, 6.0)
    status = {t.touch: t for t in touch_priorities(load())}["portal-status"]
    assert (status.time_share, status.time_points, status.score) == (None, 0.0, 6.0)


def test_touches_are_ranked_across_journeys_ties_broken_by_needle_then_digital():
    ranked = [(t.rank, t.touch) for t in touch_priorities(load())]
    assert ranked == [
        (1, "fax-request"),  # 6.0, needle 6
        (2, "portal-status"),  # 6.0, needle 4
        (3, "discharge-call"),
        (4, "refill-text"),
        (5, "Follow-up visit"),
    ]


def test_each_journey_scores_its_highest_needle_digital_first_and_time_gap():
    journeys = {j.journey: j for j in journey_priorities(load())}
    home = journeys["home"]
    # highest needle 5; 2 of 3 touches digital; (6 - 2) / 6 of today's time to cut
    assert (home.needle, home.digital_first, home.time_gap, home.time_points) == (
        5,
        True,
        0.67,
        1.33,
    )
    assert home.score == 8.33
    assert home.progress == 0.43  # from 9 days to 6, of the way to 2
    auth = journeys["prior-auth"]
    assert (auth.needle, auth.digital_first, auth.time_gap, auth.score) == (6, True, 0.0, 8.0)
    assert auth.progress is None
    untimed = journeys["untimed"]
    assert (untimed.score, untimed.time_gap, untimed.digital_first, untimed.touches) == (
        0.0,
        None,
        False,
        (),
    )
    assert [(j.rank, j.journey) for j in journey_priorities(load())] == [
        (1, "home"),
        (2, "prior-auth"),
        (3, "untimed"),
    ]


def test_a_journey_lists_its_touches_by_priority():
    home = journey_priorities(load())[0]
    assert [t.touch for t in home.touches] == ["discharge-call", "refill-text", "Follow-up visit"]
    assert [t.position for t in home.touches] == [1, 2, 3]


def test_the_explanation_writes_the_sum_out():
    call = {t.touch: t for t in touch_priorities(load())}["discharge-call"]
    assert (
        call.why()
        == "pain high 3 + cost medium 2 + manual 0 + time 0.67 (33% of the journey) = 5.67"
    )
    visit = {t.touch: t for t in touch_priorities(load())}["Follow-up visit"]
    assert (
        visit.why() == "pain low 1 + cost not rated 0 + digital 2 + time 1 (50% of the journey) = 4"
    )
    home = journey_priorities(load())[0]
    assert home.why() == (
        "highest touch needle 5 + digital-first 2 + time 1.33 (67% of today's time to cut) = 8.33"
    )


def test_the_data_names_the_formula_and_every_part():
    data = priority_data(load())
    assert data["formula"] == FORMULA and data["max_score"] == MAX_SCORE == 10
    first = data["journeys"][0]
    assert first["journey"] == "home" and first["rank"] == 1
    assert first["touches"][0]["touch"] == "discharge-call"
    assert first["touches"][0]["path"] == "journeys[home].touches[discharge-call]"
    assert set(first["touches"][0]) >= {"score", "needle", "digital", "time_points", "why"}


def test_check_json_carries_the_priorities_per_file(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text(CANVAS, encoding="utf-8")
    broken = tmp_path / "broken.yaml"
    broken.write_text("modelh: 1\ncanvas: [\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--isolated", "-f", "json", str(tmp_path)])
    files = {f["file"].rsplit("/", 1)[-1]: f for f in json.loads(result.stdout)["files"]}
    journeys = files["c.yaml"]["priority"]["journeys"]
    assert [j["journey"] for j in journeys] == ["home", "prior-auth", "untimed"]
    assert journeys[0]["touches"][0]["why"].endswith("= 5.67")
    assert files["broken.yaml"]["priority"] is None  # a canvas that does not load has none
