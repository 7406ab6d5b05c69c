"""The comment each of a page of comments answers, in one query per article.

The queue API lists held comments for integrators who build their own review screen
(desk 78, session 52): a reply held for agreeing with its parent cannot be judged without
that parent, which the dashboard showed and the API did not."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.records import ParentComment
from threadguard.storage.repositories.rows import in_chunks

#: Where a comment's parent is: its site's id, its article's key and the parent's id on
#: the site that sent it.
ParentKey = tuple[int, str, str]


def nearest_parents(
    session: Session, wanted: Iterable[ParentKey]
) -> dict[ParentKey, ParentComment]:
    """The stored comment at each key (a parent the store never received is left out)."""
    by_article: dict[tuple[int, str], set[str]] = {}
    for site_id, key, external in wanted:
        by_article.setdefault((site_id, key), set()).add(external)
    out: dict[ParentKey, ParentComment] = {}
    for (site_id, key), ids in by_article.items():
        for chunk in in_chunks(sorted(ids)):
            rows = session.execute(
                select(
                    CommentModel.id,
                    CommentModel.external_id,
                    CommentModel.author,
                    CommentModel.text,
                    CommentModel.status,
                    CommentModel.erased_at,
                ).where(
                    CommentModel.site_id == site_id,
                    CommentModel.article_key == key,
                    CommentModel.external_id.in_(chunk),
                )
            ).all()
            for cid, external, author, text, status, erased_at in rows:
                erased = erased_at is not None
                out[(site_id, key, external)] = ParentComment(
                    cid, external, author, text, status, erased
                )
    return out
