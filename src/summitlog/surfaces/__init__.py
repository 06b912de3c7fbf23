"""Surfaces: the CLI, the web UI and JSON API, and the reader's library they share."""
