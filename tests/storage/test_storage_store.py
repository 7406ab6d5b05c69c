"""The moderation store on SQLite and PostgreSQL: comments, the queue, moderation, audit, keys."""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from threadguard.analysis import Analysis, Span, Target
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Actor, ConflictError, InvalidError, NotFoundError, Store
from threadguard.storage.credentials import verify_password
from threadguard.storage.records import ArticleRef, ContextComment, NewComment, Origin, QueueFilter

MOD = Actor("mod-1", "moderator")


def analysis(level: float = 0.1, **scores: float) -> Analysis:
    values = {a: level for a in ATTRIBUTES}
    values.update(scores)
    return Analysis(
        None,
        values,
        targets=(Target("religion", 0.7),),
        spans=(Span(0, 3, "insult", 0.9),),
        model="test@1",
    )


def item(ext: str, action: str = "approve", author: str | None = "ann", **kw: object) -> NewComment:
    level = {"approve": 0.1, "hold": 0.75, "reject": 0.97}[action]
    return NewComment(
        text=f"text of {ext}",
        analysis=analysis(level),
        decision=Decision(action, (f"because {action}",)),
        external_id=ext,
        author=author,
        **kw,  # type: ignore[arg-type]
    )


def ingest(store: Store, *items: NewComment, site: str = "news", article: str = "a1") -> list[str]:
    refs = store.record_many(
        site=site, source="native", article=ArticleRef(article, "Title"), comments=list(items)
    )
    return [cid for cid, _ in refs]


def test_record_recall_and_remember(store: Store) -> None:
    cid = store.record(
        Origin("news", "perspective", ArticleRef("story-9")),
        NewComment("hello there", analysis(), Decision("approve"), external_id="p1"),
    )
    assert cid.startswith("cm_")
    assert store.recall(site="news", comment_id="p1") == "hello there"
    assert store.recall(site="other", comment_id="p1") is None
    store.remember(ContextComment("news", "story-9", "ctx", "parent text"))
    assert store.recall(site="news", comment_id="ctx") == "parent text"
    # A comment seen first as context, then scored, is one comment, counted once.
    store.remember(ContextComment("news", None, "c7", "first", author="zed"))
    store.record(
        Origin("news", "coral"),
        NewComment("edited", analysis(), Decision("approve"), external_id="c7", author="zed"),
    )
    assert store.recall(site="news", comment_id="c7") == "edited"
    assert store.authors("news", ["zed"])["zed"].comment_count == 1


def test_a_stored_comment_has_its_analysis_and_decision(store: Store) -> None:
    (cid,) = ingest(store, item("c1", "hold"))
    record = store.comment(cid)
    assert record.site == "news" and record.article == "a1" and record.external_id == "c1"
    assert record.status == "pending" and record.status_source == "policy"
    assert record.analysis is not None
    assert record.analysis["scores"]["toxicity"] == pytest.approx(0.75)
    assert record.analysis["targets"] == [{"group": "religion", "score": 0.7}]
    assert record.analysis["spans"][0]["attribute"] == "insult"
    assert record.policy_decision is not None
    assert record.policy_decision.reasons == ["because hold"]
    with pytest.raises(NotFoundError):
        store.comment("cm_nope")


def test_uploading_again_updates_but_keeps_moderator_verdicts(store: Store) -> None:
    first, second = ingest(store, item("c1", "hold"), item("c2", "hold"))
    store.moderate(first, "reject", MOD)
    again = ingest(store, item("c1", "approve"), item("c2", "approve"))
    assert again == [first, second]
    assert store.comment(first).status == "rejected"  # the moderator's verdict stands
    assert store.comment(second).status == "approved"  # the policy's changes with a rescore
    info = store.authors("news", ["ann"])["ann"]
    assert info.comment_count == 2


def test_author_counts_and_recent_rejections(store: Store) -> None:
    ingest(store, item("c1", "reject"), item("c2", "hold"), item("c3"), item("d1", author="bo"))
    info = store.authors("news", ["ann", "bo", "nobody"])
    assert set(info) == {"ann", "bo"}
    assert info["ann"].comment_count == 3
    assert info["ann"].held_count == 1
    assert info["ann"].rejected_count == 1
    assert info["ann"].recent_rejections == 1
    assert info["bo"].comment_count == 1
    assert store.authors("elsewhere", ["ann"]) == {}


def test_queue_filters_and_pagination(store: Store) -> None:
    ingest(store, item("c1", "hold"), item("c2", "reject"), item("c3"), item("c4", "hold"))
    ingest(store, item("x1", "hold", author="bo"), article="a2")
    ingest(store, item("y1", "hold"), site="other")
    pending = store.queue(QueueFilter(site="news"))
    assert pending.total == 3
    assert [q.text for q in pending.items] == ["text of c1", "text of c4", "text of x1"]
    assert store.queue(QueueFilter(site="news", status="rejected")).total == 1
    assert store.queue(QueueFilter(site="news", status=None)).total == 4
    assert store.queue(QueueFilter(site="news", article="a2")).total == 1
    assert store.queue(QueueFilter(site="news", author="bo")).total == 1
    assert store.queue(QueueFilter(sites=("other",))).total == 1
    assert store.queue(QueueFilter(site="news", attribute="insult", at_least=0.75)).total == 3
    assert store.queue(QueueFilter(site="news", attribute="insult", above=0.75)).total == 0
    page = store.queue(QueueFilter(site="news"), limit=2, offset=2)
    assert page.total == 3 and len(page.items) == 1
    with pytest.raises(InvalidError):
        store.queue(QueueFilter(attribute="nonsense", at_least=0.5))


def test_the_attribute_filter_reads_each_comment_at_its_languages_level(store: Store) -> None:
    """A French comment held at toxicity 0.29 (French holds from 0.26) was missing from the
    queue filtered on toxicity, which read the English 0.40 for every comment."""

    def held(ext: str, language: str, toxicity: float) -> NewComment:
        scored = replace(analysis(toxicity), language=language)
        return NewComment(f"text of {ext}", scored, Decision("hold"), external_id=ext)

    ingest(store, held("fr1", "fr", 0.29), held("en1", "en", 0.29), held("en2", "en", 0.45))
    found = store.queue(
        QueueFilter(site="news", attribute="toxicity", at_least=0.40, at_least_in={"fr": 0.26})
    )
    assert sorted(q.text for q in found.items) == ["text of en2", "text of fr1"]
    assert found.total == 2


def test_approve_resolves_the_queue_item_once(store: Store) -> None:
    (cid,) = ingest(store, item("c1", "hold"))
    result = store.moderate(cid, "approve", MOD, note="fine in context")
    assert result.comment_status == "approved"
    assert store.queue(QueueFilter(site="news")).total == 0
    resolved = store.queue(QueueFilter(site="news", status="approved")).items
    assert [q.resolved_by for q in resolved] == ["mod-1"]
    with pytest.raises(ConflictError, match="already approved by mod-1"):
        store.moderate(cid, "reject", MOD)
    record = store.comment(cid)
    assert record.moderator_decision is not None
    assert record.moderator_decision.action == "approve"
    assert [a.action for a in record.actions] == ["approve"]


def test_a_moderator_can_overrule_an_automatic_approval_once(store: Store) -> None:
    (cid,) = ingest(store, item("c1", "approve"))
    assert store.moderate(cid, "reject", MOD).comment_status == "rejected"
    assert store.queue(QueueFilter(site="news", status="rejected")).total == 1
    assert store.authors("news", ["ann"])["ann"].rejected_count == 1
    with pytest.raises(ConflictError):
        store.moderate(cid, "approve", MOD)


def test_a_moderator_who_saw_the_verdict_can_overturn_it(store: Store) -> None:
    """A wrong approval could never be taken back after the undo window: every later
    verdict was "already approved by ..."."""
    (cid,) = ingest(store, item("c1", "hold"))
    store.moderate(cid, "approve", MOD)
    other = Actor("mod-2", "moderator")
    with pytest.raises(ConflictError, match="already approved by mod-1"):
        store.moderate(cid, "reject", other, expected="pending")  # not what it is now
    assert store.moderate(cid, "reject", other, expected="approved").comment_status == "rejected"
    assert store.authors("news", ["ann"])["ann"].rejected_count == 1
    assert [
        q.resolved_by for q in store.queue(QueueFilter(site="news", status="rejected")).items
    ] == ["mod-2"]
    entry = store.audit_log(action="comment.reject").items[0]
    assert entry.before is not None and entry.before["status"] == "approved"
    with pytest.raises(ConflictError, match="already rejected by mod-2"):
        store.moderate(cid, "reject", MOD, expected="rejected")  # nothing to change


def test_undoing_a_correction_brings_back_the_verdict_it_overturned(store: Store) -> None:
    """It brought back the policy's status: a comment one moderator had rejected was
    published again when another undid their approval of it (review)."""
    from datetime import timedelta

    (cid,) = ingest(store, item("c1", "approve"))
    store.moderate(cid, "reject", MOD)  # taken down
    other = Actor("mod-2", "moderator")
    store.moderate(cid, "approve", other, expected="rejected")
    assert store.authors("news", ["ann"])["ann"].rejected_count == 0
    store.undo_last(other, within=timedelta(minutes=1))
    assert store.comment(cid).status == "rejected"
    assert store.authors("news", ["ann"])["ann"].rejected_count == 1
    resolved = store.queue(QueueFilter(site="news", status="rejected")).items
    assert [q.resolved_by for q in resolved] == ["mod-1"]
    # and again: an undo cancels only the verdict before it
    third = Actor("mod-3", "moderator")
    store.moderate(cid, "approve", third, expected="rejected")
    store.undo_last(third, within=timedelta(minutes=1))
    assert store.comment(cid).status == "rejected"


def test_two_moderators_correcting_one_verdict_at_once_apply_once(store: Store) -> None:
    (cid,) = ingest(store, item("c1", "hold"))
    store.moderate(cid, "approve", MOD)
    first = Actor("mod-2", "moderator")
    store.moderate(cid, "reject", first, expected="approved")
    with pytest.raises(ConflictError, match="already rejected by mod-2"):
        store.moderate(cid, "reject", Actor("mod-3", "moderator"), expected="approved")


def test_concurrent_double_approve_applies_exactly_once(store: Store) -> None:
    (cid,) = ingest(store, item("c1", "hold"))
    barrier = threading.Barrier(6)
    outcomes: list[str] = []
    lock = threading.Lock()

    def approve(n: int) -> None:
        barrier.wait()
        try:
            store.moderate(cid, "approve", Actor(f"mod-{n}", "moderator"))
            result = "ok"
        except ConflictError:
            result = "conflict"
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=approve, args=(n,)) for n in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["conflict"] * 5 + ["ok"]
    assert store.audit_log(action="comment.approve").total == 1
    assert len(store.comment(cid).actions) == 1
    assert len(list(store.labelled(site="news"))) == 1


def test_ban_unban_trust_and_notes(store: Store) -> None:
    (cid,) = ingest(store, item("c1", "hold"))
    banned = store.moderate(cid, "ban", MOD)
    assert banned.author is not None and banned.author.banned
    assert store.authors("news", ["ann"])["ann"].banned
    with pytest.raises(ConflictError, match="already banned"):
        store.moderate(cid, "ban", MOD)
    store.moderate(cid, "unban", MOD)
    store.moderate(cid, "ban", MOD, note="spam links in every thread")
    [ban_with_reason, _] = store.audit_log(action="author.ban").items
    assert ban_with_reason.after == {
        "banned": True,
        "reason": "spam links in every thread",
        "comment": cid,
    }
    store.moderate(cid, "unban", MOD)
    with pytest.raises(ConflictError, match="not banned"):
        store.moderate(cid, "unban", MOD)
    store.moderate(cid, "trust", MOD)
    assert store.authors("news", ["ann"])["ann"].trusted
    store.moderate(cid, "note", MOD, note="regular commenter")
    with pytest.raises(InvalidError):
        store.moderate(cid, "note", MOD, note="  ")
    (anonymous,) = ingest(store, item("c2", "hold", author=None))
    with pytest.raises(InvalidError, match="no author"):
        store.moderate(anonymous, "ban", MOD)
    actions = [e.action for e in store.audit_log(site="news").items]
    assert actions == [
        "comment.note",
        "author.trust",
        "author.unban",
        "author.ban",
        "author.unban",
        "author.ban",
    ]
    assert store.comment(cid).status == "pending"  # author actions leave the comment alone


def test_site_scoped_moderators_cannot_touch_other_sites(store: Store) -> None:
    (cid,) = ingest(store, item("c1", "hold"), site="news")
    with pytest.raises(NotFoundError):
        store.moderate(cid, "approve", MOD, sites=("sport",))
    assert store.moderate(cid, "approve", MOD, sites=("news",)).comment_status == "approved"


def test_the_audit_log_is_append_only(store: Store) -> None:
    (cid,) = ingest(store, item("c1", "hold"))
    store.moderate(cid, "reject", MOD)
    entry = store.audit_log().items[0]
    assert entry.actor == "mod-1" and entry.action == "comment.reject"
    assert entry.before is not None and entry.before["status"] == "pending"
    assert entry.after is not None and entry.after["status"] == "rejected"
    for statement in ("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(statement))
    assert store.audit_log().total == 1


def test_the_audit_action_filter_takes_no_wildcards(store: Store) -> None:
    """``/audit?action=%`` (and the API's ``?action=%``) listed every entry: the family
    prefix was a LIKE pattern built from the raw value (review 35b)."""
    (cid,) = ingest(store, item("c1", "hold"))
    store.moderate(cid, "reject", MOD)
    assert store.audit_log(action="comment").total == 1
    assert store.audit_log(action="comment.reject").total == 1
    for pattern in ("%", "_", "comm_nt", "c%", "\\"):
        assert store.audit_log(action=pattern).total == 0, pattern


def test_export_gives_labelled_examples_with_context(store: Store) -> None:
    parent, child, _ = ingest(
        store, item("p", "approve"), item("c", "hold", parent_id="p"), item("n", "hold")
    )
    store.moderate(child, "reject", MOD, note="abusive")
    store.moderate(parent, "approve", MOD)
    rows = list(store.labelled(site="news", batch=1))
    assert [r["label"] for r in rows] == ["reject", "approve"]
    first = rows[0]
    assert first["text"] == "text of c" and first["parent_text"] == "text of p"
    assert first["toxic"] is True and first["note"] == "abusive"
    assert first["attributes"]["toxicity"] == pytest.approx(0.75)
    assert first["policy_decision"] == "hold" and first["moderator"] == "mod-1"
    assert {"created_at", "decided_at", "site", "article"} <= set(first)
    assert list(store.labelled(site="other")) == []


def test_history_for_dry_runs(store: Store) -> None:
    ingest(store, item("c1", "hold"), item("c2"), item("c3", author="bo"))
    rows = store.history("news", 2)
    assert [r.text for r in rows] == ["text of c3", "text of c2"]
    assert rows[1].author_seq == 2 and rows[1].decided == "approve"
    assert store.history("unknown", 5) == []


def test_site_policy_documents_are_versioned_and_audited(store: Store) -> None:
    assert store.site_doc("news") is None
    assert store.policy_version("news") == 0
    store.set_site_policy("news", "[watchlist]\nblock = ['x']\n", "toml", MOD)
    doc = store.set_site_policy("news", '{"watchlist": {"hold": ["y"]}}', "json", MOD)
    assert doc.policy_version == 2 and doc.policy_format == "json"
    assert store.policy_version("news") == 2
    entry = store.audit_log(action="policy").items[0]
    assert entry.before is not None and entry.before["format"] == "toml"
    assert entry.after is not None and entry.after["version"] == 2


def test_a_policy_save_over_an_expected_version_refuses_a_newer_one(store: Store) -> None:
    first = store.set_site_policy(
        "news", "[watchlist]\nblock = ['x']\n", "toml", MOD, expected_version=0
    )
    assert first.policy_version == 1
    with pytest.raises(ConflictError, match="version 1, not 0"):
        store.set_site_policy(
            "news", "[watchlist]\nblock = ['y']\n", "toml", MOD, expected_version=0
        )
    assert store.policy_version("news") == 1
    assert store.audit_log(action="policy").total == 1
    assert store.set_site_policy("news", "", "toml", MOD, expected_version=1).policy_version == 2
    # Without an expected version (the API's upload), whatever is there is replaced.
    assert store.set_site_policy("news", "# reset\n", "toml", MOD).policy_version == 3


def test_saving_the_sites_current_document_again_stores_and_audits_nothing(
    store: Store,
) -> None:
    first = store.set_site_policy("news", "[watchlist]\nblock = ['x']\n", "toml", MOD)
    assert first.policy_version == 1
    for expected in (None, 1):  # the API's upload, then the dashboard's save over version 1
        again = store.set_site_policy(
            "news", "[watchlist]\nblock = ['x']\n", "toml", MOD, expected_version=expected
        )
        assert again.policy_version == 1
        assert again.policy_updated_at == first.policy_updated_at
        assert again.unchanged and not first.unchanged
    assert store.policy_version("news") == 1
    assert store.audit_log(action="policy").total == 1
    assert [v.version for v in store.policy_history("news")] == [1]
    # over a version that is not the current one it is still refused, unchanged or not
    with pytest.raises(ConflictError, match="version 1, not 0"):
        store.set_site_policy(
            "news", "[watchlist]\nblock = ['x']\n", "toml", MOD, expected_version=0
        )
    # the same text in another format is another document: a new version
    assert (
        store.set_site_policy("news", "[watchlist]\nblock = ['x']\n", "json", MOD).policy_version
        == 2
    )


def test_of_concurrent_saves_over_one_version_exactly_one_is_stored(store: Store) -> None:
    def save(n: int) -> bool:
        try:
            store.set_site_policy("race", f"# {n}\n", "toml", MOD, expected_version=0)
        except ConflictError:
            return False
        return True

    with ThreadPoolExecutor(4) as pool:
        outcomes = list(pool.map(save, range(8)))
    assert outcomes.count(True) == 1
    assert store.policy_version("race") == 1
    assert [v.version for v in store.policy_history("race")] == [1]


def test_keys_are_stored_as_hashes_only(store: Store) -> None:
    key = store.create_key("moderator", site="news", name="desk", rate_per_minute=30)
    _, prefix, secret = key.split("_", 2)
    record = store.find_key(prefix)
    assert record is not None and record.role == "moderator" and record.site == "news"
    assert record.rate_per_minute == 30
    with store.engine.connect() as conn:
        dumped = "\n".join(
            repr(tuple(row))
            for table in ("api_keys", "audit_log")
            for row in conn.execute(text(f"SELECT * FROM {table}"))
        )
    assert prefix in dumped
    assert secret not in dumped and key not in dumped
    store.revoke_key(prefix)
    revoked = store.find_key(prefix)
    assert revoked is not None and revoked.revoked_at is not None
    with pytest.raises(ConflictError):
        store.revoke_key(prefix)
    with pytest.raises(InvalidError):
        store.create_key("root")


def test_users_have_scrypt_passwords(store: Store) -> None:
    store.add_user("maria", "moderator", "correct horse")
    assert store.verify_user("maria", "correct horse") == "moderator"
    assert store.verify_user("maria", "wrong") is None
    assert store.verify_user("nobody", "correct horse") is None
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT password_hash FROM users")).scalar_one()
    assert "correct horse" not in stored and stored.startswith("scrypt$")
    assert verify_password("correct horse", stored)
    with pytest.raises(ConflictError):
        store.add_user("maria", "admin", "x")
    with pytest.raises(InvalidError):
        store.add_user("eve", "client", "x")


def test_user_names_that_differ_only_in_case_are_one_name_beyond_ascii(store: Store) -> None:
    """SQLite's lower() folds ASCII only: "Ömer" and "ömer", "İlker" and "i̇lker" were two."""
    store.add_user("Ömer", "moderator", "a long password")
    store.add_user("Straße", "moderator", "a long password")
    for twin in ("ömer", "ÖMER", "STRASSE"):
        with pytest.raises(ConflictError, match="already exists"):
            store.add_user(twin, "moderator", "a long password")


def test_an_unknown_user_costs_one_password_check_like_a_known_one(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hashing a stand-in password for each unknown name was a second scrypt: a name's
    existence showed in the answer's time (60 ms against 130)."""
    import threadguard.storage.credentials as credentials

    store.add_user("maria", "moderator", "correct horse")
    calls: list[str] = []
    real = hashlib.scrypt
    monkeypatch.setattr(
        credentials.hashlib, "scrypt", lambda *a, **k: calls.append("scrypt") or real(*a, **k)
    )
    store.verify_user("nobody", "guess")  # the stand-in is made once, here or before
    calls.clear()
    for name in ("maria", "nobody", "somebody"):
        store.verify_user(name, "guess")
        assert calls == ["scrypt"], name
        calls.clear()


def test_refusals_name_the_allowed_values(store: Store) -> None:
    """The messages list roles and actions as they always have (the enums' values)."""
    (cid,) = ingest(store, item("c1", "hold"))
    with pytest.raises(InvalidError) as action:
        store.moderate(cid, "delete", MOD)
    with pytest.raises(InvalidError) as key_role:
        store.create_key("root")
    with pytest.raises(InvalidError) as user_role:
        store.add_user("cli", "client", "pw")
    assert str(action.value) == (
        "unknown action 'delete'; expected one of approve, reject, ban, unban, trust, untrust, note"
    )
    assert str(key_role.value) == "role must be one of admin, moderator, client, not 'root'"
    assert str(user_role.value) == "a user's role is admin or moderator, not 'client'"


def test_an_audit_entry_on_its_own_and_the_repositories_behind_the_store(store: Store) -> None:
    """``store.audit`` writes in a transaction of its own; the repositories the store's
    methods come from are reachable as its attributes, and store plain strings."""
    store.audit(MOD, "login.fail", "user", "maria", site="news", after={"tries": 3})
    [entry] = store.audit_trail.audit_log(actor="mod-1").items
    assert (entry.action, entry.object_id, entry.site, entry.after) == (
        "login.fail",
        "maria",
        "news",
        {"tries": 3},
    )
    cid = store.comments.record(Origin("news", "perspective"), item("x", "hold", author=None))
    assert [q.comment_id for q in store.moderation.queue(QueueFilter(site="news")).items] == [cid]
    store.accounts.create_key("client")  # by the system actor
    with store.engine.connect() as conn:
        roles = conn.execute(text("SELECT actor_role FROM audit_log ORDER BY id")).scalars().all()
        kinds = conn.execute(text("SELECT role FROM api_keys")).scalars().all()
    assert (roles, kinds) == (["moderator", "admin"], ["client"])
    assert all(type(v) is str for v in (*roles, *kinds))


def test_history_keeps_the_language_of_each_stored_analysis(store: Store) -> None:
    german = NewComment(
        "text of de",
        Analysis(None, {a: 0.1 for a in ATTRIBUTES}, language="de", model="test@1"),
        Decision("approve"),
        external_id="de",
    )
    ingest(store, item("en"), german)
    rows = store.history("news", 5)
    assert [(r.text, r.language) for r in rows] == [("text of de", "de"), ("text of en", "en")]
