"""Actors: anyone who holds positions or is talked about, with their aliases."""
