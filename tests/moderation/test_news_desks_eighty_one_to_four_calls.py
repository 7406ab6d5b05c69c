"""Four news desks of session 53 (a car-wash raid, a racist chant at a winger, a school's
first Pride week, a Sikh constable's turban, Homes for Ukraine payments ending, Roma
families evicted, an asylum hotel, a Nigerian-born nurse reinstated, Somali youth
unemployment). Pinned here: the calls for expulsion that named a destination and no group,
a slur told as suffered that was held, "Pride" as the topic of the "groomers" smear, and
user names that are a slur or a code; each beside civil sentences that share its words."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT, assert_threat_entries_run_in_linear_time, decide_calm

from threadguard.moderation import AuthorContext
from threadguard.moderation.coded_hate import LexiconError, match_coded, parse_lexicon
from threadguard.moderation.threats import ThreatListError, match_threats, parse_threats
from threadguard.schema import Verdict

CALL = "call for expulsion"
RAID_PARENT = (
    "What happens to the workers now? Are they treated as trafficking victims and supported, "
    "or deported? The article doesn't really say."
)
UKRAINE = "Homes for Ukraine payments to end in March, leaving families facing uncertainty"
ROMA_READER = (
    "I am Roma, born in Ostrava, I have lived on Brindley Court for seven years and worked at "
    "the distribution centre for six of them. My children are at St Anne's. Where do we go now?"
)
NURSE_READER = (
    "As a Nigerian-born pharmacist, I'll say it: many of us have felt this. You make one "
    "mistake and it follows you for years, while others get a quiet word."
)
HOTEL_PARENT = (
    "The men in the hotel have been protesting too, quietly, about the food. Apparently half "
    "of it is inedible. Nobody covers that."
)
HOTEL = "Hundreds gather outside Eastholme asylum hotel as protests enter third weekend"
SOMALI = "Youth unemployment among Bristol's Somali community twice city average, report finds"
TURBAN = "Sikh officer told to remove turban for riot training under new uniform rule"
#: The cases of the two homeland entries taken back (see
#: :func:`test_a_homeland_alone_or_as_a_retort_is_left_to_the_models`).
TAKEN_BACK = [
    "Back to Ostrava would be a start. One-way ticket, the council could probably get a group rate.",
    "Back to Bucharest then.",
    "Straight back to Kabul would be the answer.",
    "Back to Mogadishu, where they belong.",
    "Back to Tirana would be best for everyone.",
    "Well go back to Karachi then.",
    "Then piss off back to Poland.",
    "Maybe go home to Dhaka then.",
    "Then clear off back to Romania.",
    "Just go home to Somalia then.",
]
BOATS = "Small boats: record number of migrants cross the Channel in a day"


# A slur told as suffered, by its victim or about theirs: only named, the models decide.
SUFFERED = [
    # a slur told as suffered
    (
        "When I joined in 2008 a sergeant called me 'the towelhead' for a whole year. Nobody "
        "did anything. Good on PC Singh for pushing back.",
        TURBAN,
    ),
    ("When I joined in 2008 a sergeant called me the towelhead for a whole year.", ""),
    ("When I started at the depot the foreman called me a towelhead every morning.", ""),
    ("I was only seven when a teacher called me 'chinky' in front of the class.", ""),
    ("At school they called my son a paki and the head did nothing.", ""),
    ("I got called a pikey at work for two years before I left.", ""),
    ("A man shouted 'paki' at my wife outside Tesco.", ""),
    ("When we moved here in 1985 the lads on the estate called us pakis.", ""),
    ("I remember when I was at primary school a dinner lady called me 'the little towelhead'.", ""),
]


@pytest.mark.parametrize(("text", "title"), SUFFERED)
def test_a_slur_told_as_suffered_is_approved(text: str, title: str) -> None:
    action, reasons = decide_calm(text, "", title)
    assert action is Verdict.APPROVE, reasons


# A slur told as suffered is only named; the writer's own use stays held.
SUFFERED_HELD = [
    "I called him a towelhead and he deserved it.",
    "He called me a racist so I called him a towelhead.",
    "He called me racist, called him towelhead.",
    "You are what I'd call a towelhead.",
    "I called my brother a towelhead as a joke.",
    "We called him the towelhead at school and he loved it.",
    "A sergeant called me 'the towelhead' for a year. Good.",
    "A sergeant called me 'the towelhead' for a year, and he was right.",
    "The word 'pikey' is offensive, and that's exactly why I use it.",
]


@pytest.mark.parametrize("text", SUFFERED_HELD)
def test_the_writers_own_slur_is_held(text: str) -> None:
    action, reasons = decide_calm(text)
    assert action is Verdict.HOLD, reasons
    assert any(r.startswith("coded hate") for r in reasons), reasons


def test_a_slur_said_to_the_writer_is_named_as_suffered() -> None:
    text = "When I joined in 2008 a sergeant called me 'the towelhead' for a whole year."
    (found,) = match_coded(text)
    assert found.rebutted and found.reported


# "Pride" in ordinary English, and "groomers" reported, rebutted or of dogs: approved.
PRIDE_CIVIL = [
    # "pride" in ordinary English, "groomers" reported or rebutted
    ("Groomers will always find a way in.", "Town takes pride in its new library"),
    (
        "The groomers were jailed for twenty years. The town can take pride in the victims.",
        "Pride week",
    ),
    (
        "The groomers in Rotherham were protected for years by the council.",
        "Pride of Britain awards honour Rotherham whistleblower",
    ),
    (
        "Dog groomers from the high street ran a stall at the fair.",
        "Oakfield Academy holds first Pride week",
    ),
    (
        "Calling teachers groomers for holding a Pride week is a smear.",
        "Oakfield Academy holds first Pride week",
    ),
    (  # desk 82's reader, in the same thread: "exactly why" explains, it endorses nothing
        "Calling teachers 'groomers' for running an anti-bullying week is disgusting, and it's "
        "exactly why these kids need the week in the first place.",
        "Parents complain as Oakfield Academy holds first Pride week",
    ),
]


@pytest.mark.parametrize(("text", "title"), PRIDE_CIVIL)
def test_pride_in_ordinary_english_names_no_topic(text: str, title: str) -> None:
    action, reasons = decide_calm(text, "", title)
    assert action is Verdict.APPROVE, reasons


@pytest.mark.parametrize(
    "title",
    [
        "Parents complain as Oakfield Academy holds first Pride week",
        "Council flies the Pride flag for the first time",
        "Thousands join Pride march in Leeds",
        "Library marks Pride month with a display",
    ],
)
def test_pride_is_the_topic_of_the_groomers_smear(title: str) -> None:
    text = (
        "Groomers will always find a way in. First the library, then the assemblies, then "
        "the 'optional' clubs."
    )
    action, reasons = decide_calm(text, "", title)
    assert action is Verdict.HOLD, reasons
    assert reasons[0].startswith('coded hate "groomers"')
    assert decide_calm(text, "Great week for the school", title)[0] is Verdict.HOLD


# "Yellow peril" named to rebut it: only named.
PERIL_CIVIL = [
    # "yellow peril" named to rebut it
    ("The 'yellow peril' cartoons of the 1900s were openly racist.", ""),
    ("Yellow peril rhetoric is back with every China story, and it's ugly.", ""),
    ("My grandad was taught the yellow peril myth at school; he married a Chinese woman.", ""),
]


@pytest.mark.parametrize(("text", "title"), PERIL_CIVIL)
def test_yellow_peril_named_to_rebut_it_is_approved(text: str, title: str) -> None:
    action, reasons = decide_calm(text, "", title)
    assert action is Verdict.APPROVE, reasons


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("yellow_peril_yes", "yellow peril"),
        ("YellowPerilYes", "yellow peril"),
        ("spaz_attack_99", "spaz"),
        ("SpazAttack99", "spaz"),
        ("dirty_spastics", "spastics"),
        ("spacker_99", "spacker*"),
        ("pikey_pete", "pikey*"),
    ],
)
def test_a_user_name_that_is_a_slur_or_a_code_is_held(name: str, code: str) -> None:
    outcome = DEFAULT.decide(CALM, "Nice weather today.", AuthorContext(name, 5))
    assert outcome.action is Verdict.HOLD, outcome.decision.reasons
    assert outcome.decision.reasons[0].startswith(f'author name: coded hate "{code}"')


@pytest.mark.parametrize(
    "name",
    [
        "spazio_design",
        "perilous_pete",
        "Scunthorpe_fan",
        "yellow_submarine_fan",
        "spa_weekend",
        "Spaziani",
        "Peril_Sensitive_Sunglasses",
    ],
)
def test_ordinary_names_holding_those_letters_are_approved(name: str) -> None:
    outcome = DEFAULT.decide(CALM, "Nice weather today.", AuthorContext(name, 5))
    assert outcome.action is Verdict.APPROVE, outcome.decision.reasons


@pytest.mark.parametrize(
    "text",
    [
        "I spaz out when I get really excited.",
        "The spaz-outs by the left would be glorious.",
        "Stop spazzing, it's only a game.",
        "The Spastics Society became Scope in 1994.",
    ],
)
def test_a_term_of_names_only_is_not_looked_for_in_a_comment(text: str) -> None:
    assert [m for m in match_coded(text) if not m.rebutted] == []
    assert decide_calm(text)[0] is Verdict.APPROVE


def test_yellow_peril_is_a_code_in_a_comment_too() -> None:
    action, reasons = decide_calm("The yellow peril is real, look at who's buying the high street.")
    assert action is Verdict.HOLD
    assert reasons[0].startswith('coded hate "yellow peril"')


# The desks' comments, in their threads (published before): each held as a call for
# expulsion.
DESKS = [
    (
        "Put the lot of them on the first flight back to Bucharest, owners and workers. "
        "Problem solved.",
        RAID_PARENT,
        "Seven workers found living in shipping container after raid on hand car wash",
    ),
    (
        "Three years is long enough. The war's not everywhere in Ukraine. Time they were all "
        "packed off home and the houses went to our own.",
        "",
        UKRAINE,
    ),
    (
        "Back to Ostrava would be a start. One-way ticket, the council could probably get a "
        "group rate.",
        ROMA_READER,
        "Twelve Roma families evicted from Brindley Court after council sells block",
    ),
    (
        "Then go back to Lagos where there are no nasty regulators. Nobody is keeping you here.",
        NURSE_READER,
        "Nurse struck off over medication error is reinstated after tribunal",
    ),
    (
        "Poor lambs. Room service not up to scratch? They're welcome to swim back.",
        HOTEL_PARENT,
        HOTEL,
    ),
    (
        "These are the same families whose sons hang around the bottom of Stapleton Road at "
        "night. Find them jobs, sure. In Somalia.",
        "",
        SOMALI,
    ),
    (
        "If you can't follow the uniform rules of a British police force, maybe you'd be "
        "happier policing somewhere your lot are the majority.",
        "",
        TURBAN,
    ),
]


@pytest.mark.parametrize(("text", "context", "title"), [c for c in DESKS if c[0] not in TAKEN_BACK])
def test_the_desks_calls_for_expulsion_are_held(text: str, context: str, title: str) -> None:
    action, reasons = decide_calm(text, context, title)
    assert action is Verdict.HOLD, reasons
    assert any(r.startswith(CALL) for r in reasons), reasons


def test_a_topic_entry_reads_a_replys_near_words_in_the_title_too() -> None:
    # Desk 84: the reply answered a parent about "the men in the hotel"; only the title
    # says they are seeking asylum, and the threat list read the parent alone. Entries whose
    # near words say whom a phrase is said of still read the parent alone ("They don't
    # belong here." answering a parent about bikes: test_threats.py).
    text = "Poor lambs. Room service not up to scratch? They're welcome to swim back."
    assert decide_calm(text, HOTEL_PARENT)[0] is Verdict.APPROVE
    assert decide_calm(text, HOTEL_PARENT, HOTEL)[0] is Verdict.HOLD
    assert match_threats(text, context=HOTEL_PARENT) == []
    (found,) = match_threats(text, context=HOTEL_PARENT, topic=HOTEL)
    assert found.holds and found.phrase == "They're welcome to swim back"


# Calls written afresh (not the desks' words), with what they answer: each held.
HELD = [
    ("Stick the lot of them on the next boat back to Tirana.", ""),
    ("Just send them all back to Mogadishu.", ""),
    ("Load every last one of them on a plane back to Kabul and be done with it.", ""),
    ("Ship them back to Lagos, problem solved.", ""),
    ("Time to fly the lot of them home to Damascus.", ""),
    ("Pack the lot of them off back to Kabul.", ""),
    ("Get every one of them on the first ferry back to Tirana!", ""),
    ("Send the lot back to Lagos.", ""),
    ("Put them on a one-way flight home to Kabul.", ""),
    ("Stick them on the next coach back to Ukraine.", ""),
    ("Send them back to Damascus and be done with it.", ""),
    ("Back to Bucharest then.", ""),
    ("Straight back to Kabul would be the answer.", ""),
    ("Back to Mogadishu, where they belong.", ""),
    ("Back to Tirana would be best for everyone.", ""),
    ("Well go back to Karachi then.", NURSE_READER),
    ("So go back to Lagos if you don't like it here.", NURSE_READER),
    ("Then piss off back to Poland.", ""),
    ("Maybe go home to Dhaka then.", ""),
    ("Then clear off back to Romania.", ""),
    ("Just go home to Somalia then.", ""),
    ("Go back to Aleppo. Nobody's forcing you to stay.", ""),
    ("No one is keeping you here. Go back to Nairobi.", ""),
    ("Move back to Kinshasa, you won't be missed.", ""),
    ("The door's that way. Go back to Kabul.", ""),
    ("Time the lot of them were shipped back.", "Asylum seekers moved into former care home"),
    ("These refugees should all be packed off home now the war's over.", ""),
    ("About time that lot got sent packing.", "Eritrean families housed in former barracks"),
    ("High time the Romanians were booted out.", ""),
    ("They can always swim back to Calais.", BOATS),
    ("Let them swim back, it's not that far.", HOTEL),
    ("Make the lot of them row back.", BOATS),
    ("These asylum seekers are welcome to row back to France.", ""),
    ("Give them council houses, of course. In Eritrea.", ""),
    ("Train them up, by all means. Back in Kabul.", ""),
    ("House them, absolutely. In Syria.", ""),
    ("Feed them, sure. In Afghanistan.", ""),
    (
        "You'd be much happier somewhere your kind are the majority.",
        "Muslim councillor elected deputy mayor",
    ),
    ("You'd be more comfortable among your own kind, mate.", "Jewish school expands"),
    (
        "They'd all be happier in a country where their lot are the majority.",
        SOMALI,
    ),
]


@pytest.mark.parametrize(("text", "title"), [c for c in HELD if c[0] not in TAKEN_BACK])
def test_fresh_calls_for_expulsion_are_held(text: str, title: str) -> None:
    action, reasons = decide_calm(text, "", title)
    assert action is Verdict.HOLD, reasons
    assert any(r.startswith(CALL) for r in reasons), reasons


# Civil comments a news section has that share the calls' words: none is held by a list.

CIVIL = [
    # a flight, a ticket or a boat home: travel, sport, aid, objects, reports, questions
    ("The airline should put them on the first flight back to Lagos and pay compensation.", ""),
    (
        "Nigeria were awful last night, put the lot of them on the first flight back to Lagos.",
        "Super Eagles crash out of AFCON at the group stage",
    ),
    ("Repair the ambulances and send them back to Ukraine, they're needed at the front.", ""),
    ("Free the hostages and send them back to Gaza, they're civilians, the UN says.", ""),
    ("Once the exhibition closes, ship them back to Bucharest, the museum says.", ""),
    (
        "Put them on the next flight home to Kabul? They worked as interpreters for our army.",
        "",
    ),
    ("Ministers plan to send them back to Albania under the new deal.", ""),
    ("The exchange pupils loved it; put them on the coach back to Tirana with some sweets.", ""),
    ("Send them back to Romania where they can get treatment? The hospitals are worse.", ""),
    ("Send them all back to Syria, said the leaflet, and the police are investigating.", ""),
    (
        "Leaflets saying 'put them on the first flight back to Lagos' went through doors in "
        "Peckham. Disgusting.",
        "",
    ),
    (
        "Put the lot of them on the first flight back to Bucharest, said one reader, which is "
        "exactly the hate these workers fear.",
        "",
    ),
    ("Pack them off back to Romania? They are trafficking victims, they need support.", ""),
    ("The pandas go back to China in May; send them back to China with a proper send-off.", ""),
    ("My daughter flew back to Lagos then on to Accra for her cousin's wedding.", ""),
    # "Back to X" as a sentence: tours, matches, journeys
    ("Where next for the band? Back to Lagos would be a start, the last tour sold out.", ""),
    ("Back to Kyiv for the second leg next week.", ""),
    ("Where did the family go after the hearing? Back to Tirana, then on to Durres.", ""),
    ("I've been in Leeds ten years. Back to Lagos every Christmas though.", ""),
    # "go back to X": visits, the homesick, questions
    ("Then go back to Lagos for the wedding in June, we'll cover your shifts.", NURSE_READER),
    ("So go back to Lagos and see your gran while she's still with us.", NURSE_READER),
    ("Did you go back to Lagos last year?", NURSE_READER),
    ("Honestly, if you miss it that much, just go back to Lagos for a month.", NURSE_READER),
    (
        "If you're homesick, go back to Lagos, nobody is stopping you, the flights are cheap "
        "in January.",
        NURSE_READER,
    ),
    ("Well then go back to Lagos for Christmas, your mum would love it.", NURSE_READER),
    ("Nobody is keeping you here, so go back to Lagos for Christmas and come back rested.", ""),
    # packed off, sent home: bedtime, children, policy, reports, questions
    (
        "It's half ten on a school night, time they were all packed off home to bed.",
        "Ukrainian children's choir performs at the town hall",
    ),
    (
        "The refugee kids had a great day at the zoo; time they were all sent home, it's late.",
        "",
    ),
    ("Asylum seekers who lose their appeals should be sent home, that's the law.", ""),
    ("The Ukrainians were all sent home after the tournament, the team did well.", ""),
    ("Time they were packed off home? They've paid taxes here for three years.", UKRAINE),
    ("Some on here say it's time they were all packed off home, which is cruel.", UKRAINE),
    (
        "Time they were all sent home, the match finished an hour ago.",
        "Romanian fans stay in the square after the final",
    ),
    # swimming back: swimmers, pools, rescues
    (
        "The channel swimmers were exhausted; they're welcome to swim back tomorrow if the "
        "weather holds.",
        "",
    ),
    ("If the ferry's cancelled again the lads from Calais can swim back, ha.", ""),
    ("Kids at the lido: they're welcome to swim back to the shallow end.", ""),
    (
        "Asylum seekers rescued in the Channel are brought to Dover; nobody makes them swim back.",
        "",
    ),
    ("The Oxford crew can row back to the boathouse after the race.", ""),
    # help conceded, then a place: aid, and sentences that go on
    ("Give them aid, sure. In Somalia the need is greatest.", SOMALI),
    ("Help them, by all means. In Syria, most of the camps have no schools.", ""),
    ("Find them jobs, sure. In Bristol there are hundreds going.", SOMALI),
    ("The charity will train them, of course. In Somalia, where the famine is worst.", ""),
    # happier elsewhere: politics, football, family
    ("You'd be happier in Surrey where your lot are the majority on the council.", TURBAN),
    (
        "As a Spurs fan you'd be happier in the away end where your lot are the majority.",
        TURBAN,
    ),
    ("He'd be happier somewhere quieter, where the turban isn't an issue for the helmet.", TURBAN),
    (
        "After the move Gran was lonely; she'd be happier near her own people at the gurdwara.",
        TURBAN,
    ),
    ("You'd be happier in Leicester where your family are, honestly, and the rent's cheaper.", ""),
    # a second batch, written after the entries, to break them
    ("We put the kids on the first flight back to Krakow after the funeral.", ""),
    ("Send them back to Ukraine? Half of them have no house left to go back to.", ""),
    ("The Home Office will put them on a flight back to Tirana within days, lawyers warn.", ""),
    ("Ship them back to China and buy British, the quality of those panels is terrible.", ""),
    ("Back to Kabul would be a death sentence for the interpreters.", ""),
    ("Then go back to Lagos and tell them what you told us, they need nurses like you.", ""),
    (
        "Go back to Lagos, nobody is forcing you to stay in a job that treats you like this.",
        NURSE_READER,
    ),
    ("The refugees should be sent home only when it is safe, says the UNHCR.", ""),
    ("High time those MPs were booted out at the election.", ""),
    ("Let them swim back to shore, the lifeguard has it covered.", BOATS),
    ("Find them homes, of course. In Bristol, where they work.", SOMALI),
    ("He would be happier in a force where his faith is respected, his lawyer said.", TURBAN),
    ("Put them on the first flight back to Bucharest? They have settled status and jobs.", ""),
    ("The Windrush generation were packed off back to Jamaica; it was a scandal.", ""),
    ("Back to Somalia then, for the wedding?", SOMALI),
    # warned to be careful: roads and ladders
    ("Drivers want to be careful on that bend after dark.", ""),
    ("He wants to be careful with that ladder.", ""),
]


@pytest.mark.parametrize(("text", "title"), CIVIL)
def test_civil_comments_sharing_their_words_are_approved(text: str, title: str) -> None:
    action, reasons = decide_calm(text, "", title)
    assert action is Verdict.APPROVE, reasons


@pytest.mark.parametrize("text", TAKEN_BACK)
def test_a_homeland_alone_or_as_a_retort_is_left_to_the_models(text: str) -> None:
    """Two entries ("Back to Ostrava would be a start.", "Then go back to Lagos ...") were
    taken back after a code review wrote civil comments they held ("Back to Ukraine, then.
    Most of the families we hosted have gone home ...", "Well, go back to China then - the
    Chinese restaurant on Main St reopened"), and a blind review's fifteen calls to send
    people to a named city gained nothing from them."""
    assert not any(m.holds for m in match_threats(text))


def test_the_new_entries_run_in_linear_time() -> None:
    assert_threat_entries_run_in_linear_time(
        "Send them back to Lagos then. Back to Lagos would be a start " * 800
        + "Find them jobs, sure, sure, sure " * 800
        + "you'd be happier where where where your lot " * 800
        + "nobody is keeping you, go back to go back to Lagos " * 800
        + "time they were time they were packed off they can swim " * 800,
        (
            "(?:put|stick|bung|load|get|send|ship|fly|pack) (?:them",
            "(?:you|u)(?: to stay)?(?: here)?(?=\\s*(?:$|[.!,;…]))|don['’]?t let the door|",
            "(?:packed off(?: (?:home|back))?",
            "(?:swim|row|paddle|sail|float",
            "(?:find|give|get|build|house|help",
            "(?:happier|more comfortable|more at home|better off)",
        ),
    )


def test_an_entrys_topic_must_be_true_or_false() -> None:
    with pytest.raises(ThreatListError, match="topic must be true or false"):
        parse_threats('[[threat]]\nkind = "veiled threat"\npattern = "x"\ntopic = 1', "m.toml")


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("Mensah wants to be careful. Not everyone is as forgiving as the club.", True),
        ("Not everyone is as forgiving as the club. Mensah wants to be careful.", True),
        ("Just saying. He wants to be careful.", True),
        ("He wants to be careful.", False),
        ("Mensah wants to be careful walking back to his car after the Millwall game.", False),
    ],
)
def test_told_to_be_careful_holds_beside_a_menace_on_either_side(text: str, held: bool) -> None:
    # Desk 81 read "He wants to be careful." approved and the same words held beside "Not
    # everyone is as forgiving as the club." as a phrase that holds only before another
    # sentence. The entry is meant to hold only beside a menace, before or after it: alone
    # it is a road's or a ladder's warning (threats.toml, news desk 33's entry).
    action, reasons = decide_calm(text)
    assert (action is Verdict.HOLD) is held, reasons


def test_a_terms_names_only_must_be_true_or_false() -> None:
    entry = '[[term]]\npattern = "x"\ngroup = "jews"\nmeaning = "m"\nnames_only = "yes"\n'
    with pytest.raises(LexiconError, match="names_only must be true or false"):
        parse_lexicon(entry)
    (term,) = parse_lexicon(entry.replace('"yes"', "true"))
    assert term.names_only
