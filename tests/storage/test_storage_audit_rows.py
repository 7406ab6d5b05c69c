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


def test_an_export_reads_the_log_by_id_in_batches_with_every_entry_once(store: Store) -> None:
    """``audit_entries`` (the CSV export's reader) lists what ``audit_log`` lists under the
    same filters, newest first, a batch a read; an entry written while it reads (the
    export's own, anyone's) is not in it, where an offset shifted and gave one twice."""
    for n in range(23):
        store.audit(
            Actor(f"mod-{n % 3}", "moderator"),
            "comment.reject" if n % 2 else "author.ban",
            "comment",
            f"c{n}",
            site="news" if n % 4 else "other",
        )
    listed = [e.id for e in store.audit_log(limit=100).items]
    reading = store.audit_trail.audit_entries(batch=5)
    first = [next(reading).id for _ in range(5)]
    store.audit(MOD, "comment.approve", "comment", "late", site="news")  # meanwhile
    read = first + [e.id for e in reading]
    assert read == listed  # each once, newest first, the late one left out
    since = store.audit_log(limit=100).items[10].at
    for filters in (
        {"action": "comment"},
        {"actor": "mod-1", "site": "news"},
        {"sites": ("other",)},
        {"since": since},
        {"action": "%"},  # LIKE's wildcard matches nothing, as on the page
    ):
        expected = [e.id for e in store.audit_log(limit=100, **filters).items]  # type: ignore[arg-type]
        assert [e.id for e in store.audit_trail.audit_entries(batch=4, **filters)] == expected  # type: ignore[arg-type]
    assert list(store.audit_trail.audit_entries(actor="nobody")) == []
