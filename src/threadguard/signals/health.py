"""Thread health: the share of comments held or rejected, and whether it is rising.

The timeline is cut into a few equal segments (by posting time where every comment has
one, else in reading order) and a least-squares trend is fitted across them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from typing import TYPE_CHECKING

from threadguard.signals.json_record import JsonRecord
from threadguard.signals.scores import is_flagged
from threadguard.signals.settings import DEFAULT_SETTINGS, SignalSettings
from threadguard.signals.wording import counted

if TYPE_CHECKING:
    from threadguard.moderation import Moderated

TREND_WORDS = ("rising", "falling", "steady")


@dataclass(frozen=True)
class HealthSegment(JsonRecord):
    """One stretch of the timeline: how many comments, and how many were held or rejected."""

    JSON_KEYS = ("comments", "flagged", "share", "first_id", "last_id")

    comments: int
    flagged: int
    first_id: str
    last_id: str

    @property
    def share(self) -> float:
        return self.flagged / self.comments if self.comments else 0.0


@dataclass(frozen=True)
class ThreadHealth(JsonRecord):
    """Share of comments held or rejected, overall and along the timeline, with its trend."""

    JSON_KEYS = (
        "comments",
        "held",
        "rejected",
        "flagged_share",
        "order",
        "segments",
        "trend",
        "shape",
        "explanation",
    )

    comments: int
    held: int
    rejected: int
    order: str  # "created_at" or "reading"
    segments: tuple[HealthSegment, ...]
    trend: str  # one of TREND_WORDS
    explanation: str
    #: The trend as the panel and page name it: "steady" only where the share stayed level,
    #: else "uneven" or "rose a little" / "fell a little", and "too early to tell" for a
    #: thread too short to have parts (desk 65, session 49, read "held
    #: share steady" beside "went up and down"). In the JSON beside ``trend``, which keeps
    #: its three words (desk 68, session 50: a program reading the JSON could not tell an
    #: uneven thread from a level one).
    shape: str = ""

    @property
    def flagged_share(self) -> float:
        return (self.held + self.rejected) / self.comments if self.comments else 0.0


def _parse_time(value: str | None) -> datetime | None:
    """An ISO 8601 timestamp or epoch seconds as an aware datetime; None if neither.

    Naive timestamps are taken as UTC so they compare with aware ones.
    """
    if not value:
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            return datetime.fromtimestamp(float(text), tz=UTC)
        except (ValueError, OverflowError, OSError):
            return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def timeline(scored: Sequence[Moderated]) -> tuple[list[int], str]:
    """Indices of ``scored`` in timeline order, and which order that is.

    By ``created_at`` only when every comment has a readable one: ordering some comments
    by time and the rest by position would invent a history. Otherwise reading order,
    which on most sites is roughly the order of posting within each branch.
    """
    times = [_parse_time(s.comment.created_at) for s in scored]
    if scored and all(t is not None for t in times):
        stamped = [(t, i) for i, t in enumerate(times) if t is not None]
        return [i for _, i in sorted(stamped)], "created_at"
    return list(range(len(scored))), "reading"


def _trend(shares: Sequence[float], min_change: float) -> tuple[str, float]:
    """The trend word and the least-squares fitted change from first to last segment.

    A fitted slope uses every segment, so one noisy segment in the middle neither makes
    nor hides a trend the way comparing only the ends would.
    """
    k = len(shares)
    if k < 2:
        return "steady", 0.0
    mean_x = (k - 1) / 2
    mean_y = sum(shares) / k
    sxx = sum((x - mean_x) ** 2 for x in range(k))
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in enumerate(shares))
    change = sxy / sxx * (k - 1)
    if change >= min_change:
        return "rising", change
    if change <= -min_change:
        return "falling", change
    return "steady", change


def _peak(shares: Sequence[float], min_change: float) -> str:
    """ ", peaking at 33% in part 3" where a middle part stood higher than both ends by a
    trend's worth: the fitted trend and its two ends alone hid a desk's worst stretch (a
    thread "rising from 0% to 11%" had held a third of its third quarter)."""
    top = max(range(len(shares)), key=lambda j: shares[j])
    if 0 < top < len(shares) - 1 and shares[top] >= max(shares[0], shares[-1]) + min_change:
        return f", peaking at {shares[top]:.0%} in part {top + 1}"
    return ""


def thread_health(
    scored: Sequence[Moderated], settings: SignalSettings = DEFAULT_SETTINGS
) -> ThreadHealth:
    """Held and rejected share overall and per timeline segment, with a trend word."""
    n = len(scored)
    # held only because no model reads the language: no sign of the thread's health
    held = sum(s.decision.action == "hold" and is_flagged(s) for s in scored)
    rejected = sum(s.decision.action == "reject" and is_flagged(s) for s in scored)
    # ...but said, or the share contradicts the count of holds under it (desk 74)
    unread = sum(s.decision.action in ("hold", "reject") and not is_flagged(s) for s in scored)
    order, basis = timeline(scored)
    k = min(settings.health_max_segments, n // max(settings.health_min_segment_size, 1))
    k = max(k, 1) if n else 0
    segments = []
    for j in range(k):
        part = order[j * n // k : (j + 1) * n // k]
        segments.append(
            HealthSegment(
                comments=len(part),
                flagged=sum(is_flagged(scored[i]) for i in part),
                first_id=scored[part[0]].comment.id,
                last_id=scored[part[-1]].comment.id,
            )
        )
    shares = [s.share for s in segments]
    trend, _ = _trend(shares, settings.health_trend_min_change)
    share = (held + rejected) / n if n else 0.0
    shape = trend
    if n == 0:
        shape = "too early to tell"
        explanation = "The thread has no comments yet, so there is nothing to judge."
    else:
        explanation = (
            f"{held + rejected} of {counted(n, 'comment')} ({share:.0%}) "
            f"{'was' if held + rejected == 1 else 'were'} held or rejected"
        )
        if unread:
            explanation += (
                f" for what {'it' if held + rejected == 1 else 'they'} said (not counted: "
                f"{unread} held or rejected only because no model reads "
                f"{'its' if unread == 1 else 'their'} language)"
            )
        when = "posting time" if basis == "created_at" else "reading order"
        if k < 2:
            shape = "too early to tell"  # not "steady": nothing was compared (a code review)
            explanation += ", too few comments to tell a trend."
        elif trend == "steady" and max(shares) - min(shares) < settings.health_trend_min_change:
            explanation += (
                f", and that share stayed roughly level across the thread "
                f"({_segment_shares(shares)} in {k} parts by {when})."
            )
        elif trend == "steady" and _one_way(shares):
            word = "rose" if shares[-1] > shares[0] else "fell"
            shape = f"{word} a little"
            explanation += (
                f", and that share {word} a little, from {shares[0]:.0%} at the start to "
                f"{shares[-1]:.0%} at the end ({_segment_shares(shares)} in {k} parts by {when})."
            )
        elif trend == "steady":
            # desk 63 (session 49): "11% / 20% / 30% / 0%" was called "roughly level"; no
            # trend is not no change
            top = max(range(k), key=lambda j: shares[j])
            shape = "uneven"
            explanation += (
                f", and that share went up and down with no steady rise or fall "
                f"({_segment_shares(shares)} in {k} parts by {when}), highest at "
                f"{shares[top]:.0%} in part {top + 1}."
            )
        else:
            word = "rose" if trend == "rising" else "fell"
            explanation += (
                f", and that share {word} from {shares[0]:.0%} at the start to "
                f"{shares[-1]:.0%} at the end{_peak(shares, settings.health_trend_min_change)} "
                f"({k} parts by {when})."
            )
    return ThreadHealth(
        comments=n,
        held=held,
        rejected=rejected,
        order=basis,
        segments=tuple(segments),
        trend=trend,
        explanation=explanation,
        shape=shape,
    )


def _one_way(shares: Sequence[float]) -> bool:
    """Whether the shares never turn back: each at least the one before, or each at most."""
    pairs = list(pairwise(shares))
    return all(a <= b for a, b in pairs) or all(a >= b for a, b in pairs)


def _segment_shares(shares: Sequence[float]) -> str:
    return " / ".join(f"{s:.0%}" for s in shares)
