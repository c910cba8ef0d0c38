"""The columns of the resident and household lists (shared by the pages and the pickers)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from redoffice.kit import codes
from redoffice.registry.search import HouseholdRow, ResidentRow
from redoffice.ui.kit.lazy_table import Column

translate = QCoreApplication.translate


def resident_columns() -> list[Column[ResidentRow]]:
    return [
        Column(translate("columns", "Name"), lambda r: r.name, "name", 80),
        Column(
            translate("columns", "Gender"),
            lambda r: codes.label(codes.GENDERS, r.gender),
            "gender",
            50,
        ),
        Column(
            translate("columns", "Birth date"),
            lambda r: r.birth_date.isoformat() if r.birth_date else "",
            "birth_date",
        ),
        Column(translate("columns", "ID number"), lambda r: r.id_number_masked, None, 160),
        Column(translate("columns", "Phone"), lambda r: r.phone_masked, None, 100),
        Column(translate("columns", "Grid"), lambda r: r.grid, "grid", 75),
        Column(translate("columns", "Address"), lambda r: r.address, "address", 210),
        Column(
            translate("columns", "Relation"),
            lambda r: codes.label(codes.RELATIONS, r.relation),
            "relation",
            70,
        ),
        Column(
            translate("columns", "Political status"),
            lambda r: codes.label(codes.POLITICAL_STATUSES, r.political_status),
            "political_status",
        ),
        Column(translate("columns", "Special groups"), lambda r: "、".join(r.tags), None, 120),
        Column(
            translate("columns", "Status"),
            lambda r: codes.label(codes.RESIDENT_STATUSES, r.status),
            "status",
            60,
        ),
    ]


def household_columns() -> list[Column[HouseholdRow]]:
    return [
        Column(translate("columns", "Address"), lambda h: h.address, "address", 240),
        Column(translate("columns", "Estate"), lambda h: h.estate, "estate", 110),
        Column(translate("columns", "Grid"), lambda h: h.grid, "grid"),
        Column(translate("columns", "Head of household"), lambda h: h.head),
        Column(translate("columns", "Members"), lambda h: str(h.members)),
        Column(translate("columns", "Phone"), lambda h: h.phone_masked, None, 110),
        Column(
            translate("columns", "Residence status"),
            lambda h: codes.label(codes.HOUSEHOLD_STATUSES, h.residence_status),
            "residence_status",
        ),
    ]
