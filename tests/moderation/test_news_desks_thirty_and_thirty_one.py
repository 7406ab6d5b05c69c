"""Two news desks of session 45 (branch libraries closed, a Sikh memorial statue, a
footballer abused after a penalty, a Roma family rehoused, a hosepipe ban; a Syrian
surgeon's licence, a mosque's minaret, a knife-crime sentence, a ceasefire march, a
school's gender-neutral toilets): a British slur for gay men, people said to breed like
rabbits, a cabinet that "should all be strung up", a commenter told their name is going on
the list, the stabbing wished on the defendant, "more of them and less of us", "importing
the third world", the wink at "who I mean" beside bankers, "a woman's place", a trans
"groomer" smear under gender-neutral toilets, a workplace and a street given away beside a
call to find the person were all published; each is held now, and the civil sentences
that share their words are not held for them."""

from __future__ import annotations

import pytest
from list_support import assert_approved_in, assert_held_for

TOILETS = "Primary school introduces gender-neutral toilets after parent consultation"
BANKERS = "Same globalist bankers as always, if you know who I mean. Follow the money."


@pytest.mark.parametrize(
    ("text", "context", "reason"),
    [
        (
            "In my day boys were boys and girls were girls, and the poofs kept it to themselves.",
            "",
            'coded hate "poofs"',
        ),
        ("Bloody poofters everywhere now.", "", 'coded hate "poofter*"'),
        (
            "I mean the taxpayer shouldn't be funding a reading room for people who contribute "
            "nothing and breed like rabbits. Clear enough?",
            "",
            "dehumanising language",
        ),
        (
            "Your grandad was shipped in to work for peanuts and now we've got a whole town of "
            "you breeding like rabbits.",
            "",
            "dehumanising language",
        ),
        (
            "Forsyth is a useless prick and the rest of the cabinet aren't much better. Should "
            "all be strung up.",
            "",
            "call for violence",
        ),
        (
            "Typical teacher covering for the groomers. Your name's going on the list.",
            "",
            "veiled threat",
        ),
        (
            "Enjoy being a minority in your own country, love. They'll deal with your sort first.",
            "",
            "veiled threat",
        ),
        ("I hope someone in Feltham does him the same way. Eye for an eye.", "", "wish of harm"),
        ("Hope someone does the same to him inside.", "", "wish of harm"),
        (
            "Every year there's more of them and less of us, and statues are how you mark "
            "territory. Look it up.",
            "",
            'coded hate "more of them and less of us"',
        ),
        (
            "Maybe stop importing the third world and there'd be enough to go round.",
            "",
            'coded hate "importing the third world"',
        ),
        (
            "The shareholders are mostly foreign anyway. " + BANKERS,
            "",
            'coded hate "if you know who I mean"',
        ),
        (
            "Just saying what everyone's thinking. Look at the names on the board.",
            BANKERS,
            'coded hate "if you know who I mean" (as written: "Look at the names on the board")',
        ),
        (
            "A woman running a water company, what did you expect. Should be at home filling "
            "the kettle.",
            "",
            'coded hate "a woman\'s place"',
        ),
        ("A woman's place is in the home, always has been.", "", 'coded hate "a woman\'s place"'),
        (
            "Every single teacher who pushed this is a groomer. Wake up.",
            TOILETS,
            'coded hate "groomers"',
        ),
        (
            "Nobody cares about 1976, you smug old fossil.",
            "",
            'abusive word, insult: "smug old fossil"',
        ),
        (
            "It's Lee Parsons, works at the tyre place on Hall Street. His Facebook is still up "
            "if anyone wants to let him know what they think.",
            "",
            "contact details: whereabouts (workplace)",
        ),
        (
            "Everyone round Lozells knows who it is, it's Tyrese Grant from Wheeler St, his "
            "older brother's on remand as well. Not hard to find him.",
            "",
            "contact details: whereabouts (home)",
        ),
        # a blind review's paraphrases (session 45)
        ("Typical BBC, wall to wall poofs on every panel show now.", "", 'coded hate "poofs"'),
        ("Another poof in charge of the national team, no wonder.", "", 'coded hate "poofs"'),
        ("The council is full of pooftas and lefties.", "", 'coded hate "poofta*"'),
        ("Your name is going on the list with all the other collaborators.", "", "veiled threat"),
        (
            "Screenshot taken. You'll be right at the top of the list when the day comes.",
            "",
            "veiled threat",
        ),
        ("Noted your username. You're on the list now, traitor.", "", "veiled threat"),
        (
            "Ten years and this town will be more them than us. Replacement isn't a theory.",
            "",
            'coded hate "more of them and less of us"',
        ),
        ("You import third worlders, you get third world crime.", "", 'coded hate "third worl'),
        (
            "Check the surnames on the board of every media company and tell me it's a "
            "coincidence.",
            "",
            'coded hate "if you know who I mean"',
        ),
        (
            "Rothschild money behind all of this, if you get my drift.",
            "",
            'coded hate "if you know who I mean"',
        ),
        (
            "A woman's place is in the kitchen, not on the front bench.",
            "",
            'coded hate "a woman\'s place"',
        ),
        ("Sit down, grandad, you absolute relic.", "", "abusive word, insult"),
        (
            "Name's Kyle Pearson, Ashgrove Road, the one with the red door. You know what to do.",
            "",
            "contact details: whereabouts (home)",
        ),
        ("OK groomer.", TOILETS, 'coded hate "groomers"'),
    ],
)
def test_the_desks_abuse_is_held_and_named(text: str, context: str, reason: str) -> None:
    assert_held_for(text, reason, context)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("And poof, it's gone. Another council promise.", ""),
        ("The smoke poofs out of the chimney every morning.", ""),
        ("Cream poofs and choux buns at the bake sale were gone by ten.", ""),
        ("My nan's lot bred like rabbits, eleven kids in a two-up two-down.", ""),
        ("Our rabbits breed like rabbits, the hutch is full again.", ""),
        ("Your name's going on the list for the allotment, there's a two year wait.", ""),
        ("You're on the list for the next appointment, they'll ring you.", ""),
        ("They'll deal with your kind of claim first, it's simpler.", ""),
        ("I hope they do the same to him in the next round, he's a class player.", ""),
        ("More managers every year, more of them and fewer of us on the wards.", ""),
        ("We should stop importing third world coffee at rock-bottom prices.", ""),
        ("Look at the names on the board: not one woman among the directors.", ""),
        ("The usual suspects on planning, if you know who I mean: the developers.", ""),
        ("She should be at home making dinner for her kids, not stuck in A&E for hours.", ""),
        ("My dad should be at home doing the ironing, he's retired and bored stiff.", ""),
        (
            "My gran used to say a woman's place is in the home and then ran the family "
            "business for forty years. Sexist nonsense even then.",
            "",
        ),
        ("The dog groomer on our street went gender-neutral on her prices.", ""),
        ("Did you see the fossil they found at Lyme Regis, you lucky thing?", ""),
        ("My cousin works at the tyre place on Hall Street, ask for Dave, he'll sort you out.", ""),
        ("Lovely lad, John Smith from Station Road. Everyone knows him.", ""),
        (
            "Shout out to Mary Jones from Mill Road who cleared the snow. Not hard to find her, "
            "she's always out with the shovel.",
            "",
        ),
        # a blind review's (session 45)
        ("We bought two poofs (the footstool kind) from the market, lovely.", ""),
        ("Cheese poofs are the best snack ever invented, don't @ me.", ""),
        ("And then, poof! The money was gone.", ""),
        (
            "Rather than hoping someone does the same to him in prison, I hope he spends 25 "
            "years thinking about what he did.",
            "",
        ),
        (
            "'Importing the third world' is a slogan, not an argument. Migrants here pay more "
            "in tax than they take out.",
            "",
        ),
        (
            "The suffragettes were told a woman's place is in the home. Lovely to see this "
            "plaque for them.",
            "",
        ),
        ("You're on the list now, we'll see you at the litter pick on Saturday.", ""),
        ("There were more of them than us at the away end, fair play to their fans.", ""),
        ("Jane Smith, Church Road, has run the food bank for ten years. Legend.", ""),
    ],
)
def test_civil_sentences_sharing_the_words_are_not_held(text: str, context: str) -> None:
    assert_approved_in(text, context)
