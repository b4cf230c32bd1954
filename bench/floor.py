"""The floors for bench/run.py: bare FastAPI endpoints that return a constant.

``/`` is a sync ``def`` returning a dict, as FastAPI's tutorial writes a route: it pays the
framework's thread pool and its response serialisation. The targets are measured against
it. ``/async`` is the cheapest route FastAPI serves, an ``async def`` returning a ready
``Response``: what no endpoint that reads a database can beat, reported beside it.
"""

from fastapi import FastAPI, Response

app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)


@app.get("/")
def constant() -> dict[str, bool]:
    """Always the same tiny JSON object."""
    return {"ok": True}


@app.get("/async")
async def constant_async() -> Response:
    """The same object, written once, with no thread and no serialisation."""
    return Response(b'{"ok":true}', media_type="application/json")
