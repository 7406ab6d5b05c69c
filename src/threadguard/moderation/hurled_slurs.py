"""Slurs reported as abuse someone hurled: "Someone yelled 'go back to your camel,
towelhead' at my dad", "I heard 'dirty pikey' shouted at the Traveller kids in my class".

The coded-hate lexicon (:mod:`.coded_hate`) holds a slur wherever it stands, since a slur
is rarely anything but an attack. A victim or witness telling what was shouted at them is
the exception that matters most on a news site: a tenth news desk's tryout found both
comments above held, and the thread's signals then listed their writers beside the
abusers. A slur inside a quotation that a verb of hurling abuse introduces or follows is
named among the reasons and does not hold the comment by itself; the models still read
the comment and decide on it.

A reviewer's 119 sentences written to break the first version found what makes such a
report the writer's own abuse instead, and each is a reason to keep holding:

- the writer is the one who shouted ("I then yelled ...", "we all chanted ...",
  "I'm the one who shouted ..."): a first person shortly before the verb;
- the report is a wish, a plan or a call ("someone should have shouted ...", "next time
  I'll yell ...", "shout 'X' at them"): a modal or an imperative;
- the writer approves ("Someone yelled 'X' at him. Good.", "... and he is one",
  "quite right too", "lol"): :data:`APPROVED`, in the sentence or the two after it;
- the report is denied, which makes it nostalgia ("nobody ever shouted ... back then").

Told as suffered, the writer is the verb's object ("called me", "yelled at us"): whatever
first person stands before the verb, the writer did not hurl it (desk 82, session 53:
"When I joined in 2008 a sergeant called me 'the towelhead' for a whole year. Nobody did
anything." was held, since "a sergeant" is no subject :data:`OTHER_SUBJECT` knows and "I
joined" was read as the shouter). A bare slur after its verb counts only in the verb's
clause: "He called me racist, called him towelhead." is the writer's answer, held.

Everything here is pure and reads a bounded stretch of text around each quotation, so a
comment of thousands of quoted slurs is decided in linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from threadguard.moderation.quotes import INSTRUCTING, order_verb
from threadguard.moderation.sentences import sides

#: How far around a quotation, in characters, the words that report or approve it count.
NEAR: Final = 80
#: How many of the quotations opening nearest before a slur are read as its quotation.
NEAREST_QUOTES: Final = 3
#: Words for hurling abuse aloud or in writing, in any tense.
_SHOUT: Final = (
    r"(?:shout|yell|scream|chant|hurl|jeer|hiss|mutter|sneer|snarl|bellow|holler|bark)"
    r"(?:s|ed|ing)?|spat|spit(?:s|ting)?|sang|sing(?:s|ing)?|(?:called|calling|calls) out|"
    r"wrote|written|writes|writing|scrawl(?:s|ed|ing)?|spray[- ]?paint(?:s|ed|ing)?|"
    r"spray(?:s|ed|ing)?|paint(?:s|ed|ing)?|daub(?:s|ed|ing)?|graffitied|carv(?:ed|es|ing)|"
    r"etched|scratched|"
    # said to the one who tells it, or to theirs: "said on the phone", "said to my face"
    r"(?:said|says|saying)(?: it| that| this)? (?:to (?:me|us|my|our)(?: [\w'’-]+)?|"
    r"(?:on|over) the phone|in front of (?:me|us|my [\w'’-]+|our [\w'’-]+))|"
    # said as a habit: "Some customers still say 'ching chong' when they think I can't
    # hear." (news desk 49, session 47)
    r"(?<!\bi )(?<!\bwe )(?<!\bus )(?<!\byou )(?:still|often|sometimes|always|regularly|"
    r"constantly|used to) (?:say|says|said)"
)
#: The people abuse was hurled at, between the verb and the quotation ("yelled at my dad").
_AT: Final = r"(?: (?:at|to|on|across|outside) [\w'’-]+(?: [\w'’-]+){0,3}?)?"
#: A verb of hurling abuse just before the quotation: "someone yelled", "fans were chanting",
#: "kept shouting at the workers", "used to shout", "chants of", "kept calling her a".
HURLED: Final = re.compile(
    rf"(?:\b(?:(?:kept|keep|keeps) (?:on )?|used to |(?:was|were|is|are|be|been|being) "
    rf"(?:heard |caught )?)?(?:{_SHOUT}){_AT}"
    r"|\b(?:chants|cries|shouts|screams|taunts|jeers|calls) of"
    # desks 100 and 101 (session 55): "I got messages calling me a 'X'", "Saw someone on the
    # post call her a "X""
    r"|\b(?:called|(?:kept|keep|keeps|was|were|been|started|start|starts) (?:on )?calling|"
    r"(?:(?<=messages )|(?<=comments )|(?<=emails )|(?<=texts )|(?<=letters )|(?<=replies )|"
    r"(?<=tweets )|(?<=notes ))calling|"
    # a witness, who saw or heard a third person do it (not "watch me call her", "heard
    # enough ... time to call them": a code review's, session 55)
    r"(?:saw|seen|heard|watched) (?:(?:a|an|the|some|two|three|one of the) [\w'’-]+|someone|"
    r"somebody|people|fans|kids|lads)\b[^.!?\n]{0,50}?\bcall(?:ing)?) "
    r"(?:me|him|her|us|them|my [\w'’-]+|our [\w'’-]+)(?: an?)?)"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
#: The same suffered, however the sentence began: "I was called 'X' every day at school",
#: "my dad got called a 'X'" (a first person here is the victim, not the shouter).
HURLED_AT: Final = re.compile(
    r"(?:\b(?:was|were|been|got|get|gets|getting|being) (?:called|yelled at|shouted at|"
    r"screamed at|jeered at|abused as|branded)"
    # the passive's second verb: "people like me were locked away in institutions and
    # called 'spastics' to our faces" (news desk 49, session 47)
    # a participle before "and" ("locked away ... and called"), not "were at the match and
    # called him ...", which is the writers' own doing (a code review's)
    r"|\b(?:was|were|been|got|get|being) (?:[\w'’-]+ )?[\w'’-]+(?:ed|en|wn)\b[^.!?\"“”]{0,60}?"
    r"\band (?:called|branded))"
    r"(?: an?)?\s*[,:]?\s*$",
    re.IGNORECASE,
)
#: Abuse the writer or someone received in writing, a colon introducing it: "the abuse I got
#: after posting in support on the community page: \"go back to the desert you raghead\""
#: (desk 60, session 49), "The message my son was sent: '...'".
RECEIVED: Final = re.compile(
    r"\b(?:abuse|messages?|comments?|repl(?:y|ies)|dms?|e-?mails?|texts?|notes?|letters?|"
    r"voicemails?|threats?|insults?)\s+(?:that\s+)?(?:i|we|he|she|they|(?:my|our|his|her|their)"
    r"\s+[\w'’-]+)\s+(?:(?:have|has|had)\s+(?:been\s+)?|(?:was|were|am|is|are)\s+)?"
    # sent only as suffered ("was sent", "got sent"): "the message I sent him:" is the
    # writer's own
    r"(?:got|get|gets|getting|received|receive|receives|(?<=was )sent|(?<=were )sent|"
    # not what the writer sent: "The reply he got from me: ...", "from us lads"
    r"(?<=been )sent|(?<=got )sent)\b(?:(?!\bfrom (?:me|us|my|our)\b)[^.!?\"“”‘'’:]){0,80}:\s*$",
    re.IGNORECASE,
)
#: The verb after the quotation, with at most a short subject between: "'Dirty pikey,' he
#: yelled", "“Towelhead!” someone yelled", "'Pakis out' was sprayed on the door", "I heard
#: 'X' shouted at the kids".
HURLED_AFTER: Final = re.compile(
    r"^\s*[,:!?]?\s*(?P<who>(?:[\w'’-]+ ){0,3}?)"
    rf"(?:(?:was|were|is|are|being|got|gets|had been|has been|have been) )?(?:{_SHOUT})\b",
    re.IGNORECASE,
)
#: The writer as the one who hurled it: a first person within a few words before the verb,
#: or as the subject after the quotation ("I then yelled", "me and the lads shouted").
FIRST_PERSON_NEAR: Final = re.compile(
    r"\b(?:i|we|i'm|i've|we're|we've|me and|myself|ourselves|our)\b[^.!?;:]{0,40}$",
    re.IGNORECASE,
)
#: Someone else as the subject after the writer's "I" and before the verb: "I was on the
#: train when a man hissed ...", "we were leaving when some lads shouted ...".
OTHER_SUBJECT: Final = re.compile(
    r"\b(?:someone|somebody|he|she|they|(?:a|an|the|some|this|that|two|three|several|these|"
    r"those)\s+(?:[\w'’-]+\s+){0,2}?(?:man|men|woman|women|guy|guys|bloke|blokes|lad|lads|kid|"
    r"kids|boy|boys|girl|girls|fan|fans|driver|passenger|stranger|group|gang|neighbou?r|"
    r"customer|teenagers?|people|crowd|couple|youths?|thugs?))\b",
    re.IGNORECASE,
)
#: The one it was hurled at is the writer or theirs, just after the quotation ("... at me
#: in year seven"): a first person before the verb is then the victim remembering it ("I
#: still remember the boy who shouted 'X' at me").
VICTIM_AFTER: Final = re.compile(r"^\s*[,:]?\s*(?:at|to) (?:me|us|my|our)\b", re.IGNORECASE)
#: The writer as the verb's object ("called me", "yelled at us", "said to me"): whoever
#: hurled it, the writer is the one who suffered it, whatever first person stands before
#: the verb ("When I joined in 2008 a sergeant called me 'the towelhead' for a whole year":
#: desk 82, held as the writer's own slur since "a sergeant" is no subject
#: :data:`OTHER_SUBJECT` knows). Not "my" or "our": "I called my brother a ..." is the
#: writer's own doing.
VICTIM_IN_VERB: Final = re.compile(r"\b(?:me|us)\b", re.IGNORECASE)
_FIRST_WORD: Final = re.compile(r"\b(?:i|we|me|us)\b", re.IGNORECASE)
#: A report that is really a wish, a plan, a call or a denial: a modal, "next time",
#: "nobody ever", or the sentence opening on the verb (an imperative: "Shout 'X' at them").
_NOT_A_REPORT_WORDS: Final = (
    r"should|shoulda|wish|wished|hope|hoping|will|would|wanna|let'?s|gonna|going to|"
    r"next time|must|ought|need to|needs to|nobody|no one|never|nothing wrong"
)
NOT_A_REPORT: Final = re.compile(rf"\b(?:{_NOT_A_REPORT_WORDS}|if)\b|(?:'ll|'d)\b", re.IGNORECASE)
_IMPERATIVE: Final = re.compile(rf"^\W*(?:just |go |and )?(?:{_SHOUT}|call|calls)\b", re.IGNORECASE)
#: The writer approving what was hurled, in the quotation's sentence or just after it.
APPROVED: Final = re.compile(
    r"(?:^|[.!?]\s*)(?:good|great|excellent|brilliant|nice|based|legend|hero|correct|true|"
    r"agreed|fair|accurate|yes|yep|bravo|classic|love it)\s*(?:[.!]+|$)|"
    r"\b(?:quite right|rightly so|about time|hear,? hear|couldn'?t (?:have )?said it better|"
    r"can'?t argue|well said|fair enough|as (?:it|they|he|she) should|serves? (?:him|her|them) "
    r"right|had it coming|deserved (?:it|that|every word)|(?:he|she|they|it) deserved|"
    r"more of (?:this|that)|do it again|so do (?:i|we)|me too|same here|"
    r"love (?:it|this|that)|nice one|good on (?:him|her|them|the lad|the lads|that|the bloke)|"
    r"respect to|legend|hero|lol|lmao|rofl|haha+|just a word|only banter|just banter|"
    r"(?:it's|it is) (?:only |just )?banter|"
    r"and (?:he|she|they|it) (?:is|are|was|were) (?:one|right|correct)|"
    r"that'?s what (?:he|she|they) (?:is|are)|(?:he|she|they|you)(?:'s| is|'re| are| was| were) "
    r"(?:right(?! to\b)|correct|spot on|not wrong)|(?:has|have|had) a point|"
    r"fits?|fitting|accurate(?:ly)?|apt|the truth|(?:isn'?t|is not|nothing) racist|"
    r"brilliant|best thing|never wrong|(?:knew|know) (?:their|his|her) place|"
    r"wish (?:more|i|we|there were|i'd|i had)|(?:had|has|have) the guts|"
    r"(?:i|we) (?:[\w'’-]+ )?laugh(?:ed|ing)|made (?:me|us) laugh|"
    r"(?:i|we) (?:still |always )?(?:call|calls) (?:them|him|her)|keep (?:on )?calling)\b|[😂🤣👏]",
    re.IGNORECASE,
)
#: Opening marks a quotation of a plural slur may start with, where the quotation finder
#: reads the closing ' of "'towelheads'" as a plural's apostrophe.
_OPENERS: Final = "'‘\"“"


def _plural_quotation(text: str, begin: int, end: int) -> tuple[int, int] | None:
    """The quotation around a slur that closes after a plural ("'go home, pakis'",
    "‘ragheads’", "'no more muzzie mayors'"), which
    :func:`~threadguard.scoring.quotations.quotation_spans` leaves unpaired (it reads "s'"
    as a plural's apostrophe): the first "s'" after the slur in its sentence and the
    nearest opening mark before it, with no mark between."""
    left, right = sides(text, begin, end, NEAR)
    close = None
    for k, c in enumerate(right):
        if c in "'’\"”" and not right[k + 1 : k + 2].isalnum():
            if (right[k - 1] if k else text[end - 1]) in "sS" and c in "'’":
                close = end + k
            break  # a mark that closes a quotation, or another: the first decides
    if close is None:
        return None
    for k in range(len(left) - 1, -1, -1):
        c = left[k]
        after_word = k > 0 and left[k - 1].isalnum()
        if c in _OPENERS and not after_word:
            return begin - len(left) + k, close + 1
        if c in "'’”\"" and after_word and not left[k + 1 : k + 2].isalnum():
            return None  # a quotation closes between: the slur is outside it
    return None


def _writer_shouted(before: str) -> bool:
    """Whether the writer is the subject of the verb that ``before`` leads to: a first
    person shortly before it, with no one else named after it."""
    first = FIRST_PERSON_NEAR.search(before)
    if first is None:
        return False
    if first.group(0).lower().startswith(("me and", "our")):
        return True  # "me and the lads", "our whole stand": the writer's own company
    return OTHER_SUBJECT.search(before[first.start() :]) is None


def _reported(text: str, b: int, e: int) -> bool:
    """Whether the quotation ``text[b:e]`` is introduced or followed as abuse someone else
    hurled, and neither wished, planned, called for, denied nor approved."""
    left, right = sides(text, b, e, NEAR)
    if NOT_A_REPORT.search(left) or _IMPERATIVE.search(left):
        return False
    passive = HURLED_AT.search(left) is not None or RECEIVED.search(left) is not None
    hurled = HURLED.search(left)
    active = hurled is not None and (
        not _writer_shouted(left[: hurled.start()])
        or VICTIM_AFTER.search(right) is not None
        or VICTIM_IN_VERB.search(hurled.group(0)) is not None
    )
    after = HURLED_AFTER.search(right)
    followed = after is not None and not _FIRST_WORD.search(after.group("who"))
    if not (passive or active or followed):
        return False
    return APPROVED.search(left + " " + text[e : e + 2 * NEAR]) is None


#: A slur written without quotation marks counts as reported only right after its verb
#: (at most a few words of the shouted phrase between: "yelled go home paki at my mum"),
#: suffered ("was called a paki", "being called a freak and a groomer": a short list of
#: names; a reviewer's, session 40) or with the writer or theirs named as the victim after it.
HURLED_BARE: Final = re.compile(
    HURLED.pattern.removesuffix(r"\s*[,:]?\s*$") + r"\s*[,:]?\s*(?P<gap>(?:[\w'’-]+,? ){0,4})$",
    re.IGNORECASE,
)
#: Words between a bare slur's verb and the slur that start a clause of the writer's own:
#: "He called me racist, called him towelhead." answers the verb with the writer's slur.
GAP_CLAUSE: Final = re.compile(
    r"\b(?:i|we|so|then|but|because|call|calls|called|calling)\b", re.IGNORECASE
)
HURLED_AT_BARE: Final = re.compile(
    HURLED_AT.pattern.removesuffix(r"\s*[,:]?\s*$")
    + r"\s*(?:[\w'’-]+,?\s+(?:(?:and|or)\s+)?(?:an?\s+)?){0,3}$",
    re.IGNORECASE,
)


#: Approval of an order reported, after it, beyond :data:`APPROVED`: "Needed saying.",
#: "Someone had to.", "100%.", "He wasn't wrong.", "Dad was right.", "Wise man.", "I'd buy
#: that man a pint." (a reviewer's sentences against the first version, which read none of
#: them). The bare forms only as a sentence of their own, and "was right" or "wasn't wrong"
#: only of the one who gave the order: a second reviewer's civil follow-ups ("The driver
#: who threw him off was right.", "Spot on reporting by the Echo", "100% of the people in
#: that shop looked away", "Finally someone at the paper is covering this", "👍 to the bus
#: driver") were held by a first version that took the words anywhere.
ORDER_APPROVED: Final = re.compile(
    r"(?:^\s*|[.!?]\s*)(?:needed (?:to be )?sa(?:ying|id)|someone had to(?: say it)?|"
    r"wise (?:man|woman|words|bloke)|spot on|bang on|100 ?%|finally someone(?: with a spine)?|"
    r"someone with a spine|(?:we need |need )?more (?:people |men )?like (?:him|her|them|that)|"
    r"👍+)\s*(?:,\s*(?:mate|tbh|honestly|though))?\s*(?:[.!]|$)"
    r"|(?:^\s*|[.!?,;]\s*)(?:(?:and|but|honestly|tbh|frankly),?\s+)*(?:he|she|they|"
    r"(?:that|the) (?:man|bloke|guy|lad|woman|fella|fan|passenger|customer)|dad|grandad|mum|gran|"
    r"whoever (?:said|did) (?:it|that))\s+(?:(?:wasn['’]t|was not|isn['’]t|is not|weren['’]t|"
    r"aren['’]t) wrong|(?:was|is|were|are) (?:dead |absolutely |completely |100% )?right(?! to))"
    r"|\b(?:buy|bought) (?:that|the|him|her) (?:man |bloke |guy |lad |woman )?a (?:pint|drink)",
    re.IGNORECASE,
)
#: A wish, plan, call or denial before an order, as :data:`NOT_A_REPORT` but for "if":
#: "If a customer tells you to '...', you can refuse service" tells of abuse to expect.
NOT_AN_ORDER_REPORT: Final = re.compile(
    rf"\b(?:{_NOT_A_REPORT_WORDS})\b|(?:'ll|'d)\b", re.IGNORECASE
)
#: Words before an order that leave it no subject of its own: an imperative or a dropped
#: "I" ("Keep telling them ...", "Been telling them for years ...", "Make sure they're
#: told ...").
_NO_SUBJECT: Final = re.compile(
    rf"^\W*(?:(?:and|so|just|always|still|please|i|we)\s+)*(?:{INSTRUCTING})\b|^\W*$",
    re.IGNORECASE,
)


def order_reported(text: str, begin: int, end: int) -> bool:
    """Whether the quotation ``text[begin:end]`` is an order someone else gave, reported
    ("On Thursday a man told a Nigerian customer, a nurse who has lived here twelve
    years, to 'go back to the jungle where you belong'."): the verb of ordering
    (:func:`~.quotes.order_verb`) with a subject that is not the writer, neither wished,
    planned, called for nor denied (:data:`NOT_A_REPORT`), and not approved before or after
    (:data:`APPROVED`, :data:`ORDER_APPROVED`). A reviewer's 62 sentences against the first
    version, which read only "told ... to": the writer's own order ("I went into the
    barbers and told ..."), a call ("They should all be told ..."), an instruction ("Keep
    telling them ...") and approval after ("Needed saying.") were read as reports."""
    left, _ = sides(text, begin, end, 2 * NEAR)
    verb = order_verb(left)
    if verb is None or NOT_AN_ORDER_REPORT.search(left):
        return False
    subject = left[: verb.start()]
    if _NO_SUBJECT.search(subject) or _writer_shouted(subject):
        return False
    after = text[end : end + 2 * NEAR]
    around = text[max(0, begin - 2 * NEAR) : begin] + " " + after
    return APPROVED.search(around) is None and ORDER_APPROVED.search(after) is None


def _reported_bare(text: str, begin: int, end: int) -> bool:
    """Whether the slur at ``text[begin:end]``, in no quotation, is told as suffered: "My
    dad was called a paki at work for twenty years", "kids shouted towelhead at me every
    day" (the victim named after it), neither wished nor approved."""
    left, right = sides(text, begin, end, NEAR)
    if NOT_A_REPORT.search(left) or _IMPERATIVE.search(left):
        return False
    passive = HURLED_AT_BARE.search(left) is not None
    hurled = HURLED_BARE.search(left)
    if hurled is not None and GAP_CLAUSE.search(hurled.group("gap")):
        hurled = None  # the slur stands in a clause of its own after the verb's
    victim = VICTIM_AFTER.search(re.sub(r"^[\w'’-]*", "", right)) is not None
    verb = "" if hurled is None else hurled.group(0)[: hurled.start("gap") - hurled.start()]
    if re.search(r"\b(?:me|us|my|our)\b", verb, re.I):
        victim = True  # "kept calling my sister a raghead": the victim within the verb
    active = (
        hurled is not None
        and victim
        and (VICTIM_IN_VERB.search(verb) is not None or not _writer_shouted(left[: hurled.start()]))
    )
    if not (passive or active):
        return False
    return APPROVED.search(left + " " + text[end : end + 2 * NEAR]) is None


def hurled_and_reported(text: str, quotes: list[tuple[int, int]], begin: int, end: int) -> bool:
    """Whether the slur at ``text[begin:end]`` is abuse someone hurled, reported: inside
    a quotation (of ``quotes``, sorted by opening; or a plural's, :func:`_plural_quotation`)
    that :func:`_reported` accepts, or told as suffered without one (:func:`_reported_bare`)."""
    last = bisect_left(quotes, (begin, -1))
    candidates = [(b, e) for b, e in quotes[max(0, last - NEAREST_QUOTES) : last] if end < e]
    plural = _plural_quotation(text, begin, end)
    if plural is not None:
        candidates.append(plural)
    if candidates:
        return any(_reported(text, b, e) for b, e in candidates)
    return _reported_bare(text, begin, end)
