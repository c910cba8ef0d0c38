"""One public function per user action; each runs in one transaction (``db.uow()``)."""
