"""The Parquet tables a batch job writes: one row per comment, one row per thread.

The comment table has DESIGN.md's columns (``id``, ``thread_id``, ``thread_title``,
``author``, ``created_at``, ``text``, one column per attribute, ``targets``, ``spans``,
``decision``, ``reasons``, ``model``) and what a reader of the archive needs beside them:
the reply tree (``parent_id``, ``depth``), the language and the input file. Scores are
rounded as in a ``score`` line, so the two agree to the digit. The thread table carries
each thread's signals: the counts as columns, everything as the ``scan`` document's JSON.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from threadguard.batch.units import Unit
from threadguard.moderation import Moderated
from threadguard.schema import ATTRIBUTES, Verdict
from threadguard.signals import ThreadSignals

_THREAD = [(name, pa.string()) for name in ("thread_id", "thread_title", "thread_url")]

COMMENTS_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        *_THREAD,
        ("parent_id", pa.string()),
        ("depth", pa.int32()),
        *[(name, pa.string()) for name in ("author", "created_at", "text")],
        *[(a, pa.float64()) for a in ATTRIBUTES],
        # "inferred": a group the moderator inferred from the words or the thread, not scored
        # by the models (the score line's "inferred": true); the report counts only the others
        (
            "targets",
            pa.list_(
                pa.struct(
                    [("group", pa.string()), ("score", pa.float64()), ("inferred", pa.bool_())]
                )
            ),
        ),
        (
            "spans",
            pa.list_(
                pa.struct(
                    [
                        ("begin", pa.int32()),
                        ("end", pa.int32()),
                        ("attribute", pa.string()),
                        ("score", pa.float64()),
                    ]
                )
            ),
        ),
        ("decision", pa.string()),
        ("reasons", pa.list_(pa.string())),
        ("language", pa.string()),
        ("model", pa.string()),
        ("source", pa.string()),
    ]
)

THREADS_SCHEMA = pa.schema(
    [
        *_THREAD,
        ("source", pa.string()),
        ("comments", pa.int32()),
        *[(v.value, pa.int32()) for v in Verdict],
        ("flagged_share", pa.float64()),
        ("trend", pa.string()),
        ("escalations", pa.int32()),
        ("pile_ons", pa.int32()),
        ("signals", pa.string()),
    ]
)


def comment_rows(unit: Unit, moderated: Sequence[Moderated]) -> list[dict[str, Any]]:
    """The comment table's rows for one scored thread."""
    thread = unit.thread
    rows = []
    for m in moderated:
        c, scored = m.comment, m.analysis.to_json()
        rows.append(
            {
                "id": c.id,
                "thread_id": thread.id,
                "thread_title": thread.title,
                "thread_url": thread.url,
                "parent_id": c.parent,
                "depth": c.depth,
                "author": c.author,
                "created_at": c.created_at,
                "text": c.text,
                **scored["scores"],
                "targets": [{**t, "inferred": bool(t.get("inferred"))} for t in scored["targets"]],
                "spans": scored["spans"],
                "decision": m.decision.action.value,
                "reasons": list(m.decision.reasons),
                "language": scored["language"],
                "model": scored["model"],
                "source": unit.source,
            }
        )
    return rows


def thread_row(unit: Unit, signals: ThreadSignals) -> dict[str, Any]:
    """The thread table's row for one scored thread."""
    thread = unit.thread
    return {
        "thread_id": thread.id,
        "thread_title": thread.title,
        "thread_url": thread.url,
        "source": unit.source,
        # the comments with a result: one with no text (a deleted post) has none
        "comments": sum(signals.decisions.values()),
        **{v.value: signals.decisions.get(v.value, 0) for v in Verdict},
        "flagged_share": round(signals.health.flagged_share, 4),
        "trend": signals.health.trend,
        "escalations": len(signals.escalations),
        "pile_ons": len(signals.pile_ons),
        "signals": json.dumps(signals.to_json(), ensure_ascii=False),
    }


def parquet_bytes(rows: list[dict[str, Any]], schema: pa.Schema) -> bytes:
    """A Parquet file of ``rows`` (zstd, each page with its CRC, so that a rerun tells a
    damaged partition from a whole one), as bytes: workers send files, not objects."""
    sink = io.BytesIO()
    table = pa.Table.from_pylist(rows, schema=schema)
    pq.write_table(table, sink, compression="zstd", write_page_checksum=True)
    return sink.getvalue()
