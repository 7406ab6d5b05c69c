"""Sex as a subject of news: "sex education", "sexual assault", "sexism", "rape trial".

No data set in ``../shared/data`` labels sexual content, so ``sexually_explicit`` is
learned from weak labels: a toxic training row is called explicit when it holds a stem
of the project's lexicon (:mod:`threadguard.training.weak_labels`), and "sex" and
"rape" are stems there. So the models learned the words, and they score the words
wherever they stand: "Lack of comprehensive sex education." 0.94 (rejected), "The bill
would decriminalise sex work." 0.96 (rejected), "That comment was sexist." 0.84,
"Clothing has nothing to do with rape." 0.86 (held). A news site covers sex education,
sex work, sexual assault trials and sexism, and its readers argue about them in those
words; none of it describes a sexual act.

So where such a word names a subject -- "sex" or "sexual" before what it qualifies
(:data:`SEX_SUBJECTS`, :data:`SEXUAL_SUBJECTS`: education, work, offenders, assault,
harassment, orientation ...), "sexually" before "assaulted", "harassed", "transmitted";
"sexism", "sexist", "sexuality"; "same-sex", "the opposite sex", "both sexes", "sex and
gender"; "rape" before "trial", "charges", "victims" or after "convicted of", "accused
of", "statutory", "date" -- the comment is read again without that word, and
``sexually_explicit`` keeps the lower reading. Nothing else moves: toxicity, insult,
threat and the rest are the comment's own ("Sex offenders like you should be shot" is
still a threat), and a comment that also describes sex keeps its explicit words in the
second reading, which then scores as high as the first.

Read as written (no subject): "having sex", "sex with", "rape" as a verb or a wish,
"raped", and every other word of the lexicon.
"""

from __future__ import annotations

import re
from typing import Final

from threadguard.scoring.rereading import cut_out

#: The attribute the reading without the words may lower.
TOPIC_ATTRIBUTES: Final = frozenset({"sexually_explicit"})

#: What "sex" qualifies when it names a subject: "sex education", "sex work", "sex
#: offenders", "sex-based".
SEX_SUBJECTS: Final = (
    r"education|ed|educators?|work|workers?|trade|traffick(?:ing|ers?)|tourism|"
    r"offen[cs]es?|offenders?|abuse|abusers?|crimes?|criminals?|scandals?|"
    r"discrimination|assaults?|predators?|registry|register|ratio|selection|"
    r"reassignment|differences?|characteristics?|hormones?|chromosomes?|segregation|based"
)
#: What "sexual" qualifies when it names a subject: "sexual assault", "sexual health".
SEXUAL_SUBJECTS: Final = (
    r"assaults?|harassment|harassers?|abuse|abusers?|misconduct|violence|exploitation|"
    r"orientations?|health|education|predators?|offen[cs]es?|offenders?|identit(?:y|ies)|"
    r"minorit(?:y|ies)|revolution|consent|crimes?|allegations?|relations|coercion|"
    r"impropriety|advances|politics|morality|ethics|liberation|diversity|equality|rights|"
    r"discrimination|violations?|slavery|trafficking"
)
#: What "sexually" qualifies: "sexually assaulted", "sexually transmitted".
SEXUALLY_SUBJECTS: Final = (
    r"assaulted|assaulting|harassed|harassing|abused|abusing|exploited|exploiting|"
    r"transmitted|active|inappropriate|motivated"
)
#: What "rape" qualifies: "rape trial", "rape victims", "rape culture".
RAPE_SUBJECTS: Final = (
    r"trials?|charges?|cases?|allegations?|accusations?|victims?|survivors?|kits?|"
    r"culture|crisis|convictions?|claims?|reports?|investigations?|statistics|scandals?|"
    r"shield|laws?|counsell?ing|centres?|centers?|prosecutions?"
)
#: Words after which "of / with / for rape" names a crime: "convicted of rape".
RAPE_REPORTED: Final = (
    r"convicted|accused|charged|acquitted|guilty|jailed|arrested|investigated|suspected|"
    r"cleared|allegations?|accusations?|charges?|cases?|victims?|survivors?|reports?|"
    r"crime|crimes|stories|story|trial|counts?|do"
)
#: Kinds of the crime, as the law and the news name them: "statutory rape".
RAPE_KINDS: Final = r"statutory|date|marital|spousal|prison|campus|gross|alleged"

_CUTS: Final = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\b(?P<cut>sex[\s-]+)(?:{SEX_SUBJECTS})\b",
        rf"\b(?P<cut>sexual\s+)(?:{SEXUAL_SUBJECTS})\b",
        rf"\b(?P<cut>sexually\s+)(?:{SEXUALLY_SUBJECTS})\b",
        r"\b(?P<cut>sexism|sexists?|sexualit(?:y|ies))\b",
        r"\b(?P<cut>(?:same|opposite|other|either|biological)[\s-]+sex(?:es)?)\b",
        r"\b(?P<cut>(?:both|the)\s+sexes)\b",
        r"\b(?P<cut>sex)\s+(?:and|or)\s+gender\b",
        r"\bgender\s+(?:and|or)\s+(?P<cut>sex)\b",
        r"\b(?:regardless\s+of|on\s+the\s+basis\s+of|because\s+of)\s+"
        r"(?:(?:their|his|her|your|one's)\s+)?(?P<cut>sex)\b",
        rf"\b(?P<cut>rape[\s-]+)(?:{RAPE_SUBJECTS})\b",
        rf"\b(?:{RAPE_REPORTED})\s+(?:of|with|for)\s+(?P<cut>rape)\b",
        rf"\b(?:{RAPE_KINDS})\s+(?P<cut>rape)\b",
    )
)
#: Comments without these letters have nothing to cut (most comments: one cheap search).
_PREFILTER: Final = re.compile(r"sex|rape", re.IGNORECASE)


def without_sexual_topics(text: str) -> str | None:
    """``text`` without the words that name sex as a subject; None where there are none."""
    if not _PREFILTER.search(text):
        return None
    spans = sorted({m.span("cut") for pattern in _CUTS for m in pattern.finditer(text)})
    cuts: list[tuple[int, int]] = []
    for begin, end in spans:
        if cuts and begin < cuts[-1][1]:  # overlapping: keep the union
            cuts[-1] = (cuts[-1][0], max(end, cuts[-1][1]))
        else:
            cuts.append((begin, end))
    return cut_out(text, cuts)
