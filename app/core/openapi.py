"""The OpenAPI document: problem+json errors and an example for every response."""

import re
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from app.core import query
from app.core.errors import PROBLEM_JSON, FieldError, Problem

DESCRIPTION = """
claimsdb is an open database of claims annotated in their sources, with provenance down to
the character.

* **Sources** are documents stored verbatim; **actors** are people, states, organisations
  and groups; **claims** are self-contained propositions; **stances** record a holder's
  position on a claim at an exact span of a source.
* Offsets count Unicode code points of the source text, `end` exclusive, and
  `quote == source.text[start:end]` always.
* Lists return `{"items": [...], "next_cursor": ...}` and a `Link: <...>; rel="next"`
  header; pass `cursor` to get the next page. Unknown query parameters are refused.
* Errors are `application/problem+json` (RFC 9457), with `errors` naming each bad field.
"""

SERVER_ERROR = {
    "description": "The server failed; the response never carries a stack trace.",
    "content": {
        PROBLEM_JSON: {
            "schema": {"$ref": "#/components/schemas/Problem"},
            "example": {
                "type": "about:blank",
                "title": "Internal Server Error",
                "status": 500,
                "detail": "the server failed to answer this request; it has been logged",
            },
        }
    },
}


def problem_doc(
    description: str, example: dict[str, Any], *, headers: dict[str, Any] | None = None
) -> dict[str, Any]:
    """An OpenAPI response whose body is a problem, with this example."""
    doc: dict[str, Any] = {"description": description}
    if headers:
        doc["headers"] = headers
    doc["content"] = {
        PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}, "example": example}
    }
    return doc


QUERY_TIMEOUT = problem_doc(
    "A statement hit the server's time limit and was stopped.",
    {
        "type": "urn:claimsdb:problem:query-timeout",
        "title": "Service Unavailable",
        "status": 503,
        "detail": "the query took longer than this server allows and was stopped; "
        "narrow it with filters or a smaller limit",
    },
)
WRITE_BUSY = problem_doc(
    "The database was busy with other writes, or a statement hit the time "
    "limit: nothing was stored; send it again after Retry-After.",
    {
        "type": "urn:claimsdb:problem:busy",
        "title": "Service Unavailable",
        "status": 503,
        "detail": "the database is busy with another write and this one could not "
        "wait longer; nothing was stored: send it again",
    },
)
WRITES = ("post", "patch", "put", "delete")
CACHE_HEADERS = {
    "ETag": {
        "description": "Strong validator of this exact body; send it back as If-None-Match.",
        "schema": {"type": "string", "example": '"3f1d0c5e9b7a2c4d8e6f1a0b9c8d7e6f"'},
    },
    "Cache-Control": {
        "description": "`public, no-cache`: keep it, but revalidate with the ETag "
        "(`private, no-cache` when the request carries a key).",
        "schema": {"type": "string", "example": "public, no-cache"},
    },
}
NOT_MODIFIED = {
    "description": "Not Modified: the If-None-Match ETag still matches; no body.",
    "headers": {"ETag": CACHE_HEADERS["ETag"]},
}


IF_MATCH = {
    "name": "If-Match",
    "in": "header",
    "required": True,
    "description": "The ETag of the version this write changes, from a GET: `428` without "
    "it, `412` when someone changed the record since.",
    "schema": {"type": "string"},
    "example": '"3.9f2c41d0a6b87e5c1d2f3a4b5c6d7e8f"',
}


def build(app: FastAPI) -> dict[str, Any]:
    """Generate the schema once, then give every response a problem shape or an example."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        description=DESCRIPTION,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    query.document(schema, app.routes)
    name_operations(schema, app.routes)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    components["FieldError"] = FieldError.model_json_schema()
    components["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    components["Problem"].pop("$defs", None)
    components["Problem"]["example"] = {"type": "about:blank", **EXAMPLES[404]}

    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            default_422 = responses.get("422", {}).get("content", {}).get("application/json")
            if default_422 is not None:
                # FastAPI's own 422 only for path parameters, which cannot fail here
                del responses["422"]
            for status, response in responses.items():
                for media in response.get("content", {}).values():
                    if "example" not in media and "examples" not in media:
                        media["example"] = example_for(media.get("schema", {}), components)
                if status == "200" and not response.get("content"):
                    raise ValueError(f"{operation['operationId']}: 200 without content")
            if "428" in responses:
                operation.setdefault("parameters", []).append(IF_MATCH)
            responses["500"] = SERVER_ERROR
            if method in WRITES:
                responses["503"] = WRITE_BUSY
                responses.setdefault("409", problems(409)[409])
            responses.setdefault("503", QUERY_TIMEOUT)
            if path.startswith("/v1/"):  # who asks, and how often: every data request
                for status, response in problems(401, 429).items():
                    responses.setdefault(str(status), response)
            if "200" in responses and method == "get":
                responses["200"]["headers"] = CACHE_HEADERS
                responses["304"] = NOT_MODIFIED
    app.openapi_schema = schema
    return schema


# operations whose name the rule of ``operation_id`` does not give
OPERATION_IDS = {("get", "/v1/search"): "search"}
SINGULAR = {"analytics": "analytics"}
COLLECTION_VERBS = {"get": "list", "post": "create"}
RECORD_VERBS = {"get": "get", "patch": "update", "put": "replace", "delete": "delete"}


def operation_id(method: str, path: str) -> str:
    """A readable name for an operation, made from its path and method alone, so that it
    stays the same when code moves or a function is renamed: the generated clients'
    method names (``list_claims``, ``get_claim``, ``update_claim``, ``restore_claim``,
    ``get_claim_history``).

    A collection: ``list_claims``, ``create_claim``. A record: ``get_claim``,
    ``update_claim``, ``delete_claim``. An action on a record (POST): ``restore_claim``; what
    a record has (GET): ``get_source_annotations``. Anything else joins its words to its
    method: ``get_healthz``."""
    if (method, path) in OPERATION_IDS:
        return OPERATION_IDS[(method, path)]
    words = [word for word in path.split("/") if word and word != "v1"]
    resource = words[0].replace("-", "_") if words else "root"
    one = SINGULAR.get(resource, resource.removesuffix("s"))
    # the rules are for the data under /v1; probes and the like keep their own words
    shape = ["{" if word[0] == "{" else "w" for word in words] if path.startswith("/v1/") else []
    if shape == ["w"] and method in COLLECTION_VERBS:
        return f"{COLLECTION_VERBS[method]}_{resource}" if method == "get" else f"create_{one}"
    if shape == ["w", "{"] and method in RECORD_VERBS:
        return f"{RECORD_VERBS[method]}_{one}"
    if shape == ["w", "{", "w"]:
        action = words[2].replace("-", "_")
        return f"{action}_{one}" if method == "post" else f"{method}_{one}_{action}"
    plain = "_".join(re.sub(r"\W+", "_", word.strip("{}")) for word in words)
    return f"{method}_{plain}"


def name_operations(schema: dict[str, Any], routes: list[Any]) -> None:
    """Give every operation its ``operation_id`` (FastAPI's own spell the path again:
    ``read_claim_v1_claims__claim_id__get``), unless its route names it; refuse two alike."""
    named = {
        (method.lower(), route.path): route.operation_id
        for route in routes
        if isinstance(route, APIRoute) and route.operation_id
        for method in route.methods
    }
    seen: dict[str, str] = {}
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            name = named.get((method, path)) or operation_id(method, path)
            if name in seen:
                raise ValueError(f"{method} {path} and {seen[name]} are both {name!r}")
            seen[name] = f"{method} {path}"
            operation["operationId"] = name


def example_for(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """An example for a response schema, built from the examples on its models."""
    if "$ref" in schema:
        target = components[schema["$ref"].rsplit("/", 1)[-1]]
        if "examples" in target:
            return target["examples"][0]
        return example_for(target, components)
    if schema.get("type") == "array":
        return [example_for(schema.get("items", {}), components)]
    properties = schema.get("properties", {})
    if "items" in properties and "next_cursor" in properties:
        item = example_for(properties["items"].get("items", {}), components)
        return {"items": [item], "next_cursor": None}
    if "examples" in schema:
        return schema["examples"][0]
    raise ValueError(f"no example for schema {schema}")


EXAMPLES: dict[int, dict[str, Any]] = {
    308: {
        "type": "urn:claimsdb:problem:merged",
        "title": "Permanent Redirect",
        "status": 308,
        "detail": "actor 'dprk' was merged into 'north-korea'",
    },
    404: {"title": "Not Found", "status": 404, "detail": "no claim with id 'no-such-claim'"},
    422: {
        "type": "urn:claimsdb:problem:invalid-request",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "invalid request: query 'limit': Input should be less than or equal to 500",
        "errors": [
            {
                "field": "limit",
                "location": "query",
                "message": "Input should be less than or equal to 500",
                "type": "less_than_equal",
            }
        ],
    },
    400: {
        "title": "Bad Request",
        "status": 400,
        "detail": "There was an error parsing the body",
    },
    401: {
        "type": "urn:claimsdb:problem:unauthorized",
        "title": "Unauthorized",
        "status": 401,
        "detail": "this needs an API key with the 'curate' scope",
    },
    403: {
        "type": "urn:claimsdb:problem:forbidden",
        "title": "Forbidden",
        "status": 403,
        "detail": "key 'reader' has the 'read' scope; this needs a key with the 'curate' "
        "scope or higher",
    },
    406: {
        "type": "urn:claimsdb:problem:not-acceptable",
        "title": "Not Acceptable",
        "status": 406,
        "detail": "this resource is application/json or application/ld+json; Accept allows neither",
    },
    409: {
        "type": "urn:claimsdb:problem:conflict",
        "title": "Conflict",
        "status": 409,
        "detail": "a claim with id 'nk-supplies-artillery-to-russia' exists already",
    },
    412: {
        "type": "urn:claimsdb:problem:stale-version",
        "title": "Precondition Failed",
        "status": 412,
        "detail": "claim 'nk-supplies-artillery-to-russia' is at version 3, not 2: someone "
        "changed it; GET it again and reapply your change",
    },
    428: {
        "type": "urn:claimsdb:problem:if-match-required",
        "title": "Precondition Required",
        "status": 428,
        "detail": "this write needs If-Match with the ETag of the version it changes "
        "(GET it first)",
    },
    429: {
        "type": "urn:claimsdb:problem:rate-limited",
        "title": "Too Many Requests",
        "status": 429,
        "detail": "key 'analyst-anna' is over its rate limit",
    },
    413: {
        "title": "Content Too Large",
        "status": 413,
        "detail": "the request body is larger than 2000000 bytes",
    },
    503: {
        "title": "Service Unavailable",
        "status": 503,
        "detail": "database is at revision None, not at head 0002",
    },
}
DESCRIPTIONS = {
    308: "The actor was merged into another; Location is the same request for that one.",
    400: "The body is not JSON.",
    401: "No API key where one is needed, or one that is not valid; see WWW-Authenticate.",
    403: "The API key's scope does not allow this.",
    406: "Accept allows neither JSON nor JSON-LD, the two forms of this resource.",
    409: "It conflicts with what is stored (an id in use, a state it is not in).",
    412: "If-Match names a version that is no longer current.",
    413: "The request body is too large.",
    428: "This write needs If-Match.",
    429: "Over a rate limit: the API key's, or this address's for requests without a key or "
    "with a wrong one; see Retry-After.",
    404: "No such resource.",
    422: "A parameter is invalid or unknown; `errors` names each one.",
    503: "Not ready.",
}


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses, each with a problem+json example."""
    return {
        status: problem_doc(DESCRIPTIONS[status], {"type": "about:blank", **EXAMPLES[status]})
        for status in statuses
    }
