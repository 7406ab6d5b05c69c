"""Edits: a comment whose text changes is moderated again, audited, and a moderator's
verdict stays paired with the text it was given on (issue 11, defect 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from service_support import DIALECTS, database
from sqlalchemy import text
from sqlalchemy.orm import Session

from threadguard.analysis import Analysis
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Actor, ConflictError, Store, db, resolve_url
from threadguard.storage.records import (
    ArticleRef,
    ContextComment,
    NewComment,
    Origin,
    QueueFilter,
)
from threadguard.storage.repositories.rows import text_sha256

MOD = Actor("mod-1", "moderator")
UPLOADER = Actor("key-7", "client")
LEVEL = {"approve": 0.1, "hold": 0.75, "reject": 0.97}


def said(ext: str, words: str, action: str = "approve", author: str | None = "ann") -> NewComment:
    return NewComment(
        text=words,
        analysis=Analysis(None, {a: LEVEL[action] for a in ATTRIBUTES}, model="test@1"),
        decision=Decision(action, (f"because {action}",)),
        external_id=ext,
        author=author,
    )


def upload(store: Store, *items: NewComment, article: str = "a1") -> list[tuple[str, str]]:
    return store.record_many(
        site="news",
        source="native",
        article=ArticleRef(article, "Title"),
        comments=list(items),
        actor=UPLOADER,
    )


def test_an_edit_of_an_approved_comment_is_moderated_again(store: Store) -> None:
    [(cid, status)] = upload(store, said("c1", "a kind word", "hold"))
    assert status == "pending"
    store.moderate(cid, "approve", MOD, note="fine")
    assert upload(store, said("c1", "a kind word", "hold")) == [(cid, "approved")]  # same text

    # The text changes: the moderator's approval was of the old text, not of this one.
    assert upload(store, said("c1", "a death threat", "reject")) == [(cid, "rejected")]
    record = store.comment(cid)
    assert (record.text, record.status, record.status_source) == (
        "a death threat",
        "rejected",
        "policy",
    )
    assert record.moderator_decision is None  # no verdict applies to the new text
    assert [a.action for a in record.actions] == ["approve"]  # but the history stays
    queued = store.queue(QueueFilter(site="news", status="rejected")).items
    assert [(q.comment_id, q.resolved_by) for q in queued] == [(cid, "policy")]
    # A moderator may now rule on the new text.
    assert store.moderate(cid, "reject", MOD).comment_status == "rejected"


def test_an_edit_is_audited_with_both_texts_hashes_and_who_sent_it(store: Store) -> None:
    [(cid, _)] = upload(store, said("c1", "first words", "hold"))
    store.moderate(cid, "approve", MOD)
    upload(store, said("c1", "first words", "hold"))  # uploaded again, unchanged
    assert store.audit_log(action="comment.edit").total == 0
    upload(store, said("c1", "second words", "hold"))
    [entry] = store.audit_log(action="comment.edit").items
    assert (entry.actor, entry.actor_role, entry.site, entry.object_id) == (
        "key-7",
        "client",
        "news",
        cid,
    )
    assert entry.before == {
        "text_sha256": text_sha256("first words"),
        "status": "approved",
        "status_source": "moderator",
        "version": 2,
    }
    assert entry.after is not None
    assert entry.after["text_sha256"] == text_sha256("second words")
    assert (entry.after["status"], entry.after["status_source"]) == ("pending", "policy")
    assert "second words" not in str(entry.after) and "first words" not in str(entry.before)
    # Without an uploading key, the endpoint is the actor.
    store.record(Origin("news", "coral", ArticleRef("a1")), said("c1", "third words"))
    assert store.audit_log(action="comment.edit").items[0].actor == "coral"


def test_an_edit_held_for_review_goes_back_to_the_queue(store: Store) -> None:
    [(first, _), (second, _)] = upload(store, said("c1", "one", "hold"), said("c2", "two", "hold"))
    store.moderate(first, "reject", MOD)
    assert store.authors("news", ["ann"])["ann"].rejected_count == 1
    upload(store, said("c1", "one, edited", "hold"))
    pending = store.queue(QueueFilter(site="news")).items
    assert [q.comment_id for q in pending] == [second, first]  # at the back
    assert pending[1].text == "one, edited" and pending[1].resolved_by is None
    # The author's counters follow the status: the rejection was of the old text.
    assert store.authors("news", ["ann"])["ann"].rejected_count == 0
    assert store.authors("news", ["ann"])["ann"].comment_count == 2


def test_the_export_pairs_each_verdict_with_the_text_it_was_given_on(store: Store) -> None:
    [(cid, _)] = upload(store, said("c1", "thanks for this", "hold"))
    store.moderate(cid, "approve", MOD)
    upload(store, said("c1", "a death threat", "reject"))
    [row] = store.labelled(site="news")
    assert (row["text"], row["label"], row["toxic"]) == ("thanks for this", "approve", False)
    assert row["attributes"]["toxicity"] == pytest.approx(0.75)  # that text's scores
    assert row["policy_decision"] == "hold"  # and that text's policy decision
    store.moderate(cid, "reject", MOD)
    rows = list(store.labelled(site="news"))
    assert [(r["text"], r["label"]) for r in rows] == [
        ("thanks for this", "approve"),
        ("a death threat", "reject"),
    ]
    assert rows[1]["attributes"]["toxicity"] == pytest.approx(0.97)
    assert rows[1]["policy_decision"] == "reject"


def test_remembering_a_scored_comment_does_not_change_its_text(store: Store) -> None:
    """Coral remembers every comment it sends before scoring it: that must not slip an
    edit past moderation (record sees the new text and moderates it)."""
    origin = Origin("news", "coral", ArticleRef("s1"))
    cid = store.record(origin, said("c1", "nice", "hold", author="zed"))
    store.moderate(cid, "approve", MOD)
    store.remember(ContextComment("news", "s1", "c1", "nasty", author="zed"))
    assert (store.comment(cid).text, store.comment(cid).status) == ("nice", "approved")
    store.record(origin, said("c1", "nasty", "reject", author="zed"))
    assert (store.comment(cid).text, store.comment(cid).status) == ("nasty", "rejected")


def test_a_verdict_never_lands_on_an_edit_it_did_not_see(store: Store) -> None:
    """The verdict is guarded by the version it read: an edit committed between the
    moderator's read and the guarded update (PostgreSQL runs them side by side) makes
    it a conflict, not a verdict on a text the moderator never saw."""
    [(cid, _)] = upload(store, said("c1", "first", "hold"))
    moderation = store.moderation
    real = moderation._verdict

    def edited_meanwhile(session: Session, row: Any, *args: Any) -> str:
        bump = "UPDATE comments SET version = version + 1 WHERE id = :id"
        session.execute(text(bump), {"id": cid})  # the row object keeps what was read
        return real(session, row, *args)

    moderation._verdict = edited_meanwhile  # type: ignore[method-assign]
    try:
        with pytest.raises(ConflictError, match="changed while the verdict was being given"):
            store.moderate(cid, "approve", MOD)
    finally:
        moderation._verdict = real  # type: ignore[method-assign]
    assert store.moderate(cid, "approve", MOD).comment_status == "approved"


@pytest.mark.parametrize("kind", DIALECTS)
def test_old_verdicts_keep_their_text_only_where_it_is_known(kind: str, tmp_path: Path) -> None:
    with database(kind, tmp_path) as url:
        engine = db.connect(resolve_url(url, None))
        db.upgrade(engine, "0002")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO sites (id, name, policy_version, created_at) "
                    "VALUES (1, 'news', 0, '2026-01-01 00:00:00')"
                )
            )
            for n, rescored in ((1, False), (2, True)):
                conn.execute(
                    text(
                        "INSERT INTO comments (id, site_id, article_key, external_id, text, "
                        "source, depth, position, received_at, status, status_source, "
                        "status_at, version) VALUES (:id, 1, '', :id, :text, 'native', 0, 0, "
                        "'2026-01-01 00:00:00', 'approved', 'moderator', "
                        "'2026-01-02 00:00:00', 2)"
                    ),
                    {"id": f"cm_{n}", "text": f"text now {n}"},
                )
                days = ["2026-01-01 00:00:00"] + (["2026-01-03 00:00:00"] if rescored else [])
                for day in days:
                    conn.execute(
                        text(
                            "INSERT INTO analyses (comment_id, model, scores, targets, spans, "
                            "language, created_at) VALUES (:id, 'm@1', '{}', '[]', '[]', 'en', "
                            ":day)"
                        ),
                        {"id": f"cm_{n}", "day": day},
                    )
                conn.execute(
                    text(
                        "INSERT INTO decisions (comment_id, action, reasons, source, actor, "
                        "created_at) VALUES (:id, 'approve', '[]', 'moderator', 'mod-1', "
                        "'2026-01-02 00:00:00')"
                    ),
                    {"id": f"cm_{n}"},
                )
        db.upgrade(engine)
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT comment_id, text, analysis_id FROM decisions "
                    "WHERE source = 'moderator' ORDER BY comment_id"
                )
            ).all()
        engine.dispose()
        assert [tuple(r) for r in rows] == [("cm_1", "text now 1", 1), ("cm_2", None, None)]
        store = Store.open(url)
        try:
            assert [r["id"] for r in store.labelled()] == ["cm_1"]
        finally:
            store.close()
