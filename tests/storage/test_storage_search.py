"""Finding comments in the dashboard's lists, on SQLite and PostgreSQL: every stored
comment (the policy's published ones too), an author's, by words of the text, by
language and by policy reason, and "riskiest first" ranking threats before insults."""

from __future__ import annotations

from dataclasses import replace

import pytest
from dashboard_support import held

from threadguard.storage import Store
from threadguard.storage.records import ArticleRef, InvalidError, NewComment
from threadguard.storage.repositories.review import ListedItem, ReviewFilter
from threadguard.storage.repositories.search import REASON_KINDS


def in_language(comment: NewComment, language: str) -> NewComment:
    return replace(comment, analysis=replace(comment.analysis, language=language))


def seed(store: Store) -> None:
    """A published comment, held ones of several kinds, and another site's."""
    store.record_many(
        site="coast",
        source="native",
        article=ArticleRef("quotas", "Fishing quotas cut again"),
        comments=[
            replace(
                held(
                    "Go back to your own country, you don't belong here.",
                    "p1",
                    "angrybob",
                    action="approve",
                ),
                posted_at="2026-12-01T08:00:00Z",
            ),
            held(
                "You are a pathetic idiot.", "h1", "angrybob", insult=0.91, toxicity=0.8, position=1
            ),
            held(
                "Kill yourself, nobody would miss you.",
                "h2",
                "cruel",
                reasons=('encouraging self-harm: "Kill yourself"',),
                threat=0.69,
                toxicity=0.6,
                position=2,
            ),
            held(
                "We know where you live, be careful.",
                "h3",
                "creep",
                reasons=('veiled threat: "We know where you live"',),
                threat=0.4,
                position=3,
            ),
            held(
                "I hope you choke on it.",
                "h4",
                "wisher",
                threat=0.32,
                insult=0.7,
                position=4,
            ),
            in_language(
                held(
                    "אתה אידיוט מטומטם",
                    "h5",
                    "rtl",
                    reasons=("language he is not supported",),
                    position=5,
                ),
                "he",
            ),
            held("100% crooks_all of them", "h6", "percent", position=6),
        ],
    )
    store.record_many(
        site="valley",
        source="native",
        article=ArticleRef("bikes", "Bike lanes"),
        comments=[held("These crooks again.", "v1", "other", action="approve")],
    )


def listed(store: Store, filters: ReviewFilter, order: str = "oldest") -> list[str]:
    return [i.text for i in store.review_page(filters, order=order, limit=100).items]


def test_all_lists_every_stored_comment_with_its_status(store: Store) -> None:
    seed(store)
    page = store.review_page(ReviewFilter(status=None, site="coast"), limit=100)
    assert page.total == 7
    published = next(i for i in page.items if i.text.startswith("Go back"))
    assert published.status == "approved" and published.queue_id == 0
    assert isinstance(published, ListedItem) and published.posted_at == "2026-12-01T08:00:00Z"
    assert store.queue_counts(ReviewFilter(site="coast"))["all"] == 7
    # the author's list: the published comment too
    mine = listed(store, ReviewFilter(status=None, site="coast", author="angrybob"))
    assert len(mine) == 2 and any(t.startswith("Go back") for t in mine)
    # one comment by id, queued or not
    item = store.review_item(published.comment_id)
    assert item is not None and item.status == "approved"


def test_a_search_finds_words_of_the_text_within_the_sites_allowed(store: Store) -> None:
    seed(store)
    assert listed(store, ReviewFilter(status=None, text="CROOKS")) == [
        "100% crooks_all of them",
        "These crooks again.",
    ]
    assert listed(store, ReviewFilter(status=None, text="crooks", sites=("valley",))) == [
        "These crooks again."
    ]
    # LIKE's wildcards are the characters themselves
    assert listed(store, ReviewFilter(status=None, text="100%")) == ["100% crooks_all of them"]
    assert listed(store, ReviewFilter(status=None, text="s_a")) == ["100% crooks_all of them"]
    assert listed(store, ReviewFilter(status=None, text="%")) == ["100% crooks_all of them"]
    assert store.queue_counts(ReviewFilter(text="crooks"))["all"] == 2
    with pytest.raises(InvalidError, match="at most 200"):
        listed(store, ReviewFilter(status=None, text="x" * 201))


def test_filters_by_language_and_by_reason_kind(store: Store) -> None:
    seed(store)
    assert listed(store, ReviewFilter(language="he")) == ["אתה אידיוט מטומטם"]
    assert listed(store, ReviewFilter(reason="threat")) == [
        "Kill yourself, nobody would miss you.",
        "We know where you live, be careful.",
    ]
    assert listed(store, ReviewFilter(reason="self_harm")) == [
        "Kill yourself, nobody would miss you."
    ]
    assert listed(store, ReviewFilter(reason="language")) == ["אתה אידיוט מטומטם"]
    with pytest.raises(InvalidError, match="unknown reason kind 'nope'"):
        listed(store, ReviewFilter(reason="nope"))


def test_riskiest_ranks_threats_and_self_harm_before_insults(store: Store) -> None:
    seed(store)
    riskiest = listed(store, ReviewFilter(site="coast"), order="riskiest")
    assert riskiest[:3] == [
        "Kill yourself, nobody would miss you.",
        "We know where you live, be careful.",
        "You are a pathetic idiot.",
    ]
    by_threat = listed(
        store, ReviewFilter(site="coast", attribute="threat", at_least=0.3), order="riskiest"
    )
    assert by_threat == [
        "Kill yourself, nobody would miss you.",
        "We know where you live, be careful.",
        "I hope you choke on it.",
    ]


@pytest.mark.parametrize("attribute", [None, "insult"])
def test_a_riskiest_page_after_an_entry_continues_the_order(
    store: Store, attribute: str | None
) -> None:
    seed(store)
    filters = ReviewFilter(site="coast", attribute=attribute, at_least=0.0 if attribute else None)
    every = store.review_page(filters, order="riskiest", limit=100).items
    anchor = every[1]
    after = store.review_page(filters, order="riskiest", limit=100, after=anchor.queue_id).items
    assert [i.comment_id for i in after] == [i.comment_id for i in every[2:]]


#: A reason of each kind the queue's "Held for" filter offers, as the policy writes it (a
#: code, a watched word and a contact's kind are quoted, and stored in a JSON list, where a
#: double quote is escaped: 'coded hate "' never matched, so "Held for: coded hate" was
#: always empty and riskiest first ranked coded hate with the insults).
REASON_OF_KIND = {
    "threat": 'intent to harm: "someone should hang him"',
    "self_harm": 'encouraging self-harm: "Kill yourself"',
    "coded_hate": 'coded hate "towelhead*": a slur for Muslims, Arabs and Sikhs (targets muslims)',
    "thread": 'dismisses a reader by their group: "Your lot always ..." (the reader named '
    "themselves: muslims)",
    "contact": 'contact details: phone number "077…"',
    "spam": 'spam: shortened link "bit.ly/3xYz"',
    "watchlist": 'watched "stupid cow" (hold)',
    "language": "language cy is not supported",
    "banned": "author is banned",
}


def test_every_reason_kind_finds_its_comments(store: Store) -> None:
    assert set(REASON_OF_KIND) == set(REASON_KINDS)
    store.record_many(
        site="coast",
        source="native",
        article=ArticleRef("kinds", "Every kind"),
        comments=[
            held(f"Held for {kind}.", f"k{i}", f"author{i}", reasons=(reason,), position=i)
            for i, (kind, reason) in enumerate(REASON_OF_KIND.items())
        ]
        + [
            held(
                "Named for coded hate.",
                "named",
                "1488",
                reasons=('author name: coded hate "1488": a neo-Nazi code (targets jews)',),
                position=9,
            )
        ],
    )
    # a threat's kinds take in encouraging self-harm; a code in the name is coded hate too
    also = {"threat": ["Held for self_harm."], "coded_hate": ["Named for coded hate."]}
    for kind in REASON_KINDS:
        found = listed(store, ReviewFilter(reason=kind))
        expected = [f"Held for {kind}.", *also.get(kind, [])]
        assert found == expected, kind
        assert store.queue_counts(ReviewFilter(reason=kind))["pending"] == len(expected), kind
        assert sorted(listed(store, ReviewFilter(status=None, reason=kind))) == sorted(expected)


def test_riskiest_ranks_coded_hate_before_insults(store: Store) -> None:
    store.record_many(
        site="coast",
        source="native",
        article=ArticleRef("hotel", "Asylum hotel"),
        comments=[
            held("Go f*** yourself.", "i1", "rude", insult=0.93, toxicity=0.95),
            held(
                "Go back to your camel, towelhead.",
                "c1",
                "hater",
                reasons=(REASON_OF_KIND["coded_hate"],),
                toxicity=0.45,
                position=1,
            ),
        ],
    )
    assert listed(store, ReviewFilter(site="coast"), order="riskiest") == [
        "Go back to your camel, towelhead.",
        "Go f*** yourself.",
    ]
