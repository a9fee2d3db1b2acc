"""Rule selectors (ALL, a code, a code prefix, a rule's name): the one matcher,
used by the configuration and by inline suppressions. A selector and a rule each
give keys; a selector names a rule when they share one.
"""

from __future__ import annotations

from functools import cache

from modelh.check.rules import Rule, all_rules

Key = tuple[str, str]


def selector_keys(selector: str) -> list[Key]:
    """What a selector names: every rule (ALL), codes starting with it, or a rule's name."""
    s = selector.strip()
    if s.upper() == "ALL":
        return [("all", "")]
    return [("code", s.upper()), ("name", s.lower())]


def rule_keys(code: str, name: str) -> list[Key]:
    """The keys of every selector that names the rule ``code`` (``name``)."""
    return [("all", ""), *(("code", code[:i]) for i in range(1, len(code) + 1)), ("name", name)]


def matches(rule: Rule, selectors: tuple[str, ...] | list[str]) -> bool:
    """Whether any selector (ALL, a code, a code prefix, a name) names ``rule``."""
    keys = set(rule_keys(rule.code, rule.name))
    return any(key in keys for selector in selectors for key in selector_keys(selector))


@cache
def _all_rule_keys() -> frozenset[Key]:
    return frozenset(key for r in all_rules() for key in rule_keys(r.code, r.name))


def selector_known(selector: str) -> bool:
    """Whether ``selector`` names at least one rule."""
    return any(key in _all_rule_keys() for key in selector_keys(selector))
