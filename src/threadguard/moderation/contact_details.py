"""Contact details and spam in a comment: what a moderator must see before it is published.

Neither is abuse the models score: "Councillor Hargreaves lives at 14 Mill Lane. Pay him a
visit." scored toxicity 0.24 and was published, and so were a finance director's mobile
number and "Make £3000 a week from home, click bit.ly/easy-cash-now" (a tryout's news
threads, session 33). A news desk holds both for a person:

- **contact details**: a phone number, an e-mail address, or a street address given as
  where someone lives ("lives at 14 Mill Lane"). Publishing them is doxxing whoever they
  belong to; a business's number is published by a moderator in a second. A street
  address alone ("the shop at 14 High Street has closed", "24 Sussex Dr. needs work") is
  not held: local news comments name places all the time.
- **spam**: a shortened link (its destination hidden), or an offer of money, followers or
  winnings beside a link or a number.

Links are masked before numbers are looked for, so the digits of a URL are no phone
number. Measured on the civil news comments of the data folder (Unhealthy Conversations
and SFU, 9,973 comments): 1 phone number (a law firm's, in a comment about a settlement),
2 e-mail addresses (an official's and a company's opt-out address), no home address, no
spam (``bench/contact_details.py``). Session 34 (a news standards editor's tryout) added a
street address near where someone lives, their address or a call to go round, and sales
words beside a bare domain: the same figures there; on every English set, 2 more civil
rows (davidson: two tweets selling discount codes, with links). A review of those
patterns (civil sentences they held: a vet's street and "tell him thanks", a polling
station, a band's venue, a fire's street, donations for refugees; sales words beside
links to the NHS, gov.uk, Which?) left the bench's figures on every set unchanged. A
third tryout added where a person lives said to be found beside a street or what the
house looks like, a family member's school or workplace beside a cue to tell people there
("maybe parents there should know what he writes"), a seven-digit number after "call her
on", and let freephone and helpline numbers (0800, 0808, 1-800, 1800, ...) go: an
organisation's, not a person's. On every English set the civil rows found are the same;
five rows' US toll-free numbers (organisations' lines) are no longer found, so three
fewer toxic rows are (ghc 11 -> 10, implicit_hate 4 -> 3, hateval 5 -> 4). A review of
those (session 35) wrote civil sentences they held and narrowed them: a freephone number
only as one is written or beside a helpline word (ten bare digits from 800 are an Indian
mobile too), the seven-digit number only after "call him/her/them/me" or "his/her/my
number" and never a range ("500-1000 words"), a capitalised name's home only after "I
know" or a search that succeeded (not "the kids know where Santa lives", "couriers struggle
to find where she lives"), a cue about a person that ends its sentence, and not the
writer's own child. The bench's figures are the same on every set. A fourth tryout (Irish,
Indian, US and UK titles) published four doxxing comments: UK, Irish and Indian street
words (Parade, Park, Lawn, Heights, Nagar, Marg, "Sector 62"), an Eircode, an Indian mobile
split five and five ("98220 41735"), a workplace beside "give him a call boys" and a
surgery's address beside "people like her will hang" are found now; a "whereabouts"
reason says what kind of place it is (a workplace, a child's school), still in three
characters. The bench's figures are the same on every set. A sixth tryout published "The
family at number 42 Elm Walk needs a visit tonight.": a visit said to be due beside a street
address (:data:`_VISIT_DUE`) is a cue now; the bench's figures are the same on every set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from typing import Final

from threadguard.moderation.located_person import match_located_person
from threadguard.moderation.phone_numbers import HELPLINE_BEFORE, freephone, phone_like
from threadguard.moderation.whereabouts import HAVE_A_WORD, NAME_WORDS, match_whereabouts

#: A link: a scheme or "www." and what follows, or a dotted name (from the start of its
#: run of name characters, whole and without backtracking: a run of "a.a.a..." with no
#: top-level domain at its end took 3 s per 10,000 characters) ending in a :data:`_TLDS`.
_URL_CANDIDATE: Final = re.compile(
    r"\b(?:https?://|www\.)\S+|(?<![\w.-])[\w-]++(?:\.[\w-]++)++(?:/\S*)?", re.IGNORECASE
)
_TLDS: Final = frozenset(
    [
        "com",
        "org",
        "net",
        "co",
        "uk",
        "io",
        "ly",
        "me",
        "biz",
        "info",
        "ru",
        "gl",
        "gd",
        "at",
        "cc",
        "ws",
        "xyz",
        "top",
        "click",
        "link",
        "site",
        "online",
        "shop",
        # session 34: the domains that betting, pharmacy and ticket spam registers
        "win",
        "bet",
        "vip",
        "club",
        "store",
        "pharmacy",
        "casino",
        "loan",
    ]
)
#: A phone number: 9 to 15 digits in the groups people write them in ("07700 900123",
#: "+44 7700 900123", "(617) 994-5800", "0161-234-5000"), not part of a longer number, a
#: price or a decimal.
_PHONE: Final = re.compile(
    r"(?<![\w.,£$€/-])(?<!\d )(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)|\d{2,5})[\s.-]?\d{3,4}[\s.-]?\d{3,4}"
    r"(?![\w%/]|[.,]\d)"
)
#: A seven-digit local number ("555-0142", US style), a phone number only where the words
#: just before it ask to call a person ("call her on 555-0142", "his number is 555-0142"):
#: else a score, a range or a reference as often. Not "call us at 555-0100 for tickets" (an
#: organisation's line), "the essay text is 500-1000 words long" or "their number is
#: 500-1000 at most" (a range: a review, session 35): the verb needs a person after it (me,
#: him, her, them), "number" needs my, his or her, and no word of a range or a count may
#: follow. The words and the number are one pattern, so a text of ten thousand bare numbers
#: is read once.
_LOCAL_PHONE: Final = re.compile(
    r"(?=[ctrpwmh])\b(?:(?:call|text|ring|phone|whats ?app|message)\W{1,3}(?:me|him|her|them)"
    r"\W{1,3}(?:(?:on|at)\W{1,3})?|(?:my|his|her) (?:number|mobile|phone|cell)(?: number)?"
    r"\W{1,3}(?:(?:is|on)\W{1,3})?)"
    r"(?<![\w.,£$€/+-])(?P<number>\d{3}[-.]\d{4})(?![\w%/-]|[.,]\d)"
    r"(?!\s*(?:words?|pages?|characters|people|persons|votes|times|at most|at least|or so|"
    r"or more|or less|or fewer|tops|max|maximum|min|minimum)\b)",
    re.IGNORECASE,
)
#: An Indian mobile number as it is usually written (a fourth tryout: "his number is 98220
#: 41735. Give him a call boys" was published): ten digits from 6 to 9, split five and five,
#: after "+91" or a trunk 0 or on their own. With "+91" or the 0 it is a number; split alone
#: only beside :data:`_NUMBER_OF` (a postcode, an order or a score is written so as often).
_INDIAN_MOBILE: Final = re.compile(
    r"(?<![\w.,£$€/+-])(?P<cc>\+91[\s-]?|0)?[6-9]\d{4}[\s-]\d{5}(?![\w%/-]|[.,]\d)"
)
#: Said of a person's number just before it ("his number is", "call him on", "Rohit's mobile:").
_NUMBER_OF: Final = re.compile(
    r"(?:\b(?:his|her|their|my)|(?<=\w)['’]s) (?:number|mobile|phone|cell|whats ?app)(?: (?:number|no\.?))?"
    r"\W{0,3}(?:is\W{1,3}|on\W{1,3})?$|\b(?:call|ring|text|phone|whats ?app|message|contact)\W{1,3}"
    r"(?:him|her|them)\W{1,3}(?:(?:on|at)\W{1,3})?$",
    re.IGNORECASE,
)
_DIGIT: Final = re.compile(r"\d")
#: From the start of a run of address characters only (a long run without a domain after
#: its "@" was tried from every position in it).
_EMAIL: Final = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]++(?:\.[\w-]++)+")
#: One to three capitalised words before a street word (:mod:`.whereabouts` names places too).
_NAME_WORDS: Final = NAME_WORDS
#: The words that end a street's name, in full and abbreviated (case-sensitive: "the way",
#: "a close call" name no street). :data:`_STREET` adds those that count only after a house
#: number, and :data:`_LIVES_ON` "Ct"; :data:`_NAMED_STREET` and :mod:`.whereabouts` keep
#: narrower lists of their own.
_STREET_WORDS: Final = (
    r"Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Drive|Dr|Close|Crescent|Way|Place|Court|Terrace|"
    r"Gardens|Grove|Mews|Row|Walk|Hill|Boulevard|Square"
)
#: A street address: a house number, one to three capitalised words, a street word. A fourth
#: tryout (Irish, Indian, US and UK titles) published "Dawn Pritchard ... 17 Effra Parade ...
#: should pay her a visit" and an Eircode beside "his home is": UK and Irish suffixes (Parade,
#: Park, Lawn, Heights, Green, Vale, Rise, View, Villas), Indian ones (Nagar, Marg, Colony,
#: Vihar, Enclave), a Noida "Sector 62" and an Irish Eircode (a routing key, a letter and two
#: digits or D6W, then four letters and digits: "Eircode Y21 K7P3") count as well; still only
#: beside a cue that it is someone's home. Those suffixes need the house number: "lives in
#: Finsbury Park" or "in Shivaji Nagar" names a district, not a door.
_STREET: Final = re.compile(
    r"\b\d{1,4}[a-zA-Z]?,?\s+" + _NAME_WORDS + "(?:" + _STREET_WORDS + r"|Blvd|Sq|Parade|Park|"
    r"Lawns?|Heights|Green|Vale|Rise|View|Villas|Nagar|Marg|Colony|Vihar|Enclave)\b\.?|"
    r"\b[Ss]ector[ -]\d{1,3}\b|"
    r"(?<![\w-])(?:[Ee]ircode:?\s*)?(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}(?![\w-])"
)
#: Said of where someone lives, just before the address.
_HOME: Final = re.compile(
    r"\b(?:lives?|living|resides?|residing|stays?|staying|moved) (?:at|on|in)\s*$|"
    # news desk 36 (session 45): "He lives above the shop, 14 Market St, flat 2."
    r"\b(?:lives?|living|stays?|staying) (?:above|over|behind|next to|opposite) (?:the|a|that) "
    r"[\w'’-]+,?\s*$|"
    r"\b(?:home|house|flat|address|digs) (?:is )?(?:at|on)?\s*:?\s*$|\baddress(?: is)?:?\s*$",
    re.IGNORECASE,
)
#: How far before an address its "lives at" may stand.
_HOME_BEFORE: Final = 40
#: A call to visit him, her or them ("pay her a little visit").
_PAY_A_VISIT: Final = r"\bpay (?:him|her|them) a (?:little |proper |friendly |home )?visit\b"
#: Said anywhere near an address, of a person's home or a visit to it (session 34, a news
#: standards editor's tryout: "I found out where Hinchcliffe lives. 22 Moorside Lane,
#: Baildon.", "22 Moorside Lane, Baildon. Go and tell her what you think."): where someone
#: lives, their address or home, or a call to go round to them. Not "I live on ..." (the
#: writer's own street), nor "them" after "go and tell" (a council's consultation office).
_HOME_CUE: Final = re.compile(
    r"(?=[wphotrk'’])(?:\bwhere (?!i\b|we\b)[\w'’-]++ (?:lives?|sleeps?|stays?|is staying|are "
    r"staying)\b|(?:\b(?:his|her|their)|(?<=\w)['’]s) (?:home |house |new )?address\b|"
    r"\b(?:outside|at|to|round|on) (?:his|her|their) (?:house|home|flat|door|doorstep|front door|"
    # desk 106 (session 55): "Karen Holt from 14 Riverside Road ... go and skate on her drive"
    r"drive|driveway|front garden|front lawn|gate)\b|"
    + _PAY_A_VISIT
    + r"|\bknock on (?:his|her|their) door\b|"
    # a fourth tryout: "his home is the big white house on the Ballymurn road ..., Eircode
    # Y21 K7P3"
    r"\b(?:his|her|their) (?:home|house) is\b|"
    # news desk 32 (session 45): "Name and address of the bloke they arrested is on Facebook
    # already, 14 Marlow Close in Eastgate."
    r"\baddress of (?:the|that|this) (?:bloke|man|woman|lad|guy|fella|girl|lady|teacher|driver|"
    r"copper|officer|suspect|accused|nonce|paedo|pedo|scumbag|scum)\b)",
    re.IGNORECASE,
)
#: A threat beside an address, whoever's door it is (a fourth tryout: "She has a surgery in
#: Leyton, 4 Grove Green Road. Nuremberg 2.0 is coming and people like her will hang."):
#: the address is given so that the threat can be carried out.
_HARM_CUE: Final = re.compile(
    r"(?=[pwsdgythn])\b(?:(?:people like|the likes of|traitors like) (?:him|her|them|you)|(?:he|she|they)|"
    r"traitors) (?:will|should|deserves? to|are going to|is going to|gonna|must) (?:all )?"
    r"(?:(?:hang|swing)\b(?! (?:on|onto|in|out|around|round|about|back|up|over|loose|tough|together|"
    r"their|his|her|its)\b)|burn\b|pay for (?:this|it|what)\b|be hanged\b|get what['’]s coming\b|"
    r"be dealt with\b)|"
    r"\bnuremberg 2\.?0\b|\bday of the rope\b",
    re.IGNORECASE,
)
#: A visit said to be due to the people at an address (a sixth news-desk tryout published
#: "The family at number 42 Elm Walk needs a visit tonight."): "needs a visit", "deserves a
#: visit tonight", "someone should knock on". The visit ends its sentence or is due soon or
#: from us; not "needs a visit from the council about the bins", "deserves a visit, the
#: garden is stunning", a knock to check on a neighbour, nor beside kindness or a public
#: place ("The museum at 12 High Street deserves a visit.").
_VISIT_DUE: Final = re.compile(
    r"(?=[ndcswgy])\b(?:(?:needs?|deserves?|could do with|due|(?:is|are) getting|gets?|"
    r"will get) a (?:little |proper |late-night |late |night-time |midnight |friendly |wee |"
    r"home )?visit\b(?=(?: (?:tonight|soon|later|this (?:weekend|evening)|after dark|from "
    r"(?:us|the lads|the boys|a few of us|some of us|the estate|the locals))\b)?\s*(?:$|[.!;…]))|"
    r"\b(?:someone|somebody|we|you lot|the lads|the boys) (?:should|ought to|needs? to|must|"
    r"will|could) (?:go (?:and |round and )?)?knock on\b(?![^.!?\n]{0,60}\b(?:check|see if|"
    r"make sure|ask if|welfare|for the survey|collect\w*)\b))",
    re.IGNORECASE,
)
#: A call to go and have a word with him or her: a cue only where no office, surgery or
#: shop stands near (:data:`_PUBLIC_PLACE`: "The mayor's office is at 1 Civic Way; go and
#: see her on Fridays").
_GO_TELL: Final = re.compile(
    r"\b(?:go|pop|head|get) (?:round |over |down )?(?:(?:and|to) (?:tell|see|visit|show|find|ask)|"
    r"ask) (?:him|her)\b(?! (?:thanks|thank you|well done|congrat\w*|happy birthday|(?:he|she) (?:was|is|did) "
    r"(?:brilliant|great|amazing|fantastic|wonderful|superb|a star|well)))|" + HAVE_A_WORD,
    # news desk 32 (session 45): "14 Marlow Close in Eastgate. Go and have a word if the police
    # won't."
    re.IGNORECASE,
)
#: Readers told they know where to find someone, beside a street address: a cue like
#: "where she lives" ("Mark Jones, 5 Elm Grove ... You know where to find him."); not
#: "them", parcels as often (a code review's).
_KNOW_WHERE_PERSON: Final = re.compile(
    r"\b(?:know|knows) where to find (?:him|her)\b", re.IGNORECASE
)
#: Readers told they know where to go, beside a street address a person's name stands
#: before (:data:`_NAME_BEFORE`): "Aisha Rahman, 14 Brookfield Close ... Parents who want to
#: make their feelings known ... know where to go." (desk 102, session 55); not a takeaway's
#: or a lost cat's street (a code review's), nor beside a public place or kindness.
_KNOW_WHERE: Final = re.compile(r"\b(?:know|knows) where to go\b", re.IGNORECASE)
#: A person's name right before an address: two capitalised words, the first no article
#: ("Aisha Rahman, 14 ...", "Councillor Dean of 22 ..."; not "The Golden Dragon, 14 ...").
_NAME_BEFORE: Final = re.compile(
    r"(?<![\w'’-])(?<!the )(?<!The )(?<!a )(?<!A )(?<!an )(?<!our )(?<!Our )(?<!at )"
    r"(?!(?:The|A|An|Our|Your|My|This|That)\b)(?-i:[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+)+)"
    r",?\s*(?:(?:from|of|at) )?$"
)
_PUBLIC_PLACE: Final = re.compile(
    r"(?=[ocstlhrpdvbgmi])(?<!\w)(?:office|offices|surgery|surgeries|town hall|civic|constituency|library|centre|center|"
    r"church|hall|shop|store|cafe|café|pub|restaurant|clinic|open day|drop-in|"
    # review: "The vet at 5 High Street ...", "The polling station is at 3 Victoria Road",
    # "The band is playing at 10 Market Square"
    r"vets?|veterinary|dentists?|practice|pharmacy|chemist|garage|salon|bakery|butchers?|"
    r"polling station|ballot box|hustings|playing|gig|concert|venue|theatre|stadium|ground|"
    r"school|hospital|hotel|museum|gallery|market)\b",
    re.IGNORECASE,
)
#: Said of where something happened, just before the address ("The fire at 31 Oak Drive:
#: neighbours say the family's home address was given out", review): news of a place.
_EVENT_AT: Final = re.compile(
    r"\b(?:fire|blaze|crash|incident|burglary|break-in|robbery|stabbing|shooting|collision|"
    r"flood|flooding|explosion|raid|attack|murder|death|deaths|inquest|sale|auction|fete|"
    r"party|gig|concert|show)s? (?:at|on|in)\s*$",
    re.IGNORECASE,
)
#: Kindness called for at a named street ("pay them a visit with some donations, they need
#: coats", review): no home address is given out for it.
_KINDNESS: Final = re.compile(
    r"\b(?:donat\w*|coats|clothes|clothing|blankets|toys|food bank|volunteer\w*|welcome "
    r"(?:them|him|her)|supplies|gifts|help (?:them|out))\b",
    re.IGNORECASE,
)
#: How many street addresses a comment's are examined, and only up to the first home
#: address: "22 Moorside Lane " * 6,000 read three patterns over a 400-character window per
#: street (261 ms at 100,000 characters, review); one home address is reason enough.
_STREET_TRIES: Final = 50
#: How far from an address, on either side, :data:`_HOME_CUE` may stand.
_CUE_NEAR: Final = 200
#: A named street without a house number, "the Premier Inn on Cheriton Road": held only
#: beside a call to visit the people there (:data:`_VISIT`), never on its own ("the
#: roadworks on Cheriton Road", "I live on Moorside Lane and the bins weren't collected").
_NAMED_STREET: Final = re.compile(
    r"\b(?:on|in|at) " + _NAME_WORDS + r"(?:Street|Road|Lane|Avenue|Drive|Close|Crescent|"
    r"Way|Place|Terrace|Gardens|Grove|Mews|Row|Walk|Boulevard|Square)\b"
)
#: Where people are put up, said before a visit is called for ("which hotel they're
#: putting the survivors in").
_WHERE_HOUSED: Final = re.compile(
    r"\b(?:which|what) (?:hotel|hostel|house|building|street|address)\b|\bwhere (?:they|he|she)"
    r"(?:'re|’re| are| is|'s|’s) (?:putting|staying|housed|living|being (?:put|housed|kept))\b",
    re.IGNORECASE,
)
_VISIT: Final = re.compile(
    r"(?=[pgh])(?:" + _PAY_A_VISIT + r"|"
    r"\b(?:go|pop|head) (?:round|over|down) (?:there )?(?:and|to) (?:see|visit|show|tell) (?:him|her|them)\b)",
    re.IGNORECASE,
)
#: A home street without a house number ("He lives on Sycamore Court in Westfield.", a
#: second tryout): said of someone else, not "I live on ..." nor "my nan lives on ..." (a
#: complaint about bins).
_LIVES_ON: Final = re.compile(
    r"(?<![Ii] )(?<![Ww]e )(?<!\b[Mm]y )(?<!\b[Oo]ur )(?<![Yy]ou )\b(?:(?:lives|living|resides|residing)"
    # desk 103 (session 55): "he's living above the bookies on Pit Lane with his mates" (a
    # family's home above a shop beside more is a located person: :mod:`.located_person`)
    r"(?: (?:above|over|behind|next to|opposite) (?:the|a|that) [\w'’-]+)?|"
    r"(?<=family )live|(?<=parents )live|(?<=folks )live|(?<=kids )live) "
    r"(?:on|in|at) " + _NAME_WORDS + "(?:" + _STREET_WORDS + r"|Ct)\b\.?"
)
#: Where a person lives, said to be found or known (a third tryout: "I found where the
#: juror lives. Cedar Lane, the blue house with the red door."): a person, not "the bug"
#: or "the heron" (a pronoun, a word for a person or a capitalised name) ... Not a search
#: that fails ("couriers struggle to find where she lives", "can't find"), and a name only
#: after "I know" or a search that succeeded ("found", "tracked down"): "the kids finally
#: know where Santa lives", "now we know where Sherlock lives", "we all know where Starmer
#: lives" are common knowledge (a review, session 35).
_FOUND_HOME: Final = re.compile(
    r"(?=[fkwtn])(?<!n't )(?<!n’t )(?<!not )(?<!never )(?<!cannot )(?<!unable to )"
    r"(?<!struggle to )(?<!struggles to )(?<!struggled to )(?<!struggling to )(?<!trying to )"
    r"(?<!try to )(?<!tried to )(?<!hard to )(?<!difficult to )(?<!impossible to )"
    r"\b(?:(?:found|find|know|found out|tracked down|worked out|figured out|now know)"
    r" (?:exactly )?where (?:(?:he|she|they|him|her)|(?:the|that|this|his|her|their) "
    r"(?:juror|jurors|judge|magistrate|reporter|journalist|editor|author|writer|columnist|"
    r"presenter|councillor|mp|mayor|witness|victim|teacher|officer|cop|copper|nurse|doctor|"
    r"landlord|prosecutor|lawyer|solicitor|barrister|guy|man|woman|bloke|lady|girl|lad|family|"
    r"wife|husband|mum|mom|dad|mother|father|parents|kids|son|daughter|bitch|bastard|traitor|"
    r"nonce|grass|snitch))|(?:(?<=\bi )know|found|found out|tracked down|worked out|figured out)"
    r" (?:exactly )?where (?-i:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)) (?:lives?|sleeps?|stays?|"
    r"is staying)\b",
    re.IGNORECASE,
)
#: ... then, within :data:`_FOUND_NEAR` characters, a named street without a house number
#: or what the house looks like ("the blue house with the red door", "the one with the
#: white van outside"): not "I found where the bug lives in the code".
_HOUSE: Final = re.compile(
    r"\b" + _NAME_WORDS + "(?:" + _STREET_WORDS + r")\b|"
    r"\b(?i:the (?:[\w-]+ ){0,2}(?:house|home|flat|bungalow|cottage|semi|one|door|gate) "
    r"(?:with|next to|opposite|across from|by|behind|on the corner|at the end|above))\b|"
    r"\b(?i:(?:blue|red|green|yellow|black|white|grey|gray|pink|purple|brown) (?:front )?door)\b"
)
_FOUND_NEAR: Final = 120
#: Whose word comes before "lives on": the writer's or a relative's ("my nan lives on").
_OWN_BEFORE: Final = re.compile(r"\b(?:i|we|my|our)(?: [\w'’-]+)?\s*$", re.IGNORECASE)
#: A UK vehicle registration ("AS21 XYZ"), as written: two letters, two digits, three.
_PLATE: Final = re.compile(r"(?<![\w-])[A-Z]{2}\d{2} ?[A-Z]{3}(?![\w-])")
#: A registration said of a person's car ("Asante drives a black BMW, AS21 XYZ", "the Transit
#: reg AB12 CDE ... belongs to one of the charity workers"); not a police appeal for a car
#: ("Police want to trace a Corsa, registration AB12 CDE") nor the writer's own ("my car").
_PLATE_PERSON: Final = re.compile(
    r"\b(?:drives|driving|belongs to|belonging to|(?:his|her|their) (?:car|van|motor|bike))\b",
    re.IGNORECASE,
)
_PLATE_NEWS: Final = re.compile(
    r"\b(?:police|appeal|trace|stolen|witness\w*|crash|collision|dvla|my|our)\b", re.IGNORECASE
)
_SHORTENERS: Final = re.compile(
    r"\b(?:bit\.ly|tinyurl\.com|t\.me|goo\.gl|ow\.ly|is\.gd|buff\.ly|cutt\.ly|rebrand\.ly|"
    r"shorturl\.at|tiny\.cc|rb\.gy)/\S+",
    re.IGNORECASE,
)
#: Asking to be called, just before a number.
_CALL: Final = re.compile(
    r"\b(?:call|text|ring|phone|tel|mobile|whats ?app|(?:my|his|her|their|your) number)\b"
    r"\W{0,3}(?:(?:me|him|her|us|them)"
    r"\W{1,3})?(?:(?:on|at|is)\W{1,3})?$",
    re.IGNORECASE,
)
#: An offer of money, followers or winnings.
_OFFER: Final = re.compile(
    r"\b(?:earn|make|making|earning)\s+(?:up to\s+)?[£$€]\s?\d[\d,.]*k?\s*(?:a|per|every|each)\s+"
    r"(?:day|week|month|hour)\b|\bguaranteed (?:winners?|wins|"
    r"profits?|returns?|income)\b|\bbuy (?:cheap )?(?:followers|likes|views|subscribers)\b|"
    r"\b(?:crypto|forex|betting) (?:signals|tips)\b|\bfixed matches\b|\bwhats ?app\b",
    re.IGNORECASE,
)
#: Sales words beside a link (session 34, a news standards editor's tryout: "Visit
#: www.cheap-tix-4u.biz/derby for 50% off", "miracle pills ... Order at
#: slimfast-pharma.shop", "www.bestcasino-uk.win for free spins"), tried only where one of
#: :data:`_SALES_NEEDS` stands; not "in order at the count", "a casino closed" (news).
_SALES: Final = re.compile(
    # the first letters up front: the engine then skips every other position at once
    # (168 ms -> 1 ms on 100,000 characters of "1 1 1 ...")
    r"(?=[fodcmsvwlb])(?<!\w)(?:free (?:spins|bets?|bonus|chips)\b|"
    # a second tryout: "Best deals at www.cheap-flights-abroad.biz/deal?id=777 click now!!!"
    r"best (?:deals?|prices?|offers?) (?:at|on|here)\b|click (?:now|here now)\b|(?<!in )(?<!and )(?<!of )\border (?:now |today |"
    r"yours |online )?at\b|\bdiscount (?:code|voucher|coupon)s?\b|\b(?:online casino|casino "
    r"bonus|casino offers?)\b|\bmiracle (?:pills?|cure|diet|tablets?)\b|\b(?:diet|slimming|"
    r"weight ?loss|viagra|cialis) (?:pills?|tablets?)\b|\bcheap (?:[\w-]+ )?tickets "
    r"(?:available|for sale|on sale)\b(?! for (?:the )?(?:under|over|kids|children|juniors|"
    r"students|concessions|members|seniors|pensioners|families|season)\b)|\blose \d+\s?(?:kg|kilos?|lbs?|pounds|stone)\b"
    r"[^.!?\n]{0,20}?\bin \d+ (?:days|weeks)\b)",
    re.IGNORECASE,
)
_SALES_NEEDS: Final = (
    "free ",
    "order",
    "discount",
    "casino",
    "miracle",
    "pill",
    "tablet",
    "tickets",
    "lose ",
    "best ",
    "click",
)
#: A link to a source, not a shop (review: "Doctors warn against miracle pills sold online:
#: https://www.nhs.uk/...", "Free bets are a scourge, says the report at
#: https://www.gamblingcommission.gov.uk/report"): government, the NHS, universities,
#: schools, police, charities' .org.uk and news and consumer sites. Sales words beside
#: only such links are no offer.
_SOURCE_SUFFIXES: Final = (
    ".gov",
    ".gov.uk",
    ".nhs.uk",
    ".ac.uk",
    ".sch.uk",
    ".police.uk",
    ".parliament.uk",
    ".mod.uk",
    ".gov.scot",
    ".gov.wales",
    ".edu",
    ".org.uk",
    ".int",
)
_SOURCE_HOSTS: Final = frozenset(
    [
        "nhs.uk",
        "gov.uk",
        "bbc.co.uk",
        "bbc.com",
        "theguardian.com",
        "which.co.uk",
        "reuters.com",
        "apnews.com",
        "ft.com",
        "thetimes.co.uk",
        "telegraph.co.uk",
        "independent.co.uk",
        "news.sky.com",
        "itv.com",
        "channel4.com",
        "nytimes.com",
        "washingtonpost.com",
        "economist.com",
        "fullfact.org",
        "moneysavingexpert.com",
        "citizensadvice.org.uk",
    ]
)
#: A discount ("50% off", tried only where "% off" stands): not "5% off the back of the
#: rise", "knocked 3% off their value".
_PERCENT_OFF: Final = re.compile(
    r"(?<![\d.,])\d{1,2}\s?% off\b(?!\s+(?:the|its|his|her|their|a|an|our|this|that|of|is|isn't|"
    r"are|aren't|was|wasn't|deals? (?:are|is)|claims?|sales? (?:are|is))\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ContactMatch:
    """A find: its kind ("phone number", "e-mail address", "home address", "shortened
    link", "commercial offer with a link") and its offsets in the comment."""

    kind: str
    begin: int
    end: int
    #: What a "whereabouts" find is, for the reason only ("workplace", "school"): the kind
    #: stays one of the documented kinds in every answer.
    detail: str = ""

    @property
    def spam(self) -> bool:
        return self.kind in ("shortened link", "commercial offer with a link")

    def reason(self, text: str) -> str:
        what = "spam" if self.spam else "contact details"
        shown = text[self.begin : self.end]
        if not self.spam:
            shown = shape(shown)  # the reason is no copy
        kind = f"{self.kind} ({self.detail})" if self.detail else self.kind
        return f'{what}: {kind} "{shown}"'


#: How much of a find's shape a reason shows.
SHAPE_CHARS: Final = 60
_PLAIN_WORD: Final = re.compile(r"[a-z]+")


def shape(found: str) -> str:
    """A find as a reason shows it: its plain lower-case words as written ("works at the
    tyre place on"), every other word (a name, a number, an address) its first character
    and a dot per character after it ("H••• S•••••", "0•••• 9•••••"), so the moderator sees
    what was found and where, and no copy of the personal data is kept (four news desks,
    session 45, could not tell what 'home address "liv…"' had found)."""
    words = [w if _PLAIN_WORD.fullmatch(w) else w[0] + "•" * (len(w) - 1) for w in found.split()]
    shown = " ".join(words)
    return shown if len(shown) <= SHAPE_CHARS else shown[: SHAPE_CHARS - 1] + "…"


def _links(text: str) -> list[tuple[int, int]]:
    """The links in ``text``: a scheme or "www.", or a dotted name ending in a known
    top-level domain (before any path)."""
    out = []
    for m in _URL_CANDIDATE.finditer(text):
        found = m.group()
        name = found.split("/", 1)[0]
        if found.lower().startswith(("http://", "https://", "www.")) or (
            name.rsplit(".", 1)[-1].lower() in _TLDS
        ):
            out.append((m.start(), m.end()))
    return out


def _source(link: str) -> bool:
    """Whether a link leads to a source (:data:`_SOURCE_SUFFIXES`, :data:`_SOURCE_HOSTS`,
    a "news." host), not a shop."""
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", link.lower()).split("/", 1)[0]
    host = host.split(":", 1)[0].rstrip(".,;:!?)")
    return (
        host in _SOURCE_HOSTS
        or host.endswith(_SOURCE_SUFFIXES)
        or host.startswith("news.")
        or any(host.endswith("." + h) for h in _SOURCE_HOSTS)
    )


def _asked(text: str, at: int) -> bool:
    """Whether the words just before ``at`` ask to be called ("call me on")."""
    return _CALL.search(text, max(0, at - 25), at) is not None


def _masked(text: str) -> str:
    """``text`` with every link blanked (same length), so its digits are no number."""
    parts, at = [], 0
    for begin, end in _links(text):
        parts += [text[at:begin], " " * (end - begin)]
        at = end
    return "".join([*parts, text[at:]])


def match_contact_details(text: str) -> list[ContactMatch]:
    """Phone numbers, e-mail addresses, home addresses, shortened links and offers of money
    beside a link or number in ``text``, in the order they stand. Each pattern runs only
    on a text with the character it needs (a digit, "@", "/"): most comments have none of
    them (run on every comment, the phase took the bench's decisions from 7,835 to 5,348
    comments/s)."""
    found: list[ContactMatch] = []
    if "/" in text:
        found += [
            ContactMatch("shortened link", m.start(), m.end()) for m in _SHORTENERS.finditer(text)
        ]
    if "@" in text:
        found += [ContactMatch("e-mail address", m.start(), m.end()) for m in _EMAIL.finditer(text)]
    phones: list[re.Match[str]] = []
    if _DIGIT.search(text) is not None:
        plain = _masked(_EMAIL.sub(lambda m: " " * len(m.group()), text) if "@" in text else text)
        phones = [
            m
            for m in _PHONE.finditer(plain)
            if phone_like(m.group(), asked_to_call=_asked(plain, m.start()))
        ]
        called_locally = [
            ContactMatch("phone number", *m.span("number")) for m in _LOCAL_PHONE.finditer(plain)
        ]
        # a helpline's number is no one's contact detail, but still a number an offer of
        # money may stand beside (below)
        found += [
            ContactMatch("phone number", m.start(), m.end())
            for m in phones
            if not freephone(m.group(), plain[max(0, m.start() - HELPLINE_BEFORE) : m.start()])
        ] + called_locally
        taken = [(f.begin, f.end) for f in found if f.kind == "phone number"]
        for m in islice(_INDIAN_MOBILE.finditer(plain), _STREET_TRIES):
            if any(b < m.end() and m.start() < e for b, e in taken):
                continue
            if m.group("cc") or _NUMBER_OF.search(plain, max(0, m.start() - 30), m.start()):
                found.append(ContactMatch("phone number", m.start(), m.end()))
        for m in islice(_STREET.finditer(text), _STREET_TRIES):
            before = text[max(0, m.start() - _HOME_BEFORE) : m.start()]
            near = text[max(0, m.start() - _CUE_NEAR) : m.end() + _CUE_NEAR]
            if _EVENT_AT.search(before):
                continue
            if (
                _HOME.search(before)
                or _HOME_CUE.search(near)
                or (_GO_TELL.search(near) and not _PUBLIC_PLACE.search(near))
                or _KNOW_WHERE_PERSON.search(near)
                or (
                    _KNOW_WHERE.search(near)
                    and _NAME_BEFORE.search(before)
                    and not _KINDNESS.search(near)
                    and not _PUBLIC_PLACE.search(near)
                )
                or (
                    _VISIT_DUE.search(near)
                    and not _KINDNESS.search(near)
                    and not _PUBLIC_PLACE.search(near)
                )
            ):
                found.append(ContactMatch("home address", m.start(), m.end()))
                break
            if _HARM_CUE.search(near):
                found.append(ContactMatch("home address", m.start(), m.end(), "beside a threat"))
                break
    if not any(f.kind == "home address" for f in found) and ("where" in text or "Where" in text):
        for m in islice(_FOUND_HOME.finditer(text), _STREET_TRIES):
            house = _HOUSE.search(text, m.end(), m.end() + _FOUND_NEAR)
            if house is not None:
                found.append(ContactMatch("home address", m.start(), house.end()))
                break
    if not any(f.kind == "home address" for f in found) and ("liv" in text or "resid" in text):
        for m in _LIVES_ON.finditer(text):
            if not _OWN_BEFORE.search(text, max(0, m.start() - 20), m.start()):
                found.append(ContactMatch("home address", m.start(), m.end()))
                break
    if _DIGIT.search(text) is not None:
        for m in islice(_PLATE.finditer(text), _STREET_TRIES):
            near = text[max(0, m.start() - _CUE_NEAR) : m.end() + _CUE_NEAR]
            if _PLATE_PERSON.search(near) and not _PLATE_NEWS.search(near):
                found.append(ContactMatch("vehicle registration", m.start(), m.end()))
                break
    where = match_whereabouts(text)
    if where is not None:
        found.append(ContactMatch("whereabouts", *where))
    elif not any(f.kind == "home address" for f in found):
        located = match_located_person(text)
        if located is not None:
            found.append(ContactMatch("whereabouts", *located))
    if (
        not any(f.kind == "home address" for f in found)
        and _VISIT.search(text)
        and _WHERE_HOUSED.search(text)
        and not _KINDNESS.search(text)
    ):
        for m in _NAMED_STREET.finditer(text):
            found.append(ContactMatch("home address", m.start() + 3, m.end()))
            break
    linked = phones or "/" in text or "www." in text.lower()
    offer = _OFFER.search(text) if linked else None
    if offer is None:
        lower = text.lower()
        if any(w in lower for w in _SALES_NEEDS):
            offer = _SALES.search(text)
        if offer is None and ("% off" in lower or "%off" in lower):
            offer = _PERCENT_OFF.search(text)
    if offer is not None and (phones or any(not _source(text[b:e]) for b, e in _links(text))):
        found.append(ContactMatch("commercial offer with a link", offer.start(), offer.end()))
    return sorted(found, key=lambda f: f.begin)
