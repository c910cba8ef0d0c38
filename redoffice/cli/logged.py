"""What of a command line may go into the log: the command's words and its options' names.

A value typed on the command line — a searched name (in pinyin as often as in characters), a
phone written with spaces, an ID number, a path — is personal or secret in ways the log's
scrubber cannot all recognise (issue 16), so none is ever logged."""

from __future__ import annotations

import argparse
from collections.abc import Sequence


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def command_line(parser: argparse.ArgumentParser, argv: Sequence[str]) -> str:
    """``redoffice-cli residents search --limit`` for ``--db x residents search 王 --limit 5``:
    the subcommands named and the known options given, never a value."""
    words = [parser.prog]
    options: list[str] = []
    level = parser
    for token in argv:
        name = token.split("=", 1)[0]
        if token.startswith("-") and name in level._option_string_actions:
            options.append(name)
        elif token in (found := _subcommands(level)):
            words.append(token)
            level = found[token]
    return " ".join(words + options)
