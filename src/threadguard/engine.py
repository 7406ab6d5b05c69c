"""The engine: owns the loaded models and scores comments; every interface is a layer over it.

Nothing here knows about terminals, HTTP, databases or policies. Callers hand in comment
texts (with optional context) or a whole :class:`~threadguard.thread.Thread`, and get back
:class:`~threadguard.analysis.Analysis` objects: scores, targets, spans, language. What
happens to a comment is decided by :class:`threadguard.moderation.Moderator`.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from threadguard import __version__
from threadguard.agreement import endorses
from threadguard.analysis import Analysis, Span, highest_readings
from threadguard.language import detect_language
from threadguard.normalize import Normalized, displayed, normalize_known, normalize_text
from threadguard.schema import ATTRIBUTES, GROUPS, Tier
from threadguard.scoring.context import bounded_shift, context_can_move, spared
from threadguard.scoring.deep_spans import attribute_spans, one_per_place, whole_words_read
from threadguard.scoring.encoder import EncoderModel, TokenScores
from threadguard.scoring.endorsements import ENDORSEMENT_ATTRIBUTES, plainly_abusive
from threadguard.scoring.group_targets import batch_targets
from threadguard.scoring.group_words import context_names_group, names_group
from threadguard.scoring.harm_words import names_harm
from threadguard.scoring.languages import INDEX, LANGUAGE_MODEL, LanguageModels
from threadguard.scoring.linear import LinearModel
from threadguard.scoring.mixed_language import other_language_parts, written_in
from threadguard.scoring.registry import model_folders
from threadguard.scoring.registry import shipped_model_dir as shipped_model_dir  # re-exported
from threadguard.scoring.second_readings import READINGS
from threadguard.scoring.sentence_cap import cap_to_sentences
from threadguard.scoring.spans import SpanSettings, find_spans
from threadguard.scoring.windows import CHUNK_CHARS, unread_pieces
from threadguard.scoring.worst_sentence import WorstSentence, raise_to_worst, worst_sentences
from threadguard.thread import Comment, Spoken, Thread, first_languages, name_as_words

#: Comments longer than this (code points) are scored on their first MAX_CHARS only.
MAX_CHARS = 20_000
#: Comments longer than this (normalised characters) are also read by their sentences
#: (:mod:`threadguard.scoring.worst_sentence`): every one with two.
SENTENCE_ROUTING_CHARS = 0
#: Rows scored per batch: large enough to amortise, small enough to stream.
BATCH = 512
#: At most this many pieces of one long comment are read by the cascade; the rest, those
#: the fast tier scores lowest, by the fast tier alone (:meth:`Engine._deep_pieces`).
DEEP_PIECES = 48

DEFAULT_MODEL = "fast"
DEEP_MODEL = "deep"


@dataclass(frozen=True)
class CascadeSettings:
    """When the deep tier runs, and how its scores combine with the fast tier's.

    Every comment goes through the fast tier. The deep tier (the fine-tuned encoder,
    slower) runs only on comments where the fast tier saw something: any attribute at or
    above ``deep_from``. Clean comments, the bulk of a real stream, never pay for it.
    The final score is ``deep_weight * deep + (1 - deep_weight) * fast``: the two tiers
    fail differently, and their blend was best out of domain (DESIGN.md).
    """

    tier: Tier = Tier.CASCADE  # fast, cascade, or deep (every comment through both tiers)
    # The weight was chosen on dev rows of HateXplain, OLID, CADD, GHC and Davidson (mean
    # AUROC and macro-F1 of five attributes over a grid): see the deep tier's model card.
    # The band was chosen with the weight (fast@2's scores) and kept for fast@4 (session 24),
    # calibrated on pooled dev rows like fast@2 (news comments' dev rows now among them, at
    # their own count) and trained on news comments: at 0.2 it sends the deep tier about a
    # quarter of civil news comments (24.6% of Unhealthy dev) where fast@2 sent half, and
    # lower bands bought no better decisions (docs/evaluation.md, "Issue 12, session 24"). A fast
    # tier calibrated with news comments weighted in scores lower on abusive text and needs
    # about 0.1 to send the deep tier as many abusive comments (bench/news_calibration.py).
    deep_from: float = 0.2
    deep_weight: float = 0.7
    use_context: bool = True
    #: How far (in logits) the context may move a score from the comment's own: see
    #: :mod:`threadguard.scoring.context`. ``inf`` lets the context read decide alone.
    context_shift: float = 4.0
    #: Also send a calm reply to the deep tier when its parent looks abusive. Off by
    #: default: the current deep tier lets an abusive parent raise the scores of replies
    #: that answer it calmly ("Bob, calm down please"), which holds counter-speech.
    route_on_context: bool = False
    #: A reply to a parent that speaks to someone ("you", "ya") and quotes nothing may be
    #: raised by its thread, never lowered (:func:`~threadguard.scoring.context.spared`).
    spare_addressed: bool = True
    #: Also send a comment to the deep tier when it names a way to hurt someone (a verb of
    #: violence, a weapon, an injury: :mod:`threadguard.scoring.harm_words`): the fast
    #: tier misses threats written without an insult ("I'll be waiting with a bat").
    route_on_harm: bool = True
    #: Also send a reply to the deep tier when its context (parent, else title) names a
    #: group of people (:mod:`threadguard.scoring.group_words`): "Count your spoons."
    #: under "A Syrian family has moved in next door" is calm alone, and the fast tier
    #: cannot see that it is hate as an answer. The deep tier then reads it with its
    #: context, which moves its close calls as for any reply (session 25: on a blind probe
    #: of 160 such replies, 8 more of 80 hateful held and 1 more of 80 civil).
    route_on_group_context: bool = True
    #: Also send a comment to the deep tier when it names a group itself. Off: measured in
    #: session 37 (docs/evaluation.md) for insinuations the fast tier scores calm.
    route_on_group_words: bool = False
    #: Also send a comment deep when a sentence alone is abusive, and score it at least as
    #: that sentence (:mod:`threadguard.scoring.worst_sentence`; False: neither).
    route_on_sentences: bool = True
    #: With route_on_sentences: the worst sentence is read alone too. Off only to measure.
    worst_sentence: bool = True
    #: Cap the deep tier's reading at the worst sentence's plus this margin (``None``: off,
    #: as measured in session 49: :mod:`threadguard.scoring.sentence_cap`).
    sentence_cap: float | None = None
    #: Read a comment again without the words the models misread (an opinion frame, a
    #: denied slur, an insult at a thing, ...): the readings of
    #: :mod:`threadguard.scoring.second_readings`. Off only to measure what they change.
    second_readings: bool = True
    #: Second readings left out by name (``bench/reading_effect.py``): off only to measure
    #: what one of them changes.
    readings_off: frozenset[str] = frozenset()
    #: Read a reply that only agrees with its parent ("Exactly.", "Well said.") as its
    #: parent's words too (:mod:`threadguard.scoring.endorsements`). Off only to measure.
    endorsements: bool = True

    def __post_init__(self) -> None:
        if self.tier not in tuple(Tier):
            raise ValueError(f"tier must be fast, cascade or deep, not {self.tier!r}")
        object.__setattr__(self, "tier", Tier(self.tier))
        if not 0.0 <= self.deep_from <= 1.0 or not 0.0 <= self.deep_weight <= 1.0:
            raise ValueError("deep_from and deep_weight must be in [0, 1]")
        if not self.context_shift >= 0.0:
            raise ValueError("context_shift must be 0 or more")
        if isinstance(self.readings_off, str):
            raise ValueError("readings_off is a set of reading names, not one string")
        object.__setattr__(self, "readings_off", frozenset(self.readings_off))
        unknown = set(self.readings_off) - {r.name for r in READINGS}
        if unknown:
            raise ValueError(f"no second reading named {', '.join(sorted(unknown))}")


@dataclass(frozen=True)
class _Scored:
    """What scoring a batch produced: blended probabilities [n, heads], the fast tier's
    feature matrix and the texts as scored (both for spans), and the deep tier's token
    readings of the rows it read."""

    probs: np.ndarray
    x: sp.csr_matrix
    texts: list[str]
    normalised: list[str]
    pieces: dict[int, TokenScores]


@dataclass(frozen=True)
class CommentInput:
    """One comment to score, with the context DESIGN.md's score contract allows."""

    text: str
    id: str | None = None
    parent: str = ""
    title: str = ""
    #: The comment's language when the caller knows it (Perspective's ``languages``);
    #: None: detected from the text.
    language: str | None = None

    @property
    def context(self) -> str:
        """What the comment answers, as the engine reads it: its parent, else its title
        (cut to :data:`MAX_CHARS`)."""
        return (self.parent or self.title)[:MAX_CHARS]


@dataclass(frozen=True)
class ScoredComment:
    """A thread comment, its analysis, and the analysis of its author's name."""

    comment: Comment
    analysis: Analysis
    author_analysis: Analysis | None


class Routing:
    """How many texts this engine has scored, and how many of them the deep tier read.

    Running totals for monitoring (the service's ``/metrics`` turns them into the share
    routed to the deep tier); they change nothing the engine computes.
    """

    def __init__(self) -> None:
        self.scored = 0
        self.deep = 0
        self._lock = threading.Lock()

    def add(self, scored: int, deep: int) -> None:
        with self._lock:
            self.scored += scored
            self.deep += deep

    def totals(self) -> tuple[int, int]:
        """``(scored, deep)`` as of now."""
        with self._lock:
            return self.scored, self.deep


class Engine:
    """The loaded models: scores comments (it decides nothing)."""

    def __init__(
        self,
        model: LinearModel,
        deep: EncoderModel | None = None,
        cascade: CascadeSettings | None = None,
        languages: LanguageModels | None = None,
    ) -> None:
        self.model = model
        self.deep = deep
        self.cascade = cascade or CascadeSettings()
        #: The fast tier for the languages beyond English (None: English only).
        self.languages = languages
        self._by_language: dict[str, Engine] = {}
        if deep is not None and deep.heads != model.heads:
            raise ValueError("the deep tier's heads differ from the fast tier's")
        self._attr_idx = [model.heads.index(a) for a in ATTRIBUTES]
        self._group_idx = [
            (g, model.heads.index(f"target:{g}")) for g in GROUPS if f"target:{g}" in model.heads
        ]
        #: The heads each second reading may move (see :meth:`_score`).
        self._reading_heads = {r.name: self._heads(r.attributes, r.groups) for r in READINGS}
        #: The heads a reply that agrees with its parent takes from it (see :meth:`_score`).
        self._endorsed_heads = self._heads(ENDORSEMENT_ATTRIBUTES, groups=True)
        self.routing = Routing()
        uses_deep = deep is not None and self.cascade.tier != Tier.FAST
        tags = f"{model.tag}+{deep.tag}" if uses_deep and deep is not None else model.tag
        self.model_version = f"threadguard-{__version__}+{tags}"

    def _heads(self, attributes: frozenset[str], groups: bool) -> list[int]:
        """The fast tier's head indices of ``attributes`` (and every group head)."""
        return [
            i
            for i, h in enumerate(self.model.heads)
            if h in attributes or (groups and h.startswith("target:"))
        ]

    @classmethod
    def load(
        cls,
        model_dir: Path | str | None = None,
        *,
        deep_dir: Path | str | None = None,
        cascade: CascadeSettings | None = None,
        threads: int | None = None,
        language_dir: Path | str | None = None,
        multilingual: bool = True,
    ) -> Engine:
        """The shipped models unless told otherwise.

        ``model_dir`` may hold either tier's model (what ``threadguard train`` writes, told
        apart by its ``model.json``): a deep-tier folder there replaces the shipped deep
        tier and the fast tier stays the shipped one, so a trained candidate of either tier
        is scored, evaluated and served before it ships. The deep tier is loaded when its
        folder exists (it ships with the package) and the cascade asks for it; a deep
        folder named with the fast tier alone is an error rather than silently unread.
        A multilingual folder (``train --tier languages``) there replaces the multilingual
        tier instead. ``threads`` caps its ONNX Runtime threads (one per worker process when several
        share the cores). The multilingual fast tier (``language_dir``, else the shipped
        ``fast-xx``) is loaded when it exists and ``multilingual`` is on. Folders may be
        given as paths or strings.
        """
        settings = cascade or CascadeSettings()
        model_dir, deep_dir, language_dir = (  # a folder named in a notebook is a str
            None if d is None else Path(d) for d in (model_dir, deep_dir, language_dir)
        )
        if model_dir is not None and (model_dir / INDEX).is_file():
            model_dir, language_dir = None, model_dir  # a multilingual candidate
        fast_path, deep_path = model_folders(model_dir, deep_dir, settings.tier)
        model = LinearModel.load(fast_path)
        deep = None
        if deep_path is not None and (deep_path / "model.json").is_file():
            deep = EncoderModel.load(deep_path, threads=threads)
        languages = None
        language_path = language_dir or shipped_model_dir(LANGUAGE_MODEL)
        if multilingual and (language_path / INDEX).is_file():
            languages = LanguageModels.load(language_path)
        return cls(model, deep, settings, languages)

    def with_cascade(self, cascade: CascadeSettings) -> Engine:
        """The same models with other cascade settings (for benchmarks and evaluation)."""
        return Engine(self.model, self.deep, cascade, self.languages)

    @property
    def supported_languages(self) -> frozenset[str]:
        """The languages this engine has models for: English and the multilingual tier's."""
        return frozenset({"en"}) | (self.languages.languages if self.languages else frozenset())

    def supports(self, attribute: str, language: str) -> bool:
        """Whether ``attribute`` is scored in ``language`` from evidence in that language:
        every attribute in English; in another language, the attributes its own training
        rows (its data sets or the team's templates) label. What Perspective's
        ``LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE`` reads."""
        if language == "en":
            return True
        if self.languages is None or language not in self.languages.languages:
            return False
        return attribute in self.languages.labelled_heads(language)

    def for_language(self, language: str) -> Engine:
        """The engine that scores comments in ``language``: this one for English (and for
        any language no model covers, whose comments the policy treats as unsupported),
        else the multilingual fast tier with the language's calibration.

        The deep tier is English-only, so other languages are scored by the fast tier
        alone; their spans are the fast tier's attribution.
        """
        if language == "en" or self.languages is None or language not in self.languages.languages:
            return self
        engine = self._by_language.get(language)
        if engine is None:
            model = self.languages.view(language)
            engine = Engine(model, None, replace(self.cascade, tier=Tier.FAST))
            engine.routing = self.routing
            self._by_language[language] = engine
        return engine

    # ------------------------------------------------------------------ scoring

    def analyze(self, items: Sequence[CommentInput], *, spans: bool = True) -> list[Analysis]:
        """Score a batch of comments.

        A long text is also read in pieces: the deep tier reads only its first 128 word
        pieces, so the sentences after them are read again in pieces of at most
        :data:`~threadguard.scoring.windows.CHUNK_CHARS` characters
        (:mod:`threadguard.scoring.windows`), and the whole reading covers its first
        MAX_CHARS only. Each attribute takes its highest reading, and spans keep their
        offsets into the whole text, so abuse after a long civil start is still found.
        """
        pieces: list[CommentInput] = []
        owner: list[tuple[int, int]] = []  # (item index, offset of the piece in the text)
        spare: list[CommentInput] = []  # pieces the fast tier alone reads
        spare_owner: list[tuple[int, int]] = []
        covered = self.supported_languages
        for i, it in enumerate(items):
            # the language detected once, for the text and its pieces; a stated one gives
            # way to the one it is plainly written in (mixed_language.written_in)
            language, also = written_in(it.text[:MAX_CHARS], it.language, covered)
            it = replace(it, language=language)
            pieces.append(replace(it, text=it.text[:MAX_CHARS]))
            owner.append((i, 0))
            unread, rest = self._deep_pieces(self._unread(it.text, it.language or "en"))
            spare += [replace(it, text=p) for _, p in rest]
            spare_owner += [(i, o) for o, _ in rest]
            parts = [(o, p, it.language) for o, p in unread]
            parts += other_language_parts(it.text[:MAX_CHARS], it.language, covered)
            parts += [(0, it.text[:MAX_CHARS], also)] if also else []
            for offset, piece, code in parts:
                pieces.append(replace(it, text=piece, language=code))
                owner.append((i, offset))
        scored: list[Analysis] = []
        for start in range(0, len(pieces), BATCH):
            scored.extend(self._analyze_batch(pieces[start : start + BATCH], spans=spans))
        if spare:
            fast = self.with_cascade(replace(self.cascade, tier=Tier.FAST))
            scored += fast.analyze(spare, spans=spans)
            owner += spare_owner
        if len(scored) == len(items):
            return scored
        merged: dict[int, Analysis] = {}
        for (i, offset), a in zip(owner, scored, strict=True):
            if offset > 0:  # a piece: spans moved to their place in the whole text
                a = replace(
                    a,
                    spans=tuple(
                        replace(s, begin=s.begin + offset, end=s.end + offset) for s in a.spans
                    ),
                )
            merged[i] = a if i not in merged else highest_readings(merged[i], a)
        # a text cut at MAX_CHARS has no one canonical text (the matchers make their own)
        return [
            replace(merged[i], canonical=None) if len(items[i].text) > MAX_CHARS else merged[i]
            for i in range(len(items))
        ]

    def _unread(self, text: str, language: str) -> list[tuple[int, str]]:
        """The pieces of ``text`` its first reading did not reach, to read again: for an
        English text the deep tier reads, what lies past its 128 word pieces
        (:mod:`threadguard.scoring.windows`); otherwise (the fast tier alone, or another
        language, read by a fast tier that takes MAX_CHARS at a time) what lies past
        MAX_CHARS, in windows of MAX_CHARS."""
        deep = self.deep is not None and self.cascade.tier != Tier.FAST
        if deep and len(text) > CHUNK_CHARS and language == "en":
            assert self.deep is not None
            return unread_pieces(text, self.deep.chars_read(text[:MAX_CHARS]))
        return [(o, text[o : o + MAX_CHARS]) for o in range(MAX_CHARS, len(text), MAX_CHARS)]

    def _deep_pieces(
        self, unread: list[tuple[int, str]]
    ) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """The unread pieces the cascade reads, and those the fast tier alone reads: past
        :data:`DEEP_PIECES`, the pieces it scores lowest. One comment of 200,000 characters
        with every piece routed deep kept a core busy 12 s (an operator's tryout); the
        fast tier still reads every piece, and its worst go deep."""
        if len(unread) <= DEEP_PIECES or self.deep is None or self.cascade.tier == Tier.FAST:
            return unread, []
        worst = self._fast([normalize_text(p) for _, p in unread])[0][:, self._attr_idx]
        keep = set(np.argsort(-worst.max(axis=1), kind="stable")[:DEEP_PIECES].tolist())
        return (
            [u for k, u in enumerate(unread) if k in keep],
            [u for k, u in enumerate(unread) if k not in keep],
        )

    def head_probabilities(self, items: Sequence[CommentInput]) -> np.ndarray:
        """Calibrated probabilities for every head (attributes and groups), [n, heads].

        What evaluation reads: the same tiers and blending as :meth:`analyze`, before
        targets are filtered.
        """
        if not items:
            return np.zeros((0, len(self.model.heads)), dtype=np.float32)
        parts = [self._score(items[s : s + BATCH]).probs for s in range(0, len(items), BATCH)]
        return np.vstack(parts)

    def _score(self, items: Sequence[CommentInput], *, count: bool = True) -> _Scored:
        """Fast tier on every item, deep tier where the cascade says, blended; then the
        second readings (:data:`threadguard.scoring.second_readings.READINGS`): each
        comment a reading applies to is read again without the words it cuts, and the
        reading's attributes keep the higher or the lower of the two readings; last, a
        reply that only agrees with its parent keeps the higher of its own reading and
        its parent's (:mod:`threadguard.scoring.endorsements`). ``count``: whether the
        routing statistics count these items."""
        scored = self._read(items, count=count)
        if self.cascade.second_readings:
            self._second_readings(items, scored)
        if self.cascade.use_context and self.cascade.endorsements:
            self._endorsements(items, scored)
        return scored

    def _second_readings(self, items: Sequence[CommentInput], scored: _Scored) -> None:
        """Apply :data:`READINGS` to ``scored.probs`` in place."""
        for reading in READINGS:
            if reading.name in self.cascade.readings_off:
                continue
            again = [
                (i, rest)
                for i, text in enumerate(scored.texts)
                if (rest := reading.again(text, items[i].context)) is not None
            ]
            if not again:
                continue
            read = self._read([replace(items[i], text=rest) for i, rest in again], count=False)
            heads = self._reading_heads[reading.name]
            combine = np.maximum if reading.raises else np.minimum
            rows = np.array([i for i, _ in again])[:, None]
            cols = np.array(heads)[None, :]
            second = read.probs[:, heads]
            if reading.floor > 0:  # a raising reading under its floor is no reading of abuse
                second = np.where(second >= reading.floor, second, 0.0)
            scored.probs[rows, cols] = combine(scored.probs[rows, cols], second)

    def _endorsements(self, items: Sequence[CommentInput], scored: _Scored) -> None:
        """Raise, in place, the replies that only agree with a plainly abusive parent to its
        reading on the attributes of abuse and the groups' heads (not a close call's)."""
        agreeing = [
            i for i, it in enumerate(items) if it.parent.strip() and endorses(it.text, it.parent)
        ]
        if not agreeing:
            return
        read = self._score(
            [CommentInput(items[i].parent[:MAX_CHARS]) for i in agreeing], count=False
        )
        heads = read.probs[:, self._attr_idx]
        plain = [plainly_abusive(dict(zip(ATTRIBUTES, p, strict=True))) for p in heads]
        parents = read.probs[np.flatnonzero(plain)][:, self._endorsed_heads]
        rows, cols = np.array(agreeing)[plain][:, None], np.array(self._endorsed_heads)[None, :]
        scored.probs[rows, cols] = np.maximum(scored.probs[rows, cols], parents)

    def _read(self, items: Sequence[CommentInput], *, count: bool = True) -> _Scored:
        """One reading of each item: fast tier, then the deep tier where the cascade says,
        blended. ``count``: whether the routing statistics count it (a second reading of
        a comment is not another comment)."""
        texts = [it.text[:MAX_CHARS] for it in items]
        # Both tiers read the normalised text; normalise once.
        normalised = [normalize_text(t) for t in texts]
        probs, x = self._fast(normalised)
        # No words, no evidence: an empty or symbol-only comment scores 0, not the prior.
        empty = np.asarray(x.getnnz(axis=1)) == 0
        probs[empty] = 0.0
        pieces: dict[int, TokenScores] = {}
        probs = self._deep_tier(items, normalised, probs, empty, pieces, count=count)
        return _Scored(probs, x, texts, normalised, pieces)

    def _fast(self, normalised: Sequence[str]) -> tuple[np.ndarray, sp.csr_matrix]:
        """Fast-tier probabilities of normalised texts, and the feature matrix."""
        x = self.model.featurizer.transform(list(normalised))
        return self.model.calibrate(self.model.margins(x)), x

    def _analyze_batch(self, items: Sequence[CommentInput], *, spans: bool) -> list[Analysis]:
        """Each comment scored by the engine of its language (:meth:`for_language`):
        English and unsupported languages here, as one batch, the others by language."""
        languages = [it.language or detect_language(displayed(it.text)) for it in items]
        groups: dict[Engine, list[int]] = {}
        for i, code in enumerate(languages):
            groups.setdefault(self.for_language(code), []).append(i)
        if len(groups) == 1 and self in groups:
            return self._analyze_own(items, languages, spans=spans)
        out: list[Analysis | None] = [None] * len(items)
        for engine, rows in groups.items():
            analysed = engine._analyze_own(
                [items[i] for i in rows], [languages[i] for i in rows], spans=spans
            )
            for i, a in zip(rows, analysed, strict=True):
                out[i] = a
        return [a for a in out if a is not None]

    def _analyze_own(
        self, items: Sequence[CommentInput], languages: Sequence[str], *, spans: bool
    ) -> list[Analysis]:
        """Score a batch with this engine's own models."""
        scored = self._score(items)
        probs = scored.probs
        attrs = probs[:, self._attr_idx].tolist()
        span_lists = (
            self._spans(scored, [dict(zip(ATTRIBUTES, a, strict=True)) for a in attrs])
            if spans
            else [[] for _ in items]
        )
        targets = batch_targets(probs, self.model.heads, self._group_idx)
        results = []
        for i, it in enumerate(items):
            scores = dict(zip(ATTRIBUTES, attrs[i], strict=True))
            results.append(
                Analysis(
                    id=it.id,
                    scores=scores,
                    targets=targets[i],
                    spans=tuple(span_lists[i]),
                    language=languages[i],
                    model=self.model_version,
                    canonical=(it.text, scored.normalised[i]),
                )
            )
        return results

    def _spans(self, scored: _Scored, scores: list[dict[str, float]]) -> list[list[Span]]:
        """Spans per comment: the deep tier's token head where it read the comment (the
        fast tier's attribution says which attribute each marked span carries), the fast
        tier's attribution elsewhere.

        The deep tier reads at most 128 word pieces: past the last piece it read, a long
        comment keeps the fast tier's spans, so abuse at its end is still marked.
        """
        maps: dict[int, Normalized] = {}
        out = find_spans(
            self.model,
            scored.x,
            scored.texts,
            scored.probs,
            self._attr_idx,
            canonical=scored.normalised,
            maps=maps,
        )
        if scored.pieces and self.deep is not None:
            setting = self.deep.metadata.get("spans", {})
            threshold = float(setting.get("threshold", 0.5))
            # Gate as the fast tier's span finder does unless the deep tier says otherwise.
            min_score = float(setting.get("min_score", SpanSettings.of(self.model).min_score))
            for i, read in scored.pieces.items():
                norm = maps.get(i) or normalize_known(scored.texts[i], scored.normalised[i])
                pieces, covered = whole_words_read(norm.text, read)
                boundary = norm.to_original(covered, covered)[0]
                # Fast-tier spans that reach past what the deep tier read are kept; all of
                # them say which attribute the marked spans carry.
                rest = [s for s in out[i] if s.end > boundary]
                spans = attribute_spans(norm, pieces, scores[i], threshold, min_score, out[i])
                out[i] = one_per_place(spans + rest)
        return out

    def _deep_tier(
        self,
        items: Sequence[CommentInput],
        normalised: Sequence[str],
        fast: np.ndarray,
        empty: np.ndarray,
        pieces: dict[int, TokenScores],
        *,
        count: bool = True,
    ) -> np.ndarray:
        """Blend in the deep tier's scores for the comments the cascade sends there; the
        token head's readings of them go into ``pieces`` (by row). ``count``: whether
        the routing statistics count these comments."""
        c = self.cascade
        if self.deep is None or c.tier == Tier.FAST:
            if count:
                self.routing.add(len(items), 0)
            return fast
        worst: dict[int, WorstSentence] = {}
        if c.route_on_sentences:
            worst = worst_sentences(
                normalised,
                lambda parts: self._fast(parts)[0],
                self._attr_idx,
                longer_than=SENTENCE_ROUTING_CHARS,
            )
        if c.tier == Tier.DEEP:
            chosen = np.flatnonzero(~empty)
        else:
            suspect = fast[:, self._attr_idx].max(axis=1) >= c.deep_from
            if c.use_context and c.route_on_context:
                # A calm reply to an abusive parent ("Exactly, send them all back") is only
                # abusive in context: the fast tier cannot see that, so such replies go deep.
                suspect |= self._context_suspect(items)
            if c.route_on_harm:
                suspect |= np.fromiter(map(names_harm, normalised), bool, len(normalised))
            if c.use_context and c.route_on_group_context:
                named = (context_names_group(it.context) for it in items)
                suspect |= np.fromiter(named, bool, len(items))
            if c.route_on_group_words:
                suspect |= np.fromiter(map(names_group, normalised), bool, len(normalised))
            suspect[list(worst)] = True
            chosen = np.flatnonzero(~empty & suspect)
        if count:
            self.routing.add(len(items), len(chosen))
        if not len(chosen):
            return fast
        picked = [items[int(i)] for i in chosen]
        # The deep tier reads the normalised text too: its word pieces cannot see through
        # "n1gg3r" or "M u s l i m s" (functional suite: 4 of 22 right, 13 of 22 normalised).
        texts = [normalised[int(i)] for i in chosen]
        w = c.deep_weight
        out = fast.copy()
        alone, read_pieces = self.deep.read(texts, [""] * len(texts))
        read = self.deep.calibrate(alone)
        read = cap_to_sentences(read, texts, self._deep_alone, c.sentence_cap, self.deep.heads)
        out[chosen] = w * read + (1.0 - w) * fast[chosen]
        for i, p in zip(chosen, read_pieces, strict=True):
            if p is not None:
                pieces[int(i)] = p
        if c.worst_sentence:  # a comment scores at least what its worst sentence does alone
            out = raise_to_worst(out, worst, chosen, self._deep_alone, w)
        if c.use_context and c.context_shift > 0:
            # Read again with the context; it may move the close calls, and only so far. A
            # comment whose every score is clear alone cannot move: it is not read again.
            movable = context_can_move(out[chosen], c.context_shift)
            has = [i for i, it in enumerate(picked) if movable[i] and it.context.strip()]
            if has:
                rows = chosen[has]
                read = self.deep.predict(
                    [texts[i] for i in has], [normalize_text(picked[i].context) for i in has]
                )
                in_context = w * read + (1.0 - w) * fast[rows]
                keep = spared([(it.text, it.parent) for it in picked], c.spare_addressed)[has]
                out[rows] = bounded_shift(out[rows], in_context, c.context_shift, keep)
        return out

    def _context_suspect(self, items: Sequence[CommentInput]) -> np.ndarray:
        """Which items have a context (parent, else title) that the fast tier finds abusive."""
        contexts = [it.context for it in items]
        out = np.zeros(len(items), dtype=bool)
        has = [i for i, t in enumerate(contexts) if t.strip()]
        if has:
            probs, _ = self._fast([normalize_text(contexts[i]) for i in has])
            out[has] = probs[:, self._attr_idx].max(axis=1) >= self.cascade.deep_from
        return out

    def _deep_alone(self, texts: list[str]) -> np.ndarray:
        """The deep tier's calibrated probabilities of texts read without context."""
        assert self.deep is not None
        return np.asarray(self.deep.calibrate(self.deep.read(texts, [""] * len(texts))[0]))

    # ------------------------------------------------------------------ threads

    def read_names(self, spoken: Spoken, *, spans: bool = True) -> dict[str, Analysis]:
        """User names read as their words, each in its language (scan, uploads, batch)."""
        names = sorted(spoken)
        inputs = [CommentInput(name_as_words(n), language=spoken[n]) for n in names]
        return dict(zip(names, self.analyze(inputs, spans=spans), strict=True)) if names else {}

    def scan(self, thread: Thread, *, authors: bool = True) -> list[ScoredComment]:
        """Analyse every comment of a thread, in reading order, each with its parent's text
        and the thread's title as context, in its stated language; with ``authors``, user
        names too (:meth:`read_names`, each in its author's first comment's language)."""
        by_id = thread.by_id()
        items = [
            CommentInput(
                c.text,
                id=c.id,
                parent=by_id[c.parent].text if c.parent and c.parent in by_id else "",
                title=thread.title,
                language=c.language,
            )
            for c in thread.comments
        ]
        analyses = self.analyze(items)
        spoken = first_languages(
            (c.author for c in thread.comments), (a.language for a in analyses)
        )
        author_scores = self.read_names(spoken) if authors else {}
        return [
            ScoredComment(c, a, author_scores.get(c.author))
            for c, a in zip(thread.comments, analyses, strict=True)
        ]
