from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH406"


def test_fires_at_the_segment_or_its_empty_stage():
    text = HEAD + (
        "segments:\n"
        "  - id: employers\n"
        "    role: buyer\n"
        "  - id: members\n"
        "    stage:\n"
        "    target_stage: interact\n"
    )
    assert hits(text, CODE) == [
        (
            6,
            5,
            "segment 'employers' has no stage: where it stands in the value chain today is not set",
        ),
        (
            9,
            5,
            "segment 'members' has no stage: where it stands in the value chain today is not set",
        ),
    ]
    assert findings(text, CODE)[0].fix.endswith(
        "communicate, interact, engage, collaborate or innovate"
    )


def test_quiet_when_the_stage_is_set():
    assert hits(HEAD + "segments: [{id: employers, stage: communicate}]\n", CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
