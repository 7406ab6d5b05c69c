"""A policy file saved as UTF-16 (Notepad's "Unicode", a PowerShell redirect of `policy
init`'s text) is read as the same policy, batch included; one with bytes that are no UTF-8
names the line and says what to do (before: "cannot read policy: 'utf-8' codec can't
decode byte 0xff in position 0: invalid start byte")."""

from __future__ import annotations

from pathlib import Path

import pytest

from threadguard.moderation.policy import PolicyError, _default_text, load_policy, policy_text


def test_a_utf16_policy_is_read_as_its_utf8_twin(tmp_path: Path) -> None:
    text = _default_text()
    utf8, utf16 = tmp_path / "p8.toml", tmp_path / "p16.toml"
    utf8.write_text(text, encoding="utf-8")
    utf16.write_bytes(text.replace("\n", "\r\n").encode("utf-16"))
    assert load_policy(utf16).thresholds == load_policy(utf8).thresholds
    assert policy_text(load_policy(utf16)) == text.replace("\n", "\r\n")  # what batch reads


def test_a_byte_that_is_no_utf8_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(_default_text().replace("\n", "\n# Caf\xe9\n", 2).encode("latin-1"))
    with pytest.raises(PolicyError) as raised:
        load_policy(path)
    assert str(raised.value) == (
        f"{path}: line 2: byte 0xe9 is not UTF-8 text; a policy file is UTF-8 (save it as UTF-8)"
    )
