"""One package per assignment, named by its stem; each declares `ASSIGNMENT`."""
