"""Login and accounts in the GUI (issue 16)."""

__all__ = ["accounts_tab", "login_dialog"]
