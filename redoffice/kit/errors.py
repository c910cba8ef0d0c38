"""Errors a user can cause: codes and parameters, worded by :mod:`redoffice.kit.messages`."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from redoffice.kit.messages import message


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field."""

    field: str
    code: str
    params: dict[str, Any] = dataclass_field(default_factory=dict)

    @property
    def text(self) -> str:
        return message(self.code, **self.params)


class UserError(Exception):
    """An expected failure caused by input or state; nothing was written."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.text)

    @property
    def text(self) -> str:
        return message(self.code, **self.params)


class ValidationFailed(UserError):
    """Every field problem of one submitted form, collected before anything is written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("validation_failed", count=len(errors))

    @property
    def text(self) -> str:
        return "；".join(f"{message('field.' + e.field)}：{e.text}" for e in self.errors)

    def for_field(self, name: str) -> list[str]:
        return [e.text for e in self.errors if e.field == name]


class Collector:
    """Gathers field errors; ``raise_if_any`` raises one ValidationFailed with all of them."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, field_name: str, error_code: str, /, **params: Any) -> None:
        self.errors.append(FieldError(field_name, error_code, params))

    def has(self, field_name: str) -> bool:
        return any(e.field == field_name for e in self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)
