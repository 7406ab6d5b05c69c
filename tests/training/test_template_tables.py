"""The language templates' sentence tables: read from their TOML files, checked and typed."""

from __future__ import annotations

import pytest

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
        ({"hate": ["a"]}, "sentences", "test.toml: no table [hate]"),
        ({"hate": {"de": ["a", ""]}}, "sentences", "test.toml: hate.de must be an array of"),
        ({"hate": {"de": "a"}}, "sentences", "test.toml: hate.de must be an array of"),
        ({"hate": {"de": [["a", "b", "c"]]}}, "pairs", "test.toml: hate.de must hold pairs"),
        ({"hate": {"de": ["ab"]}}, "pairs", "test.toml: hate.de must be an array of"),
        ({"hate": {"de": {"kind": [1]}}}, "sentences_by_kind", "hate.de.kind must be an array"),
        ({"hate": {"de": ["a"]}}, "sentences_by_kind", "test.toml: no table [hate.de]"),
    ],
)
def test_a_table_of_the_wrong_shape_is_refused_by_name(
    tables: dict[str, object], read: str, message: str
) -> None:
    with pytest.raises(TemplateDataError, match=message.replace("[", r"\[").replace("]", r"\]")):
        getattr(_tables(**tables), read)("hate")


@pytest.mark.parametrize(
    "name",
    [
        "languages.toml",
        "languages_round3.toml",
        "languages_round4.toml",
        "languages_round5.toml",
        "languages_round6.toml",
    ],
)
def test_the_packaged_files_load(name: str) -> None:
    tables = TemplateTables.load(name)
    assert tables.source == f"templates/{name}" and tables.tables
