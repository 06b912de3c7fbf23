"""Linking: documents to Events, statements aligned across sources, figures into series."""
