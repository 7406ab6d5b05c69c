"""The service's shared state: the engine, the store, settings, and each site's moderator.

:class:`ServiceState` is the concrete :class:`~threadguard.service.protocols.ServiceContext`.
The model is loaded once and shared by every site; a site with its own policy document
gets its own :class:`~threadguard.moderation.Moderator`, built on first use and cached,
with the site's active adaptation (:mod:`threadguard.adaptation`), which maps the
engine's scores before the moderator reads them. Another worker may change a site's
policy or adaptation, so a cached one is trusted for ``policy_ttl`` seconds and then
checked against the versions in the database. Every policy decision stored through the
state's store names the server policy it was made under (:meth:`Store.decide_under
<threadguard.storage.store.Store.decide_under>`), for ``db rescore`` to compare.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from threadguard.adaptation import Adaptation, AdaptationError, adapt
from threadguard.analysis import Analysis
from threadguard.engine import Engine
from threadguard.moderation import AuthorContext, Moderator, Outcome, Policy, PolicyError, on_top
from threadguard.moderation.authors import rank_authors
from threadguard.moderation.fingerprint import stamp_of
from threadguard.moderation.policy import require_covered
from threadguard.service import metrics
from threadguard.service.history import StoreHistory
from threadguard.service.protocols import Arrival, CommentLog, ServiceSettings
from threadguard.storage.records import SiteDoc
from threadguard.storage.store import Store

log = logging.getLogger("threadguard.service")


@dataclass(frozen=True)
class SitePolicy:
    """A site's moderator under its effective policy, the stored document behind it, and
    the site's active adaptation of the engine's scores (None: the engine's own)."""

    site: str | None
    moderator: Moderator
    version: int
    document: SiteDoc | None
    adaptation: Adaptation | None = None

    @property
    def versions(self) -> tuple[int, int]:
        """The policy's version and the active adaptation's (0: none): what the cache checks."""
        return self.version, self.adaptation.version if self.adaptation else 0

    @property
    def policy(self) -> Policy:
        """The site's effective policy (the server's, with the site's document on top)."""
        return self.moderator.policy


class ServiceState:
    """The engine, a moderator per site policy, the comment store, and the settings: what
    routers depend on."""

    def __init__(
        self,
        engine: Engine,
        store: Store,
        settings: ServiceSettings,
        policy: Policy,
        *,
        policy_ttl: float = 1.0,
    ) -> None:
        self.engine = engine
        self.store = store
        self.settings = settings
        self.comments: CommentLog = store
        self.policy_ttl = policy_ttl
        #: The server policy every decision this state stores is made under (a site's
        #: document goes on top of it): kept with each stored policy decision, so that
        #: ``db rescore`` can tell a run under another policy than the server's.
        self.policy_stamp = stamp_of(policy)
        store.decide_under(self.policy_stamp.to_json())
        self._base = SitePolicy(None, Moderator(policy), 0, None)
        self._sites: dict[str, tuple[SitePolicy, float]] = {}
        self._lock = threading.Lock()

    @property
    def base_policy(self) -> Policy:
        """The server's policy (``serve --policy``, else the built-in default)."""
        return self._base.policy

    def site_policy(self, site: str | None) -> SitePolicy:
        """The site's effective policy (the base one for None or a site without its own)."""
        if site is None:
            return self._base
        now = time.monotonic()
        with self._lock:
            cached = self._sites.get(site)
        if cached is not None and cached[1] > now:
            return cached[0]
        versions = self.store.policy_version(site), self.store.adaptation_version(site)
        if cached is not None and cached[0].versions == versions:
            current = cached[0]
        else:
            current = self._build(site)
        with self._lock:
            self._sites[site] = (current, now + self.policy_ttl)
        return current

    def _build(self, site: str) -> SitePolicy:
        doc = self.store.site_doc(site)
        version = doc.policy_version if doc else 0
        adaptation = self._adaptation(site)
        if doc is None or doc.policy_text is None:
            return SitePolicy(site, self._base.moderator, version, doc, adaptation)
        try:
            policy = on_top(self.base_policy, doc.policy_text, doc.policy_format, site)
            require_covered(policy, self.engine.supported_languages)
        except PolicyError as exc:
            # Valid when stored, but not on top of this server's base policy: keep serving.
            log.error(
                "site %r: stored policy no longer valid, using the base policy: %s", site, exc
            )
            return SitePolicy(site, self._base.moderator, version, doc, adaptation)
        return SitePolicy(site, Moderator(policy), version, doc, adaptation)

    def _adaptation(self, site: str) -> Adaptation | None:
        """The site's active adaptation; a stored one that cannot be read is logged and
        the engine's scores are served (as for a policy no longer valid)."""
        record = self.store.active_adaptation(site)
        if record is None:
            return None
        try:
            return Adaptation.from_json(record.parameters, record.version)
        except AdaptationError as exc:
            log.error(
                "site %r: adaptation %d cannot be read, not applied: %s", site, record.version, exc
            )
            return None

    def adapt(self, site: str | None, analyses: list[Analysis]) -> list[Analysis]:
        """The engine's analyses through the site's active adaptation (unchanged for None,
        a site without one, or a comment not in English: adaptations are English only
        until fits are per language): call before the site's moderator decides."""
        if site is None:
            return analyses
        adaptation = self.site_policy(site).adaptation
        return [adapt(a, adaptation) for a in analyses]

    def forget(self, site: str) -> None:
        """Drop a site's cached policy (after changing it in this process)."""
        with self._lock:
            self._sites.pop(site, None)

    def moderator_for(self, site: str | None) -> Moderator:
        """The moderator under the site's policy (the server's when site is None)."""
        return self.site_policy(site).moderator

    def site_decision(self, arrival: Arrival) -> Outcome:
        """One comment arriving on its own (Coral, Perspective, OpenAI) under the site's rules.

        The same moderator as a thread upload, so a site's watchlist, bans, trusted
        authors, pre-moderation and escalation mean the same on every endpoint. The
        author's rank is their stored comment count (the comment is not stored yet), or,
        for an edit of a comment already stored (``author.comment_id`` under
        ``author.story_id``), the rank it had when
        first scored -- so editing a first comment does not pre-moderate it again, and
        editing an old one does not count as new. Without a site there is no history, and
        only the rules that need none apply.
        """
        site, author = arrival.site, arrival.author
        moderator = self.moderator_for(site)
        who: AuthorContext | None = None
        if author is not None and author.name and site is not None:
            history = StoreHistory(self.store, site, author.story_id or "")
            days = moderator.policy.rules.escalation_days
            [who] = rank_authors([(author.comment_id or "", author.name)], history, days)
        outcome = moderator.decide(
            arrival.analysis, arrival.text, who, context=arrival.context, title=arrival.title
        )
        metrics.observe_decision(arrival.analysis, outcome.decision.action)
        return outcome
