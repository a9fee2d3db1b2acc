from .util import HEAD, findings, hits, worked_example_findings

CODE = "MH203"
CHANNELS = "channels:\n  - {id: access-center, kind: phone}\n  - {id: mychart, kind: digital}\n"


def test_fires_at_the_dimension_when_channels_are_missing():
    text = HEAD + CHANNELS + "customer_relationships:\n  dimensions:\n    navigation: {use: core}\n"
    assert hits(text, CODE) == [(10, 5, "dimension 'navigation' has no preferred channel")]


def test_fires_at_empty_channels_and_names_the_channels_to_choose_from():
    text = (
        HEAD
        + CHANNELS
        + (
            "customer_relationships:\n  dimensions:\n    navigation:\n"
            "      use: supporting\n      channels:\n"
        )
    )
    [found] = findings(text, CODE)
    assert (found.line, found.column, found.severity) == (12, 7, "warning")
    assert "access-center, mychart" in found.fix


def test_a_planned_dimension_gets_it_as_info():
    text = HEAD + "customer_relationships:\n  dimensions:\n    motivation: {use: planned}\n"
    [found] = findings(text, CODE)
    assert (found.line, found.column, found.severity) == (7, 5, "info")
    assert found.message == "dimension 'motivation' has no preferred channel"
    assert found.fix.startswith("define the channels under channels")


def test_quiet_with_a_channel_or_when_not_used():
    text = (
        HEAD
        + CHANNELS
        + (
            "customer_relationships:\n  dimensions:\n"
            "    navigation: {use: core, channels: [access-center]}\n"
            "    connection: {use: none, reason: Run by the county.}\n"
            "    transition: {owner: VP Care}\n"
        )
    )
    assert hits(text, CODE) == []


def test_worked_example_gets_no_warning():
    assert [f for f in worked_example_findings(CODE) if f.severity != "info"] == []
