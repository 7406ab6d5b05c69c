"""docs/compatibility.md's table of the attributes scored in each language is the models'
own (:meth:`Engine.supports`): Perspective refuses an attribute a language has no evidence
for, and a client had only the model card to learn which (the compat tryout). When a model
changes, this test fails and prints the table to paste."""

from __future__ import annotations

from pathlib import Path

from threadguard.engine import Engine
from threadguard.schema import ATTRIBUTES

DOC = Path(__file__).resolve().parents[2] / "docs" / "compatibility.md"
START = "<!-- attributes by language: generated from Engine.supports, see tests/service/test_compat_language_table.py -->"
END = "<!-- end of attributes by language -->"


def attribute_table(engine: Engine) -> str:
    """The Markdown table: a row per covered language (English first), a column per
    attribute, under Perspective's names."""
    covered = ["en", *sorted(engine.languages.languages if engine.languages else ())]
    names = [a.upper() for a in ATTRIBUTES]
    lines = [
        "| language | " + " | ".join(f"`{n}`" for n in names) + " |",
        "| --- |" + " :-: |" * len(names),
    ]
    for language in covered:
        cells = ["yes" if engine.supports(a, language) else "—" for a in ATTRIBUTES]
        lines.append(f"| `{language}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def documented_table() -> str:
    text = DOC.read_text(encoding="utf-8")
    assert START in text and END in text, f"{DOC}: the table's markers are missing"
    return text.split(START, 1)[1].split(END, 1)[0].strip()


def test_the_documented_table_is_the_models(engine: Engine) -> None:
    expected = attribute_table(engine)
    assert documented_table() == expected, (
        f"{DOC}'s table of attributes by language differs from Engine.supports; "
        f"put this between its markers:\n\n{expected}\n"
    )


def test_the_table_names_every_covered_language(engine: Engine) -> None:
    """A language the models cover and the table leaves out would read as uncovered."""
    table = documented_table()
    assert engine.languages is not None
    for language in ["en", *engine.languages.languages]:
        assert f"| `{language}` |" in table
