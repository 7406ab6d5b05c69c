"""Comments and their analyses: storing scored comments, and reading them back.

Writes go through :class:`~threadguard.storage.repositories.ingest.CommentWriter`.
:meth:`CommentRepository.record`, the one write per request of the compatibility
endpoints, goes through a :class:`~threadguard.storage.writer.GroupCommitter`:
concurrent records are committed together, one transaction for all, and each caller
returns only after the commit that holds its comment (durable, never write-behind).

A recorded comment with a client token (Perspective's ``clientToken``) is stored once per
site, token and text: the unique index on their hash refuses a second row, and the
caller of the repeat gets the id of the comment stored the first time. So a client that
retries a request whose answer it lost does not store the comment twice.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.storage.models import AnalysisRow as AnalysisModel
from threadguard.storage.models import Article, Author, Site, utcnow
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.models import ModeratorAction as ActionRow
from threadguard.storage.records import (
    ActionRecord,
    AuthorInfo,
    CommentRecord,
    ContextComment,
    DecisionRecord,
    HistoryRow,
    NewComment,
    Origin,
    has_words,
    no_comment,
)
from threadguard.storage.repositories.audit import latest_verdicts
from threadguard.storage.repositories.ingest import (
    CommentWriter,
    RecordJob,
    Stored,
    find_comment,
    find_or_add_article,
    find_or_add_author,
    new_comment_id,
)
from threadguard.storage.repositories.rows import from_row, in_chunks, latest_analysis
from threadguard.storage.sessions import (
    Repository,
    Sessions,
    find_site_id,
    site_id_of,
    with_site_name,
)
from threadguard.storage.writer import GroupCommitter


class CommentRepository(Repository):
    """Stored comments: context for replies, scored comments, authors, dry-run history."""

    def __init__(self, sessions: Sessions) -> None:
        super().__init__(sessions)
        self.writer = CommentWriter(sessions)
        #: Store a thread's scored comments in short transactions (the writer's
        #: :meth:`~threadguard.storage.repositories.ingest.CommentWriter.record_many`).
        self.record_many = self.writer.record_many
        self._records: GroupCommitter[RecordJob, Stored] = GroupCommitter(
            self.writer.commit_records, name="threadguard-store-writer"
        )

    def close(self) -> None:
        """Finish queued records and stop the group committer's thread."""
        self._records.close()

    def writes_waiting(self) -> int:
        """Records queued for the group commit now (for monitoring)."""
        return self._records.waiting()

    # ------------------------------------------------------------------ writes

    def remember(self, comment: ContextComment) -> None:
        """Keep a comment's text (unscored) so a later reply can use it as context.

        The text of a comment already scored is left as it is: a new text is an edit,
        which :meth:`record` moderates again and audits. An empty text (no text of its
        own) never replaces a stored one, nor does any text an erased one's.
        """
        c = comment
        with self._sessions.write() as session:
            site_id = self._sessions.site_key(session, c.site)
            key = c.story_id or ""
            row = find_comment(session, site_id, key, c.comment_id)
            if row is not None:
                # A scored comment's text changes only with its new analysis and decision
                # (``record``, which sees the edit); a context-only one's right away.
                if row.source == "context" and has_words(c.text) and row.erased_at is None:
                    row.text = c.text
                row.parent_external_id = c.parent_id or row.parent_external_id
                return
            session.add(
                CommentModel(
                    id=new_comment_id(),
                    site_id=site_id,
                    article_id=find_or_add_article(session, site_id, c.story_id),
                    article_key=key,
                    external_id=c.comment_id,
                    parent_external_id=c.parent_id,
                    author=c.author or None,
                    author_id=find_or_add_author(session, site_id, c.author),
                    text=c.text,
                    source="context",
                    # not published until scored and decided: a failure or a crash between
                    # here and the decision (Coral is answered PREMOD) must not leave a
                    # comment the store says the policy approved
                    status="pending",
                    status_source="policy",
                )
            )

    def record(self, origin: Origin, item: NewComment) -> str:
        """Store one scored comment with its decision; returns the store's id for it.

        Returns once the comment is committed (with others that arrived meanwhile, see
        the module docs); ``item.details`` is what the site rules found (watchlist
        matches).
        """
        try:
            return self._records.submit(RecordJob(origin, item))[0]
        except IntegrityError as refused:
            return self._stored_before(origin, item, refused)

    async def record_async(self, origin: Origin, item: NewComment) -> str:
        """:meth:`record` for the event loop: awaits the same durable group commit."""
        try:
            return (await self._records.submit_async(RecordJob(origin, item)))[0]
        except IntegrityError as refused:
            return await asyncio.to_thread(self._stored_before, origin, item, refused)

    def _stored_before(self, origin: Origin, item: NewComment, refused: IntegrityError) -> str:
        """The id of the comment stored earlier with ``item``'s client token, after a write
        the unique index refused; re-raises that refusal when it had another cause."""
        if item.token_hash is not None:
            with self._sessions.read() as session:
                found = session.scalar(
                    select(CommentModel.id)
                    .join(Site, Site.id == CommentModel.site_id)
                    .where(
                        Site.name == origin.site,
                        CommentModel.client_token_hash == item.token_hash,
                    )
                )
            if found is not None:
                return str(found)
        raise refused

    def record_status(self, origin: Origin, item: NewComment) -> Stored:
        """:meth:`record`, returning the comment's id and its status in the store after
        the write (the policy's, unless a moderator's verdict on this text stands)."""
        return self._records.submit(RecordJob(origin, item))

    # ------------------------------------------------------------------ reads

    def recall(self, *, site: str, comment_id: str) -> str | None:
        """The text of the most recent comment with this id on this site, or None."""
        with self._sessions.read() as session:
            return session.scalar(
                select(CommentModel.text)
                .join(Site, Site.id == CommentModel.site_id)
                .where(Site.name == site, CommentModel.external_id == comment_id)
                .order_by(CommentModel.received_at.desc())
                .limit(1)
            )

    def authors(self, site: str, names: Sequence[str], *, days: int = 30) -> dict[str, AuthorInfo]:
        """The state of each named author on a site (unknown authors are left out).

        ``recent_rejections`` counts their comments rejected (by policy or moderator)
        in the last ``days`` days: the input of the repeat-offender rule.
        """
        wanted = sorted({n for n in names if n})
        if not wanted:
            return {}
        since = utcnow() - timedelta(days=days)
        out: dict[str, AuthorInfo] = {}
        with self._sessions.read() as session:
            site_id = find_site_id(session, site)
            if site_id is None:
                return {}
            for chunk in in_chunks(wanted):
                rows = session.scalars(
                    select(Author).where(Author.site_id == site_id, Author.name.in_(chunk))
                ).all()
                recent = dict(
                    session.execute(
                        select(CommentModel.author_id, func.count())
                        .where(
                            CommentModel.author_id.in_([r.id for r in rows]),
                            CommentModel.status == "rejected",
                            CommentModel.status_at >= since,
                        )
                        .group_by(CommentModel.author_id)
                    ).all()
                )
                now = utcnow()
                for r in rows:
                    # A suspension that has ended is no ban.
                    banned = r.banned and (r.banned_until is None or r.banned_until > now)
                    out[r.name] = from_row(
                        AuthorInfo, r, banned=banned, recent_rejections=int(recent.get(r.id, 0))
                    )
        return out

    def known_comments(
        self, site: str, article: str, external_ids: Sequence[str]
    ) -> dict[str, int | None]:
        """Which of these comment ids are already stored under the article, with the rank
        (``author_seq``) each had among its author's comments when first scored."""
        out: dict[str, int | None] = {}
        with self._sessions.read() as session:
            site_id = find_site_id(session, site)
            if site_id is None:
                return out
            ids = list(dict.fromkeys(external_ids))
            for chunk in in_chunks(ids):
                rows = session.execute(
                    select(CommentModel.external_id, CommentModel.author_seq).where(
                        CommentModel.site_id == site_id,
                        CommentModel.article_key == article,
                        CommentModel.external_id.in_(chunk),
                        CommentModel.source != "context",
                    )
                ).all()
                out.update({ext: seq for ext, seq in rows})
        return out

    def comment(self, comment_id: str) -> CommentRecord:
        """A stored comment with its latest analysis, decisions and actions."""
        with self._sessions.read() as session:
            found = session.execute(
                select(CommentModel, Site.name, Article.external_id)
                .join(Site, Site.id == CommentModel.site_id)
                .outerjoin(Article, Article.id == CommentModel.article_id)
                .where(CommentModel.id == comment_id)
            ).first()
            if found is None:
                raise no_comment(comment_id)
            row, site, article = found
            analysis = latest_analysis(session, comment_id)
            decisions = session.scalars(
                select(DecisionModel)
                .where(DecisionModel.comment_id == comment_id)
                .order_by(DecisionModel.id.desc())
            ).all()
            actions = session.execute(
                with_site_name(ActionRow)
                .where(ActionRow.comment_id == comment_id)
                .order_by(ActionRow.id)
            ).all()
            policy = next((d for d in decisions if d.source == "policy"), None)
            # A verdict given on an earlier text (before an edit) no longer applies; one
            # undone is none, and an overturn undone leaves the verdict it overturned.
            moderator = (
                latest_verdicts(session, [comment_id]).get(comment_id)
                if row.status_source == "moderator"
                else None
            )
            return from_row(
                CommentRecord,
                row,
                site=site,
                article=article,
                parent_id=row.parent_external_id,
                analysis=_analysis_json(analysis, row.external_id, policy),
                author_analysis=(
                    {"scores": analysis.author_scores}
                    if analysis is not None and analysis.author_scores is not None
                    else None
                ),
                policy_decision=_decision(policy),
                moderator_decision=_decision(moderator),
                actions=[from_row(ActionRecord, a, site=s) for a, s in actions],
            )

    def history(self, site: str, limit: int) -> list[HistoryRow]:
        """The site's last ``limit`` scored comments with their latest analysis, newest first
        (what a policy dry run replays)."""
        with self._sessions.read() as session:
            comments = session.scalars(
                select(CommentModel)
                .where(CommentModel.site_id == site_id_of(site), CommentModel.source != "context")
                .order_by(CommentModel.received_at.desc(), CommentModel.position.desc())
                .limit(limit)
            ).all()
            ids = [c.id for c in comments]
            if not ids:
                return []
            latest = (
                select(func.max(AnalysisModel.id))
                .where(AnalysisModel.comment_id.in_(ids))
                .group_by(AnalysisModel.comment_id)
            )
            analyses = {
                a.comment_id: a
                for a in session.scalars(
                    select(AnalysisModel).where(AnalysisModel.id.in_(latest))
                ).all()
            }
            latest_decision = (
                select(func.max(DecisionModel.id))
                .where(DecisionModel.comment_id.in_(ids), DecisionModel.source == "policy")
                .group_by(DecisionModel.comment_id)
            )
            decided = {
                d.comment_id: d.action
                for d in session.scalars(
                    select(DecisionModel).where(DecisionModel.id.in_(latest_decision))
                ).all()
            }
            contexts = _contexts(session, comments)
        out = []
        for c in comments:
            a = analyses.get(c.id)
            if a is None:
                continue
            out.append(
                HistoryRow(
                    comment_id=c.id,
                    text=c.text,
                    author=c.author,
                    author_seq=c.author_seq,
                    scores={k: float(v) for k, v in a.scores.items()},
                    targets=list(a.targets),
                    author_scores=(
                        {k: float(v) for k, v in a.author_scores.items()}
                        if a.author_scores is not None
                        else None
                    ),
                    decided=decided.get(c.id, Verdict.APPROVE.value),
                    status=c.status,
                    by_moderator=c.status_source == "moderator",
                    language=a.language or "en",
                    context=contexts.get(c.id, ("", ""))[0],
                    title=contexts.get(c.id, ("", ""))[1],
                    engine_scores=(
                        {k: float(v) for k, v in a.engine_scores.items()}
                        if a.engine_scores
                        else None
                    ),
                )
            )
        return out


def _contexts(session: Any, comments: Sequence[CommentModel]) -> dict[str, tuple[str, str]]:
    """What each comment answered, as its decision read it: the parent's text (a stored
    comment of the same article, a remembered context comment included), else the
    article's title; and beside a parent, the title ("" otherwise)."""
    wanted = {(c.article_key, c.parent_external_id) for c in comments if c.parent_external_id}
    parents: dict[tuple[str, str], str] = {}
    if wanted:
        rows = session.execute(
            select(CommentModel.article_key, CommentModel.external_id, CommentModel.text).where(
                CommentModel.site_id == comments[0].site_id,
                CommentModel.external_id.in_({p for _, p in wanted}),
            )
        ).all()
        parents = {(k, e): t for k, e, t in rows if (k, e) in wanted}
    article_ids = {c.article_id for c in comments if c.article_id is not None}
    titles: dict[int, str] = {}
    if article_ids:
        titles = dict(
            session.execute(
                select(Article.id, Article.title).where(Article.id.in_(article_ids))
            ).all()
        )
    out = {}
    for c in comments:
        parent = parents.get((c.article_key, c.parent_external_id or ""), "")
        title = titles.get(c.article_id, "") if c.article_id is not None else ""
        if parent:
            out[c.id] = (parent, title)
        elif title:
            out[c.id] = (title, "")
    return out


def _decision(row: DecisionModel | None) -> DecisionRecord | None:
    if row is None:
        return None
    return DecisionRecord(
        action=row.action,
        reasons=list(row.reasons),
        source=row.source,
        actor=row.actor,
        created_at=row.created_at,
        details=row.details,
    )


def _analysis_json(
    row: AnalysisModel | None, external_id: str, decision: DecisionModel | None
) -> dict[str, Any] | None:
    """A stored analysis in the ``threadguard score`` line shape."""
    if row is None:
        return None
    return {
        "id": external_id,
        "scores": {a: round(float(row.scores.get(a, 0.0)), 4) for a in ATTRIBUTES},
        "targets": list(row.targets),
        "spans": list(row.spans),
        "decision": decision.action if decision is not None else Verdict.APPROVE.value,
        "language": row.language,
        "model": row.model,
    }
