"""Seed files: parse and validate them, sync them into a database, export one back."""
