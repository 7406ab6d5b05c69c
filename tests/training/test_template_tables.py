"""The language templates' sentence tables: read from their TOML files, checked and typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from threadguard.training import template_tables
from threadguard.training.template_tables import TemplateDataError, TemplateTables


def _tables(**tables: object) -> TemplateTables:
    return TemplateTables("test.toml", dict(tables))


def test_tables_come_out_as_tuples_in_the_files_order() -> None:
    tables = _tables(
        hate={"fr": ["b {g}", "a {g}"], "de": ["c {g}"]},
        groups={"de": [["jews", "Juden"], ["women", "Frauen"]]},
        attacks={"fr": {"sarcasm": ["x"], "implicit": ["y", "z"]}},
    )
    assert tables.sentences("hate") == {"fr": ("b {g}", "a {g}"), "de": ("c {g}",)}
    assert list(tables.sentences("hate")) == ["fr", "de"]
    assert tables.pairs("groups") == {"de": (("jews", "Juden"), ("women", "Frauen"))}
    by_kind = tables.sentences_by_kind("attacks")
    assert by_kind == {"fr": {"sarcasm": ("x",), "implicit": ("y", "z")}}
    assert list(by_kind["fr"]) == ["sarcasm", "implicit"]


@pytest.mark.parametrize(
    ("tables", "read", "message"),
    [
        ({}, "sentences", "test.toml: no table [hate]"),
        ({}, "pairs", "test.toml: no table [hate]"),
        ({"hate": ["a"]}, "sentences", "test.toml: [hate] must be a table of languages, not list"),
        ({"hate": "a"}, "pairs", "test.toml: [hate] must be a table of languages, not str"),
        ({"hate": {"de": ["a", ""]}}, "sentences", "test.toml: hate.de must be an array of"),
        ({"hate": {"de": "a"}}, "sentences", "test.toml: hate.de must be an array of"),
        ({"hate": {"de": []}}, "sentences", "test.toml: hate.de is an empty array"),
        ({"hate": {"de": []}}, "pairs", "test.toml: hate.de is an empty array"),
        ({"hate": {"de": "ab"}}, "pairs", "test.toml: hate.de must be an array of pairs"),
        (
            {"hate": {"de": [["a", "b"], ["a", "b", "c"]]}},
            "pairs",
            "test.toml: hate.de[1] must be a pair of non-empty strings",
        ),
        ({"hate": {"de": ["ab"]}}, "pairs", "test.toml: hate.de[0] must be a pair of non-empty"),
        ({"hate": {"de": [["a", ""]]}}, "pairs", "test.toml: hate.de[0] must be a pair of non-"),
        ({"hate": {"de": [["a", 1]]}}, "pairs", "test.toml: hate.de[0] must be a pair of non-"),
        ({"hate": {"de": {"kind": [1]}}}, "sentences_by_kind", "hate.de.kind must be an array"),
        ({"hate": {"de": {"kind": []}}}, "sentences_by_kind", "hate.de.kind is an empty array"),
        (
            {"hate": {"de": ["a"]}},
            "sentences_by_kind",
            "test.toml: [hate.de] must be a table of kinds, not list",
        ),
    ],
)
def test_a_table_of_the_wrong_shape_is_refused_by_name(
    tables: dict[str, object], read: str, message: str
) -> None:
    with pytest.raises(TemplateDataError, match=message.replace("[", r"\[").replace("]", r"\]")):
        getattr(_tables(**tables), read)("hate")


def test_top_level_arrays_come_out_as_tuples_in_the_files_order() -> None:
    tables = _tables(
        nouns=["b", "a"],
        peoples=[["Poles", "Poland", ["x", "y"]], ["Turks", "Turkey", []]],
        frames=[["go {p}", True], ["ask {p}", False]],
    )
    assert tables.strings("nouns") == ("b", "a")
    assert tables.records("peoples", (str, str, tuple)) == (
        ("Poles", "Poland", ("x", "y")),
        ("Turks", "Turkey", ()),
    )
    assert tables.records("frames", (str, bool)) == (("go {p}", True), ("ask {p}", False))


@pytest.mark.parametrize(
    ("value", "read", "message"),
    [
        (None, "strings", "test.toml: no array hate"),
        ([], "strings", "test.toml: hate is an empty array"),
        (["a", 1], "strings", "test.toml: hate must be an array of non-empty strings"),
        (None, "records", "test.toml: hate must be a non-empty array of records"),
        ([], "records", "test.toml: hate must be a non-empty array of records"),
        ([["a", True, []], "a"], "records", "test.toml: hate[1] must be an array of 3 items"),
        ([["a", True]], "records", "test.toml: hate[0] must be an array of 3 items"),
        ([["", True, []]], "records", "test.toml: hate[0][0] must be a non-empty string, not ''"),
        ([["a", 1, []]], "records", "test.toml: hate[0][1] must be true or false, not 1"),
        ([["a", True, "x"]], "records", "test.toml: hate[0][2] must be an array of non-empty"),
        ([["a", True, [""]]], "records", "test.toml: hate[0][2] must be an array of non-empty"),
    ],
)
def test_a_top_level_array_of_the_wrong_shape_is_refused_by_name(
    value: object, read: str, message: str
) -> None:
    tables = _tables() if value is None else _tables(hate=value)
    with pytest.raises(TemplateDataError, match=message.replace("[", r"\[").replace("]", r"\]")):
        if read == "strings":
            tables.strings("hate")
        else:
            tables.records("hate", (str, bool, tuple))


def test_a_group_record_names_a_schema_group_or_is_refused_by_name() -> None:
    tables = _tables(coded=[["They again.", "muslims"], ["They again!", "martians"]])
    with pytest.raises(TemplateDataError, match=r"coded\[1\]\[1\].*martians"):
        tables.group_records("coded", (str, str), 1)
    assert _tables(coded=[["They again.", "jews"]]).group_records("coded", (str, str), 1) == (
        ("They again.", "jews"),
    )


@pytest.mark.parametrize(
    "name",
    [
        "languages.toml",
        "languages_round3.toml",
        "languages_round4.toml",
        "languages_round5.toml",
        "languages_round6.toml",
        "civic.toml",
    ],
)
def test_the_packaged_files_load(name: str) -> None:
    tables = TemplateTables.load(name)
    assert tables.source == f"templates/{name}" and tables.tables


def test_a_file_that_is_not_toml_is_refused_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "broken.toml").write_text("[hate]\nde = = 1\n", "utf-8")
    monkeypatch.setattr(template_tables.resources, "files", lambda _package: tmp_path)
    with pytest.raises(TemplateDataError, match=r"^templates/broken\.toml: .*line 2"):
        TemplateTables.load("broken.toml")


def test_the_packaged_files_hold_what_the_modules_read() -> None:
    first = TemplateTables.load("languages.toml")
    groups = first.pairs("groups")
    assert list(groups) == ["de", "fr", "es", "it", "nl", "pl", "tr"]
    assert groups["de"][:2] == (("muslims", "Muslime"), ("jews", "Juden"))
    assert len(first.sentences("hate")["de"]) == 19 and len(first.sentences("hate")["it"]) == 5
    assert list(first.sentences("counter")) == ["de", "fr", "es"]
    coded = TemplateTables.load("languages_round3.toml").pairs("coded")
    assert coded["de"][0] == (
        "Die Umvolkung läuft, jeden Tag ein Bus mehr.",
        "nationality_migration",
    )
    attacks = TemplateTables.load("languages_round4.toml").sentences_by_kind("attacks")
    assert list(attacks["es"]) == ["implicit", "question", "opinion", "metaphor", "sarcasm"]
    fifth = TemplateTables.load("languages_round5.toml")
    assert fifth.pairs("explicit")["fr"][0] == (
        "{g} vivent comme des parasites sur notre dos.",
        "parasites",
    )
    assert fifth.pairs("nouns")["es"][0] == ("muslims", "los musulmanes")
    assert list(fifth.sentences_by_kind("attacks")["fr"]) == ["implicit", "question", "sarcasm"]
    assert fifth.sentences_by_kind("attacks")["fr"]["implicit"][0] == (
        "{g} ne savent pas se tenir, dès qu'ils sont trois ça devient la jungle."
    )
