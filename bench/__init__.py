"""Benchmarks of lexgap against a plain-Python floor (run `python bench/run.py`)."""
