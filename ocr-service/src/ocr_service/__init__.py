"""Cesta's local intelligence service: receipt extraction and next-shop prediction."""

__version__ = "0.1.0"
