"""Loading the data files shipped in the package (registry, gazetteer, vocabularies)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


@cache
def load(name: str) -> Any:
    """A shipped JSON data file, parsed once per process (read-only, so caching is safe)."""
    return json.loads(files("summitlog").joinpath("data", name).read_text("utf-8"))


PIVOT = "en"  # the record's language: names, facts and other languages' words are compared in it


@cache
def load_lang(lang: str, name: str) -> Any:
    """A shipped data file of one language (data/lang/LANG/NAME), parsed once per process."""
    return json.loads(files("summitlog").joinpath("data", "lang", lang, name).read_text("utf-8"))


@cache
def languages() -> tuple[str, ...]:
    """The languages that ship data (data/lang/<lang>/), English first."""
    names = sorted(p.name for p in files("summitlog").joinpath("data", "lang").iterdir() if p.is_dir())
    return tuple(sorted(names, key=lambda n: n != PIVOT))
