"""Sites and their policy documents: the text as uploaded, versioned, changes audited.

Every version ever stored is in the audit log (each change's ``after`` holds the whole
document), so the history of a site's policy is read from there, and restoring an
earlier version stores it again as the next version, audited as a restore: nothing is
ever rewritten, and a restore can itself be undone the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from threadguard.storage.models import (
    ApiKey,
    Article,
    AuditEntry,
    Author,
    Comment,
    ModeratorAction,
    Site,
    SiteAdaptation,
    User,
    utcnow,
)
from threadguard.storage.records import (
    Actor,
    ConflictError,
    NotFoundError,
    PolicyVersion,
    SiteDoc,
)
from threadguard.storage.sessions import Repository, add_audit, site_row

#: The audit actions that store a version of a site's policy.
POLICY_CHANGES = ("policy.update", "policy.restore")


@dataclass(frozen=True)
class SiteSummary:
    """A site as ``threadguard sites list`` shows it."""

    name: str
    comments: int
    policy_version: int
    created_at: datetime


@dataclass(frozen=True)
class DeletedSite:
    """A deleted site: its policy version when deleted, and the keys and accounts still
    bound to its name (they are left as they are: a key bound to it would make the site
    again with its first upload)."""

    name: str
    policy_version: int
    keys: tuple[str, ...]
    users: tuple[str, ...]


class SiteRepository(Repository):
    """Each site's stored policy document and its version."""

    def site_doc(self, site: str) -> SiteDoc | None:
        """The site's stored policy document, or None for a site never seen."""
        with self._sessions.read() as session:
            row = session.scalars(select(Site).where(Site.name == site)).first()
            if row is None:
                return None
            return _doc(row)

    def has_site(self, site: str) -> bool:
        """Whether the store has a site of that name (made by an upload, a policy, a key)."""
        with self._sessions.read() as session:
            return session.scalar(select(Site.id).where(Site.name == site)) is not None

    def policy_version(self, site: str) -> int:
        """The site's policy version (0 when it has none): cheap, for cache checks."""
        with self._sessions.read() as session:
            return int(session.scalar(select(Site.policy_version).where(Site.name == site)) or 0)

    def set_site_policy(
        self,
        site: str,
        text: str,
        fmt: str,
        actor: Actor,
        *,
        expected_version: int | None = None,
    ) -> SiteDoc:
        """Replace the site's policy document (already validated), audited with before/after.

        ``expected_version``: the version the change was made over (0: none yet); if the
        site's version is another when the write transaction holds the site's row (an
        editor saved meanwhile), :class:`ConflictError` and nothing is stored. None
        replaces whatever is there (the API's upload).

        A document that is the site's current one (the same text, byte for byte, in the
        same format) changes nothing: no version is made and nothing is audited, and the
        current document comes back marked :attr:`~SiteDoc.unchanged`. A news desk's PUT
        of the very policy in force made version 2 of version 1, and such copies bury the
        real changes in the history. It is not audited either, on
        purpose: each ``policy.update`` entry is a change, its ``before`` and ``after``
        differing, and the history of versions and ``policy_updated_at`` are read as "who
        changed the policy, and when"; an entry for a request that changed nothing would
        be a request log (the access log keeps those), and an auditor reading "policy.update"
        would look for a change that is not there. A document that differs in any byte
        (a comment, a blank line, the same settings as JSON) is a new version, as the
        stored text is what ``GET`` answers and a restore brings back. A restore
        (:meth:`restore_site_policy`) always stores a version, audited as one: it is
        asked for by its number, and says so.
        """
        with self._sessions.write() as session:
            row = _locked_row(session, site)
            now = int(row.policy_version or 0)
            if expected_version is not None and now != expected_version:
                raise ConflictError(
                    f"the policy of site {site!r} is at version {now}, "
                    f"not {expected_version}: someone else saved it meanwhile"
                )
            if row.policy_text == text and row.policy_format == fmt:
                return replace(_doc(row), unchanged=True)
            return _store(session, site, text, fmt, actor, "policy.update", {})

    def trusted_authors(self, site: str, *, limit: int = 500) -> list[str]:
        """The authors moderators marked trusted on the site (the ``trust`` action), by name."""
        with self._sessions.read() as session:
            return [
                str(n)
                for n in session.scalars(
                    select(Author.name)
                    .join(Site, Site.id == Author.site_id)
                    .where(Site.name == site, Author.trusted.is_(True))
                    .order_by(Author.name)
                    .limit(limit)
                )
            ]

    def site_summaries(self) -> list[SiteSummary]:
        """Every site, by name, with how many comments it holds."""
        counts = (
            select(Comment.site_id, func.count().label("n")).group_by(Comment.site_id).subquery()
        )
        stmt = (
            select(Site.name, func.coalesce(counts.c.n, 0), Site.policy_version, Site.created_at)
            .outerjoin(counts, counts.c.site_id == Site.id)
            .order_by(Site.name)
        )
        with self._sessions.read() as session:
            return [
                SiteSummary(str(name), int(n), int(version or 0), created)
                for name, n, version, created in session.execute(stmt).all()
            ]

    def delete_site(self, site: str, actor: Actor) -> DeletedSite:
        """Delete a site that holds nothing moderated (a name made by a typo), audited as
        ``site.delete`` with its policy document as ``before``.

        :class:`NotFoundError` for no such site; :class:`ConflictError` naming what it holds
        when it has comments, moderators' verdicts or actions, or adaptations (those are
        the site's record, and the audit log refers to them). Its own policy document, and
        authors and articles with no comment, go with it.
        """
        with self._sessions.write() as session:
            row = session.scalars(select(Site).where(Site.name == site).with_for_update()).first()
            if row is None:
                raise NotFoundError(f"no site named {site!r} (see `threadguard sites list`)")
            held = _holdings(session, row.id)
            if held:
                raise ConflictError(
                    f"site {site!r} holds {', '.join(held)}: only a site with none of them "
                    "can be deleted (nothing was changed)"
                )
            before = {
                "policy_version": row.policy_version,
                "created_at": row.created_at.isoformat(),
                **(
                    {"format": row.policy_format, "text": row.policy_text}
                    if row.policy_text is not None
                    else {}
                ),
            }
            deleted = DeletedSite(
                site,
                int(row.policy_version or 0),
                tuple(
                    session.scalars(
                        select(ApiKey.prefix)
                        .where(ApiKey.site == site, ApiKey.revoked_at.is_(None))
                        .order_by(ApiKey.id)
                    )
                ),
                tuple(
                    session.scalars(
                        select(User.name)
                        .where(User.site == site, ~User.disabled)
                        .order_by(User.name)
                    )
                ),
            )
            for model in (Author, Article):
                session.execute(delete(model).where(model.site_id == row.id))
            session.delete(row)
            add_audit(session, actor, "site.delete", "site", site, site=site, before=before)
        self._sessions.forget_site(site)
        return deleted

    def policy_history(self, site: str, *, limit: int = 50) -> list[PolicyVersion]:
        """The site's stored policy versions, newest first, from the audit log."""
        with self._sessions.read() as session:
            rows = session.scalars(_changes(site).order_by(AuditEntry.id.desc()).limit(limit)).all()
        return [v for v in (_version(r) for r in rows) if v is not None]

    def restore_site_policy(self, site: str, version: int, actor: Actor) -> SiteDoc:
        """Store version ``version`` of the site's policy again, as the next version,
        audited as ``policy.restore`` (already validated by the caller: a stored version
        may no longer fit the server's base policy). :class:`NotFoundError` if the site
        never had that version."""
        with self._sessions.write() as session:
            old = _find_version(session, site, version)
            return _store(
                session,
                site,
                old.text,
                old.format,
                actor,
                "policy.restore",
                {"restored_from": version},
            )

    def policy_at(self, site: str, version: int) -> PolicyVersion:
        """Version ``version`` of the site's policy; :class:`NotFoundError` if none."""
        with self._sessions.read() as session:
            return _find_version(session, site, version)


def _locked_row(session: Session, site: str) -> Site:
    """The site's row, created if new, read again and locked until the transaction ends
    (PostgreSQL: ``FOR UPDATE``, so a concurrent save waits and then sees this one's
    version and document; SQLite's write transactions are serial already)."""
    site_row(session, site)
    row = session.scalars(
        select(Site)
        .where(Site.name == site)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    return row


def _holdings(session: Session, site_id: int) -> list[str]:
    """What the site holds that keeps it from being deleted ("3 comments", ...)."""
    held = []
    for model, one, many in (
        (Comment, "comment", "comments"),
        (ModeratorAction, "moderator's verdict or action", "moderators' verdicts or actions"),
        (SiteAdaptation, "adaptation version", "adaptation versions"),
    ):
        stmt = select(func.count()).select_from(model).where(model.site_id == site_id)
        n = int(session.scalar(stmt) or 0)
        if n:
            held.append(f"{n} {one if n == 1 else many}")
    return held


def _doc(row: Site) -> SiteDoc:
    return SiteDoc(
        row.name,
        row.policy_text,
        row.policy_format,
        row.policy_version,
        row.policy_updated_at,
    )


def _store(
    session: Session,
    site: str,
    text: str,
    fmt: str,
    actor: Actor,
    action: str,
    extra: dict[str, Any],
) -> SiteDoc:
    """Make ``text`` the site's next policy version, audited (before/after) as ``action``."""
    row = site_row(session, site)
    before = (
        {"format": row.policy_format, "text": row.policy_text, "version": row.policy_version}
        if row.policy_text is not None
        else None
    )
    row.policy_text = text
    row.policy_format = fmt
    row.policy_version = (row.policy_version or 0) + 1
    row.policy_updated_at = utcnow()
    after = {"format": fmt, "text": text, "version": row.policy_version, **extra}
    add_audit(session, actor, action, "site", site, site=site, before=before, after=after)
    return _doc(row)


def _changes(site: str) -> Any:
    return select(AuditEntry).where(
        AuditEntry.site == site,
        AuditEntry.object_type == "site",
        AuditEntry.object_id == site,
        AuditEntry.action.in_(POLICY_CHANGES),
    )


def _version(row: AuditEntry) -> PolicyVersion | None:
    after = row.after or {}
    text, fmt, number = after.get("text"), after.get("format"), after.get("version")
    if not isinstance(text, str) or not isinstance(fmt, str) or not isinstance(number, int):
        return None
    restored = after.get("restored_from")
    return PolicyVersion(
        version=number,
        text=text,
        format=fmt,
        at=row.at,
        actor=row.actor,
        action=row.action,
        restored_from=restored if isinstance(restored, int) else None,
    )


def _find_version(session: Session, site: str, version: int) -> PolicyVersion:
    # A site has few versions; their documents are JSON, so the match is made here.
    for row in session.scalars(_changes(site).order_by(AuditEntry.id.desc())):
        found = _version(row)
        if found is not None and found.version == version:
            return found
    raise NotFoundError(f"site {site!r} has no policy version {version}")
