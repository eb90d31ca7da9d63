"""A static server for `cargo xtask bench` that compresses as static hosts do.

`python3 -m http.server` with one change: a response to a client that
accepts gzip is gzipped when its type compresses (HTML, JS, CSS, wasm,
JSON and Orrery's postcard shards). Pagefind's own files, already gzipped,
are sent as they are. Usage: serve_gzip.py PORT DIRECTORY
"""

import gzip
import http.server
import io
import os
import sys

COMPRESS = (".html", ".js", ".css", ".wasm", ".json", ".bin", ".svg", ".txt")


# Compressed once per file and kept, as a host's cache or precompressed
# files would be: a benchmark measures the page, not this server.
CACHE = {}


class Handler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and path.endswith(COMPRESS) and os.path.isfile(path)):
            return super().send_head()
        key = (path, os.path.getmtime(path))
        body = CACHE.get(key)
        if body is None:
            with open(path, "rb") as f:
                body = CACHE[key] = gzip.compress(f.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port, directory = int(sys.argv[1]), sys.argv[2]
    handler = lambda *a, **k: Handler(*a, directory=directory, **k)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
