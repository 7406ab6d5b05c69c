"""Sites and their policy documents: the text as uploaded, versioned, changes audited."""

from __future__ import annotations

from sqlalchemy import select

from threadguard.storage.models import Site, utcnow
from threadguard.storage.records import Actor, SiteDoc
from threadguard.storage.sessions import Sessions, add_audit, site_row


class SiteRepository:
    """Each site's stored policy document and its version."""

    def __init__(self, sessions: Sessions) -> None:
        self._sessions = sessions

    def site_doc(self, site: str) -> SiteDoc | None:
        """The site's stored policy document, or None for a site never seen."""
        with self._sessions.read() as session:
            row = session.scalars(select(Site).where(Site.name == site)).first()
            if row is None:
                return None
            return _doc(row)

    def policy_version(self, site: str) -> int:
        """The site's policy version (0 when it has none): cheap, for cache checks."""
        with self._sessions.read() as session:
            return int(session.scalar(select(Site.policy_version).where(Site.name == site)) or 0)

    def set_site_policy(self, site: str, text: str, fmt: str, actor: Actor) -> SiteDoc:
        """Replace the site's policy document (already validated), audited with before/after."""
        with self._sessions.write() as session:
            row = site_row(session, site)
            before = (
                {
                    "format": row.policy_format,
                    "text": row.policy_text,
                    "version": row.policy_version,
                }
                if row.policy_text is not None
                else None
            )
            row.policy_text = text
            row.policy_format = fmt
            row.policy_version = (row.policy_version or 0) + 1
            row.policy_updated_at = utcnow()
            after = {"format": fmt, "text": text, "version": row.policy_version}
            add_audit(
                session, actor, "policy.update", "site", site, site=site, before=before, after=after
            )
            return _doc(row)


def _doc(row: Site) -> SiteDoc:
    return SiteDoc(
        row.name,
        row.policy_text,
        row.policy_format,
        row.policy_version,
        row.policy_updated_at,
    )
