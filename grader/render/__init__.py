"""Renderers: each turns a `Report` into one output format, computing nothing of its own."""
