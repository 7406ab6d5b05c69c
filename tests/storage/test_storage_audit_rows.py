"""What a moderator's audit row holds: the action, the state before it, the comment and
site, and the reason the moderator gave (a verdict's reason was kept in its decision row
only), whichever surface the action came through."""

from __future__ import annotations

from threadguard.analysis import Analysis
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Actor, Store
from threadguard.storage.records import ArticleRef, NewComment

MOD = Actor("mod-1", "moderator")


def _held(ext: str) -> NewComment:
    return NewComment(
        text=f"comment {ext}",
        analysis=Analysis(None, dict.fromkeys(ATTRIBUTES, 0.7), model="test@1"),
        decision=Decision("hold", ("toxicity 0.70 ≥ 0.60",)),
        external_id=ext,
        author="ann",
    )


def test_a_verdicts_audit_row_keeps_the_moderators_reason(store: Store) -> None:
    [(first, _), (second, _)] = store.record_many(
        site="news",
        source="native",
        article=ArticleRef("a1", "Title"),
        comments=[_held("c1"), _held("c2")],
    )
    store.moderate(first, "reject", MOD, note="spam link in the signature")
    store.moderate(second, "approve", MOD, note="   ")
    rows = {e.object_id: e for e in store.audit_log(action="comment").items}
    assert rows[first].site == "news" and rows[first].before is not None
    assert rows[first].before["status"] == "pending"
    assert rows[first].after is not None
    assert rows[first].after["reason"] == "spam link in the signature"
    assert rows[second].after is not None and "reason" not in rows[second].after  # none given
