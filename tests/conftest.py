"""Test settings: nothing leaves the machine, caches and Gradio files go to temporary folders."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
_tmp = Path(tempfile.mkdtemp(prefix="ganlab-tests-"))
# Set before huggingface_hub or gradio is imported: both read these at import.
os.environ.setdefault("HF_HOME", str(_tmp / "hf"))
os.environ["HF_ENDPOINT"] = os.environ.get("GANLAB_TEST_HF_ENDPOINT", "http://127.0.0.1:9")  # closed port
os.environ.setdefault("GRADIO_TEMP_DIR", str(_tmp / "gradio"))
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("GANLAB_HUB_DEADLINE", "3")
# In-process, default models come from weights/ without a background Hub check (registry tests turn
# it on where they test it); the app_server fixture runs the real Hub path against the fake Hub.
os.environ["GANLAB_USE_HUB"] = "0"


import socket  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402

import pytest  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def fake_hub():
    """A loopback Hub for the whole session, serving a compatible GAN repo 'someone/digits-gan'."""
    import torch

    from models.dcgan import ConditionalGAN, GANConfig
    from tests.fake_hub import FakeHub

    with FakeHub() as hub:
        folder = _tmp / "hub-repo"
        torch.manual_seed(5)
        ConditionalGAN(GANConfig(generator_width=16, discriminator_width=16)).save_pretrained(folder)
        hub.add_folder("someone/digits-gan", folder)
        from models.community_dcgan import DCGANConfig, DCGANGenerator

        community = _tmp / "community-repo"
        DCGANGenerator(DCGANConfig(num_channels=3, latent_dim=16, hidden_size=8)).save_pretrained(community)
        hub.add_folder("huggan/tiny-dcgan", community)
        yield hub


@pytest.fixture(scope="session")
def app_server(fake_hub):
    """`python app.py` in a subprocess, the way a user starts it, with HF_ENDPOINT at the fake Hub."""
    port = _free_port()
    env = os.environ | {
        "GRADIO_SERVER_NAME": "127.0.0.1",
        "GRADIO_SERVER_PORT": str(port),
        "HF_ENDPOINT": fake_hub.url,
        "GANLAB_USE_HUB": "1",
        "HF_HOME": str(_tmp / "hf-app"),
        "PYTHONUNBUFFERED": "1",
    }
    log = open(_tmp / "app.log", "w")
    process = subprocess.Popen(
        [sys.executable, "app.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url, timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("app did not start:\n" + (_tmp / "app.log").read_text()[-3000:]) from None
            time.sleep(0.3)
    yield url
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="session")
def app_log(app_server) -> Path:
    """The app server's combined stdout/stderr."""
    return _tmp / "app.log"


@pytest.fixture(scope="session")
def new_client(app_server):
    """Makes a gradio_client user of the app. One Client shares one event stream among its calls, and
    gradio_client 2.x can cancel a call submitted while that stream is closing (a client-side race:
    the server still runs it), so tests that call at once give each thread its own Client, as
    separate students would be."""
    from gradio_client import Client

    def make():
        return Client(
            app_server, verbose=False, download_files=str(_tmp / "client-downloads"), analytics_enabled=False
        )

    return make


@pytest.fixture(scope="session")
def thread_client(new_client):
    """The calling thread's own Client (made on first use), for tests that call from many threads."""
    import threading

    local = threading.local()

    def get():
        if not hasattr(local, "client"):
            local.client = new_client()
        return local.client

    return get


@pytest.fixture(scope="session")
def client(new_client):
    return new_client()


@pytest.fixture(scope="session")
def tiny_data_dir(tmp_path_factory) -> Path:
    """A --data-dir of small data sets in the real file formats (tests/tiny_data.py): no ../shared/data needed."""
    from tests.tiny_data import write_all

    return write_all(tmp_path_factory.mktemp("data"))
