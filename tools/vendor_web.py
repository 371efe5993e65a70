"""Vendor the page's browser libraries from the npm registry (`npm pack`), pinned by web/vendor/manifest.json.

Each package lands in web/vendor/<name>/ with the listed files (kept byte for byte, or stored brotli-
compressed as `<file>.br` where the manifest says so: a Space refuses files over 10 MB without LFS;
ui/web_assets.py serves such a file at its own name, and the browser inflates it), its licence text and a
VERSION file. Run: `python -m tools.vendor_web`.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "web" / "vendor"
MAX_FILE_BYTES = 10 * 1024 * 1024


def npm_pack(spec: str, into: Path) -> tarfile.TarFile:
    """Fetch one package tarball (`npm pack name@version`) into a folder and open it."""
    command = ["npm", "pack", spec, "--silent", "--pack-destination", str(into)]
    packed = subprocess.run(command, check=True, capture_output=True, text=True)
    name = packed.stdout.strip().splitlines()[-1]
    return tarfile.open(into / name)


def brotli_bytes(data: bytes) -> bytes:
    """Brotli at its smallest (quality 11, 16 MB window): deterministic, so a rerun gives the same bytes."""
    import brotli  # a dependency of Gradio's

    return brotli.compress(data, quality=11, lgwin=24)


def folder_name(package: str) -> str:
    """`@tensorflow/tfjs` → `tensorflow-tfjs`: one flat folder per package."""
    return package.lstrip("@").replace("/", "-")


def licence_text(licences: tarfile.TarFile, spdx_id: str) -> str:
    """The SPDX licence text (the packages themselves ship none, only the id in package.json)."""
    entry = json.load(licences.extractfile(f"package/licenses/{spdx_id}.json"))
    return entry["licenseText"]


def vendor_package(package: str, spec: dict, workdir: Path, licences: tarfile.TarFile) -> Path:
    """Unpack the listed files of one pinned package into web/vendor/<name>/."""
    archive = npm_pack(f"{package}@{spec['version']}", workdir)
    meta = json.load(archive.extractfile("package/package.json"))
    if meta["version"] != spec["version"]:
        raise SystemExit(f"{package}: asked for {spec['version']}, npm gave {meta['version']}")
    target = VENDOR / folder_name(package)
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for member in spec["files"]:
        data = archive.extractfile(f"package/{member}").read()
        name = Path(member).name
        if member in spec.get("brotli", []):
            data, name = brotli_bytes(data), name + ".br"
        if len(data) > MAX_FILE_BYTES:
            raise SystemExit(f"{package}: {name} is {len(data):,} bytes, over the 10 MB a Space accepts")
        (target / name).write_bytes(data)
    (target / "LICENSE").write_text(
        f"{package} {meta['version']} is licensed under {meta['license']} "
        f"(package.json); the licence text follows.\n\n{licence_text(licences, meta['license'])}\n"
    )
    (target / "VERSION").write_text(f"{package}@{meta['version']} from the npm registry (npm pack)\n")
    return target


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*", help="only these packages of the manifest (default: all)")
    args = parser.parse_args(argv)
    manifest = json.loads((VENDOR / "manifest.json").read_text())
    chosen = args.packages or list(manifest["packages"])
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        spdx = manifest["license_texts"]
        licences = npm_pack(f"{spdx['package']}@{spdx['version']}", workdir)
        for package in chosen:
            target = vendor_package(package, manifest["packages"][package], workdir, licences)
            print(f"{package}: {sorted(p.name for p in target.iterdir())}")


if __name__ == "__main__":
    main()
