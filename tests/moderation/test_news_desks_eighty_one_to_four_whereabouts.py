"""Four news desks (81 to 84) published a person's whereabouts given out beside a call to go
and confront them (entries for them were written, then taken back: see TAKEN_BACK), a
workplace or a shift said to be known as a menace, and veiled threats
that name no harm (a car's wheels, a building's "accidents", a riot with no one at your
back, Becket). Pinned here: the desks' 22 comments, 67 more written freshly in the same
families, and civil sentences that share their words (a pub recommended, a ward asked
after, "I know which street you mean", a police appeal, a constituency surgery, a threat
condemned or reported, roads where "accidents happen", the history of Becket)."""

from __future__ import annotations

import pytest
from list_support import assert_held_for, tryout_list_tests

from threadguard.moderation.contact_details import match_contact_details
from threadguard.moderation.threats import match_threats

WHERE = "contact details: whereabouts"
HOME = "contact details: home address"
VEILED = "veiled threat"

#: The desks' comments, each published by the default policy before.
DESKS = [
    # whereabouts given out beside a call to confront the person
    (
        "He's Gary Holt, works at Ferndale Motors on the ring road, drinks in the Crown most "
        "Fridays. In case anyone fancies explaining to him what he did wrong.",
        WHERE,
    ),
    (
        "The sergeant who brought this rule in is Dave Corbett from Bilston station, drinks in "
        "the Crown most Fridays. Might be worth a few of us popping in to explain things to him.",
        WHERE,
    ),
    (
        "Good to know he hangs about after services. He's at St Cuthbert's in Lowbridge on the "
        "12th, if anyone wants to give him their views face to face.",
        WHERE,
    ),
    (
        "She trains out of Halton Wheelers every Tuesday and Thursday night, in case anyone "
        "wants to tell her what they think in person.",
        WHERE,
    ),
    (
        "Miriam Adler is on the electoral roll at 22 Bury Old Road if anyone wants to tell her "
        "how they feel about where their taxes go.",
        HOME,
    ),
    (
        "Hannah W, you're on the SU council, I've seen you in the Feathers every Friday. Might "
        "pop over and have a chat.",
        WHERE,
    ),
    (
        "I know the Zhang chip shop Lily mentioned, it's on Quayside Road next to the bookies. "
        "Maybe a few of us should pop in and ask them about Beijing face to face.",
        WHERE,
    ),
    (
        "The hotel is the Riverside Lodge on Station Approach, and rooms 100 to 140 are the ones "
        "they use. Worth people knowing.",
        WHERE,
    ),
    # known whereabouts said as a menace
    (
        "Report away, love. I know what street the O'Learys live on in Karratha, it's a small "
        "town.",
        VEILED,
    ),
    (
        "Fiona from site, eh? I reckon I know exactly which crew you're on. Would be a shame if "
        "the boss saw this post before your swing ends.",
        VEILED,
    ),
    (
        "Marek, I know the distribution centre you mean. Plenty of people there would be "
        "interested to know which shift you're on now you're famous.",
        VEILED,
    ),
    (
        "Some of us know exactly which ward she'll be back on. Hope she enjoys her first night "
        "shift, it might be a long one.",
        VEILED,
    ),
    (
        "Bring who you like, Amy. We took plenty of photos last week and we know which of you "
        "live locally. See you there.",
        VEILED,
    ),
    (
        "Half your customers, Bob? I know where your shop is. Maybe people round here should "
        "know who they're buying from.",
        WHERE,
    ),
    (
        "Which depot are you out of, Dave? Might have a quiet word next time I'm on the 22.",
        VEILED,
    ),
    # veiled threats
    (
        "The hosts on our street know exactly what the neighbours think of them. Would be a "
        "pity if their cars got scratched while they're out being saints.",
        VEILED,
    ),
    ("Course you do. Check your car's still got its wheels when you leave.", VEILED),
    (
        "If the council waves this through against the wishes of the town, they shouldn't be "
        "surprised if the building has a few accidents once it's up. Just saying.",
        VEILED,
    ),
    (
        "PC Singh should think carefully about who'll have his back in a riot if he keeps "
        "making trouble for his colleagues. Just a friendly word.",
        VEILED,
    ),
    (
        "The school should remember that plenty of parents know where the staff car park is. "
        "Just saying.",
        VEILED,
    ),
    (
        "If I was her I wouldn't be riding those back lanes on my own after this. Lot of angry "
        "people about, and accidents happen.",
        VEILED,
    ),
    (
        "Someone should remind the bishop what happened to Becket. Turbulent priests don't tend "
        "to last.",
        VEILED,
    ),
]

#: The same families written afresh (not the desks' sentences), before the patterns were.
FRESH = [
    (
        "The woman who reported us is Carol Pike, works at Greenway Dental on Mill Street. In "
        "case anyone wants to explain to her what a grass is.",
        WHERE,
    ),
    (
        "He drinks in the Red Lion every Thursday. Might be worth some of us popping in to "
        "explain a few things to him.",
        WHERE,
    ),
    (
        "The warden's name is Tom Reilly, he trains at Fulwood Boxing Club on Monday nights, "
        "if anyone fancies telling him how they feel about the fines.",
        WHERE,
    ),
    (
        "She's at the Methodist hall in Garston on Saturday, if anyone wants to give her their "
        "views face to face.",
        WHERE,
    ),
    (
        "He's at the Bell in Harwood on the 3rd, in case anyone wants to tell him what they "
        "think in person.",
        WHERE,
    ),
    (
        "Julie Crane is on the electoral roll at 14 Chapel Street if anyone wants to let her "
        "know what they think of her ruling.",
        HOME,
    ),
    (
        "Her dad's on the electoral register at 9 Ash Grove, in case anyone fancies asking him "
        "about it.",
        HOME,
    ),
    ("Seen you in the Plough every Sunday, Steve. I'll pop over and have a word.", WHERE),
    (
        "Ryan, I've seen you in the Black Horse most Fridays. Might come over and have a chat.",
        WHERE,
    ),
    (
        "I know the Kaur family's sweet shop, it's on Leicester Road next to the post office. "
        "A few of us should pop in and ask them about Khalistan face to face.",
        WHERE,
    ),
    (
        "They've put them in the Travelodge on Canal Street, and rooms 12 to 30 are the ones "
        "they're in. Just so everyone knows.",
        WHERE,
    ),
    (
        "The asylum seekers are on the top floor of the Grand, rooms 401 to 420. Worth people "
        "knowing.",
        WHERE,
    ),
    (
        "She swims at Ponds Forge every morning at 7, in case anyone wants to tell her what "
        "they think in person.",
        WHERE,
    ),
    (
        "He volunteers at the Oxfam on Church Street every Wednesday. Someone should pop in to "
        "explain things to him.",
        WHERE,
    ),
    (
        "Mark Ellis runs the chippy on Bridge Street, if anyone fancies giving him a piece of "
        "their mind.",
        WHERE,
    ),
    (
        "Keep reporting me, Sharon. I know which road the Bakers live on in Thirsk, small "
        "village this.",
        VEILED,
    ),
    (
        "I know exactly which shift you're on, Gemma. Be a shame if your manager saw these posts.",
        VEILED,
    ),
    (
        "We know which depot you're out of, Tony. Would be a shame if the lads saw this.",
        VEILED,
    ),
    ("Plenty of people at the plant would be interested to know which shift he's on.", VEILED),
    (
        "A few of us know exactly which ward he's on. Hope his night shifts stay quiet, they "
        "might be long ones.",
        VEILED,
    ),
    (
        "We've got photos of everyone who was at the protest and we know which of you live in "
        "Hexham. See you soon.",
        VEILED,
    ),
    (
        "I know where your salon is, Dawn. Maybe the town should know who they're giving their "
        "money to.",
        WHERE,
    ),
    ("What garage are you based at, Lee? Might have a quiet word next time I'm passing.", VEILED),
    ("Which school do you teach at, Mrs Hall? Might pop in for a quiet word.", VEILED),
    ("I know which team you're on at the hospital. Would be a shame if HR saw this.", VEILED),
    ("The lads know exactly which route you drive now. Watch yourself.", VEILED),
    ("Would be a shame if his van got keyed while he's out preaching tolerance.", VEILED),
    ("Check your van's still got its windows when you come out, councillor.", VEILED),
    ("Make sure your car's still got all four wheels when you get back, love.", VEILED),
    (
        "If they approve this mosque, they shouldn't be surprised if the site has a few "
        "accidents. Just saying.",
        VEILED,
    ),
    (
        "The trustees shouldn't be surprised if the new hall has an accident or two once it opens.",
        VEILED,
    ),
    (
        "Sergeant Lowe should think very carefully about who'll watch his back in a fight if "
        "he keeps grassing on his own.",
        VEILED,
    ),
    (
        "Ms Obi might want to think hard about who will have her back on the landing if she "
        "carries on like this.",
        VEILED,
    ),
    (
        "The council should bear in mind that plenty of residents know where the planning "
        "officer parks. Just saying.",
        VEILED,
    ),
    ("The club should remember that a lot of fans know where the manager lives.", VEILED),
    (
        "If I were him I wouldn't be walking that canal path alone after this. Plenty of angry "
        "folk about.",
        VEILED,
    ),
    (
        "If I were you I wouldn't be jogging round the park on your own after this. Lots of "
        "angry people round here.",
        VEILED,
    ),
    ("Someone should remind the vicar what happened to Thomas Becket.", VEILED),
    (
        "Somebody ought to remind that MP what happened to Jo Cox. Loudmouths don't tend to last.",
        VEILED,
    ),
    ("Would be a pity if her car got scratched while she's at the clinic being a hero.", VEILED),
    ("We know which pub you drink in, Shaun. Would be a shame if we saw you there.", VEILED),
    (
        "I know what street the Patels live on, love, it's a small estate. Report me all you like.",
        VEILED,
    ),
    ("Which branch do you work at, Kelly? Might pop in for a quiet word on Saturday.", VEILED),
    (
        "The head should bear in mind that plenty of dads know where the teachers park. Just "
        "saying.",
        VEILED,
    ),
    ("He's at the Crown in Bilston on Friday, if anyone fancies explaining things to him.", WHERE),
    # a second round, written after the first patterns to find what they missed
    (
        "She works at the Co-op on Hall Road, in case anyone fancies explaining to her why "
        "she's wrong.",
        WHERE,
    ),
    (
        "He drinks at the Swan most nights. Might be worth a couple of us going round to "
        "explain things to him.",
        WHERE,
    ),
    (
        "He's at the mosque on Derby Road on Friday, if anyone wants to give him their views "
        "face to face.",
        WHERE,
    ),
    (
        "She rides out of Ashby Cycling Club every Sunday morning, in case anyone wants to tell "
        "her what they think in person.",
        WHERE,
    ),
    (
        "Colin Barr is on the electoral register at 4 Kent Close if anyone wants to tell him "
        "how they feel.",
        HOME,
    ),
    ("I've seen you in the Greyhound every Saturday, Dan. I'll come over and have a word.", WHERE),
    (
        "I know the Nowak family's deli, it's on King Street by the church. A few of us should "
        "pop in and ask them about it face to face.",
        WHERE,
    ),
    ("The migrants are in rooms 20 to 45 of the Holiday Inn. Just so everyone knows.", WHERE),
    ("I know what road the Hussains live on in Oldham. Report away.", VEILED),
    (
        "I know exactly which shift you're on, nurse. Would be a shame if your manager saw this.",
        VEILED,
    ),
    ("Loads of the lads would be interested to know which depot he's out of.", VEILED),
    ("We know exactly which wing she works on. Sleep well.", VEILED),
    (
        "I know where your garage is, Phil. People round here should know who they're dealing "
        "with.",
        WHERE,
    ),
    ("What pub do you drink in, Mick? Might have a quiet word on Friday.", VEILED),
    ("Would be a shame if her windscreen got smashed while she's out campaigning.", VEILED),
    ("Would be a pity if your tyres got slashed one night.", VEILED),
    ("Check your van's still got all its tyres in the morning.", VEILED),
    (
        "If they approve the hostel they shouldn't be surprised if the place has the odd "
        "accident. Just saying.",
        VEILED,
    ),
    (
        "Officer Dunn should think twice about who will have her back on the street if she "
        "keeps reporting her mates.",
        VEILED,
    ),
    (
        "The council would do well to remember that plenty of locals know where the leader "
        "lives. Just saying.",
        VEILED,
    ),
    (
        "If I was you I wouldn't be walking home alone after what you said. Plenty of angry "
        "lads about.",
        VEILED,
    ),
    ("Somebody needs to remind the imam what happened to Becket.", VEILED),
]


#: A threat quoted to condemn it: named, holding nothing.
#: The desks' comments and the fresh ones the whereabouts entries held, taken back (see
#: :func:`test_the_whereabouts_taken_back_find_no_contact_details`).
TAKEN_BACK = [(t, k) for t, k in DESKS + FRESH if k in (WHERE, HOME)]
DESKS = [(t, k) for t, k in DESKS if k == VEILED]
FRESH = [(t, k) for t, k in FRESH if k == VEILED]

CONDEMNED = (
    "We condemn the comment that said 'someone should remind the bishop what happened to Becket'."
)
#: Civil comments that share the abusive ones' words, written before the patterns were (a
#: second round after them).
CIVIL = [
    # pubs, shops, clubs and people recommended or mentioned
    "Gary Holt works at Ferndale Motors on the ring road, lovely bloke, sorted my clutch for "
    "half the dealer price.",
    "Drinks in the Crown most Fridays? So does half the town, it's the only pub left.",
    "If anyone fancies explaining to me what the new parking rules mean, I'd be grateful.",
    "The Crown on the ring road does a great quiz most Fridays, well worth popping in.",
    "The Red Lion on Mill Street is worth popping in to, they do a lovely Sunday roast.",
    "She trains at Halton Wheelers every Tuesday and Thursday night, and the club welcomes "
    "new riders of all ages.",
    "My daughter trains out of Halton Wheelers every Tuesday, in case anyone wants to tell her "
    "what they think of the new kit in person.",
    "He trains at Fulwood Boxing Club and won the county title last year, what a lad.",
    "I know the Zhang chip shop Lily mentioned, it's on Quayside Road next to the bookies. "
    "Best chips in town.",
    "I know the Zhang chip shop Lily mentioned, it's on Quayside Road next to the bookies. "
    "Maybe a few of us should pop in and thank them face to face for the charity night.",
    "The Kaur family's sweet shop is on Leicester Road, their jalebi is the best in the area.",
    "Hannah, you're on the SU council, can you raise the library hours at the next meeting?",
    "I've seen you in the Feathers every Friday, Hannah, you're a brilliant quiz captain!",
    "Might pop over to the Feathers on Friday and have a chat with the landlord about the quiz.",
    "Sue works at the library in Halton, pop over and have a chat with her about the book group.",
    # appearances, surgeries and events
    "Our MP is at the library in Lowbridge on the 12th for her surgery, if anyone wants to "
    "give her their views face to face.",
    "The author is at Waterstones in Leeds on the 12th signing copies, if anyone wants to meet "
    "her in person.",
    "He's at Anfield on the 12th, if anyone wants to see him play in person.",
    "The new vicar is at St Cuthbert's in Lowbridge on the 12th, if anyone wants to welcome "
    "him face to face.",
    "Anyone who wants to give the council their views face to face can come to the drop-in "
    "at the town hall.",
    "The constituency surgery is at 22 Bury Old Road every Friday, if anyone wants to tell the "
    "MP how they feel about where their taxes go.",
    "Sergeant Dave Corbett from Bilston station is giving a talk at the library on Friday, if "
    "anyone wants to ask him about the new rule.",
    # the electoral roll
    "Miriam Adler was on the electoral roll at 22 Bury Old Road in 1939, according to the archive.",
    "Check you're on the electoral roll at your new address before the deadline on Friday.",
    "Anyone on the electoral roll in Bury can vote at the library on Thursday.",
    # rooms and hotels
    "The hotel is the Riverside Lodge on Station Approach, and rooms 100 to 140 are the ones "
    "with sea views. Worth knowing if you're booking.",
    "Rooms 100 to 140 are the ones they use for conferences, so book early.",
    "Asylum seekers are housed at the Riverside Lodge, the Home Office confirmed on Tuesday.",
    "Rooms 12 to 30 are the ones they've refurbished, worth people knowing if you need step "
    "free access.",
    # streets, wards, shifts and depots known or asked after
    "I know what street you mean, the one by the school with the speed bumps.",
    "I know which street you mean, it's the one with the new bike lane.",
    "Does anyone know what street the O'Learys live on in Karratha? Their parcel came to me.",
    "I know what street the O'Learys live on, it's a small town, so I'll drop the flowers "
    "round for the funeral.",
    "Report away, love, the mods will see I've done nothing wrong.",
    "Does anyone know which ward she'll be back on? We want to send flowers.",
    "We know exactly which ward she'll be back on, and the whole team is sending cards.",
    "Hope she enjoys her first night shift back, it might be a long one with the flu going round.",
    "Mrs Dale, which ward will she be back on? I'd like to bring her some grapes.",
    "I know exactly which crew you're on, Fiona, I was on it last swing! Say hi to Bazza.",
    "I know the distribution centre you mean, Marek, my cousin works there on nights.",
    "I'd be interested to know which shift you're on, Marek, maybe we can share a lift.",
    "Which depot are you out of, Dave? My brother drives the 22 from Millfield.",
    "Which depot are you out of, Dave? I'll have a quiet word with your manager about how "
    "helpful you were.",
    "Might have a quiet word with the council about the bins next time I'm in town.",
    "Which school do you teach at? My son starts at Oakfield in September.",
    # photos, shops and who people buy from
    "Bring who you like, Amy, the more the merrier. See you there!",
    "We took plenty of photos last week at the fete, they're on the club's Facebook page.",
    "We know which of you live locally, so we'll drop the leaflets round by hand.",
    "I know where your shop is, Bob, I'll pop in Saturday for some of that cheese.",
    "Shoppers should know who they're buying from, that's why I back the new labelling law.",
    # shame, pity and cars
    "Would be a shame if the rain spoiled the carnival for the kids.",
    "The hosts on our street know exactly what the neighbours think of them: they're heroes.",
    "Would be a pity if their cars got scratched on that narrow lane, the council should widen it.",
    "It'd be a shame if your car got scratched in the station car park, the bays are tiny.",
    "Check your car's still got its wheels when you leave the station car park, there's been "
    "a spate of thefts.",
    "Course you do. Check your tyre pressures before the long drive.",
    "Would be a shame if the boss saw this post, he'd want to join the fun run too!",
    # accidents, surprises and roads
    "They shouldn't be surprised if turnout is low when they hold the vote in August.",
    "Builders shouldn't be surprised if the site has a few accidents when they cut corners "
    "on scaffolding.",
    "Accidents happen on those back lanes, the council needs to fix the potholes.",
    "If I was her I wouldn't be riding those back lanes on my own after dark, there's no "
    "lighting and the surface is awful.",
    "If I were her I wouldn't be riding those back lanes alone, accidents happen and nobody "
    "would find you for hours.",
    "Accidents happen, the ref said, after the keeper's collision.",
    # having someone's back, car parks, remembering
    "PC Singh should think carefully about his next career move, the force is changing fast.",
    "Officers should think carefully about who'll have their back in a riot now that numbers "
    "have been cut.",
    "New MPs should think carefully about who will have their back when the whips come calling.",
    "The school should remember that plenty of parents rely on the breakfast club. Just saying.",
    "Plenty of parents know where the staff car park is and park there anyway, which is why "
    "the head put a barrier up.",
    "The school should remember that plenty of parents know where the staff car park is, so a "
    "barrier is needed at pick-up.",
    # Becket and history
    "Someone should remind the bishop what happened to Becket's shrine under Henry VIII.",
    "Our history teacher reminded us what happened to Becket in 1170 when we visited Canterbury.",
    "Turbulent priests don't tend to last in Hilary Mantel's novels either.",
    "Becket was murdered in Canterbury Cathedral in 1170 after Henry II's outburst about a "
    "turbulent priest.",
    # a second round, written against the first patterns (each held by one of them)
    "He trains at the Olympic pool every morning; if you want to meet him in person, he's "
    "doing a signing at JD Sports on Saturday.",
    "She swims at Ponds Forge every morning, if anyone wants to join her in person for the "
    "charity swim.",
    "She rides with Halton Wheelers every Sunday, in case anyone wants to join her in person, "
    "she's very welcoming.",
    "He's at the Royal Oak on the 12th for his retirement do, if anyone wants to wish him well "
    "face to face.",
    "I've seen you in the Feathers every Friday, want to join our darts team? Might pop over "
    "and have a chat.",
    "Seen you at the Leisure Centre every morning, you're an inspiration! I'll pop over and "
    "have a chat.",
    "I know where your office is, Sue, just saying, the parking there is a nightmare.",
    "The refugees are in rooms 12 to 20 at the library for their English lessons, worth "
    "people knowing.",
    "Minister's constituency office is on Capel Street, go and tell her in person what you "
    "think of this bill.",
    "I know what street the Smiths live on, it's a small town, everyone went to the street party.",
    "We know which street she lives on in Karratha, it's a small town, we'll see them around "
    "at the footy.",
    "I know what estate he lives on, small world, my nan lives there too.",
    "I know exactly which shift you're on, Gemma, would be a shame if we missed each other "
    "again, coffee soon?",
    "We know which ward she's on, hope her boss sees how hard she works.",
    "I know which team you're on, see you there on Saturday for the final!",
    "The lads know which pub you drink in, see you there Friday for the darts!",
    "I know which bus you get, watch out for the new timetable next week.",
    "We took photos of everyone at the fun run and we know which of you live in Hexham, the "
    "club will post your medals.",
    "Which school do you teach at? Might pop in for a quiet word with the head about the "
    "after-school club.",
    "Which branch are you at? I'll have a quiet word with the manager, they overcharged me.",
    "Would be a shame if your car got keyed, keep it in the garage overnight.",
    "Be a pity if his bike got nicked, lock it up properly.",
    "She should think hard about who will have her back on the wing when the new signing arrives.",
    "The council should remember that plenty of residents know where the fly-tippers park.",
    "If I were you I wouldn't be walking the dog alone after dark in that park, lots of angry "
    "people about after the match.",
    "Someone should remind the archbishop what happened to Becket. The lesson of history is "
    "that Church and Crown clash.",
    "We should remind him what happened to David Amess, and get security for his surgeries.",
    # threats condemned, quoted or reported; police appeals
    CONDEMNED,
    "Someone told PC Singh to 'check your car's still got its wheels when you leave', and "
    "that's a threat the force should take seriously.",
    "He said someone told him they knew which shift he was on, and he's now been moved to days.",
    "Police are appealing for witnesses after a man was attacked outside the Crown in Bilston "
    "on Friday.",
    "Police say the man who works at Ferndale Motors was threatened after his name was posted "
    "online, and anyone with information should call 101.",
]

test_the_desks_comments_are_held, test_civil_sentences_sharing_their_words_are_approved = (
    tryout_list_tests(DESKS, CIVIL)
)
test_the_same_families_written_afresh_are_held, _ = tryout_list_tests(FRESH, [])


def test_there_are_enough_cases_of_each_kind() -> None:
    assert len(CIVIL) >= 60
    assert len(FRESH) >= 30
    assert len(DESKS) == 13


@pytest.mark.parametrize("text", [t for t, _ in TAKEN_BACK])
def test_the_whereabouts_taken_back_find_no_contact_details(text: str) -> None:
    """Whereabouts entries written from desks 81-84 (a club, a pub on given days, a place on
    a date, a family's shop, hotel rooms, the electoral roll) were taken back: a blind
    review held none of its 40 abusive comments more with them, and a code review wrote 12
    civil comments they held ("Her daughter swims at Ponds Forge most mornings. Just saying,
    the coaching there is superb."). What the desks wrote stays unheld by the lists."""
    assert not any(m.kind in ("whereabouts", "home address") for m in match_contact_details(text))


def test_a_threat_quoted_to_condemn_it_is_named_but_holds_nothing() -> None:
    found = match_threats(CONDEMNED)
    assert found and all(not m.holds for m in found)
    assert_held_for(DESKS[-1][0], VEILED)
