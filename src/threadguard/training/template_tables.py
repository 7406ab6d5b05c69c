"""The templates' sentences, which ship as data: ``resources/templates/*.toml``.

The team's per-language training sentences are data, kept apart from the code that labels
them (:mod:`~threadguard.training.templates_languages` and its later rounds): each file
holds one table per kind of sentence, and each table maps a language to its sentences in
the order the rows are made. English templates that are not per language (the civic news
templates, ``civic.toml``) hold top-level arrays instead: of sentences, or of records (a
noun with its forms and groups). :class:`TemplateTables` reads one file and hands out its
tables checked and typed; a table of the wrong shape fails loudly, naming the file and
the table.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from threadguard.schema import GROUPS

#: Where the files are, in ``threadguard.resources``.
TEMPLATES_FOLDER = "templates"


#: What :meth:`TemplateTables.records` calls each kind of item, for messages.
_KIND_NAMES: dict[type, str] = {
    str: "a non-empty string",
    bool: "true or false",
    tuple: "an array of non-empty strings",
}


class TemplateDataError(ValueError):
    """A file that is not valid TOML, or a table that is missing, empty or not of the
    expected shape; the message names the file and the table."""


@dataclass(frozen=True)
class TemplateTables:
    """The tables of one template file (``source``: its name, for messages)."""

    source: str
    tables: dict[str, Any]

    @classmethod
    def load(cls, name: str) -> TemplateTables:
        """The packaged file ``name`` (read through importlib.resources, so it works from a
        wheel as well as from a checkout)."""
        source = f"{TEMPLATES_FOLDER}/{name}"
        path = resources.files("threadguard.resources").joinpath(source)
        try:
            tables = tomllib.loads(path.read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise TemplateDataError(f"{source}: {exc}") from exc
        return cls(source, tables)

    def sentences(self, table: str) -> dict[str, tuple[str, ...]]:
        """Per language, its sentences (``[table]``: ``lang = ["...", ...]``); in a file that
        is not per language, per kind of sentence (``kind = ["...", ...]``)."""
        return {
            language: self._strings(f"{table}.{language}", value)
            for language, value in self._table(table).items()
        }

    def pairs(self, table: str) -> dict[str, tuple[tuple[str, str], ...]]:
        """Per language, its pairs of strings (``lang = [["a", "b"], ...]``): a group and
        its noun, or a sentence and the group it targets."""
        out: dict[str, tuple[tuple[str, str], ...]] = {}
        for language, value in self._table(table).items():
            where = f"{table}.{language}"
            if not isinstance(value, list):
                raise TemplateDataError(f"{self.source}: {where} must be an array of pairs")
            if not value:
                raise TemplateDataError(f"{self.source}: {where} is an empty array")
            for i, pair in enumerate(value):
                if not (
                    isinstance(pair, list)
                    and len(pair) == 2
                    and all(isinstance(v, str) and v for v in pair)
                ):
                    raise TemplateDataError(
                        f"{self.source}: {where}[{i}] must be a pair of non-empty strings"
                    )
            out[language] = tuple((first, second) for first, second in value)
        return out

    def sentences_by_kind(self, table: str) -> dict[str, dict[str, tuple[str, ...]]]:
        """Per language, its sentences per kind (``[table.lang]``: ``kind = ["...", ...]``),
        kinds in the file's order."""
        return {
            language: {
                kind: self._strings(f"{table}.{language}.{kind}", value)
                for kind, value in self._kinds(table, language, kinds).items()
            }
            for language, kinds in self._table(table).items()
        }

    def strings(self, key: str) -> tuple[str, ...]:
        """A top-level array of non-empty strings (``key = ["...", ...]``): sentences or
        nouns of a file that is not per language."""
        if key not in self.tables:
            raise TemplateDataError(f"{self.source}: no array {key}")
        return self._strings(key, self.tables[key])

    def records(self, key: str, kinds: tuple[type, ...]) -> tuple[tuple[Any, ...], ...]:
        """A top-level array of records (``key = [[...], ...]``), each an array of one item
        per kind in ``kinds``, in order: ``str`` a non-empty string, ``bool`` a boolean,
        ``tuple`` an array of non-empty strings (possibly empty), read as a tuple. The
        caller names the record's type; this checks that the file gives it."""
        value = self.tables.get(key)
        if not isinstance(value, list) or not value:
            raise TemplateDataError(f"{self.source}: {key} must be a non-empty array of records")
        return tuple(self._record(f"{key}[{i}]", row, kinds) for i, row in enumerate(value))

    def group_records(
        self, key: str, kinds: tuple[type, ...], group_at: int
    ) -> tuple[tuple[Any, ...], ...]:
        """:meth:`records` whose item at ``group_at`` names the group a row targets: each
        must be one of the schema's groups, or the file fails loading (a typo would
        otherwise train a head no one reads, or none)."""
        records = self.records(key, kinds)
        for i, row in enumerate(records):
            if row[group_at] not in GROUPS:
                raise TemplateDataError(
                    f"{self.source}: {key}[{i}][{group_at}] names no schema group: "
                    f"{row[group_at]!r}"
                )
        return records

    def _record(self, where: str, row: Any, kinds: tuple[type, ...]) -> tuple[Any, ...]:
        if not isinstance(row, list) or len(row) != len(kinds):
            raise TemplateDataError(
                f"{self.source}: {where} must be an array of {len(kinds)} items"
            )
        out: list[Any] = []
        for i, (item, kind) in enumerate(zip(row, kinds, strict=True)):
            if kind is tuple and isinstance(item, list):
                out.append(self._strings(f"{where}[{i}]", item) if item else ())
            elif kind is not tuple and type(item) is kind and item != "":
                out.append(item)
            else:
                raise TemplateDataError(
                    f"{self.source}: {where}[{i}] must be {_KIND_NAMES[kind]}, not {item!r}"
                )
        return tuple(out)

    def _table(self, table: str) -> dict[str, Any]:
        """The top-level ``[table]``: a table of languages."""
        if table not in self.tables:
            raise TemplateDataError(f"{self.source}: no table [{table}]")
        value = self.tables[table]
        if not isinstance(value, dict):
            raise TemplateDataError(
                f"{self.source}: [{table}] must be a table of languages, not {type(value).__name__}"
            )
        return value

    def _kinds(self, table: str, language: str, value: Any) -> dict[str, Any]:
        """``[table.language]``: a table of kinds."""
        if not isinstance(value, dict):
            raise TemplateDataError(
                f"{self.source}: [{table}.{language}] must be a table of kinds, "
                f"not {type(value).__name__}"
            )
        return value

    def _strings(self, where: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise TemplateDataError(f"{self.source}: {where} must be an array of non-empty strings")
        if not value:
            raise TemplateDataError(f"{self.source}: {where} is an empty array")
        return tuple(value)
