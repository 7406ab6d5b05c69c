"""Coded hate: the lexicon's codes are held (or named) with what they mean, through
obfuscation, in text and author names; a sentence that rebuts a theory's name is not held
for it; ordinary words are not codes; and a site can drop a term or the whole phase."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from threadguard.analysis import Analysis
from threadguard.engine import MAX_CHARS, CommentInput, Engine
from threadguard.moderation import (
    AuthorContext,
    Moderator,
    Outcome,
    Policy,
    PolicyError,
    load_policy,
    parse_policy,
)
from threadguard.moderation.coded_hate import (
    NEAR,
    LexiconError,
    lexicon,
    match_coded,
    parse_lexicon,
    rebutted,
)
from threadguard.normalize import normalize_text
from threadguard.schema import ATTRIBUTES, GROUPS

DEFAULT = load_policy()
CALM = Analysis(None, dict.fromkeys(ATTRIBUTES, 0.02))
REBUTTED = " (reported or rebutted: not held for it)"


def with_coded(**table: object) -> Policy:
    """The default policy with its ``[coded_hate]`` table replaced by ``table``."""
    rules = parse_policy({"coded_hate": dict(table)}, "test").rules
    return replace(DEFAULT, rules=rules)


def decide(policy: Policy, text: str, author: AuthorContext | None = None) -> Outcome:
    return Moderator(policy).decide(CALM, text, author)


def test_the_default_policy_holds_a_code_and_says_what_it_means() -> None:
    outcome = decide(DEFAULT, "Time for remigration, all of them.")
    assert outcome.decision.action == "hold"
    [reason] = outcome.decision.reasons
    assert reason.startswith('coded hate "remigration": ')
    assert "deport" in reason


@pytest.mark.parametrize(
    "text",
    ["r e m i g r a t i o n now", "REMIGRATION!!!", "remigrati0n", "Welcome to L0nd0nistan"],
)
def test_codes_are_found_through_obfuscation(text: str) -> None:
    assert match_coded(text), text


#: Civil sentences on sport, food, history, fiction, business and prices, written to
#: catch codes that are ordinary words somewhere (the lexicon's header lists what was
#: dropped for them): none may be held by the coded-hate phase.
CIVIL = [
    "The council approved the new bus lanes.",
    "Woops, I posted twice.",
    "The Pakistani delegation arrives on Monday.",
    "The Open Championship returns to Royal Troon next July.",
    "Crispy roasties are the best part of a Sunday lunch.",
    "Remove kebab from the grill and let it rest for five minutes.",
    "My kids adore Zog by Julia Donaldson.",
    "King Zog of Albania fled to Greece in 1939.",
    "The shares closed at $14.88 on Friday, down two percent.",
    "Score after the third quarter was 14-88 in a rout.",
    "The Muslim invasion of Spain began in 711.",
    "The Islamization of Anatolia took centuries.",
    "The orcs in the new Lord of the Rings series look better than the elves.",
    "He threw a beaner at the batter and was ejected from the game.",
    "Those old Ford trannies were bulletproof.",
    "Mohammedan Sporting beat East Bengal 2-1 in the Calcutta derby.",
    "The Khazarian khaganate converted to Judaism, historians say.",
    "In Genesis the Sodomites surround Lot's house.",
    "Happy merchants reported the best December in a decade.",
    "Alphabet people familiar with the plan said it would launch in May.",
    "BBC news anchor Babita Sharma presented the bulletin.",
    "Hymie Weiss was a Chicago gangster in the 1920s.",
    "Kikeriki is how Germans write a rooster's crow.",
    "Saturday is rope day at the climbing gym.",
    "We wuz robbed by that penalty!",
    "In the war my grandfather fought the Krauts in Normandy, as he called them.",
    "There is no migrant invasion; arrivals fell by a third last year.",
    "The great replacement conspiracy theory has been debunked again and again.",
    "The AfD's remigration plan is racist and should be condemned.",
    "Far-right marchers chanted blood and soil in Charlottesville.",
    # near misses of session 16's codes
    "Troon's harbour is lovely in spring.",
    "We watched the crickets under the full moon.",
    "The museum's cultural enrichment programme reaches every school.",
    "The uranium enrichers at the plant went on strike.",
    "The Jewish community's lightning-fast appeal raised thousands.",
    "The dancing at the Israeli embassy party went on past midnight.",
    "The shekel rose against the dollar.",
    "Nested calls like f(g(h(x))) are hard to read.",
    "((( ))) marks the chorus in the hymn book.",
    "The lie that Jews control the banks is as old as it is vile.",
    'A flyer said "the great replacement is happening". I took it down.',
    "The first chink in the government's armour appeared on Tuesday.",
    "A chink of light under the door woke me.",
]


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("That fire was jewish lightning if you ask me.", "jewish lightning"),
        ("He jewed me down on the price.", "jewed"),
        ("More moon crickets moving in next door.", "moon cricket*"),
        ("Our cultural enrichers strike again.", "cultural enricher*"),
        ("Remember the dancing israelis.", "dancing israelis"),
        # session 33, a tryout's threads
        ("(((They))) always win the wars they start.", "(((echo)))"),
        ("Funded by ((( Soros ))) again.", "(((echo)))"),
        ("Jews control the council, as usual. Follow the money.", "jews control"),
        # a quotation the comment asserts, and a "lie" said of the rebuttal (review)
        ('"Jews control the banks and the media."', "jews control"),
        ('Wake up: "jews control everything" and always have.', "jews control"),
        ("Jews control the banks, and anyone who calls that a lie is a fool.", "jews control"),
        # a twentieth news desk's (toxicity 0.20)
        ("Chinky takeaway's open longer than the library these days.", "chinky"),
        ("Half the high street is chinkies and vape shops now.", "chinkies"),
    ],
)
def test_codes_the_models_approve_are_held(text: str, pattern: str) -> None:
    outcome = decide(DEFAULT, text)
    assert outcome.decision.action == "hold"
    assert [m.term.pattern for m in outcome.coded] == [pattern]


@pytest.mark.parametrize("text", CIVIL)
def test_civil_sentences_are_not_held_for_a_code(text: str) -> None:
    assert decide(DEFAULT, text).decision.action == "approve"


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The shooter was inspired by the great replacement conspiracy theory.", "approve"),
        ("The party's leaflets use remigration as a euphemism for expelling citizens.", "approve"),
        ("Remigration is not a euphemism, it is the plan.", "hold"),
        (
            "Remigration is just a polite euphemism for sending them home, and I'm all for it.",
            "hold",
        ),
        ("The great replacement is happening before our eyes.", "hold"),
        ("The great replacement is no myth.", "hold"),
        ("The great replacement is a dangerous lie.", "approve"),
        ("The great replacement is no lie.", "hold"),
        ("The great replacement is not a lie, look around.", "hold"),
        ("The Great Replacement isn't a theory when you look at the numbers.", "hold"),
        ("Remigration now. Stop the leftist propaganda and the lies.", "hold"),
        ("Time for 'remigration'!", "hold"),
        ("Why not remigration?", "hold"),
        ("Is it not time for remigration?", "hold"),
        ("He is just another 'raghead' to me.", "hold"),
        ("Calling them towelheads is racist, they say. Towelheads.", "hold"),
        # news desk 41 (session 46): a hyphenated rebuttal, a talking point
        (
            '"13/50" is a white-supremacist talking point built on misread arrest figures.',
            "approve",
        ),
        ("The great replacement is a far-right talking point.", "approve"),
        ("13/50. Look it up before you lecture me.", "hold"),
    ],
)
def test_a_theory_rebutted_in_its_sentence_is_only_named_but_a_use_or_a_slur_holds(
    text: str, action: str
) -> None:
    """A rebutting word counts near the code, in its sentence, and not negated; quotes
    are no rebuttal (scare quotes are a coder's device); a slur holds even quoted."""
    decision = decide(DEFAULT, text).decision
    assert decision.action == action
    assert decision.reasons[0].endswith(REBUTTED) == (action == "approve")


@pytest.mark.parametrize(
    ("language", "text", "action"),
    [
        (
            "de",
            "Die Forderung nach Remigration ist rassistisch und verfassungsfeindlich.",
            "approve",
        ),
        ("de", "Es gibt keine Remigration, das ist ein rechtsextremer Kampfbegriff.", "approve"),
        ("de", "Der große Austausch ist eine Verschwörungstheorie.", "approve"),
        ("de", "Der Große Austausch ist kein Mythos.", "hold"),
        ("de", "Remigration jetzt, alle raus!", "hold"),
        ("fr", "La « remigration » prônée par ce candidat est une idée raciste.", "approve"),
        ("fr", "Le grand remplacement est un fantasme d'extrême droite.", "approve"),
        ("fr", "Le grand remplacement est une réalité, il faut renvoyer tous ces gens.", "hold"),
        ("fr", "Le grand remplacement n'est pas un mythe.", "hold"),
        ("es", "El gran reemplazo es un bulo racista.", "approve"),
        ("es", "El gran reemplazo ya está aquí.", "hold"),
    ],
)
def test_the_theory_is_rebutted_and_named_in_the_other_languages_too(
    language: str, text: str, action: str
) -> None:
    """Written for this test. German and French condemnations of "Remigration" were held
    (the rebutting words were English only), and the theory's own names in those
    languages were not known."""
    decision = Moderator(DEFAULT).decide(replace(CALM, language=language), text).decision
    assert decision.action == action
    assert decision.reasons and decision.reasons[0].startswith("coded hate")
    assert decision.reasons[0].endswith(REBUTTED) == (action == "approve")


def test_a_rebuttal_far_away_or_in_another_sentence_does_not_count() -> None:
    far = "remigration " + "x" * NEAR + " conspiracy"
    assert not rebutted(far, 0, len("remigration"))
    assert not rebutted("Remigration now. It is a conspiracy theory, they say.", 0, 11)
    assert rebutted("Remigration, a racist idea.", 0, 11)


def test_remigration_said_of_people_and_as_a_user_name_is_held() -> None:
    # Desk 60 (session 49): "Remigrate_Now" passed as a user name, though the README says a
    # name is held by a code of coded hate; a code review: the verb is also said of people
    # going home of their own accord.
    assert decide(DEFAULT, "Time to remigrate the lot of them.").decision.action == "hold"
    named = decide(DEFAULT, "Nice weather today.", AuthorContext(name="Remigrate_Now"))
    assert named.decision.action == "hold"
    assert any("remigrate now" in r for r in named.decision.reasons)
    for civil in (
        "My grandparents remigrated to Ireland in the 1970s after twenty years in Coventry.",
        "Loads of Portuguese nurses are remigrating home because of the rent.",
    ):
        assert decide(DEFAULT, civil).decision.action == "approve", civil


def test_each_code_is_named_once_and_held_if_any_use_is_not_rebutted() -> None:
    text = "The remigration theory is racist. Remigration now!"
    decision = decide(DEFAULT, text).decision
    assert decision.action == "hold"
    assert decision.reasons == (
        'coded hate "remigration": a call to deport migrants and their descendants'
        " (targets nationality_migration)",
    )
    assert len(decide(DEFAULT, "Londonistan today, Londonistan tomorrow.").decision.reasons) == 1


def test_author_names_are_screened_for_codes_but_never_rebutted() -> None:
    outcome = decide(DEFAULT, "hello", AuthorContext("proud_1488", 5))
    assert outcome.decision.action == "hold"
    assert outcome.decision.reasons[0].startswith('author name: coded hate "1488"')
    theory = decide(DEFAULT, "hello", AuthorContext("remigration_theory", 5))
    assert theory.decision.action == "hold"


def test_an_opaque_author_id_is_not_screened_for_codes() -> None:
    coral_user = AuthorContext("3f2a9c1e-1488-4b7e-9d2a-0c5e7f1a2b3c", 5)
    assert decide(DEFAULT, "hello", coral_user).decision.action == "approve"
    assert decide(DEFAULT, "hello", AuthorContext("88_1488", 5)).decision.action == "hold"


def test_other_languages_are_searched_for_the_codes_used_in_every_language_only() -> None:
    german = replace(CALM, language="de")
    pulled = Moderator(DEFAULT).decide(german, "Er sprach über Feminazis und Kung Flu.")
    assert pulled.decision.action == "approve"
    assert match_coded("Kung flu again", language="de") == []
    assert [m.term.pattern for m in match_coded("Kung flu again")] == ["kung flu"]
    coded = Moderator(DEFAULT).decide(german, "Remigration jetzt, sofort!")
    assert coded.decision.action == "hold"


def test_the_details_keep_each_code_with_its_place_in_the_original_text() -> None:
    text = "Welcome to L0nd0nistan, again."
    details = decide(DEFAULT, text).details()
    assert details is not None
    [found] = details["coded_hate"]
    assert text[found["begin"] : found["end"]] == "L0nd0nistan"
    assert (found["pattern"], found["group"]) == ("londonistan", "muslims")
    assert "rebutted" not in found and "in" not in found


def test_a_context_entrys_reason_names_the_words_written_after_the_entry() -> None:
    # Desk 27: "a certain tribe" was held with a reason naming only "a certain lobby".
    text = "Funny how it always happens when a certain tribe needs sympathy. Who benefits?"
    (reason,) = decide(DEFAULT, text).decision.reasons
    assert reason.startswith('coded hate "a certain lobby" (as written: "a certain tribe"):')
    (same,) = decide(DEFAULT, text.replace("tribe", "lobby")).decision.reasons
    assert same.startswith('coded hate "a certain lobby": ')
    (term,) = decide(DEFAULT, "Welcome to L0nd0nistan, again.").decision.reasons
    assert term.startswith('coded hate "londonistan": ') and "as written" not in term


WINK = "Same globalist bankers as always, if you know who I mean. Follow the money."


def test_a_reply_quoting_its_parents_code_to_answer_it_is_not_held_for_it() -> None:
    # News desk 30: the rebuttal quoting the wink was held for the wink.
    reply = '"If you know who I mean" — yeah, we all know what you mean, and it\'s gross.'
    moderator = Moderator(DEFAULT)
    assert moderator.decide(CALM, reply, context=WINK).decision.action == "approve"
    agreeing = '"If you know who I mean" — exactly, spot on, follow the money.'
    assert moderator.decide(CALM, agreeing, context=WINK).decision.action == "hold"
    # agreement before the quotation (a review, session 45)
    slogan = "Import the third world, become the third world."
    agreed = "Couldn't agree more: 'import the third world, become the third world'. Proof."
    assert moderator.decide(CALM, agreed, context=slogan).decision.action == "hold"
    # quoted from elsewhere, not from what it answers: read as written
    elsewhere = moderator.decide(CALM, reply, context="Bankers bought the water firms.")
    assert elsewhere.decision.action == "hold"


def test_flag_names_the_code_without_holding() -> None:
    outcome = decide(with_coded(action="flag"), "Time for remigration.")
    assert outcome.decision.action == "approve"
    assert outcome.decision.reasons[0].startswith('coded hate "remigration"')


def test_a_site_can_turn_the_phase_off_or_drop_a_term_in_any_case() -> None:
    assert decide(with_coded(action="off"), "Time for remigration.").details() is None
    dropped = with_coded(ignore=["Feminazi*", "a term the lexicon does not have"])
    assert decide(dropped, "Those feminazis again.").decision.action == "approve"
    assert decide(dropped, "Time for remigration.").decision.action == "hold"


def test_the_table_holds_unless_it_says_otherwise_and_no_table_leaves_codes_alone() -> None:
    assert parse_policy({"coded_hate": {}}, "test").rules.coded_action == "hold"
    assert parse_policy({}, "test").rules.coded_action == "off"


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"action": "block"}, "coded_hate.action must be hold, reject, flag, off"),
        ({"action": True}, "coded_hate.action must be hold, reject, flag, off"),
        ({"ignore": "orcs"}, "coded_hate.ignore must be a list of strings"),
        ({"level": 1}, "unknown key(s) in [coded_hate]: level"),
    ],
)
def test_bad_coded_hate_tables_are_refused_with_the_reason(
    table: dict[str, object], message: str
) -> None:
    with pytest.raises(PolicyError, match=re.escape(message)):
        parse_policy({"coded_hate": table}, "site.toml")


def test_the_shipped_lexicon_names_a_known_group_and_a_meaning_for_every_term() -> None:
    terms = lexicon()
    assert len(terms) >= 50
    assert all(t.group in GROUPS and t.meaning.strip() for t in terms)
    assert len({t.pattern for t in terms}) == len(terms)


ENTRY = '[[term]]\npattern = "x"\ngroup = "jews"\nmeaning = "m"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[term]]\npattern = "x"\ngroup = "jews"\n', "needs pattern, group and meaning"),
        (ENTRY.replace('"jews"', '"martians"'), "unknown group"),
        (ENTRY.replace('"x"', '""'), "must be non-empty"),
        (ENTRY.replace('"x"', '"*"'), "matches every word"),
        (ENTRY + 'reported = "yes"\n', "reported must be true or false"),
        (ENTRY + "any_language = 1\n", "any_language must be true or false"),
        (ENTRY * 2, "listed twice"),
        ('term = "x"\n', "term must be an array of tables"),
        ("[[term]\n", "invalid TOML"),
    ],
)
def test_a_bad_lexicon_entry_is_an_error_naming_it(text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(text, "lex.toml")


def test_the_engines_canonical_text_is_reused_only_for_the_text_it_was_made_from(
    engine: Engine,
) -> None:
    """The engine keeps each comment's canonical text for the matchers; an analysis of
    another text (a stale or foreign one) is never trusted for this one."""
    text = "Welcome to L0nd0nistan, folks."
    [analysis] = engine.analyze([CommentInput(text)], spans=False)
    assert analysis.canonical == (text, normalize_text(text))
    assert Moderator(DEFAULT).decide(analysis, text).coded
    stale = replace(CALM, canonical=("another comment", "another comment"))
    assert Moderator(DEFAULT).decide(stale, "Time for remigration.").decision.action == "hold"
    long_text = "The ferry was late again. " * 800 + text  # over the engine's MAX_CHARS
    assert len(long_text) > MAX_CHARS
    [long] = engine.analyze([CommentInput(long_text)], spans=False)
    assert long.canonical is None  # read in pieces: no one canonical text
    assert Moderator(DEFAULT).decide(long, long_text).coded
    beside = engine.analyze([CommentInput(long_text), CommentInput(text)], spans=False)
    assert beside[1].canonical == (text, normalize_text(text))  # only the long one lost it


def test_a_code_opening_a_sentence_is_highlighted_from_its_first_letter() -> None:
    # Desk 66 (session 50): the span of a code opening a sentence read " Diversity hire".
    text = "Funny how she got the gig. Diversity hire, the ABC loves a sympathy act."
    [found] = [m for m in match_coded(text) if not m.rebutted]
    assert text[found.where.begin : found.where.end] == "Diversity hire"
