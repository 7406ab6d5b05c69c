"""Stored threads as the dashboard shows them: recent articles with counts, and one
article's comments with their latest analysis and verdicts.

A thread is an article (``articles``) and the comments filed under it. Reading one is a
fixed number of queries whatever its size: the comments, then the latest analysis, the
latest policy decision and the latest moderator verdict of all of them at once
(``MAX(id) ... GROUP BY comment_id`` over the indexed ``comment_id``), in chunks of ids.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import case, func, select

from threadguard.storage.models import AnalysisRow as AnalysisModel
from threadguard.storage.models import Article, Site
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.records import (
    NotFoundError,
    Page,
    StoredThread,
    ThreadComment,
    ThreadSummary,
    no_comment,
)
from threadguard.storage.repositories.audit import latest_verdicts
from threadguard.storage.repositories.rows import in_chunks, latest_rows, on_sites
from threadguard.storage.sessions import Repository, find_site_id, with_site_name


@dataclass(frozen=True)
class StoredComment:
    """A comment of an article as stored, as a thread uploaded again is compared with it
    (:meth:`ThreadRepository.stored_comments`): its text, place and status, and, when it
    was scored, what it was read with and its latest analysis and policy decision."""

    external_id: str
    text: str
    parent_id: str | None
    author: str | None
    status: str
    #: Its parent's stored text ("": no parent, or none stored).
    parent_text: str = ""
    #: What the comment answered when last read: its parent's stored text, else its
    #: article's title (the context the engine and the moderator read it with).
    context: str = ""
    #: The latest analysis's columns (scores, targets, spans, language, model,
    #: author_scores) and the latest policy decision's (action, reasons, details); None
    #: for a comment kept as context only, never scored.
    analysis: dict[str, Any] | None = None
    decision: dict[str, Any] | None = None

    @property
    def scored(self) -> bool:
        """Whether the comment was scored and decided (not only kept as context)."""
        return self.analysis is not None and self.decision is not None


@dataclass(frozen=True)
class StoredArticle:
    """What the store holds of an article's comments named by an upload: its title ("":
    none or no such article) and each of those comments stored, by its id there."""

    title: str = ""
    comments: dict[str, StoredComment] = field(default_factory=dict)


class ThreadRepository(Repository):
    """Articles and their comment trees, read for people."""

    def stored_comments(
        self, site: str, article_key: str, external_ids: Collection[str]
    ) -> StoredArticle:
        """The article's title and those of ``external_ids`` stored under it, each with
        the context it was read with, its latest analysis and its policy decision: what a
        thread uploaded again is compared with (a fixed number of queries per
        :data:`~threadguard.storage.repositories.rows.IN_CHUNK` ids)."""
        ids = sorted(set(external_ids))
        with self._sessions.read() as session:
            site_id = find_site_id(session, site)
            if site_id is None:
                return StoredArticle()
            title = session.scalar(
                select(Article.title).where(
                    Article.site_id == site_id, Article.external_id == article_key
                )
            )
            rows: list[CommentModel] = []
            for chunk in in_chunks(ids):
                rows.extend(
                    session.scalars(
                        select(CommentModel).where(
                            CommentModel.site_id == site_id,
                            CommentModel.article_key == article_key,
                            CommentModel.external_id.in_(chunk),
                        )
                    ).all()
                )
            texts = {r.external_id: r.text for r in rows if r.external_id is not None}
            parents = sorted(
                {r.parent_external_id for r in rows if r.parent_external_id} - set(texts)
            )
            for chunk in in_chunks(parents):  # parents the upload does not name
                found = session.execute(
                    select(CommentModel.external_id, CommentModel.text).where(
                        CommentModel.site_id == site_id,
                        CommentModel.article_key == article_key,
                        CommentModel.external_id.in_(chunk),
                    )
                ).all()
                texts.update((ext, text) for ext, text in found if ext is not None)
            scored = [r.id for r in rows if r.source != "context"]
            analyses = latest_rows(session, AnalysisModel, scored)
            policy = latest_rows(session, DecisionModel, scored, source="policy")
        out = {}
        for r in rows:
            if r.external_id is None:
                continue
            a, d = analyses.get(r.id), policy.get(r.id)
            parent = texts.get(r.parent_external_id or "", "") if r.parent_external_id else ""
            out[r.external_id] = StoredComment(
                external_id=r.external_id,
                text=r.text,
                parent_id=r.parent_external_id,
                author=r.author,
                status=r.status,
                parent_text=parent,
                context=parent or title or "",
                analysis=_analysis_columns(a) if a is not None and r.source != "context" else None,
                decision=(
                    {"action": d.action, "reasons": list(d.reasons), "details": d.details}
                    if d is not None
                    else None
                ),
            )
        return StoredArticle(title or "", out)

    def recent_threads(
        self,
        *,
        site: str | None = None,
        sites: tuple[str, ...] | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> Page[ThreadSummary]:
        """Articles with scored comments, the most recently active first."""
        # Counted from the comments (one pass over the site's, by its index), then joined
        # to their articles: ``comments.article_id`` has no index to drive a join from
        # the articles' side.
        counts = select(
            CommentModel.article_id.label("aid"),
            func.count().label("comments"),
            func.sum(case((CommentModel.status == "pending", 1), else_=0)).label("pending"),
            func.sum(case((CommentModel.status == "rejected", 1), else_=0)).label("rejected"),
            func.max(CommentModel.received_at).label("last"),
        ).where(CommentModel.source != "context", CommentModel.article_id.is_not(None))
        if site is not None or sites is not None:
            names = [site] if site is not None else list(sites or ())
            counts = counts.where(
                CommentModel.site_id.in_(select(Site.id).where(Site.name.in_(names)))
            )
        per = counts.group_by(CommentModel.article_id).subquery("per_article")
        stmt = (
            select(
                Article.id,
                Site.name,
                Article.external_id,
                Article.title,
                Article.url,
                per.c.comments,
                per.c.pending,
                per.c.rejected,
                per.c.last,
            )
            .join(per, per.c.aid == Article.id)
            .join(Site, Site.id == Article.site_id)
        )
        stmt = on_sites(stmt, Site.name, site, sites)
        last = per.c.last
        with self._sessions.read() as session:
            total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
            rows = session.execute(
                stmt.order_by(last.desc(), Article.id.desc()).limit(limit).offset(offset)
            ).all()
        return Page([_summary(*r) for r in rows], int(total), limit, offset)

    def thread_of(self, comment_id: str) -> int:
        """The article a comment is filed under; :class:`NotFoundError` when the comment
        does not exist or belongs to no article."""
        with self._sessions.read() as session:
            found = session.execute(
                select(CommentModel.article_id).where(CommentModel.id == comment_id)
            ).first()
        if found is None:
            raise no_comment(comment_id)
        if found[0] is None:
            raise NotFoundError(f"comment {comment_id!r} is not part of a thread")
        return int(found[0])

    def find_thread(self, site: str, external_id: str) -> int:
        """The id of the site's article with this id there; :class:`NotFoundError` if none."""
        with self._sessions.read() as session:
            site_id = find_site_id(session, site)
            found = session.scalar(
                select(Article.id).where(
                    Article.site_id == site_id, Article.external_id == external_id
                )
            )
        if found is None:
            raise NotFoundError(f"no thread {external_id!r} on site {site!r}")
        return int(found)

    def thread(self, article_id: int, *, limit: int = 2000) -> StoredThread:
        """The article and its first ``limit`` comments (in the order they were stored,
        reading order within an upload), each with its latest analysis and verdicts."""
        with self._sessions.read() as session:
            head = session.execute(with_site_name(Article).where(Article.id == article_id)).first()
            if head is None:
                raise NotFoundError(f"no thread with id {article_id}")
            article, site = head
            rows = session.scalars(
                select(CommentModel)
                .where(
                    # The site and article key lead the unique index on comments.
                    CommentModel.site_id == article.site_id,
                    CommentModel.article_key == article.external_id,
                    CommentModel.article_id == article_id,
                )
                .order_by(CommentModel.received_at, CommentModel.position, CommentModel.id)
                .limit(limit + 1)
            ).all()
            truncated = len(rows) > limit
            rows = rows[:limit]
            ids = [c.id for c in rows]
            analyses = latest_rows(session, AnalysisModel, ids)
            policy = latest_rows(session, DecisionModel, ids, source="policy")
            verdicts = latest_verdicts(session, ids)
            comments = [
                _comment(c, analyses.get(c.id), policy.get(c.id), verdicts.get(c.id)) for c in rows
            ]
        scored = [c for c in comments if c.scores is not None]
        summary = ThreadSummary(
            id=article.id,
            site=site,
            external_id=article.external_id,
            title=article.title,
            url=article.url,
            comments=len(scored),
            pending=sum(c.status == "pending" for c in scored),
            rejected=sum(c.status == "rejected" for c in scored),
            last_at=max((c.received_at for c in scored), default=None),
        )
        return StoredThread(summary, comments, truncated)


def _summary(
    aid: int,
    site: str,
    ext: str,
    title: str,
    url: str,
    comments: int,
    pending: Any,
    rejected: Any,
    last: Any,
) -> ThreadSummary:
    return ThreadSummary(
        int(aid), site, ext, title, url, int(comments), int(pending or 0), int(rejected or 0), last
    )


def _comment(
    row: CommentModel,
    analysis: AnalysisModel | None,
    policy: DecisionModel | None,
    verdict: DecisionModel | None,
) -> ThreadComment:
    # A verdict given on an earlier text (before an edit) no longer stands.
    standing = verdict if row.status_source == "moderator" else None
    return ThreadComment(
        id=row.id,
        external_id=row.external_id,
        parent_id=row.parent_external_id,
        author=row.author,
        text=row.text,
        depth=row.depth,
        position=row.position,
        posted_at=row.posted_at,
        received_at=row.received_at,
        status=row.status,
        status_source=row.status_source,
        scores=(
            {k: float(v) for k, v in analysis.scores.items()}
            if analysis is not None and row.source != "context"
            else None
        ),
        targets=list(analysis.targets) if analysis is not None else [],
        spans=list(analysis.spans) if analysis is not None else [],
        language=analysis.language if analysis is not None else "",
        policy_action=policy.action if policy is not None else None,
        policy_reasons=[str(r) for r in policy.reasons] if policy is not None else [],
        policy_details=policy.details if policy is not None else None,
        moderator_action=standing.action if standing is not None else None,
        moderator=standing.actor if standing is not None else None,
        moderator_reasons=[str(r) for r in standing.reasons] if standing is not None else [],
        erased_at=row.erased_at,
        erased_by=row.erased_by,
    )


def _analysis_columns(row: AnalysisModel) -> dict[str, Any]:
    return {
        "scores": dict(row.scores),
        "targets": list(row.targets),
        "spans": list(row.spans),
        "language": row.language,
        "model": row.model,
        "author_scores": dict(row.author_scores) if row.author_scores is not None else None,
    }
