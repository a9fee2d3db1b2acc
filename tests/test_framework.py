"""Tests for modelh.framework: the modelH method written as data."""

from __future__ import annotations

import ast
import dataclasses
import re
import sys
from pathlib import Path

import pytest

import modelh.framework as fw
from modelh.framework import vocab

FRAMEWORK_DIR = Path(fw.__file__).parent

_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def _sentences(text: str) -> int:
    """Count sentences by their closing punctuation (a period before a digit does not count)."""
    return len(_SENTENCE_END.findall(text))


def _all_guidance() -> list[tuple[str, fw.Guidance]]:
    """Every guidance record in the method, labelled by where it comes from."""
    items: list[tuple[str, fw.Guidance]] = []
    items += [(f"question:{q.id}", q.guidance) for q in fw.QUESTIONS]
    items += [(f"dimension:{d.id}", d.guidance) for d in fw.DIMENSIONS]
    items += [(f"domain:{d.id}", d.guidance) for d in fw.DOMAINS]
    items += [(f"stage:{s.id}", s.guidance) for s in fw.STAGES]
    items += [(f"coaching:{topic}", g) for topic, g in fw.COACHING.items()]
    return items


def _all_texts() -> list[str]:
    """Every piece of prose the framework ships, for house-style checks."""
    texts: list[str] = []

    def walk(obj: object) -> None:
        if isinstance(obj, str):
            texts.append(obj)
        elif dataclasses.is_dataclass(obj):
            for field in dataclasses.fields(obj):
                if field.name not in {"id", "domain", "tracks"}:
                    walk(getattr(obj, field.name))
        elif isinstance(obj, tuple | list):
            for item in obj:
                walk(item)

    for records in (fw.QUESTIONS, fw.DIMENSIONS, fw.DOMAINS, fw.STAGES):
        walk(records)
    for pairs in (fw.CX_CAPABILITIES, fw.CX_OFFICES, fw.MANAGEMENT_DISCIPLINES):
        walk(pairs)
    walk(fw.DIMENSION_CONSIDERATIONS)
    walk(tuple(fw.COACHING.values()))
    walk(tuple(fw.STAGE_WORK.values()))
    walk(fw.SHARED_EXECUTIVE_MEASURE_GROUPS)
    texts.append(fw.TRUST_INFLECTION_POINT)
    for records in (fw.CAPABILITIES, fw.CX_OFFICE_DETAILS, fw.SOURCES):
        walk(records)
    for pairs in (fw.TRUST_INFLECTION_NOTES, fw.JOURNEY_PRIORITIES, fw.MODELH_OWN):
        walk(pairs)
    walk(fw.PAYER_SYSTEMS_OF_RECORD)
    texts += [fw.CX_REACH_EVERY_OFFICE, fw.SYSTEMS_BEHIND_THE_SMILES, fw.JOURNEY_MAP]
    texts.append(fw.JOURNEY_START)
    return texts


GUIDANCE = _all_guidance()
GUIDANCE_IDS = [label for label, _ in GUIDANCE]


# --- public API ------------------------------------------------------------------------------

REQUIRED_NAMES = [
    "Guidance",
    "Question",
    "Dimension",
    "Indicator",
    "Domain",
    "Stage",
    "QUESTIONS",
    "DIMENSIONS",
    "DOMAINS",
    "STAGES",
    "INDICATORS",
    "CUSTOMER_INDICATOR_GROUPS",
    "TRUST_INFLECTION_POINT",
    "SHARED_EXECUTIVE_MEASURE_GROUPS",
    "CX_CAPABILITIES",
    "question",
    "dimension",
    "domain",
    "stage",
    "indicator",
    "stage_index",
]

VOCAB_NAMES = [n for n in vars(vocab) if n.isupper() and not n.startswith("_")]


@pytest.mark.parametrize("name", REQUIRED_NAMES)
def test_required_name_is_public(name: str) -> None:
    assert hasattr(fw, name)
    assert name in fw.__all__


@pytest.mark.parametrize("name", VOCAB_NAMES)
def test_vocab_is_reexported_unchanged(name: str) -> None:
    assert getattr(fw, name) is getattr(vocab, name)
    assert name in fw.__all__


def test_all_lists_only_existing_names() -> None:
    missing = [n for n in fw.__all__ if not hasattr(fw, n)]
    assert missing == []


def test_records_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        fw.QUESTIONS[0].title = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        fw.QUESTIONS[0].guidance.why = "changed"  # type: ignore[misc]


# --- questions -------------------------------------------------------------------------------


def test_questions_follow_vocab_order() -> None:
    assert tuple(q.id for q in fw.QUESTIONS) == vocab.QUESTION_IDS
    assert [q.number for q in fw.QUESTIONS] == list(range(1, len(vocab.QUESTION_IDS) + 1))
    assert len(fw.QUESTIONS) == 8


def test_only_expectations_and_influencers_are_per_segment() -> None:
    assert {q.id for q in fw.QUESTIONS if q.per_segment} == {"expectations", "influencers"}


def test_question_titles_and_texts() -> None:
    titles = [q.title for q in fw.QUESTIONS]
    assert len(set(titles)) == len(titles)
    for q in fw.QUESTIONS:
        assert 3 <= len(q.title) <= 40, q.id
        assert q.text.endswith("?"), q.id
        assert len(q.text) >= 40, q.id


def test_cost_question_title() -> None:
    assert fw.question("cost").title == "Relationship cost"


# --- dimensions ------------------------------------------------------------------------------


def test_dimensions_follow_vocab_order() -> None:
    assert tuple(d.id for d in fw.DIMENSIONS) == vocab.DIMENSION_IDS
    assert [d.number for d in fw.DIMENSIONS] == list(range(1, 8))


def test_dimension_names_summaries_and_examples() -> None:
    names = [d.name for d in fw.DIMENSIONS]
    assert len(set(names)) == len(names)
    for d in fw.DIMENSIONS:
        assert d.name.lower() == d.id, d.id
        assert _sentences(d.summary) == 1, d.id
        assert 3 <= len(d.examples) <= 5, d.id
        assert all(e.strip() for e in d.examples), d.id
        assert len(set(d.examples)) == len(d.examples), d.id
        # the method's own examples first, then modelh's, which are marked as its own
        own = len(d.own_examples)
        assert own < len(d.examples), d.id
        assert d.examples[len(d.examples) - own :] == d.own_examples, d.id


@pytest.mark.parametrize(
    "dimension_id", ["information", "navigation", "coordination", "transition"]
)
def test_dimensions_speak_of_the_customers_jobs_to_be_done(dimension_id: str) -> None:
    # the method defines these four by the customer's job-to-be-done
    assert re.search(r"jobs?-to-be-done", fw.dimension(dimension_id).summary)


def test_the_method_s_own_examples_are_not_marked_as_modelh_s() -> None:
    assert "personalized action plans" not in fw.dimension("navigation").own_examples
    assert "care-gap reminders" in fw.dimension("navigation").own_examples
    assert fw.dimension("coordination").own_examples == ()
    assert fw.dimension("monetization").examples[0] == "how the relationship itself is paid for"


# --- domains and indicators ------------------------------------------------------------------


def test_domains_follow_vocab_order() -> None:
    assert tuple(d.id for d in fw.DOMAINS) == vocab.DOMAIN_IDS
    assert [d.number for d in fw.DOMAINS] == list(range(1, 8))


@pytest.mark.parametrize("domain_id", vocab.DOMAIN_IDS)
def test_domain_indicators_match_catalog(domain_id: str) -> None:
    d = fw.domain(domain_id)
    assert tuple(i.id for i in d.indicators) == vocab.INDICATOR_IDS[domain_id]
    assert all(i.domain == domain_id for i in d.indicators)


def test_brand_and_people_are_pending_leadership() -> None:
    assert {d.id for d in fw.DOMAINS if d.pending_leadership} == {"brand", "people"}
    for d in fw.DOMAINS:
        assert d.pending_leadership == (not d.indicators), d.id


def test_indicators_index_covers_catalog_exactly() -> None:
    expected = [i for domain_id in vocab.DOMAIN_IDS for i in vocab.INDICATOR_IDS[domain_id]]
    assert list(fw.INDICATORS) == expected
    for indicator_id, ind in fw.INDICATORS.items():
        assert ind.id == indicator_id
        assert fw.indicator(indicator_id) is ind
        assert ind in fw.domain(ind.domain).indicators


def test_indicator_names_and_descriptions() -> None:
    names = [i.name for i in fw.INDICATORS.values()]
    assert len(set(names)) == len(names)
    for ind in fw.INDICATORS.values():
        assert ind.name.strip(), ind.id
        assert _sentences(ind.description) == 1, ind.id
        assert len(ind.description) >= 40, ind.id


def test_indicator_tracks_are_valid() -> None:
    for ind in fw.INDICATORS.values():
        assert ind.tracks is None or ind.tracks in vocab.MEASURE_TRACKS, ind.id


@pytest.mark.parametrize(
    ("indicator_id", "tracks"),
    [
        ("relationship-revenue", "revenue"),
        ("cost-to-serve", "cost"),
        ("cost-to-satisfy-by-channel", "cost"),
        ("cost-to-serve-ratio", "cost"),
    ],
)
def test_financial_indicator_tracks(indicator_id: str, tracks: str) -> None:
    assert fw.indicator(indicator_id).tracks == tracks


CUSTOMER_GROUP_TITLES = (
    "Single measures",
    "How well customers listen to you",
    "How easy you are to work with",
    "How customers feel about you",
)


def test_customer_groups_partition_customer_indicators() -> None:
    titles = tuple(title for title, _ in fw.CUSTOMER_INDICATOR_GROUPS)
    assert titles == CUSTOMER_GROUP_TITLES
    grouped = [i for _, ids in fw.CUSTOMER_INDICATOR_GROUPS for i in ids]
    assert len(grouped) == len(set(grouped))
    assert tuple(grouped) == vocab.INDICATOR_IDS["customer"]


def test_customer_group_membership() -> None:
    groups = dict(fw.CUSTOMER_INDICATOR_GROUPS)
    assert groups["How customers feel about you"] == ("quality-score", "likelihood-to-recommend")
    assert groups["How well customers listen to you"] == (
        "call-center",
        "compliance",
        "comprehension",
    )
    assert "csat" in groups["Single measures"]
    assert "kudos" in groups["How easy you are to work with"]


def test_indicator_group_field_matches_groups() -> None:
    group_of = {i: title for title, ids in fw.CUSTOMER_INDICATOR_GROUPS for i in ids}
    for ind in fw.INDICATORS.values():
        if ind.domain == "customer":
            assert ind.group == group_of[ind.id], ind.id
        else:
            assert ind.group is None, ind.id


def test_revenue_from_relationships_is_pending_leadership() -> None:
    # the method names no revenue indicator: what counts is agreed with leadership
    revenue = fw.indicator("relationship-revenue")
    assert revenue.pending_leadership
    assert "leadership" in revenue.description
    others = [i.id for i in fw.INDICATORS.values() if i.pending_leadership]
    assert others == ["relationship-revenue"]


def test_the_company_wide_measure_belongs_in_the_annual_performance_measures() -> None:
    assert "annual" in fw.indicator("company-wide-measure").description
    assert "annual company performance measures" in fw.domain("culture").guidance.good_answer


def test_shared_executive_measure_groups() -> None:
    groups = fw.SHARED_EXECUTIVE_MEASURE_GROUPS
    assert len(groups) == 3
    assert len(set(groups)) == 3
    assert all(g.strip() for g in groups)


# --- stages ----------------------------------------------------------------------------------


def test_stages_follow_vocab_order() -> None:
    assert tuple(s.id for s in fw.STAGES) == vocab.STAGE_IDS
    assert [s.number for s in fw.STAGES] == list(range(1, 6))
    for position, stage_id in enumerate(vocab.STAGE_IDS):
        assert fw.stage_index(stage_id) == position


@pytest.mark.parametrize(
    ("stage_id", "trust"),
    [
        ("communicate", "before"),
        ("interact", "before"),
        ("engage", "at"),
        ("collaborate", "past"),
        ("innovate", "past"),
    ],
)
def test_stage_trust(stage_id: str, trust: str) -> None:
    assert fw.stage(stage_id).trust == trust


def test_trust_inflection_stage_is_at_the_point() -> None:
    assert fw.stage(vocab.TRUST_INFLECTION_STAGE).trust == "at"
    assert all(s.trust in fw.TRUST_POSITIONS for s in fw.STAGES)


def test_stage_duties() -> None:
    for s in fw.STAGES:
        assert s.name.lower() == s.id
        assert 1 <= _sentences(s.duties) <= 2, s.id
        assert len(s.duties) >= 60, s.id


def test_trust_inflection_point_text() -> None:
    text = fw.TRUST_INFLECTION_POINT
    assert 2 <= _sentences(text) <= 3
    assert "Trust Inflection Point" in text
    assert "engage" in text


# --- guidance and prose ----------------------------------------------------------------------


@pytest.mark.parametrize(("label", "guidance"), GUIDANCE, ids=GUIDANCE_IDS)
def test_guidance_is_complete(label: str, guidance: fw.Guidance) -> None:
    assert 2 <= _sentences(guidance.why) <= 3, label
    assert 1 <= _sentences(guidance.good_answer) <= 3, label
    assert 1 <= _sentences(guidance.example) <= 3, label
    assert len(guidance.why) >= 120, label
    assert len(guidance.good_answer) >= 80, label
    assert len(guidance.example) >= 80, label
    for text in (guidance.why, guidance.good_answer, guidance.example):
        assert len(text) <= 450, label


def test_guidance_texts_are_distinct() -> None:
    for field in ("why", "good_answer", "example"):
        values = [getattr(g, field) for _, g in GUIDANCE]
        assert len(set(values)) == len(values), field


def test_the_stages_signs_and_consequences() -> None:
    notes = dict(fw.TRUST_INFLECTION_NOTES)
    assert "ask the company for recommendations" in notes["The sign"]
    assert "reward programs" in notes["Past the point"]
    assert "only past the point" in notes["Past the point"]
    assert "distrust" in notes["Skipping stages"] and "slide back" in notes["Skipping stages"]
    assert "every interaction" in notes["Preferences"]


def test_sources_are_credited_and_the_value_chain_is_not_modelh_s() -> None:
    credits = {s.id: s.credit for s in fw.SOURCES}
    assert credits["digital-strategy-yoga"] == "Digital Strategy Yoga"
    assert "West Monroe" in credits["bone-deep-cx"]
    assert "Haimberger" in credits["systems-behind-the-smiles"]
    assert "Customers for Life" in credits["systems-behind-the-smiles"]
    assert fw.credit_line("stages") == "Source: Digital Strategy Yoga."
    assert "modelH" not in fw.credit_line("stages")
    assert "modelH" in fw.credit_line("journeys") and "McKinsey" in fw.credit_line("journeys")
    assert "West Monroe" in fw.credit_line("cx")
    with pytest.raises(KeyError, match="nowhere"):
        fw.source("nowhere")


def test_modelh_s_own_readings_are_listed() -> None:
    own = dict(fw.MODELH_OWN)
    assert set(own) == {
        "Stage skipping",
        "Rating scales",
        "Touch priority",
        "Kinds",
        "Examples, scores and severities",
    }
    assert "two stages ahead" in own["Stage skipping"]


def test_the_offices_in_full() -> None:
    assert [o.id for o in fw.CX_OFFICE_DETAILS] == list(vocab.OFFICES)
    front, middle, back = fw.CX_OFFICE_DETAILS
    assert any("engagement architecture" in p and "campaign automation" in p for p in front.points)
    assert any("product design" in p for p in front.points)
    assert any("activating" in p for p in middle.points)
    assert any("pharmacy, clinical and payer" in p for p in middle.points)
    assert any("missing here" in p for p in middle.points)
    assert any("what is sold versus what can be serviced" in p for p in back.points)
    assert fw.office("middle") is middle
    assert [c.id for c in fw.CAPABILITIES] == list(vocab.CX_CAPABILITY_IDS)
    assert fw.capability("insights").name == "CX insights"
    with pytest.raises(KeyError):
        fw.office("basement")


def test_the_systems_behind_the_smiles() -> None:
    assert "40 and 60 percent" in fw.SYSTEMS_BEHIND_THE_SMILES
    assert fw.PAYER_SYSTEMS_OF_RECORD == (
        "care management",
        "claims",
        "recruiting",
        "member services",
        "compliance",
    )


def test_the_journey_map_is_the_first_cx_project() -> None:
    assert "first customer-experience project" in fw.JOURNEY_MAP
    assert "members and providers" in fw.JOURNEY_MAP
    rules = [rule for rule, _ in fw.JOURNEY_PRIORITIES]
    assert rules == ["Move the needle", "Digital before manual", "Journey time before features"]


def test_cx_capabilities() -> None:
    names = [name for name, _ in fw.CX_CAPABILITIES]
    assert names == ["CX strategy and design", "CX information management", "CX insights",
                     "CX delivery"]  # fmt: skip
    for name, summary in fw.CX_CAPABILITIES:
        assert _sentences(summary) == 1, name


def test_prose_house_style() -> None:
    british = re.compile(
        r"\b(organis|recognis|behaviour|colour|modelling|programme|centre|favour|prioritis)",
        re.IGNORECASE,
    )
    for text in _all_texts():
        assert text == text.strip(), text
        assert "  " not in text, text
        assert not british.search(text), text


# --- lookups ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lookup", [fw.question, fw.dimension, fw.domain, fw.stage, fw.indicator, fw.stage_index]
)
def test_lookups_reject_unknown_ids(lookup: object) -> None:
    with pytest.raises(KeyError, match="no-such-id"):
        lookup("no-such-id")  # type: ignore[operator]


def test_lookups_do_not_cross_kinds() -> None:
    with pytest.raises(KeyError):
        fw.question("information")
    with pytest.raises(KeyError):
        fw.dimension("cost")
    with pytest.raises(KeyError):
        fw.indicator("brand")


def test_lookup_error_lists_valid_ids() -> None:
    with pytest.raises(KeyError) as info:
        fw.stage("engaged")
    assert "engage" in str(info.value)
    assert "collaborate" in str(info.value)


# --- package hygiene -------------------------------------------------------------------------


def _framework_sources() -> list[Path]:
    return sorted(FRAMEWORK_DIR.glob("*.py"))


@pytest.mark.parametrize("path", _framework_sources(), ids=lambda p: p.name)
def test_framework_imports_only_stdlib_and_itself(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                assert node.level == 1, f"{path.name}: import reaches outside the package"
                continue
            modules = [node.module or ""]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        else:
            continue
        for module in modules:
            top = module.split(".")[0]
            assert top in sys.stdlib_module_names or top == "__future__", (
                f"{path.name} imports {module}"
            )


@pytest.mark.parametrize("path", _framework_sources(), ids=lambda p: p.name)
def test_framework_never_prints(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "print"
    ]
    assert calls == [], path.name
