"""The deep tier's int8 products are exact on every x86 CPU, so a comment scores the same on
every machine of a fleet (``scoring.encoder.EXACT_INT8``).

On a CPU with VNNI the products are exact with the default kernel (the setting is left
off there); on one with AVX2 only, ONNX Runtime's default kernel adds pairs of u8 x s8
products in 16 bits and saturates. The graph below makes every pair overflow 16 bits, so on
such a CPU the first test fails without the setting (the default session is off by about a
million in one column there).
"""

from __future__ import annotations

import numpy as np
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from threadguard.engine import DEEP_MODEL, shipped_model_dir
from threadguard.scoring.encoder import EXACT_INT8, EncoderModel, needs_exact_int8, session_options

DEPTH, WIDTH = 64, 16


def _matmul_integer(weights: np.ndarray) -> bytes:
    """A one-node graph: u8 input times the signed 8-bit ``weights``, int32 out -- the
    product the quantised encoder's every linear layer is made of."""
    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["a", "b"], ["y"])],
        "matmul_integer",
        [helper.make_tensor_value_info("a", TensorProto.UINT8, [None, DEPTH])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [None, WIDTH])],
        [numpy_helper.from_array(weights, "b")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])
    return bytes(model.SerializeToString())


def test_int8_products_that_overflow_16_bits_are_exact() -> None:
    rng = np.random.default_rng(7)
    weights = rng.integers(-128, 128, size=(DEPTH, WIDTH), dtype=np.int8)
    weights[:, 0] = 127  # with an input of 255, every pair sums to 64,770 > 32,767
    inputs = rng.integers(0, 256, size=(6, DEPTH), dtype=np.uint8)
    inputs[0] = 255
    session = ort.InferenceSession(
        _matmul_integer(weights), session_options(1), providers=["CPUExecutionProvider"]
    )
    got = session.run(None, {"a": inputs})[0]
    np.testing.assert_array_equal(got, inputs.astype(np.int64) @ weights.astype(np.int64))


def _config_entry(options: ort.SessionOptions, key: str) -> str | None:
    """A session's configuration entry, None where it was never set (ONNX Runtime raises)."""
    try:
        return str(options.get_session_config_entry(key))
    except RuntimeError:
        return None


def test_the_shipped_deep_tier_asks_for_exact_products_where_the_cpu_lacks_vnni() -> None:
    """On a VNNI CPU the entry is never set (session 28 wrote this on an AVX2 machine,
    where it always is, and the lookup of an unset entry raised on the first VNNI one)."""
    deep = EncoderModel.load(shipped_model_dir(DEEP_MODEL), threads=1)
    key, value = EXACT_INT8
    entry = _config_entry(deep.session.get_session_options(), key)
    assert (entry == value) == needs_exact_int8()
    assert entry in (value, None)


@pytest.mark.parametrize(
    ("flags", "needed"),
    [
        ("fpu sse avx2 avx512f avx512_vnni", False),  # exact and faster with the default
        ("fpu sse avx2 avx_vnni", False),
        ("fpu sse avx2 avx512f", True),  # AVX-512 without VNNI saturates too
        ("fpu sse avx2", True),
    ],
)
def test_exact_products_are_asked_for_unless_the_cpu_has_vnni(flags: str, needed: bool) -> None:
    cpuinfo = f"processor\t: 0\nmodel name\t: Some CPU\nflags\t\t: {flags}\n"
    assert needs_exact_int8(cpuinfo) is needed
