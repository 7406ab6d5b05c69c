"""The store's reads and writes for the dashboard, on SQLite and PostgreSQL: the review
queue, undo, suspensions, sessions and sign-in failures."""

from __future__ import annotations

from datetime import timedelta

import pytest
from dashboard_support import seed_thread

from threadguard.storage import Store
from threadguard.storage.models import utcnow
from threadguard.storage.records import Actor, ConflictError, NotFoundError
from threadguard.storage.repositories.review import ReviewFilter
from threadguard.storage.repositories.web_sessions import BackOff

ALICE = Actor("alice", "moderator")
BOB = Actor("bob", "moderator")
WINDOW = timedelta(seconds=30)


def held_ids(store: Store) -> dict[str, str]:
    page = store.review_page(ReviewFilter(), limit=50)
    return {i.author or "": i.comment_id for i in page.items}


def test_the_review_page_has_titles_spans_parents_and_orders(store: Store) -> None:
    seed_thread(store)
    page = store.review_page(ReviewFilter(), limit=50)
    assert page.total == 7
    first = page.items[0]
    assert first.author == "troll42" and first.article_title.startswith("The council")
    assert first.spans[0]["attribute"] == "insult"
    assert [p.author for p in page.items[1].parents] == ["troll42", "ann"]
    riskiest = store.review_page(ReviewFilter(), order="riskiest", limit=2)
    assert riskiest.items[0].author == "hater"
    newest = store.review_page(ReviewFilter(), order="newest", limit=1, offset=0)
    assert newest.items[0].author == "angry"
    assert store.queue_counts(ReviewFilter(site="news")) == {
        "pending": 7,
        "rejected": 0,
        "approved": 0,
        "all": 8,  # every stored comment: ann's, which the policy published, too
    }
    assert store.queue_counts(ReviewFilter(site="other"))["all"] == 0
    assert store.review_page(ReviewFilter(article="housing-plan"), limit=1).total == 7
    history = store.author_histories([("news", "troll42")])[("news", "troll42")]
    assert (history.comments, history.held, history.bans) == (2, 2, 0)


def test_undo_puts_a_verdict_back_and_only_once(store: Store) -> None:
    seed_thread(store)
    ids = held_ids(store)
    store.moderate(ids["grumpy"], "reject", ALICE)
    assert store.authors("news", ["grumpy"])["grumpy"].rejected_count == 1
    done = store.undo_last(ALICE, within=WINDOW)
    assert (done.undone, done.comment_status) == ("reject", "pending")
    comment = store.comment(ids["grumpy"])
    assert (comment.status, comment.status_source, comment.moderator_decision) == (
        "pending",
        "policy",
        None,
    )
    assert store.authors("news", ["grumpy"])["grumpy"].rejected_count == 0
    assert store.review_item(ids["grumpy"]).status == "pending"  # type: ignore[union-attr]
    with pytest.raises(NotFoundError):
        store.undo_last(ALICE, within=WINDOW)
    # The undone verdict is no training label; a new one is.
    assert list(store.labelled()) == []
    store.moderate(ids["grumpy"], "approve", ALICE)
    assert [e["label"] for e in store.labelled()] == ["approve"]


def test_undo_yields_to_a_later_change(store: Store) -> None:
    seed_thread(store)
    ids = held_ids(store)
    store.moderate(ids["renter"], "approve", ALICE)
    with pytest.raises(NotFoundError):
        store.undo_last(BOB, within=WINDOW)  # bob did nothing
    with pytest.raises(NotFoundError):
        store.undo_last(ALICE, within=timedelta(0))  # too late


def test_a_suspension_ends_and_undo_lifts_a_ban(store: Store) -> None:
    seed_thread(store)
    ids = held_ids(store)
    past = utcnow() - timedelta(seconds=1)
    store.moderate(ids["angry"], "ban", ALICE, until=past)
    assert not store.authors("news", ["angry"])["angry"].banned  # already over
    store.moderate(ids["angry"], "ban", ALICE, until=utcnow() + timedelta(days=1))
    assert store.authors("news", ["angry"])["angry"].banned
    with pytest.raises(ConflictError):
        store.moderate(ids["angry"], "ban", BOB)
    store.undo_last(ALICE, within=WINDOW)
    assert not store.authors("news", ["angry"])["angry"].banned
    history = store.author_histories([("news", "angry")])[("news", "angry")]
    assert history.bans == 1 and not history.banned  # the undone ban is no ban on record


def test_sessions_and_failures(store: Store) -> None:
    store.add_user("alice", "moderator", "a long password")
    record = store.start_session("tok", "alice", "moderator", ip="1.2.3.4", lifetime=WINDOW)
    assert store.find_session("tok", idle=WINDOW) == record
    assert store.find_session("other", idle=WINDOW) is None
    assert store.end_session("tok") and not store.end_session("tok")
    back = BackOff(free_failures=1)
    keys = ["user:alice", "ip:1.2.3.4"]
    assert store.sign_in_failed("alice", keys, ip="1.2.3.4", why="x", back_off=back) is None
    until = store.sign_in_failed("alice", keys, ip="1.2.3.4", why="x", back_off=back)
    assert until is not None and store.locked_until(["ip:1.2.3.4"]) == until
    store.clear_failures("user:alice")
    assert store.locked_until(["user:alice"]) is None
    assert store.set_preferences("alice", {"mask_slurs": True}) == {"mask_slurs": True}
    assert store.preferences("alice") == {"mask_slurs": True}


def test_expired_sessions_are_dropped(store: Store) -> None:
    store.add_user("alice", "moderator", "a long password")
    now = utcnow()
    store.start_session("old", "alice", "moderator", ip="x", lifetime=WINDOW, now=now - WINDOW * 3)
    store.start_session("new", "alice", "moderator", ip="x", lifetime=WINDOW, now=now)
    assert store.web.drop_expired_sessions(idle=WINDOW) == 1
    assert store.find_session("new", idle=WINDOW) is not None


@pytest.mark.parametrize("order", ["oldest", "newest", "riskiest"])
def test_a_page_after_an_entry_continues_the_order_from_it(store: Store, order: str) -> None:
    from dashboard_support import seed_many

    seed_many(store, 30, site="big")
    every = store.review_page(ReviewFilter(site="big"), order=order, limit=100).items
    assert len(every) == 30
    anchor = every[9]
    store.moderate(anchor.comment_id, "approve", Actor("mod", "moderator"))  # left the tab
    after = store.review_page(ReviewFilter(site="big"), order=order, limit=5, after=anchor.queue_id)
    assert [i.comment_id for i in after.items] == [i.comment_id for i in every[10:15]]
    assert after.total == 29


def test_an_account_limited_to_a_site_keeps_it_in_its_sessions(store: Store) -> None:
    store.add_user("carol", "moderator", "a long passphrase", site="news")
    store.add_user("alice", "admin", "a long passphrase")
    assert {u.name: u.site for u in store.users()} == {"carol": "news", "alice": None}
    started = store.start_session(
        "tok-carol", "carol", "moderator", ip="1.2.3.4", lifetime=timedelta(hours=1)
    )
    assert started.site == "news"
    found = store.find_session("tok-carol", idle=timedelta(hours=1))
    assert found is not None and found.site == "news"
    store.start_session("tok-alice", "alice", "admin", ip="1.2.3.4", lifetime=timedelta(hours=1))
    found = store.find_session("tok-alice", idle=timedelta(hours=1))
    assert found is not None and found.site is None
    [added] = [e for e in store.audit_log(action="user.add").items if e.object_id == "carol"]
    assert added.after == {"role": "moderator", "site": "news"}
