"""What session 50's news desks and desk 64 of session 49 found published: a reader told the
street knows which house is theirs, with a visit or a warning after it -- held as a veiled
threat -- and civil sentences sharing the words approved."""

from __future__ import annotations

from list_support import tryout_list_tests

HELD = [
    (
        "Half the street knows which house on Crofton Road is yours, maybe someone should pop "
        "round and explain it to you properly",
        "veiled threat",
    ),
    ("Everyone on the estate knows which house is yours. Sleep well.", "veiled threat"),
    ("The lads know which flat is yours. Be seeing you.", "veiled threat"),
]
CIVIL = [
    "Everyone knows which house on Elm Street is yours, the best kept garden in town.",
    "Half the street knows which house is yours because of the Christmas lights, pop round.",
    "Everyone knows which house is yours, you've had the same red door for forty years.",
    "Half the village knows which house is yours, someone should pop round with a cake.",
]

test_the_desks_list_shapes_are_held, test_civil_sentences_sharing_their_words_are_approved = (
    tryout_list_tests(HELD, CIVIL)
)
