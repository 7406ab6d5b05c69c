"""The service's shared state: the engine, the store, settings, and each site's policy.

:class:`ServiceState` is the concrete :class:`~threadguard.service.protocols.ServiceContext`.
The model is loaded once; a site with its own policy document gets the same model under
that policy (``Engine.with_policy`` shares the weights), built on first use and cached.
Another worker may change a site's policy, so a cached one is trusted for
``policy_ttl`` seconds and then checked against the version in the database.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from threadguard.analysis import Analysis
from threadguard.engine import Engine
from threadguard.policy import Policy, PolicyError
from threadguard.service.moderation import decide_comment
from threadguard.service.protocols import CommentLog, ServiceSettings
from threadguard.site_policy import (
    SiteOutcome,
    SiteRules,
    merge_documents,
    parse_document,
    parse_site_policy,
    parse_site_rules,
)
from threadguard.storage.records import SiteDoc
from threadguard.storage.store import Store

log = logging.getLogger("threadguard.service")


@dataclass(frozen=True)
class SitePolicy:
    """A site's effective policy: thresholds (in its engine) and site rules."""

    site: str | None
    engine: Engine
    rules: SiteRules
    version: int
    document: SiteDoc | None

    @property
    def policy(self) -> Policy:
        """The threshold policy the site's engine decides with."""
        return self.engine.policy


def effective_policy(
    base: Policy, text: str | None, fmt: str | None, site: str
) -> tuple[Policy, SiteRules]:
    """The policy a site's document (TOML or JSON ``text``) gives on top of ``base``.

    Without a document the site has the base policy. Raises :class:`PolicyError` naming
    the fault when the document is invalid.
    """
    if text is None or fmt is None:
        return base, parse_site_rules(base.raw, base.source)
    source = f"policy of site {site!r}"
    merged = merge_documents(base.raw, parse_document(text, fmt, source))
    merged.setdefault("name", site)
    return parse_site_policy(merged, source)


def policy_text(policy: Policy) -> str | None:
    """The TOML a policy was loaded from (the built-in default's, or its file's)."""
    if policy.source == "default_policy.toml":
        return (
            resources.files("threadguard.resources")
            .joinpath("default_policy.toml")
            .read_text("utf-8")
        )
    try:
        return Path(policy.source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


class ServiceState:
    """Engine per site policy, the comment store, and the settings: what routers depend on."""

    def __init__(
        self, engine: Engine, store: Store, settings: ServiceSettings, *, policy_ttl: float = 1.0
    ) -> None:
        self.engine = engine
        self.store = store
        self.settings = settings
        self.comments: CommentLog = store
        self.policy_ttl = policy_ttl
        self._base = SitePolicy(
            None, engine, parse_site_rules(engine.policy.raw, engine.policy.source), 0, None
        )
        self._sites: dict[str, tuple[SitePolicy, float]] = {}
        self._lock = threading.Lock()

    def site_policy(self, site: str | None) -> SitePolicy:
        """The site's effective policy (the base one for None or a site without its own)."""
        if site is None:
            return self._base
        now = time.monotonic()
        with self._lock:
            cached = self._sites.get(site)
        if cached is not None and cached[1] > now:
            return cached[0]
        version = self.store.policy_version(site)
        if cached is not None and cached[0].version == version:
            current = cached[0]
        else:
            current = self._build(site)
        with self._lock:
            self._sites[site] = (current, now + self.policy_ttl)
        return current

    def _build(self, site: str) -> SitePolicy:
        doc = self.store.site_doc(site)
        if doc is None or doc.policy_text is None:
            return SitePolicy(
                site, self.engine, self._base.rules, doc.policy_version if doc else 0, doc
            )
        try:
            policy, rules = effective_policy(
                self.engine.policy, doc.policy_text, doc.policy_format, site
            )
        except PolicyError as exc:
            # Valid when stored, but not on top of this server's base policy: keep serving.
            log.error(
                "site %r: stored policy no longer valid, using the base policy: %s", site, exc
            )
            return SitePolicy(site, self.engine, self._base.rules, doc.policy_version, doc)
        return SitePolicy(site, self.engine.with_policy(policy), rules, doc.policy_version, doc)

    def forget(self, site: str) -> None:
        """Drop a site's cached policy (after changing it in this process)."""
        with self._lock:
            self._sites.pop(site, None)

    def engine_for(self, site: str | None) -> Engine:
        """The engine under the site's policy (the default policy when site is None)."""
        return self.site_policy(site).engine

    def site_decision(
        self,
        site: str | None,
        analysis: Analysis,
        text: str,
        *,
        author: str | None = None,
        comment_id: str | None = None,
        story_id: str | None = None,
    ) -> SiteOutcome:
        """The site's rules on one comment (see :func:`.moderation.decide_comment`)."""
        return decide_comment(
            self,
            site,
            analysis,
            text,
            author=author,
            comment_id=comment_id,
            story_id=story_id,
        )
