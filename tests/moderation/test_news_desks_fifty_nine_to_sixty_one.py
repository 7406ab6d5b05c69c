"""Three news desks of session 49, scored out of sample first (a Fijian rugby signing, a
synagogue's security grant, a Traveller site appeal, nurses from Kerala, a Pride flag on a
church; a Sikh mayor, a mosque car park, a Ukrainian choir, a trans swimmer, a burgled
Polish deli; a Chinese takeaway's licence, a Big Issue seller attacked, a Jewish school, a
wheelchair user on a bus, asylum seekers in a seaside hotel): a reader told the writer
knows where they live or can be found, or that their employer or pupils' parents will be
told about them, and visits or flames by night -- held as veiled threats -- and civil
sentences sharing their words approved."""

from __future__ import annotations

from list_support import tryout_list_tests

HELD = [
    (
        "Enjoy your new friends Sandra. I know which house on Marine Parade is yours, maybe "
        "they'd like your spare room too.",
        "veiled threat",
    ),
    ("We found out which flat is yours, mate. See you soon.", "veiled threat"),
    (
        "Priya Nair, I looked you up, your mum's ward is easy enough to find. Might pop in and "
        "say hi 😊",
        "veiled threat",
    ),
    (
        "We know you work at the council offices in Truro, maybe your boss would like to see "
        "what you post.",
        "veiled threat",
    ),
    (
        "Mary Price, you teach at Puriton Primary don't you? I think the parents deserve to "
        "know what you are.",
        "veiled threat",
    ),
    (
        "@Anna W you're always on here virtue signalling. Mrs Anna Wilkes of Chapel Close isn't "
        "it? Maybe you'd like a few more of them living with you.",
        "veiled threat",
    ),
    ("Keep it up and I'll pass your address on to the lads.", "veiled threat"),
    ("Be a real shame if that flag went up in smoke one night.", "veiled threat"),
    ("Time for the good people of Saltby to pay Bayview a visit one night.", "veiled threat"),
    # a blind review's wordings, after the entries above
    ("We both know which house on Elm Close belongs to you.", "veiled threat"),
    ("Took me five minutes to look you up. You're not hard to find, are you?", "veiled threat"),
    ("Wonder what your manager at the bank would make of these comments.", "veiled threat"),
    ("I'll be sending screenshots to your headteacher, let's see how long you last.", "veiled"),
    ("Your home address is going on the group chat tonight.", "veiled threat"),
    ("You're Miss Priya Patel, Orchard Way, am I right?", "veiled threat"),
    ("Lovely new mosque they've built. Be a real shame if it went up in smoke.", "veiled threat"),
    ("We'll be paying you a visit one of these nights.", "veiled threat"),
]
CIVIL = [
    "I looked you up after your last comment and you're right, you did chair that committee.",
    "Parents deserve to know what is in the new curriculum before it starts.",
    "If anyone wants to donate, message me and I'll pass the address on to the food bank.",
    "Mr John Smith of Church Lane, who founded the club, would have been proud.",
    "Your pupils would love to hear what you think about the new library, Miss Davies!",
    "Your boss would like to know what you think of the merger, so fill in the survey.",
    "The courier left it at number 9, I know which house is yours now so I'll bring it round.",
    "We should pay the observatory a visit one night when the sky is clear.",
    "Would be a shame if the flags went up in smoke in the storm, take them down.",
    "Looked you up after your talk at the library - great book, I'll pop in to the signing.",
    "Police paid the premises a visit one night after complaints about noise.",
    "I'll pay my brother a visit one night this week, he's just had an operation.",
    "Father Christmas will pay the children's ward a visit one night in December.",
    "The shop is easy to find, you're not hard to find either with that big sign on the map.",
    "Send your address to the organisers and they'll post the prize.",
    "Shame if the barn caught fire because of the old wiring, get it checked.",
    # a code review's, against the first versions
    "I know which house is yours, Sue - the one with the hanging baskets that won Best Kept.",
    "I worked out which car is yours from the video - it was the one that stopped to help.",
    "Don't worry Pat, you're easy enough to find - just look for the purple umbrella.",
    "Found your son's club in the league table, top of the division!",
    "Your headteacher would be very interested in this thread, it's a great example.",
    "Patients deserve to know what you really think of the A&E closure before the election.",
    "Wonder what your boss would make of this - an apprentice fixing the church clock!",
    "I'll pass your address on to the Age UK volunteers, they'll pop round with the forms.",
    "That's Mrs Joan Davies of Meadow Lane, isn't it? She taught me piano in the 80s.",
    "It would be a shame if that lovely old pub burnt down before the council found a buyer.",
    "It'd be a shame if the Union flags went up overnight, without anyone asking residents.",
    "Pay Whitby Abbey a visit one night, the views over the harbour are stunning.",
    "You'll get a little visit one night from the foxes if you leave food out like that.",
    "We'll be coming round after dark to judge the best-lit houses on the estate.",
]

test_the_desks_list_shapes_are_held, test_civil_sentences_sharing_their_words_are_approved = (
    tryout_list_tests(HELD, CIVIL)
)
