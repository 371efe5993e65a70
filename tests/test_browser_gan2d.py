"""The page's 2-D GAN engine (web/live/gan2d.js, TF.js) against the reference models/toy_gan.py, in Chromium.

A bare static page (no Gradio) loads TF.js and the engine; Python and the page get the same weights and
the same batch. Agreement is measured per tensor as ‖page − python‖ / ‖python‖ (float32 on both sides).
"""

import functools
import http.server
import io
import threading
from pathlib import Path

import numpy as np
import pytest
import torch

from models.toy_gan import (
    LOSSES,
    Discriminator,
    Generator,
    ToyGANConfig,
    ToyGANTrainer,
    discriminator_loss,
    generator_loss,
    gradient_penalty,
    mmd2,
    modes_covered,
    sample_target,
)
from tests.conftest import ROOT
from tests.test_browser import browser  # noqa: F401 (fixture: Debian chromium, project flags)

pytestmark = pytest.mark.browser
TOLERANCE = 1e-4
# WGAN trains with RMSProp. TF.js puts its ε under the square root (√(v + ε)) where torch adds it after
# (√v + ε); the page passes ε = 1e-16 so both divide by 1e-8 at v = 0, yet a weight whose gradient is
# ≲ 1e-7 still moves differently, and RMSProp's first steps move every weight ±10·lr whatever the size
# of its gradient. Measured after two steps here: 3e-3 (losses and gradients themselves agree to 1e-6).
RMSPROP_STEP_TOLERANCE = 1e-2
PAGE = """<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>gan2d engine</title>
<script type="module">
import { loadTf } from "./web/live/load_tf.js";
import * as gan2d from "./web/live/gan2d.js";
window.gan2d = gan2d;
window.ready = loadTf((file) => "./web/vendor/" + file, { preferCpu: location.hash === "#cpu" });
</script>"""


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves web/X.br at X with Content-Encoding: br, as the app does (ui/web_assets.py)."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        compressed = path.with_name(path.name + ".br")
        if path.exists() or not compressed.is_file():
            return super().send_head()
        data = compressed.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "br")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A loopback static server: the test page at /, the repository's web/ at /web/."""
    folder = tmp_path_factory.mktemp("gan2d-site")
    (folder / "index.html").write_text(PAGE)
    (folder / "web").symlink_to(ROOT / "web", target_is_directory=True)
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def open_engine(browser, site, backend: str = "wasm"):  # noqa: F811
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(site + ("#cpu" if backend == "cpu" else ""))
    assert page.evaluate("window.ready") == backend
    return page, errors


@pytest.fixture(scope="module")
def engine(browser, site):  # noqa: F811
    """One page with the engine on TF.js's wasm backend, shared by the module's tests."""
    page, errors = open_engine(browser, site)
    yield page
    page.close()
    assert errors == [], errors


def layers(module: torch.nn.Module) -> list[dict]:
    """A module's Linear layers in the page's exchange format (torch's layout, flat)."""
    linears = [m for m in module.net if isinstance(m, torch.nn.Linear)]
    return [
        {"weight": m.weight.detach().flatten().tolist(), "bias": m.bias.detach().tolist()} for m in linears
    ]


def relative_error(page_value, reference: torch.Tensor) -> float:
    reference = reference.detach().double().flatten()
    page_value = torch.tensor(page_value, dtype=torch.float64).flatten()
    return float((page_value - reference).norm() / reference.norm().clamp_min(1e-12))


def python_losses_and_gradients(config, generator, discriminator, batch):
    real, noise, epsilon, generator_noise = batch
    fake = generator(noise).detach()
    d_loss = discriminator_loss(config.loss, discriminator(real), discriminator(fake))
    penalty = None
    if config.loss == "wgan-gp":
        penalty = gradient_penalty(discriminator, real, fake, epsilon)
        d_loss = d_loss + config.gp_weight * penalty
    d_grads = torch.autograd.grad(d_loss, list(discriminator.parameters()))
    g_loss = generator_loss(config.loss, discriminator(generator(generator_noise)))
    g_grads = torch.autograd.grad(g_loss, list(generator.parameters()))
    return d_loss, g_loss, penalty, d_grads, g_grads


@pytest.mark.parametrize("loss", LOSSES)
def test_each_loss_and_its_gradients_agree_with_python(engine, loss):
    config = ToyGANConfig(loss=loss, hidden_size=32, latent_dim=3, batch_size=64)
    rng = torch.Generator().manual_seed(7)
    generator, discriminator = Generator(config, rng), Discriminator(config, rng)
    batch = (sample_target("ring", 64, rng), torch.randn(64, 3, generator=rng), torch.rand(64, 1, generator=rng),
             torch.randn(64, 3, generator=rng))  # fmt: skip
    d_loss, g_loss, penalty, d_grads, g_grads = python_losses_and_gradients(
        config, generator, discriminator, batch
    )
    page = engine.evaluate(
        "([config, layers, batch]) => gan2d.lossesAndGradients(config, layers, batch)",
        [
            {"loss": loss, "hidden_size": 32, "latent_dim": 3},
            {"generator": layers(generator), "discriminator": layers(discriminator)},
            {"real": batch[0].flatten().tolist(), "noise": batch[1].flatten().tolist(),
             "epsilon": batch[2].flatten().tolist() if loss == "wgan-gp" else None,
             "generatorNoise": batch[3].flatten().tolist()},
        ],
    )  # fmt: skip
    errors = {
        "D loss": relative_error(page["dLoss"], d_loss),
        "G loss": relative_error(page["gLoss"], g_loss),
    }
    if penalty is not None:
        errors["penalty"] = relative_error(page["penalty"], penalty)
        assert 0.01 < penalty.item() < 100  # a penalty that matters, not a vanishing one
    for name, page_grads, grads in [("D", page["dGrads"], d_grads), ("G", page["gGrads"], g_grads)]:
        assert len(page_grads) == len(grads)
        for i, (page_grad, grad) in enumerate(zip(page_grads, grads, strict=True)):
            errors[f"∂{name}/param{i}"] = relative_error(page_grad, grad)
    print(loss, {k: f"{v:.1e}" for k, v in errors.items()})
    assert max(errors.values()) <= TOLERANCE, errors


def _recording(function, record: list):
    def wrapper(*args, **kwargs):
        value = function(*args, **kwargs)
        record.append(value.flatten().tolist())
        return value

    return wrapper


@pytest.mark.parametrize("loss", LOSSES)
def test_two_training_steps_agree_with_python(engine, loss, monkeypatch):
    """Optimisers, D steps, weight clipping and gradient-norm clipping: the same weights after two steps."""
    settings = {
        "loss": loss,
        "hidden_size": 32,
        "batch_size": 64,
        "d_steps": 2,
        "max_grad_norm": 1.0,
        "seed": 3,
    }
    trainer = ToyGANTrainer(ToyGANConfig(**settings))
    start = {"generator": layers(trainer.generator), "discriminator": layers(trainer.discriminator)}
    reals, noises, epsilons = [], [], []
    monkeypatch.setattr(trainer, "sample_real", _recording(trainer.sample_real, reals))
    monkeypatch.setattr(trainer, "_noise", _recording(trainer._noise, noises))
    monkeypatch.setattr(torch, "rand", _recording(torch.rand, epsilons))
    batches = []
    for _ in range(2):
        reals.clear(), noises.clear(), epsilons.clear()
        trainer.train_step()
        d_steps = [{"real": reals[k], "noise": noises[k], "epsilon": epsilons[k] if epsilons else None}
                   for k in range(2)]  # fmt: skip
        batches.append({"dSteps": d_steps, "generatorNoise": noises[2]})
    page = engine.evaluate(
        """([settings, start, batches]) => {
            const trainer = new gan2d.Trainer(settings, start);
            const losses = batches.map((batch) => trainer.trainStep(batch));
            const result = {losses, generator: trainer.generator.exportLayers(),
                            discriminator: trainer.discriminator.exportLayers()};
            trainer.dispose();
            return result;
        }""",
        [settings, start, batches],
    )
    errors = {}
    for name, module in [("generator", trainer.generator), ("discriminator", trainer.discriminator)]:
        linears = [m for m in module.net if isinstance(m, torch.nn.Linear)]
        for i, (linear, page_layer) in enumerate(zip(linears, page[name], strict=True)):
            errors[f"{name}.{i}.weight"] = relative_error(page_layer["weight"], linear.weight)
            errors[f"{name}.{i}.bias"] = relative_error(page_layer["bias"], linear.bias)
    errors["losses"] = relative_error(page["losses"], torch.tensor([row[1:] for row in trainer.losses]))
    print(loss, f"max {max(errors.values()):.1e}")
    assert max(errors.values()) <= (RMSPROP_STEP_TOLERANCE if loss == "wgan" else TOLERANCE), errors
    if loss == "wgan":
        assert max(max(map(abs, layer["weight"])) for layer in page["discriminator"]) <= 0.1 + 1e-7


def test_the_penalty_agrees_on_the_cpu_backend_too(browser, site):  # noqa: F811
    """The fallback backend also nests tf.grad for WGAN-GP."""
    page, errors = open_engine(browser, site, backend="cpu")
    config = ToyGANConfig(loss="wgan-gp", hidden_size=16, batch_size=32)
    rng = torch.Generator().manual_seed(1)
    generator, discriminator = Generator(config, rng), Discriminator(config, rng)
    real, noise = sample_target("ring", 32, rng), torch.randn(32, 2, generator=rng)
    epsilon = torch.rand(32, 1, generator=rng)
    _, _, penalty, d_grads, _ = python_losses_and_gradients(config, generator, discriminator,
                                                            (real, noise, epsilon, noise))  # fmt: skip
    result = page.evaluate(
        "([layers, batch]) => gan2d.lossesAndGradients({loss: 'wgan-gp', hidden_size: 16}, layers, batch)",
        [{"generator": layers(generator), "discriminator": layers(discriminator)},
         {"real": real.flatten().tolist(), "noise": noise.flatten().tolist(),
          "epsilon": epsilon.flatten().tolist(), "generatorNoise": noise.flatten().tolist()}],
    )  # fmt: skip
    page.close()
    assert errors == [], errors
    assert relative_error(result["penalty"], penalty) <= TOLERANCE
    assert max(relative_error(a, b) for a, b in zip(result["dGrads"], d_grads, strict=True)) <= TOLERANCE


def test_mmd_and_modes_covered_agree_with_python(engine):
    rng = torch.Generator().manual_seed(2)
    real, fake = sample_target("ring", 200, rng), 1.3 * sample_target("grid", 150, rng)
    page_mmd, page_modes = engine.evaluate(
        "([x, y]) => [gan2d.mmd2(x, y), gan2d.modesCovered(y, 'grid')]",
        [real.flatten().tolist(), fake.flatten().tolist()],
    )
    assert abs(page_mmd - mmd2(real, fake)) <= TOLERANCE * mmd2(real, fake)
    assert page_modes == modes_covered(fake.numpy(), "grid")
    ring = engine.evaluate("() => Array.from(gan2d.sampleTarget('ring', 800, gan2d.makeRng(0)))")
    assert modes_covered(np.array(ring).reshape(-1, 2), "ring") == 8


RUN_JS = """([settings, steps]) => {
    const trainer = new gan2d.Trainer(settings);
    trainer.steps(steps);
    const result = {divergence: trainer.divergence, modes: gan2d.modesCovered(trainer.fakePoints(), settings.target ?? "ring")};
    trainer.dispose();
    return result;
}"""


@pytest.mark.parametrize("loss", LOSSES)
def test_a_short_run_of_each_loss_lowers_mmd_on_the_ring(engine, loss):
    result = engine.evaluate(RUN_JS, [{"loss": loss, "hidden_size": 32, "batch_size": 64}, 300])
    steps = [step for step, _ in result["divergence"]]
    start, end = result["divergence"][0][1], result["divergence"][-1][1]
    print(loss, f"MMD² {start:.3f} → {end:.3f}")
    # at most 0.75: WGAN-GP's Adam(0, 0.9) is the slow one; the reference in Python, same settings,
    # seeds 0–2: 0.34, 0.64, 0.56 of the start after 300 steps (the page, seed 0: 0.57)
    assert steps == list(range(0, 301, 50)) and end < 0.75 * start


# ui/live_training.PRESETS with the tab's defaults, the page's seed 0. Measured in the page, seeds 0–7:
# "mode collapse" covers ≤ 1 of 8 modes at 1000 and at 2000 steps for all eight seeds (at 3000, six
# seeds still ≤ 2); its fix (5 D steps) covers 8 of 8 at 1000 and 1500 steps for all eight (at 500: 4 of 8).
COLLAPSE = {"loss": "minimax", "lr_generator": 5e-3, "lr_discriminator": 5e-4, "seed": 0}


def test_the_mode_collapse_preset_collapses_and_more_d_steps_fix_it(engine):
    """Both at 1000 steps."""
    collapsed = engine.evaluate(RUN_JS, [COLLAPSE, 1000])
    fixed = engine.evaluate(RUN_JS, [COLLAPSE | {"d_steps": 5}, 1000])
    print("collapse", collapsed["modes"], "fixed", fixed["modes"])
    assert collapsed["modes"] <= 2 and fixed["modes"] == 8


def test_training_frees_its_tensors(engine):
    counts = engine.evaluate("""() => {
        const before = tf.memory().numTensors;
        const trainer = new gan2d.Trainer({loss: "wgan-gp", hidden_size: 16, batch_size: 32, max_grad_norm: 1});
        trainer.steps(5); trainer.snapshot();
        const during = tf.memory().numTensors;
        trainer.steps(50); trainer.snapshot(); trainer.measure();
        const later = tf.memory().numTensors;
        trainer.dispose();
        return [before, during, later, tf.memory().numTensors];
    }""")
    assert counts[1] == counts[2] and counts[3] == counts[0], counts
