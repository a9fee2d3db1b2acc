from .util import HEAD, hits, worked_example_findings

CODE = "MH104"


def test_fires_for_each_segment_left_out_at_the_answer():
    text = HEAD + (
        "segments: [{id: members}, {id: employers}, {id: brokers}]\n"
        "customer_relationships:\n  answers:\n    influencers:\n"
        "      members: Their primary care physician and adult children.\n"
    )
    assert hits(text, CODE) == [
        (8, 5, "answer 'influencers' leaves out segment 'employers'"),
        (8, 5, "answer 'influencers' leaves out segment 'brokers'"),
    ]


def test_quiet_when_every_segment_is_answered_or_the_answer_is_one_text():
    text = HEAD + (
        "segments: [{id: members}]\n"
        "customer_relationships:\n  answers:\n    influencers: Physicians.\n"
        "    expectations: {members: Same-day call back.}\n"
    )
    assert hits(text, CODE) == []


def test_quiet_on_the_worked_example():
    assert worked_example_findings(CODE) == []
