"""A reply of bare agreement with what the team's lists hold in the comment it answers.

The engine reads "Agreed." as its parent's words when the parent's scores are plainly
abusive (:mod:`threadguard.scoring.endorsements`), but the lists exist for what the scores
miss: "100% agree, about time someone said it." under "Jews control the banks and the
media." (a trope the coded-hate lexicon holds, the models score low) was published, as was
"Stimmt genau." under a call to burn a refugee home in German (session 34's news-desk
tryout). So the phase reads the parent with the lists the policy turns on -- threats,
coded hate, the other languages' abusive words -- and a reply that only agrees with a
parent one of them holds is decided as that parent would be, with the reason naming what
it agrees with. A quoted, reported or rebutted phrase in the parent does not carry over.

One reply to a reported phrase does: approval of the one who said it. Under a victim's or
witness's report of a slur or a threat, now published (:mod:`.hurled_slurs`), two news
desks' readers answered "Maybe he should take the hint.", "He's not wrong though.", "Broker
was only being honest.", "Whoever did it has a point." -- hate only through the parent,
which the models read as calm. A short reply that speaks well of someone in the third
person (:data:`APPROVES_SPEAKER`) under a parent in which the lists found a slur, a threat
or a call that someone said (quoted, or reported as hurled), not held for, is held,
naming it; not where the parent rebuts the words in its own voice. Since session 47 the
parent need hold no list's find where it tells of abuse someone received in the writer's
own words ("one man shouted at us through the door" answered "Maybe the man at the door
had his reasons."): four news desks wrote seven such replies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from threadguard.agreement import endorses
from threadguard.moderation.abusive_words import AbusiveMatch, match_abusive_words
from threadguard.moderation.coded_hate import ACTING, CodedMatch, match_coded
from threadguard.moderation.policy import SiteRules
from threadguard.moderation.threats import ThreatMatch, match_threats
from threadguard.normalize import normalize_text
from threadguard.scoring.group_words import GROUP_FORMS, names_group
from threadguard.scoring.quotations import Lean, Quotations


@dataclass(frozen=True)
class ListFinds:
    """What the lists found in the comment a reply answers: its codes (not its author
    name's), threats and abusive words, each with whether it is reported or rebutted."""

    coded: tuple[CodedMatch, ...] = ()
    threats: tuple[ThreatMatch, ...] = ()
    abusive: tuple[AbusiveMatch, ...] = ()
    #: The reasons the parent's own decision held it for that agreement takes over (in a
    #: thread: plain abuse in the models' reading of it with what it answers, or a list's
    #: find: :func:`threadguard.moderation.moderator.carried`); empty otherwise.
    held_for: tuple[str, ...] = ()


def parent_finds(parent: str, rules: SiteRules, language: str | None) -> ListFinds:
    """The lists' finds in a parent known only by its text (a reply scored alone, with its
    parent's text): read as the reply's language, without the parent's own context. In a
    thread the moderator passes the finds of the parent's own decision instead, which
    read its language and what it answers ("The groomers have captured every sports
    body." is coded hate under an article about a trans athlete: desk 15)."""
    return ListFinds(
        tuple(match_coded(parent, ignore=rules.coded_ignore, language=language))
        if rules.coded_action != "off"
        else (),
        tuple(match_threats(parent, language=language)) if rules.threat_action != "off" else (),
        tuple(match_abusive_words(parent, language=language))
        if rules.abusive_action != "off"
        else (),
    )


def agreed_reasons(
    text: str,
    parent: str,
    rules: SiteRules,
    language: str | None,
    finds: ListFinds | None = None,
) -> list[str]:
    """The reasons a reply agrees with what the lists hold in ``parent`` (``rules``: the
    policy's site rules; ``finds``: the lists' finds in it, if known); none when the reply
    is not bare agreement or the parent holds nothing."""
    if not parent.strip() or not endorses(text, parent):
        return []
    found = parent_finds(parent, rules, language) if finds is None else finds
    held: list[str] = []
    if rules.threat_action in ACTING:
        held += [t.reason() for t in found.threats if t.holds]
    if rules.coded_action in ACTING:
        held += [m.reason() for m in found.coded if not m.rebutted]
    if rules.abusive_action in ACTING:
        held += [m.reason() for m in found.abusive if m.holds]
    if not held and found.held_for:
        # the parent's own decision held it for abuse on its scores, read with what it
        # answers: "This. Spot on." under "Another DEI hire. ... Just asking." (identity
        # attack 0.33 with the article's title, under the engine's plain-abuse floor
        # alone) was published (a seventeenth news desk). A close call carries nothing
        # over (an eighteenth); a parent held wrongly takes its agreement with it, and a
        # moderator releases both.
        held = [f"a comment held for {found.held_for[0]}"]
    return [f"agrees with what it answers: {r}" for r in dict.fromkeys(held)]


#: Who the approval is of, named by a noun the parent's report uses for them ("Driver had a
#: point", "Stranger was right", "the lads on the bus"), with or without an article; not
#: after "your", "my", "our" (the reader's own people).
_NOUN_SPEAKER: Final = (
    r"(?:(?:the|that|this|those) )?(?:old |taxi |van |bus |young )?(?:kid|kids|driver|stranger|"
    r"commenters?|fella|bloke|lads?|woman|man|guy|neighbour|teenagers|writer|note[- ]?writer|"
    # session 48's news desks: "Landlady had the right idea." under her sign's slur
    r"landlord|landlady|publican|heckler|hecklers|"
    # a blind review's (session 55): "Honestly, the vandal isnt wrong." (not "the person
    # who posted this": the parent's own writer, a code review's)
    r"vandals?|"
    # a blind review's: "The note said what we're all thinking."
    r"note|letter|leaflet|flyer|graffiti|sign|card|message)"
    # "The guy yelling had a point." (session 48)
    # "the guy who did that had the right idea" (desk 97, session 55): any of the verbs a
    # report uses, of it, that or this
    r"(?: (?:yelling|shouting|screaming|who (?:yelled|shouted|screamed|(?:said|wrote|did|"
    r"sprayed|painted|scrawled|sent|left) (?:it|that|this))))?"
    r"(?: (?:outside|at|in|on|by|from|with) (?:(?:the|that|this|a) )?[\w'’-]+)?"
)
#: Who the approval is of: he, she, they, "whoever did it", or a word for a stranger ("that
#: bloke", "the lads"); not "your dad", "the officer", "the rabbi" or "you" (a reviewer's
#: civil replies under victims' reports: "Your dad has a point. Report it.", "The officer's
#: not wrong.", held by a first version that took any noun).
_SPEAKER: Final = (
    r"(?:he|she|they|whoever(?: [\w'’-]+ (?:it|that|this|him|her|them|the [\w'’-]+)"
    # "Whoever called him that might have had a point" (a blind review's)
    r"(?: that| names| it)?"
    # the verb alone: "Whoever shouted had a point." (news desk 77, session 52)
    r"| (?:shouted|yelled|screamed|wrote|said|sprayed|painted|sent|did))?|"
    r"(?:the|that|this|those) (?:guy|bloke|man|lad|lads|fella|fan|fans|kid|kids|boys|woman|"
    r"passenger|idiot)|" + _NOUN_SPEAKER + r"|"
    # session 47's news desks: "Sounds like somebody had the right idea.", "Note writer
    # wasn't wrong though.", "Bloke outside the bakery had a point though."
    r"some(?:one|body)|(?:(?:the|that|this) )?(?:note|letter|message|card|graffiti)[- ]?"
    r"(?:writer|sender|author))"
)
# whoever did it: "whoever sent it", "whoever messaged him", "whoever wrote that letter"
_WHOEVER: Final = r"whoever [\w'’-]+ (?:it|that|this|him|her|them|(?:the|that|this) [\w'’-]+)"
#: What may follow the verdict before its sentence ends: "though", "tbh", "lol", an emoji.
_FILL: Final = (
    r"(?:\s*(?:,\s*)?(?:though|tho|tbh|tbf|to be fair|to be honest|really|honestly|mate|either|"
    r"there|lol|lmao|haha|ngl|mind|like|in fairness|[\U0001F300-\U0001FAFF]))*"
    r"(?:\s*(?:,\s*)?(?:is|isn['’]t|was|wasn['’]t|are|aren['’]t) (?:he|she|they|it)"
    r"(?=\s*(?:[.!?…]|$)))?"
)
#: A tag question after a verdict ("He's not wrong, is he?"): a statement, not a question.
_TAG: Final = re.compile(
    r"\s*(?:,\s*)?(?:is|isn['’]t|was|wasn['’]t|are|aren['’]t) (?:he|she|they|it)\s*\?",
    re.IGNORECASE,
)
#: A verdict that ends on its own tag ("not wrong, are they"), whose "?" is the tag's.
_ENDS_ON_TAG: Final = re.compile(
    r"(?:is|isn['’]t|was|wasn['’]t|are|aren['’]t|were) (?:he|she|they|it)$", re.IGNORECASE
)
#: Approval of whoever said it, as a terse verdict that ends its sentence: "he's not
#: wrong", "whoever did it has a point", "had the right idea", "knew what he was doing",
#: "maybe he should take the hint", "the only sane person in that car park", "best thing
#: anyone said all night", "can't blame him", "nothing wrong with that", "not the worst idea
#: I've heard today" (an eighteenth news desk, under a report of "gas the lot of them"),
#: "if the cap fits", "not wrong is he", "he got that one right for once" (a nineteenth's;
#: "Can't say I blame him.", a twenty-seventh's in session 44, but not "I don't blame her",
#: as often said of the victim;
#: not "not wrong to be angry", "has a point about the police": the sentence goes on).
APPROVES_SPEAKER: Final = re.compile(
    rf"(?:(?<!your )(?<!my )(?<!our )\b{_SPEAKER}(?:['’]s| is| was| were| are| has| had|"
    r" have|['’]ve|['’]re)?\s+"
    # typed without the apostrophe too: "whoever wrote it wasnt wrong" (desk 97, session 55)
    r"(?:(?:not|isn['’]?t|ain['’]?t|wasn['’]?t|aren['’]?t|weren['’]?t) wrong|"
    r"(?:got |has |had |have )?a point|"
    r"(?:might|may|must|could) (?:have|['’]ve) had a point|"
    r"(?:(?:was|were|is|are) )?(?:only|just) being honest|(?:(?:had|has|have) )?(?:got )?"
    r"the right idea|"
    r"(?:had|has|have|must have had|must've had) (?:his|her|their) reasons|"
    r"knew (?:exactly )?what (?:he|she|they) (?:was|were) doing|(?:only |just )?(?:said|says|"
    r"saying|say) (?:(?:out loud|aloud|openly) )?what (?:we|everyone|everybody|everyone else|"
    r"the rest of us|(?:most|many|a lot|lots|loads|half|plenty|all) of us|(?:most|many|a lot "
    r"of) (?:decent |normal |ordinary )?(?:people|folk)|the silent majority|half the (?:town|"
    r"country|village|city|street|estate))(?:['’]s|['’]re| is| are| was| were)?(?: all)? "
    r"(?:thinking|think|thought|(?:too )?(?:afraid|scared) to say)|was right)"
    r"|(?:^|[.!…]\s*|\b(?:maybe|hopefully|time|perhaps)\s+)(?:he|she|they)(?:['’]ll)? "
    r"(?:should |ought to |needs? to |will |)(?:take|took|takes) the hint"
    r"|(?:^|[.!…]\s*)(?:(?:that['’]?s|that is|it['’]?s|sounds like) )?not (?:the worst|a bad|"
    r"such a bad) (?:idea|shout|plan)(?: (?:i['’]ve|i have) (?:heard|read|seen)(?: (?:all|this) "
    r"(?:day|week|year)| today)?)?"
    r"|(?:^|[.!…]\s*)if the (?:cap|shoe) fits(?:,? wear it)?"
    r"|(?:^|[.!…]\s*)not wrong,? (?:is|was|are|were) (?:he|she|they)"
    rf"|\b{_SPEAKER} (?:got|get|gets|has got|had got) (?:it|that|that one) (?:right|spot on)"
    r"(?: for once| again| there)?"
    r"|\bbest thing (?:anyone|anybody|i(?:['’]ve| have)?) (?:has |have )?(?:said|heard|read|"
    r"wrote|written|posted)(?: (?:all|this) (?:night|day|week|year))?"
    r"|^\W*(?:sounds like )?(?:the )?only sane (?:one|person|man|woman|people|bloke)"
    r"(?: (?:in|at|on) (?:the|that|this) [\w'’-]+(?: [\w'’-]+)?)?"
    r"|\b(?:(?:can['’]?t|cannot|can not) (?:(?:really |honestly )?say (?:as )?i(?:['’]d| would)? "
    r"|really |honestly )?blame (?:him|her|them|whoever [\w'’-]+ (?:it|that)|the (?:fella|bloke|"
    r"guy|man|lad|lads|fan|fans|woman|passenger|writer|driver|kid|kids|stranger|neighbour))|nothing wrong with "
    r"(?:that|it|what (?:he|she|they) (?:said|wrote|shouted))|about time (?:someone|somebody) "
    r"said it|(?:someone|somebody) had to say it|fair play to (?:him|them|whoever [\w'’-]+ "
    r"(?:it|that))|(?:legend|hero|spot on|bang on|top man),? whoever [\w'’-]+ (?:it|that)|"
    r"whoever [\w'’-]+ (?:it|that) is an? (?:legend|hero))"
    # a blind review's (session 47): the noun the report used, said to be right; praise of
    # "whoever" did it; the note itself agreed with; the lads praised
    rf"|(?<!your )(?<!my )(?<!our )\b{_NOUN_SPEAKER}(?:['’]s| is| was| are| were)\s+"
    r"(?:(?:dead|absolutely|totally|completely|quite|so|100%) )?(?:right|spot on|bang on|"
    r"on the money)"
    r"|\b(?:hats off|fair play|respect|kudos|props|more power|all credit) to whoever"
    r"(?: [\w'’-]+ (?:it|that|this|him|her|them|(?:the|that|this) [\w'’-]+))?"
    r"|\b(?:legend|hero|top man|spot on|bang on|nice one|good on|good for|well done|cheers),? "
    r"(?:to )?whoever (?:he|she|they|that|it) (?:was|were|is|are)"
    # a final blind review's (session 47): "Nice one, whoever that was.", "Well done lads."
    r"|\b(?:nice one|good on|good for|well done|cheers|respect),? (?:to )?whoever [\w'’-]+ "
    r"(?:it|that|this|him|her|them)|\bwell done,? (?:the )?lads"
    rf"|\b{_WHOEVER} (?:deserves a (?:medal|knighthood|pint)|"
    r"should (?:run for [\w'’-]+|get a medal|be (?:pm|prime minister|mayor))|knows the score|"
    r"(?:is|was)(?: (?:dead|absolutely|totally|100%))? (?:right|spot on|bang on|a legend|a hero))"
    r"|\bcan['’]?t argue with (?:the|that|this) (?:letter|note|sign|message|graffiti|text|"
    r"comment|post|sentiment)"
    r"|\bgood on (?:the )?(?:lads|kids|boys|teenagers|them)"
    r"|\b(?:talks?|talking) (?:some )?sense|\b(?:got|has|have) more sense than (?:most|the rest)"
    # a blind review's (session 48): the verdict without its subject, advice, nothing wrong
    r"|(?:^|[.!…]\s*)(?:only |just )?(?:said|says) (?:(?:out loud|aloud|openly) )?what "
    r"(?:we|everyone|everybody|(?:most|all|half|plenty) of us)(?:['’]re| are| were)?(?: all)? "
    r"(?:thinking|think|thought)"
    r"|(?:^|[.!…]\s*)(?:(?:sounds|sounded) like |(?:that['’]?s|that is|that was) )?(?:good|sound|"
    r"decent|great|solid|fair) advice(?: (?:to me|tbh|if you ask me))?"
    r"|\bnothing (?:whoever [\w'’-]+ (?:it|that)) (?:said|wrote|shouted|says) "
    r"(?:was|is) (?:wrong|untrue|a lie)"
    # session 48's later desks: "Can't say the note writer was wrong about the second bit.",
    # "Good advice from whoever shouted it tbh.", "Can't blame people for thinking it"
    rf"|\b(?:can['’]?t|cannot|couldn['’]?t) say (?:that )?{_SPEAKER} (?:was|were|is|are) wrong"
    r"(?: about (?:the|that|this) [\w'’-]+(?: [\w'’-]+)?)?"
    r"|\b(?:good|sound|decent|great|solid|fair) advice from (?:whoever [\w'’-]+ (?:it|that|them)|"
    r"(?:the|that) (?:guy|bloke|man|woman|lad|lads|fella|driver|customer|neighbour|stranger))"
    r"|\b(?:can['’]?t|cannot|don['’]?t) blame (?:people|anyone|anybody|folk) for "
    r"(?:thinking|saying) (?:it|that|so)"
    # session 48's news desks: the abuse said to be true ("Didn't see the lie in that note"),
    # or too little ("Shame he didn't do more than yell.", "Pity he
    # didn't finish the job.")
    r"|\b(?:(?:didn['’]t|did not|don['’]t|do not|can['’]t|cannot|couldn['’]t) see (?:the|a|any) lie"
    r"(?: (?:in|there|on) (?:it|that|this|the [\w'’-]+|that [\w'’-]+|this [\w'’-]+))?)"
    r"|\b(?:shame|pity|too bad|a shame|a pity),? (?:he|she|they|whoever [\w'’-]+ (?:it|that)|"
    r"(?:the|that) (?:guy|bloke|man|lad|lads|fella|woman|kid|kids))(?: (?:only|just))? "
    r"(?:didn['’]t|did not|never|couldn['’]t|could not|wasn['’]t able to) (?:do (?:a bit |any )?more|"
    r"finish (?:the job|it|it off|(?:him|her|them) off)|go (?:a bit |any )?further|do a proper job|"
    r"hit (?:him|her|them|it) harder|get (?:him|her|them))(?: than [\w'’ -]{1,40}?)?"
    rf")(?={_FILL}\s*(?:[.!…?]|$))",
    re.IGNORECASE,
)
#: "If the cap fits": the reply says the parent's label is true of whom it names. A parent's
#: rebuttal of the label does not turn this one into agreement with the rebuttal ("Calling
#: colleagues groomers ... It's a lie." answered "If the cap fits.", a twentieth news desk),
#: so a code the parent rebuts carries over too.
_LABEL_FITS: Final = re.compile(r"(?:^|[.!…]\s*)if the (?:cap|shoe) fits", re.IGNORECASE)
#: Words before it, in its clause, that deny the approval ("nobody thinks he had a
#: point"); not the hedges that precede one ("not gonna lie", "I know it's not PC but").
_DENIED: Final = re.compile(
    r"\b(?:no ?one|nobody|never|not|n['’]t|hardly|doubt)\b(?![\w\s'’]*\b(?:lie|pc|funny|saying)\b)",
    re.IGNORECASE,
)
#: Someone of the reply's own named before the verdict, whom the verdict is of.
_THEIR_OWN: Final = re.compile(r"\b(?:my|your|our)\s+[\w'’-]+", re.IGNORECASE)
#: A group told to get out, as a slogan reported ("foreigners out", "Russians out"): what
#: abuse says, and a parent telling of someone sent away.
_GROUP_OUT: Final = (
    r"(?:foreigners|immigrants|migrants|muslims|pakis|blacks|gypsies|travellers|refugees|jews|"
    r"poles|asians|gays|russians) out"
)
#: A verdict that the abuse was good advice holds only where the parent tells of someone sent
#: away ("told to go back to my own country"): under "The police told us to keep a diary"
#: "Good advice." is of the police (a code review's).
_ADVICE: Final = re.compile(r"\badvice\b", re.IGNORECASE)
_SENT_AWAY_TOLD: Final = re.compile(
    r"\b(?:go (?:back|home)|get (?:out|back)|back (?:to|where)|own country|leave|sent home|"
    rf"send (?:them|\w+) home|{_GROUP_OUT})\b",
    re.IGNORECASE,
)
#: A reply longer than this many words has words of its own, read as written.
SHORT: Final = 16


def _reported_in_quotes(parent: str, threat: ThreatMatch) -> bool:
    """Whether a reported threat stands in quotation marks as the second readings pair them
    (:attr:`~threadguard.scoring.quotations.Lean.LOOSE`): the moderation's own lean reads an
    s' as a plural's apostrophe, so "was shouting 'send them back in body bags' at a lad"
    (a twenty-seventh news desk, session 44) quoted nothing there; the parent is a report
    either way (its verb of saying made the threat reported, not held)."""
    return Quotations(parent, Lean.LOOSE).inside(threat.begin, threat.end)


#: A parent that tells of abuse someone received, which the lists need not find in it:
#: "a man shouted at us through the door", "someone messaged Finlay ... calling him a
#: 'freak'", "a note through the door", "told my son he 'had the nose for it'". Four news
#: desks (session 47) wrote seven replies approving whoever did it ("Whoever wrote it had
#: a point.", "Maybe the man at the door had his reasons.") under such parents, the abuse
#: in words of the writer's own, so no list's find carried the hold. Not a report of a
#: crime in general ("jailed", "killed": :data:`~threadguard.scoring.kind_words.HARM_IN_CONTEXT`),
#: under which a verdict may be about a politician's point.
REPORTED_ABUSE: Final = re.compile(
    r"\b(?:shout(?:ed|ing) (?:at|abuse|slurs)|yell(?:ed|ing) at|scream(?:ed|ing) at|"
    # a blind review's (session 48): "yelled a racial slur at me"
    r"(?:yell|shout|scream|hurl|call)(?:ed|ing) (?:an? )?(?:racial |racist |homophobic |"
    r"transphobic |sectarian |antisemitic )?(?:slurs?|abuse|insults?) at|"
    r"spat (?:at|on)|abused|abusive|hurl(?:ed|ing) abuse|hate (?:mail|crime|messages?)|"
    r"racist (?:abuse|graffiti|notes?|letters?|messages?)|harass(?:ed|ing)|vandali[sz]ed|"
    r"petrol bomb\w*|firebomb\w*|egged|keyed|"
    r"pig's head|pigs head|dog (?:mess|muck|poo|dirt|shit)|excrement|brick through|"
    r"calling (?:me|him|her|us|them) names|called (?:me|him|her|us|them) "
    r"names)\b",
    re.IGNORECASE,
)
#: Someone telling of words said, written or sent to them: "told my mum to ...", "a note
#: through the door", "messaged him calling him a ...", "painted GO HOME on our fence";
#: abuse only beside quoted words, hurt or what abuse says (:data:`_ABUSIVE_CONTENT`).
REPORTED_WORDS: Final = re.compile(
    r"\b(?:(?:a|an|the|this) (?:anonymous )?(?:note|letter|card|message|email|text|voicemail|"
    r"comment|post|dm|leaflet|flyer|sign|poster|sticker|banner)s? (?:came )?(?:through|in|on|under|"
    r"(?:[\w'’-]+ ){0,4}?(?:saying|that said|telling|calling|reading))|"
    # writing on a wall or a door, now a report of words: abuse only beside what abuse says
    # (a blind review's "Someone spray painted 'FIX THIS ROAD' next to the pothole")
    r"spray[- ]?painted|sprayed|daubed|graffiti|"
    r"through (?:the|our|my) (?:door|letterbox)|"
    r"(?:messaged|texted|emailed|dm'?d|followed|grabbed|sent) (?:me|him|her|us|them|my \w+)|"
    r"call(?:ed|ing) (?:me|him|her|us|them|my \w+|our \w+) (?:an?|the)|"
    r"(?:got|been|was|were|get|gets|getting) called (?:an?|the)|"
    r"told (?:me|him|her|us|them|my \w+|our \w+) (?:to|that|he|she|they|i|we|it|his|her|their|"
    r"my|our)|(?:was|were|got|been) told (?:[\w'’-]+ ){0,6}?(?:by|to|that)|(?:wrote|written|painted|scrawled|scratched|carved|posted|left) (?:[\w'’-]+ ){0,6}"
    r"(?:on|across|outside|under|through) (?:the|our|my|his|her|their) |"
    r"(?:saying|telling|told) (?:me|him|her|us|them|people like|our kind|gays|my \w+)|"
    # "got told \"go back to China\"", "wrote \"NO LEZZAS\" on the A-board" (session 48)
    r"(?:told|called|shouted|yelled|screamed|hissed|muttered|wrote|written|scrawled|painted|"
    r"sprayed) (?:\w+ )?[\"“‘'](?!em\b|s\b))",
    re.IGNORECASE,
)
#: What abuse says, beside :data:`REPORTED_WORDS`: "told him to go back to Africa",
#: "calling him a freak", "people like her should ...".
_ABUSIVE_CONTENT: Final = re.compile(
    r"\b(?:go (?:back (?:to|home|where)|home)|get (?:out|back (?:to|on|in))|speak english|own country|"
    r"where (?:he|she|they|you|i|we) came from|not wanted|aren't wanted|don't belong|freak|"
    r"take (?:your|their|his|her) [\w'’-]+(?: [\w'’-]+)? back (?:to|home|where)|"
    r"(?:your|chinese|china|kung) (?:virus|flu)|"
    r"terrorist|monkey|parasite|scrounger\w*|slurs?|our kind|people like (?:me|us|her|him|them)|"
    r"murderer|traitor|dirty|vermin|animals?|shouldn't be in this country|"
    r"should not be in this country|groomers?|paedo\w*|names|(?:halal|migrant|muslim|islamic|foreign) "
    r"invasion|invaders?|stinking|"
    r"no (?:blacks|irish|dogs|travellers|gypsies|jews|muslims|gays|foreigners)|"
    # any group, or its places, refused by name in the plural as a whole quotation: "No
    # mosques in our cathedral" written on a noticeboard (desk 98, session 55); not "there
    # are no mosques in our town" told in the parent's own words, nor a quotation that goes
    # on ("No refugees turned away - free hot meals", "no migrants will sleep rough": a
    # code review's)
    rf"(?<=[\"“‘'])no (?:more )?(?:{GROUP_FORMS})(?:e?s)(?: (?:here|allowed|"
    r"welcome|wanted|in (?:our|this|my|the) [\w'’-]+))?(?=[.!]?[\"”’'])|"
    # a news desk's and a blind review's (session 48): "NO TRANNIES NEAR OUR KIDS",
    # "foreigners out, this is a white street", "should be 'sent home'"
    r"trann(?:y|ies)|swastikas?|sieg heil|kkk|sent home|"
    r"lezzas?|dykes?|poofs?|poofters?|faggots?|pakis?|wogs?|coons?|"
    r"niggers?|spastics?|spaz|retards?|gyppos?|pikeys?|kikes?|yids?|ragheads?|towelheads?|"
    rf"send (?:them|\w+) home|{_GROUP_OUT}|white "
    r"(?:street|area|town|country|estate|only|britain|england)|(?:not|aren't|isn't|are not|is not) "
    r"welcome|stealing (?:our |\w+ )?jobs)\b",
    re.IGNORECASE,
)
#: Words that tell of abuse beside :data:`REPORTED_WORDS` only where the parent names a
#: group too ("told me to take off my turban or get off", "followed round the shop by a man
#: telling her Muslims aren't welcome"): alone they are a GP's advice or a boss's text ("I
#: was told by my GP to get off the sofa", "My boss texted me to say I could leave early":
#: a code review's).
_CONTENT_BESIDE_A_GROUP: Final = re.compile(
    r"\b(?:leave|get off|take (?:off|it off)|welcome|should go|locked up|stealing|"
    r"watch (?:his|her|your|their|my) back|(?:deserve|deserves) (?:a|to)|"
    r"shouldn't be (?:in|here)|should not be (?:in|here)|"
    # a blind review's (session 48): "told me she doesn't rent to Pakistanis"
    r"(?:doesn['’]t|does not|don['’]t|do not|won['’]t|wouldn['’]t|refused to|refuses to) "
    r"(?:rent|serve|sell|hire|employ|let)|refused entry|not allowed in|"
    # words on a wall beside a group or its place ("sprayed on the mosque's door")
    r"spray[- ]?painted|sprayed|daubed|graffiti|scrawled)\b",
    re.IGNORECASE,
)
#: A parent that also tells of someone who helped ("a stranger stepped in", "the driver
#: threw him off", "my neighbour caught it on camera"): approval there may be of the helper
#: ("Legend, whoever he was.", "Driver was spot on.", "Whoever filmed it deserves a medal."),
#: so only a list's find in the parent carries a hold (a code review's).
_HELPED: Final = re.compile(
    r"\b(?:stepped in|intervened|helped|stood up for|defended|chased (?:him|her|them) off|"
    r"chased off|saw (?:him|her|them) off|ran (?:him|her|them) off|"
    r"threw (?:him|her|them) (?:off|out)|kicked (?:him|her|them) (?:off|out)|called the police|"
    r"rang the police|called 999|reported (?:him|her|them|it)|caught it on (?:camera|film|video)|"
    r"filmed (?:it|him|her|them)|cleaned (?:it|the)|painted over|scrubbed|told (?:him|her|them) "
    r"(?:off|where to go)|had (?:a|my|our) back|marched (?:him|her|them) (?:off|out)|escorted|"
    r"ejected|barred (?:him|her|them)|banned (?:him|her|them)|refused to serve (?:him|her|them))\b",
    re.IGNORECASE,
)
#: A verdict whose subject can only be the abuser, never a helper the parent tells of
#: ("Whoever did it said what we're all thinking." under graffiti the caretakers painted
#: over, a news desk's, session 48; not "Shame he didn't do more." of a driver who stepped
#: in, nor "She said what we're all thinking." of a council leader: a code review's).
_OF_THE_WORDS: Final = re.compile(
    # the abuser named by the abuse: "Whoever did it had a point" under graffiti the
    # volunteers painted over, "The guy yelling had a point" beside a girl who helped
    r"^\W*(?:whoever|the one who) (?:did|wrote|sprayed|said|shouted|yelled|painted|sent|left|"
    r"put|posted|scrawled|printed) (?:it|that|this|them)\b|\b(?:yelling|shouting|screaming)\b|"
    r"\bwho (?:yelled|shouted|screamed|said it|wrote it|did it)\b",
    re.IGNORECASE,
)
#: Hurt told of beside :data:`REPORTED_WORDS`.
_HURT: Final = re.compile(
    r"\b(?:shaking|shaken|scared|frightened|terrified|upset|crying|cried|in tears|hurt|vile|"
    r"disgusting|horrible|nasty|racist|sexist|homophobic|transphobic|bigot\w*|hateful|hate|"
    # three news desks (session 48): "Whoever you are, you're pathetic."
    r"pathetic|coward\w*|sickening|appalling|shameful|ashamed)\b",
    re.IGNORECASE,
)


def reports_abuse(parent: str) -> bool:
    """Whether a parent tells of abuse someone received (:data:`REPORTED_ABUSE`, or
    :data:`REPORTED_WORDS` beside hurt or what abuse says). Not words in quotation marks
    alone: "Someone wrote 'thank you NHS' in chalk on the hospital path." and "Someone left
    a note on my car saying I'd left my lights on." are a blind review's civil parents."""
    head = parent[:2000]
    if REPORTED_ABUSE.search(head):
        return True
    if REPORTED_WORDS.search(head) is None:
        return False
    return bool(
        _HURT.search(head)
        or _ABUSIVE_CONTENT.search(head)
        or (_CONTENT_BESIDE_A_GROUP.search(head) and names_group(normalize_text(head)))
    )


def approved_reports(
    text: str,
    parent: str,
    rules: SiteRules,
    language: str | None,
    finds: ListFinds | None = None,
) -> list[str]:
    """The reasons a short reply approves someone whose slur or threat its parent reports,
    or who abused someone as the parent tells (:func:`reports_abuse`; see the module docs;
    ``finds``: the lists' finds in the parent, if known); none otherwise."""
    if not parent.strip() or len(text.split()) > SHORT:
        return []
    found = APPROVES_SPEAKER.search(text)
    if found is None:
        return []
    if _THEIR_OWN.search(text[: found.start()]):
        return []  # "My mum always says 'ignore them', she's not wrong": someone of theirs
    clause = re.split(r"[,.;:!?]|\bbut\b", text[: found.start()])[-1]
    after = text[found.end() :]
    ends = re.search(r"[.!?…]|$", after)
    # a tag the verdict ends on makes its "?" no question: "Not wrong, are they?" (a blind
    # review's, session 55)
    tagged = _TAG.match(after) or _ENDS_ON_TAG.search(found.group(0))
    asked = ends is not None and ends.group(0) == "?" and not tagged
    if _DENIED.search(clause) or asked:
        return []
    if _ADVICE.search(found.group(0)) and not _SENT_AWAY_TOLD.search(parent[:2000]):
        return []
    # what the parent reports someone said: a threat in quotation marks, a code quoted or
    # hurled (not one the parent rebuts in its own words: "there is no 'migrant invasion',
    # as the minister said" answered "He's not wrong." agrees with the rebuttal)
    finds_there = parent_finds(parent, rules, language) if finds is None else finds
    named = [
        f'{t.kind} "{" ".join(t.phrase.split())}"'
        for t in finds_there.threats
        if t.quoted or (t.rebutted and _reported_in_quotes(parent, t))
    ]
    fits = _LABEL_FITS.search(text) is not None
    named += [
        f'coded hate "{m.term.pattern}"'
        for m in finds_there.coded
        if m.reported or (fits and m.rebutted)
    ]
    if named:
        return [f"approves whoever its parent reports said {r}" for r in dict.fromkeys(named)]
    helped = _HELPED.search(parent[:2000]) is not None
    if reports_abuse(parent) and (not helped or _OF_THE_WORDS.search(found.group(0))):
        return [f'approves whoever abused the people its parent speaks of: "{found.group(0)}"']
    return []
