"""The bench names the CPU and its int8 instructions, since the deep tier's speed differs
between a CPU with VNNI and one with AVX2 only (its scores do not, from session 28)."""

from __future__ import annotations

from threadguard.bench import cpu_line

XEON = "processor\t: 0\nmodel name\t: Intel Xeon\nflags\t\t: fpu sse avx2 avx512f avx512_vnni\n"
EPYC = "processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse avx2\n"


def test_a_cpu_with_vnni_is_named_with_its_int8_instructions() -> None:
    assert cpu_line(XEON) == "cpu: Intel Xeon; avx512_vnni, avx512f, avx2"


def test_a_cpu_without_vnni_says_int8_runs_on_avx2() -> None:
    assert cpu_line(EPYC) == "cpu: AMD EPYC; avx2 (no VNNI: int8 on AVX2)"


def test_a_cpu_without_either_says_so() -> None:
    line = cpu_line("model name\t: Old\nflags\t\t: fpu sse\n")
    assert line == "cpu: Old; no AVX (neither VNNI nor AVX2)"
