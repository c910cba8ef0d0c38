"""Printed forms: pure functions from plain data to PDF bytes (no database, no Qt)."""
