"""Words for people: whether a word in a noun phrase may name a person or people.

A harsh word at a thing is published and the same word at a person is held
(:mod:`.insulted_things`), so the reading must see a person wherever one stands in the
phrase: "this stupid game show host", "those stupid tax and spend Liberals",
"decision-makers". A review of that reading found the people it missed; this is the test
it uses, kept apart from the patterns that find things.
"""

from __future__ import annotations

import re
from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Nouns for people that no ending gives away ("host", "star", "ref", "ceo"), in the
#: singular; a plural "s" or "es" is read as the singular.
PERSON_NOUNS: Final = _words(
    """
    accountant administration agent applicant assistant attorney board boss boy
    bozo brother bunch bureaucrat cabinet candidate caucus ceo cfo chief child
    children clerk client clown committee conservative consultant cop council creep
    crew crowd dad daughter defendant democrat doctor family fan folk fool gal gang
    girl government guy hack head host husband idiot immigrant jerk judge jury kid
    kind ladies lady leftist lefty liberal libtard loser man men migrant mob mom
    moron mum neighbor neighbour nurse official opponent parent participant party
    patient people person police president proponent qb ref rep republican resident
    righty servant sister snowflake son sort staff star student team tenant thug
    tories tory type wife woman women lad lass bloke fella geezer chap
    """
)
#: Words with a person's ending (-er, -or, -ist, -ian, -ee, -man) that are no person.
NOT_PEOPLE: Final = _words(
    """
    after another ban better bigger border calculator cancer center centre chapter
    color colour computer corner door either elevator error ever factor flavor
    flavour floor for former further german her here however labor labour later
    latter letter major matter meter minor mirror monitor motor neither never nor
    number or order other over paper per poster power printer proper rather
    register roman router sector shelter sooner sticker summer super theater
    theatre their there together tower trailer transfer under water weather were
    whatever where whether winter
    """
)
_PERSON_ENDING: Final = re.compile(r"(?:er|or|ist|ian|ee|man|men|woman|women)s?$")


def is_person_word(word: str) -> bool:
    """Whether ``word`` may name a person or people: a name (capitalised), a noun of
    :data:`PERSON_NOUNS` (or its plural), or a word with a person's ending that
    :data:`NOT_PEOPLE` does not list ("driver", "activists", "salesman")."""
    if word[:1].isupper():
        return True
    w = word.lower().strip("-")
    bare = w[:-2] if w.endswith("es") else w[:-1] if w.endswith("s") else w
    if w in PERSON_NOUNS or bare in PERSON_NOUNS:
        return True
    return bool(_PERSON_ENDING.search(w)) and w not in NOT_PEOPLE and bare not in NOT_PEOPLE
