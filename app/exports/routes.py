"""The exports' router: every room adds its list's export to it (app/exports/stream.py)."""

from app.exports.stream import router

__all__ = ["router"]
