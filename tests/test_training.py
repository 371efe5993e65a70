"""Training, evaluation and publishing scripts run end to end on a few batches (--dry-run), on tiny data."""

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


def test_train_dcgan_dry_run_saves_a_loadable_model(tmp_path, tiny_data_dir):
    out = tmp_path / "gan"
    data = ["--data-dir", str(tiny_data_dir)]
    stdout = run("-m", "training.train_dcgan", "--dry-run", *data, "--out", str(out), "--threads", "1")
    assert "selected epoch 1" in stdout
    from models.dcgan import ConditionalGAN

    gan = ConditionalGAN.from_pretrained(out, strict=True)
    assert gan.latent_directions.norm(dim=1).allclose(__import__("torch").ones(8), atol=1e-4)
    log = json.loads((out / "training_log.json").read_text())
    assert log["selected"]["epoch"] == 1 and "--dry-run" in log["command"]
    assert log["command"].startswith("python -m training.train_dcgan ")


def test_train_dcgan_under_torchrun_ddp_with_two_cpu_processes(tmp_path, tiny_data_dir):
    """torchrun, 2 processes, gloo: each trains on its own shard and the gradients are averaged, so
    both end with the same generator weights; rank 0 alone saves."""
    out = tmp_path / "gan"
    torchrun = ["-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2"]
    script = ["-m", "training.train_dcgan", "--device", "cpu", "--dry-run", "--data-dir", str(tiny_data_dir)]
    stdout = run(*torchrun, *script, "--out", str(out), "--threads", "1")
    assert "rank 0 of world size 2" in stdout and "rank 1 of world size 2" in stdout
    checksums = {line.split("checksum ")[1] for line in stdout.splitlines() if "parameter checksum" in line}
    assert len(checksums) == 1, stdout[-2000:]  # the two processes hold identical weights
    assert stdout.count("parameter checksum") == 2 and (out / "model.safetensors").exists()


def test_evaluate_gan_writes_figures_and_card(tmp_path, tiny_data_dir):
    folder = tmp_path / "dcgan-mnist"
    shutil.copytree(ROOT / "weights" / "dcgan-mnist", folder)
    (folder / "README.md").unlink()
    options = ["--samples", "200", "--card", "--threads", "1", "--data-dir", str(tiny_data_dir)]
    stdout = run("-m", "training.evaluate_gan", "--gan", str(folder), *options)
    result = json.loads(stdout.strip().splitlines()[-1])
    assert 0 <= result["class_accuracy"] <= 1 and result["fid"] >= 0 and result["fid_real_floor"] >= 0
    card = (folder / "README.md").read_text()
    assert card.startswith("---\nlicense: mit") and f"**{result['class_accuracy']:.2%}**" in card
    assert "`python -m training.evaluate_gan --gan " in card


def test_publish_dry_run_checks_every_bundled_folder():
    stdout = run("-m", "training.publish", "--dry-run")
    assert "dcgan-mnist: " in stdout and "/dcgan-mnist (+ README.md" in stdout


def test_names_scripts_read_the_data_dir_and_record_it_repo_relative(tmp_path, tiny_data_dir):
    out = tmp_path / "names"
    run("-m", "training.train_names", "--dry-run", "--data-dir", str(tiny_data_dir), "--out", str(out))
    record = json.loads((out / "eval.json").read_text())
    assert record["holdout"]["examples"] == 10  # 5 languages, 10 % of each (at least one) held out
    assert record["command"].startswith("python -m training.train_names --dry-run --data-dir ")
    assert record["eval_command"] == f"python -m training.evaluate_names --weights {out}"
    stdout = run("-m", "training.evaluate_names", "--weights", str(out), "--data-dir", str(tiny_data_dir))
    assert json.loads(stdout.strip().splitlines()[-1])["accuracy"] == record["holdout"]["accuracy"]


def test_records_name_paths_from_the_repo_root():
    from training.data_paths import DEFAULT_DATA_DIR, REPO_ROOT, repo_relative

    assert DEFAULT_DATA_DIR == REPO_ROOT.parent / "shared" / "data"
    assert repo_relative(REPO_ROOT / "weights" / "names-lstm") == "weights/names-lstm"
    assert repo_relative("weights/names-lstm") == "weights/names-lstm"
    assert repo_relative("someone/digits-gan") == "someone/digits-gan"  # a Hub repo id, not a folder here


def test_prefix_loss_weights_each_prefix_by_its_position():
    import torch
    import torch.nn.functional as F

    from training.sequence_training import prefix_loss

    logits = torch.randn(2, 4, 3, generator=torch.Generator().manual_seed(0))  # (B, T, C), row 1 has 2 steps
    lengths, labels, w = torch.tensor([4, 2]), torch.tensor([2, 0]), 0.3
    expected = []
    for b, n in enumerate(lengths.tolist()):
        steps = [F.cross_entropy(logits[b, t], labels[b]) for t in range(n)]
        prefixes = sum((t + 1) * ce for t, ce in enumerate(steps)) / sum(range(1, n + 1))
        expected.append((1 - w) * steps[-1] + w * prefixes)
    torch.testing.assert_close(prefix_loss(logits, lengths, labels, w), torch.stack(expected).mean())
    class_weight = torch.tensor([2.0, 1.0, 0.5])
    weighted = (torch.stack(expected) * class_weight[labels]).mean()
    torch.testing.assert_close(prefix_loss(logits, lengths, labels, w, class_weight), weighted)
