"""Erasing a comment on request (GDPR, doxxing): its text and author name go from every
place the store kept them for it; its decisions, scores and status stay; the audit log
says who erased it, when, and the SHA-256 of what was erased; and it stays erased."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import text

from threadguard.analysis import Analysis, Span
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Actor, ConflictError, Store
from threadguard.storage.records import ArticleRef, ContextComment, NewComment, NotFoundError
from threadguard.storage.repositories.rows import text_sha256

ADMIN = Actor("root", "admin")
MOD = Actor("mod-1", "moderator")
DOXX = "Jane Roe lives at 12 Elm Street, call her on 555-0142."


def said(ext: str, words: str, action: str = "hold", author: str | None = "doxxer") -> NewComment:
    return NewComment(
        text=words,
        analysis=Analysis(
            None,
            {a: 0.8 if action != "approve" else 0.1 for a in ATTRIBUTES},
            spans=(Span(0, 8, "toxicity", 0.9),),
            model="test@1",
        ),
        decision=Decision(action, ('contact details: home address "12 …"',)),
        external_id=ext,
        author=author,
        details={"watchlist": [], "censored_text": words.replace("Jane", "****")},
    )


def upload(store: Store, *items: NewComment) -> list[Any]:
    return store.record_many(
        site="news", source="native", article=ArticleRef("a1", "Title"), comments=list(items)
    )


def _copies(store: Store, cid: str) -> list[str]:
    """Every stored value tied to the comment that holds its text or its author's name."""
    found: list[str] = []
    with store.engine.connect() as conn:
        for sql in (
            "SELECT text FROM comments WHERE id = :c",
            "SELECT author FROM comments WHERE id = :c",
            "SELECT a.name FROM comments c JOIN authors a ON a.id = c.author_id WHERE c.id = :c",
            "SELECT author FROM queue_items WHERE comment_id = :c",
            "SELECT author FROM moderator_actions WHERE comment_id = :c",
            "SELECT text FROM decisions WHERE comment_id = :c",
            "SELECT CAST(details AS TEXT) FROM decisions WHERE comment_id = :c",
            "SELECT CAST(before AS TEXT) || CAST(after AS TEXT) FROM audit_log "
            "WHERE object_id = :c",
        ):
            found += [str(v) for v in conn.execute(text(sql), {"c": cid}).scalars() if v]
    return [v for v in found if "Elm Street" in v or "doxxer" in v]


def test_erasing_a_comment_removes_its_text_and_author_and_keeps_its_decisions(
    store: Store,
) -> None:
    [(cid, _)] = upload(store, said("c1", DOXX))
    store.moderate(cid, "reject", MOD, note="doxxing")
    assert _copies(store, cid)  # the text and the name are stored in several places
    before = store.comment(cid)

    erased = store.erase_comment(cid, ADMIN, reason="doxxing: a home address")
    assert (erased.comment_id, erased.by, erased.text_sha256) == (cid, "root", text_sha256(DOXX))
    assert _copies(store, cid) == []
    after = store.comment(cid)
    assert (after.text, after.author) == ("", None)
    assert (after.status, after.status_source) == ("rejected", "moderator")
    assert after.analysis == before.analysis  # the scores (and the spans' offsets) stay
    assert after.policy_decision is not None and after.policy_decision.reasons == [
        'contact details: home address "12 …"'
    ]
    assert after.moderator_decision is not None and after.moderator_decision.actor == "mod-1"
    [entry] = store.audit_log(action="comment.erase").items
    assert (entry.actor, entry.object_id, entry.site) == ("root", cid, "news")
    assert entry.before is not None and entry.before["text_sha256"] == text_sha256(DOXX)
    assert entry.after == {
        "erased": True,
        "version": before.version + 1,
        "reason": ("doxxing: a home address"),
    }
    assert [row["id"] for row in store.labelled(site="news")] == []  # no label without text


def test_an_erased_comment_stays_erased_when_uploaded_or_remembered_again(store: Store) -> None:
    [(cid, _)] = upload(store, said("c1", DOXX))
    store.erase_comment(cid, ADMIN)
    assert upload(store, said("c1", DOXX)) == [(cid, "pending")]
    store.remember(ContextComment("news", "a1", "c1", DOXX, author="doxxer"))
    record = store.comment(cid)
    assert (record.text, record.author) == ("", None)
    assert store.audit_log(action="comment.edit").total == 0
    assert [c.id for c in store.rescore.stale("news", None)] == []  # nothing left to read


def test_erasing_twice_or_out_of_scope_is_refused(store: Store) -> None:
    [(cid, _)] = upload(store, said("c1", DOXX))
    with pytest.raises(NotFoundError):
        store.erase_comment(cid, ADMIN, sites=("other",))
    with pytest.raises(NotFoundError):
        store.erase_comment("cm_nope", ADMIN)
    store.erase_comment(cid, ADMIN)
    with pytest.raises(ConflictError, match="was erased already, by root at "):
        store.erase_comment(cid, ADMIN)
    assert store.audit_log(action="comment.erase").total == 1
