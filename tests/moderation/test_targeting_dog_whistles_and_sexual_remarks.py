"""A second news-desk tryout: comments published by the default policy that a news desk
holds. Targeting a person by where they live, work, drink or drive or where their children
go to school, beside a call to act or an insinuation; dog whistles and praise of violence;
"go back where you came from" said to a person; a misogynist slur and sexual remarks; sales
words beside a commercial link. Each is held; the civil look-alikes written to break each
entry (sport, history, news reports condemning the phrase, pest control, cooking, ordinary
addresses of businesses and events) are approved."""

from __future__ import annotations

import time

import pytest
from list_support import CALM, DEFAULT

from threadguard.moderation.coded_hate import match_context
from threadguard.moderation.contact_details import match_contact_details
from threadguard.moderation.threats import match_threats
from threadguard.schema import Verdict

HELD = [
    # 1. targeting a person by where they live, work, drink, drive or send children
    (
        "The reporter who wrote this, Jenny Holt, lives on Beech Grove off the high street. "
        "Maybe we should go and ask her what she thinks in person.",
        "",
    ),
    (
        "One of the defendants' sons goes to St Mary's Primary on Hill Lane. Pick-up is at 3.15. Just saying.",
        "",
    ),
    (
        "Chris Dawson, the organiser, works at the Tesco on Station Road. Go and tell him what "
        "you think of his parade.",
        "",
    ),
    (
        "Asante drives a black BMW, AS21 XYZ, and stays at the Premier Inn by junction 15 "
        "during away games.",
        "",
    ),
    (
        "The blue Ford Transit reg AB12 CDE parked outside every day belongs to one of the "
        "charity workers. Everyone know who's helping them.",
        "",
    ),
    (
        "The officer is Kyle Brandt, badge 4471, lives on Sycamore Ct in Westfield. Somebody "
        "should pay him a visit.",
        "",
    ),
    (
        "His wife works at the Boots on Harlow high street and their kid's at Burnt Mill "
        "Academy. Enjoy your shopping, Mrs Pilling.",
        "",
    ),
    ("Sam Lewis is a hack, I know where he drinks on a Friday. He'd better watch himself.", ""),
    (
        "The synagogue on Park Road has no gates and the caretaker leaves at 9. Easy target, "
        "just saying.",
        "",
    ),
    (
        "Funny, I remember your daughter's netball club is on Thursdays at Ashworth Leisure Centre.",
        "",
    ),
    (
        "Linda, I've found your husband's work email. Let's see what his boss thinks of your comments.",
        "",
    ),
    ("He lives on Sycamore Court in Westfield.", ""),
    ("It would be a shame if something happened to the floats next year.", ""),
    # a fifteenth news desk's, under a mosque's planning approval
    (
        "It would be a shame if something happened to that building before it opens. Just saying.",
        "",
    ),
    # 2. dog whistles and praise of violence
    ("Hitler was right", ""),
    ("Hitler had a point", ""),
    ("h.i.t.l.e.r was right", ""),
    ("Hitler did nothing wrong", ""),
    ("ZOG runs the police anyway.", ""),
    ("Just asking about the JQ, nobody ever answers.", ""),
    (
        "Those people would be better off at the bottom of the Channel.",
        "Protest outside hotel housing asylum seekers",
    ),
    ("Crime stats: 13 percent of the population, 52 percent of the murders. Do the math.", ""),
    ("Thirteen percent of the population, fifty percent of the murders. Do the math.", ""),
    (
        "He was just out jogging, if you know what I mean.",
        "Man shot dead by police after stop in Ashworth",
    ),
    ("Enjoy the cultural enrichment, Ashworth.", ""),
    ("Enjoy your vibrant community.", ""),
    ("Good. One less.", "Man dies after shooting outside Ashworth mosque"),
    ("The attacker did what a lot of us are thinking.", ""),
    ("Lovely photos of the vigil. Shame nobody firebombed it.", ""),
    ("Nothing a few bullets wouldn't fix at that hotel.", ""),
    ("Funny how he's so close to those Rothschild-backed banking donors. Follow the money.", ""),
    # 3. go back where you came from, said to a person
    (
        "Go back where you came from.",
        "My parents came here from Lagos in 1994 and I was born in Ashworth.",
    ),
    ("@Imran go back to Pakistan if you don't like it.", ""),
    ("She works at the Boots on Harlow high street. Everyone knows it.", ""),
    # "everyone knows" asked back, but at the end or beside contempt (a review, session 43)
    ("That snitch works at the Tesco in Harlow. Everyone knows it?", ""),
    ("Everyone knows then? That nonce works at the Co-op on Mill Lane, near the kids' park.", ""),
    (
        "Everyone knows it? He teaches at Oakwood High. Let the parents decide what to do with him.",
        "",
    ),
    # 4. a misogynist slur at a woman; sexual remarks
    ("The reporter is a slag who should stick to writing about cake sales.", ""),
    ("Jenny Holt is a slag.", ""),
    ("Would love to bend that Pride organiser over, if you know what I mean.", ""),
    (
        "Great reporting as always. I'd love to get the MP's daughter alone in a room, she's a "
        "hot little thing.",
        "",
    ),
    # 5. spam
    (
        "Fed up with Britain? Move abroad! Best deals at www.cheap-flights-abroad.biz/deal?id=777 "
        "click now!!!",
        "",
    ),
]

CIVIL = [
    ("The new bakery on Beech Grove does lovely sourdough, worth a visit.", ""),
    ("My nan lives on Sycamore Court and the bins weren't collected again.", ""),
    ("The school fete is at St Mary's Primary on Hill Lane on Saturday, pick-up from 3.", ""),
    ("Pick-up is at 3.15 at the school gates, parents are asked not to park on Hill Lane.", ""),
    ("The Tesco on Station Road is closing early on Sunday for the parade.", ""),
    ("The match report says he drives the team bus and stays at the ground late.", ""),
    ("My car's reg is AB12 CDE and the DVLA still sent the letter to the wrong address.", ""),
    ("Police want to trace a silver Vauxhall Corsa, registration AB12 CDE, after the crash.", ""),
    ("The goalkeeper was an easy target for the fans' chants, but he kept a clean sheet.", ""),
    ("Wasps are an easy target for the spray once the nest is found.", ""),
    ("I know where he drinks his coffee: the cafe on the corner, best flat white in town.", ""),
    ("My daughter's netball club is on Thursdays at Ashworth Leisure Centre, come and join.", ""),
    ("It would be a shame if the rain spoiled the floats next year.", ""),
    (
        "It would be a shame if something happened to the old pier before it opens, it's a "
        "landmark.",
        "",
    ),
    (
        "Historians still debate whether Hitler was right to fear a two-front war, and he lost it.",
        "",
    ),
    ("Anyone who says Hitler was right is a disgrace, and the court agreed.", ""),
    (
        "King Zog ruled Albania until 1939; the ZOG the protesters chanted about is an antisemitic myth.",
        "",
    ),
    ("The Jewish question was the Nazis' name for their persecution, as the museum explains.", ""),
    ("The wreck lies at the bottom of the Channel, divers found it in 1994.", ""),
    ("13 percent of the population voted, 52 percent of the turnout was postal.", ""),
    ("He was just out jogging when the storm hit, the club said.", ""),
    ("Enjoy your holiday, Ashworth looks lovely this time of year.", ""),
    ("Good. One less pothole on my road.", "Council fills 200 potholes in Ashworth"),
    ("The attacker was jailed for life, the judge said.", ""),
    ("Nothing a few pints wouldn't fix at that hotel bar.", ""),
    ("The Rothschild archive in London holds letters from the 1810s.", ""),
    (
        "The minister told migrants to go back where they came from, a remark the bishop called racist.",
        "",
    ),
    ("After the holiday we had to go back to Pakistan to see my grandparents.", ""),
    ("Slag heaps from the old mines still scar the valley above the village.", ""),
    ("Steel slag is reused as aggregate in road building.", ""),
    ("Don't slag off the ref, he had a good game.", ""),
    ("Bend the pastry over the filling and crimp the edges.", ""),
    ("The best deals on energy are at www.which.co.uk/energy, worth a look.", ""),
    ("Flights are cheap this year; the report is at www.bbc.co.uk/news/travel.", ""),
    ("The Premier Inn by junction 15 is where the away fans stay before the match.", ""),
    # "everyone knows" asked back (a news desk, session 43)
    (
        "Everyone knows it? The dad has been working in Lincolnshire for ten years.",
        "They never work, that family, and everyone knows it.",
    ),
]


@pytest.mark.parametrize(("text", "context"), HELD)
def test_the_tryout_comments_are_held(text: str, context: str) -> None:
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is not Verdict.APPROVE, outcome.decision.reasons


@pytest.mark.parametrize(("text", "context"), CIVIL)
def test_civil_look_alikes_are_approved(text: str, context: str) -> None:
    outcome = DEFAULT.decide(CALM, text, context=context)
    assert outcome.action is Verdict.APPROVE, outcome.decision.reasons


@pytest.mark.parametrize(
    "text",
    [
        "lives on Beech Grove " * 5000,
        "AB12 CDE " * 11000,
        "Hitler was " * 10000,
        "13 percent of the " * 6000,
        "goes to St Mary's Primary " * 4000,
        "enjoy the " * 10000,
        "I know where he " * 6000,
    ],
)
def test_long_adversarial_text_is_read_in_linear_time(text: str) -> None:
    text = text[:100_000]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        match_threats(text)
        match_context(text)
        match_contact_details(text)
        best = min(best, time.perf_counter() - start)
    assert best < 0.5
