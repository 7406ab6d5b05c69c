"""The policy a batch was decided under, summarised for a reader of the report.

The manifest keeps the policy file's text, comments and all: the report showed it raw, a
page of TOML with ``git archive`` commands and bench recipes that a trust-and-safety lead
cannot read. The summary gives what decides a comment: each attribute's hold and reject
thresholds, which languages have their own, what the rule lists do, and what happens to a
language no model reads. The raw text stays on the page, folded away. The summary is read
from the text alone (the report does not import the moderation package): a key it does
not know is left to the raw text, and text that is not TOML gives no summary.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from typing import Any

from threadguard.schema import ATTRIBUTES

#: The rule tables with an ``action``, as a reader would name them.
RULES = {
    "coded_hate": "Coded hate (known codes and dog whistles)",
    "threats": "Threats, calls for violence or expulsion, dehumanising language",
    "abusive_words": "Abusive words in the other covered languages",
    "contact_details": "Contact details and spam (phone numbers, e-mail, addresses)",
}


@dataclass(frozen=True)
class Threshold:
    """An attribute's scores at which a comment is held, and rejected (None: never)."""

    attribute: str
    hold: float | None
    reject: float | None


@dataclass(frozen=True)
class PolicySummary:
    """What decides a comment under a policy, in a reader's terms."""

    name: str
    thresholds: list[Threshold]
    #: Languages with thresholds of their own (ISO 639-1 codes).
    own_thresholds: list[str] = field(default_factory=list)
    #: (what the rule catches, the action it takes).
    rules: list[tuple[str, str]] = field(default_factory=list)
    supported: list[str] = field(default_factory=list)
    unsupported: str = ""
    screens_authors: bool = False


def _number(value: Any) -> float | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    return float(value) if ok else None


def _table(document: dict[str, Any], key: str) -> dict[str, Any]:
    value = document.get(key)
    return value if isinstance(value, dict) else {}


def summarize_policy(text: str | None) -> PolicySummary | None:
    """The summary of a policy document's text; None when it is not TOML."""
    if not text:
        return None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None
    limits = _table(document, "thresholds")
    thresholds = [
        Threshold(a, _number(limits[a].get("hold")), _number(limits[a].get("reject")))
        for a in ATTRIBUTES
        if isinstance(limits.get(a), dict)
    ]
    rules = [
        (label, str(_table(document, key).get("action")))
        for key, label in RULES.items()
        if _table(document, key).get("action")
    ]
    languages = _table(document, "languages")
    supported = languages.get("supported")
    return PolicySummary(
        name=str(document.get("name") or ""),
        thresholds=thresholds,
        own_thresholds=sorted(_table(languages, "thresholds")),
        rules=rules,
        supported=[str(c) for c in supported] if isinstance(supported, list) else [],
        unsupported=str(languages.get("unsupported") or ""),
        screens_authors=_table(document, "authors").get("screen") is True,
    )
