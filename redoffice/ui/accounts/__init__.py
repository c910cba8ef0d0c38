"""Login and accounts in the GUI (issue 16)."""

__all__ = ["login_dialog"]
