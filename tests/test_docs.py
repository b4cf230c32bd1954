"""The API documents itself completely, and its docs pages need no internet."""

import re
import shlex
from pathlib import Path

import click
import pytest
import typer
from fastapi.testclient import TestClient

from app.cli import cli
from app.main import create_app

README = Path(__file__).resolve().parent.parent / "README.md"

LOCAL_REF = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']""")


@pytest.fixture(scope="module")
def docs_client() -> TestClient:
    # the docs need no database: an in-memory one is never touched
    from app.config import Settings

    return TestClient(create_app(Settings(database_url="sqlite://")))


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_only_local_assets(docs_client: TestClient, page: str) -> None:
    response = docs_client.get(page)
    assert response.status_code == 200
    html = response.text
    assert "http://" not in html
    assert "https://" not in html
    assert "//fonts." not in html
    assets = LOCAL_REF.findall(html)
    assert assets, html
    for asset in assets:
        assert asset.startswith("/"), asset
        fetched = docs_client.get(asset)
        assert fetched.status_code == 200, asset
        assert len(fetched.content) > 100


def test_openapi_is_3_1_and_documents_every_operation(docs_client: TestClient) -> None:
    schema = docs_client.get("/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    paths = set(schema["paths"])
    assert {
        "/v1/sources",
        "/v1/sources/{source_id}",
        "/v1/sources/{source_id}/annotations",
        "/v1/actors",
        "/v1/actors/{actor_id}",
        "/v1/claims",
        "/v1/claims/{claim_id}",
        "/v1/stances",
        "/v1/stances/{stance_id}",
        "/healthz",
        "/readyz",
    } <= paths
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert operation.get("summary"), where
            assert operation.get("description"), where
            for status, response in operation["responses"].items():
                assert response.get("description"), f"{where} {status}"
                for media_type, media in response.get("content", {}).items():
                    assert "example" in media, f"{where} {status} {media_type}"
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    assert parameter["schema"].get("examples") or parameter.get("example"), (
                        f"{where} ?{parameter['name']}"
                    )


def test_errors_are_documented_as_problem_json(docs_client: TestClient) -> None:
    schema = docs_client.get("/openapi.json").json()
    claims = schema["paths"]["/v1/claims"]["get"]["responses"]
    assert set(claims) == {"200", "304", "401", "422", "429", "500", "503"}
    assert "application/problem+json" in claims["422"]["content"]
    detail = schema["paths"]["/v1/claims/{claim_id}"]["get"]["responses"]
    assert set(detail) == {"200", "304", "401", "404", "406", "429", "500", "503"}
    assert "HTTPValidationError" not in schema["components"]["schemas"]


def test_writes_document_if_match(docs_client: TestClient) -> None:
    schema = docs_client.get("/openapi.json").json()
    patch = schema["paths"]["/v1/claims/{claim_id}"]["patch"]
    if_match = patch["parameters"][-1]
    assert (if_match["name"], if_match["in"], if_match["required"]) == ("If-Match", "header", True)
    assert "If-Match" not in str(schema["paths"]["/v1/claims"]["post"].get("parameters", []))


COMMAND_LINE = re.compile(r"^(?:\$ )?(?:\w+=\S+ )*claimsdb (.*)$")
SUBSTITUTED = re.compile(r"\$\(claimsdb ([^)]*)\)")


def readme_commands() -> list[tuple[int, list[str]]]:
    """Each `claimsdb ...` command of the README's shell blocks: (line, arguments)."""
    found, in_shell = [], False
    lines = README.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if line.startswith("```"):
            in_shell = line.strip() == "```sh"
            continue
        code = re.sub(r"(^|\s)#.*$", "", line).strip()  # comments are not run
        command = in_shell and (SUBSTITUTED.search(code) or COMMAND_LINE.match(code))
        if command:
            found.append((number, shlex.split(command.group(1))))
    return found


def test_every_claimsdb_line_of_the_readme_runs_as_written() -> None:
    """After `make serve` and `. .venv/bin/activate`, each line parses with the real
    command: its subcommands exist and it passes only options they take."""
    commands = readme_commands()
    lines = README.read_text(encoding="utf-8").splitlines()
    activate = next(n for n, line in enumerate(lines, 1) if line.startswith(". .venv/bin/activate"))
    assert activate < commands[0][0]
    group = typer.main.get_command(cli)
    assert len(commands) >= 8
    for number, arguments in commands:
        command, rest, name = group, list(arguments), "claimsdb"
        while isinstance(command, click.Group):
            context = command.make_context(name, list(rest), resilient_parsing=True)
            name, *rest = context.protected_args + context.args
            assert name in command.commands, f"README.md:{number}: no command {name!r}"
            command = command.commands[name]
        try:
            command.make_context(name, rest)
        except click.UsageError as error:
            pytest.fail(f"README.md:{number}: {' '.join(arguments)}: {error}")
