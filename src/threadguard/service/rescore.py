"""Stored comments scored again under the models served now, and decided again under the
site's policy now (``threadguard db rescore``).

The same engine and the same site moderator as a thread upload
(:func:`threadguard.service.moderation.moderate_thread`): each comment is read with its
stored context (its parent's stored text, its article's title) and its stored language
(a language an upload stated is stated again; one plainly written in another gives way,
as on upload); the site's active adaptation maps the scores; user names are scored again
where the policy screens them; and the comments of one article are decided together,
with their authors' standing now and the rank each comment had when it arrived, as an
upload of edited comments decides them. What the store does with the result (a
moderator's verdict stands; the others move queue as a fresh upload would place them;
each audited ``comment.rescore``) is :mod:`threadguard.storage.repositories.rescore`'s.

Pages of ``batch`` comments are read, scored and written one transaction each, so a big
store never holds one long transaction, and an interrupted run is resumed by running it
again: the comments written carry the current model version and are not read again. A
run over every comment (``everything``, after a policy change) cannot tell the comments it
wrote from the others, so it reads them in store-id order and reports the last id of each
page written (:attr:`RescoreSummary.last`): started ``after`` that id, it goes on where it
stopped rather than from the start.

Each stored policy decision names the server policy it was made under
(:mod:`threadguard.moderation.fingerprint`), and :func:`policy_drift` reads, before
anything is written, which policies made the decisions a run would make again: a run
under another policy than the server's (its ``--policy`` left out) is told, not silent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from threadguard.adaptation import adapt
from threadguard.analysis import Analysis
from threadguard.engine import CommentInput, Engine, ScoredComment
from threadguard.moderation.decision import held_long
from threadguard.moderation.fingerprint import PolicyStamp
from threadguard.service.context import ServiceState, SitePolicy
from threadguard.service.history import StoreHistory
from threadguard.service.moderation import to_store
from threadguard.storage.records import Actor
from threadguard.storage.repositories.rescore import Rescored, StaleComment
from threadguard.thread import Comment, first_languages

#: How many comments one page (one transaction) takes by default.
BATCH = 500


def current_models(engine: Engine) -> frozenset[str]:
    """Every model version ``engine`` stores on an analysis: its own (English and the
    languages no model covers) and each covered language's."""
    return frozenset(engine.for_language(code).model_version for code in engine.supported_languages)


@dataclass
class RescoreSummary:
    """What a rescoring of one site read and did (or, in a dry run, would do)."""

    site: str
    #: The site's scored comments, and those of them read to be rescored (scored by
    #: another model version; with ``everything``, all of them).
    stored: int = 0
    read: int = 0
    rescored: int = 0
    #: Policy decisions that changed, by (from, to) action.
    changed: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: Rescored comments whose status a moderator set: new scores, verdict kept.
    kept: int = 0
    #: Comments changed meanwhile (edited, scored again, deleted): left to the next run.
    skipped: int = 0
    #: The store id of the last comment of the last page done ("" before the first):
    #: where a run started ``after`` it goes on.
    last: str = ""


@dataclass(frozen=True)
class DecidedBy:
    """Comments a rescore would decide again, grouped by the server policy that made
    their stored decision: how many, and when the newest of those decisions was made."""

    stamp: PolicyStamp
    comments: int
    newest: datetime | None


@dataclass(frozen=True)
class PolicyDrift:
    """What a rescore would decide again, against the server policy it runs under
    (``ours``): the comments decided under another one (``others``, by policy, most
    comments first), under this one (``same``), and before the store kept which
    (``unknown``). A policy is told by its hash, so the same file under another path is
    the same policy (:mod:`threadguard.moderation.fingerprint`)."""

    ours: PolicyStamp
    others: list[DecidedBy]
    same: int = 0
    #: When the newest decision made under this same policy was (None: none).
    same_newest: datetime | None = None
    unknown: int = 0
    #: Decided under another version of the built-in policy while this run uses the
    #: built-in one too: an upgrade changed it, and the upgraded server runs this version
    #: (a review, session 55: the documented rescore after an upgrade stopped with exit 2).
    upgraded: int = 0

    @property
    def newest_other(self) -> DecidedBy | None:
        """The other policy that made the newest decision: the server's, most likely."""
        dated = [o for o in self.others if o.newest is not None]
        if not dated:
            return self.others[0] if self.others else None
        return max(dated, key=lambda o: o.newest or datetime.min)

    @property
    def ours_is_newest(self) -> bool:
        """Whether the newest decision of all was made under this same policy (the server
        runs it already, and the others are from before it changed)."""
        other = self.newest_other
        if self.same_newest is None or other is None or other.newest is None:
            return False
        return self.same_newest > other.newest


def policy_drift(
    state: ServiceState, sites: Sequence[str], *, everything: bool = False, after: str = ""
) -> PolicyDrift:
    """Which server policies made the stored decisions that rescoring ``sites`` would
    make again (the first site's comments ``after`` that store id only; ``everything``:
    as :func:`rescore_site`), against the policy of ``state``: read before anything is
    written, so that a rescore under another policy than the server's is told."""
    ours = state.policy_stamp
    models = None if everything else current_models(state.engine)
    others: dict[PolicyStamp, tuple[int, datetime | None]] = {}
    same, same_newest, unknown, upgraded = 0, None, 0, 0
    for i, site in enumerate(sites):
        for tally in state.store.rescore.decided_under(site, models, after if i == 0 else ""):
            stamp = PolicyStamp.from_json(tally.policy)
            if stamp is None:
                unknown += tally.comments
            elif stamp.sha256 == ours.sha256:
                same += tally.comments
                same_newest = _later(same_newest, tally.newest)
            elif stamp.builtin and ours.builtin:
                upgraded += tally.comments
            else:
                count, newest = others.get(stamp, (0, None))
                others[stamp] = (count + tally.comments, _later(newest, tally.newest))
    grouped = [DecidedBy(stamp, n, at) for stamp, (n, at) in others.items()]
    grouped.sort(key=lambda o: (-o.comments, o.stamp.source, o.stamp.sha256))
    return PolicyDrift(ours, grouped, same, same_newest, unknown, upgraded)


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def rescore_site(
    state: ServiceState,
    site: str,
    actor: Actor,
    *,
    everything: bool = False,
    dry_run: bool = False,
    batch: int = BATCH,
    after: str = "",
    progress: Callable[[RescoreSummary], None] | None = None,
) -> RescoreSummary:
    """Rescore the site's comments whose stored model version is not the engine's
    (``everything``: all of them), those with a store id above ``after`` only (empty:
    from the first); ``dry_run``: score and decide, write nothing. ``progress`` is given
    the summary so far after each page (its ``last`` is where to go on from)."""
    policy = state.site_policy(site)
    models = None if everything else current_models(state.engine)
    summary = RescoreSummary(site, stored=state.store.rescore.scored_count(site))
    while True:
        page = state.store.rescore.stale(site, models, after, batch)
        if not page:
            return summary
        after = page[-1].id
        done = rescore_page(state, site, policy, page)
        written = [True] * len(done) if dry_run else state.store.rescore.apply(site, actor, done)
        summary.read += len(page)
        for r, ok in zip(done, written, strict=True):
            if not ok:
                summary.skipped += 1
                continue
            summary.rescored += 1
            if r.comment.by_moderator:
                summary.kept += 1
                continue
            was, now = r.comment.decision or "none", r.item.decision.action.value
            if was != now:
                summary.changed[(was, now)] += 1
        summary.last = after
        if progress is not None:
            progress(summary)


def rescore_page(
    state: ServiceState, site: str, policy: SitePolicy, page: Sequence[StaleComment]
) -> list[Rescored]:
    """A page of stale comments scored and decided as an upload would (module docs), in
    the page's order."""
    engine = state.engine
    analyses = engine.analyze(
        [
            CommentInput(
                c.text,
                id=c.external_id,
                parent=c.parent_text,
                title=c.title,
                language=c.language or None,
            )
            for c in page
        ]
    )
    if policy.adaptation is not None:
        analyses = [adapt(a, policy.adaptation) for a in analyses]
    named = _names(engine, page, analyses) if policy.policy.screen_authors else {}
    articles: dict[str, list[int]] = {}
    for i, c in enumerate(page):
        articles.setdefault(c.article_key, []).append(i)
    out: dict[int, Rescored] = {}
    limit = state.settings.max_text_chars
    for key, rows in articles.items():
        # parents before their replies: a reply of bare agreement is decided as its parent
        rows = sorted(rows, key=lambda i: (page[i].depth, page[i].position, page[i].id))
        ids = {page[i].external_id for i in rows}
        scored = [
            ScoredComment(_comment(page[i]), analyses[i], named.get(page[i].author or ""))
            for i in rows
        ]
        contexts = {
            c.external_id: c.parent_text
            for c in (page[i] for i in rows)
            if c.parent_id and c.parent_text and c.parent_id not in ids
        }
        decided = policy.moderator.decide_thread(
            scored,
            StoreHistory(state.store, site, key),
            title=page[rows[0]].title,
            contexts=contexts,
        )
        for i, m in zip(rows, decided, strict=True):
            if len(page[i].text) > limit:
                m = replace(m, outcome=replace(m.outcome, decision=held_long(m.decision, limit)))
            [item] = to_store([m])
            out[i] = Rescored(page[i], item)
    return [out[i] for i in range(len(page))]


def _comment(c: StaleComment) -> Comment:
    return Comment(
        c.external_id,
        c.text,
        author=c.author or "",
        parent=c.parent_id,
        depth=c.depth,
        position=c.position,
    )


def _names(
    engine: Engine, page: Sequence[StaleComment], analyses: Sequence[Analysis]
) -> dict[str, Analysis]:
    """Each author's name scored, in the language of their first comment on the page."""
    return engine.read_names(
        first_languages((c.author for c in page), (a.language for a in analyses))
    )
