"""/docs and /redoc render in a real headless Chromium that can resolve no outside host."""

import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from app.config import Settings
from app.main import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install chromium): browser test skipped",
)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    database = tmp_path_factory.mktemp("browser") / "docs.db"
    app = create_app(Settings(database_url=f"sqlite:///{database}"))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def rendered_dom(url: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                f"--user-data-dir={profile}",
                # every host but this machine is unresolvable: a CDN asset would fail to load
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
                "--virtual-time-budget=10000",
                "--dump-dom",
                url,
            ],
            capture_output=True,
            text=True,
            timeout=90,
            check=True,
        )
    return result.stdout


def test_swagger_ui_renders_every_operation(base_url: str) -> None:
    dom = rendered_dom(f"{base_url}/docs")
    assert "opblock-summary-path" in dom
    for path in ("/v1/sources", "/v1/actors", "/v1/claims", "/v1/stances", "/readyz"):
        assert path in dom


def test_redoc_renders_every_operation(base_url: str) -> None:
    dom = rendered_dom(f"{base_url}/redoc")
    for summary in ("List sources", "Get a claim with its stances", "List stances", "Readiness"):
        assert summary in dom
