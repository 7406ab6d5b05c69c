"""Where a writer says which group they belong to: "I'm Jewish", "As a Black officer",
"Deaf woman here", "I wear a hijab", "our synagogue", "my son is autistic".

Two readers need it. The moderation's named-reader rule (:mod:`threadguard.moderation.
named_reader`) holds a reply that dismisses a reader by the group the reader named; and
the models read a writer's own group word as an attack on it: "I'm Jewish, and my dad ran
a dry cleaner's that went bust twice. Funny how that never makes the stereotype." scored
toxicity 0.62 and identity attack 0.52, 0.17 and 0.04 without "I'm Jewish,"; "I wear a
hijab and I'd happily answer your questions ..." 0.46 against 0.16 (four news desks of
session 47 found readers of the group a story is about held for saying who they are). So
the engine reads a comment again without its self-descriptions (the second reading "self
description": :func:`without_self_descriptions`), toxicity, severe toxicity, insult and
identity attack keeping the lower reading, as the kind words do. A comment that names a
group beyond its self-descriptions is read as written: "As a Muslim I say the Jews run the
banks and the media." keeps its attack.

A self-description is a cue ("I'm", "as a", "we're", "my family came from", "born in",
"I have", "X here", "X and proud", "my son is", "I wear a", "our mosque") with a group's
word (:data:`~threadguard.scoring.group_words.GROUP_WORDS`, a country's people after
"from", a few words it lacks: "non-binary", "cerebral palsy") after only articles and the
adjectives people give themselves (:data:`_BETWEEN`): "I'm sure the Polish community
will cope" and "I'm tired of Muslims ..." name no one's own group. "White" is left out of
the second reading (not of the named-reader rule): "as a white man" opens white
nationalist complaints more often than it shields a reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from threadguard.normalize import normalize_known, normalize_text
from threadguard.scoring.group_words import (
    FORM_GROUPS,
    GROUP_WORDS,
    groups_mentioned,
    names_group,
)
from threadguard.scoring.rereading import INVISIBLE, cut_out, merged

#: A writer naming their own group: "i'm (a) ...", "as a ...", "we're ...", "my family
#: came from ...", followed within :data:`_GAP` words by a group's word (:data:`GROUP_WORDS`).
_SELF: Final = (
    # "as a" only where a sentence or clause opens ("one of them as a Muslim woman getting
    # stoned" names no writer); not "being a" ("the hardest part about being a Muslim"):
    # bench/reading_effect.py found both in abusive rows
    r"(?:\b(?:i'm|i am|im|i’m|we're|we are)|(?:^|(?<=[.!?,;:\n])|(?<=[.!?,;:\n] ))\s*"
    r"(?:as an?|as a proud|speaking as an?)|"
    r"\bme and my (?:family|husband|wife|kids) are|"
    r"\bmy (?:family|parents|mum|mom|dad|father|mother|grandparents|grandad|granddad|nan|gran|"
    r"husband|wife)(?: and i)? (?:are|is|were|was|came|come|moved)(?: here)?(?: over)?(?: from)?|"
    # "born in" only as the writer's ("I was born in", or opening a sentence): "Everyone
    # born in Pakistan is ..." is no writer's description (a code review's)
    r"\bi came (?:here |over )?(?:as an?|from)|\bi was born in|(?:^|(?<=[.!?\n])|(?<=[.!?\n] ))"
    r"\s*born in)\b"
)
_GAP: Final = 4
SELF_NAMED: Final = re.compile(rf"{_SELF}\s+(?P<words>(?:[\w'’-]+[\s,]+){{0,{_GAP}}}[\w'’-]+)")
#: The only words that may stand between "I'm" and the group's word: articles and the
#: adjectives a writer gives themselves ("I'm a proud second-generation British Somali");
#: any other ("I'm sure the Polish community ...", "I'm tired of Muslims ...") ends it, "and"
#: and "the" too ("I'm Irish and the Travellers are ...": a blind review's).
# fmt: off
_BETWEEN: Final = frozenset({
    "a", "an", "proud", "practising", "practicing", "devout", "born", "british", "english",
    "irish", "scottish", "welsh", "american", "canadian", "australian", "second-generation",
    "first-generation", "third-generation", "second", "first", "third", "generation",
    "young", "old", "older", "retired", "working", "single", "married", "queer", "black",
    "white", "brown", "mixed-race", "mixed", "race", "half", "also", "too", "myself",
    "actually", "bloody", "one", "of", "those", "uses", "user", "in", "from", "greek",
    "italian", "maltese", "cypriot", "croatian", "serbian", "macedonian", "portuguese",
})
# fmt: on
#: Countries a writer says they or their family came from, as the word
#: :data:`GROUP_WORDS` knows their people by ("my family came from Pakistan").
COUNTRY_FORMS: Final = {
    "pakistan": "pakistani",
    "bangladesh": "bangladeshi",
    "india": "indian",
    "somalia": "somali",
    "somaliland": "somali",
    "nigeria": "nigerian",
    "ghana": "ghanaian",
    "eritrea": "eritrean",
    "sudan": "sudanese",
    "ethiopia": "ethiopian",
    "congo": "congolese",
    "syria": "syrian",
    "afghanistan": "afghan",
    "iraq": "iraqi",
    "iran": "iranian",
    "poland": "polish",
    "romania": "romanian",
    "bulgaria": "bulgarian",
    "albania": "albanian",
    "ukraine": "ukrainian",
    "turkey": "turkish",
    "kurdistan": "kurdish",
    "morocco": "moroccan",
    "algeria": "algerian",
    "egypt": "egyptian",
    "palestine": "palestinian",
    "lebanon": "lebanese",
    "jamaica": "jamaican",
    "haiti": "haitian",
    "mexico": "mexican",
    "china": "chinese",
    "vietnam": "vietnamese",
    "the philippines": "filipino",
    "philippines": "filipino",
    "korea": "korean",
    "japan": "japanese",
}
_COUNTRY: Final = re.compile(r"\b(?:" + "|".join(COUNTRY_FORMS) + r")\b")

#: Group words that name no group when a writer gives them to themselves ("as a native
#: Londoner", "as a foreign correspondent").
_NOT_A_PEOPLE: Final = frozenset({"native", "natives", "foreign", "pride", "newcomer", "newcomers"})


#: "Gay woman here", "Ruth here, British Chinese, accountant": a writer's description
#: beside "here" at a sentence's start, the group's word before it or after it.
HERE: Final = re.compile(
    # "here" only where its clause ends ("Gay woman here, and ...", "Ruth here, British
    # Chinese"): "Immigrants here are all criminals." is no description (a code review's)
    r"(?:^|[.!?\n]\s*)(?P<before>(?:[\w'’-]+[\s,]+){0,5}?)(?P<cue>here(?=\s*(?:[,.:;!—–-]|$))|"
    r"and proud|since birth|born and bred)\b[\s,:;.!—–-]*"
    r"(?P<after>(?:[\w'’-]+[\s,]*){0,3})"
)
#: What a writer wears or worships at as theirs: "I wear a hijab", "our synagogue door".
WORN_OR_OURS: Final = re.compile(
    r"\bi (?:wear|wore|have worn|started wearing) (?:a |the |my )?(?P<worn>hijab|niqab|burqa|"
    r"turban|kippah|yarmulke|patka)\b|\b(?:my|our) (?:own |local |family's |family )?"
    r"(?P<ours>mosque|synagogue|gurdwara|temple|madrasa|hijab|niqab|turban|kippah|yarmulke)\b"
)
#: Headwear :data:`GROUP_WORDS` does not know, as the word it knows their wearers by.
_WORN_FORMS: Final = {"kippah": "jewish", "yarmulke": "jewish", "patka": "sikh"}
#: A writer's family member described: "my son is autistic", "my dad's a wheelchair user".
FAMILY: Final = re.compile(
    r"\bmy (?:son|daughter|dad|mum|mom|father|mother|wife|husband|partner|brother|sister|"
    r"kid|child|boy|girl|grandson|granddaughter|grandad|granddad|nan|gran|uncle|aunt|auntie|"
    r"little one|eldest|youngest)(?:'s| is| was| has been)\s+"
    r"(?P<words>(?:[\w'’-]+[\s,]+){0,3}[\w'’-]+)"
)


#: A condition the writer or their family member has: "I have cerebral palsy", "my son
#: has Down syndrome"; not "I have Muslim neighbours" (others, not the writer: a code
#: review's), so only these words after "have" or "has".
CONDITION: Final = re.compile(
    r"\b(?:i (?:have|'ve got|'ve had|live with|was diagnosed with)|my (?:son|daughter|dad|mum|mom|"
    r"father|mother|wife|husband|partner|brother|sister|kid|child|boy|girl|grandson|"
    r"granddaughter|grandad|granddad|nan|gran|little one|eldest|youngest) (?:has|'s got|has got|"
    r"lives with|was diagnosed with|uses)) (?:a |an )?(?P<words>cerebral palsy|ms|multiple "
    r"sclerosis|epilepsy|autism|down(?:'s|s)? syndrome|a wheelchair|wheelchair|spina bifida|"
    r"muscular dystrophy|a learning disability|learning disabilities)\b"
)
#: Words a writer names their own group by that :data:`GROUP_WORDS` does not hold (they
#: name no group in a parent that is not about its writer), as a word it holds.
_OWN_FORMS: Final = {
    "non-binary": "trans",
    "nonbinary": "trans",
    "enby": "trans",
    "cerebral palsy": "disabled",
    "ms": "disabled",
    "multiple sclerosis": "disabled",
    "epilepsy": "disabled",
    "autism": "autistic",
    "down's syndrome": "down syndrome",
    "downs syndrome": "down syndrome",
    "a wheelchair": "wheelchair",
    # desk 90 (session 54): "I'm a Romany Gypsy myself." and desk 87: "I'm Yemeni-American"
    # named no one's group, so the replies dismissing them were published
    "romany": "romani",
    "yemeni": "arab",
    # a reclaimed word a writer gives themselves (desk 88: "Proud wog here, and the knafeh
    # at Cedar Oven is better than my teta's", "As a Greek wog I can confirm" were held at
    # toxicity 0.84 and 0.60)
    "wog": "ethnic",
}


_OWN_FORM: Final = re.compile(r"\b(?:" + "|".join(_OWN_FORMS) + r")\b")


@dataclass(frozen=True)
class SelfDescription:
    """Where a writer names their own group (offsets in the canonical text) and the
    groups it names."""

    begin: int
    end: int
    groups: frozenset[str]


def _own_group(words: str, countries: bool = False) -> tuple[str, int] | None:
    """The group's word that opens ``words`` after only :data:`_BETWEEN` words (with
    ``countries``, a country's people too: after "came from"), and where it ends in
    ``words``; else None. A compound ("Mexican-American") is read by its first part;
    two-word forms ("down syndrome", "cerebral palsy") whole."""
    for m in re.finditer(r"[^\s,]+", words):
        word = m.group(0)
        following = re.match(r"[\s,]+([^\s,]+)", words[m.end() :])
        pair = f"{word} {following.group(1)}" if following else word
        for candidate, end in (
            (pair, m.end() + (following.end() if following else 0)),
            (word, m.end()),
            (word.split("-")[0], m.end()),
        ):
            form = _OWN_FORMS.get(candidate, candidate)
            if countries:
                form = COUNTRY_FORMS.get(form, form)
            if GROUP_WORDS.fullmatch(form):
                return None if form in _NOT_A_PEOPLE else (form, end)
        if word not in _BETWEEN:
            return None
    return None


#: The person a self-description names after the group's word ("Gay woman", "Deaf user").
_PERSON: Final = (
    r"woman|man|mum|mom|dad|person|guy|lad|girl|boy|bloke|lass|user|family|parent|kid|"
    r"teenager|grandmother|grandfather|nan|gran|wife|husband|mother|father"
)
#: What may follow the group's word within a self-description: the person ("woman",
#: "mum of two", "user"), "here", "myself", "and proud", then a comma, "and" or a stop.
_TRAILER: Final = re.compile(
    r"(?:[\s-]+(?:" + _PERSON + r"|myself|too|here)\b)*(?:\s+and proud)?"
    r"(?:\s*(?:,|;|:|—|–|\.|!)|\s+and\b)?"
)


#: What may stand between the group's word and "here" in "Gay woman here", "Lesbian mum
#: of two boys here": the person, never a clause ("Muslims Why are they still here",
#: "Immigrants are not welcome here").
_PERSON_ONLY: Final = re.compile(
    r"(?:[\s,-]+(?:" + _PERSON + r"|of|two|three|four|five|boys|girls|kids|[0-9]+))*[\s,]*"
)


def self_descriptions(canonical: str) -> list[SelfDescription]:
    """Every self-description in a canonical text (:func:`normalize_text`), in order."""
    text = canonical
    if not (
        GROUP_WORDS.search(text)
        or _COUNTRY.search(text)
        or WORN_OR_OURS.search(text)
        or _OWN_FORM.search(text)
    ):
        return []
    found: list[tuple[int, str, int]] = []  # (begin, form, end of the group's word)
    for m in SELF_NAMED.finditer(text):
        cue = text[m.start() : m.start("words")].rstrip()
        own = _own_group(m.group("words"), countries=cue.endswith(("from", "born in")))
        if own is not None:
            found.append((m.start(), own[0], m.start("words") + own[1]))
    for m in CONDITION.finditer(text):
        own = _own_group(m.group("words"))
        if own is not None:
            found.append((m.start(), own[0], m.start("words") + own[1]))
    for m in FAMILY.finditer(text):
        own = _own_group(m.group("words"))
        if own is not None:
            found.append((m.start(), own[0], m.start("words") + own[1]))
    for m in HERE.finditer(text):
        before, after = m.group("before"), m.group("after")
        own = _own_group(before) if before.strip() else None
        if own is not None and _PERSON_ONLY.fullmatch(before[own[1] :]):
            # to the end of "here" ("Lesbian mum of two boys here"), not "born and bred",
            # which goes on to say more ("Sikh, born and bred in this town")
            here = m.group("cue") in ("here", "and proud")
            found.append((m.start("before"), own[0], m.end("cue" if here else "before")))
        elif (
            m.group("cue") == "here"
            and len(before.split()) == 1  # a name: "Ruth here, British Chinese"
            and after.strip()
            and (own := _own_group(after))
        ):
            # "Ruth here, British Chinese": after "here" only ("Being Asian myself, Black
            # people are ..." is no description of its writer's after "myself": a review's)
            found.append((m.start("before"), own[0], m.start("after") + own[1]))
    for m in WORN_OR_OURS.finditer(text):
        word = m.group("worn") or m.group("ours")
        found.append((m.start(), _WORN_FORMS.get(word, word), m.end()))
    out = []
    for begin, form, end in sorted(found):
        groups = groups_mentioned(form)
        if groups:
            trailer = _TRAILER.match(text, end)
            out.append(SelfDescription(begin, trailer.end() if trailer else end, groups))
    return out


def own_groups(canonical: str) -> frozenset[str]:
    """The groups a canonical text's writer names as their own, or their family's."""
    return frozenset(g for d in self_descriptions(canonical) for g in d.groups)


#: "Our synagogue", "my mosque": a place the writer's own, named as part of what they
#: tell ("a swastika sprayed on our synagogue door"), not cut from it.
_OURS: Final = re.compile(
    r"(?:my|our) (?:own |local |family's |family )?(?:mosque|synagogue|gurdwara|temple|madrasa)\b"
)
#: The attributes the second reading without self-descriptions may lower.
SELF_DESCRIPTION_ATTRIBUTES: Final = frozenset(
    {"toxicity", "severe_toxicity", "insult", "identity_attack"}
)
#: The cheap test first, on the lower-cased text: a cue word of every self-description.
_NEEDED: Final = (
    "i'm", "i am", "im ", "i’m", "as a", "we're", "we are", "my ", "our ", "born",
    "i have", "i've", "here", "proud", "myself", "i wear", "i came", "speaking as",
)  # fmt: skip


def _words_of_groups() -> frozenset[str]:
    """Every plain word by which :func:`self_descriptions` may find a group, as written
    (lower case), plurals too: the cheap test's."""
    plain = [f for f in FORM_GROUPS if re.fullmatch(r"[a-z' -]+", f)]
    words = {w for f in (*plain, *COUNTRY_FORMS, *_OWN_FORMS, *_WORN_FORMS) for w in f.split()}
    words |= {"hijab", "niqab", "burqa", "turban", "mosque", "synagogue", "gurdwara", "temple"}
    return frozenset(words | {w + "s" for w in words} | {w + "es" for w in words})


#: The cheap test's words and stems (:func:`_words_of_groups`; "islam...", "lgbt...").
_GROUP_TOKENS: Final = _words_of_groups()
_GROUP_STEMS: Final = re.compile(r"\b(?:islam|lgbt|minorit|resettl|newcomer|non-?binary)")
_TOKENS: Final = re.compile(r"[a-z]+(?:'[a-z]+)?")


def without_self_descriptions(text: str) -> str | None:
    """``text`` without the places where its writer names their own group (not as
    white people: see the module docs), or None where it has none. A comment with no
    group's word as written (lower case) is passed by before it is normalised: a second
    reading that only lowers scores may miss a description in leetspeak, and 96% of
    news comments hold no such word."""
    lowered = text.lower()
    if not any(map(lowered.__contains__, _NEEDED)) or INVISIBLE.search(text):
        return None
    if _GROUP_TOKENS.isdisjoint(_TOKENS.findall(lowered)) and not _GROUP_STEMS.search(lowered):
        return None
    canonical = normalize_text(text)
    found = [
        d
        for d in self_descriptions(canonical)
        if "white_people" not in d.groups and not _OURS.match(canonical, d.begin)
    ]
    if not found:
        return None
    to_original = normalize_known(text, canonical).to_original
    rest = cut_out(text, merged(to_original(d.begin, d.end) for d in found))
    if rest is None or names_group(normalize_text(rest)):
        # what the writer says of a group, theirs or another, is read as written: "As a
        # Muslim I say the Jews run the banks and the media." was held at identity attack
        # 0.25 and read 0.06 without "As a Muslim"
        return None
    return rest
