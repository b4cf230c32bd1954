"""The audit log: every write's change record, its feed, retract, restore and purge."""
