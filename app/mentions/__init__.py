"""Mentions: an actor named at a span of a source."""
