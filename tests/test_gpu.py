"""The CUDA path: same results as the CPU within float tolerance. Run with `pytest -m gpu` on a GPU."""

import pytest
import torch

from models.dcgan import ConditionalGAN, GANConfig
from models.device import pick_device

pytestmark = pytest.mark.gpu


def test_pick_device_prefers_cuda(monkeypatch):
    monkeypatch.delenv("DEVICE", raising=False)
    assert pick_device().type == "cuda"


def test_gan_on_cuda_matches_cpu():
    torch.manual_seed(0)
    cpu = ConditionalGAN(GANConfig()).eval()
    gpu = ConditionalGAN(GANConfig()).eval()
    gpu.load_state_dict(cpu.state_dict())
    gpu = gpu.to("cuda")
    z, labels = torch.randn(64, 64), torch.arange(64) % 10
    images_cpu, images_gpu = cpu.generate(z, labels), gpu.generate(z, labels)
    assert images_gpu.device.type == "cpu"  # generate hands back CPU tensors for the UI
    assert torch.allclose(images_cpu, images_gpu, atol=1e-3)
    assert torch.allclose(cpu.realness(images_cpu, labels), gpu.realness(images_cpu, labels), atol=1e-3)


def test_bundled_model_loads_on_cuda(monkeypatch):
    monkeypatch.setenv("DEVICE", "cuda")
    from models import registry

    loaded = registry.load_bundled(registry.REGISTRY["dcgan-mnist"])
    assert loaded.model.device.type == "cuda"
    images = loaded.model.sample(torch.arange(10), torch.Generator().manual_seed(0))
    assert images.shape == (10, 1, 28, 28) and torch.isfinite(images).all()
