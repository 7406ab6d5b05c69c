"""The figures of a report, read from a batch output folder with Arrow.

Everything is computed column-wise (Arrow's group-by and compute functions) over the
columns a figure needs; comment texts are read only for the few comments the report
quotes. *Hostility* is a comment's highest harm score (what the thread signals call
abuse: :data:`HARM_ATTRIBUTES`); a comment is *hostile* at 0.5 or more, about even odds
that a person would label it so. *Held* counts comments held for review or rejected for
what they say: what a moderator had to see. A comment held only because no model reads
its language (``language ja is not supported``) is counted apart, as *language held*: it
says nothing of abuse, and the thread signals leave it out of a thread's held share too
(mixed in, a report held 14% more "abuse" than there was, and a thread's two figures
disagreed).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, overload

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from pydantic import BaseModel, Field, StrictInt, StrictStr, ValidationError

from threadguard.json_fields import json_field_problem
from threadguard.report.policy import PolicySummary, summarize_policy
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.signals import DEFAULT_SETTINGS

#: A comment at or above this hostility (highest harm score) counts as hostile.
HOSTILE = 0.5
#: An attribute counts for a comment at or above this score.
PRESENT = 0.5
FLAGGED = [Verdict.HOLD.value, Verdict.REJECT.value]
#: The attributes whose highest score is a comment's hostility.
HARM_ATTRIBUTES = DEFAULT_SETTINGS.abuse_attributes
#: A comment's reasons when it was held only because its language is not supported
#: (``moderation.phases.language``'s reason, one or more times, and nothing else).
LANGUAGE_ONLY = r"^(?:language \S+ is not supported\n)*language \S+ is not supported$"
#: The most periods the timeline shows: more months are grouped by quarter, then by year.
MAX_PERIODS = 36


class ReportError(ValueError):
    """A folder that is not a batch output (the message says what is missing), or one
    with a partition that cannot be read (the message names it), or a report that cannot
    be written: ``failure`` when that is no fault of the command line's (a full disk, no
    permission), as for every file a command writes."""

    def __init__(self, message: str, *, failure: bool = False) -> None:
        super().__init__(message)
        self.failure = failure


def _absent() -> Any:
    """A field the manifest may leave out (``read_report`` reads the figures without it;
    a batch always writes it), but that may not be null or of another type."""
    return Field(default=None)


class _ShownInput(BaseModel):
    path: StrictStr = _absent()
    kind: StrictStr = _absent()
    bytes: StrictInt = _absent()
    sha256: StrictStr = _absent()


class _ShownPolicy(BaseModel):
    source: StrictStr = _absent()
    sha256: StrictStr = _absent()
    text: StrictStr = _absent()


class _ShownManifest(BaseModel):
    """The fields of a batch's manifest the page shows, checked before it is drawn: one
    of the wrong type (a string for the size of an input, null for the policy) ended the
    command in a template's type error naming neither the file nor the field. The counts
    are read leniently instead (:class:`_ManifestCount`)."""

    model: StrictStr = _absent()
    models: dict[str, StrictStr] = _absent()
    policy: _ShownPolicy = _absent()
    settings: dict[str, Any] = _absent()
    inputs: list[_ShownInput] = _absent()
    status: StrictStr = _absent()
    started_at: StrictStr = _absent()
    finished_at: StrictStr = _absent()
    threadguard: StrictStr = _absent()
    problems_file: StrictStr = _absent()


#: What to do about a partition that cannot be read: the batch scores it again.
_REPAIR = (
    "run the same `threadguard batch` command again to repair it: it scores this "
    "partition again from its input and keeps the others"
)
#: Arrow's preamble to why a file cannot be read, which names the file again.
_OPEN_FAILED = re.compile(r"^Could not open Parquet input source '.*?': ", re.DOTALL)


def _unreadable(path: Path, why: BaseException) -> ReportError:
    reason = _OPEN_FAILED.sub("", str(why)).strip() or type(why).__name__
    return ReportError(f"{path}: this partition cannot be read ({reason}); {_REPAIR}")


def _part_files(root: Path) -> list[Path]:
    return [p for folder in ("comments", "threads") for p in _part_paths(root, folder)]


def _part_paths(root: Path, folder: str) -> list[Path]:
    return sorted((root / folder).glob("part-*.parquet"))


def _check_footers(root: Path) -> None:
    """A :class:`ReportError` naming the first partition file whose footer cannot be read
    (cut short, overwritten): Arrow's own error named neither what to do nor, at times,
    the file."""
    for path in _part_files(root):
        try:
            pq.read_metadata(path)
        except (OSError, pa.ArrowException) as exc:
            raise _unreadable(path, exc) from None


def _damage(root: Path, exc: BaseException) -> ReportError:
    """The error for a read that failed past the footers (a bad block inside a file):
    the file is found by reading each whole, its pages' checksums checked."""
    for path in _part_files(root):
        try:
            pq.read_table(path, page_checksum_verification=True)
        except (OSError, pa.ArrowException) as found:
            return _unreadable(path, found)
    return ReportError(f"{root}: the partitions cannot be read ({exc}); {_REPAIR}")


@dataclass
class Row:
    """One line of a table or one bar of a chart."""

    label: str
    comments: int
    hostile: int = 0
    held: int = 0
    rejected: int = 0
    extra: dict[str, Any] = field(default_factory=dict)
    #: Held only because the language is not supported (not in ``held``).
    language_held: int = 0

    @property
    def hostile_share(self) -> float:
        return self.hostile / self.comments if self.comments else 0.0

    @property
    def held_share(self) -> float:
        return self.held / self.comments if self.comments else 0.0


@dataclass
class ReplyNode:
    """A comment of a heated thread, with its replies."""

    id: str
    author: str
    text: str
    decision: str
    hostility: float
    replies: list[ReplyNode] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    #: Held only because its language is not supported: shown plainly, not blurred.
    language_held: bool = False


@dataclass
class HeatedThread:
    title: str
    thread_id: str
    comments: int
    held: int
    explanation: str
    tree: list[ReplyNode]
    #: Comments in ``tree`` (the first ones of a long thread), and those held only for
    #: their language (not in ``held``).
    shown: int = 0
    language_held: int = 0


@dataclass
class Example:
    attribute: str
    score: float
    text: str
    author: str
    thread_title: str
    decision: str
    reasons: list[str] = field(default_factory=list)


class _ManifestCount:
    """One of the counts the batch wrote in its manifest's ``counts``, read on a
    :class:`ReportData` as a whole number: 0 where the manifest has none, or has something
    else there (a folder from an older batch, or a manifest edited by hand). The page's
    note on the input names five of them; they are read alike, so one reader serves all."""

    def __init__(self, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, data: None, owner: type | None = None) -> _ManifestCount: ...
    @overload
    def __get__(self, data: ReportData, owner: type | None = None) -> int: ...
    def __get__(self, data: ReportData | None, owner: type | None = None) -> int | _ManifestCount:
        if data is None:  # read on the class (help(), documentation tools)
            return self
        counts = data.manifest.get("counts")
        value = counts.get(self.name, 0) if isinstance(counts, dict) else 0
        return value if isinstance(value, int) and not isinstance(value, bool) else 0


@dataclass
class ReportData:
    """Every figure of the report."""

    manifest: dict[str, Any]
    totals: Row
    decisions: dict[str, int]
    period: str  # "day", "month", "quarter" or "year"
    over_time: list[Row]
    undated: int
    articles: list[Row]
    attributes: list[Row]
    groups: list[Row]
    heated: list[HeatedThread]
    authors: list[Row]
    examples: dict[str, list[Example]]
    policy: PolicySummary | None = None

    #: Problems the batch met in its input (every one is in ``problems.jsonl``).
    input_problems = _ManifestCount("problems")
    #: Comments, lines or rows of the input that a problem left out of the figures.
    left_out = _ManifestCount("left_out")
    #: Inputs that could not be read at all.
    unread_files = _ManifestCount("unread_files")
    #: Inputs read only in part (a truncated export): what followed the break is lost.
    partly_read_files = _ManifestCount("partly_read_files")
    #: Comments with no text (deleted posts, empty fields): left out of the figures.
    no_text = _ManifestCount("no_text")
    #: Comments whose date is no ISO 8601 date (``01/02/2019``): kept, undated here.
    odd_dates = _ManifestCount("odd_dates")

    @property
    def unfinished(self) -> bool:
        """Whether the batch had not finished (interrupted, or still running): then the
        figures cover only the partitions written so far, and the page says so."""
        return self.manifest.get("status") != "complete"


@lru_cache(maxsize=4)
def _unified(files: tuple[tuple[str, int], ...]) -> pa.Schema:
    """The union of the partitions' schemas, read once per set of files (a report reads
    the comments some ten times)."""
    return pa.unify_schemas([pq.read_schema(f) for f, _ in files])


def _parts(root: Path, folder: str) -> ds.Dataset:
    """The batch's own partition files in ``folder`` (``part-NNNNNN.parquet``): other
    files a user keeps there are no part of the batch."""
    paths = _part_paths(root, folder)
    files = [str(p) for p in paths]
    # the batch writes each page with its checksum: a bad block is an error, not figures
    checked = ds.ParquetFragmentScanOptions(page_checksum_verification=True)
    # every partition's fields (a batch resumed across an upgrade holds partitions with and
    # without `targets.inferred`: read by the first file's schema, the field was dropped)
    schema = _unified(tuple((str(p), p.stat().st_mtime_ns) for p in paths)) if paths else None
    fmt = ds.ParquetFileFormat(default_fragment_scan_options=checked)
    return ds.dataset(files, schema=schema, format=fmt)


def _table(root: Path, columns: list[str], flt: Any = None) -> pa.Table:
    return _parts(root, "comments").to_table(columns=columns, filter=flt)


def _base(root: Path) -> pa.Table:
    """The columns every figure needs, with ``hostility``, ``hostile`` and ``held`` added."""
    columns = ["id", "thread_id", "thread_title", "author", "created_at", "decision", "reasons"]
    table = _table(root, columns + list(ATTRIBUTES))
    harm = [table.column(a) for a in HARM_ATTRIBUTES]
    hostility = pc.max_element_wise(*harm) if len(harm) > 1 else harm[0]
    decision = table.column("decision")
    table = table.append_column("hostility", hostility)
    table = table.append_column(
        "hostile", pc.cast(pc.greater_equal(hostility, HOSTILE), pa.int64())
    )
    language = _language_held(table)
    flagged = pc.and_(pc.is_in(decision, pa.array(FLAGGED)), pc.invert(language))
    table = table.append_column("held", pc.cast(flagged, pa.int64()))
    table = table.append_column("language_held", pc.cast(language, pa.int64()))
    rejected = pc.cast(pc.equal(decision, Verdict.REJECT.value), pa.int64())
    article = pc.if_else(
        pc.equal(table.column("thread_id"), ""),
        table.column("thread_title"),
        table.column("thread_id"),
    )
    return table.append_column("rejected", rejected).append_column("article", article)


def _language_held(table: pa.Table) -> pa.ChunkedArray:
    """Whether each comment was held (or rejected) only because its language is not
    supported."""
    joined = pc.fill_null(pc.binary_join(table.column("reasons"), "\n"), "")
    only = pc.match_substring_regex(joined, LANGUAGE_ONLY)
    # held or rejected, as the thread signals' is_flagged reads it (a policy may reject
    # what it cannot read)
    return pc.and_(pc.is_in(table.column("decision"), pa.array(FLAGGED)), only)


def _rows(table: pa.Table, key: str, label: str | None = None) -> list[Row]:
    """Comments, hostile, held, rejected (and language held) counts per value of ``key``."""
    keys = [key] if label is None or label == key else [key, label]
    sums = ["hostile", "held", "rejected"]
    if "language_held" in table.column_names:
        sums.append("language_held")
    grouped = table.group_by(keys).aggregate([("id", "count"), *[(c, "sum") for c in sums]])
    return [
        Row(
            # a thread with an id and no title (a CSV's thread_id column) is named by its id
            str(r[label or key] or r[key] or "(none)"),
            r["id_count"],
            r["hostile_sum"],
            r["held_sum"],
            r["rejected_sum"],
            {"key": r[key]},
            r.get("language_held_sum", 0),
        )
        for r in grouped.to_pylist()
    ]


#: An ISO date whose year, month and day can be (1970 to 2099).
REAL_DATE = r"^(?:19[7-9]\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"


def _over_time(table: pa.Table) -> tuple[str, list[Row], int]:
    # a real date only: "0000-00-00" and "2019-13-45" were charted as months
    dated = table.filter(pc.match_substring_regex(table.column("created_at"), REAL_DATE))
    undated = table.num_rows - dated.num_rows
    if not dated.num_rows:
        return "month", [], undated
    days = pc.utf8_slice_codeunits(dated.column("created_at"), 0, 10)
    span = pc.min_max(days).as_py()
    months = pc.utf8_slice_codeunits(days, 0, 7)
    by_day = span["min"][:7] == span["max"][:7]
    period = "day" if by_day else "month"
    dated = dated.append_column("period", days if by_day else months)
    rows = sorted(_rows(dated, "period"), key=lambda r: r.label)
    if by_day:
        return period, rows, undated
    # 168 monthly bars (a 15-year archive) were a chart 3,704 pixels tall: beyond three
    # years of months the periods are quarters, beyond nine years of quarters years
    first, last = (int(span[k][:4]) * 12 + int(span[k][5:7]) for k in ("min", "max"))
    if last - first + 1 > MAX_PERIODS:
        period = "quarter" if (last - first) // 3 + 1 <= MAX_PERIODS else "year"
        rows = _merged(rows, _quarter if period == "quarter" else lambda m: m[:4])
    return period, rows, undated


def _quarter(month: str) -> str:
    """``2019-05`` as its quarter, ``2019-Q2``."""
    return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"


def _merged(rows: list[Row], key: Any) -> list[Row]:
    """``rows`` (in label order) summed by ``key(label)``, in the same order."""
    out: dict[str, Row] = {}
    for r in rows:
        into = out.setdefault(key(r.label), Row(key(r.label), 0))
        into.comments += r.comments
        into.hostile += r.hostile
        into.held += r.held
        into.rejected += r.rejected
        into.language_held += r.language_held
    return list(out.values())


def _groups(root: Path) -> list[Row]:
    """The groups comments attack as the models and the lists name them, most first: not
    those the moderator only inferred from a comment's words or its thread (desk 69,
    session 50: a civil rebuttal was counted as attacking "asians"). A batch written before
    targets said so counts every group."""
    targets = _table(root, ["targets"]).column("targets")
    flat = pc.list_flatten(targets)
    if len(flat) and "inferred" in {f.name for f in flat.type}:
        flat = flat.filter(pc.invert(pc.fill_null(pc.struct_field(flat, "inferred"), False)))
    if not len(flat):
        return []
    counts = pc.value_counts(pc.struct_field(flat, "group")).to_pylist()
    rows = [Row(c["values"], c["counts"]) for c in counts]
    return sorted(rows, key=lambda r: -r.comments)


#: Candidates read per attribute for its examples, so that repeated texts can be passed over.
_CANDIDATES = 100


def _texts(root: Path, keys: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The text and reasons of the comments ``keys`` name (thread id, id)."""
    if not keys:
        return {}
    flt = pc.field("id").isin(list({k["id"] for k in keys}))
    rows = _table(root, ["thread_id", "id", "text", "reasons"], flt).to_pylist()
    return {(r["thread_id"], r["id"]): r for r in rows}


def _examples(root: Path, table: pa.Table, per_attribute: int) -> dict[str, list[Example]]:
    """The highest-scoring comments per attribute, each text once (an archive's repeated
    comment was shown three times in one list), none held only for its language (its
    scores were not read)."""
    scored = table.filter(pc.equal(table.column("language_held"), 0))
    picked: dict[str, list[int]] = {}
    for attribute in ATTRIBUTES:
        scores = scored.column(attribute)
        indices = pc.array_sort_indices(scores, order="descending")
        top = indices[: per_attribute * _CANDIDATES].to_pylist()
        picked[attribute] = [i for i in top if scores[i].as_py() >= PRESENT]
    wanted = sorted({i for ids in picked.values() for i in ids})
    keys = scored.select(["thread_id", "id"]).take(pa.array(wanted, pa.int64())).to_pylist()
    texts = _texts(root, keys)
    out: dict[str, list[Example]] = {}
    for attribute, indices in picked.items():
        rows = scored.take(pa.array(indices, pa.int64())).to_pylist()
        seen: set[str] = set()
        out[attribute] = []
        for r in rows:
            found = texts.get((r["thread_id"], r["id"]), {})
            text = found.get("text") or ""
            if text in seen:
                continue
            seen.add(text)
            out[attribute].append(
                Example(
                    attribute,
                    r[attribute],
                    text,
                    r["author"],
                    r["thread_title"],
                    r["decision"],
                    list(found.get("reasons") or []),
                )
            )
            if len(out[attribute]) == per_attribute:
                break
    return out


def _tree(rows: list[dict[str, Any]]) -> list[ReplyNode]:
    nodes = {
        r["id"]: ReplyNode(
            r["id"],
            r["author"] or "",
            r["text"] or "",
            r["decision"],
            r["hostility"],
            reasons=list(r["reasons"] or []),
            language_held=bool(r["language_held"]),
        )
        for r in rows
    }
    roots: list[ReplyNode] = []
    for r in rows:
        parent = nodes.get(r["parent_id"]) if r["parent_id"] else None
        (parent.replies if parent is not None else roots).append(nodes[r["id"]])
    return roots


def _heated(root: Path, base: pa.Table, count: int, max_comments: int) -> list[HeatedThread]:
    """The threads with the most comments held or rejected for what they say (a thread's
    language holds are counted apart, as its signals count them), each with its first
    ``max_comments`` comments as a tree."""
    threads = base.group_by(["thread_id", "thread_title"]).aggregate(
        [("id", "count"), ("held", "sum"), ("language_held", "sum")]
    )
    threads = threads.filter(pc.greater(threads.column("held_sum"), 0))
    threads = threads.sort_by([("held_sum", "descending"), ("id_count", "descending")])
    signals = _parts(root, "threads").to_table(columns=["thread_id", "thread_title", "signals"])
    explained = {(r["thread_id"], r["thread_title"]): r["signals"] for r in signals.to_pylist()}
    out = []
    for t in threads.slice(0, count).to_pylist():
        flt = (pc.field("thread_id") == t["thread_id"]) & (
            pc.field("thread_title") == t["thread_title"]
        )
        columns = ["id", "parent_id", "author", "text", "decision", "reasons", *HARM_ATTRIBUTES]
        table = _table(root, columns, flt).slice(0, max_comments)
        harm = [table.column(a) for a in HARM_ATTRIBUTES]
        table = table.append_column("hostility", pc.max_element_wise(*harm))
        table = table.append_column("language_held", _language_held(table))
        signal = explained.get((t["thread_id"], t["thread_title"])) or "{}"
        health = json.loads(signal).get("health", {})
        out.append(
            HeatedThread(
                t["thread_title"] or t["thread_id"] or "(untitled)",
                t["thread_id"],
                t["id_count"],
                t["held_sum"],
                health.get("explanation", ""),
                _tree(table.to_pylist()),
                shown=table.num_rows,
                language_held=t["language_held_sum"],
            )
        )
    return out


def _totals(table: pa.Table) -> Row:
    def total(column: str) -> int:
        return int(pc.sum(table.column(column)).as_py() or 0)

    return Row(
        "all",
        table.num_rows,
        total("hostile"),
        total("held"),
        total("rejected"),
        language_held=total("language_held"),
    )


#: The decisions chart's bar for comments held only because no model reads their language:
#: apart from "hold", as every other figure counts them (a review found the chart saying
#: "hold: 3" where the page said two of them were counted apart).
LANGUAGE_BAR = "held: language not supported"


def _decisions(table: pa.Table) -> dict[str, int]:
    decisions = {v.value: 0 for v in Verdict}
    if "language_held" in table.column_names:
        apart = pc.equal(table.column("language_held"), 1)
        decisions[LANGUAGE_BAR] = pc.sum(pc.cast(apart, pa.int64())).as_py() or 0
        table = table.filter(pc.invert(apart))
    for item in pc.value_counts(table.column("decision")).to_pylist():
        decisions[item["values"]] = item["counts"]
    return decisions


def _policy_text(manifest: dict[str, Any]) -> str | None:
    policy = manifest.get("policy")
    text = policy.get("text") if isinstance(policy, dict) else None
    return text if isinstance(text, str) else None


def _authors(table: pa.Table) -> list[Row]:
    """Authors with a comment rejected, the most rejected first (none when nothing was
    rejected: an author with only held comments is no "most rejected" author)."""
    named = table.filter(pc.not_equal(table.column("author"), ""))
    authors = [r for r in _rows(named, "author") if r.rejected]
    return sorted(authors, key=lambda r: (-r.rejected, -r.held, r.label))


def read_report(
    root: Path, *, top: int = 15, examples: int = 3, heated: int = 5, tree_comments: int = 60
) -> ReportData:
    """The report's figures from a batch output folder."""
    manifest_path = root / "manifest.json"
    if not (root / "comments").is_dir() or not manifest_path.is_file():
        raise ReportError(f"{root}: not a batch output (no manifest.json and comments/)")
    if not any((root / "comments").glob("part-*.parquet")):
        raise ReportError(f"{root}: the batch wrote no comments yet")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # ValueError: bad JSON or bad UTF-8
        raise ReportError(f"{manifest_path}: unreadable manifest: {exc}") from None
    if not isinstance(manifest, dict):
        raise ReportError(f"{manifest_path}: unreadable manifest: not a JSON object")
    try:
        _ShownManifest.model_validate(manifest)
    except ValidationError as exc:
        problem = json_field_problem(exc)
        raise ReportError(f"{manifest_path}: unreadable manifest: {problem}") from None
    _check_footers(root)
    try:
        return _figures(root, manifest, top, examples, heated, tree_comments)
    except (OSError, pa.ArrowException) as exc:
        raise _damage(root, exc) from None


def _figures(
    root: Path, manifest: dict[str, Any], top: int, examples: int, heated: int, tree_comments: int
) -> ReportData:
    table = _base(root)
    period, over_time, undated = _over_time(table)
    # the most held first, and the chart's bars sized by the same count (they were sized
    # by share, so the longest bar was the fourth)
    articles = sorted(_rows(table, "article", "thread_title"), key=lambda r: (-r.held, -r.comments))
    return ReportData(
        manifest,
        _totals(table),
        _decisions(table),
        period,
        over_time,
        undated,
        articles[:top],
        [
            Row(a, table.num_rows, pc.sum(pc.greater_equal(table.column(a), PRESENT)).as_py() or 0)
            for a in ATTRIBUTES
        ],
        groups=_groups(root),
        heated=_heated(root, table, heated, tree_comments),
        authors=_authors(table)[:top],
        examples=_examples(root, table, examples),
        policy=summarize_policy(_policy_text(manifest)),
    )
