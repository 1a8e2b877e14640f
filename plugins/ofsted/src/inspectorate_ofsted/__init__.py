"""Ofsted, the Office for Standards in Education, Children's Services and Skills, as an inspectorate plugin."""

__version__ = "0.1.0"
