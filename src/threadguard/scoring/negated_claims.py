"""Negated claims: "Christians are not stupid", "I don't think migrants are criminals".

A writer who denies a slur about a group is defending it, but the models read the slur:
the words "stupid", "criminals", "terrorists" next to a group's name are what abusive
training comments are made of, and a "not" between them weighs little. So a comment that
denies such a claim is read a second time without the denial, and each head keeps the
lower of the two readings: what is left says what the rest of the comment does. Whatever
else the comment holds is read as before, with the group's name where the rest refers
back to it ("Jews are not greedy, they are parasites" is read again as "Jews, they are
parasites").

A denial here is narrow on purpose: a plural subject of a few words, "are" or "were",
a negation, and a word from :data:`DEROGATORY` (the stereotypes and slurs that groups
are charged with), up to the end of the clause; or "I don't think" before such a claim.
Not a denial, and read as written:

- a partial negation: "not all ... are", "not just lazy", "not only criminals" (it
  often grants the slur: "they are not just lazy, they are dangerous");
- a question: "Immigrants aren't criminals? Look at the numbers." (the opposite claim);
- a denial of what is human or equal: "Muslims are not human", "women are not equal"
  (no word of :data:`DEROGATORY`): those are attacks;
- a clause that goes on past a comma or "but": only the clause up to there is cut;
- a clause that goes on into another one or a comparison ("the schools are not the
  problem the students are", "they are not terrorists because of anything but Islam",
  "we aren't terrorists like them"): nothing is cut.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.scoring.rereading import cut_out

#: What groups are charged with: the predicate of a denied claim (a noun in the plural or
#: an adjective, comparatives included). Written from the stereotypes named in the
#: research on dangerous speech and hate (greed, crime, terror, dirt, disease,
#: stupidity, laziness, deviance, threat), never from an evaluation set.
DEROGATORY: Final = (
    r"stupid(?:er)?|dumb(?:er)?|idiots?|morons?|lazy|lazier|greedy|greedier|dirty|dirtier|"
    r"filthy|violent|criminals?|terrorists?|extremists?|fanatics?|dangerous|"
    r"(?:a|the)\s+(?:danger|threat|problem|enemy|burden|drain)|(?:to\s+blame)|"
    r"confused|sick|mentally\s+ill|diseased|evil|inferior|savages?|animals|vermin|"
    r"rapists?|thieves|spies|parasites|perverts|paedophiles|pedophiles|predators|"
    r"subhuman|backward|primitive|ignorant|illiterate|brainwashed|freeloaders|"
    r"scroungers|liars|cheats|traitors|invaders|cowards|weak|weaker|worse|bad\s+people|"
    r"less\s+intelligent|less\s+capable|less\s+human"
)
#: What may stand between the negation and the predicate ("not any greedier", "not
#: inherently violent", "not a bunch of criminals"); "all", "just", "only", "simply" and
#: "merely" may not: those negations are partial.
_BETWEEN: Final = (
    r"(?:(?:any|inherently|naturally|somehow|automatically|necessarily|more|born|"
    r"a\s+(?:bunch|pack|gang|horde|lot)\s+of)\s+)*"
)
#: The subject: a few words ("deaf people", "Chinese students", "Orthodox Jews"), none
#: of them a word that makes the negation partial ("not all", "most") or the subject no
#: group ("there aren't any ...", "it is not ...").
_SUBJECT: Final = (
    r"(?!(?:not|all|some|many|most|there|it|this|that)\b)"
    r"(?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*"
)
_NOT: Final = r"(?:\s+(?:are|were)\s+(?:not|never)|\s+(?:aren['’]t|weren['’]t))"
#: Where a clause starts: the text's start, after a sentence's or a clause's end, or
#: after an opening "no" ("No, deaf people are not stupid").
_START: Final = r"(?:^|(?<=[.!?;:\n,]))\s{0,3}(?:(?:no|and|but|so)\s*,?\s+)?"
#: The rest of the clause after the predicate ("for having faith", "than anyone else"),
#: which must reach the clause's end (a comma, a sentence's end, "but"). A word that
#: starts another clause or a comparison stops it, and then nothing is cut: in "the
#: schools are not the problem the students are", "they are not terrorists because of
#: anything but Islam", "we aren't terrorists like them" the denial is half of an attack.
_TAIL: Final = (
    r"(?:\s+(?!(?:but|because|except|unless|like|as|are|is|were|was|they|them|it|we|who|"
    r"which|that|he|she)\b)[\w'’-]+){0,12}?(?=\s*(?:[.;!\n,]|$|\s+but\b))"
)
DENIAL: Final = re.compile(
    _START
    + r"(?:(?P<frame>i\s+(?:do\s+not|don['’]t|never)\s+(?:think|believe)\s+(?:that\s+)?)"
    + rf"(?P<subject>{_SUBJECT})(?P<claim>\s+(?:are|were)\s+{_BETWEEN}(?:{DEROGATORY}){_TAIL})"
    + rf"|(?P<subject2>{_SUBJECT})(?P<denial>{_NOT}\s+{_BETWEEN}(?:{DEROGATORY}){_TAIL}))",
    re.IGNORECASE,
)


#: What, after a denial, refers back to its subject: then the subject stays.
_REFERS_BACK: Final = re.compile(r"\s*[,;:–—-]?\s*(?:they|them|their)\b", re.IGNORECASE)


def _cuts(text: str) -> list[tuple[int, int]]:
    """What to cut of each denial: all of it, or, where what follows refers back to its
    subject ("..., they are parasites"), all but the subject."""
    cuts: list[tuple[int, int]] = []
    for m in DENIAL.finditer(text):
        framed = m.group("frame") is not None
        subject = m.span("subject" if framed else "subject2")
        rest = m.span("claim" if framed else "denial")
        if not _REFERS_BACK.match(text, m.end()):
            cuts.append((m.start("frame") if framed else subject[0], rest[1]))
        elif framed:
            cuts += [m.span("frame"), rest]
        else:
            cuts.append(rest)
    return cuts


def without_negated_claims(text: str) -> str | None:
    """``text`` without the denials of a derogatory claim about a group, or None where it
    has none (see the module docs). Where what follows refers back to the group, its
    name stays: "Jews are not greedy, they are parasites" is read again as "Jews, they
    are parasites"; "Muslims are not terrorists." has nothing left to read (a group's
    name alone is no evidence, and the models over-read it)."""
    return cut_out(text, _cuts(text))
