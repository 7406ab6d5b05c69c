"""A fifth news-desk tryout (a cycle lane, racist abuse of a footballer, a mosque's planning
application, trans athletes, a Roma encampment) published or held only on toxicity, with no
reason naming them, wishes of harm ("hope you choke on them", a cyclist "flattened by a
bus", a camp "bulldozed with them still inside"), a veiled threat at a mosque (pigs' heads
"turned up on the doorstep"), a call to "deport the lot back to Romania", the
counter-jihad words "taqiyya" and "dhimmi", and a Black player "swinging from the crossbar"
beside "his kind"; and it named the groomer smear at trans women as an attack on sexual
orientation. Each class of phrasing is held with its reason named, under calm scores (the
lists alone); civil sentences that share its words (idioms, sport, reports, rebuttals,
history, questions) are approved."""

from __future__ import annotations

import pytest
from list_support import (
    CALM,
    DEFAULT,
    assert_approved_by_the_lists,
    assert_context_entries_run_in_linear_time,
    assert_held_for,
    assert_threat_entries_run_in_linear_time,
    tryout_list_tests,
)

from threadguard.moderation.coded_hate import match_coded
from threadguard.moderation.threats import match_threats
from threadguard.schema import Verdict

ROMA_TITLE = "Bailiffs clear Roma encampment at Millfield sidings after eight-month stand-off"
TRANS_TITLE = "County athletics body bars trans women from female category pending 'review'"
MOSQUE_PARENT = (
    "Thanks to everyone who's engaged in good faith, including the objectors. Open evening "
    "Thursday 7pm, tea and samosas, all welcome."
)

#: (comment, the start of a reason it must be held for)
HELD = [
    # 1. wishes of harm: choking, a vehicle, a place destroyed with its people inside
    ("Hope you choke on them.", "wish of harm"),
    ("I hope he chokes on it, the smug git.", "wish of harm"),
    ("Hope you choke on a chicken bone.", "wish of harm"),
    ("Hope you choke on this, councillor.", "wish of harm"),
    ("You are all brainless sheep and I hope you choke.", "wish of harm"),
    (
        "Honestly I hope one of these smug cyclists gets flattened by a bus, maybe then they'd "
        "learn the roads are for cars.",
        "wish of harm",
    ),
    ("I hope he gets run over by a lorry.", "wish of harm"),
    ("Hope cyclists get mown down by trucks.", "wish of harm"),
    ("I hope a bus flattens one of them.", "wish of harm"),
    ("I hope a lorry runs him over.", "wish of harm"),
    (
        "Should have bulldozed it with them still inside, would have saved everyone the hassle.",
        "wish of harm",
    ),
    ("Hope they torch the place with the lot of them inside.", "wish of harm"),
    ("They should flatten the camp with everyone still inside.", "wish of harm"),
    ("Bulldoze it with them still inside.", "wish of harm"),
    # 2. a veiled threat: what desecrates or burns a place, left at its door, "a shame"
    (
        "Shame if a few pigs' heads turned up on the doorstep on opening day. Just saying.",
        "veiled threat",
    ),
    ("Be a pity if someone left a pig's head outside the mosque.", "veiled threat"),
    ("Shame if bacon got nailed to the mosque's door.", "veiled threat"),
    ("Would be a shame if petrol came through the letterbox.", "veiled threat"),
    ("Shame if a brick came through your window.", "veiled threat"),
    # 3. calls for expulsion: a people deported with a destination, in the writer's voice
    ("Deport the lot back to Romania. Send them all back and shut the door.", "call for expulsion"),
    ("Just deport them all back where they came from.", "call for expulsion"),
    ("We should deport every one of them home.", "call for expulsion"),
    ("Repatriate the lot of them to Africa.", "call for expulsion"),
    # 4. coded hate: taqiyya (every spelling), dhimmi, dhimmitude, the ape trope
    ("Taqiyya. They're taught to lie to us until they're the majority.", "coded hate"),
    ("Classic taqqiya from the imam.", "coded hate"),
    ("It's all taqiyyah, don't trust a word.", "coded hate"),
    ("Enjoy being a dhimmi then, grandad.", "coded hate"),
    ("Our dhimmi council has rolled over again.", "coded hate"),
    ("Europe's slide into dhimmitude.", "coded hate"),
    ("Muslims practise taqiyya, they lie to us all.", "coded hate"),
    ("Never trust a word they utter, taqiyya and deceit.", "coded hate"),
    ("Typical of his kind, swinging from the crossbar after every goal.", "coded hate"),
    ("Back swinging from the trees where his kind belong.", "coded hate"),
    ("Swinging from the crossbar again 🐒🐒", "coded hate"),
]

CIVIL = [
    # choking: sport, negations, idioms, safety advice
    "I hope they choke in the final again.",
    "Hope you don't choke on the bones, the fish is lovely.",
    "I hope he chokes on his words when the results come out.",
    "Be careful the kids don't choke on them, cut the grapes in half.",
    "I hope Rory chokes on the back nine.",
    "I hope he chokes.",
    "I hope you choke on that humble pie.",
    # vehicles: road safety, negations, things, a report of an accident
    "I hope nobody gets hit by a car at that junction.",
    "I hope the council acts before a child gets run over by a lorry.",
    "I hope fewer cyclists get hit by cars now.",
    "I hope she's OK after she got hit by a car.",
    "I hope cyclists get hit by a car less often now the lane is in.",
    "I hope those planters get flattened by a lorry.",
    "I hope the new lane means kids get hit by cars less.",
    "I hope the bus gets here soon.",
    "I hope these politicians get hit by a bus of reality.",
    # a place destroyed: condemnation, reports, plans
    "They should never have bulldozed it with them still inside.",
    "Witnesses said the bailiffs bulldozed the shed with them still inside.",
    "The council should have bulldozed it years ago, before anyone moved in.",
    "You should see the state of it, they bulldozed the camp with the kids still inside their "
    "caravans.",
    "I hope they didn't flatten it with them inside.",
    # "a shame if": deliveries, food, building work, history, a pavilion's shutters
    "It'd be a shame if a parcel turned up on the doorstep while you're away.",
    "It would be a pity if the pig's head at the hog roast went to waste.",
    "Shame if the bricks turned up late at the site and held up the build.",
    "The Crown's pork pies turned up at the church fete, shame if you missed them.",
    "Pigs' heads were left outside the mosque in 2019 and two men were jailed.",
    "It'd be a shame if a brick came through the window of the new pavilion, so fit shutters.",
    "It'd be a shame if the blood drive turned up at the church hall and nobody came.",
    "Shame if the bacon rolls turned up at the church hall cold.",
    "It'd be a shame if dog mess ended up on the school doorstep, so pick it up.",
    # deportation: questions that rebut, reports, history, one person, a quoted call
    "Several of the families are British citizens, born here. Deport them to where exactly?",
    "Deport the lot back to Romania? Half of them were born in Leeds.",
    "Ministers plan to deport the lot to Rwanda, which is cruel.",
    "The Victorians would deport the whole family to Australia for stealing bread.",
    "Deport him back to Jamaica, he's a convicted killer.",
    "Reform says we should deport the lot back to Europe.",
    "So deport the lot back to Romania, and then who picks your fruit?",
    "If you deport the lot back to Romania, the farms close.",
    "The Roma fans threw flares, kick them all out.",
    "Travellers were stranded at Gatwick overnight; send them all back home on the first flight.",
    # taqiyya rebutted, a taqueria, dhimmi in history, swinging in play and celebration
    "The taqiyya smear is an Islamophobic trope.",
    # a review of these entries: the doctrine defined, its misuse criticised, the word named
    "Taqiyya is a narrow doctrine in Shia jurisprudence about concealing faith under "
    "persecution, not a licence to lie to non-Muslims.",
    "People who quote 'taqiyya' in these comments have never read a word of fiqh.",
    "The word 'dhimmi' is used online by far-right accounts to insult anyone who is friendly "
    "to Muslims, as the report notes.",
    "Calling every Muslim a liar practising taqiyya is bigotry.",
    "Best tacos at the taqueria on King Street.",
    "Under Ottoman rule Christians and Jews had dhimmi status and paid the jizya.",
    "The dhimmis of al-Andalus paid a poll tax, historians say.",
    "If you read about the dhimmi system, it was a hierarchy of faiths.",
    "He's the kind of keeper who ends up swinging from the crossbar after every save.",
    "Kids should be swinging from the trees, not staring at screens.",
    "He's the best of his kind, swinging from the crossbar after every goal.",
    "Black players have been getting this for 40 years. John Barnes had bananas thrown at him. "
    "The fact it's still happening in 2026 is damning.",
]


(
    test_each_class_of_the_tryout_is_held_with_its_reason,
    test_civil_sentences_sharing_the_words_are_approved,
) = tryout_list_tests(HELD, CIVIL)


@pytest.mark.parametrize(
    ("text", "context", "reason"),
    [
        ("Hope you choke on them.", MOSQUE_PARENT, "wish of harm"),
        ("Send them all back and shut the door.", ROMA_TITLE, "call for expulsion"),
        ("Deport the lot.", ROMA_TITLE, "call for expulsion"),
        # a people's adjective with their shops (desk 15)
        (
            "Send them all back to Mogadishu and give the grant to actual Americans.",
            "Cedar-Riverside business district wins $4m city grant as Somali-owned shops expand",
            "call for expulsion",
        ),
        (
            "Typical of his kind, swinging from the crossbar after every goal.",
            "Mensah is a diving cheat, should've been sent off in the first half.",
            "coded hate",
        ),
    ],
)
def test_held_beside_what_the_comment_answers(text: str, context: str, reason: str) -> None:
    """What the comment answers says who "them" and "his kind" are: the Roma named with a
    word for people or a camp are a group a call for expulsion is aimed at (bare "Roma" is
    not: a football club)."""
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.HOLD
    assert any(r.startswith(reason) for r in outcome.decision.reasons), outcome.decision.reasons


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Send them all back to the supplier.", "The Roma community centre got new laptops"),
        (
            "Did you see Mensah swinging from the crossbar after the equaliser? Class.",
            "Ashford Rovers suspend three fans after racist abuse of striker Kwame Mensah",
        ),
        ("The Roma fans were a credit to the club. Send them all back next season!", ""),
        ("If the burgers are cold, send them all back.", "Mexican food trucks come to town"),
        ("Send them all back to the kitchen.", "Somali-owned restaurant wins award"),
    ],
)
def test_their_look_alikes_under_a_story_are_approved(text: str, context: str) -> None:
    assert DEFAULT.decide(CALM, text, context=context).action is Verdict.APPROVE


def test_a_deportation_names_the_group_it_targets() -> None:
    """A destination makes the people foreigners in the call: it counts against
    nationality and migration; the Roma under the title count against their ethnicity."""
    (found,) = match_threats("Deport the lot back to Romania.")
    assert found.groups == ("nationality_migration",)
    (found,) = match_threats("Send them all back and shut the door.", context=ROMA_TITLE)
    assert found.groups == ("race_ethnicity",)


def test_the_groomer_smear_under_a_story_of_trans_women_targets_gender() -> None:
    """Trans people are the gender group (as the threat list's group table counts them), gay
    people sexual orientation; "LGBT" names both."""
    text = "These groomers want access to our daughters' changing rooms."
    found = match_coded(text, context=TRANS_TITLE)
    assert [(m.term.pattern, m.term.group) for m in found] == [("groomers", "gender")]
    outcome = DEFAULT.decide(CALM, text, context=TRANS_TITLE)
    assert outcome.action is Verdict.HOLD
    assert any("(targets gender)" in r for r in outcome.decision.reasons)
    groups = {m.term.group for m in match_coded("LGBT groomers in our schools.")}
    assert groups == {"gender", "sexual_orientation"}
    (gay,) = match_coded(
        "Groomers, the lot of them.", context="Drag queen story hour at the library"
    )
    assert gay.term.group == "sexual_orientation"


def test_a_rebutted_taqiyya_is_named_and_not_held() -> None:
    (found,) = match_coded("The taqiyya smear is an Islamophobic trope.")
    assert found.rebutted and found.term.group == "muslims"


#: The new entries of the threat list, by a piece of each pattern.
NEW_THREATS = ("chokes? on", "bulldoz", "pig(?:s", "steamroller", "repatriate")


@pytest.mark.parametrize(
    "text",
    [
        "just deport the lot back " * 4000,
        "deport the lot back to romania, " * 3200,
        "hope you choke on it " * 5000,
        "i hope one of these smug cyclists gets " * 2600,
        "hope he gets hit by a bus " * 4000,
        "shame if a pig's head turned up on the " * 2500,
        "should bulldoze it with them " * 3500,
        "hope they bulldoze the the the " * 3300,
    ],
)
def test_the_new_threat_entries_run_in_linear_time(text: str) -> None:
    assert_threat_entries_run_in_linear_time(text, NEW_THREATS)


@pytest.mark.parametrize(
    "text",
    [
        "his kind swinging from the trees " * 3000,
        "you dhimmi " * 9000,
        "dhimmi " * 14000,
        "they taqiyya " * 7000,
        "taqqqiiiyyyaaa " * 6000,
    ],
)
def test_the_new_context_entries_run_in_linear_time(text: str) -> None:
    assert_context_entries_run_in_linear_time(
        text, ("dhimmi", "swinging from the trees", "taqiya*")
    )


# 4. where a named young person studies, beside a call to find them (contact details: held
# since moderation/whereabouts.py's college rule, written for this and another tryout)
WHEREABOUTS_HELD = [
    "Name's on the results sheet, it's public. She goes to Northmoor College, the sports "
    "science course, anyone can find him.",
    "He's at Leeds University, you know where to find him.",
    "She attends St Mary's Sixth Form. Anyone can find her.",
]
WHEREABOUTS_CIVIL = [
    "She goes to Northmoor College and loves the sports science course.",
    "He goes to Leeds University; anyone can find him in the library if they need maths help.",
    "They go to Northmoor College. Anyone can find the timetable online.",
    "She studies at Durham University and is brilliant, a credit to the club.",
]


@pytest.mark.parametrize("text", WHEREABOUTS_HELD)
def test_a_college_named_beside_a_call_to_find_the_student_is_held(text: str) -> None:
    assert_held_for(text, "contact details: whereabouts")


@pytest.mark.parametrize("text", WHEREABOUTS_CIVIL)
def test_a_college_named_without_a_call_is_approved(text: str) -> None:
    assert_approved_by_the_lists(text, codes=True)


# 5. a slur named as a word, in quotation marks, in a sentence that condemns it
NAMED_AS_A_WORD = [
    "Worth remembering that the Roma were targeted for extermination in the 1940s and that the "
    "word 'pikey' still gets used in this paper's comments. Context matters.",
    "The word 'pikey' is a slur and it still gets used here.",
    "Kids at school called him a 'paki' every day, which was racist abuse.",
    "Terms like “pikey” should never be used by a newspaper.",
]
SLUR_USED = [
    "Pikeys are pikeys, call them what you like, they're still thieving scum.",
    "The word 'pikey' fits them perfectly.",
    "Call them 'pikeys', it's what they are.",
    "Calling them 'pikeys' isn't racist, it's accurate.",
    "'Pikeys' out!",
    "The word 'pikey' still gets used because it's true.",
    "The word 'pikey' is not offensive.",
    "The word 'pikey' still gets used, and so it should.",
]


@pytest.mark.parametrize("text", NAMED_AS_A_WORD)
def test_a_slur_named_as_a_word_and_condemned_holds_nothing(text: str) -> None:
    found = match_coded(text)
    assert found and all(m.rebutted for m in found)
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


@pytest.mark.parametrize("text", SLUR_USED)
def test_a_slur_used_is_held_whatever_its_quotation_marks(text: str) -> None:
    assert_held_for(text, "coded hate")


# the Roma and Travellers by the names that mean only them, in every entry that names a group
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Irish Travellers are vermin.", "dehumanising language"),
        ("Romanies out!", "call for expulsion"),
        ("Irish Travellers don't belong here.", "call for expulsion"),
    ],
)
def test_romanies_and_irish_travellers_are_groups(text: str, reason: str) -> None:
    assert_held_for(text, reason)
    assert all("race_ethnicity" in m.groups for m in match_threats(text))


@pytest.mark.parametrize(
    "text",
    [
        "Irish Travellers have lived in Ireland for centuries.",
        "The Romany language has many dialects.",
        "Travellers don't belong here, the airline said, and moved them to the next gate.",
        "Roma out of the cup after a 2-1 defeat in Turin.",
    ],
)
def test_their_civil_mentions_are_approved(text: str) -> None:
    assert_approved_by_the_lists(text, codes=True)
