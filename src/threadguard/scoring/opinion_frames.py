"""Opinion frames: "I think", "in my opinion", "honestly", "with all due respect" before a
claim.

A frame says the claim that follows is the writer's own; it does not make the claim any
kinder. The models read it otherwise: training comments that open with "I think" are
mostly civil, so a frame lowers the scores of what follows it ("Gay people are
disgusting." toxicity 0.62, held; "In my opinion gay people are disgusting." 0.32,
approved; "Muslims are dangerous." 0.64, "Personally I believe Muslims are dangerous."
0.36, with deep@20). So a comment with a frame at the start of a sentence is read twice,
as written and with its frames taken out, and its attack on a group keeps the higher of
the two readings (:data:`FRAME_ATTRIBUTES` and the target groups;
:meth:`threadguard.engine.Engine.analyze`), where a word of contempt stands in it
(:data:`CONTEMPT`): the models over-read a bare mention of a group, so without one the
frame-free reading of "I think Jews and Muslims can live together" held it (identity
attack 0.29 as written, 0.76 without the frame; found by a review).

Only an attack on a group: a generalisation about a people is no kinder for a hedge, but
between two readers a hedge is a courtesy ("I think you have misread the report" is not
"you have misread the report"), and the models' lower toxicity and insult for it are
right. Letting the second reading raise every attribute held 2-4 more civil news
comments in 2,000 (Unhealthy Conversations dev rows, insult at the threshold: "I think
Trump is addicted to the cheers. ... The guy is a cesspool of trouble.") and caught
nothing more there.

Only the writer's own, affirmed frames count. Not a frame: a negated one ("I don't think",
"I no longer believe"), one in the past ("I thought", "I used to think": often what the
writer has since given up), someone else's ("some people think", "do you think"), and
one that is not at a sentence's start ("what I think matters", "if I think about it").
Without a frame a text has no second reading, so comments without one cost nothing more.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.scoring.negated_claims import DEROGATORY
from threadguard.scoring.rereading import cut_out

#: The attributes a reading without frames may raise (the target groups' heads too).
FRAME_ATTRIBUTES: Final = frozenset({"identity_attack", "threat"})

#: Words that may open a sentence before its frame ("And honestly, ...", "But I think").
_LEAD: Final = r"(?:(?:and|but|so|well|look|yes|yeah|no|ok|okay|sorry)\s*[,:]?\s+)?"
#: Adverbs allowed between "I" and the verb of a frame ("I really do think").
_ADVERBS: Final = (
    r"(?:(?:really|honestly|truly|personally|firmly|genuinely|just|do|still|also)\s+)*"
)
#: The frames, each ending where the claim begins.
_FRAMES: Final = (
    # I think / we believe / I honestly feel that
    r"(?:i|we)\s+" + _ADVERBS + r"(?:think|believe|feel|reckon|suspect|guess|suppose|"
    r"maintain|would\s+say|'d\s+say|’d\s+say)(?:\s+that)?",
    # I'm convinced / I am sure / I'm of the opinion that
    r"(?:i\s+am|i['’]m)\s+(?:absolutely\s+|totally\s+|quite\s+)?(?:convinced|sure|certain|"
    r"of\s+the\s+(?:opinion|view))(?:\s+that)?",
    # in my (honest) opinion / view / book
    r"in\s+my\s+(?:honest\s+|humble\s+|personal\s+)?(?:opinion|view|book)",
    r"imh?o",
    r"(?:personally|honestly|frankly|seriously)",
    r"to\s+be\s+(?:honest|frank|blunt)",
    r"let['’]?s\s+(?:be\s+honest|face\s+it)",
    r"(?:the\s+)?(?:simple\s+|plain\s+)?truth\s+is(?:\s+that)?",
    r"if\s+you\s+ask\s+me",
    r"it\s+seems\s+to\s+me(?:\s+that)?",
    r"(?:face\s+it|admit\s+it)",
    # courtesies that open a generalisation: "with all due respect, ...", "no offence, but"
    r"with\s+(?:all\s+)?due\s+respect",
    r"no\s+offen[cs]e(?:\s+intended)?(?:\s*,)?\s+but",
    r"don['’]?t\s+get\s+me\s+wrong",
)
#: Frames at the start of the text or of a sentence ("Personally, I think"), with what
#: follows them up to the claim (punctuation and spaces). The claim must start with a
#: letter or a quote: "Honestly." alone is no frame.
FRAME: Final = re.compile(
    r"(?:^|(?<=[.!?;\n]))\s{0,3}"
    + _LEAD
    + r"(?P<frame>(?:(?:"
    + "|".join(_FRAMES)
    + r")(?:\s*[,:]\s*|\s+))+)(?=[\w\"'“‘])",
    re.IGNORECASE,
)


#: Words of contempt, one of which must stand in a comment for its frame-free reading to
#: count: the stereotypes of :data:`~.negated_claims.DEROGATORY` and a few more. Without
#: one, the frame-free reading of a friendly claim ("I think Jews and Muslims can live
#: together") is the bare group mention the models over-read.
CONTEMPT: Final = re.compile(
    rf"\b(?:{DEROGATORY}|disgusting|vile|revolting|repulsive|ruin(?:s|ing)?|"
    r"destroy(?:s|ing)?|a\s+waste|worthless|useless|a\s+(?:plague|cancer|disease|virus))\b",
    re.IGNORECASE,
)


def without_frames(text: str) -> str | None:
    """``text`` with every opinion frame at a sentence's start taken out, or None where it
    has none (see the module docs). Whatever opened the sentence before the frame ("And",
    "But") stays; the claim's first letter keeps its case."""
    rest = cut_out(text, ((m.start("frame"), m.end("frame")) for m in FRAME.finditer(text)))
    return rest if rest is not None and rest.strip() else None


def attack_without_frames(text: str) -> str | None:
    """The frame-free reading the engine raises a group attack with: ``text`` without its
    frames where it also holds a word of :data:`CONTEMPT`, else None. Frames are looked
    for first: few comments have one, and the long list of contempt is the slower search
    (both run on every comment the engine scores)."""
    rest = without_frames(text)
    return rest if rest is not None and CONTEMPT.search(text) else None
