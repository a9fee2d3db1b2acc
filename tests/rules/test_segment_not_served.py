from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH405"
SEGMENTS = "segments:\n  - {id: employers, role: buyer}\n  - id: members\n    role: user\n"
NONE_USED = "(the canvas uses no relationship dimension yet: none is core or supporting)"


def dimensions(text: str) -> str:
    return HEAD + SEGMENTS + "customer_relationships:\n  dimensions:\n" + text


def test_fires_at_the_segment_no_used_dimension_serves():
    text = dimensions(
        "    navigation: {use: core, segments: [members]}\n"
        "    monetization: {use: planned, segments: [employers]}\n"
        "    connection: {use: none, reason: No partner services yet.}\n"
    )
    assert hits(text, CODE) == [(6, 5, "no relationship dimension serves segment 'employers'")]
    assert findings(text, CODE)[0].fix == (
        "add 'employers' to the segments of a core or supporting dimension"
    )


def test_supporting_counts_and_no_segments_serves_every_segment():
    assert hits(dimensions("    information: {use: supporting}\n"), CODE) == []


def test_says_when_no_dimension_is_used_at_all():
    for text in (HEAD + SEGMENTS, dimensions("    motivation: {use: planned}\n")):
        assert hits(text, CODE) == [
            (6, 5, f"no relationship dimension serves segment 'employers' {NONE_USED}"),
            (7, 5, f"no relationship dimension serves segment 'members' {NONE_USED}"),
        ]


def test_quiet_when_every_segment_is_served():
    text = dimensions(
        "    navigation: {use: core, segments: [members]}\n"
        "    monetization: {use: supporting, segments: [employers]}\n"
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
