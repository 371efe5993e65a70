"""A loopback stand-in for the Hugging Face Hub's file endpoint, for HF_ENDPOINT in tests.

Serves HEAD and GET on /{repo_id}/resolve/{revision}/{filename} with the headers huggingface_hub
reads (X-Repo-Commit, ETag, Content-Length, X-Error-Code on 404), and can misbehave on demand.
"""

from __future__ import annotations

import hashlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote


class FakeHub:
    def __init__(self) -> None:
        self.repos: dict[str, tuple[str, dict[str, bytes]]] = {}  # repo_id → (commit, files)
        self.mode = "ok"  # ok | error500 | slow | truncate | reset (connection closed, no answer)
        self.slow_seconds = 30.0
        self.requests: list[str] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_HEAD(self) -> None:
                hub._answer(self, body=False)

            def do_GET(self) -> None:
                hub._answer(self, body=True)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeHub:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def add_repo(self, repo_id: str, files: dict[str, bytes], commit: str | None = None) -> str:
        commit = commit or hashlib.sha1(repo_id.encode() + b"".join(files.values())).hexdigest()
        self.repos[repo_id] = (commit, files)
        return commit

    def add_folder(self, repo_id: str, folder: Path) -> str:
        return self.add_repo(repo_id, {p.name: p.read_bytes() for p in Path(folder).iterdir() if p.is_file()})

    def _answer(self, request: BaseHTTPRequestHandler, body: bool) -> None:
        self.requests.append(f"{request.command} {request.path}")
        if self.mode == "slow":
            time.sleep(self.slow_seconds)
        if self.mode == "reset":  # as if the Hub were unreachable: the connection closes unanswered
            request.close_connection = True
            return
        if self.mode == "error500":
            request.send_response(500)
            request.send_header("Content-Length", "0")
            request.end_headers()
            return
        path = unquote(request.path.split("?")[0]).lstrip("/")
        repo_id, _, rest = path.partition("/resolve/")
        revision, _, filename = rest.partition("/")
        if repo_id not in self.repos:
            return self._not_found(request, "RepoNotFound")
        commit, files = self.repos[repo_id]
        if revision not in ("main", commit):
            return self._not_found(request, "RevisionNotFound")
        if filename not in files:
            return self._not_found(request, "EntryNotFound")
        data = files[filename]
        request.send_response(200)
        request.send_header("X-Repo-Commit", commit)
        request.send_header("ETag", '"' + hashlib.sha256(data).hexdigest() + '"')
        request.send_header("Content-Length", str(len(data)))
        request.send_header("Content-Type", "application/octet-stream")
        request.end_headers()
        if body:
            request.wfile.write(data[: len(data) // 2] if self.mode == "truncate" else data)

    @staticmethod
    def _not_found(request: BaseHTTPRequestHandler, code: str) -> None:
        request.send_response(404)
        request.send_header("X-Error-Code", code)
        request.send_header("Content-Length", "0")
        request.end_headers()
