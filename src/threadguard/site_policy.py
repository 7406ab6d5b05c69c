"""Site rules on top of the score thresholds: watched words, new, trusted and repeat authors.

:mod:`threadguard.policy` decides from scores alone. Sites also want rules a model cannot
know: words they never publish (or publish masked), commenters they have not seen
before, regulars they trust, and people who keep getting rejected. These rules live in
the same policy document, in tables the core parser ignores, so one TOML file (or one
``PUT /api/v1/sites/{site}/policy``) says everything about a site::

    [watchlist]                      # matched on normalised text: f.u.c.k and fuuuck count
    block  = ["kill all *"]          # reject
    hold   = ["idiot*"]              # hold for a moderator
    flag   = ["moron"]               # a reason only; the decision is unchanged
    censor = ["fuck*", "sh*t"]       # publish with the match masked

    [authors]
    premoderate_first = 2            # an author's first N comments are held
    trusted = ["editor_jane"]        # never held for low-severity reasons
    low_severity = ["toxicity", "insult", "profanity"]

    [escalation]                     # repeat offenders: hold everything they write
    rejections = 3
    days = 30

Everything here is a pure function of the rules, the scores, the text and what is known
about the author, so the service can replay a candidate policy over stored comments
(dry runs) exactly as it would decide live.

Patterns: ``*`` inside a word matches any letters (``fuck*``: fucker, fucking); a ``*``
standing alone matches one whole word (``kill all *``); patterns match whole words
unless they start or end with ``*``; words may be separated by any punctuation. Text is
matched after :func:`threadguard.normalize.normalize`, and each pattern letter also
matches a run of itself, so separators, look-alike letters, leetspeak and stretched
letters do not hide a word; match offsets are mapped back to the original text for
censoring. Known gap: a masked spelling (``f*ck``) is not matched by ``fuck``.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from threadguard.analysis import Analysis, Decision
from threadguard.normalize import normalize, normalize_text
from threadguard.policy import ACTIONS, Policy, PolicyError, parse_policy
from threadguard.schema import ATTRIBUTES

WATCH_ACTIONS = ("block", "hold", "flag", "censor")
#: What each watchlist action does to the decision (None: leaves it as it is).
_WATCH_EFFECT = {"block": "reject", "hold": "hold", "flag": None, "censor": None}
DEFAULT_LOW_SEVERITY = ("toxicity", "insult", "profanity")
_SEVERITY = {a: i for i, a in enumerate(ACTIONS)}
_EXTRA_TABLES = ("watchlist", "escalation")
_AUTHOR_KEYS = {"screen", "premoderate_first", "trusted", "low_severity"}


@dataclass(frozen=True)
class WatchRule:
    """One watched word or phrase, its action and its compiled matcher."""

    pattern: str
    action: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class SiteRules:
    """The site tables of a policy document, validated."""

    watchlist: tuple[WatchRule, ...] = ()
    premoderate_first: int = 0
    trusted: frozenset[str] = frozenset()
    low_severity: frozenset[str] = frozenset(DEFAULT_LOW_SEVERITY)
    escalation_rejections: int = 0
    escalation_days: int = 30


@dataclass(frozen=True)
class AuthorContext:
    """What is known about a comment's author when it arrives.

    ``prior_comments`` counts the author's earlier comments on the site (0 for a first
    comment); ``recent_rejections`` their rejected comments in the escalation window.
    """

    name: str
    prior_comments: int = 0
    recent_rejections: int = 0
    banned: bool = False
    trusted: bool = False


@dataclass(frozen=True)
class WatchMatch:
    """A watched pattern found in a comment, with its offsets in the original text."""

    pattern: str
    action: str
    begin: int
    end: int
    in_author: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "pattern": self.pattern,
            "action": self.action,
            "begin": self.begin,
            "end": self.end,
        }
        if self.in_author:
            out["in"] = "author"
        return out


@dataclass(frozen=True)
class SiteOutcome:
    """The final decision, the watchlist matches behind it, and the censored text if any."""

    decision: Decision
    matches: tuple[WatchMatch, ...] = ()
    censored_text: str | None = None

    def details(self) -> dict[str, Any] | None:
        """What to store beside the decision (None when the site rules found nothing)."""
        if not self.matches and self.censored_text is None:
            return None
        return {
            "watchlist": [m.to_json() for m in self.matches],
            "censored_text": self.censored_text,
        }


# ------------------------------------------------------------------------------ parsing


def parse_document(text: str, fmt: str, source: str) -> dict[str, Any]:
    """A policy document from TOML or JSON text, as a dict; :class:`PolicyError` if invalid."""
    if fmt == "json":
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            raise PolicyError(f"{source}: invalid JSON: {exc}") from exc
    elif fmt == "toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise PolicyError(f"{source}: invalid TOML: {exc}") from exc
    else:
        raise PolicyError(f"{source}: unknown policy format {fmt!r} (toml or json)")
    if not isinstance(data, dict):
        raise PolicyError(f"{source}: a policy document must be a table (JSON object)")
    return data


def merge_documents(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` on top of ``base``, table by table (so a site can change one threshold).

    Tables merge recursively; any other value (a list of watched words included)
    replaces the base's. ``toxicity = {}`` removes a base threshold.
    """
    out = dict(base)
    for key, value in override.items():
        current = out.get(key)
        if isinstance(value, dict) and isinstance(current, dict):
            if key == "thresholds":
                out[key] = {**current, **value}
            else:
                out[key] = merge_documents(current, value)
        else:
            out[key] = value
    return out


def _nonnegative_int(value: Any, where: str, source: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise PolicyError(f"{source}: {where} must be a whole number ≥ 0, got {value!r}")
    return value


def _strings(value: Any, where: str, source: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PolicyError(f"{source}: {where} must be a list of strings")
    return list(value)


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """The regular expression a watched pattern becomes (see the module docs).

    Each literal piece is normalised the way comments are, then every letter may repeat
    (the normaliser squeezes "fuuuuck" only down to "fuuck").
    """
    tokens = pattern.split()
    if not tokens:
        raise ValueError("empty pattern")
    parts: list[str] = []
    for token in tokens:
        if set(token) == {"*"}:
            parts.append(r"\w+")
            continue
        pieces = []
        for literal in token.split("*"):
            canon = normalize_text(literal) if literal else ""
            pieces.append("".join(re.escape(ch) + ("+" if ch.isalnum() else "") for ch in canon))
        parts.append(r"\w*".join(pieces))
    body = r"[\W_]+".join(parts)
    head = "" if pattern.lstrip().startswith("*") else r"(?<!\w)"
    tail = "" if pattern.rstrip().endswith("*") else r"(?!\w)"
    return re.compile(head + body + tail)


def parse_site_rules(data: dict[str, Any], source: str) -> SiteRules:
    """Validate the site tables of a policy document; :class:`PolicyError` names any fault."""
    watch = data.get("watchlist", {})
    if not isinstance(watch, dict):
        raise PolicyError(f"{source}: [watchlist] must be a table")
    unknown = set(watch) - set(WATCH_ACTIONS)
    if unknown:
        raise PolicyError(
            f"{source}: unknown watchlist action(s) {', '.join(sorted(unknown))} "
            f"(known: {', '.join(WATCH_ACTIONS)})"
        )
    rules: list[WatchRule] = []
    for action in WATCH_ACTIONS:
        for pattern in _strings(watch.get(action, []), f"watchlist.{action}", source):
            try:
                regex = compile_pattern(pattern)
            except ValueError as exc:
                raise PolicyError(f"{source}: watchlist.{action}: {pattern!r}: {exc}") from exc
            if regex.pattern in (r"\w+", r"(?<!\w)(?!\w)"):
                raise PolicyError(f"{source}: watchlist.{action}: {pattern!r} matches every word")
            rules.append(WatchRule(pattern, action, regex))
    authors = data.get("authors", {})
    if not isinstance(authors, dict):
        raise PolicyError(f"{source}: [authors] must be a table")
    unknown = set(authors) - _AUTHOR_KEYS
    if unknown:
        raise PolicyError(
            f"{source}: unknown key(s) in [authors]: {', '.join(sorted(unknown))} "
            f"(known: {', '.join(sorted(_AUTHOR_KEYS))})"
        )
    low = _strings(
        authors.get("low_severity", list(DEFAULT_LOW_SEVERITY)), "authors.low_severity", source
    )
    bad = set(low) - set(ATTRIBUTES)
    if bad:
        raise PolicyError(f"{source}: authors.low_severity: unknown attribute(s) {sorted(bad)}")
    escalation = data.get("escalation", {})
    if not isinstance(escalation, dict):
        raise PolicyError(f"{source}: [escalation] must be a table")
    unknown = set(escalation) - {"rejections", "days"}
    if unknown:
        raise PolicyError(f"{source}: unknown key(s) in [escalation]: {sorted(unknown)}")
    days = _nonnegative_int(escalation.get("days", 30), "escalation.days", source)
    if days < 1:
        raise PolicyError(f"{source}: escalation.days must be at least 1")
    return SiteRules(
        watchlist=tuple(rules),
        premoderate_first=_nonnegative_int(
            authors.get("premoderate_first", 0), "authors.premoderate_first", source
        ),
        trusted=frozenset(_strings(authors.get("trusted", []), "authors.trusted", source)),
        low_severity=frozenset(low),
        escalation_rejections=_nonnegative_int(
            escalation.get("rejections", 0), "escalation.rejections", source
        ),
        escalation_days=days,
    )


def parse_site_policy(data: dict[str, Any], source: str) -> tuple[Policy, SiteRules]:
    """Both halves of a (merged) policy document: thresholds and site rules."""
    return parse_policy(data, source), parse_site_rules(data, source)


# ------------------------------------------------------------------------------ matching


def match_watchlist(rules: SiteRules, text: str, *, in_author: bool = False) -> list[WatchMatch]:
    """Every watched pattern found in ``text``, with offsets into ``text`` as given."""
    if not rules.watchlist or not text:
        return []
    canon = normalize(text)
    found: list[WatchMatch] = []
    for rule in rules.watchlist:
        for m in rule.regex.finditer(canon.text):
            if m.end() == m.start():
                continue
            begin, end = canon.to_original(m.start(), m.end())
            found.append(WatchMatch(rule.pattern, rule.action, begin, end, in_author))
    found.sort(key=lambda w: (w.begin, w.end))
    return found


def censor(text: str, matches: Iterable[WatchMatch], mask: str = "*") -> str:
    """``text`` with every non-space character of each censor match replaced by ``mask``."""
    chars = list(text)
    for m in matches:
        if m.action != "censor" or m.in_author:
            continue
        for i in range(m.begin, min(m.end, len(chars))):
            if not chars[i].isspace():
                chars[i] = mask
    return "".join(chars)


# ------------------------------------------------------------------------------ deciding


def _raise_to(action: str, floor: str) -> str:
    return floor if _SEVERITY[floor] > _SEVERITY[action] else action


def _crossed(policy: Policy, scores: dict[str, float]) -> tuple[set[str], bool]:
    """Attributes at or over their hold threshold, and whether any reached reject."""
    held: set[str] = set()
    rejected = False
    for attr, rule in policy.thresholds.items():
        score = float(scores.get(attr, 0.0))
        if rule.reject is not None and score >= rule.reject:
            rejected = True
        elif rule.hold is not None and score >= rule.hold:
            held.add(attr)
    return held, rejected


def decide(
    policy: Policy,
    rules: SiteRules,
    analysis: Analysis,
    text: str,
    author: AuthorContext | None = None,
    author_analysis: Analysis | None = None,
) -> SiteOutcome:
    """The site's decision on a comment already scored (and decided on scores) by the engine.

    In order: thresholds (the engine's decision, re-derived from ``policy``); a trusted
    author's hold for low-severity attributes only is waived; watchlist matches in the
    text and the author's name; a banned author is rejected; an author's first
    ``premoderate_first`` comments are held (trusted authors excepted); a repeat offender
    (``escalation_rejections`` or more rejections in ``escalation_days``) is held. Rules
    only ever make a decision stricter, except the trusted waiver.
    """
    author_scores = author_analysis.scores if author_analysis is not None else None
    base = policy.decide(analysis.scores, analysis.targets, author_scores)
    action = base.action
    reasons = list(base.reasons)
    trusted = author is not None and (author.trusted or author.name in rules.trusted)
    if trusted and action == "hold":
        held, rejected = _crossed(policy, analysis.scores)
        if author_scores is not None and policy.screen_authors:
            name_held, name_rejected = _crossed(policy, author_scores)
            held |= name_held
            rejected = rejected or name_rejected
        if not rejected and held <= rules.low_severity:
            action = "approve"
            reasons.append(f"trusted author: hold for {', '.join(sorted(held))} waived")
    matches = match_watchlist(rules, text)
    if author is not None and author.name:
        matches += [
            m for m in match_watchlist(rules, author.name, in_author=True) if m.action != "censor"
        ]
    seen: set[tuple[str, bool]] = set()
    for m in matches:
        effect = _WATCH_EFFECT[m.action]
        if effect is not None:
            action = _raise_to(action, effect)
        if (m.pattern, m.in_author) not in seen:
            seen.add((m.pattern, m.in_author))
            where = "author name: " if m.in_author else ""
            reasons.append(f'{where}watched "{m.pattern}" ({m.action})')
    if author is not None:
        if author.banned:
            action = "reject"
            reasons.append("author is banned")
        if not trusted and author.prior_comments < rules.premoderate_first:
            action = _raise_to(action, "hold")
            reasons.append(
                f"new author: first {rules.premoderate_first} comment(s) are pre-moderated"
            )
        if 0 < rules.escalation_rejections <= author.recent_rejections:
            action = _raise_to(action, "hold")
            reasons.append(
                f"repeat offender: {author.recent_rejections} rejection(s) "
                f"in {rules.escalation_days} days"
            )
    censored = censor(text, matches) if any(m.action == "censor" for m in matches) else None
    return SiteOutcome(Decision(action, tuple(reasons)), tuple(matches), censored)
