"""The columns of the resident and household lists (shared by the pages and the pickers)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from redoffice import codes
from redoffice.services.search import HouseholdRow, ResidentRow
from redoffice.ui.lazy_table import Column


def _tr(text: str) -> str:
    return QCoreApplication.translate("columns", text)


def resident_columns() -> list[Column[ResidentRow]]:
    return [
        Column(_tr("Name"), lambda r: r.name, "name", 80),
        Column(_tr("Gender"), lambda r: codes.label(codes.GENDERS, r.gender), "gender", 50),
        Column(_tr("Birth date"), lambda r: r.birth_date.isoformat() if r.birth_date else "",
               "birth_date"),
        Column(_tr("ID number"), lambda r: r.id_number_masked, None, 160),
        Column(_tr("Phone"), lambda r: r.phone_masked, None, 100),
        Column(_tr("Grid"), lambda r: r.grid, "grid", 75),
        Column(_tr("Address"), lambda r: r.address, "address", 210),
        Column(_tr("Relation"), lambda r: codes.label(codes.RELATIONS, r.relation), "relation",
               70),
        Column(_tr("Political status"),
               lambda r: codes.label(codes.POLITICAL_STATUSES, r.political_status),
               "political_status"),
        Column(_tr("Special groups"), lambda r: "、".join(r.tags), None, 120),
        Column(_tr("Status"), lambda r: codes.label(codes.RESIDENT_STATUSES, r.status), "status",
               60),
    ]


def household_columns() -> list[Column[HouseholdRow]]:
    return [
        Column(_tr("Address"), lambda h: h.address, "address", 240),
        Column(_tr("Estate"), lambda h: h.estate, "estate", 110),
        Column(_tr("Grid"), lambda h: h.grid, "grid"),
        Column(_tr("Head of household"), lambda h: h.head),
        Column(_tr("Members"), lambda h: str(h.members)),
        Column(_tr("Phone"), lambda h: h.phone_masked, None, 110),
        Column(_tr("Residence status"),
               lambda h: codes.label(codes.HOUSEHOLD_STATUSES, h.residence_status),
               "residence_status"),
    ]
