from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH407"


def test_fires_as_info_at_a_segment_with_a_stage_and_no_target():
    text = HEAD + "segments:\n  - id: caregivers\n    stage: interact\n"
    assert hits(text, CODE) == [
        (6, 5, "segment 'caregivers' is at interact but has no target_stage")
    ]
    (found,) = findings(text, CODE)
    assert found.severity == "info"
    assert found.fix.startswith("add 'target_stage: engage'")


def test_suggests_staying_at_the_last_stage():
    text = HEAD + "segments:\n  - id: physicians\n    stage: innovate\n    target_stage:\n"
    (found,) = findings(text, CODE)
    assert (found.line, found.column) == (8, 5)  # the empty key
    assert found.fix.startswith("add 'target_stage: innovate'")


def test_quiet_without_a_stage_or_with_a_target():
    text = HEAD + (
        "segments:\n"
        "  - {id: employers}\n"  # no stage: MH406's business
        "  - {id: members, stage: interact, target_stage: engage}\n"
        "  - {id: brokers, stage: engage, target_stage: engage}\n"
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
