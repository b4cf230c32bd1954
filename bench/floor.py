"""The floor for bench/run.py: a bare FastAPI endpoint that returns a constant.

A sync ``def``, like claimsdb's routes, so it pays the same thread-pool hop per request.
"""

from fastapi import FastAPI

app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)


@app.get("/")
def constant() -> dict[str, bool]:
    """Always the same tiny JSON object."""
    return {"ok": True}
