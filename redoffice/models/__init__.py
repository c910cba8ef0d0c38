"""SQLAlchemy tables. Import from here so that every table is registered on ``Base.metadata``."""

from redoffice.models.base import Base, SyncedRecord
from redoffice.models.meetings import (
    AgendaItem,
    Meeting,
    MeetingAttendee,
    MeetingEstate,
    MeetingRevision,
    MinutesDraft,
    Resolution,
    ResolutionNote,
)
from redoffice.models.registry import (
    Estate,
    Grid,
    Household,
    Organization,
    Resident,
    ResidentTag,
    Staff,
)
from redoffice.models.system import AuditLog, ChangeLog, Setting, SyncCounter
from redoffice.models.wishes import (
    PartyMember,
    ServiceRecord,
    Wish,
    WishClaim,
    WishClaimMember,
    WishEvent,
    WishRound,
)
from redoffice.models.work import (
    Attachment,
    CalendarDay,
    Case,
    CaseEvent,
    HouseholdVisitState,
    Visit,
    VisitParticipant,
)

__all__ = [
    "AgendaItem",
    "Attachment",
    "AuditLog",
    "Base",
    "CalendarDay",
    "Case",
    "CaseEvent",
    "ChangeLog",
    "Estate",
    "Grid",
    "Household",
    "HouseholdVisitState",
    "Meeting",
    "MeetingAttendee",
    "MeetingEstate",
    "MeetingRevision",
    "MinutesDraft",
    "Organization",
    "PartyMember",
    "Resident",
    "ResidentTag",
    "Resolution",
    "ResolutionNote",
    "ServiceRecord",
    "Setting",
    "Staff",
    "SyncCounter",
    "SyncedRecord",
    "Visit",
    "VisitParticipant",
    "Wish",
    "WishClaim",
    "WishClaimMember",
    "WishEvent",
    "WishRound",
]
