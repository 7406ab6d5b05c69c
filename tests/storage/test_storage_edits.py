"""Edits: a comment whose text changes is moderated again, audited, and a moderator's
verdict stays paired with the text it was given on (issue 11, defect 1); a comment with
no text of its own is no edit: the stored one is left as it was."""

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
from threadguard.storage.repositories.ingest import Stored
from threadguard.storage.repositories.review import EditNote, ListedItem
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


def upload(store: Store, *items: NewComment, article: str = "a1") -> list[Stored]:
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


def test_a_comment_remembered_but_never_decided_is_not_approved(store: Store) -> None:
    """Coral's comment is kept before it is scored; if scoring never finishes (a crash, a
    failure: Coral was answered PREMOD) the store must not say the policy approved it.
    Once decided, it takes the decision as any comment does."""
    store.remember(ContextComment("news", "s1", "c9", "you absolute idiot", author="zed"))
    with store.sessions.read() as session:
        status = session.execute(text("SELECT status FROM comments WHERE external_id = 'c9'"))
        assert status.scalar_one() == "pending"
    cid = store.record(Origin("news", "coral", ArticleRef("s1")), said("c9", "fine", "approve"))
    assert store.comment(cid).status == "approved"


def state_of(store: Store, cid: str) -> tuple[Any, ...]:
    """What an upload without text must not change: text, status, who set it, version,
    the latest analysis and policy decision, and the comment's queue entry."""
    record = store.comment(cid)
    queued = [
        (q.status, q.reasons, q.resolved_by, q.entered_at)
        for status in ("pending", "approved", "rejected")
        for q in store.queue(QueueFilter(site="news", status=status)).items
        if q.comment_id == cid
    ]
    return (
        record.text,
        record.status,
        record.status_source,
        record.version,
        record.analysis,
        record.policy_decision,
        record.parent_id,
        queued,
    )


@pytest.mark.parametrize("nothing", ["", "  \n "])
def test_a_comment_without_text_leaves_a_rejected_comment_as_stored(
    store: Store, nothing: str
) -> None:
    """QA's defect: the same thread uploaded again with the comment's text missing (the
    reader keeps it as an empty node, so its replies keep their parent) erased the text
    and turned the rejection into an approval, audited as an edit."""
    [(parent, _), (cid, status)] = upload(
        store, said("a", "hello there"), said("b", "you idiot", "reject", author="bob")
    )
    assert status == "rejected"
    before, counters = state_of(store, cid), store.authors("news", ["bob"])["bob"]

    again = upload(store, said("a", nothing), said("b", nothing, "approve", author=None))

    assert again == [(parent, "approved"), (cid, "rejected")]  # the stored statuses
    assert [result.kept for result in again] == [True, True]
    assert state_of(store, cid) == before
    assert store.comment(cid).text == "you idiot"
    assert store.comment(parent).text == "hello there"
    assert store.authors("news", ["bob"])["bob"] == counters
    assert store.audit_log(action="comment.edit").total == 0


def test_a_comment_without_text_keeps_a_moderators_verdict_and_a_held_entry(
    store: Store,
) -> None:
    [(judged, _), (held, _)] = upload(
        store, said("c1", "borderline", "hold"), said("c2", "hmm", "hold")
    )
    store.moderate(judged, "reject", MOD)
    before = {cid: state_of(store, cid) for cid in (judged, held)}

    again = upload(store, said("c1", ""), said("c2", ""))  # the policy would approve ""

    assert again == [(judged, "rejected"), (held, "pending")]
    assert {cid: state_of(store, cid) for cid in (judged, held)} == before
    assert [q.comment_id for q in store.queue(QueueFilter(site="news")).items] == [held]
    assert store.comment(judged).moderator_decision is not None


def test_a_comment_without_text_through_the_hot_path_is_left_as_stored(store: Store) -> None:
    """Coral (one comment a request, through the group commit) gets the same rule, and
    remembering an empty body does not erase a comment kept only as context."""
    origin = Origin("news", "coral", ArticleRef("s1"))
    cid = store.record(origin, said("c1", "you idiot", "reject", author="zed"))
    assert store.record_status(origin, said("c1", "", author="zed")) == (cid, "rejected")
    assert store.record_status(origin, said("c1", "", author="zed")).kept
    assert (store.comment(cid).text, store.comment(cid).status) == ("you idiot", "rejected")

    store.remember(ContextComment("news", "s1", "p1", "the parent's words"))
    store.remember(ContextComment("news", "s1", "p1", ""))
    assert store.recall(site="news", comment_id="p1") == "the parent's words"
    assert store.audit_log(action="comment.edit").total == 0


def test_a_new_comment_without_text_is_stored_empty_and_can_get_text_later(
    store: Store,
) -> None:
    [(cid, status)] = upload(store, said("d1", ""))
    assert (status, store.comment(cid).text) == ("approved", "")
    assert not upload(store, said("d1", "now with words", "hold"))[0].kept
    # An empty node first, then its text: the text is stored and moderated (an edit).
    assert (store.comment(cid).text, store.comment(cid).status) == ("now with words", "pending")
    assert store.audit_log(action="comment.edit").total == 1


def test_an_edit_to_other_text_after_a_textless_upload_is_still_an_edit(store: Store) -> None:
    [(cid, _)] = upload(store, said("c1", "first words", "hold"))
    store.moderate(cid, "approve", MOD)
    upload(store, said("c1", ""))  # left as stored: not an edit
    assert store.audit_log(action="comment.edit").total == 0
    assert upload(store, said("c1", "a death threat", "reject")) == [(cid, "rejected")]
    [entry] = store.audit_log(action="comment.edit").items
    assert entry.before is not None and entry.after is not None
    assert entry.before["text_sha256"] == text_sha256("first words")
    assert entry.after["text_sha256"] == text_sha256("a death threat")


def test_a_textless_copy_later_in_the_same_upload_does_not_erase_the_first(store: Store) -> None:
    [(cid, _), (same, kept)] = upload(store, said("c1", "you idiot", "reject"), said("c1", ""))
    assert (same, kept) == (cid, "rejected")
    assert (store.comment(cid).text, store.comment(cid).status) == ("you idiot", "rejected")


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


def test_an_upload_cannot_change_who_wrote_a_stored_comment(store: Store) -> None:
    """Sent again with the same text and another author, a rejected comment by "eve"
    became "innocent_reader"'s, silently: the verdict and the ban moved to someone else."""
    [(cid, _)] = upload(store, said("c1", "a hateful word", "hold", author="eve"))
    store.moderate(cid, "reject", MOD)
    with pytest.raises(ConflictError, match=r"comment 'c1'.*'eve'.*'innocent_reader'"):
        upload(
            store,
            said("c2", "a new one", author="innocent_reader"),
            said("c1", "a hateful word", "hold", author="innocent_reader"),
        )
    stored = store.comment(cid)
    assert (stored.author, stored.status) == ("eve", "rejected")
    # nothing of the refused upload was written, not even its new comment
    assert [row.comment_id for row in store.history("news", 10)] == [cid]
    assert len(store.audit_log(action="comment.edit").items) == 0
    # the same author, or none given, is an upload again as before
    assert upload(store, said("c1", "a hateful word", "hold", author="eve")) == [(cid, "rejected")]
    assert upload(store, said("c1", "a hateful word", "hold", author=None)) == [(cid, "rejected")]


def test_an_action_on_a_text_edited_since_it_was_read_is_refused(store: Store) -> None:
    """Approve from a card opened before an edit published the edited text, a threat its
    moderator never saw: given the hash of the text read, the store refuses it."""
    [(cid, _)] = upload(store, said("w1", "Roadworks at Penistone again.", "hold"))
    read = text_sha256("Roadworks at Penistone again.")
    upload(store, said("w1", "Someone should hang him from the Tyne Bridge.", "hold"))
    for action in ("approve", "reject", "ban"):
        with pytest.raises(ConflictError, match="edited since you opened it: reload"):
            store.moderate(cid, action, MOD, text_sha256=read)
    record = store.comment(cid)
    assert (record.status, record.status_source) == ("pending", "policy")
    assert store.audit_log(action="comment.approve").total == 0
    assert not any(a.banned for a in store.authors("news", ["ann"]).values())
    # the text read now (the hash in any case) is the text acted on, and audited so
    now = text_sha256("Someone should hang him from the Tyne Bridge.")
    assert store.moderate(cid, "reject", MOD, text_sha256=now.upper()).comment_status == (
        "rejected"
    )
    [entry] = store.audit_log(action="comment.reject").items
    assert entry.after is not None and entry.after["text_sha256"] == now


def test_a_listed_comment_carries_its_latest_edit_and_what_the_earlier_text_had(
    store: Store,
) -> None:
    def edit_of(cid: str) -> EditNote | None:
        item = store.review_item(cid)
        assert isinstance(item, ListedItem)
        return item.edited

    [(cid, _)] = upload(store, said("c1", "a kind word", "hold"))
    [(other, _)] = upload(store, said("c2", "fine words", "approve"))
    store.moderate(cid, "approve", MOD)
    assert edit_of(cid) is None
    upload(store, said("c1", "a death threat", "hold"), said("c2", "now a slur", "hold"))
    edited = edit_of(cid)
    assert edited is not None
    assert (edited.status, edited.by, edited.text) == ("approved", "mod-1", "a kind word")
    published = edit_of(other)
    assert published is not None
    assert (published.status, published.by, published.text) == ("approved", None, None)
