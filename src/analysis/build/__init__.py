"""The report build: run matrix, warm kernels, rendering, cache and site (start at runner.py)."""
