"""Stored threads for the dashboard, and a site's policy history, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from threadguard.analysis import Analysis, Target
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Actor, NotFoundError, Store
from threadguard.storage.records import ArticleRef, ContextComment, NewComment

ADMIN = Actor("root", "admin")
MOD = Actor("mod-1", "moderator")


def scored(
    ext: str, action: str = "approve", parent: str | None = None, **kw: object
) -> NewComment:
    level = {"approve": 0.1, "hold": 0.75, "reject": 0.97}[action]
    return NewComment(
        text=f"text of {ext}",
        analysis=Analysis(
            None, dict.fromkeys(ATTRIBUTES, level), targets=(Target("religion", 0.7),)
        ),
        decision=Decision(action, (f"because {action}",)),
        external_id=ext,
        author=f"author-{ext}",
        parent_id=parent,
        **kw,  # type: ignore[arg-type]
    )


def ingest(store: Store, *items: NewComment, site: str = "news", article: str = "a1") -> list[str]:
    refs = store.record_many(
        site=site,
        source="native",
        article=ArticleRef(article, f"Title {article}", f"https://x/{article}"),
        comments=list(items),
    )
    return [cid for cid, _ in refs]


def test_recent_threads_with_counts_most_recent_first(store: Store) -> None:
    ingest(store, scored("c1", "hold"), scored("c2", "reject"), scored("c3"))
    ingest(store, scored("x1"), article="a2")
    ingest(store, scored("y1", "hold"), site="other", article="b1")
    page = store.recent_threads(site="news")
    assert page.total == 2
    assert [(t.external_id, t.comments, t.pending, t.rejected) for t in page.items] == [
        ("a2", 1, 0, 0),
        ("a1", 3, 1, 1),
    ]
    assert page.items[1].title == "Title a1" and page.items[1].url == "https://x/a1"
    assert store.recent_threads().total == 3
    assert store.recent_threads(sites=("other",)).items[0].site == "other"
    assert store.recent_threads(limit=1, offset=2).items[0].external_id == "a1"


def test_a_thread_with_every_comments_analysis_and_verdicts(store: Store) -> None:
    c1, c2, _c3 = ingest(
        store,
        scored("c1", "hold", position=0),
        scored("c2", "reject", parent="c1", position=1, depth=1),
        scored("c3", parent="c1", position=2, depth=1),
    )
    store.moderate(c1, "approve", MOD, note="fair point")
    store.remember(ContextComment("news", "a1", "ctx", "context only"))
    article = store.thread_of(c2)
    thread = store.thread(article)
    assert thread.summary.external_id == "a1" and thread.summary.site == "news"
    assert thread.summary.comments == 3 and thread.summary.rejected == 1
    by_ext = {c.external_id: c for c in thread.comments}
    assert set(by_ext) == {"c1", "c2", "c3", "ctx"}
    first = by_ext["c1"]
    assert first.policy_action == "hold" and first.policy_reasons == ["because hold"]
    assert first.moderator_action == "approve" and first.moderator == "mod-1"
    assert first.moderator_reasons == ["fair point"]
    assert first.status == "approved"
    assert first.scores is not None and first.scores["toxicity"] == pytest.approx(0.75)
    assert first.targets == [{"group": "religion", "score": 0.7}]
    reply = by_ext["c2"]
    assert reply.parent_id == "c1" and reply.moderator_action is None
    assert by_ext["ctx"].scores is None  # context only: never scored
    assert [c.external_id for c in store.thread(article, limit=2).comments] == ["c1", "c2"]
    assert store.thread(article, limit=2).truncated


def test_an_edit_drops_the_verdict_on_the_old_text(store: Store) -> None:
    (c1,) = ingest(store, scored("c1", "hold"))
    store.moderate(c1, "reject", MOD)
    edited = scored("c1", "hold")
    ingest(store, NewComment(**{**edited.__dict__, "text": "new words"}))
    [comment] = store.thread(store.thread_of(c1)).comments
    assert comment.text == "new words" and comment.moderator_action is None


def test_unknown_threads_and_comments_outside_a_thread(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.thread(12345)
    with pytest.raises(NotFoundError):
        store.thread_of("cm_nope")
    (cid,) = store.record_many(
        site="news", source="native", article=None, comments=[scored("lone")]
    )
    with pytest.raises(NotFoundError, match="not part of a thread"):
        store.thread_of(cid[0])


def test_policy_versions_are_listed_and_restored_audited(store: Store) -> None:
    assert store.policy_history("news") == []
    store.set_site_policy("news", "[thresholds]\ntoxicity = { hold = 0.6 }\n", "toml", ADMIN)
    store.set_site_policy("news", '{"thresholds": {}}', "json", ADMIN)
    store.set_site_policy("other", "name = 'o'\n", "toml", ADMIN)
    history = store.policy_history("news")
    assert [(v.version, v.format, v.action) for v in history] == [
        (2, "json", "policy.update"),
        (1, "toml", "policy.update"),
    ]
    assert store.policy_at("news", 1).text.startswith("[thresholds]")
    restored = store.restore_site_policy("news", 1, ADMIN)
    assert restored.policy_version == 3 and restored.policy_format == "toml"
    assert restored.policy_text == history[1].text
    latest = store.policy_history("news")[0]
    assert (latest.version, latest.action, latest.restored_from, latest.actor) == (
        3,
        "policy.restore",
        1,
        "root",
    )
    entry = store.audit_log(site="news", action="policy").items[0]
    assert entry.action == "policy.restore"
    assert entry.before is not None and entry.before["version"] == 2
    with pytest.raises(NotFoundError):
        store.restore_site_policy("news", 9, ADMIN)
    with pytest.raises(NotFoundError):
        store.policy_at("nowhere", 1)
    assert store.site_names() == ["news", "other"]
