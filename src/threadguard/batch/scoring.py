"""Scoring a partition: what a Dask worker runs, on the moderation core.

Every worker process loads its engine and moderator once (:func:`scorer_for` caches them
by recipe) and then scores partition after partition. A partition's comments are scored
together (the engine batches them), each with its parent's text and the thread's title
as context, exactly as ``scan`` scores a thread; user names are scored once per worker
(they repeat across threads) when the policy screens them. Each thread is then decided by
:meth:`Moderator.decide_thread`, so the author rules see the whole thread, and its
signals computed. A comment's stated language (a ``language`` field or column) is the one
the engine reads it in, as ``scan`` does. A comment with no text (a deleted post) is
context for its replies but no result: it gets no row, no decision count and no place in
the thread's signals (:func:`~threadguard.batch.units.has_text`). The result travels back as two Parquet files in bytes: no shared file
system is needed between the workers and the machine that writes the output.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from threadguard.analysis import Analysis
from threadguard.batch.plan import Partition
from threadguard.batch.table import (
    COMMENTS_SCHEMA,
    THREADS_SCHEMA,
    comment_rows,
    parquet_bytes,
    thread_row,
)
from threadguard.batch.units import Unit, has_text
from threadguard.engine import CascadeSettings, CommentInput, Engine, ScoredComment
from threadguard.moderation import Moderated, Moderator, parse_document, parse_policy
from threadguard.signals import compute_signals
from threadguard.thread import first_languages

#: User names remembered per worker before the memory is cleared.
AUTHOR_CACHE = 50_000


@dataclass(frozen=True)
class Recipe:
    """Everything a worker needs to score as the command asked: the models (a folder, or
    the shipped ones), the cascade settings, and the policy as text (the worker may be on
    another machine, without the file)."""

    model_dir: str | None
    cascade: CascadeSettings
    policy_text: str
    policy_source: str
    spans: bool = True

    def moderator(self) -> Moderator:
        document = parse_document(self.policy_text, "toml", self.policy_source)
        policy = parse_policy(document, self.policy_source)
        return Moderator(policy, context=self.cascade.use_context)

    def engine(self, threads: int | None = 1) -> Engine:
        folder = Path(self.model_dir) if self.model_dir else None
        return Engine.load(folder, cascade=self.cascade, threads=threads)


@dataclass
class Scorer:
    """A loaded engine and moderator, with the user names this process has scored."""

    engine: Engine
    moderator: Moderator
    spans: bool = True
    #: Each user name's analysis, by the name and the language it was read in.
    authors: dict[tuple[str, str | None], Analysis] = field(default_factory=dict)

    def _author_analyses(
        self, units: Sequence[Unit], analyses: Sequence[Analysis]
    ) -> dict[str, Analysis]:
        """Each user name scored as ``scan`` scores it: as its words (:func:`name_as_words`),
        in the language of its author's first comment. Scored glued, "hist_nerd" was
        approved by ``batch`` and held by ``scan`` (desk 69, session 50)."""
        if not self.moderator.policy.screen_authors:
            return {}
        authors = (c.author for u in units for c in u.thread.comments)
        spoken = first_languages(authors, (a.language for a in analyses))
        keys = sorted(spoken.items(), key=lambda kv: (kv[0], kv[1] or ""))
        new = [k for k in keys if k not in self.authors]
        if len(self.authors) + len(new) > AUTHOR_CACHE:
            self.authors.clear()
            new = keys
        if new:
            read = self.engine.read_names(dict(new), spans=self.spans)
            self.authors.update((k, read[k[0]]) for k in new)
        return {n: self.authors[(n, lang)] for n, lang in keys}

    def moderate(self, units: Sequence[Unit]) -> list[list[Moderated]]:
        """Every comment of every unit scored (in one batch) and decided, per unit."""
        items = []
        for unit in units:
            thread, by_id = unit.thread, unit.thread.by_id()
            for c in thread.comments:
                replied = by_id.get(c.parent) if c.parent else None
                parent = unit.contexts.get(c.id) or (replied.text if replied else "")
                items.append(
                    CommentInput(
                        c.text, id=c.id, parent=parent, title=thread.title, language=c.language
                    )
                )
        scored = list(self.engine.analyze(items, spans=self.spans))
        authors = self._author_analyses(units, scored)
        analyses = iter(scored)
        return [
            self.moderator.decide_thread(
                [
                    ScoredComment(c, next(analyses), authors.get(c.author))
                    for c in u.thread.comments
                ],
                title=u.thread.title,
                contexts=u.contexts,
            )
            for u in units
        ]


@dataclass(frozen=True)
class ScoredPartition:
    """A scored partition as its two Parquet files, and its decision counts."""

    name: str
    comments: bytes
    threads: bytes
    count: int
    decisions: dict[str, int]
    #: The partition's comments, those with no text (and no row) included: its progress.
    size: int = 0


def score(scorer: Scorer, partition: Partition) -> ScoredPartition:
    comments, threads = [], []
    decisions: dict[str, int] = {}
    for unit, decided in zip(partition.units, scorer.moderate(partition.units), strict=True):
        moderated = [m for m in decided if has_text(m.comment)]
        comments.extend(comment_rows(unit, moderated))
        threads.append(thread_row(unit, compute_signals(unit.thread, moderated)))
        for m in moderated:
            action = m.decision.action.value
            decisions[action] = decisions.get(action, 0) + 1
    return ScoredPartition(
        partition.name,
        parquet_bytes(comments, COMMENTS_SCHEMA),
        parquet_bytes(threads, THREADS_SCHEMA),
        len(comments),
        decisions,
        partition.size,
    )


_SCORERS: dict[Recipe, Scorer] = {}


def scorer_for(recipe: Recipe) -> Scorer:
    """This process's scorer for ``recipe``, loaded on first use (once per worker)."""
    if recipe not in _SCORERS:
        _SCORERS.clear()
        _SCORERS[recipe] = Scorer(recipe.engine(), recipe.moderator(), recipe.spans)
    return _SCORERS[recipe]


def score_partition(recipe: Recipe, partition: Partition) -> ScoredPartition:
    """The Dask task: score one partition with this worker's cached scorer."""
    return score(scorer_for(recipe), partition)
