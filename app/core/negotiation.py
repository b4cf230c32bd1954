"""Content negotiation for the resources that have a linked-data form: JSON by default,
JSON-LD (``application/ld+json``) when the client's Accept prefers it, a 406 when Accept
allows neither. Responses of such a resource carry ``Vary: Accept``."""

from fastapi import Request

from app.core.errors import ProblemError

JSON, JSON_LD = "application/json", "application/ld+json"
VARY = {"Vary": "Accept"}


class NotAcceptable(ProblemError):
    status = 406
    type = "urn:claimsdb:problem:not-acceptable"


def quality(accept: str, media_type: str) -> float:
    """The q Accept gives ``media_type``, from its most specific matching range."""
    kind = media_type.split("/")[0]
    best, specificity = 0.0, -1
    for part in accept.split(","):
        name, *parameters = (piece.strip() for piece in part.split(";"))
        name = name.lower()
        rank = {media_type: 2, f"{kind}/*": 1, "*/*": 0}.get(name)
        if rank is None or rank < specificity:
            continue
        q = 1.0
        for parameter in parameters:
            key, _, value = parameter.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        best, specificity = q, rank
    return best


def wants_linked_data(request: Request) -> bool:
    """Whether to answer JSON-LD; NotAcceptable when Accept takes neither form.

    JSON-LD only when Accept names it and prefers it at least as much as JSON: a client
    that sends ``*/*`` (a browser, curl) gets the JSON of the rest of the API."""
    accept = request.headers.get("accept")
    if not accept or accept == "*/*":
        return False
    linked = quality(accept, JSON_LD) if JSON_LD in accept.lower() else 0.0
    plain = quality(accept, JSON)
    if linked == plain == 0:
        raise NotAcceptable(
            f"this resource is {JSON} or {JSON_LD}; Accept {accept!r} takes neither"
        )
    return linked >= plain and linked > 0
