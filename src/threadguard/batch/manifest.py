"""``manifest.json``: what a batch job read, with what, and what came out.

The manifest names every input with its SHA-256, the models (their tags and a hash of
their files), the policy (its text and hash) and the settings. Together these are the
job's *identity*: a rerun into the same folder resumes only when its identity is the
same, since partitions scored by another model, under another policy or from another
version of an input must not be mixed with new ones. ``--restart`` starts over instead.
The counts are filled in when the job completes, with the first 100 input problems;
every one of them is in ``problems.jsonl`` (``problems_file``) beside the manifest. An
input read only in part (a truncated export) is marked ``partly_read`` (where and why)
and counted in ``partly_read_files``; ``repaired`` names the partitions of an earlier run
that could not be read back and were scored again (``repaired_partitions``).

A rerun reads the earlier manifest back, and its identity fields are checked there, once
(:class:`_Identity`): one of the wrong type (edited by hand, or written by something else)
is refused naming the file and the field, where it was a Python type error naming
neither.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, StrictStr, ValidationError

from threadguard import __version__
from threadguard.batch.inputs import InputFile
from threadguard.batch.output import PROBLEMS, atomic_write
from threadguard.json_fields import json_field_problem
from threadguard.schema import Tier
from threadguard.scoring.registry import model_folders

FORMAT = "threadguard-batch/1"
#: The keys that make up a job's identity.
IDENTITY = ("inputs", "model", "models", "policy", "settings")


class ManifestError(ValueError):
    """An earlier manifest that cannot be compared with this job: not a JSON object, or a
    field of its identity of the wrong type; ``str()`` names the file and the field."""


def _absent() -> Any:
    """A field an older manifest may leave out (each comparison says so), but that may
    not be null or of another type."""
    return Field(default=None)


class _Input(BaseModel):
    path: StrictStr
    sha256: StrictStr = _absent()


class _Policy(BaseModel):
    sha256: StrictStr = _absent()


class _Identity(BaseModel):
    """What a rerun reads of an earlier manifest: its identity, and when it started."""

    inputs: list[_Input] = _absent()
    model: StrictStr = _absent()
    models: dict[str, StrictStr] = _absent()
    policy: _Policy = _absent()
    settings: dict[str, Any] = _absent()
    started_at: StrictStr = _absent()


def folder_sha256(folder: Path) -> str:
    """A hash of every file in a model folder (names and contents)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def models_used(model_dir: Path | None, tier: Tier) -> dict[str, str]:
    """The hash of each model folder the job scores with (the deep one unless fast), by
    tier: ``--model`` may name either tier's folder (:func:`model_folders`, as the engine
    reads it)."""
    fast, deep = model_folders(model_dir, None, tier)
    used = {"fast": folder_sha256(fast)}
    if deep is not None and (deep / "model.json").is_file():
        used["deep"] = folder_sha256(deep)
    return used


#: The options that set a setting, where its name is not the option's.
_OPTIONS = {"partition_comments": "--partition-size", "use_context": "--context/--no-context"}


def _settings_changed(now: dict[str, Any], before: object) -> str:
    """Which settings differ from an earlier job's, each with both values."""
    if not isinstance(before, dict):
        return "the settings differ (the earlier job recorded none)"
    changed = []
    for key in sorted(set(now) | set(before), key=str):
        if now.get(key) != before.get(key):
            name = _OPTIONS.get(key, key)
            changed.append(
                f"{name} was {before.get(key, '(unset)')}, now {now.get(key, '(unset)')}"
            )
    return "the settings differ: " + ", ".join(changed)


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Manifest:
    """A manifest document (``data``) and how to compare and save it."""

    data: dict[str, Any]

    @classmethod
    def new(
        cls,
        inputs: list[InputFile],
        model: str,
        models: dict[str, str],
        policy_text: str,
        policy_source: str,
        settings: dict[str, Any],
    ) -> Manifest:
        return cls(
            {
                "format": FORMAT,
                "threadguard": __version__,
                "status": "running",
                "started_at": now(),
                "inputs": [i.to_json() for i in inputs],
                "model": model,
                "models": models,
                "policy": {
                    "source": policy_source,
                    "sha256": hashlib.sha256(policy_text.encode("utf-8")).hexdigest(),
                    "text": policy_text,
                },
                "settings": settings,
            }
        )

    @classmethod
    def load(cls, path: Path) -> Manifest | None:
        """The manifest at ``path``; None where there is none, or it is no JSON.
        :class:`ManifestError` when it is no JSON object, or a field of its identity is
        of the wrong type."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            raise ManifestError(f"{path}: not a JSON object")
        try:
            _Identity.model_validate(data)
        except ValidationError as exc:
            raise ManifestError(f"{path}: {json_field_problem(exc)}") from None
        return cls(data)

    def differences(self, other: Manifest) -> list[str]:
        """What differs in identity between this job and ``other`` (an earlier one)."""
        found = []
        ours, theirs = self.data, other.data
        mine = [(i["path"], i["sha256"]) for i in ours["inputs"]]
        before = [(i["path"], i.get("sha256")) for i in theirs.get("inputs", [])]
        if [p for p, _ in mine] != [p for p, _ in before]:
            found.append("the inputs are not the same files")
        else:
            found += [
                f"{p} changed since"
                for (p, h), (_, h0) in zip(mine, before, strict=True)
                if h != h0
            ]
        if ours["model"] != theirs.get("model") or ours["models"] != theirs.get("models"):
            found.append(f"the model differs ({theirs.get('model')} before)")
        if ours["policy"]["sha256"] != theirs.get("policy", {}).get("sha256"):
            found.append("the policy differs")
        settings = theirs.get("settings")
        if ours["settings"] != settings:
            found.append(_settings_changed(ours["settings"], settings))
        return found

    def finished(
        self,
        counts: dict[str, int],
        problems: list[str],
        *,
        partly_read: Mapping[str, str] | None = None,
        repaired: Mapping[str, str] | None = None,
    ) -> Manifest:
        """The manifest of the completed job: its counts and first problems; each input
        read only in part (``partly_read``: by path, where and why) says so in its
        ``partly_read``, as one not read at all has its ``error``; ``repaired`` lists
        the partitions an earlier run wrote that this run found damaged and scored
        again (their names, and what was wrong)."""
        partly_read = partly_read or {}
        inputs = [
            {**entry, "partly_read": partly_read[entry["path"]]}
            if entry.get("path") in partly_read
            else entry
            for entry in self.data["inputs"]
        ]
        data = {**self.data, "status": "complete", "finished_at": now(), "inputs": inputs}
        listed = {"problems": problems, "problems_file": PROBLEMS}
        fixed = [{"partition": n, "problem": why} for n, why in (repaired or {}).items()]
        return Manifest({**data, "counts": counts, **listed, "repaired": fixed})

    def save(self, path: Path) -> None:
        text = json.dumps(self.data, ensure_ascii=False, indent=2) + "\n"
        atomic_write(path, text.encode("utf-8"))
