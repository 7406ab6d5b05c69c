"""`threadguard adapt --site S [--list] [--rollback]` on the service's database."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from threadguard.analysis import Analysis
from threadguard.cli import app as cli
from threadguard.moderation import Decision
from threadguard.schema import ATTRIBUTES
from threadguard.storage import Actor, NewComment, Store


def adapt(data_dir: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["adapt", "--data-dir", str(data_dir), *args], env={"COLUMNS": "200"}
    )
    return result.exit_code, result.output


def give_verdicts(data_dir: Path, n: int, site: str = "news") -> None:
    store = Store.open(None, data_dir)
    try:
        comments = []
        for i in range(2 * n):
            scores = {a: 0.05 for a in ATTRIBUTES}
            scores.update(toxicity=0.6 + 0.01 * (i % 30), insult=0.1 + 0.4 * (i % 2 == 0))
            comments.append(
                NewComment(
                    f"c {i}", Analysis(None, scores), Decision("hold", ()), external_id=f"c{i}"
                )
            )
        stored = store.record_many(site=site, source="test", article=None, comments=comments)
        for i, (cid, _) in enumerate(stored):
            store.moderate(cid, "reject" if i % 2 == 0 else "approve", Actor("mia", "moderator"))
    finally:
        store.close()


def test_too_few_verdicts_exit_2_with_the_reason(tmp_path: Path) -> None:
    give_verdicts(tmp_path, 10)
    code, output = adapt(tmp_path, "--site", "news")
    assert code == 2, output
    assert "10 approved and 10 rejected" in output and "at least 50 of each" in output
    code, output = adapt(tmp_path, "--site", "news", "--list")
    assert code == 0 and "site news has no adaptation" in output
    code, output = adapt(tmp_path, "--site", "news", "--rollback")
    assert code == 2 and "no active adaptation" in output
    code, output = adapt(tmp_path, "--site", "news", "--kind", "forest")
    assert code == 2 and "--kind must be one of head, calibration" in output


def test_fit_list_and_rollback(tmp_path: Path) -> None:
    give_verdicts(tmp_path, 50)
    code, output = adapt(tmp_path, "--site", "news")
    assert code == 0, output
    assert "adaptation fitted and served" in output and "head" in output
    code, output = adapt(tmp_path, "--site", "news", "--kind", "calibration")
    assert code == 0, output
    code, output = adapt(tmp_path, "--site", "news", "--list")
    assert code == 0, output
    assert output.index("calibration") < output.index("head")  # newest first
    code, output = adapt(tmp_path, "--site", "news", "--rollback")
    assert code == 0 and "now served version 1" in output
    code, output = adapt(tmp_path, "--site", "news", "--rollback")
    assert code == 0 and "now served the engine's own scores" in output
    store = Store.open(None, tmp_path)
    try:
        assert store.adaptation_version("news") == 0
        assert [r.version for r in store.site_adaptations("news")] == [2, 1]
        actors = {e.actor for e in store.audit_log(action="adaptation").items}
        assert all(a.startswith("cli:") for a in actors)
    finally:
        store.close()


def test_a_blank_site_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from threadguard.cli import app as cli

    result = CliRunner().invoke(cli, ["adapt", "--site", " ", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2 and "--site needs a site's name" in result.output
