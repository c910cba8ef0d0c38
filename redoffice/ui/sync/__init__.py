"""数据同步: enrolment, packages to and from the street office, history and conflicts."""

# The modules other screens may import (tests/core/test_layout.py): the street's 社区 page shows
# the partners' state in the same words and refreshes on the same tables.
__all__ = ["common", "transfer_tab"]  # transfer_tab: the sync folders offered (also 发送回执…)
