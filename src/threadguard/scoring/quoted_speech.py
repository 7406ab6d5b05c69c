"""Hate quoted to condemn it: 'A man shouted "Muslims are terrorists" at her. Shameful.'

Counter-speech quotes what it answers. The models read the quoted words as the writer's
own: a reader who reports that a man on the train kept shouting "Muslims are terrorists"
and says that should shame us all is held at toxicity 0.50. So where a comment reports
words that someone else said or wrote, in quotation marks (double or single: British
comments quote in single marks as often as not), with a word of contempt in them
(:data:`threadguard.scoring.opinion_frames.CONTEMPT`) or a call to leave or a wish of
harm (:data:`_UNWELCOME`: "go back to Pakistan", "hope you get AIDS"), and then condemns
them in one of a closed set of sentences that end the comment (:data:`CONDEMNATION`:
"Shameful.", "Sickening.", "That is racism.", "It is bigotry.", "That should shame all
of us.", "What is wrong with people?"), the comment is read again without the quotation,
and toxicity, severe toxicity, insult and identity attack keep the lower reading. Threat
and the rest keep the comment's own, and the threat list and the coded-hate lexicon
(moderation phases) still read the whole text.

Narrow on purpose: a quotation is the oldest way to say a thing while seeming not to, and
a review of a first, wider version (any condemning word anywhere) found 19 abusive
comments it published ("Bigotry my foot. "Women are too stupid to vote" is a perfectly
reasonable position.", "The real shame is the migrants themselves. As the sign said,
"..."", "The word I use is "...". Think about that."). Read as written:

- a quotation no reporting word attributes to someone ("shouted", "wrote", "chanted",
  "read", "sprayed", "is what ... said" in the same sentence);
- a condemnation that is not a whole sentence ending the comment ("Shameful, the owner
  had every right.", "Shameful. Respect to him." and "Think about that. Brave man." are
  no condemnations: a second review found approval written after one), or that the
  comment negates or brushes aside anywhere ("not racism", "so-called hate", "my foot");
- a word for a group of people outside the quotation
  (:data:`threadguard.scoring.negated_claims.GROUP_NOUNS`): a quotation put in a group's
  mouth ("Muslims chant "..."") or a comment that goes on about the group;
- shame or disgrace laid anywhere else in the comment ("The real shame is the
  migrants. As the sign said, "..." Shameful.");
- words the writer owns ("I said", "the word I use", "our banner", "we could say");
- a quotation the comment agrees with ("he was right", "so true", "exactly", "spot on",
  "agree", "well said", "facts", "about time");
- a comment that speaks to someone outside the quotation ("you", "your");
- any mark of sarcasm outside the quotation
  (:data:`threadguard.scoring.negated_claims.SARCASM`);
- a quotation without a word of contempt
  (:data:`threadguard.scoring.opinion_frames.CONTEMPT`): 'A man said "a Muslim family is
  moving in". Shameful.' condemns the news, not the words;
- "so-called" anywhere (scare quotes), a comment that is mostly quotation, a quoted post
  ("@name: ..."), an unpaired double quotation mark, an apostrophe inside a word ("it's",
  "the '90s": :mod:`.quotations` opens and closes a single-marked quotation only at a
  word's edge, in the loose lean both second readings take), and quotations longer than
  :data:`~threadguard.scoring.quotations.LONGEST` characters.

What stays outside the quotation is read as before, so hate written around a quotation
is still read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from threadguard.scoring.negated_claims import GROUP_NOUNS, SARCASM
from threadguard.scoring.opinion_frames import CONTEMPT
from threadguard.scoring.quotations import outermost, words
from threadguard.scoring.rereading import ADDRESSED, cut_out

#: The attributes the reading without the quotation may lower.
QUOTE_ATTRIBUTES: Final = frozenset({"toxicity", "severe_toxicity", "insult", "identity_attack"})


def quotations(text: str) -> list[tuple[int, int]]:
    """The quotations a second reading reads in ``text``, marks included: in double or
    single quotation marks (British comments quote in single marks as often as not), in
    the loose lean of :mod:`.quotations`, within one line and not inside another, their
    words at most :data:`~.quotations.LONGEST` characters (shared with
    :mod:`.endorsed_quotes`)."""
    return outermost(text)


#: Words that attribute a quotation to whoever said or wrote it.
_REPORTING: Final = re.compile(
    r"\b(?:said|says|saying|wrote|writes|writing|shout(?:ed|ing|s)?|chant(?:ed|ing|s)?|"
    r"yell(?:ed|ing|s)?|scream(?:ed|ing|s)?|sang|singing|spat|hissed|read|reads|sprayed|"
    r"painted|daubed|scrawled|posted|tweeted|printed|call(?:ed|ing|s)|claim(?:ed|ing|s)|"
    r"repl(?:ied|ies|ying)|comment(?:ed|ing|s)|messag(?:ed|ing)|texted|emailed|e-mailed)\b",
    re.IGNORECASE,
)
#: The names of hate a condemnation calls a quotation (shared with :mod:`.endorsed_quotes`).
HATE_NAMES: Final = (
    r"racism|antisemitism|anti-semitism|bigotry|hate\s+speech|islamophobia|homophobia|"
    r"transphobia|xenophobia|misogyny|a\s+hate\s+crime|hatred|ableism|disablism|sexism|"
    r"biphobia"
)
#: The words of disgust that condemn as a sentence of their own ("Shameful.", "Sickening.",
#: "That's vile."): an eighteenth news desk's report of "'go back to Pakistan' scrawled
#: across her face ... Sickening." was held.
_CONDEMNING_WORDS: Final = (
    r"(?:shameful|disgraceful|sickening|disgusting|appalling|vile|despicable|abhorrent|"
    r"horrendous|horrific|unacceptable)"
)
#: The condemnations: whole sentences, or the last clause of "... is not X, it is
#: bigotry.", ending the comment (several may follow one another), and the question "What
#: is wrong with people?". Not "Think about that." or "This has to stop.", which endorse
#: as readily ('Gay activists chant "...". This has to stop.' is a smear).
_CONDEMNING_SENTENCE: Final = (
    r"(?:(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+(?:just\s+|pure\s+|plain\s+|simply\s+)?"
    rf"(?:{HATE_NAMES})(?:,\s*+plain\s+and\s+simple)?|"
    rf"(?:(?:that|this|it)(?:['’]s|\s+is|\s+was)\s+)?(?:(?:absolutely|truly|utterly|just|so)\s+)?"
    rf"{_CONDEMNING_WORDS}|"
    r"that\s+should\s+shame\s+(?:all\s+of\s+)?us)\s*+[.!]|"
    r"what['’]?s\s+wrong\s+with\s+(?:people|some\s+people|folk)\s*+\?|"
    r"what\s+is\s+wrong\s+with\s+(?:people|some\s+people|folk)\s*+\?"
)
CONDEMNATION: Final = re.compile(
    rf"(?:[.!?\n]\s*+|\bnot\s+\w+,\s*+)(?:(?:{_CONDEMNING_SENTENCE})\s*+)+$",
    re.IGNORECASE,
)
#: A word for a group of people outside the quotation: the quotation may be put in a
#: group's mouth ("Muslims chant "..."") or the comment may go on about the group.
_GROUP: Final = re.compile(rf"\b(?:{GROUP_NOUNS})\b", re.IGNORECASE)
#: A condemnation negated or brushed aside, anywhere in the comment.
_DISMISSED: Final = re.compile(
    rf"\b(?:not|no|nothing|never|isn['’]?t|wasn['’]?t|so[\s-]called)\s+(?:\w+\s+){{0,2}}?"
    rf"(?:{HATE_NAMES}|shameful|disgraceful|hate)\b|\bmy\s+foot\b|"
    rf"\b(?:{HATE_NAMES})\s*+\?",
    re.IGNORECASE,
)
#: The writer owns the words: "I said", "the word I use", "our banner", "we could say".
_OWNED: Final = re.compile(
    r"\b(?:i|we)\s+(?:\w+\s+)?(?:said|say|use|used|wrote|write|chanted|sang|shouted|"
    r"yelled|called|call|post(?:ed)?|tweet(?:ed)?|believe|think)\b|"
    r"\b(?:my|our)\s+(?:\w+\s+)?(?:sign|banner|note|post|flyer|leaflet|placard|words?|"
    r"motto|slogan|t-shirt|shirt|flag|sticker)s?\b",
    re.IGNORECASE,
)
#: The writer agrees with the quotation: any word of agreement anywhere, so the comment is
#: read as written. Not :data:`.endorsed_quotes.AGREEMENT`, which raises a reading and so
#: takes only a verdict on the quotation just after it ("he was right." but not "he was
#: right to ..."): as this list's veto it would pass "so true", "truth" and "he was right
#: to ...", and this list as that trigger would hold the civil comments its review found.
_AGREEING: Final = re.compile(
    r"\b(?:(?:he|she|they|it)\s*(?:was|is|are|were|'s|’s|'re|’re)\s+(?:right|correct|"
    r"not\s+wrong)|so\s+true|exactly|spot\s+on|agreed?|well\s+said|facts|about\s+time|"
    r"finally\s+someone|can['’]?t\s+argue|true|truth|amen|preach|correct|reasonable|accurate|"
    r"every\s+right)\b",
    re.IGNORECASE,
)
#: The writer speaks to someone: a quotation answered with an attack on who said it.
_ADDRESSED: Final = re.compile(rf"\b(?:{ADDRESSED})\b", re.IGNORECASE)
#: Shame, disgrace or disgust in any form ("the real shame", "disgusted"), and every word
#: of :data:`_CONDEMNING_WORDS`: counted outside the condemnation, where it lays the blame
#: elsewhere. Built from that list, so a condemnation added there is counted here too.
_SHAME: Final = re.compile(
    rf"\b(?:(?:shame|disgrace|sicken|disgust|appal)\w*|{_CONDEMNING_WORDS})\b",
    re.IGNORECASE,
)
#: Words that shut someone out or wish them harm, quoted as contempt is: "go back to
#: Pakistan", "not welcome here", "hope you get AIDS" (an eighteenth news desk's reports),
#: and the slurs for disabled people the contempt words lack ('shouted "learn to talk
#: properly, you retard" ... That is ableism', a twenty-first's).
_UNWELCOME: Final = re.compile(
    r"\b(?:go\s+(?:back|home)|get\s+out|not\s+welcome|(?:don['’]?t|do\s+not)\s+belong|"
    r"hope\s+(?:you|he|she|they)\s+(?:get|die|rot|burn|choke)|retard(?:s|ed)?|spastics?|"
    r"spaz|cripples?|mongs?)\b",
    re.IGNORECASE,
)
#: A bare sentence affirming the quotation ("He is.", "They are.", "That's what they are."),
#: mock sympathy the sarcasm marks miss ("Oh the horror.", "how sad, never mind"), the
#: speaker's punishment (the condemnation may be of it: "... and was sacked for it.
#: Appalling."), and blame or approval in a phrase ("had it coming", "fair play", "karma"):
#: a review of the reading's single-quoted form (session 41) found each publishing abuse.
_AFFIRMED: Final = re.compile(
    r"(?:^|[.!?]\s*+)(?:(?:he|she|they|it)\s*+(?:is|are|was|were|['’]s|['’]re)"
    r"(?:\s+(?:one|too|though|tho))?|that['’]?s\s+what\s+(?:he|she|they|it)\s+"
    r"(?:is|are|was|were))\s*+[.!]|"
    r"\boh\s+(?:the\s+horror|how\s+(?:terrible|awful|dreadful|shocking)|dear,?\s+how\s+sad)\b|"
    r"\bhow\s+sad,?\s+never\s+mind\b|\bmy\s+heart\s+bleeds\b|\bboo[\s-]*+hoo\b|\bdiddums\b|"
    r"\b(?:got|was|were|been|being)\s+(?:arrested|charged|jailed|sacked|fired|banned|suspended|"
    r"prosecuted|sentenced)\b|"
    r"\b(?:had\s+it\s+coming|asked?\s+for\s+it|take\s+the\s+hint|should(?:['’]ve|\s+have)\s+"
    r"listened|fair\s+play|put\s+it\s+better|had\s+to\s+(?:say|be\s+said)|karma|"
    r"(?:can['’]?t|cannot)\s+(?:say\s+i\s+)?blame)\b",
    re.IGNORECASE,
)
_SO_CALLED: Final = re.compile(r"\bso[\s-]called\b", re.IGNORECASE)
_SENTENCE_END: Final = re.compile(r"[.!?](?=\s|$)|\n")


def _attributed(outside: str, cuts: list[int]) -> bool:
    """Whether the sentence around each cut of ``outside`` (the text with the quotations
    cut) names who said or wrote it. The sentences' ends are found once: one search from
    the text's start per quotation would be quadratic in a comment of many quotations."""
    ends = [m.start() for m in _SENTENCE_END.finditer(outside)]
    for at in cuts:
        i = bisect_left(ends, at)  # the first sentence end at or after the cut
        begin = ends[i - 1] + 1 if i else 0
        finish = ends[i] + 1 if i < len(ends) else len(outside)
        if not _REPORTING.search(outside, begin, finish):
            return False
    return True


def without_condemned_quotes(text: str) -> str | None:
    """``text`` without the quotations it reports and condemns; None where there are none."""
    if not any(mark in text for mark in "\"“«'‘"):
        return None
    if text.count('"') % 2 or _SO_CALLED.search(text):
        return None  # an unpaired mark (where a quotation begins is a guess); scare quotes
    quotes = quotations(text)
    if not quotes or sum(e - b for b, e in quotes) * 2 > len(text.strip()):
        return None  # no quotation, or a comment that is mostly quotation
    quoted = [words(text, q) for q in quotes]
    if any(q.lstrip().startswith(("@", "RT ")) for q in quoted):
        return None  # a quoted post, answered or passed on: not a report of hate
    if not all(CONTEMPT.search(q) or _UNWELCOME.search(q) for q in quoted):
        return None  # a quotation without contempt: the condemnation may be of its news
    outside = cut_out(text, quotes) or text
    # where each quotation was, in the text without them
    cuts, removed = [], 0
    for begin, end in quotes:
        cuts.append(begin - removed)
        removed += end - begin
    condemned = CONDEMNATION.search(outside, cuts[-1])
    if condemned is None or _GROUP.search(outside, 0, condemned.start()):
        return None  # a group named before the condemnation ("what is wrong with people?")
    if len(_SHAME.findall(outside)) > len(_SHAME.findall(condemned.group())):
        return None  # shame laid elsewhere too ("The real shame is the migrants.")
    if (
        _DISMISSED.search(outside)
        or _OWNED.search(outside)
        or _AGREEING.search(outside)
        or _ADDRESSED.search(outside)
        or SARCASM.search(outside)
        or _AFFIRMED.search(outside)
    ):
        return None
    if not _attributed(outside, cuts):
        return None
    return outside
