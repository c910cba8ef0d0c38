"""Money is integer fen (分) everywhere; typed and shown in yuan (元)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from redoffice.kit.validation import normalize


def parse_yuan(text: str | int | float | Decimal) -> int | None:
    """ "12.5" / "¥12.50" / "12元" -> 1250 fen; None when it is not an amount of money (negative,
    more than two decimals, or not a number)."""
    raw = normalize(str(text)).replace("¥", "").replace("元", "").replace(",", "").strip()
    if not raw or any(ch in raw for ch in "eE"):
        return None
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        return None
    if not amount.is_finite() or amount < 0 or amount != amount.quantize(Decimal("0.01")):
        return None
    return int(amount * 100)


def yuan(fen: int | None) -> str:
    """1250 -> "12.50"; 1200 -> "12"."""
    if fen is None:
        return ""
    whole, cents = divmod(fen, 100)
    return f"{whole}" if cents == 0 else f"{whole}.{cents:02d}"
