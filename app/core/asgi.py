"""What the response middlewares share: holding a response back until its body is whole."""

from collections.abc import Awaitable, Callable

from starlette.types import Message, Send

Finish = Callable[[Message, bytes], Awaitable[None]]


def buffered(send: Send, finish: Finish) -> Send:
    """A ``send`` that keeps a response's start and body parts, then hands the start and
    the whole body to ``finish`` (which sends them); other messages pass through."""
    start: Message = {}
    chunks: list[bytes] = []

    async def buffer(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            return
        if message["type"] != "http.response.body":
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            await finish(start, b"".join(chunks))

    return buffer
