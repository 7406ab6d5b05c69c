"""How far a batch job is, told honestly to a person watching (no terminal code here).

The tryout's bar said ``0/?`` for the first 49 s, changed its total as the input was read
(56,637, then 46,314, then 40,014 for 40,012 comments: an estimate from the bytes read),
showed a rate and a time left that did not move for 35 s, and on a resume counted the
partitions already written as speed (57,079 comments/s). Here:

- the job says what it is doing before there is anything to count (``starting the
  workers``); the total comes from a first count of the inputs, made beside the scoring
  (:func:`~threadguard.batch.plan.count_comments`), and until it is known the bar says
  ``counting`` rather than guess;
- comments in partitions a previous run wrote are *already done*: they fill the bar but are
  no part of the speed;
- the speed is over the recent work (:class:`Rate`: the last minute of finished
  partitions), and the time left counts down between two partitions.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

#: Seconds of recent work the speed is measured over.
WINDOW = 60.0


@dataclass
class Rate:
    """Comments per second over the last :data:`WINDOW` seconds of work."""

    window: float = WINDOW
    samples: deque[tuple[float, int]] = field(default_factory=deque)

    def add(self, when: float, scored: int) -> None:
        """Record that ``scored`` comments were done at ``when`` (seconds, monotonic)."""
        self.samples.append((when, scored))
        # keep one sample at or before the window's start, so the window has a length
        while len(self.samples) > 2 and self.samples[1][0] <= when - self.window:
            self.samples.popleft()

    def per_second(self) -> float | None:
        """The recent speed; None before two samples apart in time and in count."""
        if len(self.samples) < 2:
            return None
        (t0, n0), (t1, n1) = self.samples[0], self.samples[-1]
        if t1 <= t0 or n1 <= n0:
            return None
        return (n1 - n0) / (t1 - t0)

    def seconds_left(self, remaining: int, now: float) -> float | None:
        """Time to do ``remaining`` comments at the recent speed, counted down since the
        last sample; None while the speed is unknown."""
        speed = self.per_second()
        if speed is None:
            return None
        return max(0.0, remaining / speed - (now - self.samples[-1][0]))


@dataclass
class JobProgress:
    """Where a job stands: what it is doing, comments scored by this run, comments
    already done by an earlier one, and the total once counted (None: counting)."""

    stage: str = "starting the workers"
    scored: int = 0
    done_before: int = 0
    total: int | None = None
    rate: Rate = field(default_factory=Rate)

    @property
    def done(self) -> int:
        return self.scored + self.done_before

    def describe(self, now: float) -> str:
        """One line: ``16,384 of 40,012 comments · 8,192 already done · 190 comments/s ·
        2:01 left`` (or what the job is doing before it scores)."""
        if self.stage != "scoring":
            return f"{self.stage}…"
        total = "? (counting)" if self.total is None else f"{max(self.total, self.done):,}"
        parts = [f"{self.done:,} of {total} comments"]
        if self.done_before:
            parts.append(f"{self.done_before:,} already done")
        speed = self.rate.per_second()
        parts.append(f"{speed:,.0f} comments/s" if speed else "measuring speed")
        if self.total is not None and speed:
            left = self.rate.seconds_left(max(0, self.total - self.done), now)
            if left is not None:
                parts.append(f"{_clock(left)} left")
        return " · ".join(parts)


def _clock(seconds: float) -> str:
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


#: Called with the job's progress whenever it changes.
Report = Callable[[JobProgress], None]
