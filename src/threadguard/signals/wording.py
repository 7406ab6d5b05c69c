"""Pieces of the plain-English sentences every signal carries as its ``explanation``."""

from __future__ import annotations

from collections.abc import Sequence


def counted(n: int, noun: str, plural: str = "") -> str:
    """ "1 comment", "3 comments"."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def named(name: str) -> str:
    """An author name fit for a sentence: quoted when it is itself a sentence.

    Thread dumps put whole sentences where names go ("Thanks for posting this."), and
    "Thanks for posting this. wrote 1 comment" would read as two sentences.
    """
    if not name:
        return "(no name)"
    if name[-1] in ".!?:;," or len(name.split()) > 4:
        return f"“{name}”"
    return name


def joined_names(names: Sequence[str]) -> str:
    """Names joined for a sentence: "a", "a and b", "a, b and c"."""
    shown = [named(n) for n in names]
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]
