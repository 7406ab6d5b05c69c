"""A reply that dismisses a reader by the group the reader named as their own is held,
naming that group as an inferred target; the same words under a parent that names no
group of its writer's, said warmly, quoted, or by a writer of the same group are not.

The first held pair is a news desk's (session 46); the rest were written for this rule."""

from __future__ import annotations

import pytest
from list_support import CALM, DEFAULT, assert_approved_in, assert_held_for
from timing_support import fastest, linear_budget

from threadguard.moderation.named_reader import match_named_reader
from threadguard.normalize import normalize_text
from threadguard.scoring.self_descriptions import own_groups

HELD = [
    (
        "I'm Somali and from Easton, and proud of this community.",
        "Proud of what, milking the system? Your lot have been on benefits since the day "
        "you landed.",
        {"black_people", "nationality_migration"},
    ),
    (
        "As a Polish builder I can tell you we pay our taxes like everyone else.",
        "Course you do. Your lot undercut every local firm and then send it all home.",
        {"nationality_migration"},
    ),
    (
        "I'm a Muslim and I volunteer at that food bank every Saturday.",
        "Your lot should sort out your own backyard before lecturing us about charity.",
        {"muslims"},
    ),
    (
        "I'm Jewish and my grandparents came here in 1938.",
        "And your people have been running the banks ever since.",
        {"jews"},
    ),
    (
        "I'm Nigerian and I've been a nurse here for twenty years.",
        "Explains a lot about the state of the NHS then.",
        {"black_people", "nationality_migration"},
    ),
    (
        "My family came from Pakistan in 1971 and we've run the shop since.",
        "People like you never integrate, you just take over whole streets.",
        {"race_ethnicity", "nationality_migration"},
    ),
    ("I'm a gay teacher at that school.", "Figures. Keep your agenda away from my kids.", None),
    # four news desks' (session 47), each under a parent that names its writer's group
    # in another way: "X here", what they wear, their place of worship
    (
        "Ruth here, British Chinese, accountant, and I've done the books for two of them.",
        "Course you'd say that, you're one of them. Nobody asked your lot for a reference.",
        {"asians"},
    ),
    (
        "Gay woman here, and honestly reading this made my week.",
        "Of course you'd say that. You lot stick together like a cult.",
        {"sexual_orientation"},
    ),
    (
        "I wear a hijab and I'd happily answer your questions.",
        "Nobody asked you, love. Your lot always have a sob story ready.",
        {"muslims"},
    ),
    (
        "We had a swastika sprayed on our synagogue door in March.",
        "Maybe if you lot stopped playing the victim people would warm to you.",
        {"jews"},
    ),
    # a blind review's (session 47), which the first version missed
    (
        "My daughter has Down syndrome and she loves her job at the café.",
        "Should be in a home, not serving food. People like your daughter put customers off.",
        {"disability"},
    ),
    (
        "I'm Mexican-American and my family has been in Texas for five generations.",
        "Sure it has. You people all say that right before asking for amnesty.",
        {"latinx"},
    ),
    (
        "As a bisexual woman, I didn't feel represented.",
        "Nobody cares. Your lot just want attention.",
        None,
    ),
    (
        "Blind since birth, and the self-checkouts are a nightmare.",
        "Not everything can be built for people like you. Stay home then.",
        {"disability"},
    ),
    (
        "Gypsy and proud, my grandad was a horse dealer.",
        "Proud of thieving? Typical of your people.",
        None,
    ),
    (
        "Lesbian mum of two boys here.",
        "Poor boys. People like you shouldn't be allowed to raise kids.",
        {"sexual_orientation"},
    ),
    ("I'm non-binary and use they/them.", "Lol. Attention seekers, the whole lot of you.", None),
    (
        "I have cerebral palsy and the PIP assessment was humiliating.",
        "Scroungers the lot of you.",
        None,
    ),
    ("Born in Poland, been here since 2006.", "You lot came for the handouts.", None),
    # a second blind review's, which its version missed ("your kind" read as kindness)
    (
        "As a Catholic I think the Church got this badly wrong.",
        "Bit late, your kind have been covering for kiddie fiddlers for centuries.",
        {"christians"},
    ),
    (
        "I'm Romanian and I work nights at the Amazon warehouse.",
        "Sure you do. Your lot are all pickpockets or beggars on Oxford Street.",
        {"nationality_migration"},
    ),
    (
        "Deaf woman here. The new ticket machines have no visual alerts at all.",
        "Figures. Your kind always want everything rebuilt around you at our expense.",
        {"disability"},
    ),
    (
        "Our mosque raised £12,000 for the food bank last Ramadan.",
        "Your lot only give to your own, everyone knows it. Spare us the PR.",
        {"muslims"},
    ),
    # news desks 46-49 (session 47), written after the rule's first versions
    (
        "I'm non-binary and swim with Halsworth Masters.",
        "Nobody cares about your made-up pronouns.",
        None,
    ),
    (
        "As a British Indian teacher in this county, this made my day.",
        "Nobody cares what your mum looks like. Maybe go and teach in Delhi if you miss her.",
        None,
    ),
    (
        "As a Jewish fan I'll be honest, the last few years have been rough.",
        "Here we go, out comes the victim card. Nobody smashed anything, you people just love "
        "playing persecuted.",
        {"jews"},
    ),
    (
        "I'm Ukrainian, I came in 2022 with my mother.",
        "Heart condition. Convenient. Funny how they all develop one the week the call-up "
        "letter arrives.",
        None,
    ),
]

CIVIL = [
    # the same cues said warmly, with thanks or in sympathy
    ("I'm Somali and from Easton.", "Your lot run the best cafés in Bristol, no contest."),
    (
        "I'm Polish and work nights at the depot.",
        "Your lot never complain, hardest workers I know.",
    ),
    ("I'm a Muslim.", "You people are always blamed for everything and it's not fair."),
    ("I'm Muslim and I disagree.", "That explains a lot, thanks for saying it, I didn't know."),
    # the parent names no group of its writer's
    ("I'm sure the Polish community will cope.", "Your lot always say that."),
    ("I'm tired of Muslims being blamed.", "Explains a lot about this thread."),
    ("I'm not Muslim but this is wrong.", "Figures."),
    ("I'm a nurse on the night shift.", "Your lot never stop moaning about pay."),
    ("As a native Londoner I love this.", "You people always moan about the Tube."),
    # a report of the words, and a writer of the same group
    (
        "I'm Somali and from Easton.",
        'He told me "your lot have been on benefits since the day you landed" and I reported him.',
    ),
    ("I'm Somali.", "I'm Somali too, and your lot always forget the rest of us in Kingsdown."),
    # a blind review's civil replies the first version held: a bare "Figures" that its
    # sentence goes on from, "of course you'd" that goes on to praise
    (
        "As a Catholic I was taught to always welcome the stranger.",
        "Figures, the Catholic charities were first at the port in Dover too. Credit where "
        "it's due.",
    ),
    (
        "I'm a Deaf BSL user and there was no interpreter at the briefing.",
        "Of course you'd notice, we all should have. Disgraceful that they dropped it.",
    ),
    # a second blind review's civil replies its version held: a joke among friends, a
    # comma after "course you would", the words quoted to report them
    (
        "I'm Jewish and we celebrate both Hanukkah and Christmas at home.",
        "Course you would, twice the presents! We do the same in our mixed house.",
    ),
    (
        "I'm gay and I'm a Tory, fight me.",
        "Ha, explains a lot! Only kidding, you do you. Interesting to hear the view though.",
    ),
    (
        "My daughter is autistic and a teacher told her 'your kind always make excuses'.",
        "That's a disciplinary matter. Write down exactly what was said, 'your kind always "
        "make excuses', and go to the governors.",
    ),
    # "nobody cares" said warmly, "love" as warmth
    (
        "I'm Polish and I've lived here since 2004.",
        "Nobody cares where you're from, mate, you're one of us.",
    ),
    (
        "I'm Muslim and I run the corner shop.",
        "Love your shop, you lot always have the best samosas.",
    ),
    # a code review's: "you all" and "they all" without a generalisation in their clause,
    # or asked; the bare openers that go on, or that any reply may open with
    ("I'm gay and nervous about coming out.", "You are all in my prayers tonight."),
    (
        "I'm gay and nervous about coming out.",
        "They all came to the vigil, I've never seen anything like it.",
    ),
    ("I'm gay and nervous about coming out.", "Are you all OK? Never seen anything like it."),
    ("I'm gay and nervous about coming out.", "Who cares? Do what makes you happy."),
    ("I'm Polish and my nan made pierogi.", "Knew it! My nan made them too."),
    ("I'm gay and nervous about coming out.", "Make sure you are registered by Friday."),
    ("I'm gay and nervous about coming out.", "Of course you are, anyone would be."),
    ("I'm gay and nervous about coming out.", "Says it all about this council."),
    # no generalisation beside the collective
    ("I'm Jewish and this story made me cry.", "Your people have a festival on Friday, right?"),
]


@pytest.mark.parametrize(("parent", "reply", "groups"), HELD)
def test_a_reply_dismissing_a_reader_by_their_named_group_is_held(
    parent: str, reply: str, groups: set[str] | None
) -> None:
    assert_held_for(reply, "dismisses a reader by their group", context=parent)
    outcome = DEFAULT.decide(CALM, reply, context=parent)
    if groups is not None:
        assert groups <= outcome.inferred_groups


@pytest.mark.parametrize(("parent", "reply"), CIVIL)
def test_the_same_words_warm_quoted_in_group_or_under_no_self_naming_are_approved(
    parent: str, reply: str
) -> None:
    assert_approved_in(reply, context=parent)


def test_held_replies_are_approved_with_no_parent() -> None:
    for _parent, reply, _groups in HELD:
        assert_approved_in(reply)


def test_the_reason_quotes_the_reply_as_written_and_names_the_readers_group() -> None:
    found = match_named_reader(
        "Proud of what? YOUR LOT have been on benefits since the day you landed!!",
        "I'm a proud second-generation British Somali.",
    )
    assert found is not None
    assert found.phrase == "YOUR LOT have been on benefits since the day you landed!"
    assert found.reason().endswith(
        "(the reader named themselves: black_people, nationality_migration)"
    )


@pytest.mark.parametrize(
    ("parent", "groups"),
    [
        ("As a gay man I'm thrilled for them.", {"sexual_orientation"}),
        ("We're Syrian and we love this town.", {"arabs", "nationality_migration"}),
        ("I'm a Traveller and my kids go there.", {"race_ethnicity"}),
        ("I'm sure the Syrian family will settle.", set()),
        ("I'm friends with a Muslim family.", set()),
        ("As a foreign correspondent I saw it.", set()),
        ("Gay woman here, and honestly this made my week.", {"sexual_orientation"}),
        ("Ruth here, British Chinese, accountant.", {"asians"}),
        ("I wear a hijab and I'd happily answer.", {"muslims"}),
        ("Someone sprayed our synagogue door.", {"jews"}),
        ("My son is autistic and loves chess.", {"disability"}),
        ("I'm in Pakistan for a wedding.", set()),
        ("My neighbour came from Poland.", set()),
    ],
)
def test_a_writer_names_their_own_group_only_in_their_own_description(
    parent: str, groups: set[str]
) -> None:
    assert own_groups(normalize_text(parent)) == frozenset(groups)


def test_the_rule_reads_a_long_reply_and_parent_in_linear_time() -> None:
    reply = "your lot " * 11_000 + "x"
    parent = "i'm a " * 16_000 + "muslim"
    budget = linear_budget(reply)
    assert fastest(lambda: match_named_reader(reply, parent)) < budget
    assert fastest(lambda: own_groups(parent)) < linear_budget(parent)
