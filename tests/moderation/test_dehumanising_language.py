"""Dehumanising language in the threat list: a group called pests, a disease, an invasion
or subhuman is held and named, through obfuscation and in what the comment answers; a
sentence that reports or rebuts it names it and holds nothing; and the models' low scores
no longer let it through. (The same words about animals, armies, illness or pity, which
are not held, are among test_threats.py's civil sentences, and its test of reported and
rebutted calls reads reported and rebutted metaphors too.)"""

from __future__ import annotations

import pytest

from threadguard.analysis import Analysis
from threadguard.moderation import Moderator, load_policy, parse_policy
from threadguard.moderation.threats import KINDS, REBUTTABLE, match_threats
from threadguard.schema import ATTRIBUTES, Verdict

DEFAULT = Moderator(load_policy())
CALM = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.02), language="en")
KIND = "dehumanising language"

HELD = [
    ("Migrants are vermin.", "Migrants are vermin"),
    ("Muslims are a cancer on this country.", "Muslims are a cancer"),
    ("Immigrants are nothing but parasites.", "Immigrants are nothing but parasites"),
    ("Refugees are an invasion and we must say so.", "Refugees are an invasion"),
    ("Jews are like rats.", "Jews are like rats"),
    ("Gypsies are subhumans.", "Gypsies are subhumans"),
    ("Immigrants are basically locusts stripping the land.", "Immigrants are basically locusts"),
    ("asylum seekers r vermin", "asylum seekers r vermin"),
    ("A plague of migrants has ruined the town.", "plague of migrants"),
    ("Our high street is infested with foreigners.", "infested with foreigners"),
    ("Muslims breed like rabbits.", "Muslims breed like rabbits"),
    ("Migrant scum should be ashamed.", "Migrant scum"),
    ("Islam is a cancer.", "Islam is a cancer"),
]


@pytest.mark.parametrize(("text", "phrase"), HELD)
def test_a_group_called_pests_a_disease_or_an_invasion_is_held_and_named(
    text: str, phrase: str
) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert outcome.threat_held
    (found,) = outcome.threats
    assert (found.kind, found.phrase) == (KIND, phrase)
    assert text[found.begin : found.end] == phrase
    assert outcome.decision.reasons == (f'{KIND}: "{phrase}"',)


def test_the_kind_is_listed_and_may_be_reported_or_rebutted() -> None:
    assert KIND in KINDS
    assert KIND in REBUTTABLE


def test_an_obfuscated_metaphor_is_found_in_the_original_text() -> None:
    text = "M1GRANTS   are V.E.R.M.I.N"
    found = match_threats(text)
    assert [f.kind for f in found] == [KIND]
    assert text[found[0].begin : found[0].end] == found[0].phrase


def test_a_quoted_metaphor_is_named_but_not_held() -> None:
    outcome = DEFAULT.decide(CALM, 'The banner read "Migrants are vermin" and was taken down.')
    assert outcome.action is Verdict.APPROVE
    assert outcome.threats[0].quoted


def test_a_pronoun_is_dehumanised_only_where_a_group_is_named_near_or_in_the_parent() -> None:
    reply = "They're vermin, the lot of them."
    assert match_threats(reply) == []
    parent = "Forty asylum seekers were housed at the old hotel this week."
    (found,) = match_threats(reply, context=parent)
    assert (found.kind, found.phrase) == (KIND, "They're vermin")
    assert DEFAULT.decide(CALM, reply, context=parent).threat_held
    assert not DEFAULT.decide(CALM, reply, context="Rats were seen behind the bakery.").threats


def test_the_phrase_holds_what_the_models_score_as_harmless() -> None:
    """The reason this list exists: an analysis that scores the comment as civil (as the
    deep tier scored "Immigrants are an invasion": toxicity 0.37) is still held."""
    mild = Analysis(None, {**dict.fromkeys(ATTRIBUTES, 0.05), "toxicity": 0.37}, language="en")
    assert DEFAULT.decide(mild, "Immigrants are an invasion and must be stopped.").threat_held


def test_a_site_can_flag_or_turn_off_the_phrases_with_the_threats_table() -> None:
    text = "Migrants are vermin."
    flag = Moderator(parse_policy({"threats": {"action": "flag"}}, "s"))
    outcome = flag.decide(CALM, text)
    assert outcome.action is Verdict.APPROVE
    assert outcome.decision.reasons == (f'{KIND}: "Migrants are vermin"',)
    off = Moderator(parse_policy({"threats": {"action": "off"}}, "s"))
    assert off.decide(CALM, text).threats == ()


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Islam is a cancer.", "muslims"),
        ("Migrants are vermin.", "nationality_migration"),
        ("Jews are like rats.", "jews"),
        ("Gypsies are subhumans.", "race_ethnicity"),
        ("Our high street is infested with foreigners.", "nationality_migration"),
    ],
)
def test_the_phrase_names_the_group_it_dehumanises(text: str, group: str) -> None:
    (found,) = match_threats(text)
    assert found.group == group
    assert found.to_json()["group"] == group


def test_a_phrase_naming_no_group_records_none() -> None:
    (found,) = match_threats("They are vermin.", context="The asylum seekers arrived today.")
    assert found.group is None
    assert "group" not in found.to_json()
    (beaten,) = match_threats("I will beat you black and blue.")
    assert beaten.group is None
