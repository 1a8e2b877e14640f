"""Education Scotland as an inspectorate plugin."""

__version__ = "0.1.0"
