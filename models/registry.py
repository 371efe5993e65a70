"""Model name → Hub repo id and bundled folder; loading with fallback and provenance.

Only config.json + model.safetensors are read (never a pickle), the config is validated by the
model's own Config class, and the weights must match the architecture key for key.
"""

from __future__ import annotations

import json
import os
import pickle  # only for its UnpicklingError: weights are never unpickled with code
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import torch
import torch.nn as nn
from huggingface_hub import hf_hub_download
from huggingface_hub.errors import (
    GatedRepoError,
    HfHubHTTPError,
    LocalEntryNotFoundError,
    OfflineModeIsEnabled,
    RemoteEntryNotFoundError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)
from safetensors import SafetensorError
from safetensors.torch import load_file

from models.char_lstm import CharLSTM, CharLSTMConfig
from models.community_dcgan import DCGANConfig, DCGANGenerator
from models.dcgan import ConditionalGAN, GANConfig
from models.device import pick_device
from models.mnist_classifier import ClassifierConfig, MnistClassifier
from models.rcgan import RCGANConfig, RecurrentGAN
from models.text_classifier import NameConfig, NameLSTM, SentimentConfig, SentimentLSTM

WEIGHTS_DIR = Path(__file__).resolve().parents[1] / "weights"
HUB_NAMESPACE = os.environ.get("GANLAB_HUB_NAMESPACE", "gan-lstm-lab")  # owner the publish script pushes to
HUB_DEADLINE_S = float(os.environ.get("GANLAB_HUB_DEADLINE", "6"))  # give up on the Hub after this long
USE_HUB = os.environ.get("GANLAB_USE_HUB", "1") != "0"  # 0: serve the bundled folders without asking
MAX_CACHED_MODELS = 4
_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]{0,95}/[A-Za-z0-9][\w.-]{0,95}$")
_REVISION = re.compile(r"^[\w.-][\w./-]{0,99}$")


T = TypeVar("T")


class ModelLoadError(Exception):
    """A model could not be loaded; the message is written for the person who asked."""


class HubUnavailable(ModelLoadError):
    """The Hub could not be reached (offline, timeout, server error)."""


@dataclass(frozen=True)
class ModelSpec:
    name: str  # registry key, also the folder name under weights/
    model_class: type[nn.Module]  # nn.Module + PyTorchModelHubMixin taking `config`
    config_class: type  # dataclass with from_dict(dict) that validates
    config_optional: bool = False  # a repo without config.json gets the config's defaults
    pickle_weights: bool = False  # also read pytorch_model.bin, tensors only (weights_only=True)

    @property
    def repo_id(self) -> str:
        return f"{HUB_NAMESPACE}/{self.name}"

    @property
    def bundled_dir(self) -> Path:
        return WEIGHTS_DIR / self.name


REGISTRY: dict[str, ModelSpec] = {
    "dcgan-mnist": ModelSpec("dcgan-mnist", ConditionalGAN, GANConfig),
    # the same architecture trained the naive way until it mode-collapsed, kept as a lesson
    "dcgan-mnist-collapsed": ModelSpec("dcgan-mnist-collapsed", ConditionalGAN, GANConfig),
    "rcgan-mnist": ModelSpec("rcgan-mnist", RecurrentGAN, RCGANConfig),  # an LSTM drawing rows
    "mnist-classifier": ModelSpec("mnist-classifier", MnistClassifier, ClassifierConfig),
    "char-lstm-shakespeare": ModelSpec("char-lstm-shakespeare", CharLSTM, CharLSTMConfig),
    "sentiment-lstm-sst2": ModelSpec("sentiment-lstm-sst2", SentimentLSTM, SentimentConfig),
    "names-lstm": ModelSpec("names-lstm", NameLSTM, NameConfig),
    # community generators on the Hub (e.g. huggan/dcgan-mnist); not bundled, never a default
    "community-dcgan": ModelSpec(
        "community-dcgan", DCGANGenerator, DCGANConfig, config_optional=True, pickle_weights=True
    ),
}
# Other architectures a repo id typed for a model may hold: tried in order, by their config.
FAMILIES: dict[str, tuple[str, ...]] = {"dcgan-mnist": ("dcgan-mnist", "community-dcgan")}


@dataclass
class LoadedModel:
    model: nn.Module  # in eval mode, on the serving device
    name: str  # registry key
    source: str  # "hub" or "bundled"
    repo_id: str | None  # Hub repo id asked for (None for a bundled folder asked directly)
    revision: str | None  # commit the files came from (Hub), None for bundled
    location: str  # folder the files were read from
    notice: str | None = None  # why the bundled folder serves instead of the Hub, if it does

    def describe(self) -> str:
        """One Markdown line saying where the model came from."""
        if self.source == "hub":
            text = f"`{self.repo_id}` from the Hub, commit `{(self.revision or '?')[:10]}`"
        else:
            text = f"bundled folder `weights/{Path(self.location).name}` (shipped with the app)"
        return text + (f" — {self.notice}" if self.notice else "")


def validate_repo_id(repo_id: str) -> str:
    """Return the stripped repo id, or raise ModelLoadError naming what is wrong with it."""
    if not isinstance(repo_id, str):
        raise ModelLoadError("The repo id must be text like 'owner/name'.")
    repo_id = repo_id.strip()
    if len(repo_id) > 193 or not _REPO_ID.match(repo_id) or ".." in repo_id or "--" in repo_id:
        shown = repo_id if len(repo_id) <= 60 else repo_id[:57] + "..."
        raise ModelLoadError(
            f"{shown!r} is not a Hub repo id: use 'owner/name' with letters, digits, '-', '_' or '.'."
        )
    return repo_id


def validate_revision(revision: str | None) -> str | None:
    if revision is None or not str(revision).strip():
        return None
    revision = str(revision).strip()
    if not _REVISION.match(revision) or ".." in revision:
        raise ModelLoadError(f"{revision[:40]!r} is not a branch, tag or commit name.")
    return revision


def _read_config(path: Path | None) -> dict | None:
    if path is None:
        return None
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as error:  # JSONDecodeError is a ValueError
        raise ModelLoadError(f"config.json is not valid JSON: {error}") from None


def choose_spec(candidates: tuple[ModelSpec, ...], config: dict | None) -> tuple[ModelSpec, object]:
    """The first candidate whose Config accepts `config` (None: no config.json), with that config."""
    reasons = []
    for spec in candidates:
        if config is None and not spec.config_optional:
            reasons.append(f"{spec.name} needs a config.json")
            continue
        try:
            return spec, spec.config_class.from_dict(config)
        except ValueError as error:
            reasons.append(f"not a {spec.name} model: {error}")
    raise ModelLoadError("This repo holds no model this app can run (" + "; ".join(reasons) + ").")


def _read_weights(path: Path) -> dict[str, torch.Tensor]:
    """Tensors of model.safetensors, or of pytorch_model.bin read with weights_only=True (no code runs)."""
    try:
        if path.name.endswith(".bin"):
            state = torch.load(path, map_location="cpu", weights_only=True)
            if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
                raise ValueError("not a plain state dict of tensors")
            return state
        return load_file(str(path))
    except (SafetensorError, OSError, ValueError, RuntimeError, EOFError, pickle.UnpicklingError) as error:
        raise ModelLoadError(
            f"{path.name} is corrupt, truncated or not plain weights ({str(error)[:160]})."
        ) from None


def load_folder(
    spec: ModelSpec, config_path: Path | None, weights_path: Path, candidates: tuple[ModelSpec, ...] = ()
) -> tuple[nn.Module, ModelSpec]:
    """Build the model a config.json describes (spec, or the first fitting candidate) and load it strictly."""
    spec, config = choose_spec(candidates or (spec,), _read_config(config_path))
    model = spec.model_class(config)
    state = _read_weights(Path(weights_path))
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as error:
        first = str(error).splitlines()[0][:200]
        raise ModelLoadError(f"The weights do not fit the {spec.name} architecture: {first}") from None
    if not all(torch.isfinite(t).all() for t in state.values() if t.is_floating_point()):
        raise ModelLoadError(f"{Path(weights_path).name} holds NaN or infinite weights.")
    model = model.to(pick_device()).eval()
    if hasattr(model, "compute_directions"):  # latent directions not shipped with the weights
        model.compute_directions()
    return model, spec


def _with_deadline(fn: Callable[[], T], seconds: float) -> T:
    """Run fn in a daemon thread; raise HubUnavailable if it takes longer than `seconds`."""
    result: dict = {}

    def target() -> None:
        try:
            result["value"] = fn()
        except BaseException as error:  # handed to the caller below
            result["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise HubUnavailable(f"the Hub did not answer within {seconds:g} s")
    if "error" in result:
        raise result["error"]
    return result["value"]


def _download_optional(repo_id: str, filename: str, revision: str | None) -> str | None:
    """hf_hub_download, or None when the repo has no such file."""
    try:
        return hf_hub_download(repo_id, filename, revision=revision)
    except RemoteEntryNotFoundError:
        return None


def load_from_hub(spec: ModelSpec, repo_id: str, revision: str | None = None) -> LoadedModel:
    """Download config.json and the weights of `repo_id` through huggingface_hub, then load.

    `spec` and the other members of its family (FAMILIES) are tried by config; model.safetensors is
    read, and pytorch_model.bin only for specs that allow it (tensors only, never code).
    """
    repo_id, revision = validate_repo_id(repo_id), validate_revision(revision)
    candidates = tuple(REGISTRY[name] for name in FAMILIES.get(spec.name, (spec.name,)))

    def download() -> tuple[str | None, str, ModelSpec]:
        config_path = _download_optional(repo_id, "config.json", revision)
        chosen, _ = choose_spec(candidates, _read_config(config_path))
        weights = _download_optional(repo_id, "model.safetensors", revision)
        if weights is None and chosen.pickle_weights:
            weights = _download_optional(repo_id, "pytorch_model.bin", revision)
        if weights is None:
            allowed = "model.safetensors" + (" or pytorch_model.bin" if chosen.pickle_weights else "")
            raise ModelLoadError(f"{repo_id!r} has no {allowed} (only those weight files are read).")
        return config_path, weights, chosen

    try:
        config_path, weights_path, chosen = _with_deadline(download, HUB_DEADLINE_S)
    except (RepositoryNotFoundError, GatedRepoError):
        raise ModelLoadError(f"No public model repo {repo_id!r} on the Hub.") from None
    except RevisionNotFoundError:
        raise ModelLoadError(f"{repo_id!r} has no revision {revision!r}.") from None
    except (LocalEntryNotFoundError, OfflineModeIsEnabled):
        raise HubUnavailable("the Hub is unreachable (offline) and the files are not cached") from None
    except HfHubHTTPError as error:
        status = getattr(error.response, "status_code", "?")
        raise HubUnavailable(f"the Hub answered HTTP {status}") from None
    except ModelLoadError:
        raise
    except Exception as error:  # refused, reset, cut off mid-answer, DNS: OSError or the HTTP client's own
        raise HubUnavailable(f"the Hub could not be reached ({type(error).__name__}: {error})") from None
    model, chosen = load_folder(chosen, Path(config_path) if config_path else None, Path(weights_path))
    commit = Path(weights_path).parent.name  # the cache keeps files under snapshots/<commit>/
    return LoadedModel(model, chosen.name, "hub", repo_id, commit, str(Path(weights_path).parent))


def load_bundled(spec: ModelSpec, notice: str | None = None) -> LoadedModel:
    folder = spec.bundled_dir
    model, _ = load_folder(spec, folder / "config.json", folder / "model.safetensors")
    return LoadedModel(model, spec.name, "bundled", spec.repo_id, None, str(folder), notice)


def load_default(spec: ModelSpec) -> LoadedModel:
    """The registry's repo id from the Hub; the bundled folder when the Hub cannot serve it."""
    if not USE_HUB:
        return load_bundled(spec)
    try:
        return load_from_hub(spec, spec.repo_id)
    except HubUnavailable as error:
        return load_bundled(spec, notice=f"{error}; serving the bundled copy")
    except ModelLoadError as error:
        return load_bundled(spec, notice=f"Hub copy unusable ({error}); serving the bundled copy")


_cache: dict[tuple[str, str, str | None], LoadedModel] = {}
_cache_lock = threading.Lock()  # guards _cache and _load_locks, held only briefly
_load_locks: dict[tuple[str, str, str | None], threading.Lock] = {}


def load_model(name: str, repo_id: str | None = None, revision: str | None = None) -> LoadedModel:
    """Cached load: the default when repo_id is empty or the registry's own, else that Hub repo.

    A slow download of one repo blocks only the users asking for that repo.
    """
    if name not in REGISTRY:
        raise ModelLoadError(f"Unknown model {name!r}; known: {sorted(REGISTRY)}")
    spec = REGISTRY[name]
    repo_id = validate_repo_id(repo_id) if repo_id and repo_id.strip() else spec.repo_id
    revision = validate_revision(revision)
    key = (name, repo_id, revision)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
        key_lock = _load_locks.setdefault(key, threading.Lock())
    with key_lock:
        with _cache_lock:
            if key in _cache:
                return _cache[key]
        if repo_id == spec.repo_id and revision is None:
            loaded = _serve_bundled_then_ask_hub(spec, key)
        else:
            loaded = load_from_hub(spec, repo_id, revision)
        with _cache_lock:
            defaults = {(n, s.repo_id, None) for n, s in REGISTRY.items()}
            evictable = [k for k in _cache if k not in defaults]
            if len(_cache) >= MAX_CACHED_MODELS and evictable:
                del _cache[evictable[0]]
            _cache[key] = loaded
        return loaded


_hub_checks: dict[tuple[str, str, str | None], threading.Thread] = {}


def _serve_bundled_then_ask_hub(spec: ModelSpec, key: tuple) -> LoadedModel:
    """Start-up never waits on the network: serve the bundled copy, swap in the Hub's when it arrives."""
    if not USE_HUB:
        return load_bundled(spec)

    def ask_hub() -> None:
        try:
            result = load_default(spec)
        except ModelLoadError:  # the bundled copy keeps serving
            return
        with _cache_lock:
            _cache[key] = result

    thread = threading.Thread(target=ask_hub, daemon=True, name=f"hub-check-{spec.name}")
    _hub_checks[key] = thread
    thread.start()
    return load_bundled(spec, notice="asking the Hub for its copy…")


def wait_for_hub_checks(timeout: float = 30.0) -> None:
    """Block until the background Hub checks of default models end (tests, benchmarks)."""
    for thread in list(_hub_checks.values()):
        thread.join(timeout)


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()
        _load_locks.clear()
