"""Loops forever at the top level, so the file never finishes importing."""
while True:
    pass
