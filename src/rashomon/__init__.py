"""Rashomon: many news reports of one violent or political event, reconciled into one source-attributed record."""

__version__ = "0.1.0"
