"""Loading: bundled folders, a loopback fake Hub through huggingface_hub, and every way it can fail."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import huggingface_hub.constants as hub_constants
import pytest
import torch

from models import registry
from models.dcgan import ConditionalGAN, GANConfig
from tests.fake_hub import FakeHub

ROOT = Path(__file__).resolve().parents[1]
SMALL = GANConfig(generator_width=8, discriminator_width=8, latent_dim=16, num_directions=4)


def save_gan(folder: Path, config: GANConfig = SMALL, seed: int = 0) -> ConditionalGAN:
    torch.manual_seed(seed)
    gan = ConditionalGAN(config)
    gan.save_pretrained(folder)
    return gan


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def same_output(a: ConditionalGAN, b: ConditionalGAN) -> bool:
    z, labels = torch.randn(3, a.config.latent_dim), torch.tensor([0, 5, 9])
    return torch.equal(a.generate(z, labels), b.generate(z, labels))


def point_hub_at(monkeypatch, url: str) -> None:
    """What HF_ENDPOINT does at import, done in-process (huggingface_hub builds these at import)."""
    monkeypatch.setattr(hub_constants, "ENDPOINT", url)
    monkeypatch.setattr(
        hub_constants, "HUGGINGFACE_CO_URL_TEMPLATE", url + "/{repo_id}/resolve/{revision}/{filename}"
    )


@pytest.fixture
def hub(tmp_path, monkeypatch):
    """A fake Hub on loopback, a fresh HF cache, bundled weights in tmp, an empty model cache."""
    with FakeHub() as fake:
        point_hub_at(monkeypatch, fake.url)
        monkeypatch.setattr(hub_constants, "HF_HUB_CACHE", str(tmp_path / "cache"))
        monkeypatch.setattr(hub_constants, "HF_HUB_OFFLINE", False)
        monkeypatch.setattr(registry, "WEIGHTS_DIR", tmp_path / "weights")
        monkeypatch.setattr(registry, "HUB_DEADLINE_S", 4.0)  # a loaded CI machine needs the margin
        monkeypatch.setattr(registry, "USE_HUB", True)
        save_gan(tmp_path / "weights" / "dcgan-mnist", seed=1)
        registry.clear_cache()
        yield fake
        registry.clear_cache()


SPEC = registry.REGISTRY["dcgan-mnist"]


def test_bundled_folder_loads_strictly(hub, tmp_path):
    loaded = registry.load_bundled(SPEC)
    assert loaded.source == "bundled" and loaded.revision is None
    assert "bundled folder" in loaded.describe()
    reference = ConditionalGAN.from_pretrained(tmp_path / "weights" / "dcgan-mnist", strict=True)
    assert same_output(loaded.model, reference)


def test_hub_download_through_huggingface_hub(hub, tmp_path):
    original = save_gan(tmp_path / "repo", seed=2)
    commit = hub.add_folder("someone/digits-gan", tmp_path / "repo")
    loaded = registry.load_from_hub(SPEC, "someone/digits-gan")
    assert loaded.source == "hub" and loaded.revision == commit
    assert commit[:10] in loaded.describe()
    assert same_output(loaded.model, original)
    assert Path(loaded.location).is_relative_to(tmp_path / "cache")  # went through the HF cache
    assert any(r.startswith("GET /someone/digits-gan/resolve/main/model.safetensors") for r in hub.requests)


def test_revision_pinning_and_unknown_revision(hub, tmp_path):
    save_gan(tmp_path / "repo")
    commit = hub.add_folder("someone/digits-gan", tmp_path / "repo")
    assert registry.load_from_hub(SPEC, "someone/digits-gan", commit).revision == commit
    with pytest.raises(registry.ModelLoadError, match="no revision 'v9'"):
        registry.load_from_hub(SPEC, "someone/digits-gan", "v9")


def test_offline_mode_uses_the_cache(hub, tmp_path, monkeypatch):
    save_gan(tmp_path / "repo")
    commit = hub.add_folder("someone/digits-gan", tmp_path / "repo")
    registry.load_from_hub(SPEC, "someone/digits-gan")
    monkeypatch.setattr(hub_constants, "HF_HUB_OFFLINE", True)
    hub.requests.clear()
    assert registry.load_from_hub(SPEC, "someone/digits-gan").revision == commit
    assert hub.requests == []


def test_missing_repo_is_a_clear_error(hub):
    with pytest.raises(registry.ModelLoadError, match="No public model repo 'nobody/nothing'"):
        registry.load_from_hub(SPEC, "nobody/nothing")


def test_pickle_only_repo_is_refused_without_unpickling(hub, tmp_path):
    save_gan(tmp_path / "repo")
    files = files_of(tmp_path / "repo")
    files["pytorch_model.bin"] = files.pop("model.safetensors")
    hub.add_repo("someone/pickled", files)
    with pytest.raises(registry.ModelLoadError, match=r"has no model.safetensors \(only those weight files"):
        registry.load_from_hub(SPEC, "someone/pickled")
    assert not any("pytorch_model.bin" in r for r in hub.requests)


def test_corrupt_safetensors(hub, tmp_path):
    save_gan(tmp_path / "repo")
    files = files_of(tmp_path / "repo")
    files["model.safetensors"] = b"\x00\x01 not a safetensors file" * 10
    hub.add_repo("someone/corrupt", files)
    with pytest.raises(registry.ModelLoadError, match="model.safetensors is corrupt, truncated"):
        registry.load_from_hub(SPEC, "someone/corrupt")


@pytest.mark.parametrize(
    "config, message",
    [
        ({"latent_dim": 16, "hidden_size": 3}, "keys this GAN does not use"),
        ({"latent_dim": "sixteen"}, "latent_dim='sixteen'"),
        ({"latent_dim": -4}, "latent_dim=-4"),
        ([1, 2, 3], "must hold an object"),
    ],
)
def test_wrong_config(hub, tmp_path, config, message):
    save_gan(tmp_path / "repo")
    files = files_of(tmp_path / "repo") | {"config.json": json.dumps(config).encode()}
    hub.add_repo("someone/bad-config", files)
    with pytest.raises(registry.ModelLoadError, match=message):
        registry.load_from_hub(SPEC, "someone/bad-config")


def test_weights_of_another_shape(hub, tmp_path):
    save_gan(tmp_path / "repo", GANConfig(generator_width=16, discriminator_width=8, latent_dim=16))
    files = files_of(tmp_path / "repo") | {"config.json": json.dumps(SMALL.__dict__).encode()}
    hub.add_repo("someone/mismatch", files)
    with pytest.raises(registry.ModelLoadError, match="do not fit"):
        registry.load_from_hub(SPEC, "someone/mismatch")


def test_truncated_download_is_reported(hub, tmp_path):
    save_gan(tmp_path / "repo")
    hub.add_folder("someone/digits-gan", tmp_path / "repo")
    hub.mode = "truncate"
    with pytest.raises(registry.ModelLoadError):
        registry.load_from_hub(SPEC, "someone/digits-gan")


@pytest.mark.parametrize("mode", ["error500", "slow"])
def test_hub_failure_falls_back_to_bundled(hub, tmp_path, mode):
    save_gan(tmp_path / "repo")
    hub.add_folder(SPEC.repo_id, tmp_path / "repo")
    hub.mode, hub.slow_seconds = mode, 6
    start = time.monotonic()
    with pytest.raises(registry.HubUnavailable):
        registry.load_from_hub(SPEC, SPEC.repo_id)
    assert time.monotonic() - start < registry.HUB_DEADLINE_S + 1.5
    loaded = registry.load_default(SPEC)
    assert loaded.source == "bundled" and "serving the bundled copy" in loaded.notice


def test_unreachable_hub_falls_back(hub, monkeypatch):
    point_hub_at(monkeypatch, "http://127.0.0.1:9")  # nothing listens there
    loaded = registry.load_default(SPEC)
    assert loaded.source == "bundled" and "Hub" in loaded.notice


def test_default_serves_bundled_at_once_then_takes_the_hub_copy(hub, tmp_path):
    save_gan(tmp_path / "repo", seed=3)
    commit = hub.add_folder(SPEC.repo_id, tmp_path / "repo")
    first = registry.load_model("dcgan-mnist")
    assert first.source == "bundled" and "asking the Hub" in first.notice
    registry.wait_for_hub_checks()
    second = registry.load_model("dcgan-mnist")
    assert second.source == "hub" and second.revision == commit


@pytest.mark.parametrize(
    "bad",
    [
        "../../etc/passwd",
        "https://evil.example/x/y",
        "a" * 10_000,
        "owner/na me",
        "/abs/path",
        "x/..",
        "o/n/x",
    ],
)
def test_malicious_repo_ids_are_refused_before_any_request(hub, bad):
    with pytest.raises(registry.ModelLoadError, match="not a Hub repo id"):
        registry.load_model("dcgan-mnist", bad)
    assert hub.requests == []


def test_hf_endpoint_variable_reaches_the_fake_hub(hub, tmp_path):
    """The real path: a fresh process that reads HF_ENDPOINT at import, as the app does."""
    save_gan(tmp_path / "repo")
    commit = hub.add_folder("someone/digits-gan", tmp_path / "repo")
    code = (
        "from models import registry; "
        "print(registry.load_model('dcgan-mnist', 'someone/digits-gan').describe())"
    )
    env = os.environ | {"HF_ENDPOINT": hub.url, "HF_HOME": str(tmp_path / "hf-sub")}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert f"`someone/digits-gan` from the Hub, commit `{commit[:10]}`" in out.stdout


# ---- community DCGAN generators (the HugGAN / PyTorch-tutorial layout) ----

from models.community_dcgan import DCGANConfig, DCGANGenerator  # noqa: E402

COMMUNITY = DCGANConfig(num_channels=1, latent_dim=32, hidden_size=8)


def community_files(tmp_path: Path, config: DCGANConfig | None = COMMUNITY, pickle: bool = False) -> dict:
    torch.manual_seed(4)
    generator = DCGANGenerator(config or DCGANConfig())
    generator.save_pretrained(tmp_path / "community")
    files = files_of(tmp_path / "community")
    assert sorted(generator.state_dict())[:2] == ["model.0.weight", "model.1.bias"]  # the documented keys
    if pickle:
        path = tmp_path / "pytorch_model.bin"
        torch.save(generator.state_dict(), path)
        files["pytorch_model.bin"] = path.read_bytes()
        del files["model.safetensors"]
    if config is None:
        del files["config.json"]
    return files, generator


@pytest.mark.parametrize("pickle", [False, True], ids=["safetensors", "pytorch_model.bin"])
@pytest.mark.parametrize("with_config", [True, False], ids=["config.json", "no-config"])
def test_community_dcgan_repo_loads_and_generates(hub, tmp_path, pickle, with_config):
    files, original = community_files(tmp_path, COMMUNITY if with_config else None, pickle)
    hub.add_repo("huggan/some-dcgan", files)
    loaded = registry.load_model("dcgan-mnist", "huggan/some-dcgan")
    assert loaded.name == "community-dcgan" and isinstance(loaded.model, DCGANGenerator)
    z = torch.randn(2, loaded.model.config.latent_dim)
    assert torch.equal(loaded.model.generate(z), original.eval().generate(z))
    channels = 1 if with_config else 3
    assert loaded.model.sample(torch.zeros(3)).shape == (3, channels, 64, 64)
    assert loaded.model.latent_directions.shape == (8, loaded.model.config.latent_dim)  # computed on load


def test_another_architecture_gets_a_clear_message(hub, tmp_path):
    files = {
        "config.json": json.dumps({"vocab": "abc", "hidden_size": 32}).encode(),
        "model.safetensors": b"x",
    }
    hub.add_repo("someone/an-lstm", files)
    with pytest.raises(registry.ModelLoadError, match="holds no model this app can run"):
        registry.load_model("dcgan-mnist", "someone/an-lstm")


def test_pickle_with_code_is_refused(hub, tmp_path):
    """weights_only=True: a .bin that would run code on unpickling is rejected, not executed."""
    files, _ = community_files(tmp_path, COMMUNITY, pickle=True)

    marker = tmp_path / "pwned"  # what the payload would create if it ran

    class Boom:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    path = tmp_path / "evil.bin"
    torch.save({"model.0.weight": Boom()}, path, _use_new_zipfile_serialization=True)
    files["pytorch_model.bin"] = path.read_bytes()
    hub.add_repo("someone/evil", files)
    with pytest.raises(registry.ModelLoadError, match="pytorch_model.bin is corrupt, truncated or not plain"):
        registry.load_model("dcgan-mnist", "someone/evil")
    assert not marker.exists()
