"""Normalising obfuscated comment text, with offsets that point back into the original.

The fast tier and word-list matching see the canonical text; spans are reported against the
original. These tests pin down both halves: what each obfuscation becomes, and that the
canonical word maps back to exactly the obfuscated substring.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from threadguard.normalize import (
    WORD_RE,
    Normalized,
    bench_normalize,
    normalize,
    normalize_known,
    normalize_text,
    words,
)


def span_of(original: str, word: str) -> str:
    """The original substring that the first occurrence of ``word`` in the normalised
    text maps back to."""
    n = normalize(original)
    i = n.text.index(word)
    begin, end = n.to_original(i, i + len(word))
    return original[begin:end]


# ----------------------------------------------------------------------------------------
# Step 1: Unicode
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("ｉｄｉｏｔ", "idiot"),  # fullwidth
        ("ﬁlthy ﬂag", "filthy flag"),  # ligatures
        ("𝐟𝐮𝐜𝐤 you", "fuck you"),  # mathematical bold
        ("𝑓𝑢𝑐𝑘 𝔣𝔲𝔠𝔨 𝖋𝖚𝖈𝖐 𝚏𝚞𝚌𝚔", "fuck fuck fuck fuck"),  # italic, fraktur, mono
        ("ⓕⓤⓒⓚ", "fuck"),  # circled
        ("🅵🆄🅲🅺 🅕🅤🅒🅚", "fuck fuck"),  # negative squared / circled
        ("⒡⒰⒞⒦", "fuck"),  # parenthesised
        ("ᶠᵘᶜᵏ", "fuck"),  # superscript / modifier letters
        ("ꜰᴜᴄᴋ", "fuck"),  # small capitals
        ("fúck", "fuck"),  # precomposed accent
        ("fu\u0301ck", "fuck"),  # combining accent
        ("f̸̡̪̈u̴̢͉c̷̛k̵͔", "fuck"),  # Zalgo
        ("id\u200biot", "idiot"),  # zero-width space
        ("id\u200c\u200d\u2060\ufeffiot", "idiot"),  # ZWNJ, ZWJ, word joiner, BOM
        ("id\u00adiot", "idiot"),  # soft hyphen
        ("id\u034fiot", "idiot"),  # combining grapheme joiner
        ("id\ufe0fiot", "idiot"),  # variation selector
        ("\u202etoidi\u202c", "idiot"),  # bidi override: read as displayed
        ("IDIOT", "idiot"),
        ("Straße", "strasse"),  # case folding
        ("don’t", "don't"),  # typographic apostrophe
        ("ab\u00a0cd\u2003ef\u3000gh", "ab cd ef gh"),  # exotic spaces
    ],
)
def test_unicode_obfuscation_is_undone(original: str, expected: str) -> None:
    assert normalize_text(original) == expected
    assert normalize(original).text == expected


def test_script_specific_marks_are_kept() -> None:
    # Deleting Devanagari vowel signs or kana voicing marks would garble genuine text.
    assert normalize_text("नमस्ते") == "नमस्ते"
    assert normalize_text("がんばって") == "がんばって"


def test_arabic_tatweel_and_harakat_go_and_offsets_still_map() -> None:
    """Everyday Arabic writes neither; written in, they hid abuse from the Arabic model
    ("أنت حقـــير وكلـــب" was approved at toxicity 0.14, "أنت حقير وكلب" 0.84)."""
    assert normalize_text("أنت حقـــير وكلـــب") == normalize_text("أنت حقير وكلب")
    assert normalize_text("أَنْتَ حَقِيرٌ وَكَلْبٌ") == normalize_text("أنت حقير وكلب")
    assert span_of("يا حـــمار", "حمار") == "حـــمار"


def test_unsafe_compatibility_forms_are_kept() -> None:
    # A spacing accent would become "space + mark" under NFKC and split the word.
    assert normalize_text("don´t") == "don´t"
    # A ligature that expands into a whole phrase stays one character.
    assert normalize_text("\ufdfa") == "\ufdfa"


# ----------------------------------------------------------------------------------------
# Step 2: homoglyphs
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("іdіоt", "idiot"),  # Cyrillic і and о, all look-alikes
        ("idіоt", "idiot"),  # mixed with Latin
        ("ѕсum", "scum"),
        ("АSS", "ass"),
        ("ΑSS", "ass"),  # Greek capital alpha
        ("nіggеr", "nigger"),
        ("Ι соmрlеtеlу dіsаgrее", "i completely disagree"),
        ("ΗΟΜΕ", "home"),  # Greek capitals that only look Latin in upper case
        ("кill", "кill"),  # к is not a look-alike in lower case ...
        ("КILL", "kill"),  # ... but К is
    ],
)
def test_homoglyphs_become_latin(original: str, expected: str) -> None:
    assert normalize_text(original) == expected


@pytest.mark.parametrize(
    "text",
    [
        "привет как дела",
        "нет, спасибо",
        "москва",
        "καλημέρα κόσμε",
        "ελληνικά",
    ],
)
def test_genuine_russian_and_greek_survive(text: str) -> None:
    assert normalize_text(text) == text


def test_casefolding_cannot_reveal_a_new_lookalike() -> None:
    # ᾀ is not a look-alike, but it case-folds to ἀ + ι, and ι is; the homoglyph step
    # runs again after case folding so that a second pass changes nothing.
    once = normalize_text("xᾀ")
    assert normalize_text(once) == once


# ----------------------------------------------------------------------------------------
# Step 4: separators
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("f.u.c.k", "fuck"),
        ("f u c k", "fuck"),
        ("f-u-c-k", "fuck"),
        ("f_u_c_k", "fuck"),
        ("f*u*c*k", "fuck"),
        ("i.d.i.o.t", "idiot"),
        ("you are a f.u.c.k.i.n.g idiot", "you are a fucking idiot"),
        ("s h i t head", "shit head"),
        ("n.1.g.g.3.r", "nigger"),  # joined first, then de-leeted
        ("(f.u.c.k)", "(fuck)"),
        ("F.U.C.K.", "fuck."),
    ],
)
def test_inserted_separators_are_removed(original: str, expected: str) -> None:
    assert normalize_text(original) == expected


@pytest.mark.parametrize(
    "text",
    [
        "i am a teacher",
        "plan a or plan b",
        "x y z",  # three spaced letters are not enough
        "a b c",
        "e.g. this",
        "i.e. that",
        "1.2.3.4",
        "v1.2.3",
        "a-b testing",
        "snake_case_name",
    ],
)
def test_ordinary_single_letters_are_not_joined(text: str) -> None:
    assert normalize_text(text) == text


def test_mixed_separators_are_not_joined_across() -> None:
    assert normalize_text("f.u-c k") == "f.u-c k"


@pytest.mark.parametrize("masked", ["f*ck", "sh*t", "f**k", "f***", "sh#t", "a**hole"])
def test_masked_letters_stay_one_word(masked: str) -> None:
    assert normalize_text(masked) == masked
    assert words(normalize_text(f"what a {masked} you are")) == [
        "what",
        "a",
        masked,
        "you",
        "are",
    ]


def test_word_pattern_keeps_contractions_whole() -> None:
    assert WORD_RE.findall("don't f*ck with me") == ["don't", "f*ck", "with", "me"]


# ----------------------------------------------------------------------------------------
# Step 5: leetspeak
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("n1gg3r", "nigger"),
        ("sh!t", "shit"),
        ("@ss", "ass"),
        ("@$$hole", "asshole"),
        ("a$$hole", "asshole"),
        ("a55", "ass"),
        ("b1tch", "bitch"),
        ("f4g", "fag"),
        ("h0e", "hoe"),
        ("5hit", "shit"),
        ("$lut", "slut"),
        ("1diot", "idiot"),
        ("r3t4rd", "retard"),
        ("he||o", "hello"),
        ("h4x0r", "haxor"),
        ("Sh1T", "shit"),
    ],
)
def test_leetspeak_is_undone(original: str, expected: str) -> None:
    assert normalize_text(original) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2024",
        "3.5",
        "$20",
        "100%",
        "$5k",
        "1st 2nd 3rd 4th",
        "5pm",
        "10am",
        "5mins",
        "3days",
        "4ever",
        "the 1990s",
        "mp3",
        "b2b",
        "h264",
        "gr8",
        "covid19",
        "win10",
        "ipv4",
        "wow!",
        "what?!",
        "@sarah you are right",
        "us$",
    ],
)
def test_numbers_and_ordinary_tokens_are_not_deleeted(text: str) -> None:
    assert normalize_text(text) == text


# ----------------------------------------------------------------------------------------
# Step 6: repeats and whitespace
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("fuuuuuck", "fuuck"),
        ("stuuupid", "stuupid"),
        ("idiooooot", "idioot"),
        ("good", "good"),
        ("shut up!!!!!!", "shut up!!!"),
        ("what?????", "what???"),
        ("wait......", "wait..."),
        ("sh!!!!t", "shiit"),  # leet first, then the run collapses
        ("one\n\ntwo\tthree   four", "one two three four"),
        ("  padded  ", "padded"),
        ("1000000 people", "1000000 people"),
        ("😂😂😂😂😂", "😂😂😂"),
    ],
)
def test_runs_collapse(original: str, expected: str) -> None:
    assert normalize_text(original) == expected


# ----------------------------------------------------------------------------------------
# Things that must not be mangled
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("I paid $20 for 3 tickets", "i paid $20 for 3 tickets"),
        ("It costs 3.5% more than in 2024.", "it costs 3.5% more than in 2024."),
        ("Call 555-0134 before 5pm.", "call 555-0134 before 5pm."),
        (
            "See https://example.com/a-b-c-d?id=10&p4ge=3",
            "see https://example.com/a-b-c-d?id=10&p4ge=3",
        ),
        ("www.aaaa.com/x.y.z.w", "www.aaaa.com/x.y.z.w"),
        ("mail j0hn.d0e@example.com now", "mail j0hn.d0e@example.com now"),
        ("Great piece 👍 thanks", "great piece 👍 thanks"),
        ("I think, therefore I am.", "i think, therefore i am."),
    ],
)
def test_ordinary_text_is_not_mangled(original: str, expected: str) -> None:
    assert normalize_text(original) == expected


# ----------------------------------------------------------------------------------------
# Offsets back into the original
# ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "word", "obfuscated"),
    [
        ("you are a f.u.c.k.i.n.g idiot", "fucking", "f.u.c.k.i.n.g"),
        ("ｉｄｉｏｔ", "idiot", "ｉｄｉｏｔ"),
        ("id\u200biot", "idiot", "id\u200biot"),
        ("what a fuuuuuck up", "fuuck", "fuuuuuck"),
        ("such an 𝐢𝐝𝐢𝐨𝐭, really", "idiot", "𝐢𝐝𝐢𝐨𝐭"),
        ("😂😂 you n1gg3r 😂", "nigger", "n1gg3r"),
        ("total іdіоt", "idiot", "іdіоt"),
        ("f\u0301u\u0308ck off", "fuck", "f\u0301u\u0308ck"),
        ("go   f u c k   yourself", "fuck", "f u c k"),
        ("sh!!!!t happens", "shiit", "sh!!!!t"),
    ],
)
def test_deobfuscated_word_maps_back_to_the_obfuscated_substring(
    original: str, word: str, obfuscated: str
) -> None:
    assert span_of(original, word) == obfuscated


def test_offsets_are_code_points_not_utf16_units() -> None:
    original = "🎉𝐟𝐮𝐜𝐤 you"  # all astral-plane characters before "you"
    n = normalize(original)
    assert n.text == "🎉fuck you"
    assert n.to_original(1, 5) == (1, 5)
    assert n.to_original(6, 9) == (6, 9)
    assert original[6:9] == "you"


def test_an_expanded_character_maps_each_part_to_the_same_original() -> None:
    n = normalize("ﬁne")
    assert n.text == "fine"
    assert n.starts[:2] == (0, 0)
    assert n.ends[:2] == (1, 1)
    assert n.to_original(0, 1) == (0, 1)
    assert n.to_original(0, 4) == (0, 3)


def test_collapsed_whitespace_maps_to_the_whole_run() -> None:
    n = normalize("a \n\t b")
    assert n.text == "a b"
    assert n.to_original(1, 2) == (1, 5)


def test_to_original_empty_and_invalid_ranges() -> None:
    n = normalize("  hello  ")
    assert n.text == "hello"
    assert n.to_original(0, 0) == (2, 2)
    assert n.to_original(5, 5) == (7, 7)
    assert normalize("").to_original(0, 0) == (0, 0)
    assert normalize(" \u200b ").to_original(0, 0) == (0, 0)
    with pytest.raises(ValueError):
        n.to_original(3, 2)
    with pytest.raises(ValueError):
        n.to_original(0, 6)
    with pytest.raises(ValueError):
        n.to_original(-1, 2)


def test_normalized_is_a_frozen_value() -> None:
    n = normalize("Hi")
    assert n == Normalized("hi", (0, 1), (1, 2))
    with pytest.raises(AttributeError):
        n.text = "x"  # type: ignore[misc]


def test_benchmark_reports_a_rate() -> None:
    assert bench_normalize(200) > 0


# ----------------------------------------------------------------------------------------
# Properties
# ----------------------------------------------------------------------------------------

# Fragments that exercise every step and the interactions between them.
_FRAGMENTS = [
    *"abcdefikostuxyz",
    *"ABIOS",
    *" ..--__**!!@@$$||",
    *"0123456789",
    "\n",
    "\t",
    "  ",
    "аеоісух",  # Cyrillic look-alikes
    "АНКТ",
    "жди",  # Cyrillic non-look-alikes
    "αονιΑΟΗ",
    "ᾀᾳΐ",
    "ｉｄ",
    "𝐟𝐮",
    "ﬁ",
    "ß",
    "İ",
    "\u200b",
    "\u0301",
    "\u00ad",
    "\ufe0f",
    "😂",
    "é",
    "´",
    "http://",
    "www.",
    "@x.com",
    "://",
    "$20",
    "5mins",
    "sh!t",
    "n1gg3r",
    "f.u.c.k",
    "f u c k",
    "\u202e",
    "\u202c",
    "\u00a0",
    "ʇ",
    "ɐ",
    "ı",
    "😀",
    " . ",
]
_TURNED = re.compile("[ɐɔǝɟƃᵷɥᴉɾʞɯɹʇʌʍʎ∀ꓭᗡℲ⅁˥ꟽꓕ⊥∩⅄]")
obfuscated_text = st.lists(st.sampled_from(_FRAGMENTS), max_size=40).map("".join)
any_text = st.one_of(st.text(), obfuscated_text)


def _check_map(original: str, n: Normalized) -> None:
    assert len(n.starts) == len(n.ends) == len(n.text)
    for i in range(len(n.text)):
        assert 0 <= n.starts[i] <= n.ends[i] <= len(original)
    if "\u202e" not in original and not _TURNED.search(n.text + original):
        # Monotonic except inside a run read reversed (an override, upside-down text).
        assert all(a <= b for a, b in zip(n.starts, n.starts[1:], strict=False))
        assert all(a <= b for a, b in zip(n.ends, n.ends[1:], strict=False))
    begin, end = n.to_original(0, len(n.text))
    assert 0 <= begin <= end <= len(original)


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_the_map_is_well_formed(original: str) -> None:
    _check_map(original, normalize(original))


@settings(max_examples=400, deadline=None)
@given(any_text)
def test_normalize_text_agrees_with_normalize(original: str) -> None:
    assert normalize_text(original) == normalize(original).text


mixed_case_text = st.one_of(
    any_text, st.from_regex(r"[A-Za-z ,.'!?]{0,60}", fullmatch=True), st.text(max_size=30)
)


@settings(max_examples=400, deadline=None)
@given(mixed_case_text)
def test_the_map_built_from_known_canonical_text_is_the_full_map(original: str) -> None:
    # normalize_known takes a shortcut (the identity map) for text that was only
    # lower-cased; it must give exactly what the full mapped normalisation gives.
    full = normalize(original)
    assert normalize_known(original, normalize_text(original)) == full


@settings(max_examples=400, deadline=None)
@given(any_text)
# a turned letter beside a leetspeak digit: read as two words, then as one after step 5
@example("I0ʇ")
@example("ʇ3ɹ 7ɐ")
# a review's cases: leetspeak characters that step 5 squeezes ("s$5" -> "ss", "00" -> "oo")
@example("ʇ0qʍɯʎs$5.ʞɐ")
@example("ɾʌS3 o00ɟɾʇ@")
def test_normalising_twice_changes_nothing(original: str) -> None:
    once = normalize_text(original)
    assert normalize_text(once) == once


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.from_regex(r"[a-z]{2,12}", fullmatch=True).filter(
            lambda w: not any(w[i] == w[i + 1] == w[i + 2] for i in range(len(w) - 2))
        ),
        min_size=1,
        max_size=20,
    ).map(" ".join)
)
def test_plain_lowercase_words_come_through_unchanged(text: str) -> None:
    # Words of two or more letters: four single letters in a row would be joined on
    # purpose, and a letter tripled would be collapsed on purpose.
    n = normalize(text)
    assert n.text == text
    assert n.starts == tuple(range(len(text)))
    assert n.ends == tuple(range(1, len(text) + 1))


@settings(max_examples=200, deadline=None)
@given(obfuscated_text)
def test_every_character_maps_into_a_nonempty_original_range(original: str) -> None:
    # Nothing in the canonical text is invented: each character comes from something.
    n = normalize(original)
    for i in range(len(n.text)):
        assert n.starts[i] < n.ends[i]


def test_the_ascii_fast_path_agrees_for_every_ascii_character() -> None:
    for code in range(128):
        text = f"ab{chr(code)}cd {chr(code)}"
        assert normalize_text(text) == normalize(text).text, repr(chr(code))
