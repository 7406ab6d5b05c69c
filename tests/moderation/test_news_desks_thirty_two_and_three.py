"""Two news desks of session 45, run with desks 30 and 31's lists in place (a Jewish school's
security grant, a Black woman made chief constable, a Traveller site, a Ukrainian family's
bakery, an MP's expenses; a Gulf club owner, a gay couple's church wedding, asylum seekers
on a barge, a Muslim mayor, a teenage referee abused by parents): "just noticing", "diversity
hire", "replace us", "Adam and Steve", "fighting age men", "some jobs aren't for women", a
journalist told to be careful beside a menace, a storm wished on a barge, and three people's
addresses and workplaces given out beside "go and have a word" or "see how he likes people
on his doorstep" were published (and desk 35's "someone post it and we'll pay him a visit",
desks 36 and 37's "'it'" for a trans candidate, "typical cripple", "shame he's still
breathing", a fire wished on a planned asylum centre, a threat to a head teacher's car, and
homes and a workplace given out beside a call to go round);
each is held now, and civil sentences that share their
words are not held for them. A rebuttal calling a parent's "replace us" "the funniest great
replacement take" is still held for the theory's name: read as a rebuttal, "the funniest
take" released a review's hateful "The funniest great replacement take is pretending it
isn't happening ..." too."""

from __future__ import annotations

import pytest
from list_support import assert_approved_in, assert_held_for

BARGE = "Asylum seekers moved onto barge in Portland harbour"
REPLACE = "They never go back. That's the plan isn't it? Replace us one bakery at a time."


@pytest.mark.parametrize(
    ("text", "context", "reason"),
    [
        (
            "Didn't say anything about anyone's kids. Just noticing patterns. Not allowed to "
            "notice things now?",
            "",
            'coded hate "just noticing"',
        ),
        (
            "Funny how it's never a Kevin or a Gary doing the stabbing. Just noticeing.",
            "",
            'coded hate "just noticing"',
        ),
        ("Diversity hire. Standards out the window. Enjoy your woke police force.", "", "coded"),
        (REPLACE, "", 'coded hate "replace us"'),
        (
            "Bet the reception was fabulous darling. Adam and Steve not Adam and Eve",
            "",
            'coded hate "adam and steve not adam and eve"',
        ),
        (
            "Invasion. Plain and simple. 420 fighting age men dumped on a town of 8,000.",
            "",
            'coded hate "fighting age men"',
        ),
        (
            "A girl refereeing lads football was always going to end in tears. Some jobs just "
            "aren't for women.",
            "",
            'coded hate "not for women"',
        ),
        (
            "Journalist who wrote this wants to be careful walking past the ground on Saturday. "
            "Just saying, emotions are running high.",
            "",
            "veiled threat",
        ),
        (
            "The minister wants to be careful. Plenty of people round here think she's a "
            "disgrace, and the dark evenings are drawing in.",
            "",
            "veiled threat",
        ),
        (
            "Hope a good storm comes in and sorts it out for us. One big wave and problem solved.",
            BARGE,
            "wish of harm",
        ),
        (
            "Name and address of the bloke they arrested is on Facebook already, 14 Marlow Close "
            "in Eastgate. Go and have a word if the police won't.",
            "",
            "contact details: home address",
        ),
        (
            "The barge security manager is Paul Hendry, he's on Facebook, lives in Weymouth near "
            "the Asda. Let's see how he likes people on his doorstep.",
            "",
            "contact details: whereabouts (home)",
        ),
        (
            "The one who followed her to the car is Dean Marsh, plasterer, works out of the unit "
            "on Mill Lane, white Transit. Go and have a word.",
            "",
            "contact details: whereabouts (workplace)",
        ),
        # a blind review's paraphrases, and desk 34's (session 45)
        (
            "Funny how every grooming gang trial has the same sort of names. I'm just noticing, "
            "but apparently that's not allowed any more.",
            "",
            'coded hate "just noticing"',
        ),
        ("Nah, we're not permitted to notice things like that.", "", 'coded hate "just notic'),
        ("She's a DEI hire, everyone knows it.", "", 'coded hate "diversity hire"'),
        (
            "They're shipping them in by the boatload to replace us. Wake up people.",
            "",
            'coded hate "replace us"',
        ),
        (
            "Hope the tide takes the lot of them. Save us a fortune.",
            "Migrant boat intercepted",
            "wish",
        ),
        (
            "A few big waves would sort this dinghy nonsense out once and for all.",
            "",
            "wish of harm",
        ),
        (
            "Let's hope the barge springs a leak in the next storm with all of them on board.",
            "Asylum barge returns to Portland",
            "wish of harm",
        ),
        (
            "Rough seas forecast for tonight's crossings, fingers crossed.",
            "Migrant boats set off from French beaches",
            "wish of harm",
        ),
        (
            "Lives near the big Morrisons in Bridlington, drives a white van. How would he like a "
            "crowd outside his house?",
            "",
            "contact details: whereabouts (home)",
        ),
        (
            "Anyone know if she lives round here? Someone said she's off Cranmore Road near the big "
            "Tesco. Might drop round and 'congratulate' her.",
            "",
            "contact details: whereabouts (home)",
        ),
        (
            "Leanne Wu works at the primary on Mill Lane btw. Parents might want to know what she's "
            "teaching their kids.",
            "",
            "contact details: whereabouts (workplace)",
        ),
        (
            "The BMW guy needs finding. Plate's visible on the dashcam at 0:42, someone post it "
            "and we'll pay him a visit.",
            "",
            "veiled threat",
        ),
        # news desks 36 and 37 (session 45)
        (
            'What\'s "it" going to do about the potholes?',
            "Transgender woman selected to stand for Northam council seat",
            "coded hate \"'it' for a trans person\"",
        ),
        ("Typical cripple playing the victim card for a payday.", "", 'coded hate "cripples"'),
        ("Shame he's still breathing then.", "", "wish of harm"),
        (
            "Shame if that old place caught fire before they move in.",
            "Council plans asylum reception centre in former seafront hotel",
            "wish of harm",
        ),
        (
            "Heard the head drives a red Mini and parks it on Orchard Lane. Be a shame if "
            "something happened to it.",
            "",
            "veiled threat",
        ),
        (
            "He lives above the shop, 14 Market St, flat 2. Maybe some of us should go round and "
            "show him what we think of his medal.",
            "",
            "contact details: home address",
        ),
        (
            "The lad in the video is Dean Harrop, works at the Kwik Fit on Station Road. Go and "
            "say hello to him.",
            "",
            "contact details: whereabouts (workplace)",
        ),
        (
            "Her family live on Holbrook Road, house with the green door by the school. Might pop "
            "round and ask them what they think about all this.",
            "",
            "contact details: home address",
        ),
    ],
)
def test_the_desks_abuse_is_held_and_named(text: str, context: str, reason: str) -> None:
    assert_held_for(text, reason, context)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("Just noticing the bins haven't been collected for three weeks on our road.", ""),
        ("I'm just noticing patterns in my sales data, nothing more.", ""),
        ("She is no diversity hire, 28 years in the job and every rank on merit.", ""),
        ("AI will replace us all in ten years, bakery or not.", ""),
        ("They'll replace us with agency workers and call it efficiency.", ""),
        ("Men of fighting age cannot leave Ukraine, so the refugees here are women and kids.", ""),
        ("My gran was told engineering wasn't for women. She built bridges for forty years.", ""),
        ("Drivers want to be careful on that bend, it's lethal after rain.", ""),
        (
            "You need to be careful walking home after the match, just saying, the lights are "
            "out by the ground.",
            "",
        ),
        ("Hope a good storm comes in and sorts out the drought, my garden is dying.", ""),
        (
            "My mate Dave works out of the unit on Mill Lane, does great MOTs. Go and have a word.",
            "",
        ),
        (
            "Lisa runs a salon on High Street, lovely work and reasonable prices. Go and see her.",
            "",
        ),
        (
            "The community centre is at 14 Marlow Close. Go and have a word with the manager if "
            "you need a room.",
            "",
        ),
        ("He lives in Weymouth near the Asda, lovely bloke, used to coach my lad.", ""),
        # a blind review's (session 45)
        ("Birdwatchers are brilliant at noticing patterns, my dad knows every warbler.", ""),
        ("Love the 'just noticing patterns' crowd, who never notice being wrong.", ""),
        ("The firm said it made 40 diversity hires through its graduate scheme last year.", ""),
        (
            "The senator was widely criticised for calling the vice-president a 'DEI hire' "
            "during the televised debate.",
            "",
        ),
        (
            "Home Office figures show most arrivals are adult men, but the 'fighting age men' "
            "framing ignores that families send one person ahead.",
            "",
        ),
        (
            "The idea that 'football isn't for women' is why the women's game was banned from FA "
            "grounds until 1971.",
            "",
        ),
        (
            "The minister would want to be careful with those figures; the IFS says they don't "
            "add up. Just saying.",
            "",
        ),
        ("I hope the waves don't capsize another dinghy tonight, it's horrific.", ""),
        ("Mrs Khan works at the primary on Mill Lane, she's lovely, my two adore her.", ""),
        ("Gran's poorly, we'll pay her a visit.", ""),
        ("We'll pay him a visit at the shop and find him a new bike, lovely lad.", ""),
        ("As a cripple myself I find the lifts a joke.", ""),
        ("That old injury will cripple him for the season.", ""),
        ("Shame he's still breathing through a tube after that crash.", ""),
        ("It'd be a shame if the old pier burnt down, it's all we've got.", ""),
        ("My dad drives a Fiesta. Be a shame if something happened to it, it's older than me.", ""),
        ("I live on Holbrook Road and the bins are never collected.", ""),
        ("You live on Holbrook Road? Small world, I'm at number 5.", ""),
    ],
)
def test_civil_sentences_sharing_the_words_are_not_held(text: str, context: str) -> None:
    assert_approved_in(text, context)
