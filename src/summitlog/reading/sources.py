"""Reading inputs (files, folders, JSON Lines, WARC archives, URLs) into RawInput records.

Failures are returned as InputError values rather than raised, so one bad input
never stops a batch.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlparse

import charset_normalizer
import httpx

from ..errors import InputError
from ..records import RawInput
from ..settings import Settings
from . import sidecar, warc

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")

Read = RawInput | InputError
MIB = 1024 * 1024


def is_url(target: str) -> bool:
    return urlparse(target).scheme in ("http", "https")


def read_inputs(
    targets: Iterable[str], settings: Settings, client: httpx.Client | None = None,
    keep: Callable[[str], bool] | None = None,
) -> Iterator[Read]:
    """Yield a RawInput or an InputError for every page the targets name.

    `client` is the HTTP client used for URLs; when None, URLs are reported as
    failed rather than fetched, so that offline callers never touch the network.
    `keep` is the cheap test that the pages of a WARC archive must pass.
    """
    for target in targets:
        if is_url(target):
            if client is None:
                yield InputError(target, "URLs need an HTTP client; none was given")
            else:
                yield fetch_url(target, client, settings)
            continue
        path = Path(target)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if _page_file(p, path))
            if not files:
                yield InputError(target, "folder holds no .txt, .html, .jsonl or .warc files")
            meta = yield from _metadata(settings, sidecar.find(path))
            root = path.resolve()
            for file in files:
                if not file.resolve().is_relative_to(root):
                    yield InputError(str(file), "is a link to a file outside the folder given; not read")
                    continue
                yield from _with_meta(read_file(file, settings, keep), meta)
        elif path.exists() and not path.is_file():
            yield InputError(target, "is not a regular file (a device, pipe or socket); not read")
        elif path.exists():
            meta = yield from _metadata(settings, None)
            yield from _with_meta(read_file(path, settings, keep), meta)
        else:
            yield InputError(target, "no such file or folder")


def _metadata(settings: Settings, found: Path | None) -> Iterator[Read]:
    """The metadata list the settings name (`--meta`), else the one found in the folder (as the
    generator's return value); a list that cannot be read is reported as a failed input, and
    the pages are read without it."""
    path = Path(settings.meta) if settings.meta else found
    try:
        return sidecar.read(path) if path else {}
    except InputError as exc:
        yield exc
        return {}


def _with_meta(items: Iterator[Read], meta: dict[str, sidecar.Meta]) -> Iterator[Read]:
    """Each page with what the metadata list says of its file: the page's own URL and title
    first, the list's date, outlet and language over what the text would be guessed to give."""
    for item in items:
        row = meta.get(item.name) if isinstance(item, RawInput) else None
        if row is None:
            yield item
            continue
        yield replace(item, url=item.url or row.url, title=item.title or row.title,
                      published=row.published or item.published, outlet=row.outlet, lang=row.lang)


def _page_file(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    if any(part.startswith(".") for part in parts) or not path.is_file():
        return False
    return path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES or warc.is_archive(path)


def read_file(path: Path, settings: Settings, keep: Callable[[str], bool] | None = None) -> Iterator[Read]:
    """Read one file: a page, or with a .jsonl suffix, one page per line, or a WARC archive's pages."""
    source = str(path)
    if warc.is_archive(path):
        yield from warc.read_archive(path, settings.max_bytes, decode, keep)
        return
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            yield InputError(source, _too_large(size, settings.max_bytes))
            return
        with path.open("rb") as handle:  # never more than the limit: a /proc file says it is empty
            data = handle.read(settings.max_bytes + 1)
    except OSError as exc:
        yield InputError(source, f"cannot be read ({exc.strerror or exc})")
        return
    try:
        text, encoding = decode(source, data, settings.max_bytes)
    except InputError as exc:
        yield exc
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_jsonl(source, text)
        return
    kind = "html" if path.suffix.lower() in HTML_SUFFIXES or looks_like_html(text) else "text"
    yield RawInput(source=source, name=path.name, content=text, kind=kind, encoding=encoding)


def _too_large(size: int, limit: int) -> str:
    return f"is {size / MIB:.1f} MiB, over the {limit / MIB:g} MiB limit"


def decode(source: str, data: bytes, max_bytes: int) -> tuple[str, str]:
    """Bytes to text: UTF-8 when valid, else the encoding charset-normalizer detects."""
    if len(data) > max_bytes:
        raise InputError(source, _too_large(len(data), max_bytes))
    if not data.strip():
        raise InputError(source, "is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "is a binary file, not text")
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        if stray_bytes(data):  # UTF-8 with a few damaged bytes: each one becomes U+FFFD
            text, encoding = data.decode("utf-8-sig", errors="replace"), "utf-8"
        else:
            best = charset_normalizer.from_bytes(data).best()
            if best is None:
                raise InputError(source, "is a binary file, not text") from None
            text, encoding = str(best), best.encoding
    return _checked(source, text, encoding)


def stray_bytes(data: bytes) -> bool:
    """Whether bytes are UTF-8 with a few damaged bytes (under one in a thousand) among valid
    multi-byte characters; a page in a legacy encoding has no valid ones, or many damaged."""
    kept = data.decode("utf-8", errors="ignore")
    damaged = data.decode("utf-8", errors="replace").count("\ufffd") - kept.count("\ufffd")
    return 0 < damaged <= max(1, len(data) // 1000) and not kept.isascii()


def _checked(source: str, text: str, encoding: str) -> tuple[str, str]:
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > 0.05 * min(len(text), 8192):
        raise InputError(source, "is a binary file, not text")
    if not text.strip():
        raise InputError(source, "is empty")
    return text, encoding


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:2048].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<body" in head or ("<div" in head and "</" in head)
    )


def read_jsonl(source: str, text: str) -> Iterator[Read]:
    """JSON Lines of {url, title, published, text|html}: one page per line."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"is not valid JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            yield InputError(where, "is not a JSON object")
            continue
        body, kind = row.get("text"), "text"
        if not body:
            body, kind = row.get("html"), "html"
        if not isinstance(body, str) or not body.strip():
            yield InputError(where, "has no 'text' or 'html' field with content")
            continue
        url = row.get("url") if isinstance(row.get("url"), str) else None
        yield RawInput(
            source=where,
            name=url or where,
            content=body,
            kind=kind,
            url=url,
            title=row.get("title") if isinstance(row.get("title"), str) else None,
            published=row.get("published") if isinstance(row.get("published"), str) else None,
        )


def fetch_url(url: str, client: httpx.Client, settings: Settings) -> Read:
    """Fetch one page over HTTP(S), streaming so that an oversized body is cut off early."""
    try:
        with client.stream(
            "GET", url, timeout=settings.fetch_timeout, follow_redirects=True,
            headers={"User-Agent": settings.user_agent},
        ) as response:
            if response.status_code >= 400:
                return InputError(url, f"HTTP {response.status_code} {response.reason_phrase}")
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and ctype not in PAGE_TYPES:
                return InputError(url, f"is not a page (content-type {ctype})")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    return InputError(url, f"is over the {settings.max_bytes / MIB:g} MiB limit")
                chunks.append(chunk)
    except httpx.TimeoutException:
        return InputError(url, f"timed out after {settings.fetch_timeout:g} s")
    except httpx.HTTPError as exc:
        return InputError(url, f"could not be fetched ({type(exc).__name__}: {exc})")
    try:
        text, encoding = decode(url, b"".join(chunks), settings.max_bytes)
    except InputError as exc:
        return exc
    kind = "text" if ctype == "text/plain" and not looks_like_html(text) else "html"
    return RawInput(source=url, name=url, content=text, kind=kind, url=url, encoding=encoding)


def count_inputs(targets: Iterable[str]) -> int | None:
    """How many files and URLs the targets name (a JSON Lines file counts once): a progress
    total; None when an archive is among them, whose pages are not known before reading."""
    total = 0
    for target in targets:
        path = Path(target)
        if not is_url(target) and path.is_dir():
            files = [p for p in path.rglob("*") if _page_file(p, path)]
            if any(warc.is_archive(p) for p in files):
                return None
            total += len(files)
        elif warc.is_archive(path):
            return None
        else:
            total += 1
    return total
