"""How a household's address reads: 小区 + 楼栋/单元/室, or the free text of a 散居楼院."""

from __future__ import annotations


def _part(value: str, suffix: str) -> str:
    value = value.strip()
    if not value:
        return ""
    ascii_end = value[-1].isascii() and value[-1].isalnum()
    return value + suffix if ascii_end else value


def building_name(building: str) -> str:
    """How a 楼栋 reads: ``3`` and ``3栋`` as 3栋, ``3号楼`` as it is."""
    return _part(building, "栋")


def household_address(
    estate_name: str | None, building: str, unit: str, room: str, address_text: str
) -> str:
    """``阳光小区3栋2单元301室``; ``3`` and ``3栋`` both read as 3栋."""
    if not estate_name:
        return address_text.strip()
    return estate_name + building_name(building) + _part(unit, "单元") + _part(room, "室")
