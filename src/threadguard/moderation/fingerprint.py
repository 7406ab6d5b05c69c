"""Which server policy a decision was made under: the policy's source and a short hash.

A server decides every comment under its own policy (``serve --policy FILE``, else the
built-in one), with each site's stored document on top. ``threadguard db rescore`` decides
stored comments again under the policy *it* is given, and nothing tied the two: run
without the server's ``--policy``, it silently decided every comment under the built-in
policy while the server went on deciding new ones under the site's file. So each stored
policy decision keeps the :class:`PolicyStamp` of the server policy it was made under (in
its ``details``), and a rescore compares its own stamp with the stored ones before it
writes (:func:`threadguard.service.rescore.policy_drift`).

The hash is of the document as read (its parsed tables and keys, in a canonical JSON
form), so a comment or a blank line added to the file changes nothing, and a copy of a
file elsewhere hashes the same as the file. A site's own document is not in it: site
policies are versioned in the store already.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from threadguard.moderation.policy import Policy

#: The source a stamp names for the built-in policy.
BUILT_IN = "built-in"
#: Hex digits of the SHA-256 kept: enough to tell two policies apart, short to read.
SHA_DIGITS = 12


@dataclass(frozen=True)
class PolicyStamp:
    """A server policy as a stored decision names it: where it was read from (the file
    given to ``--policy`` as given, or ``built-in``) and the start of its SHA-256."""

    source: str
    sha256: str

    @property
    def builtin(self) -> bool:
        return self.source == BUILT_IN

    def named(self) -> str:
        """The policy in a sentence: "the built-in policy", "the server policy FILE"."""
        if self.builtin:
            return "the built-in policy"
        return f"the server policy {self.source}"

    def to_json(self) -> dict[str, str]:
        return {"source": self.source, "sha256": self.sha256}

    @classmethod
    def from_json(cls, value: object) -> PolicyStamp | None:
        """The stamp a stored decision keeps, or None for none (or one that cannot be read:
        a decision stored before stamps were kept has none)."""
        if not isinstance(value, Mapping):
            return None
        source, sha = value.get("source"), value.get("sha256")
        if not isinstance(source, str) or not isinstance(sha, str) or not sha:
            return None
        return cls(source, sha)


def policy_sha256(policy: Policy) -> str:
    """The first :data:`SHA_DIGITS` hex digits of the SHA-256 of the policy's document
    as read (canonical JSON of its tables and keys)."""
    document = json.dumps(
        policy.raw, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=_text
    )
    digest = hashlib.sha256(document.encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:SHA_DIGITS]


def stamp_of(policy: Policy) -> PolicyStamp:
    """The stamp of a server policy (:func:`~threadguard.moderation.policy.load_policy`'s),
    its file named by its absolute path: a path as given to ``serve`` was relative to
    where it ran, and a rescore's hint to pass it failed anywhere else (a review)."""
    if policy.builtin:
        return PolicyStamp(BUILT_IN, policy_sha256(policy))
    return PolicyStamp(str(Path(policy.source).resolve()), policy_sha256(policy))


def _text(value: Any) -> str:
    """A TOML value JSON has no type for (a date or time) as its ISO text."""
    return str(value.isoformat()) if hasattr(value, "isoformat") else str(value)
