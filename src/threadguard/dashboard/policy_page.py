"""The policy page's logic: a site's policy as a form, the form back as a policy
document, and the preview of what a draft would change.

The form edits what an admin tunes most: each attribute's hold and reject thresholds,
the watched words of each watchlist action, what coded hate does (hold, reject, flag or off, and
the lexicon's terms the site drops) and what threats, abusive words of the other languages
and contact details do (hold, reject, flag or off). Everything else in the site's stored document
(author rules, escalation, languages) is kept as it is. A draft is written as the site's
whole ``[thresholds]``, ``[watchlist]``, ``[coded_hate]``, ``[threats]``,
``[abusive_words]`` and ``[contact_details]`` (every attribute, every action), so what the form shows is exactly what
the site gets, whatever the server's base policy says. The draft is then read by the same strict parser as any upload
(:func:`threadguard.moderation.on_top`), whose errors name the bad key; nothing here
validates on its own.

Saved drafts are TOML (:func:`to_toml`), so the API's ``GET .../policy`` and the
history show a document a person can read.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from threadguard.dashboard.views import plain_text
from threadguard.moderation import Policy, PolicyError, on_top, parse_document
from threadguard.moderation.watchlist import WATCH_ACTIONS
from threadguard.schema import ATTRIBUTE_LABELS, ATTRIBUTES, Verdict
from threadguard.service.moderation import PolicyComparison

#: What each watchlist action does, as the form explains it.
WATCH_HELP = {
    "block": "Rejected outright.",
    "hold": "Held for a moderator.",
    "flag": "Named in the reasons; the decision is unchanged.",
    "censor": "Published with the words masked.",
}
#: What each coded-hate action does, as the form explains it.
CODED_HELP = {
    "hold": "Held for a moderator, the code and its meaning named.",
    "reject": "Rejected outright, the code and its meaning named.",
    "flag": "Named in the reasons; the decision is unchanged.",
    "off": "Not looked for: the scores alone decide.",
}
#: What each threats action does, as the form explains it.
THREAT_HELP = {
    **CODED_HELP,
    "hold": "Held for a moderator, the kind of threat and the phrase named.",
    "reject": "Rejected outright, the kind of threat and the phrase named.",
}
#: What each abusive-words action does, as the form explains it.
ABUSIVE_HELP = {
    **CODED_HELP,
    "hold": "Held for a moderator, the kind of word and the word named.",
    "reject": "Rejected outright, the kind of word and the word named.",
}
#: What each contact-details action does, as the form explains it.
CONTACT_HELP = {
    **CODED_HELP,
    "hold": "Held for a moderator, the kind of detail named.",
    "reject": "Rejected outright, the kind of detail named.",
}
#: How many comments a preview replays by default, and at most.
PREVIEW_DEFAULT = 500
PREVIEW_MAX = 5000
#: How many changed comments a preview shows.
EXAMPLES = 12
#: How much of a comment an example shows.
EXCERPT = 240
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class ThresholdRow:
    """One attribute's row of the form, with the values as typed ("" for none)."""

    attribute: str
    label: str
    hold: str
    reject: str


@dataclass(frozen=True)
class WatchField:
    """One watchlist action's patterns (one per line in its text box)."""

    action: str
    help: str
    patterns: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.patterns)


@dataclass(frozen=True)
class PolicyDraft:
    """What the form holds: thresholds, watched words, what coded hate, threats, abusive
    words and contact details do (an action None: a form without the field, which leaves
    that table alone)."""

    thresholds: tuple[ThresholdRow, ...]
    watchlist: tuple[WatchField, ...]
    coded_action: str | None = None
    coded_ignore: tuple[str, ...] = ()
    threat_action: str | None = None
    abusive_action: str | None = None
    contact_action: str | None = None

    @property
    def coded_ignore_text(self) -> str:
        return "\n".join(self.coded_ignore)

    def document(self, stored: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The site document this draft saves: ``stored`` (the site's current document,
        if any) with its thresholds and watchlist replaced by the draft's."""
        doc = dict(stored or {})
        # a blank field is "never" (false): the site's rule merges over the base's key by
        # key, and a left-out key would bring the base's value back
        doc["thresholds"] = {
            row.attribute: {
                key: _number(value) if value.strip() else False
                for key, value in (("hold", row.hold), ("reject", row.reject))
            }
            for row in self.thresholds
        }
        doc["watchlist"] = {w.action: list(w.patterns) for w in self.watchlist}
        if self.coded_action is not None:
            doc["coded_hate"] = {"action": self.coded_action, "ignore": list(self.coded_ignore)}
        if self.threat_action is not None:
            doc["threats"] = {"action": self.threat_action}
        if self.abusive_action is not None:
            doc["abusive_words"] = {"action": self.abusive_action}
        if self.contact_action is not None:
            doc["contact_details"] = {"action": self.contact_action}
        return doc


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _number(text: str) -> float | str:
    """A typed threshold as a number, or as typed when it is none (so the parser's
    message names the key and shows the value)."""
    try:
        value = float(text.strip())
    except ValueError:
        return text.strip()
    return value if math.isfinite(value) else text.strip()


def draft_of(policy: Policy) -> PolicyDraft:
    """The form's values for a site's effective policy."""
    rows = []
    for attribute in ATTRIBUTES:
        rule = policy.thresholds.get(attribute)
        rows.append(
            ThresholdRow(
                attribute,
                ATTRIBUTE_LABELS[attribute],
                _fmt(rule.hold if rule else None),
                _fmt(rule.reject if rule else None),
            )
        )
    watch = [
        WatchField(
            action,
            WATCH_HELP[action],
            tuple(r.pattern for r in policy.rules.watchlist if r.action == action),
        )
        for action in WATCH_ACTIONS
    ]
    return PolicyDraft(
        tuple(rows),
        tuple(watch),
        policy.rules.coded_action,
        tuple(sorted(policy.rules.coded_ignore)),
        policy.rules.threat_action,
        policy.rules.abusive_action,
        policy.rules.contact_action,
    )


@dataclass(frozen=True)
class LanguageOverride:
    """A language's own threshold for one attribute (``[languages.thresholds.xx]``): it
    applies to that language's comments in place of the form's, and the form does not
    edit it (it is shown read-only)."""

    language: str
    attribute: str
    label: str
    hold: str
    reject: str


def language_overrides(policy: Policy) -> tuple[LanguageOverride, ...]:
    """The policy's per-language thresholds, by language then attribute."""
    return tuple(
        LanguageOverride(
            language,
            attribute,
            ATTRIBUTE_LABELS.get(attribute, attribute),
            _fmt(rule.hold),
            _fmt(rule.reject),
        )
        for language, rules in sorted(policy.languages.thresholds.items())
        for attribute, rule in sorted(rules.items())
    )


def draft_from_form(get: Callable[[str], str]) -> PolicyDraft:
    """The draft a posted form holds (``get(name)``: a field's value, "" if absent).

    Fields: ``hold_<attribute>``, ``reject_<attribute>``, ``watch_<action>`` (one
    pattern per line; blank lines and repeats dropped), ``coded_action``,
    ``coded_ignore`` (one lexicon term per line), ``threat_action``, ``abusive_action`` and
    ``contact_action``.
    """
    rows = tuple(
        ThresholdRow(a, ATTRIBUTE_LABELS[a], get(f"hold_{a}").strip(), get(f"reject_{a}").strip())
        for a in ATTRIBUTES
    )
    watch = tuple(
        WatchField(action, WATCH_HELP[action], _lines(get(f"watch_{action}")))
        for action in WATCH_ACTIONS
    )
    action = get("coded_action").strip()
    threats = get("threat_action").strip()
    abusive = get("abusive_action").strip()
    contact = get("contact_action").strip()
    return PolicyDraft(
        rows,
        watch,
        action or None,
        _lines(get("coded_ignore")),
        threats or None,
        abusive or None,
        contact or None,
    )


def _lines(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


def stored_document(text: str | None, fmt: str | None, site: str) -> dict[str, Any]:
    """The site's stored document as a dict ({} when it has none, or it no longer reads)."""
    if text is None or fmt is None:
        return {}
    try:
        return parse_document(text, fmt, f"policy of site {site!r}")
    except PolicyError:
        return {}


@dataclass(frozen=True)
class CheckedDraft:
    """A draft read by the policy parser: its document's TOML and the policy it gives,
    or the parser's error."""

    text: str
    policy: Policy | None
    error: str | None


def check_draft(
    base: Policy, draft: PolicyDraft, stored: Mapping[str, Any], site: str
) -> CheckedDraft:
    """The draft as the site's next document, read on top of the server's ``base``."""
    text = to_toml(draft.document(stored))
    try:
        return CheckedDraft(text, on_top(base, text, "toml", site), None)
    except PolicyError as exc:
        return CheckedDraft(text, None, str(exc))


# ------------------------------------------------------------------------------ preview


@dataclass(frozen=True)
class Example:
    """A stored comment the draft decides differently."""

    comment_id: str
    excerpt: str
    author: str | None
    before: str
    after: str
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Preview:
    """What a draft would change on the last comments of the site."""

    compared: int
    current: dict[str, int]
    draft: dict[str, int]
    transitions: tuple[tuple[str, str, int], ...]
    examples: tuple[Example, ...]

    @property
    def changed(self) -> int:
        return sum(n for _, _, n in self.transitions)


def _rank(action: str) -> int:
    """How strict a verdict is (transitions are listed towards stricter first)."""
    return Verdict(action).severity


def preview_of(comparison: PolicyComparison, *, mask: bool = False) -> Preview:
    """The preview shown for a comparison of the current policy and a draft; ``mask``:
    the examples' swear words and slurs masked (the admin's reading setting, as on the
    queue's cards)."""
    moves = Counter((c.before, c.after) for c in comparison.changes)
    transitions = tuple(
        (a, b, n)
        for (a, b), n in sorted(
            moves.items(), key=lambda kv: (_rank(kv[0][1]) < _rank(kv[0][0]), -kv[1], kv[0])
        )
    )
    texts = [plain_text(c.text, mask=mask) for c in comparison.changes[:EXAMPLES]]
    examples = tuple(
        Example(
            c.comment_id,
            text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…",
            c.author,
            c.before,
            c.after,
            c.reasons,
        )
        for c, text in zip(comparison.changes[:EXAMPLES], texts, strict=True)
    )
    return Preview(
        comparison.compared, comparison.current, comparison.candidate, transitions, examples
    )


def preview_size(text: str) -> int:
    """How many comments to replay, from the form ("" or nonsense: the default)."""
    try:
        value = int(text.strip())
    except ValueError:
        return PREVIEW_DEFAULT
    return max(1, min(value, PREVIEW_MAX))


# ------------------------------------------------------------------------------ TOML


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    # A JSON string is a TOML basic string, but for DEL, which TOML wants escaped.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value if v is not None) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items() if v is not None)
        return "{ " + inner + " }" if inner else "{}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def to_toml(doc: Mapping[str, Any]) -> str:
    """A policy document (what :func:`parse_document` returns) as TOML text.

    Top-level values first, then one ``[table]`` per table, whose own tables are written
    inline (``toxicity = { hold = 0.7 }``, the policy's own style). JSON's ``null``,
    which TOML has not, is left out: the policy reads a missing value and a null alike.
    """
    head = [f"{_key(k)} = {_value(v)}" for k, v in doc.items() if not isinstance(v, dict | None)]
    tables = []
    for name, table in doc.items():
        if isinstance(table, dict):
            body = [f"{_key(k)} = {_value(v)}" for k, v in table.items() if v is not None]
            tables.append("\n".join([f"[{_key(name)}]", *body]))
    return "\n\n".join(part for part in ["\n".join(head), *tables] if part) + "\n"
