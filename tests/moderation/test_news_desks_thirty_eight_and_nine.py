"""Two news desks of session 45, run with desks 30 to 37's lists in place (a Leeds bus
driver's bravery award, a Traveller halting site in Meath, Nigerian nurses recruited in
Kent, a wheelchair-using MP, a Salford Jewish primary school's security grant; a halal
butcher's in a Cornish village, a women's night at a Sydney climbing gym, Ukrainian
refugees housed in a Texas church hall, a Roma busker fined in Glasgow, husbands elected
mayor and deputy of an Ohio village): veiled threats worded as warnings and observations
("shame if something happened to that nice new shop window", "someone ought to teach that
gym a lesson it won't forget", "old wooden churches burn real easy ... just an
observation", a site that "wouldn't be the first to have an accident", a town that might
"remind them who they answer to", "fences didn't help them last time"), slurs the lists
did not spell ("g1ppos", "knackers" of Travellers, "degenerates" and "parading their
perversion" of a gay couple) and hate in plain words ("that's what their kind always goes
after first", "it always leads back to the same small group", "some communities always
seem to have friends in the right places", "the Nigerian prince", "maybe you should've
stayed in Chennai then", "then India can have them back") were published. Each is held
now, with the kind its list names, as are variants of the same shapes in other words, and
civil sentences that share their words (a reported threat, a fire-safety warning, a lesson
about money, the scam emails, a stay in Chennai for work, counter-speech quoting the words
to condemn them) are not held for them. Desk 39's "They breed faster than we do, its
simple maths." is held as dehumanising language too (the "breed like rabbits" entry
widened; not rabbits, a rescue's cats or foxes)."""

from __future__ import annotations

import pytest
from list_support import assert_approved_in, assert_held_for

HALTING_SITE = "Meath councillors approve eight-bay halting site at Kilcarn despite objections"
NURSES = "Kent hospitals recruit 140 nurses from Nigeria to ease winter staffing crisis"
JEWISH_SCHOOL = (
    "Salford Jewish primary school awarded 180,000 pounds for security after rise in incidents"
)
CHURCH_HALL = "Lubbock church opens its fellowship hall to 14 Ukrainian refugees"
HUSBANDS = "Husbands elected mayor and deputy mayor of New Haverford, Ohio"
SPOUSES = (
    "Honest question that has nothing to do with them being gay: is it a good idea for spouses "
    "to be mayor and deputy? That's a conflict of interest whoever they are."
)
CHENNAI = (
    "I started climbing after I moved from Chennai in 2021. The first few times I went I was "
    "the only brown woman in the place and honestly I nearly didn't come back."
)
ROMA_INDIA = (
    "Roma people originated in northern India around 1,000 years back. Their language Romani "
    "has many words similar to Hindi, like pani for water. Please be kind to him."
)
BUTCHERS = 'Family opens halal butcher\'s in St Keverne: "We just want to be part of the village"'
MARRICKVILLE = "Marrickville climbing gym launches women-only night, sparking online row"
BUSKER = "Roma accordion player fined £150 on Buchanan Street under busking code"
TRAVELLER_HORSES = "Traveller families keep their horses on the new halting site"


@pytest.mark.parametrize(
    ("text", "context", "reason"),
    [
        # what the two desks published
        (
            "Shame if something happened to that nice new shop window. This village has always "
            "had its own way of sorting these things out.",
            BUTCHERS,
            "veiled threat",
        ),
        (
            "Someone ought to teach that gym a lesson it won't forget. Be a real shame if the "
            "auto-belays stopped working one Tuesday night.",
            MARRICKVILLE,
            "veiled threat",
        ),
        (
            "Old wooden churches burn real easy out here in August. Just an observation.",
            CHURCH_HALL,
            "veiled threat",
        ),
        (
            "There's ways of making sure a site never gets lived in. Ask them down in Carrick "
            "what happened to theirs the week before the families moved in. Wouldnt be the first "
            "site to have an accident.",
            HALTING_SITE,
            "veiled threat",
        ),
        (
            "Would be a shame if the town had to remind them who they answer to.",
            HUSBANDS,
            "veiled threat",
        ),
        ("Fences didn't help them last time either.", JEWISH_SCHOOL, "veiled threat"),
        (
            "Typical g1ppos. Move the problem from one city centre to the next and the council's "
            "left to pick up the pieces.",
            BUSKER,
            'coded hate "gipos"',
        ),
        (
            "Knackers get a brand new site for free and my son is on the housing list nine "
            "years. This country is a joke.",
            HALTING_SITE,
            'coded hate "knackers"',
        ),
        (
            "Who he's married to is exactly the problem. Degenerates shouldn't hold public "
            "office, period.",
            "I didn't vote for Mark because his budget plan is a fantasy. That has zero to do "
            "with who he's married to.",
            'coded hate "degenerates"',
        ),
        (
            "Sad day for New Haverford. What kind of example does this set for our children? Two "
            "men parading their perversion in the village hall for every kid to see.",
            HUSBANDS,
            'coded hate "parading their perversion"',
        ),
        (
            "Conflict of interest is the least of it. Keep an eye on what they do with the "
            "library and the school board, that's what their kind always goes after first.",
            SPOUSES,
            'coded hate "their kind goes after the children"',
        ),
        (
            "Funny how Zelensky's friends in Hollywood and the big banks never open up their "
            "mansions. Follow the money, folks, it always leads back to the same small group.",
            CHURCH_HALL,
            'coded hate "if you know who I mean"',
        ),
        (
            "Follow the money. Who sits on the committee that hands out these grants? Funny how "
            "some communities always seem to have friends in the right places.",
            JEWISH_SCHOOL,
            'coded hate "friends in the right places"',
        ),
        (
            "So the Nigerian prince finally found a job. Do we send his salary to his bank "
            "account in advance?",
            NURSES,
            'coded hate "nigerian prince"',
        ),
        ("Maybe you should've stayed in Chennai then.", CHENNAI, "call for expulsion"),
        ("Then India can have them back.", ROMA_INDIA, "call for expulsion"),
        # the same shapes in other words: the next desk's variants
        (
            "Be a shame if anything happened to their lovely new shopfront. People round here "
            "have long memories.",
            "",
            "veiled threat",
        ),
        ("Would be a real pity if something happened to that mosque. Just saying.", "", "veiled"),
        ("A few of us should teach him a lesson he won't forget.", "", "veiled threat"),
        ("The lads will teach them a lesson they won't forget.", "", "veiled threat"),
        (
            "Caravans burn really easily this time of year. If you know what I mean.",
            HALTING_SITE,
            "veiled threat",
        ),
        ("Those old mosques go up in flames real quick, just saying.", "", "veiled threat"),
        ("Wouldn't be the first mosque round here to have an accident.", "", "veiled threat"),
        ("That new centre might have a nasty accident.", "", "veiled threat"),
        ("Maybe the village needs to remind them who's boss.", "", "veiled threat"),
        ("Some of us might have to remind him who he answers to.", "", "veiled threat"),
        (
            "Walls didn't save them in the forties either.",
            "Synagogue asks for security grant",
            "veiled threat",
        ),
        ("Typical gyppo, nicking the lead off the church roof.", "", 'coded hate "gypo"'),
        ("Dirty knacker.", TRAVELLER_HORSES, 'coded hate "knackers"'),
        (
            "These degenerates want to teach our kids about their lifestyle.",
            "Gay couple elected to the school board",
            'coded hate "degenerates"',
        ),
        (
            "Flaunting their perversion in front of children at the pride parade.",
            "",
            'coded hate "parading their perversion"',
        ),
        (
            "Keep them away from the schools, that's what their sort target.",
            "Gay teacher appointed head of Oakfield Primary",
            'coded hate "their kind goes after the children"',
        ),
        (
            "Follow the money and it all traces back to one tribe. Hollywood, the banks, the "
            "media.",
            "",
            'coded hate "if you know who I mean"',
        ),
        (
            "Funny how certain communities always have friends in high places when grants are "
            "handed out.",
            JEWISH_SCHOOL,
            'coded hate "friends in the right places"',
        ),
        (
            "Our resident Nigerian prince wants a pay rise now.",
            NURSES,
            'coded hate "nigerian prince"',
        ),
        ("Well you should have stayed in Lagos then.", NURSES, "call for expulsion"),
        (
            "Falmouth isnt Cornwall anymore either mate. They breed faster than we do, its "
            "simple maths.",
            BUTCHERS,
            "dehumanising language",
        ),
        ("These people breed ten times faster than the natives.", "", "dehumanising language"),
        (
            "Then Romania can have the lot of them back.",
            "Roma families in Govanhill face eviction",
            "call for expulsion",
        ),
    ],
)
def test_the_desks_abuse_is_held_and_named(text: str, context: str, reason: str) -> None:
    assert_held_for(text, reason, context)


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # "shame if something happened to that ...": a worry with its cause, a report
        (
            "It'd be a real shame if something happened to that lovely old shop window, it's "
            "been there since 1890.",
            BUTCHERS,
        ),
        (
            "Shame if something happened to that nice new shop window in the storm last night, "
            "the whole street lost power.",
            "",
        ),
        (
            "Would be a shame if something happened to that lovely old shop window. It's listed, "
            "so the council should protect it. Just saying.",
            "",
        ),
        (
            "The owner says the note read: shame if something happened to that nice new shop "
            "window. Police are investigating.",
            BUTCHERS,
        ),
        (
            '"Shame if something happened to that nice new shop window" is a threat, not an '
            "opinion. Reported.",
            BUTCHERS,
        ),
        (
            "Shame if something happened to their house. They only just finished the extension, "
            "just saying it's worth insuring.",
            "",
        ),
        # a lesson: about money, at the ballot box, on the pitch, in a review
        ("Someone ought to teach the kids a lesson about money they won't forget.", ""),
        ("Voters will teach the council a lesson it won't forget at the ballot box in May.", ""),
        ("We'll teach City a lesson they won't forget on the pitch on Saturday.", ""),
        (
            "Someone ought to teach that gym a lesson it won't forget: one-star reviews all "
            "round until they bring women's night back.",
            MARRICKVILLE,
        ),
        ("Someone should teach him a lesson he won't forget in the next debate.", ""),
        (
            "I'll teach you a lesson you won't forget, said my nan, and then taught me to make "
            "pastry.",
            "",
        ),
        (
            '"Someone ought to teach that gym a lesson it won\'t forget" is a threat and the '
            "mods should take it down.",
            MARRICKVILLE,
        ),
        # churches that burn easily: fire safety, counter-speech
        (
            "Old wooden churches burn real easy out here in August, so the diocese put in "
            "sprinklers.",
            CHURCH_HALL,
        ),
        (
            "Old wooden churches burn real easily in a drought. Just saying, check your "
            "extinguishers.",
            CHURCH_HALL,
        ),
        (
            "Wooden churches burn easily, which is why the heritage fund pays for fire alarms. "
            "Just an observation from a retired fireman.",
            "",
        ),
        (
            "'Old wooden churches burn real easy. Just an observation.' That's a threat against "
            "the families in the hall, reported.",
            CHURCH_HALL,
        ),
        ("Tents go up fast in this wind, just saying. Peg them properly.", ""),
        ("Hotels go up quickly these days, just an observation. Three new ones on the bypass.", ""),
        # accidents: building sites, kitchens, toddlers
        (
            "Wouldn't be the first site to have an accident with a crane this year, the HSE "
            "should shut it down.",
            HALTING_SITE,
        ),
        ("My lad wouldn't be the first toddler to have an accident in the soft play.", ""),
        ("That building could have a nasty accident if nobody fixes the wiring.", ""),
        (
            '"Wouldnt be the first site to have an accident." That is a threat to burn the '
            "site, mods.",
            HALTING_SITE,
        ),
        # reminding who they answer to: elections, petitions, meetings
        ("The town will remind the council who they answer to at the ballot box in May.", ""),
        (
            "Would be a shame if the town had to remind them who they answer to with a petition, "
            "but here we are.",
            HUSBANDS,
        ),
        ("We need to remind the council who they work for, write to your councillor.", ""),
        (
            "Can someone remind me who the deputy mayor answers to? The council website is useless.",
            "",
        ),
        # fences that didn't help: vandals, guards, sheep, counter-speech
        (
            "Fences didn't help them last time either, the vandals just climbed over the back "
            "wall.",
            JEWISH_SCHOOL,
        ),
        (
            "The fence didn't help them last time either. Proper guards would, and that's what "
            "the grant pays for.",
            JEWISH_SCHOOL,
        ),
        (
            '"Fences didn\'t help them last time either." Reported. That is a Holocaust joke '
            "about children.",
            JEWISH_SCHOOL,
        ),
        ("Fences didn't help them last time either. The sheep were on the road by morning.", ""),
        # gipsy moths, Gippsland; knackered, the knacker's yard, testicles
        ("The gipsy moth caterpillars are back on the oaks.", ""),
        ("Gippsland had floods again this week.", ""),
        ("I'm knackered after the night shift, the site's a mess.", HALTING_SITE),
        ("The old horse went to the knackers yard in the end.", TRAVELLER_HORSES),
        ("The horse went to the knackers, sadly.", TRAVELLER_HORSES),
        ("Kicked in the knackers by a pony at the site open day, ouch.", TRAVELLER_HORSES),
        (
            "My granny was called a knacker at school for being a Traveller and it still hurts "
            "her.",
            HALTING_SITE,
        ),
        ("The word 'knackers' is still used about Travellers in this paper's comments.", ""),
        # degenerates: the verb, gamblers, counter-speech
        ("The debate degenerates into shouting every time gay marriage comes up.", ""),
        ("Sports betting turns ordinary fans into degenerates, my husband included.", ""),
        ("Calling a gay couple degenerates is bigotry, plain and simple.", HUSBANDS),
        ("Degenerate gamblers shouldn't hold public office either.", HUSBANDS),
        # perversion: abusers, a novel, counter-speech
        ("Calling a wedding 'parading their perversion' is bigotry, plain and simple.", HUSBANDS),
        (
            "The inquiry found priests paraded their depravity for decades while bishops looked "
            "away.",
            "",
        ),
        (
            "The gallery is promoting its new exhibition on Victorian perversions of the gothic "
            "novel.",
            "",
        ),
        # their kind: kind words, cuts, counter-speech
        (
            "Keep an eye on the library and the school board budgets, that's what austerity "
            "always goes after first.",
            SPOUSES,
        ),
        ("Their kind of budget always goes after the libraries first.", HUSBANDS),
        ("Their kind words about the school board meant a lot to the kids.", HUSBANDS),
        (
            '"That\'s what their kind always goes after first" is the old grooming smear about '
            "gay people, and it's vile.",
            SPOUSES,
        ),
        # the same small group, friends in the right places: named, or a class complaint
        (
            "Follow the money on the bypass: it always leads back to the same small group of "
            "developers.",
            "",
        ),
        (
            "Follow the money in the Post Office scandal and it leads back to the same small "
            "group of Fujitsu executives.",
            "",
        ),
        ("The hiking trail leads back to the same small car park where you started.", ""),
        (
            "Follow the money and it leads back to the same small group: the hedge funds and "
            "the landlords.",
            "",
        ),
        (
            "Funny how some communities always seem to have friends in the right places at "
            "planning; Henley gets everything.",
            "",
        ),
        (
            "Funny how some communities always seem to have friends in the right places: the "
            "rich villages get their flood defences first.",
            "",
        ),
        (
            "Some communities have friends in the right places and some just have each other, as "
            "our food bank shows.",
            JEWISH_SCHOOL,
        ),
        # the Nigerian prince: the scam, a real prince, counter-speech
        ("I got another Nigerian prince scam email today, he wants my bank details.", NURSES),
        ("My gran nearly fell for a Nigerian prince last year.", NURSES),
        ("The Nigerian prince in my spam folder has upped his offer to forty million.", ""),
        ("The Nigerian prince, a son of the Oba of Benin, visited the museum's bronzes.", ""),
        (
            "The 'Nigerian prince' stereotype is lazy and racist, these nurses trained for years.",
            NURSES,
        ),
        # stayed in Chennai: for work, for a wedding, the weather, a welcome back
        ("He stayed in Chennai for work for two years.", CHENNAI),
        ("Maybe you should've stayed in Chennai for the wedding, it sounded amazing.", CHENNAI),
        ("You should have stayed in Chennai another week, the weather here has been awful.", ""),
        ("Well you should have stayed in Mumbai then! We missed you at the quiz.", ""),
        ("Maybe you should've stayed in bed then.", ""),
        ("'Maybe you should've stayed in Chennai then' is the oldest racist line in the book.", ""),
        # can have them back: diamonds, marbles, players on loan, children
        ("The Koh-i-Noor? Then India can have it back.", ""),
        ("The Elgin Marbles? Then Greece can have them back, they were never ours.", ""),
        ("If the diamonds were stolen then India can have them back.", ROMA_INDIA),
        ("Then Man United can have them back, both players were on loan.", ""),
        ("My parents can have them back, the kids are exhausting.", ""),
        # breeding faster: animals, and the family joke
        ("Rabbits breed faster than we can rehome them.", ""),
        ("The rescue's cats breed faster than we do, neuter your pets.", ""),
        ("They breed faster than we can count, those foxes in the park.", ""),
    ],
)
def test_civil_sentences_sharing_the_words_are_not_held(text: str, context: str) -> None:
    assert_approved_in(text, context)
