"""The dashboard's aggregates on SQLite and PostgreSQL: per day, group, author, moderator."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import update

from threadguard.analysis import Analysis, Target
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Actor, Store
from threadguard.storage.models import Comment as CommentModel
from threadguard.storage.models import DecisionRow, ModeratorAction
from threadguard.storage.records import ArticleRef, NewComment

MOD = Actor("mod-1", "moderator")
OTHER = Actor("mod-2", "moderator")
LEVELS = {"toxicity": 0.7, "insult": 0.7, "threat": 0.45}
DAY1 = datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
DAY2 = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
SINCE = datetime(2026, 2, 28, tzinfo=UTC)


def scored(
    ext: str,
    action: str = "approve",
    author: str | None = "ann",
    targets: tuple[Target, ...] = (),
    **scores: float,
) -> NewComment:
    values = dict.fromkeys(ATTRIBUTES, 0.05)
    values.update(scores)
    return NewComment(
        text=f"text of {ext}",
        analysis=Analysis(None, values, targets=targets, model="test@1"),
        decision=Decision(action, (f"because {action}",)),
        external_id=ext,
        author=author,
    )


def ingest(
    store: Store, *items: NewComment, site: str = "news", when: datetime = DAY1
) -> list[str]:
    refs = store.record_many(
        site=site, source="native", article=ArticleRef("a-" + site), comments=list(items)
    )
    ids = [cid for cid, _ in refs]
    with store.engine.begin() as conn:
        conn.execute(update(CommentModel).where(CommentModel.id.in_(ids)).values(received_at=when))
    return ids


def backdate_actions(store: Store, when: datetime) -> None:
    with store.engine.begin() as conn:
        conn.execute(update(ModeratorAction).values(created_at=when))
        conn.execute(
            update(DecisionRow).where(DecisionRow.source == "moderator").values(created_at=when)
        )


def seed(store: Store) -> dict[str, list[str]]:
    religion = (Target("religion", 0.8),)
    day1 = ingest(
        store,
        scored("c1", "reject", "troll", religion, toxicity=0.97, insult=0.96),
        scored("c2", "hold", "troll", religion, toxicity=0.75),
        scored("c3", "approve", "ann", (Target("religion", 0.2),)),
        scored("c4", "hold", "bo", (Target("women", 0.9),), threat=0.5),
    )
    day2 = ingest(
        store,
        scored("d1", "approve", "ann"),
        scored("d2", "reject", "troll", toxicity=0.99),
        when=DAY2,
    )
    other = ingest(store, scored("o1", "hold", "zed", religion, toxicity=0.8), site="other")
    return {"day1": day1, "day2": day2, "other": other}


def test_comments_per_day_with_the_policys_held_and_rejected(store: Store) -> None:
    seed(store)
    days = store.stats.daily_decisions("news", SINCE)
    assert [(d.day, d.comments, d.held, d.rejected) for d in days] == [
        ("2026-03-01", 4, 2, 1),
        ("2026-03-02", 2, 0, 1),
    ]
    everywhere = store.stats.daily_decisions(None, SINCE)
    assert [(d.day, d.comments, d.held) for d in everywhere] == [
        ("2026-03-01", 5, 3),
        ("2026-03-02", 2, 0),
    ]
    assert store.stats.daily_decisions("news", DAY2 - timedelta(hours=1))[0].comments == 2
    assert store.stats.daily_decisions("nowhere", SINCE) == []


def test_a_comment_decided_again_counts_once_with_its_latest_decision(store: Store) -> None:
    ingest(store, scored("c1", "hold", toxicity=0.75))
    ingest(store, scored("c1", "approve"))  # uploaded again, scored lower
    [day] = store.stats.daily_decisions("news", SINCE)
    assert (day.comments, day.held) == (1, 0)


def test_attribute_mix_counts_comments_at_each_level(store: Store) -> None:
    seed(store)
    days = store.stats.daily_attributes("news", SINCE, LEVELS)
    assert [d.day for d in days] == ["2026-03-01", "2026-03-02"]
    assert days[0].comments == 4
    assert days[0].reached == {"toxicity": 2, "insult": 1, "threat": 1}
    assert days[1].reached == {"toxicity": 1}


def test_most_targeted_groups_above_the_reporting_level(store: Store) -> None:
    seed(store)
    groups = store.stats.targeted_groups("news", SINCE, at_least=0.5)
    assert [(g.group, g.comments, g.flagged) for g in groups] == [
        ("religion", 2, 2),
        ("women", 1, 1),
    ]
    everywhere = store.stats.targeted_groups(None, SINCE, at_least=0.5, limit=1)
    assert [(g.group, g.comments) for g in everywhere] == [("religion", 3)]
    assert store.stats.targeted_groups("news", SINCE, at_least=0.1)[0].comments == 3


def test_offenders_are_the_authors_flagged_most(store: Store) -> None:
    ids = seed(store)
    store.moderate(ids["day1"][0], "ban", MOD)
    offenders = store.stats.offenders("news", SINCE)
    assert [(o.author, o.held, o.rejected, o.banned) for o in offenders] == [
        ("troll", 1, 2, True),
        ("bo", 1, 0, False),
    ]
    assert offenders[0].flagged == 3
    assert [o.site for o in store.stats.offenders(None, SINCE)] == ["news", "news", "other"]


def test_throughput_and_agreement_with_the_model_per_moderator(store: Store) -> None:
    ids = seed(store)
    c1, c2, c3, c4 = ids["day1"]
    d1, d2 = ids["day2"]
    store.moderate(c1, "reject", MOD)  # the policy rejected: agrees
    store.moderate(c2, "approve", MOD)  # the policy held: overturned
    store.moderate(c3, "reject", MOD)  # the policy approved: overturned
    store.moderate(c4, "reject", OTHER)  # held: agrees
    store.moderate(d1, "note", OTHER, note="fine")  # an action, not a verdict
    store.moderate(ids["other"][0], "approve", OTHER)
    backdate_actions(store, DAY2)
    store.moderate(d2, "approve", MOD)  # rejected by the policy: overturned, today
    actions = store.stats.daily_actions("news", SINCE)
    counted = {(a.moderator, a.day): a.actions for a in actions}
    today = datetime.now(UTC).date().isoformat()
    assert counted == {("mod-1", "2026-03-02"): 3, ("mod-1", today): 1, ("mod-2", "2026-03-02"): 2}
    agreement = {a.moderator: a for a in store.stats.agreement("news", SINCE)}
    mod1 = agreement["mod-1"]
    assert (mod1.verdicts, mod1.agreed, mod1.approved_flagged, mod1.rejected_approved) == (
        4,
        1,
        2,
        1,
    )
    assert mod1.share == 0.25
    mod2 = agreement["mod-2"]
    assert (mod2.verdicts, mod2.agreed) == (1, 1)
    everywhere = {a.moderator: a.verdicts for a in store.stats.agreement(None, SINCE)}
    assert everywhere == {"mod-1": 4, "mod-2": 2}
    later = store.stats.agreement("news", datetime.now(UTC) - timedelta(hours=1))
    assert [(a.moderator, a.verdicts) for a in later] == [("mod-1", 1)]


def test_undone_verdicts_and_the_undo_rows_are_not_counted(store: Store) -> None:
    ids = seed(store)
    c1, c2, _, _ = ids["day1"]
    store.moderate(c2, "approve", MOD)  # the policy held: would be overturned...
    store.undo_last(MOD, within=timedelta(minutes=1))  # ... but it is taken back
    store.moderate(c2, "reject", MOD)  # held: agrees
    store.moderate(c1, "reject", OTHER)  # the policy rejected: agrees
    store.undo_last(OTHER, within=timedelta(minutes=1))
    agreement = {a.moderator: a for a in store.stats.agreement("news", SINCE)}
    mod1 = agreement["mod-1"]
    assert (mod1.verdicts, mod1.agreed, mod1.approved_flagged) == (1, 1, 0)
    assert "mod-2" not in agreement  # their only verdict was undone
    counted = {a.moderator: a.actions for a in store.stats.daily_actions("news", SINCE)}
    # The verdicts given count as work done; the undo rows are no actions of their own.
    assert counted == {"mod-1": 2, "mod-2": 1}
