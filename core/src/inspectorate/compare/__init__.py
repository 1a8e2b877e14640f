"""Comparing regimes: one case under two frameworks, or two frameworks structure by structure."""
