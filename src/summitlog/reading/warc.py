"""Reading crawled news from WARC archives (a Common Crawl News segment, say), streamed.

An archive holds tens of thousands of pages, nearly all about something else, so
each page passes a cheap test before the NLP: it must name a leader in the
registry and a word of meeting. Records are read one at a time, never the whole
archive.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..actors.registry import Registry, fold
from ..errors import InputError
from ..records import RawInput

log = logging.getLogger(__name__)

SUFFIXES = (".warc", ".warc.gz")
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
MEETING_WORDS = re.compile(
    r"\b(?:met|meets?|meeting|talks|summit|visit(?:s|ed|ing)?|hosted|hosts?|received|phone (?:call|conversation)|"
    r"bilateral|state visit|negotiations)\b",
    re.IGNORECASE,
)


def is_archive(path: Path) -> bool:
    return path.name.lower().endswith(SUFFIXES)


def about_meetings(registry: Registry) -> Callable[[str], bool]:
    """The cheap test: a meeting word and a leader's name somewhere in the page."""

    def test(text: str) -> bool:
        return bool(MEETING_WORDS.search(text)) and registry.name_pattern.search(fold(text)) is not None

    return test


Decode = Callable[[str, bytes, int], tuple[str, str]]


def read_archive(path: Path, max_bytes: int, decode: Decode,
                 keep: Callable[[str], bool] | None = None) -> Iterator[RawInput | InputError]:
    """The pages of one archive that pass `keep`: HTTP 200 responses (and resource records)
    of HTML or plain text. Pages too large, undecodable or off-topic are passed over
    quietly (counted in the log); an archive that cannot be read is one InputError."""
    source = str(path)
    seen = kept = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                page = page_of(record, source, max_bytes, decode)
                if page is None:
                    continue
                if isinstance(page, InputError):
                    yield page
                    continue
                seen += 1
                if keep is None or keep(page.content):
                    kept += 1
                    yield page
    except OSError as exc:
        yield InputError(source, f"cannot be read ({exc.strerror or exc})")
    except (ArchiveLoadFailed, EOFError, ValueError) as exc:
        yield InputError(source, f"is not a readable WARC archive ({str(exc).strip() or type(exc).__name__}); "
                                 f"pages kept before the damage: {kept}")
    log.info("%s: %d pages, %d about meetings of leaders", source, seen, kept)


def page_of(record, source: str, max_bytes: int, decode: Decode) -> RawInput | InputError | None:
    if record.rec_type not in ("response", "resource"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    if record.rec_type == "response":
        if record.http_headers is None or record.http_headers.get_statuscode() != "200":
            return None
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    ctype = ctype.split(";")[0].strip().lower()
    if ctype not in PAGE_TYPES:
        return None
    data = record.content_stream().read(max_bytes + 1)
    where = f"{source}#{record.rec_headers.get_header('WARC-Record-ID') or url}"
    missing = getattr(record.raw_stream, "limit", 0)
    if len(data) <= max_bytes and missing > 0:  # the file ends inside the record: a page cut short
        return InputError(where, f"the archive ends inside this record ({missing} bytes missing); not stored")
    try:
        text, encoding = decode(where, data, max_bytes)
    except InputError as exc:
        log.info("%s", exc)
        return None
    kind = "text" if ctype == "text/plain" else "html"
    return RawInput(source=where, name=url or where, content=text, kind=kind, url=url or None, encoding=encoding)
