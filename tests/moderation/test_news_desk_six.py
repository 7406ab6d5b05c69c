"""A sixth news-desk tryout (a vandalised Jewish cemetery, disability-benefits reform, the
Women's FA Cup final, a stabbing on an estate, a native-title ruling) published the sexist
"get back in the kitchen love", the antisemitic "a certain lobby ... who benefits", and held
"Abos get everything handed to them." at a hairline with the models' target "arabs". Each
class of phrasing is held with its reason named, under calm scores (the lists alone); civil
sentences that share its words (cooking, chefs, lobbying, blood groups, reports and
rebuttals) are approved."""

from __future__ import annotations

import pytest
from list_support import (
    CALM,
    DEFAULT,
    assert_context_entries_run_in_linear_time,
    assert_threat_entries_run_in_linear_time,
    tryout_list_tests,
)

from threadguard.moderation.coded_hate import match_coded
from threadguard.moderation.threats import match_threats
from threadguard.schema import Verdict

#: (comment, the start of a reason it must be held for)
HELD = [
    # 1. "get back in the kitchen" said to a woman or of women
    (
        "Women's football is a joke. Get back in the kitchen love, nobody wants to watch this.",
        "coded hate",
    ),
    ("Get back in the kitchen love.", "coded hate"),
    ("Back to the kitchen you stupid sandwich maker", "coded hate"),
    ("Women belong in the kitchen, not on the pitch.", "coded hate"),
    ("She should get back to the kitchen where she belongs.", "coded hate"),
    ("As a female, I think you're too dumb to vote. Get back in the kitchen.", "coded hate"),
    # 2. "a certain lobby" that stages or controls events
    (
        "Funny how these 'attacks' always happen right when a certain lobby needs sympathy. "
        "Just asking who benefits.",
        "coded hate",
    ),
    ("A certain lobby controls the media, always has.", "coded hate"),
    ("A certain tribe always benefits from every war. Cui bono?", "coded hate"),
    # 3. a slur for Aboriginal Australians
    ("Abos get everything handed to them.", "coded hate"),
    ("Bunch of fkn abbos.", "coded hate"),
    # 4. approval of a past massacre of a people
    ("Should have finished the job in 1850. Would have saved us all this.", "call for violence"),
    ("We should have finished off the Aboriginals in 1850.", "call for violence"),
    ("Shame they never finished the job in 1942.", "call for violence"),
    ("Hitler should have finished the job.", "call for violence"),
    # 5. a call to kill disabled people; disability slurs said of people
    (
        "Cripples and junkies, that's who this country pays for now. Cull the herd.",
        "call for violence",
    ),
    ("Time to cull the disabled, they cost too much.", "call for violence"),
    ("Cripples and junkies, that's who this country pays for now.", "coded hate"),
    ("A nation of cretins, cripples and layabouts.", "coded hate"),
    ("Maybe keep your retard son at home.", "coded hate"),
    ("Your retarded kid should be in a home.", "coded hate"),
    # 6. "Zionist" as the code for Jews, beside vermin
    ("Zionist rats.", "dehumanising language"),
    ("Zionists are vermin, every one.", "dehumanising language"),
]

CIVIL = [
    # the kitchen: the writer's own cooking, chefs, the line reported or rebuked
    "I need to get back to the kitchen, the gravy's on.",
    "Right, back to the kitchen, the roast won't baste itself.",
    "Thanks love, back to the kitchen for me, the kids want their tea.",
    "My wife told me to get back in the kitchen and finish the washing up.",
    "Telling women to get back in the kitchen is the oldest sexist line there is.",
    "Anyone who says women should get back in the kitchen is a dinosaur.",
    "She went back to the kitchen to check on the pies.",
    "Love this show, the chef got back in the kitchen after a year off.",
    "My nan ran that kitchen for forty years, love, and she'd have loved this final.",
    # a lobby named in a policy argument, the trope rebutted
    "There's a certain lobby group for landlords that always gets its way on planning.",
    "A certain lobby always gets its way with this government: the landlords.",
    "Calling Jews 'a certain lobby' is an antisemitic trope.",
    "A certain lobby of fans always wants the kick-off moved.",
    "A certain lobby controls this council: the cycling lobby.",
    "Members of a certain lobby group met the minister on Tuesday.",
    "A certain lobby always wins at Westminster, and it isn't the patients.",
    "Funny how a certain lobby always gets the headlines, the Countryside Alliance I mean.",
    # blood groups
    "Her ABO blood group is O negative, so she's a universal donor.",
    "The ABO and Rh systems are the main blood groups.",
    # finishing the job: builders, sport, a war's history
    "The builder should have finished the job in 2019 and we're still waiting.",
    "They should have finished the job in 1890 but the railway's still half done.",
    "Wellington should have finished off the French in 1815 when he had the chance.",
    "Historians argue the Allies should have finished the job in 1918 rather than sign the "
    "armistice.",
    "Grant should have finished the job in 1865 and Reconstruction would have worked.",
    "We should have finished the job in the first half.",
    "Should've finished them off in 1991, now we're back in Iraq.",
    # culls: farming, wildlife, a policy criticised
    "Farmers had to cull the herd after TB was found.",
    "Cull the herd, the deer are stripping the woods bare.",
    "The DWP thinks it can cull the herd of disabled claimants with paperwork.",
    "The badger cull is pointless, disabled ramblers agree.",
    # cripples the verb, a disabled writer's word, retardant, the verb retard
    "The strike cripples the railway for a week.",
    "Red tape cripples small firms.",
    "Brexit cripples farmers, cripples exporters.",
    "Inflation cripples pensioners on fixed incomes.",
    "Cripples the economy, this does.",
    "As a cripple myself, I find this reform terrifying.",
    "Flame retardant sofas are the law.",
    "Tariffs retard growth.",
    # Zionism criticised, rats near a cemetery
    "I'm a critic of Zionist policy in the West Bank.",
    "The rats in the Zionist cemetery were a council problem.",
    "Those anti-Zionist rats marched again.",
]

NATIVE_TITLE = (
    "Pilbara native-title ruling: miner ordered to pay compensation to traditional owners"
)


(
    test_each_class_of_the_tryout_is_held_with_its_reason,
    test_civil_sentences_sharing_the_words_are_approved,
) = tryout_list_tests(HELD, CIVIL)


def test_a_massacre_approved_under_the_story_it_answers_is_held() -> None:
    """The people stand only in the title: "finished them off" with no year is held under
    a native-title story, and a side's first half under the same story is not."""
    outcome = DEFAULT.decide(CALM, "Should've finished them off back then.", context=NATIVE_TITLE)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith("call for violence") for r in outcome.decision.reasons)
    assert [
        m
        for m in match_threats(
            "We should have finished the job in the first half.", context=NATIVE_TITLE
        )
        if m.holds
    ] == []
    assert match_threats("Should've finished them off back then.") == []


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("Cull the herd. Cripples, the lot of them.", ("disability",)),
        ("Zionist rats.", ("jews",)),
        ("Should have finished the job in 1850.", ("race_ethnicity",)),
    ],
)
def test_each_call_names_the_group_it_attacks(text: str, groups: tuple[str, ...]) -> None:
    (found,) = match_threats(text)
    assert found.holds and found.groups == groups


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("Get back in the kitchen love.", "women"),
        ("Funny how a certain lobby always needs sympathy. Who benefits?", "jews"),
        ("Abos get everything handed to them.", "race_ethnicity"),
        ("Maybe keep your retard son at home.", "disability"),
    ],
)
def test_each_code_names_the_group_it_attacks(text: str, group: str) -> None:
    """The reason names the group (the models named "arabs" for the Aboriginal slur, and
    no group for the other two)."""
    found = [m for m in match_coded(text) if not m.rebutted]
    assert [m.term.group for m in found] == [group]
    outcome = DEFAULT.decide(CALM, text)
    assert outcome.action is Verdict.HOLD
    assert any(f"(targets {group})" in r for r in outcome.decision.reasons)


NEW_CONTEXT = ("back to the kitchen", "a certain lobby", "cripples", "retard son")


@pytest.mark.parametrize(
    "text",
    [
        "get back in the kitchen love " * 3500,
        "women should just go back back in the kitchen " * 2200,
        ". back to to to the kitchen " * 3500,
        "a certain lobby always " * 4500,
        "a certain lobby group for " * 4000,
        "cripples the cripples " * 4500,
        "your big retard retard son " * 3500,
    ],
)
def test_the_new_context_entries_run_in_linear_time(text: str) -> None:
    assert_context_entries_run_in_linear_time(text, NEW_CONTEXT)


#: The new entries of the threat list, by a piece of each pattern.
NEW_THREATS = ("zionists?\\s", "finish(?:ed)?\\s+off", "cull\\s+")


@pytest.mark.parametrize(
    "text",
    [
        "should have finished the the " * 3500,
        "should have just finished off the the " * 2600,
        "shame we never finish " * 4500,
        ". cull the the " * 6000,
        "cull the herd of deer and the " * 3400,
        "time to cull the cull " * 4500,
        "zionists are all all all " * 4000,
        "zionist zionist rats " * 4500,
    ],
)
def test_the_new_threat_entries_run_in_linear_time(text: str) -> None:
    assert_threat_entries_run_in_linear_time(text, NEW_THREATS)


@pytest.mark.parametrize(
    "text",
    [
        'When a councillor says "women belong in the kitchen" at a public meeting, he should '
        "not be surprised when voters show him the door.",
        'My uncle said "women belong in the kitchen" at dinner and nobody laughed.',
    ],
)
def test_a_sentence_long_code_quoted_whole_after_a_reporting_word_is_reported(text: str) -> None:
    # a code of three words or more is a sentence, not a name in scare quotes
    assert all(m.rebutted for m in match_coded(text))
    assert match_coded(text)


def test_the_same_sentence_said_or_asserted_in_quotes_still_holds() -> None:
    for text in ("Women belong in the kitchen.", '"Women belong in the kitchen." Fact.'):
        assert [m.rebutted for m in match_coded(text)] == [False]


def test_a_slur_quoted_from_a_finding_that_describes_someone_as_it_is_reported() -> None:
    # "described ... as", "referred to ... as" report someone's words, as "said" does
    text = (
        "The tribunal found the manager had repeatedly described disabled staff as "
        '"useless cripples".'
    )
    assert [m.rebutted for m in match_coded(text)] == [True]
    assert [m.rebutted for m in match_coded("Cripples, the lot of them.")] == [False]


@pytest.mark.parametrize(
    "text",
    [
        'He said "women belong in the kitchen" and he is right.',
        'My dad says "women belong in the kitchen" and honestly he has a point.',
        'Like the man said: "women belong in the kitchen".',
        'Enoch said it best: "Enoch was right".',
        "I call them 'pikeys' because they are vile thieves.",
        "Keep calling them 'pikeys', they're disgusting parasites.",
    ],
)
def test_words_reported_or_named_and_then_agreed_with_or_used_still_hold(text: str) -> None:
    # a code review: agreement with the quote, or the writer's own "I call them", is use
    assert [m.rebutted for m in match_coded(text)] == [False]
