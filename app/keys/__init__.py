"""API keys: the admin's endpoints that make and revoke them."""
