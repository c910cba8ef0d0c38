"""What every screen uses: the task runner, lazy tables and list views, dialogs, fields."""
