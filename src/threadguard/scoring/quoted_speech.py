"""Hate quoted to condemn it: 'Someone sprayed "Muslims are terrorists" on the mosque. Shameful.'

Counter-speech quotes what it answers. The models read the quoted words as the writer's
own: a reader who reports that protesters chanted "deport every last Muslim" and asks
others to think about it is held at toxicity 0.51. So where a comment quotes words in
double quotation marks and, outside the quotation, condemns what it quotes (a word of
:data:`CONDEMNING`: "shameful", "bigotry", "racism", "hate speech", "report them",
"think about that"; not "racist" or "bigot", which name a person as readily), the comment is read again without the quotation, and toxicity,
severe toxicity, insult and identity attack keep the lower reading. Threat and the rest
keep the comment's own, and the threat list and the coded-hate lexicon (moderation
phases) still read the whole text.

What stays outside the quotation is read as before, so hate written around a quotation
is still read ('"Refugees welcome", they say. Shameful: they are parasites.' is held on
its second sentence). Read as written:

- a quotation the comment agrees with ("he was right", "so true", "exactly", "spot on",
  "agree", "well said", "facts", "about time");
- a comment that speaks to someone outside the quotation ("you", "your"): a quotation
  answered with an attack on who said it;
- a condemning word that disowns the writer's own claim ("call me racist, but ...", "I'm
  not a bigot, but ...", "it may sound racist");
- any mark of sarcasm (:data:`threadguard.scoring.negated_claims.SARCASM`);
- scare quotes: a quoted word or two that no reporting word ("calling", "described as",
  "chanted", "wrote") stands just before ('another "Swedish" man', 'so-called "refugees"'):
  irony, the writer's own sneer;
- a comment that is mostly quotation (a quoted post passed on), a quoted post ("@name:
  ..."), and a comment with an unpaired quotation mark;
- single quotation marks (apostrophes cannot be told from them), and quotations longer
  than :data:`LONGEST` characters.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.scoring.negated_claims import SARCASM
from threadguard.scoring.rereading import cut_out

#: The attributes the reading without the quotation may lower.
QUOTE_ATTRIBUTES: Final = frozenset({"toxicity", "severe_toxicity", "insult", "identity_attack"})
#: The longest quotation cut, in characters: a longer one is most of a comment.
LONGEST: Final = 200

_QUOTED: Final = re.compile(r"\"([^\"\n]{1,200})\"|“([^“”\n]{1,200})”|«([^«»\n]{1,200})»")
#: Words and phrases that condemn what a comment quotes.
CONDEMNING: Final = re.compile(
    r"\b(?:shame(?:ful|fully)?|disgrace(?:ful)?|bigotry|racism|xenophobia|anti-?semitism|"
    r"homophobia|transphobia|islamophobia|misogyny|hate\s+(?:speech|crimes?|mail|campaigns?|"
    r"messages?|graffiti|leaflets?)|hatred|dehumanis\w*|dehumaniz\w*|unacceptable|"
    r"appalling|abhorrent|condemn\w*|report\s+(?:them|it|this)|call(?:ed|ing)?\s+(?:it|them)\s+"
    r"out|think\s+about\s+(?:that|it)|nobody\s+stopped|no\s+one\s+stopped|not\s+activism|"
    r"should\s+shame|ashamed)\b",
    re.IGNORECASE,
)
#: The writer speaks to someone: a quotation answered with an attack ("So says Mr Wells
#: ... you carry on that tradition") is no report.
_ADDRESSED: Final = re.compile(r"\b(?:you|your|yours|yourself|u|ur)\b", re.IGNORECASE)
#: The writer agrees with the quotation, or disowns a condemning word about their own
#: words: then the quotation is the writer's.
_AGREEING: Final = re.compile(
    r"\b(?:(?:he|she|they|it)\s*(?:was|is|are|were|'s|’s|'re|’re)\s+(?:right|correct|"
    r"not\s+wrong)|so\s+true|exactly|spot\s+on|agreed?|well\s+said|facts|about\s+time|"
    r"finally\s+someone|can['’]?t\s+argue|true|amen|preach|correct)\b|"
    r"\b(?:call\s+me|i['’]?m\s+not|i\s+am\s+not|not\s+being|may\s+sound|might\s+sound|"
    r"sounds?|labelled|labeled|branded)\s+(?:an?\s+)?(?:racist|bigot\w*|xenophob\w*|"
    r"islamophob\w*|homophob\w*|anti-?semit\w*)",
    re.IGNORECASE,
)


#: Words that report what someone said or wrote, before a short quotation: "leaflets
#: calling refugees "rats"", "described migrants as an "invasion"".
_REPORTED: Final = re.compile(
    r"\b(?:call(?:ed|ing|s)?|described|describing|as|claim(?:ed|ing|s)?|said|says|saying|"
    r"wrote|writes|writing|read|reads|chant(?:ed|ing|s)?|shout(?:ed|ing|s)?|yell(?:ed|ing|s)?|"
    r"label(?:l?ed|l?ing|s)?|brand(?:ed|ing|s)?|term(?:ed|ing|s)?|words?|slurs?|sprayed|"
    r"painted|daubed|scrawled|posted|tweeted|printed|signs?|banners?|placards?)\b"
    r"(?:\W++\w++){0,3}?\W*+$",
    re.IGNORECASE,
)
#: Words in a quotation at most this many are a quoted word, not a quoted sentence.
SHORT: Final = 2


def _scare_quotes(text: str, quotes: list[re.Match[str]]) -> bool:
    """Whether any short quotation is irony rather than report: 'another "Swedish" man',
    'the so-called "refugees"': a word of at most :data:`SHORT` words that no reporting
    word stands just before."""
    for quote in quotes:
        words = quote.group(quote.lastindex or 0).split()
        if len(words) > SHORT:
            continue
        before = text[max(0, quote.start() - 60) : quote.start()]
        if re.search(r"so[\s-]called\W*$", before, re.IGNORECASE) or not _REPORTED.search(before):
            return True
    return False


def without_condemned_quotes(text: str) -> str | None:
    """``text`` without the quotations it condemns; None where it condemns none."""
    if '"' not in text and "“" not in text and "«" not in text:
        return None
    matches = list(_QUOTED.finditer(text))
    if not matches or _scare_quotes(text, matches):
        return None
    quotes = [m.span() for m in matches]
    if text.count('"') % 2 or sum(e - b for b, e in quotes) * 2 > len(text.strip()):
        return None  # an unpaired mark, or a comment that is mostly quotation
    if any(m.group(m.lastindex or 0).lstrip().startswith(("@", "RT ")) for m in matches):
        return None  # a quoted post, answered or passed on: not a report of hate
    outside = cut_out(text, quotes) or text
    if not CONDEMNING.search(outside) or _AGREEING.search(outside) or SARCASM.search(text):
        return None
    if _ADDRESSED.search(outside):
        return None
    return cut_out(text, quotes)
