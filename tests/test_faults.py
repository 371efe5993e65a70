"""Hub faults while the app runs: the models in use keep serving, and the user gets a clear notice."""

from __future__ import annotations

import json

import pytest
import torch
from gradio_client.exceptions import AppError

from models.dcgan import ConditionalGAN, GANConfig

FAULTS = {
    # mode → words the message must contain
    "error500": "Hub",
    "slow": "Hub",
    "reset": "Hub",
    "truncate": "",
}


@pytest.fixture
def healthy_after(client, fake_hub):
    """Each fault test ends with the Hub healthy again and the default model still answering."""
    yield
    fake_hub.mode = "ok"
    image, verdict, caption = client.predict("", 3, 11, 1.0, *[0.0] * 8, api_name="/gan_generate")
    assert image and caption.startswith("Digit **3**")


def tiny_gan_folder(tmp_path, seed: int):
    torch.manual_seed(seed)
    ConditionalGAN(GANConfig(generator_width=16, discriminator_width=16)).save_pretrained(tmp_path / "repo")
    return tmp_path / "repo"


@pytest.mark.parametrize("mode", sorted(FAULTS))
def test_hub_fault_while_serving(client, fake_hub, healthy_after, tmp_path, mode):
    repo_id = f"someone/fault-{mode}"
    fake_hub.add_folder(repo_id, tiny_gan_folder(tmp_path, seed=len(mode)))
    fake_hub.mode, fake_hub.slow_seconds = mode, 9  # slow: beyond the app's 6 s Hub deadline
    with pytest.raises(AppError) as error:
        client.predict(repo_id, "", api_name="/gan_load_model")
    message = str(error.value)
    assert repo_id in message and FAULTS[mode] in message and "Traceback" not in message, message
    fake_hub.mode = "ok"
    # the tab's current model (the default) answers while and after the Hub misbehaved
    image, verdict, caption = client.predict("", 5, 1, 1.0, *[0.0] * 8, api_name="/gan_generate")
    assert image and verdict["label"] in ("real", "fake") and caption.startswith("Digit **5**")


def test_config_mismatch_while_serving(client, fake_hub, healthy_after, tmp_path):
    folder = tiny_gan_folder(tmp_path, seed=9)
    config = json.loads((folder / "config.json").read_text())
    fake_hub.add_folder("someone/fault-config", folder)
    files = fake_hub.repos["someone/fault-config"][1]
    files["config.json"] = json.dumps(config | {"latent_dim": "sixty-four"}).encode()
    with pytest.raises(AppError) as error:
        client.predict("someone/fault-config", "", api_name="/gan_load_model")
    assert "latent_dim" in str(error.value), str(error.value)
