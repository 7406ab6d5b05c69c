"""A site's moderation policy: one document (TOML or JSON) saying everything about a site.

::

    name = "my-site"
    [thresholds]                     # calibrated probabilities: hold at, reject at
    toxicity = { hold = 0.70, reject = 0.95 }
    [targets]
    report = 0.5                     # name targeted groups scored at least this
    [authors]
    screen = true                    # user names are screened like comment text
    screen_from = 0.6                # ...but a name's scores count only from this level
    premoderate_first = 2            # an author's first N comments are held
    trusted = ["editor_jane"]        # never held for low-severity reasons
    low_severity = ["toxicity", "insult", "profanity"]
    [watchlist]                      # see threadguard.moderation.watchlist
    block = ["kill all *"]           # reject;  hold = [...] holds;  flag = [...] a reason only
    censor = ["fuck*"]               # publish with the match masked
    [coded_hate]                     # see threadguard.moderation.coded_hate
    action = "hold"                  # hold | flag (a reason only) | off; off without the table
    ignore = ["feminazi*"]           # lexicon terms this site does not treat as coded
    [threats]                        # see threadguard.moderation.threats
    action = "hold"                  # hold | flag (a reason only) | off; off without the table
    [abusive_words]                  # see threadguard.moderation.abusive_words
    action = "hold"                  # hold | flag (a reason only) | off; off without the table
    [escalation]                     # repeat offenders: hold everything they write
    rejections = 3
    days = 30
    [languages]
    supported = ["en", "de"]         # what the models cover
    unsupported = "hold"             # the decision for any other language
    [languages.thresholds.de]        # a language's own thresholds, over [thresholds]
    toxicity = { hold = 0.60, reject = 0.90 }

Every table and key is checked when the document is read: an unknown one is an error
that names it, so a typo never silently turns a rule off. The policy is data, and
deciding is a pure function of it (:mod:`threadguard.moderation.phases`), so a changed
policy can be replayed on stored analyses (dry runs) and tested without models.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any, Final

from threadguard.moderation.coded_hate import CODED_ACTIONS, CodedAction
from threadguard.moderation.watchlist import WATCH_ACTIONS, PatternError, WatchRule
from threadguard.moderation.watchlist import misplaced_watch_hint as _misplaced
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.validation import (
    InvalidField,
    check_strings,
    long_json_number,
    too_many_digits,
)

DEFAULT_LOW_SEVERITY = ("toxicity", "insult", "profanity")
DEFAULT_POLICY = "default_policy.toml"
#: ``[authors] screen_from`` where a document does not say: the default policy's (a test
#: keeps the two equal).
AUTHOR_FLOOR = 0.85
#: Every key a policy document may have at its top level, and the keys of each table.
KNOWN: dict[str, frozenset[str] | None] = {
    "name": None,
    "thresholds": frozenset(ATTRIBUTES),
    "targets": frozenset({"report"}),
    "authors": frozenset({"screen", "screen_from", "premoderate_first", "trusted", "low_severity"}),
    "watchlist": frozenset(WATCH_ACTIONS),
    "coded_hate": frozenset({"action", "ignore"}),
    "threats": frozenset({"action"}),
    "contact_details": frozenset({"action"}),
    "abusive_words": frozenset({"action"}),
    "escalation": frozenset({"rejections", "days"}),
    "languages": frozenset({"supported", "unsupported", "thresholds"}),
}


class PolicyError(Exception):
    """A policy document that cannot be read or says something impossible."""


@dataclass(frozen=True)
class Threshold:
    """Scores at or above ``hold`` are held, at or above ``reject`` rejected (None: never)."""

    hold: float | None = None
    reject: float | None = None


@dataclass(frozen=True)
class SiteRules:
    """What a site decides beyond scores: watched words, coded hate, new, trusted and
    repeat authors."""

    watchlist: tuple[WatchRule, ...] = ()
    #: What a code of the coded-hate lexicon does (:data:`CODED_ACTIONS`): "off" without
    #: a ``[coded_hate]`` table, "hold" with one that names no action (the shipped default
    #: policy has the table).
    coded_action: CodedAction = "off"
    #: Lexicon terms this site does not treat as coded (lower-cased).
    coded_ignore: frozenset[str] = frozenset()
    #: What a phrase of the threat list does (:mod:`threadguard.moderation.threats`): the
    #: same four actions, "off" without a ``[threats]`` table, "hold" with one that names
    #: no action.
    threat_action: CodedAction = "off"
    #: What contact details and spam do (:mod:`threadguard.moderation.contact_details`):
    #: the same four actions, "off" without a ``[contact_details]`` table.
    contact_action: CodedAction = "off"
    #: What a word of the other languages' abusive-words list does
    #: (:mod:`threadguard.moderation.abusive_words`): "off" without an ``[abusive_words]`` table.
    abusive_action: CodedAction = "off"
    premoderate_first: int = 0
    trusted: frozenset[str] = frozenset()
    low_severity: frozenset[str] = frozenset(DEFAULT_LOW_SEVERITY)
    escalation_rejections: int = 0
    escalation_days: int = 30


@dataclass(frozen=True)
class LanguageRule:
    """The languages the models cover, the verdict for a comment in any other, and each
    language's own thresholds (attribute by attribute, over the policy's; a language's
    scores are calibrated on its own data, but a site may want to hold more or less)."""

    supported: frozenset[str] = frozenset({"en"})
    unsupported: Verdict = Verdict.HOLD
    thresholds: dict[str, dict[str, Threshold]] = field(default_factory=dict)


@dataclass(frozen=True)
class Policy:
    """A whole policy document, validated: thresholds, reporting, site and language rules."""

    name: str
    thresholds: dict[str, Threshold]
    target_report: float = 0.5
    screen_authors: bool = True
    #: The least score of a user name's that may hold or reject its comment (above the
    #: attribute's own threshold too). A name is a few characters and the models read it
    #: poorly: plain names score 0.3-0.61 toxicity ("Tom Brannigan" 0.50, "grumpy_grandad"
    #: 0.61 with deep@16), and so do some hateful ones ("HitlerWasRight" 0.51). The default
    #: policy's level unless the document says otherwise (``screen_from = 0``: every crossing
    #: counts); hateful names are left to the watchlist, which screens names too. It was 0
    #: for a document without the key, and a one-table policy file held ordinary names
    #: ("Ger Kavanagh": toxicity 0.62, desk 78), the strict side of a fallback whose every
    #: other table left out is lenient.
    author_floor: float = AUTHOR_FLOOR
    rules: SiteRules = field(default_factory=SiteRules)
    languages: LanguageRule = field(default_factory=LanguageRule)
    source: str = "<built-in>"
    raw: dict[str, Any] = field(default_factory=dict, compare=False)
    #: Whether this is the built-in policy itself, read from the package (not a file of
    #: the same name: a code review found `--policy default_policy.toml` taken for it).
    builtin: bool = field(default=False, compare=False)

    def flag_levels(self, language: str | None = None) -> dict[str, float]:
        """The score from which each attribute is held or rejected (its hold threshold,
        else its reject one); attributes with neither never decide and are left out.

        ``language``: a comment's, whose own thresholds (:meth:`thresholds_for`) apply;
        None gives the policy's own ``[thresholds]``."""
        out = {}
        for attribute, rule in self.thresholds_for(language).items():
            level = rule.hold if rule.hold is not None else rule.reject
            if level is not None:
                out[attribute] = level
        return out

    def thresholds_for(self, language: str | None) -> dict[str, Threshold]:
        """The thresholds that apply to a comment in ``language``: the policy's, with the
        language's own (``[languages.thresholds.xx]``) in place of those it names."""
        own = self.languages.thresholds.get(language or "")
        return {**self.thresholds, **own} if own else self.thresholds

    def review_level(self, attribute: str, language: str | None = None) -> float:
        """The score from which ``attribute`` needs a moderator's eye in ``language``: its
        hold threshold, else its reject threshold, else 0.5 (what the queue's attribute
        filter uses)."""
        rule = self.thresholds_for(language).get(attribute)
        if rule is not None and rule.hold is not None:
            return rule.hold
        if rule is not None and rule.reject is not None:
            return rule.reject
        return 0.5

    def review_levels(self, attribute: str) -> dict[str, float]:
        """:meth:`review_level` of each language whose own thresholds give another level
        than the policy's: a French comment held at toxicity 0.29 (French holds from 0.26)
        was missing from the queue filtered on toxicity, which read 0.40 for every one."""
        base = self.review_level(attribute)
        levels = {lang: self.review_level(attribute, lang) for lang in self.languages.thresholds}
        return {lang: level for lang, level in levels.items() if level != base}


# ------------------------------------------------------------------------------ values


def _number(value: Any, where: str, source: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise PolicyError(f"{source}: {where} must be a number in [0, 1], got {value!r}")
    return float(value)


#: The largest count a policy may set: past it a number means nothing to a site, and
#: out-of-range numbers failed later, where no one reads the error (a window of
#: 9223372036854775807 days passed the check and made every comment with an author a 500).
MAX_WHOLE = 1_000_000
#: The longest look-back of ``[escalation] days``: ten years.
MAX_DAYS = 3_650


def _whole(value: Any, where: str, source: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_WHOLE:
        raise PolicyError(
            f"{source}: {where} must be a whole number from 0 to {MAX_WHOLE:,}, got {value!r}"
        )
    return value


def _strings(value: Any, where: str, source: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PolicyError(f"{source}: {where} must be a list of strings")
    return list(value)


def _table(data: dict[str, Any], name: str, source: str) -> dict[str, Any]:
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise PolicyError(f"{source}: [{name}] must be a table")
    return value


def _check_keys(data: dict[str, Any], source: str) -> None:
    """Name the first unknown table or key, so a typo is an error and not a silent no-op."""
    unknown = sorted(set(data) - set(KNOWN))
    if unknown:
        raise PolicyError(
            f"{source}: unknown section(s) {', '.join(unknown)} "
            f"(known: {', '.join(k for k in KNOWN if KNOWN[k] is not None)}, name)"
        )
    for name, keys in KNOWN.items():
        table = data.get(name)
        if keys is None or not isinstance(table, dict):
            continue
        extra = sorted(set(table) - keys)
        if not extra:
            continue
        if name == "thresholds":
            raise PolicyError(
                f"{source}: unknown attribute(s) in [thresholds]: {', '.join(extra)} "
                f"(known: {', '.join(ATTRIBUTES)}){_misplaced(extra, table)}"
            )
        if name == "watchlist":
            raise PolicyError(
                f"{source}: unknown watchlist action(s) {', '.join(extra)} "
                f"(known: {', '.join(WATCH_ACTIONS)})"
            )
        raise PolicyError(
            f"{source}: unknown key(s) in [{name}]: {', '.join(extra)} "
            f"(known: {', '.join(sorted(keys))}){_misplaced(extra, table)}"
        )


# ------------------------------------------------------------------------------ tables


def _threshold(attr: str, value: Any, source: str, *, prefix: str = "") -> Threshold:
    where = f"{prefix or 'thresholds.'}{attr}"
    if not isinstance(value, dict):
        raise PolicyError(f"{source}: {where} must be a table like {{ hold = 0.7, reject = 0.9 }}")
    if _never(value):
        # it was accepted and meant "never": a rule switched off without a word
        raise PolicyError(
            f"{source}: {where} is empty (or false throughout): give hold and/or reject, or leave {attr} out to "
            "never hold or reject on it"
        )
    unknown = set(value) - {"hold", "reject"}
    if unknown:
        raise PolicyError(f"{source}: {where}: unknown key(s) {', '.join(sorted(unknown))}")
    # false: never (a site's rule merges over the base's key by key, so it is how a site
    # drops the base's reject: `toxicity = { hold = 0.5, reject = false }`)
    hold, reject = (
        None
        if value.get(k) is None or value.get(k) is False
        else _number(value[k], f"{where}.{k}", source)
        for k in ("hold", "reject")
    )
    if hold is not None and reject is not None and hold > reject:
        raise PolicyError(f"{source}: {where}: hold {hold} is above reject {reject}")
    return Threshold(hold, reject)


def _watchlist(table: dict[str, Any], source: str) -> tuple[WatchRule, ...]:
    rules = []
    for action in WATCH_ACTIONS:
        for pattern in _strings(table.get(action, []), f"watchlist.{action}", source):
            try:
                rules.append(WatchRule.of(pattern, action))
            except PatternError as exc:
                raise PolicyError(f"{source}: watchlist.{action}: {pattern!r}: {exc}") from exc
    return tuple(rules)


def _rule_action(data: dict[str, Any], name: str, source: str) -> CodedAction:
    """What a lexicon's site rule (``[coded_hate]``, ``[threats]``) does: "off" without its
    table, "hold" with one that names no action."""
    if name not in data:
        return "off"
    action = _table(data, name, source).get("action", "hold")
    for allowed in CODED_ACTIONS:
        if action == allowed:
            return allowed
    raise PolicyError(f"{source}: {name}.action must be {', '.join(CODED_ACTIONS)}, got {action!r}")


def _coded_hate(data: dict[str, Any], source: str) -> tuple[CodedAction, frozenset[str]]:
    action = _rule_action(data, "coded_hate", source)
    if "coded_hate" not in data:
        return action, frozenset()
    table = _table(data, "coded_hate", source)
    # Terms the lexicon does not (or no longer) have are accepted and ignore nothing: a
    # lexicon update must never make a stored site policy unreadable.
    ignore = _strings(table.get("ignore", []), "coded_hate.ignore", source)
    return action, frozenset(term.lower() for term in ignore)


def _site_rules(data: dict[str, Any], source: str) -> SiteRules:
    authors = _table(data, "authors", source)
    escalation = _table(data, "escalation", source)
    low = _strings(
        authors.get("low_severity", list(DEFAULT_LOW_SEVERITY)), "authors.low_severity", source
    )
    bad = set(low) - set(ATTRIBUTES)
    if bad:
        raise PolicyError(f"{source}: authors.low_severity: unknown attribute(s) {sorted(bad)}")
    days = _whole(escalation.get("days", 30), "escalation.days", source)
    if not 1 <= days <= MAX_DAYS:
        raise PolicyError(f"{source}: escalation.days must be from 1 to {MAX_DAYS:,}, got {days}")
    coded, ignore = _coded_hate(data, source)
    return SiteRules(
        watchlist=_watchlist(_table(data, "watchlist", source), source),
        coded_action=coded,
        coded_ignore=ignore,
        threat_action=_rule_action(data, "threats", source),
        contact_action=_rule_action(data, "contact_details", source),
        abusive_action=_rule_action(data, "abusive_words", source),
        premoderate_first=_whole(
            authors.get("premoderate_first", 0), "authors.premoderate_first", source
        ),
        trusted=frozenset(_strings(authors.get("trusted", []), "authors.trusted", source)),
        low_severity=frozenset(low),
        escalation_rejections=_whole(
            escalation.get("rejections", 0), "escalation.rejections", source
        ),
        escalation_days=days,
    )


def _languages(data: dict[str, Any], source: str) -> LanguageRule:
    table = _table(data, "languages", source)
    supported = _strings(table.get("supported", ["en"]), "languages.supported", source)
    bad = [code for code in supported if len(code) != 2 or not code.isalpha()]
    if bad:
        raise PolicyError(f"{source}: languages.supported: {bad} are not ISO 639-1 codes")
    verdict = table.get("unsupported", Verdict.HOLD.value)
    if verdict not in tuple(Verdict):
        raise PolicyError(
            f"{source}: languages.unsupported must be approve, hold or reject, got {verdict!r}"
        )
    per_language = table.get("thresholds", {})
    if not isinstance(per_language, dict):
        raise PolicyError(f"{source}: [languages.thresholds] must be a table of languages")
    thresholds: dict[str, dict[str, Threshold]] = {}
    for code, attrs in per_language.items():
        where = f"languages.thresholds.{code}"
        if len(code) != 2 or not code.isalpha() or code != code.lower():
            raise PolicyError(f"{source}: {where}: {code!r} is not a lower-case ISO 639-1 code")
        if not isinstance(attrs, dict):
            raise PolicyError(f"{source}: [{where}] must be a table of attributes")
        unknown = sorted(set(attrs) - set(ATTRIBUTES))
        if unknown:
            raise PolicyError(
                f"{source}: unknown attribute(s) in [{where}]: {', '.join(unknown)} "
                f"(known: {', '.join(ATTRIBUTES)}){_misplaced(unknown, attrs)}"
            )
        thresholds[code] = {
            a: _threshold(a, v, source, prefix=f"{where}.") for a, v in attrs.items()
        }
    return LanguageRule(frozenset(c.lower() for c in supported), Verdict(verdict), thresholds)


def parse_policy(data: dict[str, Any], source: str) -> Policy:
    """Validate a whole policy document (already parsed from TOML or JSON)."""
    _check_keys(data, source)
    thresholds = {
        a: _threshold(a, v, source) for a, v in _table(data, "thresholds", source).items()
    }
    report = _table(data, "targets", source).get("report", 0.5)
    screen = _table(data, "authors", source).get("screen", True)
    if not isinstance(screen, bool):
        raise PolicyError(f"{source}: authors.screen must be true or false")
    floor = _table(data, "authors", source).get("screen_from", Policy.author_floor)
    name = data.get("name", Path(source).stem)
    if not isinstance(name, str):
        raise PolicyError(f"{source}: name must be a string, got {name!r}")
    return Policy(
        name=name,
        thresholds=thresholds,
        target_report=_number(report, "targets.report", source),
        screen_authors=screen,
        author_floor=_number(floor, "authors.screen_from", source),
        rules=_site_rules(data, source),
        languages=_languages(data, source),
        source=source,
        raw=data,
    )


# ------------------------------------------------------------------------------ documents


def parse_document(text: str, fmt: str, source: str) -> dict[str, Any]:
    """A policy document from TOML or JSON text, as a dict; :class:`PolicyError` if invalid."""
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark (Windows editors write one) is no statement
    if fmt == "json":
        try:
            data = json.loads(text, object_pairs_hook=_no_repeated_keys)
        except RecursionError as exc:
            raise PolicyError(f"{source}: invalid JSON: it is nested too deeply") from exc
        except json.JSONDecodeError as exc:
            raise PolicyError(f"{source}: invalid JSON: {exc}") from exc
        except RepeatedKeyError as exc:
            raise PolicyError(f"{source}: invalid JSON: {exc}") from exc
        except ValueError as exc:  # a number too long to convert, say
            found = long_json_number(text) if too_many_digits(exc) else None
            if found is None:
                raise PolicyError(f"{source}: invalid JSON: {exc}") from exc
            problem, line, column = found
            raise PolicyError(
                f"{source}: invalid JSON at line {line}, column {column}: {problem}"
            ) from exc
    elif fmt == "toml":
        try:
            data = tomllib.loads(text)
        except (ValueError, RecursionError) as exc:  # TOMLDecodeError, or a huge number
            raise PolicyError(f"{source}: invalid TOML: {exc}") from exc
    else:
        raise PolicyError(f"{source}: unknown policy format {fmt!r} (toml or json)")
    if not isinstance(data, dict):
        raise PolicyError(f"{source}: a policy document must be a table (JSON object)")
    try:  # JSON's "\ud800" escape gives a lone surrogate: no reader could show it again
        check_strings("policy", data, stored=False)
    except InvalidField as exc:
        raise PolicyError(f"{source}: {exc}") from None
    return data


class RepeatedKeyError(ValueError):
    """A JSON policy object with a key given twice (told apart from a number too long to
    convert, which is looked for in the text: a repeated key was, in time square in the
    length of the text after it)."""


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refused when a key stands twice: the last would silently win (a
    site's ``thresholds`` written twice kept the second, empty one), where TOML refuses."""
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise RepeatedKeyError(f"the key {key!r} is given twice in one object")
        out[key] = value
    return out


def merge_documents(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """``override`` on top of ``base``, table by table (so a site can change one threshold).

    Tables merge recursively; any other value (a list of watched words included) replaces
    the base's: a site's form shows and saves its whole list, so a word can be taken off
    (session 52 tried adding a site's words to the server's instead; a code review found the
    dashboard's admin could then neither remove nor soften a server's word, the page saying
    "Saved"). What a site's list leaves out of the server's is said instead
    (:func:`dropped_words`). An attribute's rule merges key by key, so ``toxicity = { hold = 0.5 }`` keeps the base's reject (it
    dropped it: a slur at 0.97 toxicity was only held on that site); ``reject = false``
    drops it, and ``toxicity = {}`` the whole base rule.
    """
    return _merge(base, override, ())


def _merge(base: dict[str, Any], override: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        current = out.get(key)
        if isinstance(value, dict) and isinstance(current, dict):
            where = (*path, key)
            if _threshold_table(where):
                out[key] = _merge_rules(current, value)
            else:
                out[key] = _merge(current, value, where)
        else:
            out[key] = value
    return out


def dropped_words(base: dict[str, Any], document: dict[str, Any]) -> list[str]:
    """What a site's ``document`` leaves out of the base's watchlist, one line per action it
    names: a site that named one word of its own under ``[watchlist] hold`` dropped every
    word of the server's, and nothing said so (desks 77 and 78: a slur the server's list held
    was published)."""
    theirs, ours = base.get("watchlist"), document.get("watchlist")
    if not isinstance(theirs, dict) or not isinstance(ours, dict):
        return []
    out = []
    for action, words in ours.items():
        before = theirs.get(action)
        if not isinstance(words, list) or not isinstance(before, list):
            continue
        kept = {str(w).casefold() for w in words}  # matched whatever the case
        left = [w for w in before if str(w).casefold() not in kept]
        if left:
            shown = ", ".join(repr(w) for w in left)
            out.append(
                f"[watchlist] {action}: the site's list replaces the server's, leaving out "
                f"{shown} (name them too to keep them)"
            )
    return out


def _merge_rules(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """A table of attribute rules on top of another: each rule key by key, ``{}`` removing
    the base's rule."""
    out = dict(base)
    for attr, rule in override.items():
        if attr in ATTRIBUTES and isinstance(rule, dict) and _never(rule):
            out.pop(attr, None)  # an unknown name stays, to be refused
        elif isinstance(rule, dict) and isinstance(out.get(attr), dict):
            out[attr] = {**out[attr], **rule}
        else:
            out[attr] = rule
    return out


def _never(rule: dict[str, Any]) -> bool:
    """Whether a site's rule says "never" for its attribute: ``{}``, or every key false
    (what the dashboard writes for a row left blank)."""
    return all(value is False for value in rule.values())


def _threshold_table(path: tuple[str, ...]) -> bool:
    """Whether ``path`` is a table of attribute rules: ``[thresholds]`` and each
    ``[languages.thresholds.xx]`` (a site that sets German toxicity keeps the other German
    rules; the whole German table was replaced, and German identity_attack, insult, ...
    fell back to the English thresholds)."""
    return path == ("thresholds",) or (len(path) == 3 and path[:2] == ("languages", "thresholds"))


def on_top(base: Policy, text: str | None, fmt: str | None, site: str) -> Policy:
    """The policy a site's document (TOML or JSON ``text``) gives on top of ``base``.

    Without a document the site has the base policy. Raises :class:`PolicyError` naming
    the fault when the document is invalid.
    """
    if text is None or fmt is None:
        return base
    source = f"policy of site {site!r}"
    document = parse_document(text, fmt, source)
    if not document:  # `{}`: the site's own settings dropped, the server's policy stands
        return base
    merged = merge_documents(base.raw, document)
    # the site's own name unless its document names one: the base's ("default") read as if
    # no site policy applied (desk 80, session 52)
    merged["name"] = document.get("name", site)
    return parse_policy(merged, source)


def _default_text() -> str:
    return resources.files("threadguard.resources").joinpath(DEFAULT_POLICY).read_text("utf-8")


def require_covered(policy: Policy, covered: frozenset[str]) -> None:
    """Refuse a policy whose ``languages.supported`` names a language no model covers:
    its comments would be scored by the English model (a Russian insult 0.09 toxicity)
    and approved, where the rule for unsupported languages would have held them; and one
    with thresholds for such a language, which would never apply. Checked
    wherever a policy meets the engine (``score``, ``scan``, ``batch``, ``serve``, a site's
    policy over HTTP), since only the engine knows what it covers."""
    missing = sorted(policy.languages.supported - covered)
    if missing:
        raise PolicyError(
            f"{policy.source}: languages.supported lists {', '.join(missing)}, which no model "
            f"covers (covered: {', '.join(sorted(covered))}); comments in "
            f"{'it' if len(missing) == 1 else 'them'} would be scored as English. Leave "
            f"{'it' if len(missing) == 1 else 'them'} out: the unsupported rule then decides"
        )
    unread = sorted(set(policy.languages.thresholds) - covered)
    if unread:
        # they were accepted and never applied: the unsupported rule decides those comments
        raise PolicyError(
            f"{policy.source}: [languages.thresholds.{unread[0]}] is for a language no model "
            f"covers (covered: {', '.join(sorted(covered))}); its comments get the rule for "
            "unsupported languages, so these thresholds would never apply. Leave it out"
        )


def _policy_text(raw: bytes, path: Path) -> str:
    """A policy file's text: UTF-8 (a byte-order mark dropped), or UTF-16 where its mark
    says so (Notepad's "Unicode", a PowerShell redirect); other bytes are named by line
    (it said "'utf-8' codec can't decode byte 0xff in position 0")."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise PolicyError(
                f"{path}: cannot read policy: broken UTF-16; save it as UTF-8"
            ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise PolicyError(
            f"{path}: line {line}: byte 0x{raw[exc.start]:02x} is not UTF-8 text; a policy "
            "file is UTF-8 (save it as UTF-8)"
        ) from None


def load_policy(path: Path | None = None) -> Policy:
    """The policy in ``path`` (TOML), or the built-in default for a news site."""
    if path is None:
        text, source = _default_text(), DEFAULT_POLICY
    else:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise PolicyError(f"{path}: cannot read policy: {exc.strerror or exc}") from exc
        text, source = _policy_text(raw, path), str(path)
    data = parse_document(text, "toml", source)
    policy = parse_policy(data, source)  # first: an unknown table is the likelier fault
    if "thresholds" not in data:
        # A file is a whole policy: without thresholds nothing is ever held on its scores,
        # which is never what a site that wrote only a [watchlist] meant.
        raise PolicyError(
            f"{source}: no [thresholds] table, so no comment would be held or rejected on "
            "its scores; copy [thresholds] from the default policy "
            f"({resources.files('threadguard.resources').joinpath(DEFAULT_POLICY)}), or "
            "write an empty [thresholds] "
            "table to mean none"
        )
    return replace(policy, builtin=True) if path is None else policy


#: What a policy file leaves off by leaving out a table the built-in policy has: a file is
#: a whole policy, so a one-line `[thresholds]` file turns every list off (desk 73 found it
#: publishing "We know where you live" under `scan --policy`, while the same file sent to
#: the service as a site's policy only changed a threshold).
LEFT_OUT: Final[dict[str, str]] = {
    "coded_hate": "coded hate is left to the scores",
    "threats": "threats and calls for expulsion are left to the scores",
    "abusive_words": "abusive words are left to the scores",
    "contact_details": "contact details and spam are not looked for",
    "languages": "only English is decided by its scores; every other language is held",
}


def left_out(policy: Policy) -> tuple[str, ...]:
    """What a policy file turns off by leaving out the built-in policy's tables, one
    "[table]: what it means" each, and the attributes a non-empty ``[thresholds]`` leaves
    out (desk 79: a file naming only toxicity held nothing on identity attack or threat,
    and nothing said so; a file cannot say it on purpose, an empty rule being refused); none for the built-in policy
    itself."""
    if policy.builtin:
        return ()
    tables = tuple(f"[{t}]: {meaning}" for t, meaning in LEFT_OUT.items() if t not in policy.raw)
    written = policy.raw.get("thresholds")
    if not isinstance(written, dict) or not written:
        return tables
    missing = [a for a in ATTRIBUTES if a not in written]
    if not missing:
        return tables
    return (
        *tables,
        f"[thresholds]: {', '.join(missing)} left out, so never held or rejected on their scores "
        "(give each a hold level to use it: `policy init` writes them all)",
    )


def policy_text(policy: Policy) -> str | None:
    """The TOML a policy was loaded from (the built-in default's, or its file's)."""
    if policy.builtin:
        return _default_text()
    path = Path(policy.source)
    try:
        return _policy_text(path.read_bytes(), path)  # a UTF-16 file as load_policy read it
    except (OSError, PolicyError):
        return None
