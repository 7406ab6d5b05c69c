"""Training templates for replies that are hateful only because of what they answer.

Under a plain news item or a reader's remark that names a group ("Forty Afghan refugees
will be housed at the old barracks."), a reply such as "Lock your doors, then." or "Their
sort never fit in anywhere." attacks that group without naming it. Measured in session
12, the shipped deep tier read such replies *lower* with their parent than alone (a reply
calling the newcomers rats fell from toxicity 0.77 alone to 0.07 with the parent): the
thread context it had learnt from made a calm news parent mean a calm reply.

So these rows put the same parents under two kinds of reply, and only the parent says
who "they" are:

- hostile (toxicity and identity attack on the parent's group): insinuations of crime or
  scrounging, "their kind" stereotypes, dehumanising words aimed by a pronoun, claims
  that they will never belong or will outnumber "us", sarcastic welcomes, and "send them
  back" said of them;
- civil (nothing abusive, no target): welcomes, practical questions, neighbours' news,
  and civil disagreement with the *policy* (cost, consultation, where the money goes),
  which a news desk must publish.

The trainer reads every one of these rows with its parent
(:class:`~threadguard.training.deep_tier.Example` ``keep_context``): read alone, "Lock your
doors, then." is no attack on anyone, and teaching it as one would hold civil comments
everywhere.

Written by the team from the phenomena's names only, kept apart from the evaluation
material: a test checks that no row shares a sentence or a run of five words with the
functional suite (its cases and their parents), the civil sentences, the friendly
mentions or the blind check. Seeded: the same rows on every run.
"""

from __future__ import annotations

import random
from typing import Final

import numpy as np

from threadguard.training.templates_news import PEOPLES, civil, group_hate

#: The peoples the parents name: news of resettlement, housing and new neighbours is about
#: peoples, faiths and migrants (the first releases, deep@18 at commit aca5750, also filled
#: them with women, gay men and trans women, which reads oddly).
THREAD_PEOPLES: Final = tuple(
    p for p in PEOPLES if p[0] not in {"gender", "women", "sexual_orientation"}
)

#: What the reply answers: news items and readers' remarks naming a group (``{P}``/``{p}``
#: the plural, capitalised or not; ``{a}`` the adjective).
PARENTS: Final = (
    "{P} are being resettled in the town next spring.",
    "The {a} association has bought the old library building.",
    "Forty {p} will be housed at the former barracks from May.",
    "A {a} couple has opened a bakery on Station Road.",
    "The primary school says a third of its pupils are {p} now.",
    "{P} held a candlelit vigil outside the town hall last night.",
    "Plans for a {a} cultural centre go before the council on Monday.",
    "My new neighbours are {p}, they moved in at the weekend.",
    "The football club has signed up a youth team of young {p}.",
    "Figures out today show more {p} are starting businesses here.",
    # readers' remarks, not news: the reply answers a person who names the group
    "I'm {a} and I've lived in this town all my life.",
    "My daughter's best friend is {a}, lovely family.",
    "The {a} shop on the corner stays open when everything else shuts.",
    "Our GP surgery has two {a} doctors now and they are excellent.",
    "We ought to help the {p} who escaped the fighting.",
    "The mayor met {a} community leaders about the new school.",
)
#: Hostile only given the parent: the pronoun, "their kind" or "this lot" is the group.
HOSTILE_REPLIES: Final = (
    "Lock your doors, then.",
    "Better start locking the car again.",
    "Paid for by our taxes, naturally.",
    "And who foots the bill for them? Muggins here.",
    "Another lot living off the rest of us.",
    "Their sort never fit in anywhere.",
    "You know exactly what their kind are like.",
    "Vermin, the whole sorry crowd.",
    "They breed like rabbits, wait and see.",
    "They spread like a plague once they get a foothold.",
    "They will never be one of us, whatever the paperwork says.",
    "Give it ten years and we'll be the strangers here.",
    "That's how it always starts. Then it's the whole street.",
    "Oh marvellous, just what this town needed.",
    "Wonderful, more enrichment for everyone.",
    "Nobody asked this lot to come here.",
    "Their loyalty will always be somewhere else.",
    "Property prices on that road are finished now.",
    "Say goodbye to the neighbourhood as we knew it.",
    "Check your purse after you leave, then.",
    "Just what we needed, more mouths to feed.",
    "They're all the same once you scratch the surface.",
    "Give them an inch and they'll take the whole town.",
    "Funny how trouble always follows that lot around.",
    "Ask the police how many of that lot they already know.",
    "Lovely. Shall I start learning their customs now, or later?",
)
#: Calls to send them away: no harm is named, so the threat label stays unknown.
EXPULSION_REPLIES: Final = (
    "Should be put straight on the next boat back.",
    "Send the lot of them home and have done with it.",
)
#: Civil under the same parents: welcome, questions, news, and disagreement with policy.
CIVIL_REPLIES: Final = (
    "Good, I hope they settle in quickly.",
    "They will be very welcome on our road.",
    "Do they need volunteers for the first few weeks?",
    "What time does it open on Saturdays?",
    "My kids are in the same class as some of theirs.",
    "They have lived here longer than I have, to be fair.",
    "The council should have consulted residents before deciding.",
    "Is the building really suitable for families with children?",
    "I would rather that money went to the hospital, honestly.",
    "Who is paying for the refit, the council or the government?",
    "They deserve a fair hearing like anyone else.",
    "Best bread in town, I go there every morning.",
    "Nice to see the old place used again.",
    "Hope the weather holds for them.",
    "Good luck to them, it takes courage to start over.",
    "The parking on that street is already a nightmare, though.",
    "Same here, never had anything but kindness from them.",
    "Good for them, the town needs more of that.",
    "How can people help? Is there a collection point?",
    "My grandparents arrived the same way, sixty years ago.",
    "Agreed, and the council should fund it properly.",
    "I'd want to see the costings before I cheer, but fair enough.",
)
#: How many replies of each kind each filled parent gets (seeded choices).
HOSTILE_PER_PARENT: Final = 3
CIVIL_PER_PARENT: Final = 3


def _fill(parent: str, plural: str, adjective: str) -> str:
    text = parent.format(P=plural[:1].upper() + plural[1:], p=plural, a=adjective)
    return text[:1].upper() + text[1:]


def thread_reply_rows(seed: int = 31) -> list[tuple[str, str, np.ndarray]]:
    """(reply, parent, labels): every parent filled with every people of
    :data:`THREAD_PEOPLES`, each under
    :data:`HOSTILE_PER_PARENT` hostile replies (an identity attack on that group) and
    :data:`CIVIL_PER_PARENT` civil ones, chosen by a seeded generator."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, np.ndarray]] = []
    hostile = HOSTILE_REPLIES + EXPULSION_REPLIES
    for group, plural, adjective in THREAD_PEOPLES:
        for template in PARENTS:
            parent = _fill(template, plural, adjective)
            for reply in rng.sample(hostile, HOSTILE_PER_PARENT):
                violent = None if reply in EXPULSION_REPLIES else False
                rows.append((reply, parent, group_hate(group, violent=violent)))
            for reply in rng.sample(CIVIL_REPLIES, CIVIL_PER_PARENT):
                rows.append((reply, parent, civil()))
    return rows
