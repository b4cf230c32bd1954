"""Generate the Python client (clients/python) from the OpenAPI document: `make client`.

    python clients/generate.py [OUTPUT]     # default: clients/python, replaced

The document comes from the app itself (`claimsdb openapi`), without a server or a
database; openapi-python-client (pinned in pyproject.toml's dev extra, as another version
writes other code) turns it into a package, and formats it with the ruff beside it.
tests/test_client.py generates it again into a temporary folder and fails when the
checked-in client differs.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
OUTPUT = ROOT / "clients" / "python"
GENERATOR = BIN / "openapi-python-client"


def generate(output: Path = OUTPUT) -> None:
    with tempfile.TemporaryDirectory(prefix="claimsdb-openapi-") as work:
        document = Path(work) / "openapi.json"
        subprocess.run([BIN / "claimsdb", "openapi", document], check=True, cwd=ROOT)
        subprocess.run(
            [
                GENERATOR,
                *("generate", "--path", document, "--meta", "pdm"),
                *("--output-path", output, "--overwrite", "--fail-on-warning"),
            ],
            check=True,
            cwd=work,
            # its formatting step runs the ruff it finds on the PATH: this environment's
            env={**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"},
            stdout=subprocess.DEVNULL,
        )


if __name__ == "__main__":
    generate(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else OUTPUT)
