"""SQLAlchemy tables. Import from here so that every table is registered on ``Base.metadata``."""

from typing import Final

from redoffice.models.accounts import Account
from redoffice.models.base import Base, SyncedRecord, derived_columns
from redoffice.models.fund import (
    FundAccount,
    FundApplication,
    FundEntry,
    FundLedgerHead,
    FundNotice,
    FundObjection,
    FundPeriodClose,
    FundStep,
)
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
from redoffice.models.street import (
    NoticeCompletion,
    StreetDecision,
    StreetInbox,
    StreetNotice,
    StreetReply,
)
from redoffice.models.sync import (
    SyncConflict,
    SyncHeld,
    SyncLocalEdit,
    SyncPackage,
    SyncPartner,
    SyncPeerKey,
    SyncPurge,
)
from redoffice.models.system import (
    AppRelease,
    AuditBatch,
    AuditChain,
    AuditLog,
    Setting,
    SyncCounter,
)
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

# the derived columns of each table, declared on the columns (``info=derived()``)
DERIVED_COLUMNS: Final = derived_columns(Base.metadata)

__all__ = [
    "DERIVED_COLUMNS",
    "Account",
    "AgendaItem",
    "AppRelease",
    "Attachment",
    "AuditBatch",
    "AuditChain",
    "AuditLog",
    "Base",
    "CalendarDay",
    "Case",
    "CaseEvent",
    "Estate",
    "FundAccount",
    "FundApplication",
    "FundEntry",
    "FundLedgerHead",
    "FundNotice",
    "FundObjection",
    "FundPeriodClose",
    "FundStep",
    "Grid",
    "Household",
    "HouseholdVisitState",
    "Meeting",
    "MeetingAttendee",
    "MeetingEstate",
    "MeetingRevision",
    "MinutesDraft",
    "NoticeCompletion",
    "Organization",
    "PartyMember",
    "Resident",
    "ResidentTag",
    "Resolution",
    "ResolutionNote",
    "ServiceRecord",
    "Setting",
    "Staff",
    "StreetDecision",
    "StreetInbox",
    "StreetNotice",
    "StreetReply",
    "SyncConflict",
    "SyncCounter",
    "SyncHeld",
    "SyncLocalEdit",
    "SyncPackage",
    "SyncPartner",
    "SyncPeerKey",
    "SyncPurge",
    "SyncedRecord",
    "Visit",
    "VisitParticipant",
    "Wish",
    "WishClaim",
    "WishClaimMember",
    "WishEvent",
    "WishRound",
]
