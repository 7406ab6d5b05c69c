"""Rescoring stored comments after a model upgrade (``threadguard db rescore``): comments
scored by an older model version are scored again and decided again, a moderator's
verdict stands (only the scores change), a dry run writes nothing, a second run finds
nothing left, and every comment written is audited ``comment.rescore``.

The store is filled by a real upload (the shipped engine, the default policy); "an older
model" is a fake version written over the stored analyses, and for one comment the older
model's approval (its decision, status and queue entry as an approval leaves them), so the
rescore must move it back to the queue where the upload put it."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import delete, func, select, update

from threadguard.engine import Engine
from threadguard.moderation import load_policy
from threadguard.readers import read_thread
from threadguard.service.context import ServiceState
from threadguard.service.moderation import article_for
from threadguard.service.rescore import RescoreSummary, current_models, rescore_site
from threadguard.service.settings import ServiceSettings
from threadguard.service.uploads import Upload, ingest
from threadguard.storage import Store
from threadguard.storage.models import AnalysisRow, AuditEntry, DecisionRow, QueueItem
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.records import Actor

SITE = "news"
OLD_MODEL = "threadguard-0.0.9+threadguard-fast@1"
ADMIN = Actor("cli:ops", "admin")
#: Civil, civil reply, abuse the policy holds or rejects (twice: one a moderator approves).
THREAD = {
    "thread": {"id": "ferry", "title": "Ferry timetable"},
    "comments": [
        {"id": "a", "author": "ann", "text": "The island ferry is late again this morning."},
        {"id": "c", "author": "cy", "text": "Thanks, this explains it well.", "parent": "a"},
        {"id": "b", "author": "bo", "text": "You are a worthless idiot and a disgrace."},
        {"id": "d", "author": "di", "text": "Go back to your country, you filthy rat."},
    ],
}


def _state(store: Store, engine: Engine) -> ServiceState:
    return ServiceState(engine, store, ServiceSettings(), load_policy(None), policy_ttl=0.0)


def _upload(state: ServiceState) -> dict[str, str]:
    """The thread uploaded as the service stores it; each comment's store id by its id."""
    read = read_thread(json.dumps(THREAD).encode(), format="json")
    upload = Upload(SITE, read, "json", article_for(read.thread, None), Actor("k", "client"))
    done = ingest(state, upload)
    return {m.comment.id: s.id for m, s in zip(done.items, done.stored, strict=True)}


def _row(store: Store, cid: str) -> dict[str, Any]:
    """A comment's status, its latest analysis and policy decision, and its queue entry."""
    with store.sessions.read() as s:
        c = s.get(CommentModel, cid)
        assert c is not None
        a = s.scalars(
            select(AnalysisRow).where(AnalysisRow.comment_id == cid).order_by(AnalysisRow.id)
        ).all()[-1]
        d = s.scalars(
            select(DecisionRow)
            .where(DecisionRow.comment_id == cid, DecisionRow.source == "policy")
            .order_by(DecisionRow.id)
        ).all()[-1]
        q = s.scalars(select(QueueItem).where(QueueItem.comment_id == cid)).first()
        return {
            "status": c.status,
            "source": c.status_source,
            "model": a.model,
            "toxicity": a.scores["toxicity"],
            "decision": d.action,
            "queue": q.status if q is not None else None,
            "queue_toxicity": q.toxicity if q is not None else None,
        }


def _counts(store: Store) -> tuple[int, ...]:
    with store.sessions.read() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in (AnalysisRow, DecisionRow, QueueItem, AuditEntry)
        )


def _as_old_model(store: Store, ids: dict[str, str], approved: str, scores_of: str) -> None:
    """Every stored analysis by OLD_MODEL; ``approved`` as that model approved it (its
    policy decision, its status, no queue entry); ``scores_of``'s scores all zero."""
    with store.engine.begin() as conn:
        conn.execute(update(AnalysisRow).values(model=OLD_MODEL))
        conn.execute(
            update(AnalysisRow)
            .where(AnalysisRow.comment_id == ids[scores_of])
            .values(scores={k: 0.0 for k in ("toxicity", "insult", "threat")})
        )
        conn.execute(
            update(QueueItem).where(QueueItem.comment_id == ids[scores_of]).values(toxicity=0.0)
        )
        conn.execute(
            update(DecisionRow)
            .where(DecisionRow.comment_id == ids[approved], DecisionRow.source == "policy")
            .values(action="approve", reasons=[])
        )
        conn.execute(
            update(CommentModel).where(CommentModel.id == ids[approved]).values(status="approved")
        )
        conn.execute(delete(QueueItem).where(QueueItem.comment_id == ids[approved]))


def _prepared(store: Store, engine: Engine) -> tuple[ServiceState, dict[str, str], dict[str, Any]]:
    """The thread uploaded, "d" approved by a moderator, then the store made an older
    model's; with "b" as the upload placed it (what a rescore must give back)."""
    state = _state(store, engine)
    ids = _upload(state)
    placed = _row(store, ids["b"])
    assert placed["status"] in ("pending", "rejected") and placed["queue"] is not None
    assert _row(store, ids["d"])["status"] in ("pending", "rejected")
    store.moderate(ids["d"], "approve", Actor("mia", "moderator"))
    _as_old_model(store, ids, approved="b", scores_of="d")
    return state, ids, placed


def _check_summary(summary: RescoreSummary, placed: dict[str, Any]) -> None:
    assert (summary.stored, summary.read, summary.rescored) == (4, 4, 4)
    assert summary.kept == 1
    assert dict(summary.changed) == {("approve", placed["decision"]): 1}
    assert summary.skipped == 0


def test_comments_scored_by_an_older_model_are_rescored_and_placed_as_an_upload_would(
    store: Store, engine: Engine
) -> None:
    state, ids, placed = _prepared(store, engine)
    _check_summary(rescore_site(state, SITE, ADMIN), placed)
    now = current_models(engine)
    rows = {k: _row(store, cid) for k, cid in ids.items()}
    assert all(r["model"] in now for r in rows.values())
    # the older model's approval moved back to the queue, as the upload had placed it
    b = rows["b"]
    assert (b["status"], b["decision"], b["queue"]) == (
        placed["status"],
        placed["decision"],
        placed["queue"],
    )
    assert b["source"] == "policy"
    assert rows["a"]["status"] == rows["c"]["status"] == "approved"


def test_a_moderators_verdict_stands_and_only_its_scores_change(
    store: Store, engine: Engine
) -> None:
    state, ids, _ = _prepared(store, engine)
    before = _row(store, ids["d"])
    assert before["toxicity"] == 0.0 and before["queue_toxicity"] == 0.0
    rescore_site(state, SITE, ADMIN)
    after = _row(store, ids["d"])
    assert (after["status"], after["source"]) == ("approved", "moderator")
    assert after["queue"] == before["queue"] == "approved"
    # no new policy decision: the one from before the verdict stands as it was
    assert after["decision"] == before["decision"]
    assert after["toxicity"] > 0.5 and after["queue_toxicity"] == after["toxicity"]
    assert after["model"] in current_models(engine)


def test_a_dry_run_counts_the_same_and_writes_nothing(store: Store, engine: Engine) -> None:
    state, ids, placed = _prepared(store, engine)
    counts, rows = _counts(store), {k: _row(store, cid) for k, cid in ids.items()}
    _check_summary(rescore_site(state, SITE, ADMIN, dry_run=True), placed)
    assert _counts(store) == counts
    assert {k: _row(store, cid) for k, cid in ids.items()} == rows


def test_a_second_run_finds_nothing_left_and_every_rescore_is_audited(
    store: Store, engine: Engine
) -> None:
    state, ids, placed = _prepared(store, engine)
    # a page at a time: each its own transaction, the run the same
    _check_summary(rescore_site(state, SITE, ADMIN, batch=3), placed)
    counts = _counts(store)
    again = rescore_site(state, SITE, ADMIN)
    assert (again.stored, again.read, again.rescored, sum(again.changed.values())) == (4, 0, 0, 0)
    assert _counts(store) == counts
    with store.sessions.read() as s:
        audits = s.scalars(select(AuditEntry).where(AuditEntry.action == "comment.rescore")).all()
    assert sorted(a.object_id for a in audits) == sorted(ids.values())
    by_id = {a.object_id: a for a in audits}
    for a in audits:
        assert a.actor == ADMIN.id and a.site == SITE
        assert a.before is not None and a.after is not None
        assert a.before["model"] == OLD_MODEL
        assert a.after["model"] in current_models(engine)
    b = by_id[ids["b"]]
    assert b.before is not None and b.after is not None
    assert (b.before["decision"], b.before["status"]) == ("approve", "approved")
    assert (b.after["decision"], b.after["status"]) == (placed["decision"], placed["status"])
    d = by_id[ids["d"]]
    assert d.after is not None and d.after["status_source"] == "moderator"
    # --all reads every comment again, whatever its model
    assert rescore_site(state, SITE, ADMIN, everything=True, dry_run=True).read == 4
