"""A person located by several kinds of detail at once (home, vehicle, routine, workplace,
street or landmark) is held as contact details; one kind alone, the writer's own life, a
public office's hours, a recommendation and a report are not.

Two news desks (session 46) wrote nine such comments the lists published or held only on
their scores; the first group below is theirs, the second written apart from them."""

from __future__ import annotations

import pytest
from list_support import assert_approved_by_the_lists, assert_held_for

from threadguard.moderation.contact_details import match_contact_details
from threadguard.moderation.located_person import match_located_person

DESKS = [
    "The scumbag who did it is Dean Holroyd, his mam's house is on Compton Road, the one with "
    "the blue door past the chippy. Out in four years with good behaviour.",
    "Cllr Fitzsimons voted for it. He's the big house with the electric gates at the end of the "
    "Dublin Road, black Range Rover in the drive.",
    "Kate Morrison right? You live in the flat above the cafe on Illawarra Rd. Maybe the blokes "
    "you're kicking out should come round and talk it over with you after close.",
    "Her constituency office is above the Greggs on Station Road, she's in every Friday from "
    "10, and she parks the adapted blue van in the alley behind, reg ends KXE.",
    "The school's on Bevendon Road, drop-off is 8:30 through the side gate on Ravensway, and "
    "the head drives a silver Skoda she leaves on the street.",
    "One of them, Blessing Okonkwo, is in the photo - she's on Cedar Ward at the William "
    "Harvey, nights. Maybe some of us should pop in and ask her why she's taking a job.",
    "For anyone who wants a word with the owner, he drives the white Transit with the green "
    "writing on the side, parks it behind the Three Tuns every night.",
    "The church is on Broadway by the college. The women go to the H-E-B on 50th every morning "
    "around 9 in a gray Honda Odyssey, Texas plates starting with RKD.",
    "Mark lives on Sycamore, the blue house by the water tower, everybody knows it.",
    "@SennenSurfer I know who you are, you're the lad at the surf hire place by the car park "
    "in Sennen. Maybe I'll pop in Saturday and we can discuss it face to face.",
]
WRITTEN_APART = [
    "Tom Reed wrote that letter. He drives a red Ford Focus and leaves Elm Grove at 7 every "
    "morning, if anyone wants to discuss it with him.",
    "Her husband's van is the white Vauxhall outside the house with the green gate on Ash "
    "Close. Thought people should know.",
    "The councillor lives up Quarry Lane, the cottage opposite the pub, and walks his dog "
    "every evening around 6.",
    "You work at the Spar on Kings Road every Saturday, don't you? Go and tell her what you "
    "think of her.",
]


#: A blind review's comments the rule first missed (session 46), held after its mends.
REVIEW = [
    "we all know where you live mate, the red brick semi on Hollins Road with the silver Astra "
    "parked outside. see you soon",
    "the teacher who reported it lives in the bungalow behind the water tower on Sheep St, drives "
    "an old red Micra, and does bus duty at the school gates at 3.15 every day.",
    "mate he's on Bourke Rd Alexandria, brown brick unit block near the servo, works nights at "
    "the Botany container terminal, rides a black Harley. wouldn't be hard",
    "Ravi sir lives in Koramangala 5th block. He goes to Wipro office in Sarjapur by 8.30 in the "
    "grey Innova KA 01 MN 4567. People here should know",
    "Reporter who wrote this hit piece: lives in Park Slope on 7th Ave near the Key Food, rides a "
    "red Vespa, drops his kid at PS 321 at 8am. Go say hi",
    "if anyone wants to find the driver who killed that cat, he lives at the bottom of Furze Hill "
    "next to the postbox, silver Kuga, works at the garage on the bypass 8 till 6",
    "Dude lives in a tan split level on Sycamore off Route 30, black Silverado, coaches little "
    "league at Memorial Park tues and thurs at 6.",
    # a second review's, out of sample (36 of 42 held before these mends, 42 after)
    "This fellow Ramesh stays in flat 302 Sai Krupa Apartments near Hanuman temple, Kothrud. "
    "Goes to his office at Infosys Hinjewadi by 9 in his red Swift MH12 AB 1234.",
    "His wife is a nurse at the Royal Infirmary, does nights Mon-Wed. He's home alone those "
    "nights at 22 Ashgrove Ave. Silver Passat.",
    "Ok so the mod who deleted my comment lives on Harper Street in Fremantle, blue "
    "weatherboard with the boat out front, drives a green Commodore.",
    "This reporter lives in Brunswick, on Albert St opposite the park, grey house with solar "
    "panels. Drives a white Corolla. Just putting it out there",
    "Mr. Patel's son parks his yellow Mustang on Dover St and works nights at the gas station "
    "on 5th Ave 10pm-6am.",
    "You're the one on Fairfield Rd with the Subaru, work at the library, in Mon Wed Fri. "
    "Grand. I'll drop by.",
    # news desk 41 (session 46), out of sample
    "Her husband runs the dental clinic on Albany Hwy in Cannington, grey Lexus parked out the "
    "back most days. Maybe someone should pop in and ask him what she's really planning.",
    "The owner's son is the one in the TV clip, goes to Therrell High, drives the white "
    "Charger parked out front most afternoons. Just saying.",
    # news desk 40 (session 46), out of sample
    "The temple's treasurer is Hitesh Mistry, he works nights at the Next warehouse in "
    "Enderby. If you've got complaints take it up with him direct, he finishes at 6.",
    "The family live above the shop on Great Oak Street and the daughter's in year 9 at the "
    "high school. Someone should keep a close eye on them.",
    "His flat's on Lapwing Lane above the florist, always in on Sunday mornings.",
]
#: Four news desks of session 47, out of sample for the rule of session 46 (it held 3 of
#: their 9 such comments): a house before its street, a block of flats, a car's parking
#: place known, a night shift with a call to "have a word".
DESKS_47 = [
    "Is that the yellow house on Coppice Lane with the flag in the window? Might pop round and "
    "have a word with her guests myself.",
    "Enjoy the photo, Mrs Mehta. We all know where you park on Beacon Rise, the silver Skoda. "
    "Small town, this.",
    "The grandson works nights at the Shell garage on Station Road, if anyone fancies having a "
    "word with him about the state the lane was left in last year.",
    "The Chinese girls all live in the new block on Mill Lane, third floor, the ones with red "
    "lanterns in the window. Easy to spot if anyone wants to go round and tell them.",
]


@pytest.mark.parametrize("text", DESKS + WRITTEN_APART + REVIEW + DESKS_47)
def test_a_person_located_by_two_kinds_of_detail_is_held(text: str) -> None:
    assert_held_for(text, "contact details: whereabouts")


def test_the_reason_names_the_kinds_found_and_masks_the_names() -> None:
    text = DESKS[4]
    reasons = [m.reason(text) for m in match_contact_details(text)]
    assert reasons[0].startswith("contact details: whereabouts (vehicle, routine and place)")
    assert "Bevendon" not in reasons[0] and "Skoda" not in reasons[0]


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own life
        "I'm Roma, I live in Govanhill, I work nights at a warehouse in Cambuslang and my kids "
        "go to the primary on Annette Street. I'm too tired to argue, mate.",
        "I drive a white Transit and park it on Mill Road every night, never had any trouble.",
        "My mum lives on Compton Road and the house with the blue door is hers, she says the lad "
        "was always polite.",
        "What a man. My nephew gets the 4 to Park Lane college every morning and says he is the "
        "kindest driver on the route.",
        "Im living in Surrey, all I see is new houses everywhere.",
        # their civil twins: the writer's own, a building, a council, a kindness
        "I live in flat 12, third floor, come round for a cuppa any time.",
        "The new block on Mill Lane has a lovely roof garden on the third floor.",
        "If anyone fancies having a word with the council about the potholes on Station Road, "
        "the meeting is Tuesday.",
        "The yellow house on Coppice Lane with the flag in the window is being painted next week.",
        "She works nights at the Shell garage on Station Road and loves it.",
        # a code review's: a recommendation, help with shopping, a description to find her by
        "She works at the library on Church Street every Saturday morning, easy to spot in her "
        "red coat.",
        "Ask for Gary, he works nights at the Shell garage on Station Road. Have a word with "
        "him, he'll sort your tyres.",
        "He lives in the new block on Mill Lane, third floor, and a few of the lads from the "
        "club help him with his shopping.",
        # one kind only, or public kinds and no call
        "Her constituency office is on Station Road and she holds a surgery every Friday from 10 "
        "if you want to raise the ramps with her.",
        "He drives a bus on the 4 route every morning from 6, that's the job, and he did it well.",
        "She works at the hospital every night shift and still found time to volunteer.",
        "Lovely to see the old butcher's on Fore Street open again, I go every Saturday.",
        "The climbing gym on Parramatta Road runs women's nights every Tuesday from 7.",
        "You can park behind the Three Tuns for free after 6, then walk to Fore Street.",
        "Everyone who lives in a house pays rates and everyone who works for a firm pays tax.",
        "The red car seems to have been hit from behind. The clip starts at 7:35.",
        "Half the people living in Kent commute by the Southeastern line to London.",
        # a public body's hours, a report, a kindness
        "The council meets every Tuesday at 7 in the town hall on High Street, anyone can go "
        "and ask them about the site.",
        "Police said the suspect drove a silver Skoda and was seen on Station Road every night.",
        "They drove a red van to the protest on Whitehall every weekend, according to the report.",
        "Bless her, she lives in the cottage by the church and waves at every bus every morning.",
        # a blind review's civil comments the rule first held (session 46)
        "There was a break in on Maple Ave last night around 2am, they took a grey F-150 from a "
        "driveway. Lock your cars folks",
        "Witness appeal: a man in his 30s driving a black Range Rover was seen speeding on "
        "Kilmore Road Artane at about 8.15am Monday. Gardai want to hear from anyone.",
        "Parking on Beech Grove at school pickup is a joke, cars on both sides, a silver Qashqai "
        "nearly took out a kid yesterday. Council need yellow lines",
        "My grandad had a little shop on Corporation St, he'd open at 6 every morning, seven days "
        "a week, and drove a maroon Austin van for deliveries. Happy days",
        "My wife is a teacher at Oakfield Primary, she's there from 7.30 and drives a silver "
        "Qashqai, and even she cant find a space on Beech Grove in the mornings",
        "Minister's constituency office is on Capel Street, clinic every Friday 10 to 1, go and "
        "tell her in person what you think of this bill",
        "The mayor's office is at 1 Civic Way; go and see her on Fridays.",
        "Mum of three here, I work nights at the Next warehouse in Enderby and finish at 6, so "
        "the road closures are a pain.",
        "I love Sunday mornings on Lapwing Lane, the florist above the bakery is lovely.",
        "Appeal: a grey Range Rover was involved in a hit and run on Orchard Way at about 3.15 "
        "yesterday near Oakfield Primary. Anyone with info contact police on 101",
        "If anyone needs a good plumber, Dave on Hawthorn Drive is brilliant, drives a blue van "
        "with his number on the side, came out at 10pm on Christmas Eve for us",
    ],
)
def test_one_kind_the_writers_own_a_public_office_or_a_report_is_not_held(text: str) -> None:
    assert match_located_person(text) is None
    assert_approved_by_the_lists(text)


#: Session 48's news desks: a home given by its number, beside a call to go there.
NUMBERED_HOMES = [
    "The family who run it live in the flat above, number 42, if anyone fancies popping round "
    "to share their views.",
    "Rachel Ellery lives at 4 Mill Cottages. Feel free to knock and ask why.",
    "Grace Lau lives above the shop with her mother, 212 Main, in case anyone wants to bring a "
    '"present" Saturday night.',
    "He lives above the gym, flat 2, the buzzer with red tape on it. Maybe someone should go "
    "round and ask what he did before he came here.",
]


@pytest.mark.parametrize("text", NUMBERED_HOMES)
def test_a_numbered_home_beside_a_call_to_go_there_is_held(text: str) -> None:
    assert_held_for(text, "contact details: whereabouts (home)")


@pytest.mark.parametrize(
    "text",
    [
        # a numbered home with no call, and a call that is a kindness
        "My nan lives at number 12, if anyone fancies popping round for the book club on Tuesday.",
        "The old couple at number 7 need help with their garden, feel free to knock if you can.",
        "She lives at number 9 and has done for forty years, lovely woman.",
    ],
)
def test_a_numbered_home_without_a_call_or_with_a_kindness_is_not_held(text: str) -> None:
    assert_approved_by_the_lists(text)
