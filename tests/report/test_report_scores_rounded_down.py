"""The report shows every score rounded down, as its reasons and thread signals do (and as
the README says of shown scores: "a score never reads as a line it did not cross").

A desk read the same comment as "hostility 0.94" in its thread's tree and "toxicity 0.93"
in its reasons: the tree and the examples rounded (``"%.2f"``), the reasons rounded down
(:func:`threadguard.analysis.shown_score`)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from batch_support import finish, scored_output

from threadguard.engine import Engine
from threadguard.moderation import Moderator
from threadguard.report import read_report, render_report
from threadguard.report.data import HARM_ATTRIBUTES

INSULT = "You are a complete idiot and everyone here knows it."
CIVIL = "Thanks for the clear reporting on this."
#: The insult's hostility, written into its row: 0.94 rounded, 0.93 rounded down.
SCORE = 0.9399


def test_the_tree_and_the_examples_round_a_score_down_as_the_reasons_do(
    tmp_path: Path, engine: Engine, moderator: Moderator
) -> None:
    rows = [
        {"id": "a", "thread_id": "t", "title": "Ferry", "text": CIVIL, "author": "ann"},
        {
            "id": "b",
            "thread_id": "t",
            "title": "Ferry",
            "text": INSULT,
            "author": "troll",
            "parent_id": "a",
        },
    ]
    folder = finish(*scored_output(rows, tmp_path, engine, moderator, 100), moderator)
    [part] = sorted((folder / "comments").glob("part-*.parquet"))
    table = pq.read_table(part)
    insult = pc.equal(table["id"], "b")
    for name in HARM_ATTRIBUTES:
        value = SCORE if name == "toxicity" else 0.1
        column = pc.if_else(insult, pa.scalar(value, pa.float64()), table[name].cast(pa.float64()))
        table = table.set_column(
            table.schema.get_field_index(name), name, column.cast(table.schema.field(name).type)
        )
    pq.write_table(table, part)
    page = render_report(read_report(folder))
    assert "hostility 0.93" in page
    assert "0.93 · troll" in page  # the highest-scoring examples
    assert "0.94" not in page, "a score rounded up"


@pytest.mark.parametrize(("value", "shown"), [(0.9399, "0.93"), (0.5, "0.50"), (0.999, "0.99")])
def test_the_pages_score_filter_is_the_shown_score(value: float, shown: str) -> None:
    from threadguard.signals import shown_score

    assert shown_score(value) == shown
