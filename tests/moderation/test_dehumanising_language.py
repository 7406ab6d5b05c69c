"""Dehumanising language in the threat list: a group called pests, a disease, an invasion
or subhuman is held and named, through obfuscation and in what the comment answers; a
sentence that reports or rebuts it names it and holds nothing; and the models' low scores
no longer let it through. (The same words about animals, armies, illness or pity, which
are not held, are among test_threats.py's civil sentences, and its test of reported and
rebutted calls reads reported and rebutted metaphors too.)"""

from __future__ import annotations

from dataclasses import replace

import pytest
from list_support import CALM, DEFAULT

from threadguard.analysis import Analysis
from threadguard.moderation import Moderator, parse_policy
from threadguard.moderation.threats import match_threats, threat_list
from threadguard.normalize import normalize_text
from threadguard.schema import ATTRIBUTES, Verdict

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
    ("Islam's a cancer.", "Islam's a cancer"),
    ("Muslims aren't even human.", "Muslims aren't even human"),
    ("Migrants are less than human.", "Migrants are less than human"),
    ("We're being invaded by migrants.", "invaded by migrants"),
    ("Jews are bloodsuckers.", "Jews are bloodsuckers"),
    # the Māori by the plural desk 91 met (session 55)
    ("Maoris are savages and always will be.", "Maoris are savages"),
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
    (reason,) = outcome.decision.reasons
    assert reason.startswith(f'{KIND}: "{phrase}" (targets ')
    assert reason.endswith(f"{', '.join(found.groups)})")


@pytest.mark.parametrize(("text", "phrase"), HELD)
def test_the_entry_that_finds_an_example_is_not_skipped_by_its_needs(
    text: str, phrase: str
) -> None:
    """``needs`` and ``also`` only spare texts the pattern cannot match."""
    canonical = normalize_text(text)
    for rule in threat_list():
        if replace(rule, needs=(), also=()).finds(canonical):
            assert rule.finds(canonical), (rule.kind, rule.needs, rule.also)


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
    assert outcome.decision.reasons == (
        f'{KIND}: "Migrants are vermin" (targets nationality_migration)',
    )
    off = Moderator(parse_policy({"threats": {"action": "off"}}, "s"))
    assert off.decide(CALM, text).threats == ()


@pytest.mark.parametrize(
    ("text", "context", "groups"),
    [
        ("Islam is a cancer.", "", ("muslims",)),
        ("Migrants are vermin.", "", ("nationality_migration",)),
        ("Jews are like rats.", "", ("jews",)),
        ("Gypsies are subhumans.", "", ("race_ethnicity",)),
        ("Our high street is infested with foreigners.", "", ("nationality_migration",)),
        # as the training templates label an attack on Somalis
        ("Somalis are parasites.", "", ("black_people", "nationality_migration")),
        ("Maoris are vermin.", "", ("race_ethnicity",)),
        # a reply's group comes from what it answers
        ("They're vermin.", "Forty asylum seekers arrived.", ("nationality_migration",)),
        (
            "Ship them all back.",
            "The council housed forty Syrians.",
            ("arabs", "nationality_migration"),
        ),
    ],
)
def test_a_call_or_metaphor_names_the_groups_it_attacks(
    text: str, context: str, groups: tuple[str, ...]
) -> None:
    (found,) = match_threats(text, context=context)
    assert found.groups == groups
    assert found.to_json()["groups"] == groups


@pytest.mark.parametrize(
    "text",
    [
        "I will make sure Arabella never walks again.",  # a name, not a people
        "I will make sure Christian never walks again.",
        "I will beat you black and blue.",
    ],
)
def test_a_threat_to_a_person_names_no_group(text: str) -> None:
    (found,) = match_threats(text)
    assert found.groups == ()
    assert "groups" not in found.to_json()


@pytest.mark.parametrize(
    "text",
    [
        "I think migrants are vermin.",
        "I believe Islam is a cancer.",
        "I'm calling it: migrants are vermin.",
        "According to me, migrants are vermin.",
        "So-called refugees are parasites.",
        "I've been called racist, but migrants are vermin.",
        "Migrants are vermin, it's not racist, it's true.",
        "Migrants are vermin, and I said so at the meeting.",
    ],
)
def test_the_writers_own_words_are_no_report_and_a_negated_rebuke_no_rebuttal(
    text: str,
) -> None:
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.threat_held
    assert [t.kind for t in outcome.threats] == [KIND]


@pytest.mark.parametrize(
    "text",
    [
        # a word goes on past the metaphor
        "Syrians are a disease-free population, the WHO said.",
        "Refugees are a virus-exposed group.",
        "Migrants are lice-ridden because the camp has no showers.",
        "Refugees are the plague's first victims.",
        "Refugees are the cancer ward's most frequent patients.",
        "Jews are the virus researchers at the Weizmann institute.",
        "Islam is a poison-free faith.",
        # history, and a people's name as an adjective
        "Jews were vermin in Nazi propaganda.",
        "Arabs were invaders of Spain in 711.",
        "Muslim invaders took Jerusalem in 637.",
        "The invasion of Muslim Spain began in 1212.",
        "The plague of refugee deaths in the Channel must end.",
        # negated, pitied, or animals
        "There was no invasion of migrants; arrivals fell by a third.",
        "Refugees are like rats in a trap, with nowhere to go.",
        "Mexican rats are a different species.",
        "Somali cockroaches are huge, the entomologist said.",
    ],
)
def test_words_that_go_on_past_the_metaphor_history_and_pity_are_not_matched(
    text: str,
) -> None:
    assert match_threats(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Refugees are vermin, he wrote.",
        "They are animals, the camp guards said of the refugees.",
        "Migrants are no better than animals in the eyes of the smugglers.",
        "The tabloids warned of a plague of migrants.",
    ],
)
def test_someone_elses_words_after_or_before_the_phrase_are_a_report(text: str) -> None:
    (found,) = match_threats(text, context="refugees")
    assert found.rebutted and not found.holds
