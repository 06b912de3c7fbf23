"""Shared fixtures: paths to the bundled pages and gold sets, a store, a loopback HTTP server."""

from __future__ import annotations

import os
import threading
import time
import uuid
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from summitlog.settings import Settings
from summitlog.storage.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "examples" / "seeds"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
DEV = SHARED / "dev"  # publishers' pages: read from the shared folder, never copied here
GOLD = SHARED / "gold"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def dev(prefix: str) -> Path:
    return next(DEV.glob(f"{prefix}_*.txt"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "test.db"))


@pytest.fixture(scope="session")
def analyzer():
    """The spaCy pipeline and registry, loaded once for the whole run."""
    from summitlog.analysis.analyzer import Analyzer

    return Analyzer()


@pytest.fixture
def analyze_text(analyzer):
    """Analyse a passage written for a test, as if it were a plain-text page."""
    from summitlog.analysis.analyzer import analyze
    from summitlog.reading.clean import clean
    from summitlog.records import RawInput

    def run(text, **page):
        return analyze(clean(RawInput(source="t", name="t", content=text, kind="text", **page)), analyzer)
    return run


def predictions(analyzer, folder: Path, pattern: str, out: Path) -> Path:
    """The gold-jsonl lines of every page of a shared folder, as `summitlog extract` writes them."""
    import json

    from summitlog.pipeline import extract
    from summitlog.surfaces.goldjson import to_gold

    rows = [to_gold(item) for item in extract([str(p) for p in sorted(folder.glob(pattern))], Settings(),
                                              analyzer=analyzer)]
    out.write_text("\n".join(json.dumps(r) for r in rows))
    return out


@pytest.fixture(scope="session")
def polnear_predictions(analyzer, tmp_path_factory):
    return predictions(analyzer, SHARED / "external" / "polnear" / "docs" / "dev", "*.txt",
                       tmp_path_factory.mktemp("polnear") / "pred.jsonl")


@pytest.fixture(scope="session")
def kremlin_predictions(analyzer, tmp_path_factory):
    return predictions(analyzer, SHARED / "external" / "kremlin" / "pages", "*.html",
                       tmp_path_factory.mktemp("kremlin") / "pred.jsonl")


POSTGRES = os.environ.get("SUMMITLOG_TEST_POSTGRES", "postgresql://summitlog:summitlog@127.0.0.1:5432/summitlog_test")


@contextmanager
def postgres_schema():
    """The URL of a fresh, empty schema in the test database, dropped afterwards."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(POSTGRES, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.fail(f"PostgreSQL at {POSTGRES} is not reachable ({exc}); scripts/test.sh starts it")
    admin.execute(f"CREATE SCHEMA {name}")
    try:
        yield f"{POSTGRES}?options=-csearch_path%3D{name}"
    finally:
        admin.execute(f"DROP SCHEMA {name} CASCADE")
        admin.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A new database of each kind: a SQLite file, a PostgreSQL schema."""
    if request.param == "sqlite":
        yield str(tmp_path / "test.db")
    else:
        with postgres_schema() as url:
            yield url


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as s:
        yield s


PAGE = (
    "<html><head><title>Xi and Lula meet in Beijing</title></head><body><nav>Home | World</nav>"
    "<article><h1>Xi and Lula meet in Beijing</h1><p>Chinese President Xi Jinping received "
    "Brazilian President Luiz Inacio Lula da Silva in the Great Hall of the People in Beijing on "
    "Friday, the two leaders said after talks that lasted about two hours.</p><p>\u201cNo one will "
    "prevent Brazil from improving its relations with China,\u201d Lula said.</p></article>"
    "</body></html>"
)


ROUTES = {
    "/page": (200, "text/html; charset=utf-8", PAGE.encode()),
    "/plain": (200, "text/plain; charset=utf-8", b"Leaders met in Astana on Thursday for talks."),
    "/missing": (404, "text/html", b"<html><body>Not found</body></html>"),
    "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    "/empty": (200, "text/html", b""),
    "/big": (200, "text/html", b"<p>" + b"a" * (3 * 1024 * 1024) + b"</p>"),
}


@contextmanager
def serve(routes: dict, default=(404, "text/plain", b"not found"), slow: str = "/slow"):
    """A real HTTP server on 127.0.0.1 answering from `routes` (path -> status, type, body),
    which the caller may change while it runs; `slow` answers after two seconds."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == slow:
                time.sleep(2)
            status, ctype, body = routes.get(self.path, default)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def http_base():
    """A page, a 404, an image, an empty, an oversized and a slow reply, served on loopback."""
    with serve(ROUTES, default=(200, "text/html", PAGE.encode())) as base:
        yield base
