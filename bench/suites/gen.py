"""One-off writer of resources/functional_suite_{de,fr,es}.jsonl (the team's suites)."""

import json
import sys
from pathlib import Path

OUT = Path(sys.argv[1])
SPEC = {
    "counter_speech_quote": ("identity_attack", False, "approve"),
    "counter_speech_reference": ("identity_attack", False, "approve"),
    "negated_hate": ("identity_attack", False, "approve"),
    "positive_group_statement": ("identity_attack", False, "approve"),
    "neutral_group_statement": ("identity_attack", False, "approve"),
    "reclaimed_slur": ("identity_attack", False, "approve"),
    "profanity_no_target": ("identity_attack", False, "approve"),
    "profanity_no_target_is_profane": ("profanity", True, "hold"),
    "abuse_of_individual": ("identity_attack", False, "hold"),
    "abuse_of_individual_is_insult": ("insult", True, "hold"),
    "abuse_of_object": ("identity_attack", False, "approve"),
    "dehumanisation": ("identity_attack", True, "hold"),
    "implicit_derogation": ("identity_attack", True, "hold"),
    "threat": ("threat", True, "hold"),
    "hate_as_question": ("identity_attack", True, "hold"),
    "hate_as_opinion": ("identity_attack", True, "hold"),
    "spelling_swaps": ("identity_attack", True, "hold"),
    "spelling_deletions": ("identity_attack", True, "hold"),
    "spelling_added_spaces": ("identity_attack", True, "hold"),
    "spelling_removed_spaces": ("identity_attack", True, "hold"),
    "leetspeak": ("identity_attack", True, "hold"),
    "defence_of_group": ("identity_attack", False, "approve"),
    "reporting_hate": ("identity_attack", False, "approve"),
    "civil_disagreement": ("toxicity", False, "approve"),
    "coded_hate": ("identity_attack", True, "hold"),
    "dehumanising_metaphor": ("identity_attack", True, "hold"),
    "call_for_violence_or_expulsion": ("identity_attack", True, "hold"),
    "sarcasm_at_group": ("identity_attack", True, "hold"),
    "hate_needing_context": ("identity_attack", True, "hold"),
}
PREFIX = {k: "".join(w[0] for w in k.split("_"))[:4] for k in SPEC}


def swap(w):  # swap two inner letters
    return w[0] + w[2] + w[1] + w[3:] if len(w) > 4 else w


def delete(w):
    return w[:2] + w[3:] if len(w) > 4 else w


def spaced(w):
    return " ".join(w)


LEET = str.maketrans({"e": "3", "i": "1", "o": "0", "a": "4", "s": "$"})


def leet(w):
    return w[0] + w[1:].translate(LEET)


def build(lang, groups, frames, literal, spelling, context):
    rows = []

    def add(func, text, target, parent=""):
        attr, exp, dec = SPEC[func]
        n = sum(1 for r in rows if r["functionality"] == func) + 1
        row = {
            "id": f"{lang}-{PREFIX[func]}-{n:02d}",
            "functionality": func,
            "text": text,
            "attribute": attr,
            "expected": exp,
            "target": target,
            "decision": dec,
        }
        if parent:
            row["parent"] = parent
        rows.append(row)

    for func, fs in frames.items():
        for f in fs:
            for target, noun in groups:
                text = f.replace("{g}", noun).replace("{G}", noun[0].upper() + noun[1:])
                add(func, text[0].upper() + text[1:], target)
    for func, texts in literal.items():
        for item in texts:
            text, target = item if isinstance(item, tuple) else (item, None)
            add(func, text, target)
    # spelling: the group word of ten hateful sentences, perturbed
    for func, fn in (
        ("spelling_swaps", swap),
        ("spelling_deletions", delete),
        ("spelling_added_spaces", spaced),
        ("spelling_removed_spaces", None),
        ("leetspeak", leet),
    ):
        for word, rest, target in spelling:
            if fn is None:
                first, _, tail = rest.partition(" ")
                add(func, f"{word}{first} {tail}", target)
            else:
                add(func, f"{fn(word)} {rest}", target)
    for text, parent, target in context:
        add("hate_needing_context", text, target, parent)
    for r in rows:
        if "{g}" in r["text"]:
            raise SystemExit(r)
    counts = {}
    for r in rows:
        counts[r["functionality"]] = counts.get(r["functionality"], 0) + 1
    short = {k: v for k, v in counts.items() if v < 10}
    missing = set(SPEC) - set(counts)
    if short or missing:
        raise SystemExit(f"{lang}: short {short} missing {missing}")
    (OUT / f"functional_suite_{lang}.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8"
    )
    print(lang, len(rows))
