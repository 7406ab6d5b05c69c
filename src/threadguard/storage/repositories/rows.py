"""What more than one repository reads: a comment's latest analysis (and the latest row of
each of many comments), rows as the plain
records callers see (whose fields are, mostly, the row's columns of the same name), the
hash by which the audit log names a comment's text, and the limit of a listing to the
sites asked for and allowed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Select, SQLColumnExpression, func, select
from sqlalchemy.orm import Session

from threadguard.storage.models import AnalysisRow as AnalysisModel

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")
T = TypeVar("T")
S = TypeVar("S", bound="Select[*tuple[Any, ...]]")

#: How many values go into one ``IN (...)`` list.
IN_CHUNK = 500


def in_chunks(values: Sequence[T]) -> Iterator[Sequence[T]]:
    """``values`` in slices of at most :data:`IN_CHUNK`: one ``IN (...)`` list each."""
    for start in range(0, len(values), IN_CHUNK):
        yield values[start : start + IN_CHUNK]


def from_row(record: type[R], row: object, **given: Any) -> R:
    """A ``record`` whose fields are the row's attributes of the same names, but for those
    ``given`` (what the row does not hold: its site's name, a count)."""
    taken = {f.name: getattr(row, f.name) for f in fields(record) if f.name not in given}
    return record(**taken, **given)


def latest_analysis(session: Session, comment_id: str) -> AnalysisModel | None:
    """The comment's most recent analysis (a comment is analysed again when edited)."""
    return session.scalars(
        select(AnalysisModel)
        .where(AnalysisModel.comment_id == comment_id)
        .order_by(AnalysisModel.id.desc())
        .limit(1)
    ).first()


def latest_rows(
    session: Session, model: Any, ids: Sequence[str], *, source: str | None = None
) -> dict[str, Any]:
    """The latest row of ``model`` (analyses or decisions, by ``source``) per comment id."""
    out: dict[str, Any] = {}
    for chunk in in_chunks(ids):
        latest = select(func.max(model.id)).where(model.comment_id.in_(chunk))
        if source is not None:
            latest = latest.where(model.source == source)
        latest = latest.group_by(model.comment_id)
        for row in session.scalars(select(model).where(model.id.in_(latest))).all():
            out[row.comment_id] = row
    return out


def text_sha256(text: str) -> str:
    """The SHA-256 of a comment's text (UTF-8), in hex: how the audit log names a text
    without repeating it (an edit's old and new text, the text a verdict was given on)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def on_sites(
    stmt: S, name: SQLColumnExpression[Any], site: str | None, sites: Sequence[str] | None
) -> S:
    """``stmt`` limited, by ``name`` (the column that holds a row's site name), to the
    ``site`` asked for and to the ``sites`` the account may see (None: no limit): one
    rule, so that no listing shows a site-bound account another site's rows."""
    if site is not None:
        stmt = stmt.where(name == site)
    if sites is not None:
        stmt = stmt.where(name.in_(sites))
    return stmt
