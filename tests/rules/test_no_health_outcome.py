from ..conftest import ROOT
from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH309"


def canvas(*measures):
    return (
        HEAD + "customer_relationships:\n  measures:\n" + "".join(f"    - {m}\n" for m in measures)
    )


def test_fires_once_at_measures():
    text = canvas(
        "{id: nps, tracks: experience}",
        "{id: cost-to-serve-pmpm, tracks: cost}",
        "{id: old-a1c, tracks: health, status: retired}",
    )
    assert hits(text, CODE) == [(6, 3, "no measure tracks a health outcome")]


def test_quiet_with_a_health_measure_even_pending():
    assert hits(canvas("{id: a1c, tracks: health, status: pending-leadership}"), CODE) == []


def test_quiet_on_the_worked_example_and_the_other_examples():
    assert worked_example_findings(CODE) == []
    for name in ("lakeshore-medical-group.yaml", "tidewell-cardiometabolic.yaml"):
        assert findings((ROOT / "canvases" / name).read_text("utf-8"), CODE) == []
