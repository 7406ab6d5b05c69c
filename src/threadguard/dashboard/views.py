"""View models: what a template shows of a queue item, built in Python.

The highlighted comment is a list of :class:`Segment` (plain or highlighted text, maybe
masked: :mod:`.masking`) that the template escapes one by one: a comment's text is never
marked safe.
Spans are code-point offsets into the original text, which is what Python indexes
strings by.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple
from urllib.parse import urlencode

from threadguard.analysis import Target, shown_score
from threadguard.dashboard import card_parts
from threadguard.dashboard.masking import MASKED, mask_word, masked
from threadguard.schema import ATTRIBUTE_LABELS, ATTRIBUTES
from threadguard.storage.models import utcnow
from threadguard.storage.records import AuthorHistory, ReviewItem
from threadguard.storage.repositories.review import EditNote

#: A comment scoring this much on any of these is "severe": blurred until clicked when
#: the moderator asks for it.
SEVERE = {"severe_toxicity": 0.5, "threat": 0.8, "identity_attack": 0.8, "sexually_explicit": 0.8}
#: Targets below this score are not shown.
TARGET_FLOOR = 0.5
#: What an edited comment's earlier text had, the policy's status (no moderator's).
EDITED_AFTER_POLICY = {
    "approved": "published by the policy",
    "pending": "held by the policy",
    "rejected": "rejected by the policy",
}
#: What the chain above a reply shows of a comment an admin erased.
ERASED = "[text erased]"


@dataclass(frozen=True)
class Preferences:
    """A moderator's reading settings (stored per user)."""

    blur_severe: bool = True
    mask_slurs: bool = False

    @classmethod
    def from_stored(cls, stored: dict[str, Any]) -> Preferences:
        return cls(
            blur_severe=bool(stored.get("blur_severe", True)),
            mask_slurs=bool(stored.get("mask_slurs", False)),
        )


@dataclass(frozen=True)
class Segment:
    """A run of a comment's text: ``attribute`` names why it is highlighted (None: plain)."""

    text: str
    attribute: str | None = None

    @property
    def label(self) -> str:
        return ATTRIBUTE_LABELS.get(self.attribute or "", self.attribute or "")


def shown_percent(value: float) -> int:
    """A score as a whole percentage, rounded *down* as
    :func:`~threadguard.analysis.shown_score` rounds it for the reasons and the thread page
    (an insult of 0.9498 read "95%", the reject line, beside the reason "insult 0.94")."""
    return round(float(shown_score(value)) * 100)


@dataclass(frozen=True)
class Bar:
    """One attribute's score as a bar."""

    attribute: str
    label: str
    value: float

    @property
    def percent(self) -> int:
        return shown_percent(self.value)

    @property
    def shown(self) -> str:
        """The meter's value: the score as the reasons show it (a screen reader reads it)."""
        return shown_score(self.value)

    @property
    def level(self) -> str:
        return "high" if self.value >= 0.7 else "mid" if self.value >= 0.4 else "low"


class TargetChip(NamedTuple):
    """A group the comment targets, with its score (a tuple: ``(group, score, inferred)``).

    ``inferred``: the moderator named the group from the comment's words or its thread
    (:mod:`threadguard.moderation.inferred_targets`), not a model: shown as such and
    without a percentage, since its 0.45 is a fixed weight, not a probability (a news
    desk, session 46, could not tell one from a model's reading).
    """

    group: str
    score: float
    inferred: bool = False

    @property
    def percent(self) -> int:
        return shown_percent(self.score)


@dataclass(frozen=True)
class ItemView:
    """A queue item as the page shows it."""

    item: ReviewItem
    segments: list[Segment]
    bars: list[Bar]
    targets: list[TargetChip]
    severe: bool
    blurred: bool
    history: AuthorHistory | None
    parents: list[tuple[str, list[Segment]]] = field(default_factory=list)
    message: str | None = None
    #: When the author posted it, where that differs from the upload time.
    posted: card_parts.Posted | None = None
    #: The language the policy could not score it in (its bars are no reading of it).
    unscored: str | None = None
    #: The language it was read in, as the card says it (None: not read).
    language: str | None = None
    #: Longer than :data:`~threadguard.dashboard.card_parts.LONG_COMMENT`: folded.
    long: bool = False
    #: A long comment's first highlight with its sentence, shown while it is folded.
    passage: list[Segment] | None = None
    #: The author is trusted on the site (a moderator's ``trust``): the card says so, and
    #: says too that a ban comes first while both stand.
    trusted: bool = False
    #: The comment's latest edit (None: never edited): the card says when, what the
    #: earlier text had ("approved by alice") and, where it is kept, that text.
    edited: EditNote | None = None
    #: The earlier text as the card shows it (masked as the comment is), if kept.
    earlier: str | None = None
    #: When an admin erased its text and author name, and who (None: never erased): the
    #: card says so in place of the text.
    erased_at: datetime | None = None
    erased_by: str | None = None

    @property
    def id(self) -> str:
        return self.item.comment_id

    @property
    def resolved(self) -> bool:
        return self.item.status != "pending"

    @property
    def edited_after(self) -> str:
        """What the earlier text had, as "Edited ... after it was <this>"."""
        if self.edited is None:
            return ""
        if self.edited.by is not None:
            verdict = {"approved": "approved", "rejected": "rejected"}.get(self.edited.status)
            return f"{verdict or self.edited.status} by {self.edited.by}"
        return EDITED_AFTER_POLICY.get(self.edited.status, f"{self.edited.status} by the policy")


def segments(text: str, spans: list[dict[str, Any]], *, mask: bool = False) -> list[Segment]:
    """``text`` cut at its spans: highlighted runs name their strongest attribute; with
    ``mask`` (the moderator's "Mask slurs and swear words"), its swear words and slurs
    masked. Every place a comment's text is shown goes through here (a card, its reply
    chain, the thread page, the policy preview's examples): the chain above a reply was
    shown unmasked under a masked card.

    Overlapping spans merge (the higher score names the run); spans out of range or
    empty are ignored rather than trusted.
    """
    size = len(text)
    marks: list[tuple[int, int, str, float]] = []
    for span in spans:
        try:
            begin, end = int(span["begin"]), int(span["end"])
            attribute = str(span.get("attribute") or "toxicity")
            score = float(span.get("score") or 0.0)
        except (KeyError, TypeError, ValueError):
            continue
        begin, end = max(0, begin), min(size, end)
        if begin < end:
            marks.append((begin, end, attribute, score))
    marks.sort()
    merged: list[list[Any]] = []
    for begin, end, attribute, score in marks:
        if merged and begin <= merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], end)
            if score > last[3]:
                last[2], last[3] = attribute, score
            last[4] |= attribute in MASKED
        else:
            merged.append([begin, end, attribute, score, attribute in MASKED])
    shown = masked(text) if mask else text
    out: list[Segment] = []
    at = 0
    for begin, end, attribute, _, maskable in merged:
        if begin > at:
            out.append(Segment(shown[at:begin]))
        # masked when any span over the run is maskable, not only the one that names it (a
        # slur's identity_attack span merged under its higher toxicity one stayed readable)
        piece = shown[begin:end]
        out.append(Segment(mask_word(piece) if mask and maskable else piece, attribute))
        at = end
    if at < size or not out:
        out.append(Segment(shown[at:]))
    return out


def plain_text(text: str, *, mask: bool) -> str:
    """A comment's text shown without highlights (a parent above a reply, a policy
    preview's example): :func:`segments` without spans, so masked the same way."""
    return "".join(s.text for s in segments(text, [], mask=mask))


#: The most of a parent comment the queue shows above a reply (the thread page has all).
PARENT_CHARS = 600


def shortened(text: str, limit: int = PARENT_CHARS) -> str:
    """``text`` cut after ``limit`` characters at a space, with an ellipsis: a 12,000-character
    parent made its reply's item several screens tall."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + " …"


def is_severe(scores: dict[str, float]) -> bool:
    """Whether a comment is severe enough to blur (see :data:`SEVERE`)."""
    return any(scores.get(a, 0.0) >= floor for a, floor in SEVERE.items())


def target_chips(stored: list[Any]) -> list[TargetChip]:
    """The stored targets a card shows, the models' first (highest first), then the
    inferred ones: a model's from :data:`TARGET_FLOOR`
    up, and every inferred one (which sits under the floor by design: an inference held
    comments take, shown so a moderator sees whom the thread points at). Entries that are
    not a target as :meth:`Target.to_json` wrote it are skipped, not fatal: a row written
    by hand or an older version must not stop the queue."""
    chips = []
    for entry in stored:
        if not isinstance(entry, dict):
            continue
        try:
            t = Target.from_json(entry)
        except (TypeError, ValueError):
            continue
        if t.inferred or t.score >= TARGET_FLOOR:
            chips.append(TargetChip(t.group, t.score, t.inferred))
    return sorted(chips, key=lambda c: (c.inferred, -c.score))


def item_view(
    item: ReviewItem,
    prefs: Preferences,
    history: AuthorHistory | None,
    message: str | None = None,
    *,
    trusted: bool = False,
) -> ItemView:
    """What the page shows of one queue item under a moderator's preferences."""
    severe = is_severe(item.scores)
    bars = [Bar(a, ATTRIBUTE_LABELS[a], item.scores.get(a, 0.0)) for a in ATTRIBUTES]
    bars.sort(key=lambda b: -b.value)
    targets = target_chips(item.targets)
    mask = prefs.mask_slurs
    shown = segments(item.text, item.spans, mask=mask)
    edited = getattr(item, "edited", None)  # a listed item's (review_page's) only
    return ItemView(
        item=item,
        segments=shown,
        bars=bars,
        targets=targets,
        severe=severe,
        # in every tab: a rejected or approved severe comment is no easier to read
        blurred=severe and prefs.blur_severe,
        history=history,
        # masked before it is shortened: masking keeps the length, and a word cut short
        # by the shortening might no longer be one the list knows
        parents=[
            (
                p.author or "anonymous",
                [Segment(ERASED if p.erased else shortened(plain_text(p.text, mask=mask)))],
            )
            for p in item.parents
        ],
        message=message,
        posted=card_parts.posted(getattr(item, "posted_at", None), item.entered_at),
        unscored=card_parts.unscored_language(item.reasons),
        language=card_parts.language_shown(getattr(item, "language", None)),
        long=len(item.text) > card_parts.LONG_COMMENT,
        passage=highlighted_passage(shown) if len(item.text) > card_parts.LONG_COMMENT else None,
        trusted=trusted,
        edited=edited,
        earlier=(
            shortened(plain_text(edited.text, mask=mask))
            if edited is not None and edited.text
            else None
        ),
        erased_at=getattr(item, "erased_at", None),
        erased_by=getattr(item, "erased_by", None),
    )


def highlighted_passage(shown: list[Segment]) -> list[Segment] | None:
    """A long comment's first highlighted words with the sentence around them (see
    :func:`~threadguard.dashboard.card_parts.passage`), as segments; None if none."""
    text = "".join(s.text for s in shown)
    offset = 0
    for s in shown:
        if s.attribute is not None:
            return cut(shown, *card_parts.passage(text, offset, offset + len(s.text)))
        offset += len(s.text)
    return None


def cut(shown: list[Segment], start: int, stop: int) -> list[Segment]:
    """The segments' text from ``start`` to ``stop``, with "…" where it was cut."""
    out: list[Segment] = [Segment("… ")] if start > 0 else []
    offset = 0
    for s in shown:
        a, b = offset, offset + len(s.text)
        offset = b
        if a < stop and b > start:
            out.append(Segment(s.text[max(start, a) - a : min(stop, b) - a], s.attribute))
    if stop < offset:
        out.append(Segment(" …"))
    return out


def thread_url(item: ReviewItem) -> str:
    """Where the thread view shows a queue item's whole thread, at the item."""
    return f"/comments/{item.comment_id}/thread"


def author_url(site: str, author: str) -> str:
    """The queue of every comment of ``author`` on ``site``, in every status."""
    return "/?" + urlencode({"status": "all", "site": site, "author": author})


def ago(when: datetime | None, now: datetime | None = None) -> str:
    """``when`` as "5 min ago" (the page shows the exact time on hover)."""
    if when is None:
        return ""
    seconds = max(0, int(((now or utcnow()) - when).total_seconds()))
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds // size} {unit} ago"
    return "just now"
