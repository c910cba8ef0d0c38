"""Staff accounts, roles and login (issue 16, decision 0027): local to this database, never
synced (a password hash never travels to the street)."""

__all__ = ["guard", "permissions", "service"]
