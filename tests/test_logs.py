"""A user's bad input is one line in the server log, not a traceback; the app keeps serving."""

import pytest
from gradio_client.exceptions import AppError


def test_bad_input_is_one_log_line_without_a_traceback(client, app_log):
    start = app_log.stat().st_size
    for api_name, args in [
        ("/gan_generate", ["", 7, -5, 1.0, 0, 0, 0, 0, 0, 0, 0, 0]),
        ("/gan_grid", ["", "all", 0, 1.0, 99]),
        ("/classify_name", ["x" * 500]),
    ]:
        with pytest.raises(AppError, match="must be|limit"):
            client.predict(*args, api_name=api_name)
    assert client.predict(api_name="/ping") == "ok"  # and the app keeps serving
    written = app_log.read_bytes()[start:].decode()  # st_size counts bytes, not characters
    assert "Traceback" not in written
    assert written.count("input refused:") == 3, written[-2000:]
