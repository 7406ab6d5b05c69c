"""Site rules: watched words through obfuscation, censoring, new, trusted and repeat authors."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from threadguard.analysis import Analysis
from threadguard.moderation import (
    AuthorContext,
    Moderator,
    Outcome,
    Policy,
    PolicyError,
    SiteRules,
    dropped_words,
    load_policy,
    merge_documents,
    on_top,
    parse_document,
    parse_policy,
)
from threadguard.moderation.watchlist import (
    WatchRule,
    censor,
    match_watchlist,
    needle_of,
    squeeze,
)
from threadguard.schema import ATTRIBUTES

BASE = load_policy()


def rules(**tables: object) -> SiteRules:
    return parse_policy(dict(tables), "test").rules


def decide(
    policy: Policy,
    site: SiteRules,
    analysis: Analysis,
    text: str,
    author: AuthorContext | None = None,
) -> Outcome:
    """The moderator's outcome under ``policy``'s thresholds with the ``site`` rules."""
    return Moderator(replace(policy, rules=site)).decide(analysis, text, author)


def scored(level: float = 0.05, **scores: float) -> Analysis:
    values = {a: level for a in ATTRIBUTES}
    values.update(scores)
    return Analysis(None, values)


WATCH = rules(
    watchlist={
        "block": ["kill all *"],
        "hold": ["idiot*"],
        "flag": ["moron"],
        "censor": ["fuck*", "shit"],
    }
)


@pytest.mark.parametrize(
    ("text", "pattern", "found"),
    [
        ("You f.u.c.k-ing troll", "fuck*", "f.u.c.k"),
        ("FUUUUCK this", "fuck*", "FUUUUCK"),
        ("𝐟𝐮𝐜𝐤 off", "fuck*", "𝐟𝐮𝐜𝐤"),
        ("what a sh!t show", "shit", "sh!t"),
        ("what a shiiit show", "shit", "shiiit"),
        ("You are an іdіоt", "idiot*", "іdіоt"),  # Cyrillic look-alikes
        ("total i d i o t s", "idiot*", "i d i o t s"),
        ("k i l l all of them", "kill all *", "k i l l all of"),
        ("Kill, ALL the rats!", "kill all *", "Kill, ALL the"),
        ("what a MORON", "moron", "MORON"),
    ],
)
def test_watched_words_match_through_obfuscation(text: str, pattern: str, found: str) -> None:
    matches = [m for m in match_watchlist(WATCH.watchlist, text) if m.pattern == pattern]
    assert [text[m.begin : m.end] for m in matches] == [found]


@pytest.mark.parametrize("text", ["skill all day", "morons", "shortcut", "scunthorpe idiom"])
def test_whole_words_only_unless_the_pattern_says_otherwise(text: str) -> None:
    assert match_watchlist(WATCH.watchlist, text) == []


def test_wildcards_match_any_letters_within_a_word() -> None:
    inside = rules(watchlist={"hold": ["*tard*", "b*ch"]})
    text = "what a libtards thing, you b1tch, such a beach"
    assert [text[m.begin : m.end] for m in match_watchlist(inside.watchlist, text)] == [
        "libtards",
        "b1tch",
        "beach",
    ]


def test_censoring_masks_the_original_characters() -> None:
    text = "Oh f.u.c.k, this is 𝐬𝐡𝐢𝐭 news"
    masked = censor(text, match_watchlist(WATCH.watchlist, text))
    assert masked == "Oh *******, this is **** news"
    assert len(masked) == len(text)
    outcome = decide(BASE, WATCH, scored(), text)
    assert outcome.censored_text == masked
    assert outcome.decision.action == "approve"
    assert outcome.details() is not None


def test_watchlist_actions_set_the_decision() -> None:
    assert decide(BASE, WATCH, scored(), "kill all of them").decision.action == "reject"
    held = decide(BASE, WATCH, scored(), "you idiots")
    assert held.decision.action == "hold"
    assert 'watched "idiot*" (hold)' in held.decision.reasons
    flagged = decide(BASE, WATCH, scored(), "moron")
    assert flagged.decision.action == "approve"
    assert flagged.decision.reasons == ('watched "moron" (flag)',)
    assert decide(BASE, WATCH, scored(), "a fine comment").details() is None


def test_author_names_are_watched_too() -> None:
    named = decide(BASE, WATCH, scored(), "hello", AuthorContext("kill all cops", 5))
    assert named.decision.action == "reject"
    assert 'author name: watched "kill all *" (block)' in named.decision.reasons


def test_a_banned_author_is_rejected() -> None:
    outcome = decide(BASE, rules(), scored(), "hello", AuthorContext("ann", 3, banned=True))
    assert outcome.decision.action == "reject"
    assert "author is banned" in outcome.decision.reasons


def test_new_authors_are_premoderated() -> None:
    premod = rules(authors={"premoderate_first": 2})
    for prior, action in ((0, "hold"), (1, "hold"), (2, "approve")):
        got = decide(BASE, premod, scored(), "hello", AuthorContext("ann", prior))
        assert got.decision.action == action
    trusted = decide(BASE, premod, scored(), "hello", AuthorContext("ann", 0, trusted=True))
    assert trusted.decision.action == "approve"
    assert decide(BASE, premod, scored(), "anonymous", None).decision.action == "approve"


def test_trusted_authors_are_not_held_for_low_severity_reasons() -> None:
    site = rules(authors={"trusted": ["editor_jane"]})
    rude = scored(toxicity=0.75)  # over toxicity's hold threshold only
    assert decide(BASE, site, rude, "x", AuthorContext("someone", 9)).decision.action == "hold"
    waived = decide(BASE, site, rude, "x", AuthorContext("editor_jane", 9))
    assert waived.decision.action == "approve"
    assert any("trusted author" in r for r in waived.decision.reasons)
    flagged_in_db = decide(BASE, rules(), rude, "x", AuthorContext("bob", 9, trusted=True))
    assert flagged_in_db.decision.action == "approve"
    level = BASE.thresholds["threat"]
    assert level.hold is not None and level.reject is not None
    # a severe attribute between its hold and reject: still held for a trusted author
    threat = scored(threat=(level.hold + level.reject) / 2)
    assert decide(BASE, site, threat, "x", AuthorContext("editor_jane", 9)).decision.action == (
        "hold"
    )
    severe = scored(toxicity=0.99)  # over reject: a trusted author is still rejected
    assert decide(BASE, site, severe, "x", AuthorContext("editor_jane", 9)).decision.action == (
        "reject"
    )


def test_repeat_offenders_are_held() -> None:
    site = rules(escalation={"rejections": 3, "days": 14})
    assert site.escalation_days == 14
    calm = decide(BASE, site, scored(), "hello", AuthorContext("ann", 10, recent_rejections=2))
    assert calm.decision.action == "approve"
    repeat = decide(BASE, site, scored(), "hello", AuthorContext("ann", 10, recent_rejections=3))
    assert repeat.decision.action == "hold"
    assert repeat.decision.reasons == ("repeat offender: 3 rejection(s) in 14 days",)
    off = decide(BASE, rules(), scored(), "hello", AuthorContext("ann", 10, recent_rejections=50))
    assert off.decision.action == "approve"


@pytest.mark.parametrize(
    ("tables", "message"),
    [
        ({"watchlist": {"delete": ["x"]}}, "unknown watchlist action"),
        ({"watchlist": {"block": "x"}}, "watchlist.block must be a list of strings"),
        ({"watchlist": {"block": ["*"]}}, "matches every word"),
        ({"watchlist": {"hold": ["   "]}}, "empty pattern"),
        ({"authors": {"premoderate_first": -1}}, "premoderate_first must be a whole number"),
        ({"authors": {"premoderate_first": True}}, "premoderate_first must be a whole number"),
        ({"authors": {"trusted": "bob"}}, "authors.trusted must be a list"),
        ({"authors": {"low_severity": ["rudeness"]}}, "unknown attribute"),
        ({"authors": {"vip": []}}, "unknown key"),
        ({"escalation": {"days": 0}}, "escalation.days must be from 1 to 3,650, got 0"),
        # past year 1: the look-back overflowed at every comment with an author (a 500)
        ({"escalation": {"days": 2**63 - 1}}, "escalation.days must be a whole number from 0"),
        ({"escalation": {"days": 1_000_000}}, "escalation.days must be from 1 to 3,650"),
        ({"escalation": {"rejections": 10**30}}, "rejections must be a whole number from 0"),
        ({"authors": {"premoderate_first": 2**70}}, "premoderate_first must be a whole number"),
        ({"escalation": {"after": 3}}, "unknown key"),
        ({"escalation": 3}, "[escalation] must be a table"),
    ],
)
def test_bad_site_rules_are_refused_with_the_reason(
    tables: dict[str, object], message: str
) -> None:
    with pytest.raises(PolicyError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_policy(tables, "site.toml")


def test_documents_merge_over_the_base_policy() -> None:
    site = parse_document(
        '[thresholds]\ntoxicity = { hold = 0.5 }\n[watchlist]\nblock = ["x"]\n', "toml", "s"
    )
    base_hold = BASE.raw["thresholds"]["toxicity"]["hold"]
    assert base_hold != 0.5
    merged = merge_documents(BASE.raw, site)
    policy = parse_policy(merged, "s")
    assert policy.thresholds["toxicity"].hold == 0.5
    assert policy.thresholds["threat"] == BASE.thresholds["threat"]  # the base's, untouched
    assert [r.pattern for r in policy.rules.watchlist] == ["x"]
    assert BASE.raw["thresholds"]["toxicity"]["hold"] == base_hold  # the base is not changed
    assert parse_document('{"watchlist": {}}', "json", "s") == {"watchlist": {}}
    with pytest.raises(PolicyError, match="invalid TOML"):
        parse_document("[watchlist", "toml", "s")
    with pytest.raises(PolicyError, match="invalid JSON"):
        parse_document("{", "json", "s")
    with pytest.raises(PolicyError, match="must be a table"):
        parse_document("[1, 2]", "json", "s")


def test_a_sites_watched_list_replaces_the_servers_and_what_it_drops_is_said() -> None:
    # Desks 77 and 78: a site that sent `[watchlist] hold = ["dinghy diver*"]` dropped every
    # word the server's policy file watched, and nothing said so. The list still replaces
    # the server's (so a site can take a word off, as its dashboard form does), and the
    # words it leaves out are named.
    server = merge_documents(
        BASE.raw, {"watchlist": {"hold": ["knacker*", "pikey*"], "censor": ["fuck*"]}}
    )
    site = parse_document('[watchlist]\nhold = ["dinghy divers", "pikey*"]\n', "toml", "s")
    policy = parse_policy(merge_documents(server, site), "s")
    watched = sorted((r.pattern, r.action) for r in policy.rules.watchlist)
    assert watched == [("dinghy divers", "hold"), ("fuck*", "censor"), ("pikey*", "hold")]
    assert dropped_words(server, site) == [
        "[watchlist] hold: the site's list replaces the server's, leaving out 'knacker*' "
        "(name them too to keep them)"
    ]
    assert dropped_words(server, {"watchlist": {"hold": ["knacker*", "pikey*", "x"]}}) == []
    assert dropped_words(server, {"thresholds": {}}) == []
    # matched whatever the case, so not dropped whatever the case (a code review)
    assert dropped_words(server, {"watchlist": {"hold": ["KNACKER*", "Pikey*"]}}) == []


def test_a_sites_policy_is_named_for_the_site_unless_it_names_itself() -> None:
    # Desk 80: the effective policy of a site read "default", as if none applied.
    assert on_top(BASE, '[watchlist]\nhold = ["x"]\n', "toml", "news").name == "news"
    named = on_top(BASE, 'name = "news-strict"\n[watchlist]\nhold = ["x"]\n', "toml", "news")
    assert named.name == "news-strict"
    assert on_top(BASE, None, None, "news") is BASE  # no document: the server's own


def test_a_site_that_sets_one_german_threshold_keeps_the_other_german_ones() -> None:
    """The README's own example: German toxicity set, German identity_attack, insult, ...
    fell back to the English thresholds and held civil German comments."""
    site = parse_document(
        "[languages.thresholds.de]\ntoxicity = { hold = 0.6, reject = 0.9 }\n", "toml", "s"
    )
    policy = parse_policy(merge_documents(BASE.raw, site), "s")
    german = policy.thresholds_for("de")
    assert (german["toxicity"].hold, german["toxicity"].reject) == (0.6, 0.9)
    for attribute in ("identity_attack", "insult", "threat", "severe_toxicity"):
        assert german[attribute] == BASE.thresholds_for("de")[attribute], attribute
        assert german[attribute] != BASE.thresholds[attribute], attribute
    assert policy.thresholds_for("fr") == BASE.thresholds_for("fr")  # other languages kept


def test_a_site_that_sets_only_a_hold_keeps_the_base_reject() -> None:
    """``toxicity = { hold = 0.5 }`` on a site dropped the base's reject: a slur at 0.97
    toxicity was only held there."""
    site = parse_document(
        "[thresholds]\ntoxicity = { hold = 0.5 }\n"
        "[languages.thresholds.de]\ntoxicity = { hold = 0.6 }\n",
        "toml",
        "s",
    )
    policy = parse_policy(merge_documents(BASE.raw, site), "s")
    assert policy.thresholds["toxicity"].hold == 0.5
    assert policy.thresholds["toxicity"].reject == BASE.thresholds["toxicity"].reject
    german = policy.thresholds_for("de")["toxicity"]
    assert german.hold == 0.6
    assert german.reject == BASE.thresholds_for("de")["toxicity"].reject is not None
    never = parse_document("[thresholds]\ntoxicity = { hold = 0.5, reject = false }\n", "toml", "s")
    rule = parse_policy(merge_documents(BASE.raw, never), "s").thresholds["toxicity"]
    assert (rule.hold, rule.reject) == (0.5, None)
    with pytest.raises(PolicyError, match="must be a number"):
        parse_policy({"thresholds": {"toxicity": {"hold": True}}}, "s")


def test_a_site_hold_above_the_base_reject_is_refused() -> None:
    reject = BASE.thresholds["toxicity"].reject
    assert reject is not None and reject < 0.99
    site = parse_document("[thresholds]\ntoxicity = { hold = 0.99 }\n", "toml", "s")
    with pytest.raises(PolicyError, match=r"hold 0\.99 is above reject"):
        parse_policy(merge_documents(BASE.raw, site), "s")


def test_an_empty_rule_removes_the_base_rule_on_a_site_and_is_refused_in_a_file() -> None:
    site = parse_document("[thresholds]\ntoxicity = {}\n", "toml", "s")
    policy = parse_policy(merge_documents(BASE.raw, site), "s")
    assert "toxicity" not in policy.thresholds
    assert policy.thresholds["insult"] == BASE.thresholds["insult"]
    with pytest.raises(PolicyError, match=r"thresholds.toxicity is empty"):
        parse_policy({"thresholds": {"toxicity": {}}}, "site.toml")
    never = {"hold": False, "reject": False}  # the same switch, written otherwise
    with pytest.raises(PolicyError, match=r"thresholds.toxicity is empty"):
        parse_policy({"thresholds": {"toxicity": never}}, "site.toml")
    site = parse_document(
        '{"thresholds": {"toxicity": {"hold": false, "reject": false}}}', "json", "s"
    )
    assert "toxicity" not in parse_policy(merge_documents(BASE.raw, site), "s").thresholds


def test_one_parser_reads_thresholds_and_site_tables_together() -> None:
    data = merge_documents(
        BASE.raw, {"authors": {"premoderate_first": 1, "trusted": ["a"]}, "escalation": {}}
    )
    policy = parse_policy(data, "s")
    assert policy.screen_authors is True
    assert policy.rules.premoderate_first == 1
    assert policy.rules.trusted == frozenset({"a"})


# ------------------------------------------------------------------ the watchlist's pre-filter

WATCHED = ("fuck*", "kill all *", "stupid", "don't * me", "e-mail", "*hole", "yo*u s*ck")


def test_a_needle_is_the_longest_literal_run_squeezed() -> None:
    assert squeeze("fuuuuck  !!") == "fuck !"
    assert needle_of("kill all *") == "kil"
    assert needle_of("yo*u s*ck") in {"yo", "ck"}
    assert needle_of("fuck*") == "fuck"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "fuuuck",
                "f.u.c.k",
                "kill",
                "all",
                "them",
                "KILL  ALL",
                "stoopid",
                "stupid",
                "don't",
                "touch",
                "me",
                "e-mail",
                "e mail",
                "a-hole",
                "yoou",
                "suck",
                "suuck",
                "!!",
                "x",
                "ü",
                "ß",
                "𝐟𝐮𝐜𝐤",
                "1",
                "_",
                "\n",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_the_pre_filter_never_drops_a_match(text: str) -> None:
    """With each rule's needle the matches are exactly those of every regex run on every
    comment (rules without a needle are always tried)."""
    rules = [WatchRule.of(p, "hold") for p in WATCHED]
    plain = [WatchRule(r.pattern, r.action, replace(r.matcher, finder=None)) for r in rules]
    assert all(r.needle for r in rules) and not any(r.needle for r in plain)
    assert match_watchlist(rules, text) == match_watchlist(plain, text)
