"""What more than one repository reads: a comment's latest analysis, and rows as the
plain records callers see (whose fields are, mostly, the row's columns of the same name)."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from threadguard.storage.models import AnalysisRow as AnalysisModel

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")


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
