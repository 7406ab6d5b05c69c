"""Peers: other installable moderation models, run here on exactly the rows ThreadGuard sees.

A published figure was measured on someone else's split, with someone else's
preprocessing; a peer run in the same process on the same rows is the one comparison
nobody can argue with. The two peers are the ones sites actually ``pip install``:

``alt-profanity-check``
    A linear SVM on TF-IDF n-grams (``from profanity_check import predict_prob``),
    trained on Davidson et al.'s tweets and Jigsaw's Wikipedia toxic comments. One
    probability, "offensive": it is mapped to ``toxicity`` and to ``profanity``, which is
    what its name promises.
``hatesonar``
    Logistic regression on TF-IDF, exported to ONNX (``Sonar().ping(text)``), trained on
    70% of Davidson et al. Three classes, the same as Davidson's: ``hate_speech`` maps to
    ``identity_attack``; ``hate_speech + offensive_language`` (= 1 - neither) maps to
    ``toxicity``. Its ONNX string normaliser needs the ``en_US.UTF-8`` locale, which a
    fresh machine lacks: ``make peers`` generates it with ``localedef``.

Both saw Davidson's data in training, so their Davidson figures are in-sample; the
report says so. A peer that cannot be imported or started is reported as unavailable
with the reason, never scored with made-up numbers. Neither package is patched.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

Scores = dict[str, np.ndarray]
ScoreFn = Callable[[Sequence[str]], Scores]

PROFANITY_CHECK = "alt-profanity-check"
HATESONAR = "hatesonar"
PEER_NAMES: tuple[str, ...] = (PROFANITY_CHECK, HATESONAR)

#: What each peer was trained on, for the report's footnotes.
PEER_NOTES: dict[str, str] = {
    PROFANITY_CHECK: (
        "linear SVM on TF-IDF, trained on Davidson et al. 2017 and Jigsaw Wikipedia "
        "toxic comments (its Davidson and CAT-LARGE figures may be in-sample)"
    ),
    HATESONAR: (
        "TF-IDF + logistic regression (ONNX), trained on 70% of Davidson et al. 2017 "
        "(its Davidson figures are largely in-sample)"
    ),
}

#: Which of our attributes each peer's output stands for (see the module docstring).
PEER_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    PROFANITY_CHECK: ("toxicity", "profanity"),
    HATESONAR: ("toxicity", "identity_attack"),
}


@dataclass(frozen=True)
class Peer:
    """A peer model: a scorer over texts, or the reason it cannot run here."""

    name: str
    score: ScoreFn | None
    reason: str = ""

    @property
    def available(self) -> bool:
        return self.score is not None


def map_profanity_check(probabilities: Sequence[float] | np.ndarray) -> Scores:
    """profanity-check's one "offensive" probability, as toxicity and profanity."""
    p = np.asarray(probabilities, dtype=np.float64).reshape(-1)
    return {"toxicity": p, "profanity": p.copy()}


def map_hatesonar(results: Sequence[Mapping[str, Any]]) -> Scores:
    """hatesonar's ``ping`` results as identity_attack (hate) and toxicity (hate + offensive).

    Reads the class names rather than positions, so a reordering of its classes cannot
    silently swap hate and offence.
    """
    hate = np.zeros(len(results), dtype=np.float64)
    offensive = np.zeros(len(results), dtype=np.float64)
    for i, result in enumerate(results):
        by_name = {c["class_name"]: float(c["confidence"]) for c in result["classes"]}
        hate[i] = by_name["hate_speech"]
        offensive[i] = by_name["offensive_language"]
    return {"identity_attack": hate, "toxicity": np.clip(hate + offensive, 0.0, 1.0)}


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    detail = text[0] if text else ""
    return f"{type(exc).__name__}: {detail}"[:200]


def load_profanity_check() -> Peer:
    """alt-profanity-check, or why it is unavailable."""
    try:
        from profanity_check import predict_prob
    except Exception as exc:  # ImportError, or a model that fails to unpickle
        return Peer(PROFANITY_CHECK, None, f"not importable ({_first_line(exc)}); run `make peers`")

    def score(texts: Sequence[str]) -> Scores:
        if not texts:
            return map_profanity_check([])
        return map_profanity_check(predict_prob(list(texts)))

    try:
        score(["a smoke test"])
    except Exception as exc:
        return Peer(PROFANITY_CHECK, None, f"fails to run ({_first_line(exc)})")
    return Peer(PROFANITY_CHECK, score)


def load_hatesonar() -> Peer:
    """hatesonar, or why it is unavailable (usually the missing en_US.UTF-8 locale)."""
    try:
        from hatesonar import Sonar
    except Exception as exc:
        return Peer(HATESONAR, None, f"not importable ({_first_line(exc)}); run `make peers`")
    try:
        sonar = Sonar()
    except Exception as exc:
        reason = _first_line(exc)
        if "locale" in str(exc).lower():
            reason = (
                "cannot start: the en_US.UTF-8 locale is missing "
                "(`localedef -i en_US -f UTF-8 en_US.UTF-8`, or `make peers`)"
            )
        return Peer(HATESONAR, None, reason)

    def score(texts: Sequence[str]) -> Scores:
        return map_hatesonar([sonar.ping(t) for t in texts])

    return Peer(HATESONAR, score)


_LOADERS: dict[str, Callable[[], Peer]] = {
    PROFANITY_CHECK: load_profanity_check,
    HATESONAR: load_hatesonar,
}


def load_peers(names: Sequence[str] = PEER_NAMES) -> list[Peer]:
    """Every named peer, available or not (the report lists both kinds)."""
    unknown = [n for n in names if n not in _LOADERS]
    if unknown:
        raise ValueError(f"unknown peer(s): {', '.join(unknown)}")
    return [_LOADERS[n]() for n in names]
