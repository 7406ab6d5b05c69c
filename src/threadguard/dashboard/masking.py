"""Masking slurs and swear words, a moderator's reading preference ("Mask slurs and swear
words"): which words of a comment are hidden, letter by letter after the first.

Two sources name them. The list (:data:`MASKED_WORDS`) names swear words and slurs, matched
as the watchlist matches (through spacing, look-alike letters, leetspeak: "f.u.c.k",
"sh1t"); :func:`masked` hides its finds wherever they stand. The models' spans of an
identity attack or profanity (:data:`MASKED`) name a slur the list lacks; :func:`mask_word`
hides the words of such a span, but for :func:`ordinary` ones.

Both hid ordinary words (a moderator's tryout): the models' span of an identity attack is
often a whole clause, and every word of it was hidden ("Kill all the gays." read
"K••• a•• t•• g•••.", "Black people are animals." read "B•••• people are animals."); and
the list's matching folded "picture" and "pick" into the Turkish "piç", the name Amina into
"amına", "Shiite" into "shite". A moderator must read who is targeted and what is said of
them; only the slur or the swear word is hidden.
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from threadguard.language.english import ENGLISH_WORDS, SHARED_WORDS
from threadguard.moderation.watchlist import WatchRule, match_watchlist
from threadguard.schema import Tier
from threadguard.scoring.group_words import GROUP_WORDS
from threadguard.scoring.harm_words import HARM_WORDS
from threadguard.scoring.registry import shipped_model_dir

#: The swear words and slurs masked on request (a moderator's preference) ...
MASKED_WORDS = "lexicons/masked_words.txt"
#: ... and the words of spans of these attributes (a slur the list lacks: the models'
#: identity_attack words). Not toxicity, insult or severe_toxicity: their spans masked
#: "useless fat" and "I'm going to kill him" while "c*nt" stayed readable.
MASKED = frozenset({"identity_attack", "profanity"})
#: What a masked letter becomes.
MASK = "•"
#: Words said of people in general, which a span's mask leaves readable (the words for
#: groups are :data:`~threadguard.scoring.group_words.GROUP_WORDS`).
PEOPLE = frozenset((
    "people", "person", "persons", "man", "men", "woman", "women", "folk", "folks",
    "children", "kids", "family", "families", "community", "communities", "neighbours",
    "neighbors",
))  # fmt: skip
#: Swear words with a common civil sense, which the list leaves out on purpose (its header
#: says why): a span's mask leaves them readable too.
CIVIL_SENSE = frozenset((
    "hell", "damn", "damned", "bloody", "crap", "cock", "prick", "dick", "screw",
))  # fmt: skip
#: Ordinary words the list's matching (repeated letters folded, look-alike letters) takes
#: for a swear word or slur: "Shiite" read as "shite", "niggardly" as "nigga...", the
#: Wankel engine as "wank...".
NOT_SWEARING = frozenset((
    "shiite", "shiites", "shiitake", "shiitakes", "shitake", "shitakes", "niggardly", "wankel",
))  # fmt: skip
_WORD = re.compile(r"\w+", re.UNICODE)


@cache
def everyday_words() -> frozenset[str]:
    """The English words the shipped deep tier's tokenizer knows whole, lower case (about
    22,000 everyday words and names; empty where no deep tier is installed). Slurs are
    mostly not among them: the tokenizer splits "raghead", "kike", "vermin" into pieces;
    the swear words among them ("bitch") are on the list."""
    path = shipped_model_dir(Tier.DEEP) / "tokenizer.json"
    try:
        vocabulary = json.loads(path.read_text(encoding="utf-8"))["model"]["vocab"]
    except (OSError, ValueError, KeyError, TypeError):
        return frozenset()
    return frozenset(w for w in vocabulary if len(w) > 1 and w.isalpha())


@lru_cache(maxsize=8192)
def ordinary(word: str) -> bool:
    """Whether a word of a span is left readable: one that names a group ("Black",
    "gays", "Jews", "Muslims"), people in general, a harm ("kill"), the grammar around
    them ("the", "will", "every"), a swear word's civil sense the list leaves out
    ("hell"), or any other everyday English word (:func:`everyday_words`, a plural's
    singular too: "kicked", "animals")."""
    w = word.casefold()
    if (
        w in ENGLISH_WORDS
        or w in SHARED_WORDS
        or w in PEOPLE
        or w in CIVIL_SENSE
        or GROUP_WORDS.fullmatch(w) is not None
        or HARM_WORDS.fullmatch(w) is not None
    ):
        return True
    everyday = everyday_words()
    return w in everyday or (w.endswith("s") and w[:-1] in everyday)


def mask_word(text: str) -> str:
    """A maskable span's words (:data:`MASKED`), each but its first letter replaced by
    :data:`MASK`, but for the :func:`ordinary` ones: "Those ragheads are vermin" reads
    "Those r••••••• are v•••••"."""
    return _WORD.sub(
        lambda m: (
            m.group(0) if ordinary(m.group(0)) else m.group(0)[0] + MASK * (len(m.group(0)) - 1)
        ),
        text,
    )


@cache
def _masked_rules() -> tuple[WatchRule, ...]:
    text = resources.files("threadguard.resources").joinpath(MASKED_WORDS).read_text("utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(WatchRule.of(w, "flag") for w in lines if w and not w.startswith("#"))


def masked(text: str) -> str:
    """``text`` with its swear words and slurs (:data:`MASKED_WORDS`) masked, the same
    length: masking only the spans' words left "f.u.c.k" and "bastard" readable where the
    models weighed other words.

    A word of the list written with letters beyond ASCII ("piç", "amına", "coño") is
    masked only where the comment writes one of them: folded to ASCII it is an English
    word or a name ("picture", "pick", "Amina"; the list spells out an ASCII form it
    means: "scheiss"). Nor is a word of :data:`NOT_SWEARING`."""
    out = text
    for m in match_watchlist(_masked_rules(), text):
        run = text[m.begin : m.end]
        if (run.isascii() and not m.pattern.isascii()) or run.casefold() in NOT_SWEARING:
            continue
        out = out[: m.begin] + _mask_run(run) + out[m.end :]
    return out


def _mask_run(run: str) -> str:
    """Every letter of a matched word but its first masked, through the dots and spaces
    of an obfuscation ("f.u.c.k" -> "f.•.•.•")."""
    first = next((i for i, c in enumerate(run) if c.isalnum()), len(run))
    return run[: first + 1] + "".join(MASK if c.isalnum() else c for c in run[first + 1 :])
