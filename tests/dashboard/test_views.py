"""What a queue item shows: highlighted segments (escaped), masks, blur, bars."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from dashboard_support import Dashboard, held

from threadguard.dashboard.views import Preferences, Segment, is_severe, item_view, segments
from threadguard.dashboard.web import ENVIRONMENT
from threadguard.engine import CommentInput, Engine
from threadguard.storage.records import ReviewItem
from threadguard.storage.repositories.review import ReviewFilter


def span(begin: int, end: int, attribute: str = "insult", score: float = 0.9) -> dict[str, object]:
    return {"begin": begin, "end": end, "attribute": attribute, "score": score}


def test_spans_cut_the_text_at_code_points() -> None:
    text = "🙂 you idiot, really"  # the emoji is one code point (two UTF-16 units)
    assert segments(text, [span(6, 11)]) == [
        Segment("🙂 you "),
        Segment("idiot", "insult"),
        Segment(", really"),
    ]


def test_overlapping_spans_merge_and_the_stronger_names_the_run() -> None:
    out = segments("abcdefgh", [span(1, 4, "insult", 0.5), span(3, 6, "threat", 0.8)])
    assert out == [Segment("a"), Segment("bcdef", "threat"), Segment("gh")]


def test_bad_spans_are_ignored_not_trusted() -> None:
    out = segments("short", [span(3, 99), span(-5, 1), {"begin": "x"}, span(4, 2)])
    assert "".join(s.text for s in out) == "short"
    assert [(s.text, s.attribute) for s in out] == [
        ("s", "insult"),
        ("ho", None),
        ("rt", "insult"),
    ]


def test_masking_keeps_each_words_first_letter() -> None:
    out = segments("go away, vermin scum", [span(9, 20, "identity_attack")], mask=True)
    assert out[-1] == Segment("v••••• s•••", "identity_attack")
    threat = segments("I will hurt you", [span(7, 11, "threat")], mask=True)
    assert threat[1].text == "hurt"  # only slurs and swearing are masked


def test_a_slur_is_masked_even_when_a_stronger_span_names_its_run() -> None:
    """Merged runs take their strongest span's label (often toxicity): the slur under it
    stayed readable with masking on."""
    text = "Those slurword are animals"
    spans = [span(6, 14, "identity_attack", 0.7), span(6, 14, "threat", 0.9)]
    [_, run, _] = segments(text, spans, mask=True)
    assert run == Segment("s•••••••", "threat")
    # a severe-toxicity, insult or toxicity span alone is no slur: it masked "useless fat"
    assert segments(text, [span(6, 14, "severe_toxicity")], mask=True)[1].text == "slurword"


def test_swear_words_and_slurs_are_masked_wherever_they_stand() -> None:
    """Masking followed the spans only: "f.u.c.k all of you" and "You absolute bastard"
    stayed readable while ordinary words were masked."""
    text = "f.u.c.k all of you, you absolute bastard. The dykes held; a chink of light."
    out = "".join(s.text for s in segments(text, [span(24, 32, "insult")], mask=True))
    assert out == "f.•.•.• all of you, you absolute b••••••. The dykes held; a chink of light."
    assert "".join(s.text for s in segments(text, [], mask=False)) == text


def _shown(text: str, spans: list[dict[str, object]]) -> str:
    return "".join(s.text for s in segments(text, spans, mask=True))


def test_masking_hides_the_slur_not_the_group_the_harm_or_the_grammar() -> None:
    """The models' identity-attack span is often the whole clause, and every word of it
    was masked: "K••• a•• t•• g•••.", "B•••• people are animals.". A moderator must read
    who is targeted and what is said; only the slur or the swear word is hidden."""
    assert _shown("Kill all the gays.", [span(0, 17, "identity_attack")]) == "Kill all the gays."
    assert _shown("Black people are animals.", [span(0, 5, "identity_attack")]) == (
        "Black people are animals."
    )
    assert _shown("I will kill every muslim I see.", [span(2, 26, "identity_attack")]) == (
        "I will kill every muslim I see."
    )
    assert _shown("Jews and Muslims go to hell.", [span(0, 27, "profanity")]) == (
        "Jews and Muslims go to hell."
    )
    text = "Those ragheads are vermin, said the Black man."
    assert _shown(text, [span(6, 25, "identity_attack")]) == (
        "Those r••••••• are v•••••, said the Black man."
    )


def test_the_list_masks_no_ordinary_word_its_matching_takes_for_one() -> None:
    """ "piç" (Turkish) folded to "pic" masked "picture" and "pick"; "amına" masked the
    name Amina; "shit*" read "Shiite" (repeated letters folded) as "shite"."""
    text = "Amina picked a picture of Shiite pilgrims and shiitake for the niggardly host."
    assert _shown(text, []) == text
    assert _shown("Siktir git, piç kurusu, amına koyayım", []) == (
        "S••••• git, p•• kurusu, a•••• koyayım"
    )
    assert _shown("What the fuuuck, sh1t", []) == "What the f•••••, s•••"


def test_comment_text_is_escaped_in_the_page() -> None:
    text = '<script>alert("x")</script> <img src=x onerror=alert(1)>'
    html = ENVIRONMENT.from_string(
        "{% for s in segs %}{% if s.attribute %}<mark>{{ s.text }}</mark>"
        "{% else %}{{ s.text }}{% endif %}{% endfor %}"
    ).render(segs=segments(text, [span(0, 8, "toxicity")]))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def item(**scores: float) -> ReviewItem:
    return ReviewItem(
        queue_id=1,
        comment_id="cm_1",
        site="news",
        article="a1",
        article_title="Title",
        author="ann",
        text="text",
        status="pending",
        status_source="policy",
        reasons=["r"],
        scores={"toxicity": 0.1, **scores},
        targets=[{"group": "religion", "score": 0.9}, {"group": "gender", "score": 0.2}],
        spans=[],
        depth=0,
        entered_at=datetime.now(UTC),
        resolved_at=None,
        resolved_by=None,
    )


def test_severe_comments_are_blurred_only_when_the_moderator_asks() -> None:
    assert is_severe({"severe_toxicity": 0.6}) and not is_severe({"toxicity": 0.99})
    severe = item(severe_toxicity=0.7)
    assert item_view(severe, Preferences(), None).blurred
    assert not item_view(severe, Preferences(blur_severe=False), None).blurred
    assert not item_view(item(), Preferences(), None).blurred
    rejected = replace(severe, status="rejected")  # in every tab, not only the held one
    assert item_view(rejected, Preferences(), None).blurred


def test_bars_are_sorted_and_targets_filtered() -> None:
    view = item_view(item(insult=0.8), Preferences(), None)
    assert view.bars[0].attribute == "insult" and view.bars[0].percent == 80
    assert view.bars[0].level == "high"
    assert view.targets == [("religion", 0.9, False)]


def test_an_inferred_target_is_shown_under_the_floor_after_the_models() -> None:
    stored = [
        {"group": "women", "score": 0.45, "inferred": True},
        {"group": "religion", "score": 0.9},
        {"group": "gender", "score": 0.2},
        {"group": "bad", "score": "not a number"},
        "not a target",
    ]
    view = item_view(replace(item(), targets=stored), Preferences(), None)
    assert view.targets == [("religion", 0.9, False), ("women", 0.45, True)]


def test_local_path_keeps_paths_on_this_site_only() -> None:
    from threadguard.dashboard.web import local_path

    assert local_path("/?status=rejected&page=2") == "/?status=rejected&page=2"
    assert local_path("/threads/news/a1") == "/threads/news/a1"
    for elsewhere in ("//evil.example/", "https://evil.example/", "/\\evil.example", "", "x"):
        assert local_path(elsewhere) == "/"


def test_a_bidi_override_someone_wrote_is_closed_where_their_text_ends() -> None:
    """A commenter named "\\u202eevil_rlo" reversed the heading after the name."""
    from threadguard.dashboard.web import ENVIRONMENT
    from threadguard.validation import balance_bidi

    rendered = ENVIRONMENT.from_string("<b>{{ name }}</b> on {{ title }}").render(
        name="\u202eevil_rlo", title="Letters"
    )
    assert rendered == "<b>\u202eevil_rlo\u202c</b> on Letters"
    assert balance_bidi("\u2067isolated") == "\u2067isolated\u2069"
    assert balance_bidi("closed \u202eright\u202c") == "closed \u202eright\u202c"
    assert balance_bidi(3) == 3


def test_a_long_parent_is_shortened_above_its_reply() -> None:
    from threadguard.dashboard.views import PARENT_CHARS, shortened

    long = "word " * 3000
    assert len(shortened(long)) <= PARENT_CHARS + 2 and shortened(long).endswith(" …")
    assert shortened("a short parent") == "a short parent"


def test_words_the_policy_matched_are_highlighted_where_they_stand(
    dashboard: Dashboard, engine: Engine
) -> None:
    """A comment held for a code or a threatening phrase showed nothing highlighted: the
    models' spans were elsewhere or none. The policy's own matches are highlighted too."""
    from dataclasses import replace as copy

    from threadguard.moderation import Moderator
    from threadguard.storage.records import ArticleRef, Origin

    text = "Remigration now, all of them. We know where you live, Mr Editor."
    [analysis] = engine.analyze([CommentInput(text)])
    outcome = Moderator().decide(analysis, text)
    assert outcome.action != "approve" and (outcome.coded or outcome.threats)
    item = copy(
        held(text, "m1", "ralph", action=outcome.action.value),
        decision=outcome.decision,
        details=outcome.details(),
    )
    cid = dashboard.store.record(Origin("news", "api", ArticleRef("a1")), item)
    [review] = dashboard.store.review_page(ReviewFilter(site="news"), only=cid).items
    marked = {s.text for s in segments(review.text, review.spans) if s.attribute}
    assert any("emigration" in m for m in marked), marked
    assert any("know where you live" in m for m in marked), marked
