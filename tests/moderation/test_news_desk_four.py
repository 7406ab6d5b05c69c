"""A fourth news-desk tryout (Irish, Indian, US and UK titles) published 13 of 52 abusive
comments: doxxing in Irish, Indian and some UK address and phone formats, threats worded
indirectly (the lads coming round, a known route home, houses of prayer burnt, harm
foretold), and Indian slurs, the "notice who" dog whistle and "Britain for the British".
Each class of phrasing is held with its reason named; civil sentences that share its words
(local news, sport, reports, injuries, nights out) are approved."""

from __future__ import annotations

from list_support import (
    CALM,
    DEFAULT,
    tryout_list_tests,
)

from threadguard.moderation.coded_hate import match_coded
from threadguard.moderation.contact_details import match_contact_details
from threadguard.schema import Verdict

#: (comment, the start of a reason it must be held for)
HELD = [
    # 1. contact details: UK, Irish and Indian street words, Eircodes, Indian mobiles, a
    # workplace with a call to ring, an address beside a death threat
    (
        "The RCN rep organising the walkout is Dawn Pritchard, lives in Brixton, 17 Effra "
        "Parade, drives a red Corsa. Maybe the patients she abandoned should pay her a visit.",
        "contact details: home address",
    ),
    ("He lives at 4 Ormeau Park. Go and tell him what you think.", "contact details: home address"),
    (
        "She lives at 12 Beech Lawn, go and tell her what you think.",
        "contact details: home address",
    ),
    ("His address is 9 Clifton Heights.", "contact details: home address"),
    ("He lives at 22 Shivaji Nagar, pay him a visit.", "contact details: home address"),
    ("Her address is 14 Ashok Marg, Delhi.", "contact details: home address"),
    (
        "His home is the big white house on the Ballymurn road past the church, Eircode Y21 "
        "K7P3. Go ask him how much he's making.",
        "contact details: home address",
    ),
    (
        "He lives at Eircode Y21 K7P3, go and tell him what you think.",
        "contact details: home address",
    ),
    ("Her Eircode is D6W FX62, pay her a visit.", "contact details: home address"),
    (
        "Rohit Verma, works at Infosys Pune Hinjewadi Phase 2, his number is 98220 41735. Give "
        "him a call boys.",
        "contact details: phone number",
    ),
    ("Call him on +91 98220 41735 and tell him what you think.", "contact details: phone number"),
    ("Her number is 098220 41735.", "contact details: phone number"),
    ("Rohit's mobile: 98220 41735, let him know.", "contact details: phone number"),
    (
        "Rohit Verma works at Infosys in Pune. Give him a call boys.",
        "contact details: whereabouts (workplace)",
    ),
    (
        "Dr Anjali Mehta. She has a surgery in Leyton, 4 Grove Green Road. Nuremberg 2.0 is "
        "coming and people like her will hang.",
        "contact details: home address (beside a threat)",
    ),
    ("Her clinic is at 3 Park Road. Traitors like her will hang.", "contact details: home address"),
    # 2. veiled threats and arson
    (
        "Great article Aoife. Hope you're as brave when the lads come round to Ferns to discuss "
        "it with you in person. 😘",
        "veiled threat",
    ),
    ("We'll see how brave you are when the lads call round to yours.", "veiled threat"),
    ("Some of us will pop round to yours to sort you out.", "veiled threat"),
    ("We know which metro she takes home. She should be careful.", "veiled threat"),
    ("We know which bus he gets to work. He should watch his back.", "veiled threat"),
    ("I know what time you finish your shift. Sleep well.", "veiled threat"),
    ("Maybe if a few mosques went up in smoke they'd get the message 🔥🔥", "call for violence"),
    ("A few synagogues burning down would send the message.", "call for violence"),
    ("Hope some more temples get torched, that'll teach them a lesson.", "call for violence"),
    (
        "The libraries have been warned. Next step is burning the books in the parking lot, and "
        "if the librarians want to stand in front of the fire, that's their choice.",
        "veiled threat",
    ),
    (
        "We'll torch the lot, and if the staff want to stay inside the blaze, that's their problem.",
        "veiled threat",
    ),
    ("People like you will get what's coming... We see you Sarah", "veiled threat"),
    ("You'll get what's coming to you.", "veiled threat"),
    ("journalists like you won't be able to walk down the street", "veiled threat"),
    ("You won't dare show your face in this town again.", "veiled threat"),
    ("Ciara, you'll bump into some of us one of these nights", "veiled threat"),
    ("You might run into one of us after dark.", "veiled threat"),
    ("he won't be walking out of the pub on his own two legs", "veiled threat"),
    ("You won't be leaving the ground on your own two feet.", "veiled threat"),
    # 3. Indian slurs and codes
    ("These chamars have become too arrogant since reservation... Know your place.", "coded hate"),
    ("You chamars should know your place.", "coded hate"),
    ("Bhimte and katuas, both should be sent to camps.", "coded hate"),
    ("Another katua spreading lies.", "coded hate"),
    ("Bhimta logic as usual.", "coded hate"),
    ("Bhimte and katuas, both should be sent to camps.", "call for expulsion"),
    ("These migrants should all be put in camps.", "call for expulsion"),
    # 4. the "notice" dog whistle, nativist slogans
    (
        "Notice who publishes all these books? It's always the same tribe. Hmm who could it be",
        "coded hate",
    ),
    ("Funny how you're not allowed to notice who owns the media.", "coded hate"),
    ("Always the same tribe behind it, every single time.", "coded hate"),
    (
        "Half the staff can't speak English and half the patients are health tourists. Britain for "
        "the British.",
        "coded hate",
    ),
    ("Another hotel full of asylum seekers. Ireland for the Irish!", "coded hate"),
    ("Send the boats back. England for the English.", "coded hate"),
]

CIVIL = [
    "The fair is at 17 Effra Parade on Saturday, pop down and see the stalls.",
    "I grew up at 4 Ormeau Park and the bins are never collected.",
    "He lives in Finsbury Park and loves it.",
    "She lives in Shivaji Nagar, near the market.",
    "The new clinic at 22 Shivaji Nagar opens Monday; go and see them for a check-up.",
    "The shop's Eircode is Y21 K7P3 if you're using a sat nav.",
    "The office in Sector 62, Noida, is closing next month.",
    "Order 98220 41735 was delayed by the courier.",
    "Call the helpline on 1800 599 0019 for advice.",
    "His wife works at Boots, give her a call if you need a prescription.",
    "She has a surgery in Leyton, 4 Grove Green Road, and she is a wonderful GP.",
    "The mayor's office is at 1 Civic Way; people like her will hang on to power for years.",
    "The lads will come round to help you move house on Saturday.",
    "We'll pop round to yours for tea on Sunday.",
    "Some of the lads are coming round to watch the match with you, hope you're as excited as me.",
    "We know which train she takes, she should be careful not to miss it.",
    "We know which bus he gets; he should be careful crossing the road there.",
    "Three churches burned down in the wildfires last summer.",
    "If more churches burned down, insurers would raise premiums.",
    "The mosques opened their doors to the flood victims.",
    "If residents want to stand in the way of the new road, that's their choice.",
    "If you want to stand near the bonfire on bonfire night, that's your choice, but keep the kids back.",
    "He'll get what's coming at the next election.",
    "Villains in this show always get what's coming in the end.",
    "Celebrities like you won't be able to walk down the street without fans asking for selfies.",
    "You'll bump into some of us at the market one of these days!",
    "After that knee surgery he won't be walking out of hospital on his own two feet for weeks.",
    "After ten pints he won't be walking out of the pub on his own two legs.",
    "The Chamar community has a long history in Uttar Pradesh.",
    "The Chamar Regiment fought at Kohima.",
    "Calling Dalits chamars is a casteist slur and should be prosecuted.",
    "Notice who runs the school fair this year? Great job by the PTA.",
    "It's always the same tribe of rugby fans singing at the back.",
    "Ireland for the Irish rugby fans was a great weekend.",
    'The slogan "Britain for the British" was chanted by the far right, a racist slogan about migrants.',
    "Britain for the British Lions tour: the squad is announced today.",
    "My granny was sent to England on a boat with a note pinned to her coat. Ireland for the Irish my eye.",
    "Kids should be sent to summer camps to get off screens.",
    "Refugees were sent to camps in Jordan after the war.",
    "Katwa station is closed for repairs.",
]


(
    test_each_class_of_the_tryout_is_held_with_its_reason,
    test_civil_sentences_sharing_the_words_are_approved,
) = tryout_list_tests(HELD, CIVIL)


def test_presstitute_is_an_insult_not_identity_hate() -> None:
    """An insult at a profession is for the models to score; the lexicon names no group for
    it, so a calm score approves it."""
    text = "This presstitute Rana Sharma writes fake news daily."
    assert match_coded(text) == []
    assert DEFAULT.decide(CALM, text).action is Verdict.APPROVE


def test_a_whereabouts_reason_says_what_was_found_without_copying_it() -> None:
    """The reason names the kind of place (a workplace, a child's school) and shows the
    find's plain words, every name only as its shape: no copy of personal data in a
    decision (session 45: "wor…" told the desks nothing)."""
    text = "Her husband works at the Tesco in Harlow, people should know what she writes."
    (found,) = [m for m in match_contact_details(text) if m.kind == "whereabouts"]
    assert found.reason(text) == 'contact details: whereabouts (workplace) "works at the T••••"'
    text = "His kids go to St Anne's primary. Maybe the school should know what their dad posts."
    (found,) = [m for m in match_contact_details(text) if m.kind == "whereabouts"]
    assert found.reason(text).startswith("contact details: whereabouts (a child's school) ")


def test_an_indian_mobile_number_is_one_find_and_its_kind_is_documented() -> None:
    """ "+91-9822041735" was found before; the usual split form is found once, not twice."""
    for text in ("Call him on +91 98220 41735.", "Call him on +91-9822041735."):
        assert [m.kind for m in match_contact_details(text)] == ["phone number"]
