"""What the dashboard's queue shows: queue entries with everything a moderator reads
before acting, in a few indexed queries per page.

One query lists the page (the queue item, its comment, site and article title); one
reads the page's latest analyses (spans and targets); the parent chains are walked by
the comments' unique key (site, article, id); authors' histories take two more. Counts
per status are one grouped query, on ``ix_queue_status_entered`` or
``ix_queue_site_status``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, and_, false, func, literal, or_, select, tuple_
from sqlalchemy.orm import Session

from threadguard.schema import ATTRIBUTES, ModeratorAction
from threadguard.storage.models import AnalysisRow as AnalysisModel
from threadguard.storage.models import Article, AuditEntry, Author, QueueItem, Site, utcnow
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.models import ModeratorAction as ActionRow
from threadguard.storage.records import AuthorHistory, InvalidError, Page, ParentComment, ReviewItem
from threadguard.storage.repositories import search
from threadguard.storage.repositories.moderation import UNDO, placed
from threadguard.storage.repositories.rows import text_sha256
from threadguard.storage.sessions import Repository, with_site_name

S = TypeVar("S", bound="Select[*tuple[Any, ...]]")

#: The orders a queue can be worked in.
ORDERS = ("oldest", "newest", "riskiest")
#: How many comments up the thread a queue item shows at most.
MAX_PARENTS = 12
#: How many of an author's notes a queue item shows.
MAX_NOTES = 3


@dataclass(frozen=True)
class ReviewFilter:
    """Which comments to list: status (None: every stored comment, the ones the policy
    published without a queue entry too), site, article, author, an attribute scoring at
    least ``at_least``, words of the text, the language it was read in, and a kind of
    policy reason (:data:`~threadguard.storage.repositories.search.REASON_KINDS`)."""

    status: str | None = "pending"
    site: str | None = None
    article: str | None = None
    sites: tuple[str, ...] | None = None
    author: str | None = None
    attribute: str | None = None
    at_least: float | None = None
    text: str | None = None
    language: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class EditNote:
    """A comment's latest edit (its ``comment.edit`` audit entry): when, and what its
    earlier text had: its status, the moderator who had set it (None: the policy), and
    the earlier text itself where a moderator's verdict kept it (the store keeps no
    other copy of a text edited away)."""

    at: datetime
    status: str
    by: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class ListedItem(ReviewItem):
    """A listed comment: its queue entry's fields (``queue_id`` 0 for a comment the policy
    published, which never entered the queue), with the time its author posted it (the
    upload's ``created_at``, as given), the language it was scored in, and its latest
    edit (None: never edited): editing a comment after its approval is a way to publish
    what no moderator read, and its card said nothing of it."""

    posted_at: str | None = None
    language: str = ""
    edited: EditNote | None = None
    #: When an admin erased its text and author name, and who (None: never erased).
    erased_at: datetime | None = None
    erased_by: str | None = None


class ReviewRepository(Repository):
    """The dashboard's reads of the queue."""

    def review_page(
        self,
        filters: ReviewFilter,
        *,
        order: str = "oldest",
        limit: int = 50,
        offset: int = 0,
        only: str | None = None,
        after: int | None = None,
    ) -> Page[ReviewItem]:
        """A page of the queue in ``order`` (oldest, newest or riskiest first); ``only``:
        just this comment's entry (and no count); ``after``: the entries that come after
        this queue entry in the order (whatever its status now), then ``offset``.

        With no status, every stored comment is listed, queued or not: a comment the
        policy published could not be found from the dashboard at all."""
        if order not in ORDERS:
            raise InvalidError(f"order must be one of {', '.join(ORDERS)}, not {order!r}")
        every = filters.status is None
        stmt = self._filtered(
            select(
                QueueItem,
                CommentModel.id,
                CommentModel.text,
                CommentModel.status,
                CommentModel.status_source,
                CommentModel.depth,
                CommentModel.site_id,
                CommentModel.article_key,
                CommentModel.parent_external_id,
                CommentModel.author,
                CommentModel.received_at,
                CommentModel.posted_at,
                CommentModel.erased_at,
                CommentModel.erased_by,
                Site.name,
                Article.external_id,
                Article.title,
            )
            .select_from(CommentModel)
            .join(QueueItem, QueueItem.comment_id == CommentModel.id, isouter=every)
            .join(Site, Site.id == CommentModel.site_id)
            .outerjoin(Article, Article.id == CommentModel.article_id),
            filters,
        )
        if only is not None:
            stmt = stmt.where(CommentModel.id == only)
        with self._sessions.read() as session:
            if after is not None:
                stmt = stmt.where(self._after(order, session, after, filters.attribute))
            total = self._count(session, filters) if only is None else 1
            ordering = self._order(order, session, every, filters.attribute)
            rows = session.execute(stmt.order_by(*ordering).limit(limit).offset(offset)).all()
            ids = [r[1] for r in rows]
            analyses = latest_analyses(session, ids)
            matched = matched_spans(session, ids)
            published = policy_reasons(session, [r[1] for r in rows if r[0] is None])
            edits = latest_edits(session, ids)
            items: list[ReviewItem] = []
            for row in rows:
                q, comment_id, text, status, source, depth, site_id, key, parent = row[:9]
                author, received, posted, erased_at, erased_by, site, article, title = row[9:]
                analysis = analyses.get(comment_id)
                if q is not None:
                    scores = {a: float(getattr(q, a)) for a in ATTRIBUTES}
                else:
                    stored = analysis.scores if analysis is not None else {}
                    scores = {a: float(stored.get(a, 0.0)) for a in ATTRIBUTES}
                items.append(
                    ListedItem(
                        queue_id=q.id if q is not None else 0,
                        comment_id=comment_id,
                        site=site,
                        article=article,
                        article_title=title or "",
                        author=q.author if q is not None else author,
                        text=text,
                        status=q.status if q is not None else status,
                        status_source=source,
                        reasons=list(q.reasons) if q is not None else published.get(comment_id, []),
                        scores=scores,
                        targets=list(analysis.targets) if analysis is not None else [],
                        spans=(list(analysis.spans) if analysis is not None else [])
                        + matched.get(comment_id, []),
                        depth=depth,
                        entered_at=q.entered_at if q is not None else received,
                        resolved_at=q.resolved_at if q is not None else None,
                        resolved_by=q.resolved_by if q is not None else None,
                        parents=parent_chain(session, site_id, key, parent),
                        posted_at=posted,
                        language=analysis.language if analysis is not None else "",
                        edited=edits.get(comment_id),
                        erased_at=erased_at,
                        erased_by=erased_by,
                    )
                )
        return Page(items, total, limit, offset)

    def review_item(self, comment_id: str) -> ReviewItem | None:
        """One comment's queue entry as :meth:`review_page` shows it (None: not queued)."""
        page = self.review_page(ReviewFilter(status=None), limit=1, only=comment_id)
        return page.items[0] if page.items else None

    def queue_counts(self, filters: ReviewFilter) -> dict[str, int]:
        """How many queue entries each status has under the filters (site, article...),
        and ``all``: every stored comment under them, queued or published by the policy
        (it counted queue entries only, 63 of 319 comments)."""
        queued = replace(filters, status="pending")
        stmt = self._filtered(
            _joined(select(QueueItem.status, func.count()), every=False),
            replace(queued, status=None),
        ).group_by(QueueItem.status)
        with self._sessions.read() as session:
            counts = {str(s): int(n) for s, n in session.execute(stmt).all()}
            counts["all"] = self._count(session, replace(filters, status=None))
        for status in ("pending", "rejected", "approved"):
            counts.setdefault(status, 0)
        return counts

    def site_names(self) -> list[str]:
        """Every site's name, in order (for the queue's site filter)."""
        with self._sessions.read() as session:
            return [str(n) for n in session.scalars(select(Site.name).order_by(Site.name))]

    def author_histories(
        self, authors: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], AuthorHistory]:
        """Each (site, author)'s history: counts, ban, past bans and latest notes."""
        wanted = sorted({(s, a) for s, a in authors if a})
        out: dict[tuple[str, str], AuthorHistory] = {}
        if not wanted:
            return out
        names = sorted({a for _, a in wanted})
        sites = sorted({s for s, _ in wanted})
        with self._sessions.read() as session:
            rows = session.execute(
                with_site_name(Author).where(Site.name.in_(sites), Author.name.in_(names))
            ).all()
            actions = session.execute(
                select(Site.name, ActionRow.author, ActionRow.action, ActionRow.note)
                .join(Site, Site.id == ActionRow.site_id)
                .where(
                    Site.name.in_(sites),
                    ActionRow.author.in_(names),
                    ActionRow.action.in_([ModeratorAction.BAN, ModeratorAction.NOTE, UNDO]),
                )
                .order_by(ActionRow.id.desc())
            ).all()
            # held: the author's comments waiting now (the author row's held_count counts
            # every hold ever, so one comment held then rejected read "1 held · 1 rejected")
            waiting = session.execute(
                select(Site.name, QueueItem.author, func.count())
                .join(Site, Site.id == QueueItem.site_id)
                .where(
                    Site.name.in_(sites),
                    QueueItem.author.in_(names),
                    QueueItem.status == "pending",
                )
                .group_by(Site.name, QueueItem.author)
            ).all()
        held = {(str(site), str(name)): int(n) for site, name, n in waiting}
        bans: dict[tuple[str, str], int] = {}
        notes: dict[tuple[str, str], list[str]] = {}
        for site, name, action, note in actions:
            key = (str(site), str(name))
            if action == ModeratorAction.BAN:
                bans[key] = bans.get(key, 0) + 1
            elif action == UNDO:  # an undone ban was no ban (its note names what it undid)
                bans[key] = bans.get(key, 0) - (note == ModeratorAction.BAN)
                continue
            if note and len(notes.setdefault(key, [])) < MAX_NOTES:
                notes[key].append(note)
        now = utcnow()
        for row, site in rows:
            key = (site, row.name)
            if key not in set(wanted):
                continue
            out[key] = AuthorHistory(
                site=site,
                name=row.name,
                comments=row.comment_count,
                held=held.get(key, 0),
                rejected=row.rejected_count,
                banned=row.banned and (row.banned_until is None or row.banned_until > now),
                banned_until=row.banned_until,
                bans=bans.get(key, 0),
                notes=notes.get(key, []),
            )
        return out

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _filtered(stmt: S, filters: ReviewFilter) -> S:
        """``stmt`` (over :func:`_joined`'s tables) limited by ``filters``."""
        if filters.status is not None:
            stmt = stmt.where(QueueItem.status == filters.status)
        stmt = placed(stmt, filters.site, filters.sites, filters.article)
        if filters.author is not None:
            stmt = stmt.where(CommentModel.author == filters.author)
        if filters.attribute is not None:
            if filters.attribute not in ATTRIBUTES:
                raise InvalidError(f"unknown attribute {filters.attribute!r}")
            at_least = filters.at_least if filters.at_least is not None else 0.0
            stmt = stmt.where(getattr(QueueItem, filters.attribute) >= at_least)
        if filters.text:
            stmt = stmt.where(search.text_contains(filters.text))
        if filters.language:
            stmt = stmt.where(search.in_language(filters.language))
        if filters.reason:
            stmt = stmt.where(search.with_reason(filters.reason))
        return stmt

    def _count(self, session: Session, filters: ReviewFilter) -> int:
        every = filters.status is None
        stmt = self._filtered(_joined(select(func.count()), every=every), filters)
        return int(session.scalar(stmt) or 0)

    @staticmethod
    def _after(order: str, session: Session, queue_id: int, attribute: str | None) -> Any:
        """The entries after queue entry ``queue_id`` in ``order`` (none if it is unknown)."""
        anchor = session.get(QueueItem, queue_id)
        if anchor is None:
            return false()
        at = tuple_(QueueItem.entered_at, QueueItem.id)
        here = tuple_(literal(anchor.entered_at), literal(anchor.id))
        if order == "newest":
            return at < here
        if order == "riskiest":
            keys = _risk_keys(session, attribute)
            values = session.execute(select(*keys).where(QueueItem.id == queue_id)).one()
            after = at > here
            for key, value in reversed(list(zip(keys, values, strict=True))):
                after = or_(key < value, and_(key == value, after))
            return after
        return at > here

    @staticmethod
    def _order(order: str, session: Session, every: bool, attribute: str | None) -> list[Any]:
        if every:
            tie = [CommentModel.received_at, CommentModel.id]
            if order == "newest":
                return [CommentModel.received_at.desc(), CommentModel.id.desc()]
            if order == "riskiest":
                return [k.desc() for k in _risk_keys(session, attribute)] + tie
            return tie
        if order == "newest":
            return [QueueItem.entered_at.desc(), QueueItem.id.desc()]
        if order == "riskiest":
            keys = _risk_keys(session, attribute)
            return [k.desc() for k in keys] + [QueueItem.entered_at, QueueItem.id]
        return [QueueItem.entered_at, QueueItem.id]


def _joined(stmt: S, *, every: bool) -> S:
    """``stmt`` over the comments with their queue entries (every comment, queued or not,
    when ``every``; else the queued ones), sites and articles."""
    return (
        stmt.select_from(CommentModel)
        .join(QueueItem, QueueItem.comment_id == CommentModel.id, isouter=every)
        .join(Site, Site.id == CommentModel.site_id)
        .outerjoin(Article, Article.id == CommentModel.article_id)
    )


def _risk_keys(session: Session, attribute: str | None) -> list[Any]:
    """What "riskiest first" ranks by, most important first: with an attribute filter,
    that attribute's score; else the severity of the policy's reasons (threats,
    self-harm encouragement, doxxing, coded hate, severe toxicity or identity attack
    before insults and plain toxicity), then the highest score."""
    if attribute is not None and attribute in ATTRIBUTES:
        return [func.coalesce(getattr(QueueItem, attribute), 0.0)]
    columns = [func.coalesce(getattr(QueueItem, a), 0.0) for a in ATTRIBUTES]
    greatest = func.max if session.get_bind().dialect.name == "sqlite" else func.greatest
    return [search.severity(), greatest(*columns)]


def _latest_policy_decisions(comment_ids: Sequence[str]) -> Select[int]:
    """The id of each comment's latest decision by the policy (not a moderator's)."""
    return (
        select(func.max(DecisionModel.id))
        .where(DecisionModel.comment_id.in_(list(comment_ids)), DecisionModel.source == "policy")
        .group_by(DecisionModel.comment_id)
    )


def policy_reasons(session: Session, comment_ids: Sequence[str]) -> dict[str, list[str]]:
    """Each comment's reasons in its latest policy decision (for the comments the policy
    published, which have no queue entry to carry them)."""
    if not comment_ids:
        return {}
    latest = _latest_policy_decisions(comment_ids)
    rows = session.execute(
        select(DecisionModel.comment_id, DecisionModel.reasons).where(DecisionModel.id.in_(latest))
    ).all()
    return {str(c): [str(r) for r in reasons or []] for c, reasons in rows}


def latest_edits(session: Session, comment_ids: Sequence[str]) -> dict[str, EditNote]:
    """Each edited comment's latest edit: its ``comment.edit`` audit entry (read by the
    entries' object index), with the moderator's verdict the earlier text had, if any, and
    that text (the verdict's own copy, where its hash is the one the entry recorded)."""
    if not comment_ids:
        return {}
    latest = (
        select(func.max(AuditEntry.id))
        .where(
            AuditEntry.object_type == "comment",
            AuditEntry.object_id.in_(list(comment_ids)),
            AuditEntry.action == "comment.edit",
        )
        .group_by(AuditEntry.object_id)
    )
    entries = list(session.scalars(select(AuditEntry).where(AuditEntry.id.in_(latest))))
    if not entries:
        return {}
    verdicts: dict[str, list[DecisionModel]] = {}
    for d in session.scalars(
        select(DecisionModel)
        .where(
            DecisionModel.comment_id.in_([e.object_id for e in entries]),
            DecisionModel.source == "moderator",
        )
        .order_by(DecisionModel.id)
    ):
        verdicts.setdefault(d.comment_id, []).append(d)
    out: dict[str, EditNote] = {}
    for entry in entries:
        before = entry.before or {}
        earlier = [d for d in verdicts.get(entry.object_id, []) if d.created_at <= entry.at]
        kept = [
            d
            for d in earlier
            if d.text is not None and text_sha256(d.text) == before.get("text_sha256")
        ]
        by = earlier[-1].actor if earlier and before.get("status_source") == "moderator" else None
        out[entry.object_id] = EditNote(
            at=entry.at,
            status=str(before.get("status", "")),
            by=by,
            text=kept[-1].text if kept else None,
        )
    return out


def latest_analyses(session: Session, comment_ids: Sequence[str]) -> dict[str, AnalysisModel]:
    """Each comment's most recent analysis."""
    if not comment_ids:
        return {}
    latest = (
        select(func.max(AnalysisModel.id))
        .where(AnalysisModel.comment_id.in_(list(comment_ids)))
        .group_by(AnalysisModel.comment_id)
    )
    return {
        a.comment_id: a
        for a in session.scalars(select(AnalysisModel).where(AnalysisModel.id.in_(latest)))
    }


#: The attribute a match of the policy's phases is highlighted as: coded hate attacks a
#: group, a threatening phrase threatens, a watched word is the site's own (toxicity).
_MATCH_ATTRIBUTE = {"coded_hate": "identity_attack", "threats": "threat", "watchlist": "toxicity"}


def matched_spans(session: Session, comment_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """Each comment's words the policy's phases matched (codes of coded hate, threatening
    phrases, watched words) in its latest policy decision, as spans to highlight: a comment
    held for "Remigration now. 1488." showed nothing highlighted, the models' spans being
    elsewhere or none. Matches in the author's name, quoted or rebutted ones are left out."""
    if not comment_ids:
        return {}
    latest = _latest_policy_decisions(comment_ids)
    out: dict[str, list[dict[str, Any]]] = {}
    for decision in session.scalars(select(DecisionModel).where(DecisionModel.id.in_(latest))):
        details = decision.details or {}
        spans = [
            {"begin": m["begin"], "end": m["end"], "attribute": attribute, "score": 1.0}
            for key, attribute in _MATCH_ATTRIBUTE.items()
            for m in details.get(key) or []
            if isinstance(m, dict)
            and isinstance(m.get("begin"), int)
            and isinstance(m.get("end"), int)
            and m.get("in") != "author"
            and not m.get("quoted")
            and not m.get("rebutted")
        ]
        if spans:
            out[decision.comment_id] = spans
    return out


def parent_chain(
    session: Session, site_id: int, article_key: str, parent: str | None
) -> list[ParentComment]:
    """The comments above one in its thread, nearest first (at most :data:`MAX_PARENTS`)."""
    chain: list[ParentComment] = []
    seen: set[str] = set()
    while parent and parent not in seen and len(chain) < MAX_PARENTS:
        seen.add(parent)
        row = session.execute(
            select(
                CommentModel.id,
                CommentModel.external_id,
                CommentModel.author,
                CommentModel.text,
                CommentModel.status,
                CommentModel.parent_external_id,
                CommentModel.erased_at,
            ).where(
                CommentModel.site_id == site_id,
                CommentModel.article_key == article_key,
                CommentModel.external_id == parent,
            )
        ).first()
        if row is None:
            break
        chain.append(ParentComment(row[0], row[1], row[2], row[3], row[4], row[6] is not None))
        parent = row[5]
    return chain
