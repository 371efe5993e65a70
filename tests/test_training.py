"""Training, evaluation and publishing scripts run end to end on a few batches (--dry-run)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, timeout: int = 240) -> str:
    out = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    return out.stdout


def test_train_dcgan_dry_run_saves_a_loadable_model(tmp_path):
    out = tmp_path / "gan"
    stdout = run("training/train_dcgan.py", "--dry-run", "--out", str(out), "--threads", "1")
    assert "selected epoch 1" in stdout
    from models.dcgan import ConditionalGAN

    gan = ConditionalGAN.from_pretrained(out, strict=True)
    assert gan.latent_directions.norm(dim=1).allclose(__import__("torch").ones(8), atol=1e-4)
    log = json.loads((out / "training_log.json").read_text())
    assert log["selected"]["epoch"] == 1 and "--dry-run" in log["command"]


def test_train_dcgan_under_torchrun_ddp_with_two_cpu_processes(tmp_path):
    """torchrun, 2 processes, gloo: each trains on its own shard and the gradients are averaged, so
    both end with the same generator weights; rank 0 alone saves."""
    out = tmp_path / "gan"
    stdout = run(
        "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
        "training/train_dcgan.py", "--device", "cpu", "--dry-run", "--out", str(out), "--threads", "1",
    )  # fmt: skip
    assert "rank 0 of world size 2" in stdout and "rank 1 of world size 2" in stdout
    checksums = {line.split("checksum ")[1] for line in stdout.splitlines() if "parameter checksum" in line}
    assert len(checksums) == 1, stdout[-2000:]  # the two processes hold identical weights
    assert stdout.count("parameter checksum") == 2 and (out / "model.safetensors").exists()


def test_evaluate_gan_writes_figures_and_card(tmp_path):
    folder = tmp_path / "dcgan-mnist"
    shutil.copytree(ROOT / "weights" / "dcgan-mnist", folder)
    (folder / "README.md").unlink()
    stdout = run(
        "training/evaluate_gan.py", "--gan", str(folder), "--samples", "200", "--card", "--threads", "1"
    )
    result = json.loads(stdout.strip().splitlines()[-1])
    assert 0 <= result["class_accuracy"] <= 1 and result["fid"] >= 0 and result["fid_real_floor"] >= 0
    card = (folder / "README.md").read_text()
    assert card.startswith("---\nlicense: mit") and f"**{result['class_accuracy']:.2%}**" in card


def test_publish_dry_run_checks_every_bundled_folder():
    stdout = run("training/publish.py", "--dry-run")
    assert "dcgan-mnist: " in stdout and "/dcgan-mnist (+ README.md" in stdout
