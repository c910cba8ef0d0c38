"""What every feature uses and no feature owns: the database and unit of work, change capture,
ids, errors and their Chinese wording, validation, money, dates as typed, files, logging, code
lists, the progress/cancel protocol, reading and writing spreadsheets, the list export the
features register. The kit imports no feature (tests/core/test_layout.py)."""
