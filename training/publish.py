"""Push each bundled weights/ folder to the Hub namespace the app reads ($GANLAB_HUB_NAMESPACE).

    huggingface-cli login            # a token with write access to the namespace
    python -m training.publish       # or --dry-run to see what would be pushed

Each model is loaded from its folder first (strict, safetensors only), pushed with
PyTorchModelHubMixin.push_to_hub, then the folder's own model card and eval files are uploaded
so the Hub copy says exactly what the bundled one says.
"""

from __future__ import annotations

import argparse

from models.registry import REGISTRY, load_bundled

EXTRA_FILES = ("README.md", "eval.json", "training_log.json")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    bundled = sorted(name for name, spec in REGISTRY.items() if spec.bundled_dir.is_dir())
    p.add_argument("names", nargs="*", default=bundled, help="models to publish (default: every bundled one)")
    p.add_argument("--private", action="store_true", help="create the repos as private")
    p.add_argument("--dry-run", action="store_true", help="check and list, push nothing")
    args = p.parse_args(argv)
    for name in args.names:
        spec = REGISTRY[name]
        loaded = load_bundled(spec)  # validates config and weights before anything is sent
        extras = [spec.bundled_dir / f for f in EXTRA_FILES if (spec.bundled_dir / f).exists()]
        print(f"{name}: {spec.bundled_dir} → {spec.repo_id} (+ {', '.join(f.name for f in extras)})")
        if args.dry_run:
            continue
        from huggingface_hub import HfApi

        url = loaded.model.cpu().push_to_hub(
            spec.repo_id, private=args.private, commit_message="Publish weights"
        )
        api = HfApi()
        for path in extras:
            api.upload_file(path_or_fileobj=path, path_in_repo=path.name, repo_id=spec.repo_id)
        print(f"  pushed: {url}")


if __name__ == "__main__":
    main()
