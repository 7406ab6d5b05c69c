"""The policy page's logic: a site's policy as a form, the form back as a policy
document, and the preview of what a draft would change.

The form edits what an admin tunes most: each attribute's hold and reject thresholds,
the watched words of each watchlist action, what coded hate does (hold, reject, flag or off, and
the lexicon's terms the site drops) and what threats, abusive words of the other languages
and contact details do (hold, reject, flag or off). Everything else in the site's stored document
(author rules, escalation, languages) is kept as it is. A draft's values are written as the
site's own only where it differs from the server's base policy: a field left at the base's
value is not written (and dropped from the site's document if it was there), so a later
change of the base policy (``serve --policy``) reaches every value the site has not
changed; the page marks each field as the site's own or inherited. The draft is then read by the same strict parser as any upload
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

    def document(
        self, stored: Mapping[str, Any] | None = None, base: PolicyDraft | None = None
    ) -> dict[str, Any]:
        """The site document this draft saves: ``stored`` (the site's current document,
        if any) with the form's fields written only where they differ from ``base`` (the
        server's policy as the form shows it; None: every field written). A field equal to
        the base's is left out, also when the stored document had it, so a later change
        of the server's policy reaches the site; the rest of ``stored`` is kept."""
        doc = dict(stored or {})
        shown = base or _NOTHING
        thresholds = {attr: dict(rule) for attr, rule in _table_of(doc, "thresholds").items()}
        inherited = {row.attribute: row for row in shown.thresholds}
        for row in self.thresholds:
            rule = {
                k: v
                for k, v in thresholds.pop(row.attribute, {}).items()
                if k not in ("hold", "reject")
            }
            was = inherited.get(row.attribute)
            for key, typed, base_value in (
                ("hold", row.hold, was.hold if was else None),
                ("reject", row.reject, was.reject if was else None),
            ):
                # a blank field is "never" (false): the site's rule merges over the base's
                # key by key, and a left-out key brings the base's value back
                value = _number(typed) if typed.strip() else False
                if not _same_threshold(value, base_value):
                    rule[key] = value
            if rule:
                thresholds[row.attribute] = rule
        _put(doc, "thresholds", thresholds)
        watch = _table_of(doc, "watchlist")
        base_watch = {w.action: set(w.patterns) for w in shown.watchlist}
        for w in self.watchlist:
            watch.pop(w.action, None)
            if set(w.patterns) != base_watch.get(w.action):
                watch[w.action] = list(w.patterns)
        _put(doc, "watchlist", watch)
        if self.coded_action is not None:
            ignore = {t.lower() for t in self.coded_ignore}
            _rule(
                doc,
                "coded_hate",
                self.coded_action,
                shown.coded_action,
                {"ignore": list(self.coded_ignore)}
                if base is None or ignore != {t.lower() for t in shown.coded_ignore}
                else {},
            )
        for table, action, base_action in (
            ("threats", self.threat_action, shown.threat_action),
            ("abusive_words", self.abusive_action, shown.abusive_action),
            ("contact_details", self.contact_action, shown.contact_action),
        ):
            if action is not None:
                _rule(doc, table, action, base_action, {})
        return doc


def _table_of(doc: Mapping[str, Any], name: str) -> dict[str, Any]:
    table = doc.get(name)
    return dict(table) if isinstance(table, dict) else {}


def _put(doc: dict[str, Any], name: str, table: dict[str, Any]) -> None:
    """Set the document's table ``name``, or leave it out when empty (an empty table says
    nothing, and for a rule's table it would turn the rule on)."""
    if table:
        doc[name] = table
    else:
        doc.pop(name, None)


def _rule(
    doc: dict[str, Any], name: str, action: str, base_action: str | None, extra: dict[str, Any]
) -> None:
    """A rule's table (``[threats]``, ...): its action only when it differs from the base's,
    but always when the table has other keys (a table without an action holds)."""
    table = {k: v for k, v in _table_of(doc, name).items() if k not in ("action", "ignore")}
    table.update(extra)
    if action != base_action or table:
        table["action"] = action
    _put(doc, name, table)


def _same_threshold(value: float | str | bool, base: str | None) -> bool:
    """Whether a typed threshold (a number, False for none, or text the parser will
    refuse) is the base policy's (``base``: the form's text for it; None: every field is
    written)."""
    if base is None or isinstance(value, str):
        return False
    if value is False:
        return base == ""
    return base != "" and float(base) == value


#: The draft against which every field differs (``document`` without a base).
_NOTHING = PolicyDraft((), ())


def own_fields(stored: Mapping[str, Any]) -> frozenset[str]:
    """The form's fields the site's stored document sets (its own values; the others are
    inherited from the server's policy): ``hold_toxicity``, ``watch_block``,
    ``coded_action``, ``threat_action``, ..."""
    own: set[str] = set()
    for attr, rule in _table_of(stored, "thresholds").items():
        if isinstance(rule, dict):
            keys = ("hold", "reject") if not rule else [k for k in ("hold", "reject") if k in rule]
            own.update(f"{k}_{attr}" for k in keys)
    own.update(f"watch_{action}" for action in _table_of(stored, "watchlist"))
    coded = stored.get("coded_hate")
    if isinstance(coded, dict):
        own.update(f"coded_{k}" for k in ("action", "ignore") if k in coded)
        if "action" not in coded:
            own.add("coded_action")
    for table, field in (
        ("threats", "threat_action"),
        ("abusive_words", "abusive_action"),
        ("contact_details", "contact_action"),
    ):
        if isinstance(stored.get(table), dict):
            own.add(field)
    return frozenset(own)


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
    text = to_toml(draft.document(stored, draft_of(base)))
    if not text.strip():
        text = "# Nothing of the site's own: every value is the server's policy's.\n"
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
    #: Of the comments compared, those a moderator decided: no policy changes them, so
    #: they are in neither count nor among the changes (``db rescore`` keeps them too).
    moderator_kept: int = 0

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
        comparison.compared,
        comparison.current,
        comparison.candidate,
        transitions,
        examples,
        comparison.moderator_kept,
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
