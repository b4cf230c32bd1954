"""claimsdb: an annotated claims database with an HTTP API."""
