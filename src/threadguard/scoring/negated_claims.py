"""Negated claims: "Christians are not stupid", "I don't think migrants are criminals".

A writer who denies a slur about a group is defending it, but the models read the slur:
the words "stupid", "criminals", "terrorists" next to a group's name are what abusive
training comments are made of, and a "not" between them weighs little. So a comment that
denies such a claim is read a second time without the denial, and its toxicity, severe
toxicity, insult and identity attack keep the lower of the two readings; threat and the
rest keep the comment's own ("Muslims are not dangerous. Kill them all." is still a
threat). Whatever else the comment holds is read as before, with the group's name where
the next clause or sentence refers back to it ("Jews are not greedy. They are parasites."
is read again as "Jews. They are parasites.").

A denial here is narrow on purpose, since a wrong one releases abuse:

- its subject is a group of people named as such: a few lower-case or capitalised words
  ending in a word of :data:`GROUP_NOUNS` ("deaf people", "Chinese students", "Muslims");
  a slur is no group noun, so "<slur> are not stupid" is read as written;
- no word of the subject makes the negation partial or hedged ("not all", "some",
  "most", "probably");
- "are" or "were", a negation, a word of :data:`DEROGATORY`, and then the end of the
  sentence, or one of a few endings that keep it a denial ("for having faith", "than
  anyone else", "at all"): a denial that goes on ("..., just filthy rats", "... in
  chains", "... if shot on sight", "..., and are evil") is read as written;
- or "I don't think <subject> are <such a word>", ended the same way;
- a denial taken back or swapped for another charge just after it ("Not all of them
  anyway, most are.", "...; just too emotional to vote") is no denial;
- no comment with a mark of sarcasm ("sure", "yeah right", "totally", "lol", "/s") is
  read again at all: "Oh sure, Mexicans aren't rapists. Totally." means the opposite;
- a question is no denial ("Immigrants aren't criminals? Look at the numbers.").

The engine reads the comment without its opinion frames first (:mod:`.opinion_frames`),
so a frame cannot hide a second claim from this reading.
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
#: The attributes a reading without the denial may lower.
DENIAL_ATTRIBUTES: Final = frozenset({"toxicity", "severe_toxicity", "insult", "identity_attack"})
#: The last word of a denied claim's subject: a word for a group of people (plural).
GROUP_NOUNS: Final = (
    r"people|persons|folks?|men|women|boys|girls|kids|children|families|students|workers|"
    r"immigrants|migrants|refugees|asylum\s+seekers|foreigners|newcomers|muslims|moslems|"
    r"jews|christians|catholics|hindus|sikhs|buddhists|atheists|gays|lesbians|"
    r"homosexuals|bisexuals|transgender\s+people|trans\s+people|trans\s+women|trans\s+men|"
    r"blacks|whites|asians|africans|arabs|latinos|latinas|hispanics|mexicans|indians|"
    r"pakistanis|chinese|somalis|syrians|afghans|nigerians|romanians|poles|gypsies|roma|"
    r"travellers|travelers|natives|indigenous\s+people|aboriginals|feminists|liberals|"
    r"conservatives|americans|canadians|europeans|palestinians|israelis|iranians|iraqis|"
    r"turks|russians|ukrainians|autistic\s+people|disabled\s+people|deaf\s+people|"
    r"blind\s+people|the\s+elderly|seniors|pensioners|teenagers|millennials|boomers"
)
#: Words that make a subject's negation partial or hedged, or the subject no group.
_HEDGES: Final = (
    r"(?:not|all|some|many|most|few|several|certain|probably|maybe|perhaps|well|sure|oh|"
    r"only|just|there|it|this|that|i|we|you)"
)
#: A mark of sarcasm anywhere in the comment: then nothing is read again.
SARCASM: Final = re.compile(
    r"\b(?:sure|yeah\s+right|of\s+course|totally|lol|lmao|rofl|as\s+if)\b|/s\b|"
    r"\bi['’]?m\s+the\s+pope\b",
    re.IGNORECASE,
)
#: What may stand between the negation and the predicate ("not any greedier", "not
#: inherently violent", "not a bunch of criminals"); "all", "just", "only", "simply" and
#: "merely" may not: those negations are partial.
_BETWEEN: Final = (
    r"(?:(?:any|inherently|naturally|somehow|automatically|necessarily|more|born|"
    r"a\s+(?:bunch|pack|gang|horde|lot)\s+of)\s+)*"
)
#: The subject: up to two words (none of them partial) and a group noun.
_WORD: Final = rf"(?!{_HEDGES}\b)[A-Za-z][\w'’-]*"
_SUBJECT: Final = rf"(?:{_WORD}\s+){{0,2}}?(?!{_HEDGES}\b)(?:{GROUP_NOUNS})"
_NOT: Final = r"(?:\s+(?:are|were)\s+(?:not|never)|\s+(?:aren['’]t|weren['’]t))"
#: Where a clause starts: the text's start, after a sentence's or a clause's end (at most
#: three spaces after it: a longer run is not scanned again from every position), or
#: after an opening "no" ("No, deaf people are not stupid").
_START: Final = r"(?:^|(?<=[.!;:\n,]))\s{0,3}(?:(?:no|and|but)\s*,?\s+)?"
#: What may end a denial before the sentence's end ("for having faith", "than anyone
#: else", "at all"); anything else after the predicate and the claim is read as written.
_ENDING: Final = (
    r"(?:\s+(?:at\s+all|any\s*more|either|whatsoever|in\s+any\s+way"
    r"|for\s+(?:having|being|wearing|believing|praying|loving|needing)(?:\s+[\w'’-]+){0,4}"
    r"|than\s+(?:anyone|anybody|everyone|everybody|other\s+[\w'’-]+|the\s+rest(?:\s+of\s+us)?"
    r"|us|you|we)(?:\s+else)?))?"
)
#: The end of the sentence: a full stop, semicolon or line break, or the text's end
#: (not a question mark: a negated question asks the opposite).
_END: Final = r"(?=\s*(?:[.;!\n]|$))"
DENIAL: Final = re.compile(
    _START
    + r"(?:(?P<frame>i\s+(?:do\s+not|don['’]t|never)\s+(?:think|believe)\s+(?:that\s+)?)"
    + rf"(?P<subject>{_SUBJECT})(?P<claim>\s+(?:are|were)\s+{_BETWEEN}(?:{DEROGATORY}){_ENDING}){_END}"
    + rf"|(?P<subject2>{_SUBJECT})(?P<denial>{_NOT}\s+{_BETWEEN}(?:{DEROGATORY}){_ENDING}){_END})",
    re.IGNORECASE,
)


#: A negation, which every denial has: most comments have none, and are passed over
#: without trying :data:`DENIAL` at every clause (this runs on every comment scored).
_NEGATION: Final = re.compile(r"not\b|n['’]t\b|never\b", re.IGNORECASE)


#: Where the words after a denial start: past the punctuation that ends it, if any. What
#: they say decides what is cut (:data:`_REFERS_BACK`, :data:`_TAKEN_BACK`).
_AFTER_DENIAL: Final = r"\s*[.!,;:–—-]?\s*"
#: What, after a denial, refers back to its subject: then the subject stays.
_REFERS_BACK: Final = re.compile(
    _AFTER_DENIAL + r"(?:(?:and|but)\s+)?(?:they|them|their|these|those)\b", re.IGNORECASE
)
#: What, after a denial, takes it back for some of the group ("Not all of them anyway,
#: most are.") or swaps in another charge ("...; just too emotional to vote"): then the
#: denial is no denial and nothing is cut.
_TAKEN_BACK: Final = re.compile(
    _AFTER_DENIAL + r"(?:well,?\s+)?(?:not\s+all|most|some|many|half|plenty|just|only|"
    r"simply|merely|rather|instead|but)\b",
    re.IGNORECASE,
)


def _cuts(text: str) -> list[tuple[int, int]]:
    """What to cut of each denial: all of it, or, where what follows refers back to its
    subject ("... They are parasites."), all but the subject."""
    cuts: list[tuple[int, int]] = []
    for m in DENIAL.finditer(text):
        if _TAKEN_BACK.match(text, m.end()):
            continue
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
    name stays: "Jews are not greedy. They are parasites." is read again as "Jews. They
    are parasites."; "Muslims are not terrorists." has nothing left to read (a group's
    name alone is no evidence, and the models over-read it)."""
    if not _NEGATION.search(text) or SARCASM.search(text):
        return None
    return cut_out(text, _cuts(text))
