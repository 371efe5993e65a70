"""Fuzzing every endpoint through gradio_client: each call returns a result or a clear error, no
unexpected exception is ever raised in the server, the app keeps serving, and nothing is written
outside the app's caches."""

from __future__ import annotations

import math
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from gradio_client.exceptions import AppError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
CALLS_PER_EXAMPLE = 8  # one call per endpoint of the draw, submitted together
EXAMPLES = 130  # 130 × 8 = 1,040 calls

weird_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            "   ",
            "😀🎉 中文 ñ",
            "\x00\x01\x02\ufffd",
            "x" * 100_000,
            "A" * 5_000,
            "../../etc/passwd",
            "https://evil.example/x?y=1",
            "someone/" + "a" * 10_000,
            "owner/name@../../x",
            "<script>alert(1)</script>",
            "1e309",
            "NaN",
        ]
    ),
)
weird_number = st.one_of(
    st.integers(-(2**63), 2**63),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, -1, 7, 0.5, 1e308, -1e308, 2**31, 2**53 + 1]),
)
anything = st.one_of(
    st.none(),
    st.booleans(),
    weird_number,
    weird_text,
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
# a value for a numeric input: mostly in or near range, sometimes anything at all
number_input = st.one_of(st.integers(-3, 12), st.floats(-5, 5), anything)
text_input = st.one_of(weird_text, anything)


def json_safe(value):
    """JSON cannot carry NaN or infinities: send them as text, which the app must refuse just as well."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    return value


ENDPOINTS = {
    "/gan_generate": [text_input, number_input, number_input, number_input, *[number_input] * 8],
    "/gan_interpolate": [text_input, *[number_input] * 6],
    "/gan_grid": [
        text_input,
        st.one_of(st.just("all"), text_input),
        number_input,
        number_input,
        number_input,
    ],
    "/gan_load_model": [text_input, text_input],
    "/gan_grid_collapsed": [st.one_of(st.just("all"), text_input), number_input, number_input, number_input],
    "/rcgan_draw": [number_input, number_input],
    "/rcgan_inside": [number_input, number_input, st.one_of(st.sampled_from(["c", "f"]), text_input)],
    "/lstm_generate": [
        text_input,
        st.integers(-5, 60),
        number_input,
        number_input,
        number_input,
        number_input,
    ],
    "/lstm_analyze": [
        text_input,
        number_input,
        st.one_of(st.sampled_from(["forget gate", "cell state"]), text_input),
    ],
    "/lstm_candidates": [text_input, number_input],
    "/classify_sentiment": [text_input],
    "/classify_name": [text_input],
}


def files_outside_caches() -> set[str]:
    """Every file in the repository folder (caches of Python and the tools left out)."""
    repo = {str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if ".git" not in p.parts and p.is_file()}
    repo = {
        p for p in repo if not re.search(r"(__pycache__|\.pytest_cache|\.ruff_cache|\.venv|\.hypothesis)", p)
    }
    return repo


def exception_types(log: str) -> list[str]:
    """The exception class named at the end of each traceback printed in the log."""
    found, in_traceback = [], False
    for line in log.splitlines():
        if line.startswith("Traceback (most recent call last):"):
            in_traceback = True
        elif in_traceback and line and not line.startswith(" "):
            found.append(line.split(":", 1)[0])
            in_traceback = False
    return found


@pytest.fixture(scope="module")
def fuzz_state(client, app_log):
    before_files, log_start = files_outside_caches(), app_log.stat().st_size
    calls: list[tuple[str, str]] = []  # (api_name, "ok" or the error message)
    yield calls
    assert len(calls) >= 1000, len(calls)
    assert client.predict(api_name="/ping") == "ok"  # still serving
    assert files_outside_caches() == before_files
    unexpected = [
        t for t in exception_types(app_log.read_text()[log_start:]) if t != "gradio.exceptions.Error"
    ]
    assert unexpected == [], unexpected


@pytest.fixture(scope="module")
def pool():
    """The same CALLS_PER_EXAMPLE threads for every draw, so each keeps its own Client throughout."""
    with ThreadPoolExecutor(CALLS_PER_EXAMPLE) as executor:
        yield executor


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same 1,040 calls every run: CI failures reproduce
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(data=st.data())
def test_every_endpoint_answers_or_explains(thread_client, pool, fuzz_state, data):
    draws = []
    for api_name in data.draw(
        st.lists(st.sampled_from(sorted(ENDPOINTS)), min_size=CALLS_PER_EXAMPLE, max_size=CALLS_PER_EXAMPLE)
    ):
        args = [json_safe(data.draw(strategy)) for strategy in ENDPOINTS[api_name]]
        draws.append((api_name, args))

    def call(draw):
        api_name, args = draw
        try:
            thread_client().submit(*args, api_name=api_name).result(timeout=120)
            return api_name, "ok"
        except AppError as error:
            return api_name, str(error)

    results = list(pool.map(call, draws))
    for (api_name, outcome), (_, args) in zip(results, draws, strict=True):
        assert outcome == "ok" or (outcome.strip() and "Traceback" not in outcome and len(outcome) < 2000), (
            api_name,
            args,
            outcome,
        )
    fuzz_state.extend(results)
