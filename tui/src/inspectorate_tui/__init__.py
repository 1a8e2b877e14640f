"""The terminal app for inspectorate: the only package that imports Textual."""
