"""The verdict that stands: one label per comment text, and an undo takes back only the
verdict it undoes (the export, the adaptation's examples, the comment's moderator decision,
the stats and the undo itself agree with the comment's state).

A site admin's tryout: a comment alice approved and boss then rejected (an overturn) was
exported, and fitted, under both labels; after boss undid his overturn of alice's reject,
the comment was rejected again, but her reject was no label any more, the comment view
named boss's undone approve as the moderator's decision, and the stats dropped her verdict:
any undo on a comment counted as undoing every verdict before it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from threadguard.analysis import Analysis
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Actor, ConflictError, Store
from threadguard.storage.records import ArticleRef, NewComment, QueueFilter

ALICE = Actor("alice", "moderator")
BOSS = Actor("boss", "admin")
CAROL = Actor("carol", "moderator")
WINDOW = timedelta(minutes=1)


def item(ext: str, action: str = "hold") -> NewComment:
    """A comment the policy decided ``action`` on, scored to match."""
    level = {"approve": 0.1, "hold": 0.75, "reject": 0.97}[action]
    return NewComment(
        text=f"text of {ext}",
        analysis=Analysis(None, dict.fromkeys(ATTRIBUTES, level), model="test@1"),
        decision=Decision(action, (f"because {action}",)),
        external_id=ext,
        author="ann",
    )


def ingest(store: Store, *items: NewComment) -> list[str]:
    """Upload ``items`` as one thread of site news (again: the same comments updated)."""
    refs = store.record_many(
        site="news", source="native", article=ArticleRef("a1", "Title"), comments=list(items)
    )
    return [cid for cid, _ in refs]


def labels(store: Store, comment_id: str) -> list[tuple[str, str | None]]:
    """The comment's labels in the export: (label, moderator), oldest first."""
    return [
        (r["label"], r["moderator"]) for r in store.labelled(site="news") if r["id"] == comment_id
    ]


def decision(store: Store, comment_id: str) -> tuple[str, str | None] | None:
    """The comment's moderator decision as the comment view shows it."""
    found = store.comment(comment_id).moderator_decision
    return None if found is None else (found.action, found.actor)


def fitted_classes(store: Store) -> tuple[int, int]:
    """(approved, rejected): what the adaptation's fit counts."""
    examples = store.adaptations.examples("news")
    return sum(not e.rejected for e in examples), sum(e.rejected for e in examples)


def test_an_overturned_verdict_is_no_label(store: Store) -> None:
    """283 lines for 280 comments: both alice's approve and boss's reject were exported."""
    x, kept = ingest(store, item("x", "hold"), item("k", "hold"))
    store.moderate(x, "approve", ALICE)
    store.moderate(kept, "approve", ALICE)
    store.moderate(x, "reject", BOSS, expected="approved")
    assert labels(store, x) == [("reject", "boss")]
    assert labels(store, kept) == [("approve", "alice")]
    assert len(list(store.labelled(site="news", batch=1))) == 2  # one line per comment
    assert fitted_classes(store) == (1, 1)
    assert decision(store, x) == ("reject", "boss")


def test_undoing_an_overturn_brings_back_the_verdict_it_overturned_everywhere(
    store: Store,
) -> None:
    (y,) = ingest(store, item("y", "hold"))
    store.moderate(y, "reject", ALICE)
    store.moderate(y, "approve", BOSS, expected="rejected")
    assert labels(store, y) == [("approve", "boss")]
    store.undo_last(BOSS, within=WINDOW)
    assert store.comment(y).status == "rejected"
    [card] = store.queue(QueueFilter(site="news", status=None)).items
    assert (card.status, card.resolved_by) == ("rejected", "alice")
    # Everything that reads the moderator's decision says what the state says.
    assert decision(store, y) == ("reject", "alice")
    assert labels(store, y) == [("reject", "alice")]
    assert fitted_classes(store) == (0, 1)
    with pytest.raises(ConflictError, match="already rejected by alice"):
        store.moderate(y, "reject", CAROL)
    # A new overturn of alice's reject is the one label again, and undone, hers is.
    store.moderate(y, "approve", CAROL, expected="rejected")
    assert (labels(store, y), decision(store, y)) == ([("approve", "carol")], ("approve", "carol"))
    store.undo_last(CAROL, within=WINDOW)
    assert (labels(store, y), decision(store, y)) == ([("reject", "alice")], ("reject", "alice"))
    # and the thread page names it (it read "approve by carol")
    [shown] = store.thread(store.thread_of(y)).comments
    assert (shown.moderator_action, shown.moderator) == ("reject", "alice")


def test_undoing_a_first_verdict_leaves_no_label_and_no_decision(store: Store) -> None:
    (z,) = ingest(store, item("z", "hold"))
    store.moderate(z, "reject", ALICE)
    store.undo_last(ALICE, within=WINDOW)
    assert (store.comment(z).status, labels(store, z), decision(store, z)) == ("pending", [], None)


def test_undoing_an_overturn_of_a_comment_uploaded_again_keeps_the_first_verdict(
    store: Store,
) -> None:
    """The thread uploaded again with the same text keeps alice's approve (and writes the
    policy's decision on the new reading): undoing boss's reject then published or held
    the comment by the policy's decision instead of bringing her approve back."""
    (z,) = ingest(store, item("z", "hold"))
    store.moderate(z, "approve", ALICE)
    ingest(store, item("z", "hold"))  # the same text again
    assert store.comment(z).status == "approved"
    store.moderate(z, "reject", BOSS, expected="approved")
    assert labels(store, z) == [("reject", "boss")]
    store.undo_last(BOSS, within=WINDOW)
    stored = store.comment(z)
    assert (stored.status, stored.status_source) == ("approved", "moderator")
    assert [q.resolved_by for q in store.queue(QueueFilter(site="news", status=None)).items] == [
        "alice"
    ]
    assert (labels(store, z), decision(store, z)) == ([("approve", "alice")], ("approve", "alice"))


def test_a_verdict_on_an_edited_comment_undone_goes_back_to_the_policy(store: Store) -> None:
    """A verdict on the new text is a first verdict: undone, the policy's decision on that
    text stands, not the verdict given on the old text (which stays that text's label)."""
    (e,) = ingest(store, item("e", "hold"))
    store.moderate(e, "approve", ALICE)
    ingest(store, replace(item("e", "hold"), text="new words"))
    store.moderate(e, "reject", BOSS)
    store.undo_last(BOSS, within=WINDOW)
    stored = store.comment(e)
    assert (stored.status, stored.status_source) == ("pending", "policy")
    assert decision(store, e) is None
    assert [(r["text"], r["label"]) for r in store.labelled(site="news")] == [
        ("text of e", "approve")
    ]


def test_the_latest_verdict_on_the_same_text_is_its_label(store: Store) -> None:
    """Edited away and back again: the text has one label, the latest verdict on it."""
    (e,) = ingest(store, item("e", "hold"))
    original = item("e", "hold")
    store.moderate(e, "approve", ALICE)
    ingest(store, replace(original, text="other words"))
    store.moderate(e, "reject", ALICE)
    ingest(store, original)  # back to the first text, held by the policy again
    store.moderate(e, "reject", BOSS)
    assert [(r["text"], r["label"], r["moderator"]) for r in store.labelled(site="news")] == [
        ("other words", "reject", "alice"),
        ("text of e", "reject", "boss"),
    ]


def test_an_overturned_verdict_still_counts_as_its_moderators_verdict_in_the_stats(
    store: Store,
) -> None:
    """The agreement table leaves out verdicts the moderator undid; an undo by boss of his
    own overturn left out alice's verdict too."""
    from threadguard.storage.models import utcnow

    (y,) = ingest(store, item("y", "hold"))
    store.moderate(y, "reject", ALICE)
    store.moderate(y, "approve", BOSS, expected="rejected")
    store.undo_last(BOSS, within=WINDOW)
    agreement = {
        a.moderator: a.verdicts for a in store.stats.agreement("news", utcnow() - timedelta(days=1))
    }
    assert agreement == {"alice": 1}
