"""Search: one query language over claims, source passages and actors, ranked."""
