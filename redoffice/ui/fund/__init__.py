"""红色基金 screens: the 基金 page (概览, 申请, 台账, 公示, 收支报告) and its dialogs."""
