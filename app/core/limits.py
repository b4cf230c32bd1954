"""Request size: a body over CLAIMSDB_MAX_BODY_BYTES is refused with a 413 problem before
it is read into memory, whether its Content-Length says so up front or a streamed body
passes the limit on the way."""

import json

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import PROBLEM_JSON
from app.core.openapi import EXAMPLES


class BodySizeLimit:
    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def too_large(self) -> str:
        return f"the request body is larger than {self.max_bytes} bytes"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self.refuse(send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                # FastAPI passes an HTTPException out of body parsing; the problem handler
                # renders it
                raise HTTPException(413, self.too_large())
            return message

        await self.app(scope, counted, send)

    async def refuse(self, send: Send) -> None:
        problem = {"type": "about:blank", **EXAMPLES[413], "detail": self.too_large()}
        body = json.dumps(problem).encode()
        headers = [
            (b"content-type", PROBLEM_JSON.encode()),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})
