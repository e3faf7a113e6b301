"""Serve a built site the way GitHub Pages serves a project site: under a sub-path, text compressed with
gzip for clients that accept it, and the site's /404.html (status 404) for every missing path. Used by
the browser tests and the benchmark (Lighthouse counts the bytes on the wire)."""

from __future__ import annotations

import functools
import gzip
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

SUB_PATH = "/handbook/"
COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


class PagesHandler(SimpleHTTPRequestHandler):
    def translate_path(self, path):
        path = urlsplit(path).path
        if not path.startswith(SUB_PATH):
            return str(Path(self.directory) / "__missing__")
        return super().translate_path("/" + path[len(SUB_PATH):])

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "")
        plain = (not gzip_ok or path.suffix not in COMPRESSED or not path.is_file()
                 or not urlsplit(self.path).path.endswith(("/", path.name)))
        if plain:
            return super().do_GET()  # directory redirects, 404s, binary files
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class PagesServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser closed the page before the response was sent: nothing to report
        super().handle_error(request, client_address)


def start(site: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve site in a background thread; return the server and the site's base URL."""
    handler = functools.partial(PagesHandler, directory=str(site))
    server = PagesServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
