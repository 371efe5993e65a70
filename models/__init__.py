"""PyTorch models of the lab; each loads from the Hugging Face Hub or from its bundled folder."""

import os

# Short waits on the Hub: a classroom app must not hang on a slow or absent network.
# huggingface_hub reads these at import, so they are set before anything imports it.
os.environ.setdefault("HF_HUB_ETAG_TIMEOUT", "4")
os.environ.setdefault("HF_HUB_DOWNLOAD_TIMEOUT", "10")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
