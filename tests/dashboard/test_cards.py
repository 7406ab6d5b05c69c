"""What a comment's card tells beyond its scores: when its author posted it (a backlog
import looked as fresh as a new comment), that it was not scored in its language (a
Hebrew insult showed green, harmless-looking bars), for a long comment, its
highlighted passage while the rest is folded (a 4,400-character card filled a screen),
and a group the moderator inferred from the thread, marked as inferred (it sits under the
floor from which a model's target is shown, and was not shown at all)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from dashboard_support import Dashboard, held, item_ids, span_of

from threadguard.analysis import Target
from threadguard.dashboard import card_parts
from threadguard.storage.records import ArticleRef, NewComment

LONG = ("The council met again on Tuesday to discuss the budget. " * 80) + (
    "Anyone who votes for this is a fucking idiot."
)


@pytest.fixture
def cards(dashboard: Dashboard) -> Dashboard:
    dashboard.store.record_many(
        site="edge",
        source="native",
        article=ArticleRef("edge", "Edge cases"),
        comments=[
            replace(
                held("Stale but rude, you clown.", "e1", "old_timer", insult=0.7),
                posted_at="2026-12-01T08:00:00Z",
            ),
            held(
                "אתה אידיוט מטומטם",
                "e2",
                "rtl",
                reasons=("language he is not supported",),
                position=1,
                toxicity=0.08,
            ),
            held(
                LONG,
                "e3",
                "rambler",
                spans=(span_of(LONG, "fucking idiot", "insult"),),
                position=2,
                insult=0.8,
            ),
            held(
                "Funny how it's always them, isn't it.",
                "e4",
                "insinuator",
                targets=(Target("muslims", 0.45, inferred=True), Target("women", 0.3)),
                position=3,
                toxicity=0.5,
            ),
        ],
    )
    return dashboard


def card(page: str, author: str) -> str:
    for chunk in page.split('<article class="item')[1:]:
        if f'data-author="{author}"' in chunk:
            return chunk
    raise AssertionError(f"no card of {author}")


def test_the_cards_show_the_comments_own_posting_time(cards: Dashboard) -> None:
    client, _ = cards.signed_in()
    page = client.get("/?site=edge").text
    stale = card(page, "old_timer")
    assert 'posted <time datetime="2026-12-01T08:00:00+00:00">2026-12-01 08:00 UTC</time>' in stale
    assert "posted" not in card(page, "rtl")  # no posting time given: the upload's alone
    first = item_ids(page)[0]
    thread = client.get(f"/comments/{first}/thread").text
    assert "2026-12-01 08:00 UTC" in thread


def test_an_unsupported_language_shows_no_bars_but_says_so(cards: Dashboard) -> None:
    client, _ = cards.signed_in()
    page = client.get("/?site=edge").text
    hebrew = card(page, "rtl")
    assert "Not scored in its language</strong> (he)" in hebrew
    assert "<meter" not in hebrew
    assert "<meter" in card(page, "old_timer")
    first = item_ids(page)[1]
    thread = client.get(f"/comments/{first}/thread").text
    assert "not scored in its language</strong> (he)" in thread


def test_a_long_comment_is_folded_with_its_highlight_shown(cards: Dashboard) -> None:
    client, _ = cards.signed_in()
    page = client.get("/?site=edge").text
    long = card(page, "rambler")
    assert 'class="comment long folded"' in long and "Show all (4525 characters)" in long
    passage = re.search(r'<p class="passage"[^>]*>(.*?)</p>', long, re.S)
    assert passage is not None
    assert '<mark class="hl hl-insult"' in passage.group(1) and "Anyone who votes" in passage.group(
        1
    )
    assert "long folded" not in card(page, "old_timer")


def test_the_posting_time_is_shown_only_where_it_says_more() -> None:
    received = datetime(2026, 12, 5, 10, 0, tzinfo=UTC)
    assert card_parts.posted(None, received) is None
    assert card_parts.posted("2026-12-05T10:00:30+00:00", received) is None
    naive = card_parts.posted("2026-12-01 08:00:00", received)
    assert naive is not None and naive.shown == "2026-12-01 08:00 UTC"
    odd = card_parts.posted("yesterday, around noon", received)
    assert odd == card_parts.Posted("yesterday, around noon", None)


def test_the_unscored_language_comes_from_the_policys_reason() -> None:
    assert card_parts.unscored_language(["language he is not supported"]) == "he"
    assert card_parts.unscored_language(["toxicity 0.70 ≥ 0.60 (hold)"]) is None


def test_a_folded_card_shows_its_highlight_wherever_it_is(dashboard: Dashboard) -> None:
    """The fold is 12em high, not 960 characters: "worthless idiot" at character 906 got no
    passage and was folded away at 1024 px (review 35b). Every folded card with a
    highlight shows it above the fold, even one near the start."""
    filler = "This is a calm sentence about the council budget and its plans. "
    text = filler * 14 + "You are a worthless idiot. " + filler * 7
    early = "You are a worthless idiot. " + filler * 20
    assert text.index("worthless") == 906 and len(text) > 1200 and len(early) > 1200
    dashboard.store.record_many(
        site="edge",
        source="native",
        article=ArticleRef("edge", "Edge cases"),
        comments=[
            held(t, f"f{n}", f"folder{n}", spans=(span_of(t, "worthless idiot", "insult"),))
            for n, t in enumerate((text, early))
        ],
    )
    client, _ = dashboard.signed_in()
    page = client.get("/?site=edge").text
    for author in ("folder0", "folder1"):
        passage = re.search(r'<p class="passage"[^>]*>(.*?)</p>', card(page, author), re.S)
        assert passage is not None, author
        assert '<mark class="hl hl-insult" title="Insult">worthless idiot</mark>' in passage.group(
            1
        )


def _read_in(comment: NewComment, language: str) -> NewComment:
    return replace(comment, analysis=replace(comment.analysis, language=language))


def test_a_card_says_the_language_its_comment_was_read_in(dashboard: Dashboard) -> None:
    """A multilingual site's moderators could not see which language a comment was read
    in, even one held as an unsupported language (only its reason said so)."""
    dashboard.store.record_many(
        site="langs",
        source="native",
        article=ArticleRef("langs", "Languages"),
        comments=[
            _read_in(held("Du bist ein Idiot.", "l1", "berlin", insult=0.8), "de"),
            _read_in(
                held(
                    "אתה אידיוט מטומטם",
                    "l2",
                    "rtl",
                    reasons=("language he is not supported",),
                    position=1,
                ),
                "he",
            ),
            _read_in(held("ᚠᚢᚦᚨᚱᚲ idiot", "l3", "runes", position=2, insult=0.7), "und"),
        ],
    )
    client, _ = dashboard.signed_in()
    page = client.get("/?site=langs").text
    assert ">language de</span>" in card(page, "berlin")
    assert ">language he, not supported</span>" in card(page, "rtl")
    assert ">language undetermined</span>" in card(page, "runes")
    first = item_ids(page)[0]
    assert ">language de</span>" in client.get(f"/comments/{first}/thread").text


def test_an_inferred_target_is_shown_as_inferred_not_as_a_score(cards: Dashboard) -> None:
    client, _ = cards.signed_in()
    page = client.get("/?site=edge").text
    insinuation = card(page, "insinuator")
    assert 'class="chip inferred"' in insinuation and "muslims (inferred)" in insinuation
    assert "45%" not in insinuation  # a fixed weight, not a probability
    assert "women" not in insinuation  # a model's target under the floor stays hidden
    assert "(inferred)" not in card(page, "old_timer")
    first = item_ids(page)[3]
    thread = client.get(f"/comments/{first}/thread").text
    assert "muslims (inferred)" in thread and "women 0.30" in thread
