"""Four news desks of session 47 (a women-only swimming session, a Jewish deli's closing,
Afghan interpreters resettled, a Black police chief, an autistic chess champion; a
Chinese restaurant's fire, a Pakistani-heritage cricket club, a gay couple adopting,
Romanian fruit pickers, a Sikh soldier's statue; a Nigerian church, a Deaf café, a
Traveller boxer, a Syrian GP, a trans darts captain; a Hindu temple's car park, a Kurdish
barber, a Jewish cemetery vandalised, Vietnamese nail salons, a disabled pensioner's
scooter): the list shapes they found published, held now with the kind their list names,
and civil sentences sharing their words approved. A rival team's banter ("we're coming
for you") was held as an intent to harm and is approved now."""

from __future__ import annotations

from list_support import tryout_list_tests

HELD = [
    (
        "The way they breed, it's only a matter of time before the pool's theirs every day.",
        "dehumanising language",
    ),
    ("Weaver Street used to be English. They multiply like cockroaches.", "dehumanising language"),
    (
        "Shame if a tractor happened to reverse into it some dark night. Accidents happen in "
        "that square.",
        "veiled threat",
    ),
    (
        "Be a shame if their windows stopped lasting the night. Accidents happen.",
        "veiled threat",
    ),
    ("Good riddance to the rootless parasites and their overpriced bread.", "coded hate"),
    ("I know where you live. We're coming for you.", "intent to harm"),
    ("This isn't a game. We're coming for you.", "intent to harm"),
    ("Next time we're coming for you, and you won't walk away.", "intent to harm"),
]
CIVIL = [
    "Fox captain here. We lost to them twice, fair and square. See you next season Lisa, "
    "we're coming for you.",
    "Great final. Enjoy the trophy, we're coming for you next year!",
    "The way they breed these dogs for flat faces is cruel.",
    "Rabbits multiply like nobody's business, ask any gardener.",
    "It would be a shame if the bus stopped running one night a week.",
    "Would be a shame if the library closed. Accidents happen, budgets get cut.",
    "Shame if the lights failed some dark night on that junction.",
    "The deli's rootless? It's been on that corner for fifty years.",
]

test_the_desks_list_shapes_are_held, test_civil_sentences_sharing_their_words_are_approved = (
    tryout_list_tests(HELD, CIVIL)
)
