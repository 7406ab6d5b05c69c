"""A data file that is there but damaged is named, with its line, not a bare decode error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from threadguard.cli import app as cli
from threadguard.training.data_files import DataFileError
from threadguard.training.datasets import load_ghc, load_hatexplain, load_olid
from threadguard.training.datasets_multilingual import load_germeval2018


def _olid(root: Path, training: bytes) -> Path:
    d = root / "olid"
    d.mkdir(parents=True)
    (d / "olid-training-v1.0.tsv").write_bytes(training)
    return d / "olid-training-v1.0.tsv"


def test_a_byte_that_is_not_utf8_names_the_file_and_line(tmp_path: Path) -> None:
    good = b"id\ttweet\tsubtask_a\tsubtask_b\tsubtask_c\n1\tfine words\tNOT\tNULL\tNULL\n"
    path = _olid(tmp_path, good + b"2\tbad \xff here\tNOT\tNULL\tNULL\n")
    with pytest.raises(DataFileError) as caught:
        load_olid(tmp_path)
    assert str(path) in str(caught.value)
    assert "line 3" in str(caught.value) and "0xff" in str(caught.value)


def test_other_languages_sets_and_bad_json_name_the_file(tmp_path: Path) -> None:
    germeval = tmp_path / "germeval2018"
    germeval.mkdir()
    (germeval / "germeval2018.training.txt").write_bytes(b"gut\tOTHER\tOTHER\n\xff\tOTHER\n")
    with pytest.raises(DataFileError, match=re.escape(str(germeval)) + r".*: line 2: byte 0xff"):
        load_germeval2018(tmp_path)
    hatexplain = tmp_path / "hatexplain"
    hatexplain.mkdir()
    (hatexplain / "post_id_divisions.json").write_text('{"train":\n  ]', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"divisions\.json: line 2: not valid JSON"):
        load_hatexplain(tmp_path)


def test_eval_on_a_damaged_file_exits_2_naming_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    first = CliRunner().invoke(cli, ["eval", "--data", str(data), "--quick", "--no-peers"])
    missing = re.search(r"error: (\S+): no such file", first.output)
    assert first.exit_code == 2 and missing, first.output
    damaged = Path(missing.group(1))
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b"id,text,label\n1,ok,0\n2,\xff\xfe bad,1\n")
    result = CliRunner().invoke(cli, ["eval", "--data", str(data), "--quick", "--no-peers"])
    assert result.exit_code == 2, result.output
    assert str(damaged) in result.output.replace("\n", "")
    assert "line 3" in result.output and "UnicodeDecodeError" not in result.output


def test_a_data_file_cut_short_names_its_last_line(tmp_path: Path) -> None:
    """A TSV cut in the middle of a row: its missing fields read as None, and ``eval``
    stopped on a traceback ('float() argument must be ... not 'NoneType'')."""
    ghc = tmp_path / "gab_hate_corpus"
    ghc.mkdir()
    header = "text\thd\tcv\tvo\n"
    (ghc / "ghc_train.tsv").write_text(header + "fine words\t0\t0\t0\n", encoding="utf-8")
    cut = ghc / "ghc_test.tsv"
    cut.write_text(header + "more words\t0\t0\t0\nwords cut in ha", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_ghc(tmp_path)
    assert str(caught.value) == (
        f"{cut}: line 3: row has 1 fields, the header has 4 (is the file cut short?)"
    )


def test_an_olid_test_tweet_without_a_label_is_an_error_not_an_offensive_tweet(
    tmp_path: Path,
) -> None:
    """A labels file cut short left test tweets with no label, and a tweet not labelled
    NOT was read as OFF: half the test set turned offensive, and eval reported on it."""
    d = tmp_path / "olid"
    d.mkdir()
    (d / "olid-training-v1.0.tsv").write_text(
        "id\ttweet\tsubtask_a\tsubtask_b\tsubtask_c\n1\tfine words\tNOT\tNULL\tNULL\n",
        encoding="utf-8",
    )
    (d / "testset-levela.tsv").write_text("id\ttweet\n7\tnice\n8\tlovely\n", encoding="utf-8")
    (d / "labels-levela.csv").write_text("id,label\n7,NOT\n8,", encoding="utf-8")
    for level in "bc":
        (d / f"labels-level{level}.csv").write_text("id,label\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_olid(tmp_path)
    assert str(caught.value) == (
        f"{d / 'labels-levela.csv'}: test tweet 8 has no OFF or NOT label (found ''); "
        "is the file cut short?"
    )
