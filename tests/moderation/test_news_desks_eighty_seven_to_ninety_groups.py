"""Four news desks of session 54 (an Aboriginal flag over a town hall, a Lebanese bakery's
award, French-language schools in Ontario, Filipino nurses at a care home, a Romany
boxer's title, an Eritrean-born runner, a kosher deli's window, a Muslim council member,
a bodycam video, LGBT picture books, a priest blessing a same-sex couple). Pinned here:
slurs and coded names the lists lacked, reclaimed self-descriptions and negated smears
the lists held, and replies dismissing a reader by the group the reader named; each
beside civil sentences that share its words, and abusive ones worded apart from the
desks'."""

from __future__ import annotations

import pytest
from list_support import decide_calm

from threadguard.moderation.coded_hate import match_coded
from threadguard.moderation.named_reader import match_named_reader
from threadguard.schema import Verdict

FLAG = "Aboriginal flag to fly permanently over Warrandale town hall after council vote"
BAKERY = "Lakemba's Cedar Oven named Australia's best bakery"
STUDENTS = "Chinese students now 40 per cent of Southbank University's international intake"
WELCOME = "Welcome to Country opens Dreamtime clash at the MCG as handful of boos drowned out"
SCHOOL = "Province approves $14M for new French-language elementary school in Barrie"
NURSES = (
    "'They are our family': Wigan care home where most nurses are from the Philippines "
    "wins national award"
)
BODYCAM = "Police release bodycam video of Riverside Avenue arrest that left man hospitalized"
BOOKS = (
    "Cedar Valley school board votes 5-2 to pull 14 LGBTQ picture books from elementary libraries"
)
BLESSING = "Dayton priest blesses same-sex couple after Sunday Mass, citing Vatican guidance"
LEVITICUS = "Leviticus 20:13. That's all that needs to be said about those two."
ROMANY = (
    "I'm a Romany Gypsy myself. Yes those figures exist, the prisons inspectorate publishes "
    "them. They also show Travellers get remanded far more often for the same offences. "
    "Context matters."
)
ERITREAN = (
    "My family is Eritrean and we have followed her since she was running in Canberra. My "
    "mother cried when she saw the news. Thank you Australia for giving her this chance."
)
MUSLIM = (
    "As a Muslim living two streets away, I'm sorry this happened to our neighbours. A few "
    "of us from the mosque will be there on Sunday helping board up."
)
YEMENI = (
    "I'm Yemeni-American, born at Beaumont in Royal Oak, and this was the first local "
    "election I ever voted in. Felt good."
)


# (text, parent, title, the reason's start): the desks' comments, then fresh variants.
CODES = [
    # desk 88: "boong", the Australian slur for Aboriginal people ("abos" was held)
    (
        "Boong rag on our town hall. Disgrace. My grandfather didn't fight for this.",
        "",
        FLAG,
        'coded hate "boong',
    ),
    ("Bunch of boongs running the land council now.", "", "", 'coded hate "boong'),
    ("Typical boong, never turns up to work.", "", "", 'coded hate "boong'),
    # desk 88: "Lakembanon", Lakemba as a Lebanese enclave of crime
    (
        "Imagine thinking a bit of bread makes up for Lakembanon. Enjoy your award.",
        "",
        BAKERY,
        'coded hate "lakembanon"',
    ),
    ("Wouldn't walk through Lakembanon at night for any money.", "", "", 'coded hate "lakembanon"'),
    # desk 88: "Beijing South", a suburb cast as Chinese territory
    (
        "Box Hill, Hurstville, now Southbank Uni. Beijing South is coming along nicely. Might as "
        "well hand over the keys.",
        "",
        STUDENTS,
        'coded hate "beijing south"',
    ),
    (
        "Welcome to Beijing South, where the signs are all in Mandarin now.",
        "",
        "",
        'coded hate "beijing south"',
    ),
    # desk 88: "sit-down money", the sneer at welfare paid to Aboriginal people
    (
        "Every single event now. Footy, school assemblies, the dentist probably. How much does "
        "the elder charge per go? Nice little earner on top of the sit-down money.",
        "",
        WELCOME,
        'coded hate "sit down money"',
    ),
    (
        "Sit down money every fortnight and they still want more.",
        "",
        "",
        'coded hate "sit down money"',
    ),
    # desk 89: "pepsis", the anti-francophone slur, and "the frog mafia"
    (
        "Another 14 million for the pepsis. Quebec bans English on signs and we get to pay for "
        "their schools. Lovely.",
        "",
        SCHOOL,
        'coded hate "pepsis"',
    ),
    ("The pepsis in Montreal can pay for their own French schools.", "", "", 'coded hate "pepsis"'),
    (
        "Bilingualism is a scam run by the Laurentian elite to keep real Canadians out of "
        "federal jobs. The frog mafia looks after its own.",
        "",
        SCHOOL,
        'coded hate "frog mafia"',
    ),
    ("Ottawa is run by the frog mafia, always has been.", "", "", 'coded hate "frog mafia"'),
    # desk 89: "Speak white" (published at identity attack 0.2098)
    (
        "These French brats should learn English like everybody else or get out of Ontario. "
        "Speak white.",
        "",
        SCHOOL,
        'coded hate "speak white"',
    ),
    ("This is Canada. Speak white or go back to Quebec.", "", "", 'coded hate "speak white"'),
    ("Speak white, you're in Ontario now.", "", "", 'coded hate "speak white"'),
    # desk 90's "Nobody voted for this swarm." and "Oakfield? More like Little Manila." were
    # written as entries and taken back after a review ("Migrants are people, not a swarm",
    # "Shoppers swarmed into the town centre ...", "My grandparents' street in Leicester is
    # basically Little India now, and they wouldn't have it any other way")
    # desk 87: the 13/50 dog whistle with its second half left to the reader
    (
        "Not going to comment on the video. Just going to say 13% of the population, 50% of... "
        "you know the rest.",
        "",
        BODYCAM,
        'coded hate "13/50"',
    ),
    ("13% of the population, 52%... do the math.", "", "", 'coded hate "13/50"'),
    (
        "Thirteen percent of the population and fifty percent of, well, you know.",
        "",
        "",
        'coded hate "13/50"',
    ),
]

CIVIL_CODES = [
    # "boong": the word reported, condemned or its history told
    ("The word 'boong' is a slur and it has no place on this site.", FLAG),
    ("My nan was called a boong at school in the fifties and never forgot it.", ""),
    ("Historians trace the word 'boong' to the 1940s, and it was a slur from the start.", ""),
    # "Lakembanon": the place itself, and the nickname condemned
    ("Lakemba has the best bakeries in Sydney, worth the train trip.", BAKERY),
    ("Calling it 'Lakembanon' is racist, and the bakery deserves better.", BAKERY),
    ("I grew up in Lakemba and Haldon Street is lovely after dark.", ""),
    # "Beijing South": the railway station, and the nickname rebutted
    ("Our train left Beijing South station at 8 for Shanghai.", ""),
    ("The fast train from Beijing South to Tianjin takes half an hour.", ""),
    (
        "It's a suburb where people live, not a colony, and \"Beijing South\" isn't the clever "
        "joke you think it is.",
        STUDENTS,
    ),
    # "sit-down money": named to rebut it
    ("The 'sit-down money' myth was debunked decades ago.", WELCOME),
    ("Calling it 'sit-down money' is a racist slur, it's CDEP wages for work.", ""),
    ("Please sit down, money is tight for everyone this year.", ""),
    # "pepsis": a drink
    ("Two Pepsis and a poutine, the best lunch in Quebec City.", SCHOOL),
    ("We ordered three Pepsis with the pizza.", ""),
    # "boong" whole: a deck's name in a CADD row
    ("Oonga Boonga Beatdown is still my favourite deck.", ""),
    ("The vending machine only had Pepsis and water.", ""),
    # "frog mafia": none of it
    ("The frog population in the wetland is recovering.", ""),
    ("My son's book is about a mafia of frogs in a pond.", ""),
    ("Anti-francophone slurs like 'frog mafia' have no place in a school debate.", SCHOOL),
    # "Speak white": the insult reported, and Lalonde's poem
    (
        "'Speak white.' In 2025. My grandfather was told that at the mill in Sturgeon Falls, I "
        "never thought I'd read it under an article about a school.",
        SCHOOL,
    ),
    ("Michèle Lalonde's poem Speak White should be on the curriculum.", SCHOOL),
    ("My grandmother was told to 'speak white' by a foreman in 1962.", ""),
    # "swarm": bees, fans, reporters, and the word condemned
    ("A swarm of bees landed on the care home's garden fence.", NURSES),
    ("A swarm of reporters waited outside the care home.", NURSES),
    ("Calling migrants a 'swarm' is dehumanising, and the nurses deserve better.", NURSES),
    # "Little Manila": the real neighbourhoods
    ("Stockton's Little Manila is a historic district worth a visit.", NURSES),
    ("We had dinner in Little Manila in Woodside, the food was amazing.", ""),
    ("My mum grew up in Little Manila in the 1960s.", ""),
    # "13/50": the dog whistle rebutted, and figures of another kind
    ("13% of the population, 50% of the votes in the primary.", BODYCAM),
    ('"13% of the population, 50% of..." is a racist talking point, please stop.', BODYCAM),
    ("We are 13% of the population and 50% of the workforce in care homes.", ""),
]

# The lists held these: a writer naming themselves with a reclaimed word, or a smear denied
# to those it is thrown at, or a call condemned.
RECLAIMED_AND_DENIED = [
    (
        "Proud wog here, and the knafeh at Cedar Oven is better than my teta's. Don't tell her "
        "I said that or she'll disown me.",
        "",
        BAKERY,
    ),
    ("I'm a wog and proud of it, and my nonna's sugo beats anything in that shop.", "", BAKERY),
    ("Us wogs know good bread when we taste it.", "", BAKERY),
    (
        "For the kids in this district who are reading these comments: you're fine. You're not a "
        "virus or a groomer or a phase. Queer people grew up in towns like this and made it out, "
        "or stayed and made it better. Both are allowed.",
        "",
        BOOKS,
    ),
    ("To every trans kid reading this: you're not a groomer and you never were.", "", BOOKS),
    ("Being gay doesn't make you a groomer, whatever the board says.", "", BOOKS),
    (
        "People who quote Leviticus 20:13 at a couple are calling for their deaths, whether they "
        "admit it or not. Mods, please.",
        LEVITICUS,
        BLESSING,
    ),
    ("Anyone who throws Leviticus 20:13 at a gay couple should be ashamed.", "", BLESSING),
]

# Still held: the same words used, not reclaimed or denied.
STILL_HELD = [
    ("Oldest wog in Moorfield.", "", 'coded hate "wog"'),
    ("Wogs out, the lot of them.", "", 'coded hate "wog"'),
    ("Wogs out, the lot of them. Proud wog here.", "", 'coded hate "wog"'),
    ("As a proud Aussie I say send the wogs home.", "", 'coded hate "wog"'),
    (
        "Groomers gonna groom. Thank God somebody on that board finally has a spine.",
        BOOKS,
        'coded hate "groomers"',
    ),
    (
        "If they're not groomers why do they want to read to our kids?",
        BOOKS,
        'coded hate "groomers"',
    ),
    (LEVITICUS, BLESSING, 'coded hate "leviticus 20:13"'),
    (
        "Lev 20:13. Look it up, that's what should happen to them.",
        BLESSING,
        'coded hate "leviticus 20:13"',
    ),
]

# (reply, the parent whose writer named their group): the desks' replies, then fresh ones.
DISMISSALS = [
    ("Well you would say that wouldn't you. Your people always have an excuse ready.", ROMANY),
    ("Course you're sorry. Your lot were probably the ones holding the bricks.", MUSLIM),
    ("Course you voted for him. Your people always vote as a bloc.", YEMENI),
    ("Your lot always stick up for each other.", "I'm Romany and I was at the fight."),
    ("Your lot were the ones throwing the bricks, don't kid yourself.", MUSLIM),
    ("You people always vote for your own.", "I'm Yemeni and I voted for him."),
]

CIVIL_REPLIES = [
    ("Your lot were brilliant at the vigil, thank you.", MUSLIM),
    ("Your lot were the first there with brooms and tea.", MUSLIM),
    ("Your people were the ones who organised the clean-up, credit to you.", MUSLIM),
    ("How many of your relatives are coming over for the final?", ERITREAN),
    (
        "How many more of your relatives are coming to the homecoming party? We'll save seats.",
        ERITREAN,
    ),
    ("Your family must be so proud of her.", ERITREAN),
    ("I'm Romany too, proud of where I'm from, and proud of Levi.", ROMANY),
    ("Your people have a long boxing tradition, and he did it proud.", ROMANY),
    ("Good on you for voting. Your people came out in numbers this time, brilliant.", YEMENI),
]


@pytest.mark.parametrize(("text", "parent", "title", "reason"), CODES)
def test_a_desks_slur_or_coded_name_is_held(
    text: str, parent: str, title: str, reason: str
) -> None:
    action, reasons = decide_calm(text, parent, title)
    assert action is Verdict.HOLD, reasons
    assert any(r.startswith(reason) for r in reasons), reasons


@pytest.mark.parametrize(("text", "title"), CIVIL_CODES)
def test_the_codes_civil_twins_give_no_reason(text: str, title: str) -> None:
    action, reasons = decide_calm(text, title=title)
    assert action is Verdict.APPROVE, reasons
    assert [m for m in match_coded(text, context=title) if not m.rebutted] == []


@pytest.mark.parametrize(("text", "parent", "title"), RECLAIMED_AND_DENIED)
def test_a_reclaimed_self_description_or_a_denied_smear_is_not_held(
    text: str, parent: str, title: str
) -> None:
    action, reasons = decide_calm(text, parent, title)
    assert action is Verdict.APPROVE, reasons


@pytest.mark.parametrize(("text", "title", "reason"), STILL_HELD)
def test_the_same_words_used_are_still_held(text: str, title: str, reason: str) -> None:
    action, reasons = decide_calm(text, title=title)
    assert action is Verdict.HOLD, reasons
    assert any(r.startswith(reason) for r in reasons), reasons


@pytest.mark.parametrize(("text", "parent"), DISMISSALS)
def test_a_reply_dismissing_a_reader_by_their_named_group_is_held(text: str, parent: str) -> None:
    assert match_named_reader(text, parent) is not None
    action, reasons = decide_calm(text, parent, "A news story")
    assert action is Verdict.HOLD, reasons
    assert any(r.startswith("dismisses a reader by their group") for r in reasons), reasons


@pytest.mark.parametrize(("text", "parent"), CIVIL_REPLIES)
def test_a_civil_reply_to_a_reader_who_named_their_group_is_approved(
    text: str, parent: str
) -> None:
    assert match_named_reader(text, parent) is None
    action, reasons = decide_calm(text, parent, "A news story")
    assert action is Verdict.APPROVE, reasons


@pytest.mark.parametrize(
    "text",
    [
        # a blind review's civil comments, held by the entries above before these mends
        "Calling Lakemba 'Lakembanon' is a lazy slur and the bakery proves it.",
        "'Sit-down money' was a slur used to humiliate Aboriginal families.",
        "'Boong' is a slur and nobody should use it.",
    ],
)
def test_a_code_named_as_a_word_before_or_after_its_quotation_marks_is_not_held(
    text: str,
) -> None:
    action, reasons = decide_calm(text)
    assert action is Verdict.APPROVE, reasons
    assert any("not held for it" in r for r in reasons), reasons


@pytest.mark.parametrize(
    "text",
    [
        "'Lakembanon' is the right word for it, look at the crime stats.",
        "Calling Lakemba 'Lakembanon' is accurate.",
        "Calling Sydney 'Lakembanon' is fair enough, it is a slur they earned.",
        "'Sit-down money' is the term for it and they love it.",
    ],
)
def test_a_code_named_as_a_word_and_endorsed_is_held(text: str) -> None:
    action, reasons = decide_calm(text)
    assert action is not Verdict.APPROVE, reasons


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # a code review's, against the first version of these entries and mends
        ("How many more of your relatives are still in Idlib? Our parish could help.", ERITREAN),
        ("Nobody sensible thinks people like you are responsible for it.", MUSLIM),
    ],
)
def test_a_reviews_civil_comments_on_the_entries_are_not_held_by_them(
    text: str, context: str
) -> None:
    action, reasons = decide_calm(text, context)
    assert action is Verdict.APPROVE, reasons


@pytest.mark.parametrize(
    "text",
    [
        # a code review's abusive comments, approved by the first version of the mends
        "People who quote Leviticus 20:13 at gay couples are right: it should happen to them.",
        "Those who post Leviticus 20:13 under every gay wedding story are doing God's work.",
        "Proud wog here? Nobody is proud of you lot, mate.",
        "As a wog you should know your place in this country.",
        "'Sit-down money' is the phrase for what those lazy bludgers get for doing nothing.",
        "Calling Lakemba 'Lakembanon' is lazy when 'Terror Town' says it better.",
        # a second review's, against words a first take-back let spare them anywhere near
        "Speak white, frog. You heard me.",
        "Remember the Plains of Abraham? You lost. Speak white.",
        "Not racist, just true. Richmond is Beijing South.",
        "Quebec separatists hurt this country. Pepsis, the lot of them.",
        "It's no myth. They all live on sit-down money.",
    ],
)
def test_a_reviews_abusive_comments_on_the_mends_are_held(text: str) -> None:
    action, reasons = decide_calm(text)
    assert action is not Verdict.APPROVE, reasons
