"""The policy page's logic: the form from a policy, the form back to a document, TOML out,
and the preview of a draft."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pages_support import policy_form

from threadguard.dashboard.policy_page import (
    PREVIEW_DEFAULT,
    PREVIEW_MAX,
    check_draft,
    draft_from_form,
    draft_of,
    own_fields,
    preview_of,
    preview_size,
    stored_document,
    to_toml,
)
from threadguard.moderation import load_policy, on_top
from threadguard.moderation.policy import parse_policy
from threadguard.schema import ATTRIBUTES
from threadguard.service.moderation import ChangedDecision, PolicyComparison

BASE = load_policy()


def form_of(**fields: str) -> Any:
    return lambda name: fields.get(name, "")


def filled(**changes: str) -> dict[str, str]:
    """The form as the page shows it for the default policy, with ``changes``."""
    return policy_form(BASE, **changes)


def test_the_form_shows_the_effective_thresholds_and_watched_words() -> None:
    draft = draft_of(BASE)
    rows = {r.attribute: r for r in draft.thresholds}
    assert list(rows) == list(ATTRIBUTES)
    toxicity = BASE.thresholds["toxicity"]
    assert (rows["toxicity"].hold, rows["toxicity"].reject) == (
        str(toxicity.hold),
        str(toxicity.reject),
    )
    assert (rows["profanity"].hold, rows["profanity"].reject) == ("0.85", "")
    assert rows["identity_attack"].label == "Identity attack"
    assert [w.action for w in draft.watchlist] == ["block", "hold", "flag", "censor"]


def test_an_unchanged_form_gives_the_same_policy() -> None:
    draft = draft_from_form(form_of(**filled()))
    checked = check_draft(BASE, draft, {}, "news")
    assert checked.error is None and checked.policy is not None
    assert checked.policy.thresholds == BASE.thresholds
    assert checked.policy.rules.watchlist == BASE.rules.watchlist


def test_a_changed_form_keeps_the_rest_of_the_site_document() -> None:
    stored = stored_document(
        "[authors]\npremoderate_first = 2\n[thresholds]\nthreat = { hold = 0.1 }\n", "toml", "news"
    )
    fields = filled(hold_toxicity=" 0.5 ", reject_profanity="0.99", hold_threat="0.3")
    fields["watch_block"] = "kill all *\n\n  kill all *\nbad phrase\n"
    draft = draft_from_form(form_of(**fields))
    checked = check_draft(BASE, draft, stored, "news")
    assert checked.error is None and checked.policy is not None
    policy = checked.policy
    assert policy.thresholds["toxicity"].hold == 0.5
    assert policy.thresholds["profanity"].reject == 0.99
    assert policy.thresholds["threat"].hold == 0.3
    assert policy.rules.premoderate_first == 2
    assert [(r.pattern, r.action) for r in policy.rules.watchlist] == [
        ("kill all *", "block"),
        ("bad phrase", "block"),
    ]
    doc = tomllib.loads(checked.text)
    assert doc["authors"] == {"premoderate_first": 2}
    # only what differs from the base policy is the site's own (its hold list is the base's)
    assert doc["watchlist"] == {"block": ["kill all *", "bad phrase"]}


def test_the_form_sets_what_coded_hate_does_and_the_terms_a_site_drops() -> None:
    assert (draft_of(BASE).coded_action, draft_of(BASE).coded_ignore) == ("hold", ())
    fields = filled(coded_action="flag", coded_ignore="feminazi*\n\n kung flu \nfeminazi*")
    checked = check_draft(BASE, draft_from_form(form_of(**fields)), {}, "news")
    assert checked.error is None and checked.policy is not None
    assert checked.policy.rules.coded_action == "flag"
    assert checked.policy.rules.coded_ignore == {"feminazi*", "kung flu"}
    assert tomllib.loads(checked.text)["coded_hate"] == {
        "action": "flag",
        "ignore": ["feminazi*", "kung flu"],
    }
    bad = check_draft(BASE, draft_from_form(form_of(**filled(coded_action="ban"))), {}, "s")
    assert (
        bad.error is not None and "coded_hate.action must be hold, reject, flag, off" in bad.error
    )


def test_a_form_without_the_coded_hate_fields_leaves_the_sites_table_alone() -> None:
    stored = stored_document('[coded_hate]\naction = "off"\n', "toml", "news")
    fields = {k: v for k, v in filled().items() if not k.startswith("coded_")}
    checked = check_draft(BASE, draft_from_form(form_of(**fields)), stored, "news")
    assert checked.policy is not None and checked.policy.rules.coded_action == "off"


def test_the_form_sets_what_threats_do_and_leaves_the_table_alone_without_the_field() -> None:
    assert draft_of(BASE).threat_action == "hold"
    checked = check_draft(BASE, draft_from_form(form_of(**filled(threat_action="flag"))), {}, "n")
    assert checked.policy is not None and checked.policy.rules.threat_action == "flag"
    assert tomllib.loads(checked.text)["threats"] == {"action": "flag"}
    bad = check_draft(BASE, draft_from_form(form_of(**filled(threat_action="ban"))), {}, "s")
    assert bad.error is not None and "threats.action must be hold, reject, flag, off" in bad.error
    stored = stored_document('[threats]\naction = "off"\n', "toml", "news")
    fields = {k: v for k, v in filled().items() if k != "threat_action"}
    checked = check_draft(BASE, draft_from_form(form_of(**fields)), stored, "news")
    assert checked.policy is not None and checked.policy.rules.threat_action == "off"


@pytest.mark.parametrize(
    ("field", "table", "attribute"),
    [
        ("abusive_action", "abusive_words", "abusive_action"),
        ("contact_action", "contact_details", "contact_action"),
    ],
)
def test_the_form_sets_what_abusive_words_and_contact_details_do(
    field: str, table: str, attribute: str
) -> None:
    """Both phases hold by default and a site could only turn them off in a policy file:
    the form had no field for them (session 34)."""
    assert getattr(draft_of(BASE), attribute) == "hold"
    checked = check_draft(BASE, draft_from_form(form_of(**filled(**{field: "off"}))), {}, "n")
    assert checked.policy is not None and getattr(checked.policy.rules, attribute) == "off"
    assert tomllib.loads(checked.text)[table] == {"action": "off"}
    stored = stored_document(f'[{table}]\naction = "flag"\n', "toml", "news")
    fields = {k: v for k, v in filled().items() if k != field}
    checked = check_draft(BASE, draft_from_form(form_of(**fields)), stored, "news")
    assert checked.policy is not None and getattr(checked.policy.rules, attribute) == "flag"


def test_emptied_thresholds_turn_an_attribute_off() -> None:
    draft = draft_from_form(form_of(**filled(hold_profanity="", reject_profanity="")))
    checked = check_draft(BASE, draft, {}, "news")
    assert checked.policy is not None
    assert "profanity" not in checked.policy.thresholds  # no rule: never held or rejected


def test_invalid_drafts_get_the_parsers_message_naming_the_key() -> None:
    cases = {
        "hold_toxicity": ("abc", "thresholds.toxicity.hold must be a number in [0, 1], got 'abc'"),
        "reject_threat": ("1.5", "thresholds.threat.reject must be a number in [0, 1]"),
        "hold_insult": ("0.99", "thresholds.insult: hold 0.99 is above reject 0.95"),
        "watch_hold": ("*", "watchlist.hold: '*'"),
        "reject_toxicity": ("nan", "thresholds.toxicity.reject must be a number in [0, 1]"),
    }
    for field, (value, message) in cases.items():
        checked = check_draft(BASE, draft_from_form(form_of(**filled(**{field: value}))), {}, "s")
        assert checked.policy is None, field
        assert checked.error is not None and message in checked.error, checked.error


def test_a_stored_document_that_no_longer_reads_is_left_out() -> None:
    assert stored_document(None, None, "s") == {}
    assert stored_document("not = [toml", "toml", "s") == {}
    assert stored_document('{"name": "x"}', "json", "s") == {"name": "x"}


def test_the_preview_counts_transitions_stricter_first_and_shows_examples() -> None:
    long_text = "x" * 1000

    def change(n: int, before: str, after: str) -> ChangedDecision:
        return ChangedDecision(f"c{n}", long_text, "ann", before, after, ("why",), ())

    comparison = PolicyComparison(
        compared=50,
        current={"approve": 40, "hold": 8, "reject": 2},
        candidate={"approve": 37, "hold": 10, "reject": 3},
        changes=[
            change(1, "hold", "approve"),
            *[change(n, "approve", "hold") for n in range(2, 6)],
            change(6, "hold", "reject"),
            *[change(n, "approve", "reject") for n in range(7, 30)],
        ],
    )
    preview = preview_of(comparison)
    assert preview.transitions == (
        ("approve", "reject", 23),
        ("approve", "hold", 4),
        ("hold", "reject", 1),
        ("hold", "approve", 1),
    )
    assert preview.changed == 29 and preview.compared == 50
    assert len(preview.examples) == 12
    assert len(preview.examples[0].excerpt) == 240 and preview.examples[0].excerpt.endswith("…")


def test_the_preview_size_is_bounded() -> None:
    assert preview_size("") == PREVIEW_DEFAULT
    assert preview_size("ten") == PREVIEW_DEFAULT
    assert preview_size(" 30 ") == 30
    assert preview_size("0") == 1
    assert preview_size("99999999") == PREVIEW_MAX


SCALARS = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.text(),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(st.dictionaries(st.text(), VALUES, max_size=6))
@example({"a\n": 1})  # `$` would match before the newline: the key must be quoted
def test_any_document_round_trips_through_toml(doc: dict[str, Any]) -> None:
    assert tomllib.loads(to_toml(doc)) == doc


def test_toml_leaves_out_nulls_and_writes_inline_tables() -> None:
    text = to_toml(
        {"name": "n", "thresholds": {"toxicity": {"hold": 0.7, "reject": None}}, "x": None}
    )
    assert text == 'name = "n"\n\n[thresholds]\ntoxicity = { hold = 0.7 }\n'


def test_a_draft_writes_only_the_values_that_differ_from_the_base() -> None:
    """The form wrote every base value into the site's document, so a later change of
    the server's policy never reached the site (the tryout's second problem)."""
    unchanged = check_draft(BASE, draft_from_form(form_of(**filled())), {}, "news")
    assert unchanged.policy is not None and tomllib.loads(unchanged.text) == {}
    fields = filled(hold_toxicity="0.5", reject_profanity="", threat_action="flag")
    checked = check_draft(BASE, draft_from_form(form_of(**fields)), {}, "news")
    assert checked.policy is not None
    assert tomllib.loads(checked.text) == {
        "thresholds": {"toxicity": {"hold": 0.5}},
        "threats": {"action": "flag"},
    }
    # a server whose base policy changes later: the site keeps its own, inherits the rest
    raw = {**BASE.raw, "thresholds": {**BASE.raw["thresholds"], "insult": {"hold": 0.4}}}
    later = parse_policy(raw, "later base")
    site = on_top(later, checked.text, "toml", "news")
    assert site.thresholds["insult"].hold == 0.4
    assert site.thresholds["toxicity"].hold == 0.5
    assert site.thresholds["toxicity"].reject == BASE.thresholds["toxicity"].reject


def test_values_set_back_to_the_base_leave_the_sites_document() -> None:
    stored = stored_document(
        "[thresholds]\ntoxicity = { hold = 0.5, reject = 0.99 }\n"
        '[threats]\naction = "flag"\n[authors]\npremoderate_first = 2\n',
        "toml",
        "news",
    )
    assert own_fields(stored) == {"hold_toxicity", "reject_toxicity", "threat_action"}
    base_toxicity = draft_of(BASE).thresholds[0]
    fields = filled(hold_toxicity=base_toxicity.hold, reject_toxicity="0.99", threat_action="hold")
    checked = check_draft(BASE, draft_from_form(form_of(**fields)), stored, "news")
    assert tomllib.loads(checked.text) == {
        "thresholds": {"toxicity": {"reject": 0.99}},
        "authors": {"premoderate_first": 2},
    }


def test_a_rule_table_the_base_lacks_keeps_its_action() -> None:
    """A table without an action holds: a site's own list of ignored terms over a base
    policy without coded hate must not turn the phase on."""
    raw = {k: v for k, v in BASE.raw.items() if k != "coded_hate"}
    base = parse_policy(raw, "no coded hate")
    assert draft_of(base).coded_action == "off"
    fields = policy_form(base, coded_ignore="feminazi*")
    checked = check_draft(base, draft_from_form(form_of(**fields)), {}, "news")
    assert checked.policy is not None and checked.policy.rules.coded_action == "off"
    assert tomllib.loads(checked.text)["coded_hate"] == {"ignore": ["feminazi*"], "action": "off"}
