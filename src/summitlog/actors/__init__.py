"""Actors: who is who (the curated registry) and who held which office when (the tenures)."""
