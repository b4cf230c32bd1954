"""Bulk exports: every list as CSV or NDJSON, streamed in batches read as the list reads
its pages (``GET /v1/exports/{resource}.{csv|ndjson}``)."""
