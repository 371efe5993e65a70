"""Export the bundled conditional DCGAN for the page: two ONNX graphs (G, D) and the JSON the page needs.

The GAN tab's Explore view runs these in the student's browser with onnxruntime-web (web/gan/model.js);
the server's `/gan_generate` computes the same thing in PyTorch (ui/gan.py). Weights are stored as fp16
(each followed by a Cast to fp32, folded by the runtime when it loads the model: the arithmetic stays
fp32); `--fp32` keeps them fp32. Each graph is stored brotli-compressed as NAME.onnx.br (served as
NAME.onnx, inflated by the browser: ui/web_assets.py). Rerunning reproduces the files byte for byte.
Run: `python -m tools.export_gan_web` (needs the `onnx` and `onnxscript` packages, the app does not).
"""

from __future__ import annotations

import argparse
import json
import warnings
from pathlib import Path

import torch
import torch.nn as nn
from torch.nn.utils import parametrize

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "web" / "models" / "dcgan-mnist"
OPSET = 18
MIN_FP16_ELEMENTS = 64  # smaller tensors (biases, BatchNorm statistics) stay fp32: no size to gain


class Discriminator(nn.Module):
    """(images (B, 1, 28, 28), one-hot digits (B, classes)) → realness (B,): sigmoid(D(image, digit)).

    In eval mode, with D's spectral normalisation baked into plain weights (the stored u, v).
    """

    def __init__(self, gan: nn.Module):
        super().__init__()
        twin = type(gan)(gan.config)  # a fresh copy: removing parametrizations must not touch `gan`
        twin.load_state_dict(gan.state_dict())
        self.discriminator = twin.discriminator.eval()
        for module in self.discriminator.modules():
            if parametrize.is_parametrized(module, "weight"):  # eval mode: W / σ with the stored u, v
                parametrize.remove_parametrizations(module, "weight", leave_parametrized=True)

    def forward(self, images: torch.Tensor, onehot: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.discriminator(images, onehot))


def graphs(gan: nn.Module) -> dict[str, tuple[nn.Module, tuple, list[str], list[str]]]:
    """What `ui.gan._render` computes, as two graphs: file name → (module, example inputs, input names,
    output names). Two, so the page draws G's image before it asks D for the verdict."""
    config = gan.config
    onehot = torch.eye(config.num_classes)[:2]
    generator = gan.generator.eval()
    return {
        "generator.onnx": (
            generator,
            (torch.zeros(2, config.latent_dim), onehot),
            ["z", "onehot"],
            ["image"],
        ),
        "discriminator.onnx": (
            Discriminator(gan).eval(),
            (torch.zeros(2, 1, config.image_size, config.image_size), onehot),
            ["image", "onehot"],
            ["realness"],
        ),
    }


def onnx_bytes(module: nn.Module, example: tuple, input_names: list[str], output_names: list[str]) -> bytes:
    """`module` as ONNX (fp32), batch size dynamic."""
    batch = torch.export.Dim("batch", min=1, max=1024)
    with warnings.catch_warnings(), torch.inference_mode(False):
        warnings.simplefilter("ignore")
        program = torch.onnx.export(
            module,
            example,
            dynamo=True,
            input_names=input_names,
            output_names=output_names,
            dynamic_shapes=tuple({0: batch} for _ in example),
            opset_version=OPSET,
            external_data=False,
            verbose=False,
        )
    model = program.model_proto
    # debug metadata (exported-program signature, symbol names numbered per process, stack traces)
    # would make the bytes depend on what ran before in the process
    for holder in [model, model.graph, *model.graph.node]:
        del holder.metadata_props[:]
    return model.SerializeToString(deterministic=True)


def weights_to_fp16(model_bytes: bytes) -> bytes:
    """Store each large fp32 initializer as fp16 followed by a Cast back to fp32."""
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load_from_string(model_bytes)
    graph = model.graph
    kept, casts = [], []
    for tensor in graph.initializer:
        values = numpy_helper.to_array(tensor)
        if tensor.data_type != onnx.TensorProto.FLOAT or values.size < MIN_FP16_ELEMENTS:
            kept.append(tensor)
            continue
        kept.append(numpy_helper.from_array(values.astype(np.float16), tensor.name + "_fp16"))
        casts.append(
            helper.make_node("Cast", [tensor.name + "_fp16"], [tensor.name], to=onnx.TensorProto.FLOAT)
        )
    del graph.initializer[:]
    graph.initializer.extend(kept)
    nodes = casts + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    return model.SerializeToString(deterministic=True)


def page_config(gan: nn.Module, fp16: bool) -> dict:
    """What the page needs besides the graph: sizes, GANSpace directions, slider ranges, labels."""
    from ui import gan as gan_tab  # the tab's own constants: the page and the server cannot drift
    from ui import gan_browser

    config = gan.config
    return {
        "model": gan_tab.MODEL_NAME,
        # the weights file exported: the page computes only while the server serves these same weights
        "weights_sha256": gan_browser.weights_fingerprint(registry_folder() / "model.safetensors"),
        "graphs": {"generator": "generator.onnx", "discriminator": "discriminator.onnx"},
        "weights": "fp16" if fp16 else "fp32",
        "latent_dim": config.latent_dim,
        "num_classes": config.num_classes,
        "image_size": config.image_size,
        "display_scale": gan_tab.display_scale(config.image_size),
        "num_direction_sliders": gan_tab.NUM_DIRECTION_SLIDERS,
        "raw_dims": list(gan_tab.RAW_DIMS),
        # the sliders the page follows itself, in the order of the Explore event's values from ψ on
        "slider_ids": gan_browser.slider_ids(gan_tab.NUM_DIRECTION_SLIDERS, gan_tab.RAW_DIMS),
        "slider_range": gan_tab.SLIDER_RANGE,
        "truncation_range": [0.0, 2.0],
        "max_seed": gan_tab.MAX_SEED,
        "direction_labels": gan_tab._direction_labels(gan),
        # rows: unit latent directions, strongest first (float32 values, exact as JSON doubles)
        "latent_directions": gan.latent_directions.tolist(),
    }


def registry_folder() -> Path:
    from models import registry

    return registry.REGISTRY["dcgan-mnist"].bundled_dir


def load_bundled() -> nn.Module:
    """The bundled weights folder, loaded as the registry loads it (strict, validated config)."""
    from models import registry

    spec = registry.REGISTRY["dcgan-mnist"]
    folder = spec.bundled_dir
    model, _ = registry.load_folder(spec, folder / "config.json", folder / "model.safetensors")
    return model.cpu().eval()


def export(out_dir: Path, fp16: bool = True) -> list[Path]:
    """Write generator.onnx.br, discriminator.onnx.br and explore.json for the bundled GAN into out_dir."""
    from tools.vendor_web import brotli_bytes

    gan = load_bundled()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (module, example, input_names, output_names) in graphs(gan).items():
        graph = onnx_bytes(module, example, input_names, output_names)
        if fp16:
            graph = weights_to_fp16(graph)
        paths.append(out_dir / f"{name}.br")
        paths[-1].write_bytes(brotli_bytes(graph))
    json_path = out_dir / "explore.json"
    json_path.write_text(json.dumps(page_config(gan, fp16), indent=1) + "\n", encoding="utf-8")
    return [*paths, json_path]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=OUT_DIR, help="where the files go")
    parser.add_argument("--fp32", action="store_true", help="keep the weights fp32 (twice the bytes)")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    for path in export(args.out_dir, fp16=not args.fp32):
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size:,} bytes"
        )


if __name__ == "__main__":
    main()
