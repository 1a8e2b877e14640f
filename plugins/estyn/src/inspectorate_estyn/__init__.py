"""Estyn, His Majesty's Inspectorate for Education and Training in Wales, as an inspectorate plugin."""

__version__ = "0.1.0"
