"""Site adaptations: fitted from the site's moderators' verdicts, versioned, reversible.

A fit reads the site's verdicts as labels through the labelled export's query
(:meth:`AuditRepository.labelled <threadguard.storage.repositories.audit.AuditRepository.labelled>`),
paired with the engine's own scores of what the moderator read (an earlier adaptation's
scores are never fitted on), and fits with :func:`threadguard.adaptation.fit_adaptation`.
Each fit is a new version, made active; a rollback deactivates the active version and
reactivates the one that was served when it was fitted (or none), which the fit's audit
entry records. Versions are never deleted. Every change is audited with the version
before and after.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from threadguard.adaptation import (
    DEFAULT_KIND,
    LANGUAGES,
    RECENT_COMMENTS,
    Example,
    Fitted,
    HoldsMoreOfTheSite,
    WorseThanEngine,
    fit_adaptation,
    held_on,
    holds_too_many,
)
from threadguard.storage.models import AuditEntry, Site, SiteAdaptation
from threadguard.storage.records import Actor, AdaptationRecord, ConflictError, HistoryRow
from threadguard.storage.repositories.audit import AuditRepository
from threadguard.storage.repositories.rows import from_row
from threadguard.storage.sessions import (
    Repository,
    Sessions,
    add_audit,
    find_site_id,
    site_id_of,
    site_row,
)


class AdaptationRepository(Repository):
    """Each site's adaptation versions and which one is served."""

    def __init__(
        self,
        sessions: Sessions,
        audit: AuditRepository,
        recent: Callable[[str, int], Sequence[HistoryRow]] = lambda _site, _n: (),
    ) -> None:
        super().__init__(sessions)
        self._audit = audit
        self._recent = recent

    def examples(self, site: str) -> list[Example]:
        """The site's moderators' verdicts as labels: the engine's scores of the text the
        moderator read, whether they rejected it, and the language it was scored in (the
        fit keeps the English ones). Verdicts without scores are left out."""
        out = []
        for row in self._audit.labelled(site=site):
            scores = row.get("engine_scores") or row.get("attributes")
            if scores:
                out.append(Example(scores, row["label"] == "reject", row.get("language") or "en"))
        return out

    def fit(
        self,
        site: str,
        levels: Mapping[str, float],
        actor: Actor,
        *,
        kind: str = DEFAULT_KIND,
        minimum: int | None = None,
        force: bool = False,
    ) -> tuple[AdaptationRecord, Fitted]:
        """Fit the site's adaptation from its verdicts and make it the active version.

        ``levels``: the score from which the site's policy holds or rejects each
        attribute. Raises :class:`~threadguard.adaptation.TooFewVerdicts` (nothing stored)
        below the minimum of either verdict, and
        :class:`~threadguard.adaptation.WorseThanEngine` (nothing stored) for a fit that
        holds more approved comments than the engine's scores, unless ``force``.
        """
        examples = self.examples(site)
        extra: dict[str, Any] = {} if minimum is None else {"minimum": minimum}
        fitted = fit_adaptation(examples, levels, kind=kind, **extra)
        if fitted.worse and not force:
            raise WorseThanEngine(fitted)
        if not force:
            # the engine's own scores, which the fit was fitted on: a site already adapted
            # stores its served scores, and the new fit on top of them counted twice (a
            # code review refused a refit of the very adaptation served)
            recent = [
                r.engine_scores or r.scores
                for r in self._recent(site, RECENT_COMMENTS)
                if r.scores and r.language in LANGUAGES
            ]
            before, after = held_on(recent, levels, fitted.adaptation)
            if holds_too_many(before, after, len(recent)):
                raise HoldsMoreOfTheSite(fitted, len(recent), before, after)
        return self.add(site, fitted, actor), fitted

    def add(self, site: str, fitted: Fitted, actor: Actor) -> AdaptationRecord:
        """Store ``fitted`` as the site's next version, active (the one before, inactive).

        Two fits of one site at once are serialised on the site's row (PostgreSQL; SQLite's
        write lock already does it), so each takes the next number; a version taken anyway
        is a :class:`ConflictError`, never a bare database error.
        """
        try:
            with self._sessions.write() as session:
                return self._add(session, site, fitted, actor)
        except IntegrityError as exc:
            raise ConflictError(
                f"site {site!r}: another adaptation was stored at the same time; fit again"
            ) from exc

    def _add(self, session: Session, site: str, fitted: Fitted, actor: Actor) -> AdaptationRecord:
        site_id = site_row(session, site).id
        # lock the site's row before reading the highest version (FOR UPDATE; a no-op on
        # SQLite, whose write transactions are serial already)
        session.execute(select(Site.id).where(Site.id == site_id).with_for_update())
        before = _active(session, site_id)
        version = next_version(session, site_id)
        _deactivate(session, site_id)
        row = SiteAdaptation(
            site_id=site_id,
            version=version,
            kind=fitted.adaptation.kind,
            active=True,
            approvals=fitted.approvals,
            rejections=fitted.rejections,
            parameters=fitted.adaptation.to_json(),
            figures=fitted.figures(),
            created_by=actor.id,
        )
        session.add(row)
        session.flush()
        _audit(session, actor, "adaptation.create", site, version, before, row)
        return _record(site, row)

    def adaptations(self, site: str) -> list[AdaptationRecord]:
        """Every version of the site's adaptation, newest first."""
        with self._sessions.read() as session:
            rows = session.scalars(
                select(SiteAdaptation)
                .where(SiteAdaptation.site_id == site_id_of(site))
                .order_by(SiteAdaptation.version.desc())
            ).all()
            return [_record(site, r) for r in rows]

    def active_adaptation(self, site: str) -> AdaptationRecord | None:
        """The version the site is served with, or None."""
        with self._sessions.read() as session:
            site_id = find_site_id(session, site)
            row = _active(session, site_id) if site_id is not None else None
            return _record(site, row) if row is not None else None

    def adaptation_version(self, site: str) -> int:
        """The active version's number (0: none): cheap, for the service's cache check."""
        with self._sessions.read() as session:
            version = session.scalar(
                select(SiteAdaptation.version)
                .join(Site, Site.id == SiteAdaptation.site_id)
                .where(Site.name == site, SiteAdaptation.active.is_(True))
            )
            return int(version or 0)

    def rollback_adaptation(self, site: str, actor: Actor) -> AdaptationRecord | None:
        """Deactivate the site's active version and reactivate the one it replaced (the
        one served when it was fitted, never one already rolled back); returns
        the version now served (None: the engine's scores again). A site with no active
        version is a :class:`ConflictError`."""
        with self._sessions.write() as session:
            site_id = find_site_id(session, site)
            current = _active(session, site_id) if site_id is not None else None
            if site_id is None or current is None:
                raise ConflictError(f"site {site!r} has no active adaptation to roll back")
            previous = _replaced(session, site, site_id, current)
            current.active = False
            session.flush()
            if previous is not None:
                previous.active = True
            _audit(session, actor, "adaptation.rollback", site, current.version, current, previous)
            return _record(site, previous) if previous is not None else None


def _replaced(
    session: Session, site: str, site_id: int, current: SiteAdaptation
) -> SiteAdaptation | None:
    """The version that was served when ``current`` was fitted (None: the engine's scores),
    as the fit's audit entry recorded it (``before``).

    Not simply the highest version below ``current``: after fit 1, fit 2, a rollback (1
    served) and fit 3, rolling 3 back must serve 1 again, never the 2 an admin already
    rolled back. A version without its audit entry falls back to the one below it.
    """
    entry = session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.action == "adaptation.create",
            AuditEntry.object_type == "adaptation",
            AuditEntry.object_id == f"{site}@{current.version}",
            AuditEntry.site == site,
        )
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    if entry is not None:
        before = entry.before.get("version") if entry.before else None
        if not isinstance(before, int):
            return None
        return session.scalars(
            select(SiteAdaptation).where(
                SiteAdaptation.site_id == site_id, SiteAdaptation.version == before
            )
        ).first()
    return session.scalars(
        select(SiteAdaptation)
        .where(SiteAdaptation.site_id == site_id, SiteAdaptation.version < current.version)
        .order_by(SiteAdaptation.version.desc())
        .limit(1)
    ).first()


def next_version(session: Session, site_id: int) -> int:
    """The number the site's next version takes: one above its highest."""
    highest = session.scalar(
        select(func.max(SiteAdaptation.version)).where(SiteAdaptation.site_id == site_id)
    )
    return int(highest or 0) + 1


def _active(session: Session, site_id: int) -> SiteAdaptation | None:
    return session.scalars(
        select(SiteAdaptation).where(
            SiteAdaptation.site_id == site_id, SiteAdaptation.active.is_(True)
        )
    ).first()


def _deactivate(session: Session, site_id: int) -> None:
    session.execute(
        update(SiteAdaptation)
        .where(SiteAdaptation.site_id == site_id, SiteAdaptation.active.is_(True))
        .values(active=False)
    )


def _audit(
    session: Session,
    actor: Actor,
    action: str,
    site: str,
    version: int,
    before: SiteAdaptation | None,
    after: SiteAdaptation | None,
) -> None:
    """The audit entry of ``action`` on the site's adaptation ``version``: which version was
    served before and which after."""
    add_audit(
        session,
        actor,
        action,
        "adaptation",
        f"{site}@{version}",
        site=site,
        before=_summary(before),
        after=_summary(after),
    )


def _summary(row: SiteAdaptation | None) -> dict[str, Any] | None:
    """What the audit log records of a version: enough to know which one, not its numbers."""
    if row is None:
        return None
    return {
        "version": row.version,
        "kind": row.kind,
        "approvals": row.approvals,
        "rejections": row.rejections,
    }


def _record(site: str, row: SiteAdaptation) -> AdaptationRecord:
    return from_row(
        AdaptationRecord,
        row,
        site=site,
        parameters=dict(row.parameters),
        figures=dict(row.figures) if row.figures is not None else None,
    )
