"""Aggregates for the dashboard's stats page: counts grouped in SQL, never row by row.

Every query is bounded by a time (``since``: comments received, queue entries, actions
and verdicts at or after it) and optionally one site, and filters on indexed columns
(``comments (site_id, received_at)``, ``moderator_actions.created_at``,
``decisions.comment_id``) before it groups, so it reads the period asked for and not the
whole store. Days are UTC dates, as the store keeps every time in UTC.

The same SQLAlchemy Core runs on SQLite and PostgreSQL; the one place they differ is
reading a JSON array (a comment's targeted groups), which each does its own way
(:func:`_targets_table`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Row,
    Select,
    and_,
    case,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session, aliased

from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.storage.models import AnalysisRow as AnalysisModel
from threadguard.storage.models import Author, Site
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow as DecisionModel
from threadguard.storage.models import ModeratorAction as ActionRow
from threadguard.storage.records import (
    DayActions,
    DayAttributes,
    DayDecisions,
    GroupCount,
    ModelAgreement,
    OffenderCount,
    PeriodStats,
)
from threadguard.storage.repositories.audit import undone_verdict
from threadguard.storage.repositories.moderation import UNDO
from threadguard.storage.sessions import Repository, find_site_id

#: Site id meaning "a site that does not exist": every query then finds nothing.
_NO_SITE = -1


def day_of(value: Any) -> str:
    """A day as the database hands it back (SQLite: text, PostgreSQL: a date), as
    ``YYYY-MM-DD``."""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value)[:10]


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows of the group meet ``condition`` (portable: no FILTER clause)."""
    return func.sum(case((condition, 1), else_=0))


def _per_day(
    session: Session, latest: Any, model: Any, latest_id: Any, *counts: ColumnElement[int]
) -> Sequence[Row[*tuple[Any, ...]]]:
    """Per day of arrival: the period's comments (``latest``: each one's latest row of
    ``model``, whose id is ``latest_id``), how many, and ``counts`` over those rows."""
    day = func.date(CommentModel.received_at)
    return session.execute(
        select(day.label("day"), func.count(), *counts)
        .select_from(latest)
        .join(model, model.id == latest_id)
        .join(CommentModel, CommentModel.id == latest.c.cid)
        .group_by(day)
        .order_by(day)
    ).all()


class StatsRepository(Repository):
    """Counts per day, per group, per author and per moderator, over a period."""

    # -------------------------------------------------------------- shared pieces

    def _site_id(self, session: Session, site: str | None) -> int | None:
        """None for every site; the site's id; :data:`_NO_SITE` for an unknown one."""
        if site is None:
            return None
        found = find_site_id(session, site)
        return _NO_SITE if found is None else found

    @staticmethod
    def _comments_in(site_id: int | None, since: datetime) -> list[ColumnElement[bool]]:
        """Scored comments received at or after ``since`` (on the site, if one)."""
        where = [CommentModel.received_at >= since, CommentModel.source != "context"]
        if site_id is not None:
            where.append(CommentModel.site_id == site_id)
        return where

    def _latest_policy(self, site_id: int | None, since: datetime) -> Any:
        """``(cid, did)``: each comment of the period and its latest policy decision (a
        comment is decided again when it is edited or uploaded again)."""
        return (
            select(
                DecisionModel.comment_id.label("cid"),
                func.max(DecisionModel.id).label("did"),
            )
            .join(CommentModel, CommentModel.id == DecisionModel.comment_id)
            .where(DecisionModel.source == "policy", *self._comments_in(site_id, since))
            .group_by(DecisionModel.comment_id)
            .subquery("latest_policy")
        )

    def _latest_analysis(self, site_id: int | None, since: datetime) -> Any:
        """``(cid, aid)``: each comment of the period and its latest analysis."""
        return (
            select(
                AnalysisModel.comment_id.label("cid"),
                func.max(AnalysisModel.id).label("aid"),
            )
            .join(CommentModel, CommentModel.id == AnalysisModel.comment_id)
            .where(*self._comments_in(site_id, since))
            .group_by(AnalysisModel.comment_id)
            .subquery("latest_analysis")
        )

    # -------------------------------------------------------------- queries

    def daily_decisions(self, site: str | None, since: datetime) -> list[DayDecisions]:
        """Per day: comments received, how many the policy held and rejected, how many
        a moderator's standing verdict approved and rejected, and how many wait for a
        moderator or are rejected now (a page counting only the policy's said "rejected
        0" after moderators had rejected 18)."""
        by_moderator = CommentModel.status_source == "moderator"
        with self._sessions.read() as session:
            latest = self._latest_policy(self._site_id(session, site), since)
            rows = _per_day(
                session,
                latest,
                DecisionModel,
                latest.c.did,
                _count(DecisionModel.action == Verdict.HOLD.value),
                _count(DecisionModel.action == Verdict.REJECT.value),
                _count(and_(by_moderator, CommentModel.status == "approved")),
                _count(and_(by_moderator, CommentModel.status == "rejected")),
                _count(CommentModel.status == "pending"),
                _count(CommentModel.status == "rejected"),
            )
        return [
            DayDecisions(day_of(row[0]), int(row[1]), *(int(n or 0) for n in row[2:]))
            for row in rows
        ]

    def daily_attributes(
        self, site: str | None, since: datetime, levels: Mapping[str, float]
    ) -> list[DayAttributes]:
        """Per day: scored comments received, and how many reached ``levels[attribute]``
        on each attribute given (the policy's review levels, say)."""
        wanted = [a for a in ATTRIBUTES if a in levels]
        with self._sessions.read() as session:
            latest = self._latest_analysis(self._site_id(session, site), since)
            reached = [
                _count(AnalysisModel.scores[a].as_float() >= float(levels[a])) for a in wanted
            ]
            rows = _per_day(session, latest, AnalysisModel, latest.c.aid, *reached)
        return [
            DayAttributes(
                day_of(row[0]),
                int(row[1]),
                {a: int(n) for a, n in zip(wanted, row[2:], strict=True) if n},
            )
            for row in rows
        ]

    def targeted_groups(
        self, site: str | None, since: datetime, *, at_least: float = 0.5, limit: int = 10
    ) -> list[GroupCount]:
        """The groups most comments of the period target (scored at least ``at_least``),
        with how many of those comments the policy held or rejected."""
        with self._sessions.read() as session:
            site_id = self._site_id(session, site)
            analysed = self._latest_analysis(site_id, since)
            decided = self._latest_policy(site_id, since)
            elements, group, score = _targets_table(session)
            policy = aliased(DecisionModel)
            flagged = _count(policy.action.in_([Verdict.HOLD.value, Verdict.REJECT.value]))
            stmt: Select[Any] = (
                select(group.label("grp"), func.count(func.distinct(analysed.c.cid)), flagged)
                .select_from(analysed)
                .join(AnalysisModel, AnalysisModel.id == analysed.c.aid)
                .join(elements, literal(True))
                .outerjoin(decided, decided.c.cid == analysed.c.cid)
                .outerjoin(policy, policy.id == decided.c.did)
                .where(score >= at_least)
                .group_by(group)
                .order_by(func.count(func.distinct(analysed.c.cid)).desc(), group)
                .limit(limit)
            )
            rows = session.execute(stmt).all()
        return [GroupCount(str(g), int(n), int(f or 0)) for g, n, f in rows if g]

    def offenders(
        self, site: str | None, since: datetime, *, limit: int = 10
    ) -> list[OffenderCount]:
        """The authors whose comments of the period the policy flagged most often."""
        with self._sessions.read() as session:
            latest = self._latest_policy(self._site_id(session, site), since)
            held = _count(DecisionModel.action == Verdict.HOLD.value)
            rejected = _count(DecisionModel.action == Verdict.REJECT.value)
            rows = session.execute(
                select(Site.name, CommentModel.author, held, rejected, Author.banned)
                .select_from(latest)
                .join(DecisionModel, DecisionModel.id == latest.c.did)
                .join(CommentModel, CommentModel.id == latest.c.cid)
                .join(Site, Site.id == CommentModel.site_id)
                .outerjoin(Author, Author.id == CommentModel.author_id)
                .where(
                    CommentModel.author.is_not(None),
                    DecisionModel.action.in_([Verdict.HOLD.value, Verdict.REJECT.value]),
                )
                .group_by(Site.name, CommentModel.author, Author.banned)
                .order_by(func.count().desc(), rejected.desc(), CommentModel.author)
                .limit(limit)
            ).all()
        return [
            OffenderCount(str(s), str(a), int(h or 0), int(r or 0), bool(b))
            for s, a, h, r, b in rows
        ]

    def daily_actions(self, site: str | None, since: datetime) -> list[DayActions]:
        """Per moderator and day: the actions they took (verdicts, bans, notes...); an
        undo is no action of its own (it takes one back)."""
        with self._sessions.read() as session:
            site_id = self._site_id(session, site)
            day = func.date(ActionRow.created_at)
            where = [ActionRow.created_at >= since, ActionRow.action != UNDO]
            if site_id is not None:
                where.append(ActionRow.site_id == site_id)
            rows = session.execute(
                select(ActionRow.actor, day.label("day"), func.count())
                .where(*where)
                .group_by(ActionRow.actor, day)
                .order_by(ActionRow.actor, day)
            ).all()
        return [DayActions(str(m), day_of(d), int(n)) for m, d, n in rows]

    def agreement(self, site: str | None, since: datetime) -> list[ModelAgreement]:
        """Per moderator: their verdicts of the period against the policy's decision on
        the analysis each verdict was given on (verdicts on comments never scored, and
        verdicts the moderator undid, are left out). Most verdicts first."""
        verdict = aliased(DecisionModel)
        policy = aliased(DecisionModel)
        model_decision = (
            select(func.max(DecisionModel.id))
            .where(
                DecisionModel.comment_id == verdict.comment_id,
                DecisionModel.analysis_id == verdict.analysis_id,
                DecisionModel.source == "policy",
            )
            .correlate(verdict)
            .scalar_subquery()
        )
        approve, reject = Verdict.APPROVE.value, Verdict.REJECT.value
        agreed = _count(
            or_(
                and_(verdict.action == approve, policy.action == approve),
                and_(verdict.action == reject, policy.action != approve),
            )
        )
        approved_flagged = _count(and_(verdict.action == approve, policy.action != approve))
        rejected_approved = _count(and_(verdict.action == reject, policy.action == approve))
        with self._sessions.read() as session:
            site_id = self._site_id(session, site)
            where = [
                verdict.source == "moderator",
                verdict.created_at >= since,
                verdict.actor.is_not(None),
                ~undone_verdict(verdict),
            ]
            stmt = select(
                verdict.actor, func.count(), agreed, approved_flagged, rejected_approved
            ).join(policy, policy.id == model_decision)
            if site_id is not None:
                stmt = stmt.join(CommentModel, CommentModel.id == verdict.comment_id)
                where.append(CommentModel.site_id == site_id)
            rows = session.execute(
                stmt.where(*where)
                .group_by(verdict.actor)
                .order_by(func.count().desc(), verdict.actor)
            ).all()
        return [
            ModelAgreement(str(m), int(n), int(a or 0), int(af or 0), int(ra or 0))
            for m, n, a, af, ra in rows
        ]

    def period(
        self,
        site: str | None,
        since: datetime,
        levels: Mapping[str, float],
        *,
        target_report: float,
        top: int,
    ) -> PeriodStats:
        """Every figure of the stats page from ``since`` on: attributes counted at
        ``levels``, groups targeted at ``target_report`` or more, the ``top`` groups and
        offenders."""
        return PeriodStats(
            decisions=self.daily_decisions(site, since),
            attributes=self.daily_attributes(site, since, levels),
            groups=self.targeted_groups(site, since, at_least=target_report, limit=top),
            offenders=self.offenders(site, since, limit=top),
            actions=self.daily_actions(site, since),
            agreement=self.agreement(site, since),
        )


def _targets_table(session: Session) -> tuple[Any, ColumnElement[Any], ColumnElement[float]]:
    """The elements of the analysis' ``targets`` JSON array as a table joined to each
    analysis row, with each element's group and score: ``json_each`` on SQLite,
    ``json_array_elements`` on PostgreSQL."""
    if session.get_bind().dialect.name == "postgresql":
        pg = func.json_array_elements(AnalysisModel.targets).table_valued(
            "value", joins_implicitly=True
        )
        return (
            pg,
            pg.c.value.op("->>")("group"),
            cast(pg.c.value.op("->>")("score"), Float),
        )
    lite = func.json_each(AnalysisModel.targets).table_valued("value", joins_implicitly=True)
    return (
        lite,
        func.json_extract(lite.c.value, "$.group"),
        cast(func.json_extract(lite.c.value, "$.score"), Float),
    )
