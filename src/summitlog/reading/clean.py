"""Cleaning a page: drop site chrome by general rules, keep body paragraphs verbatim with offsets.

Plain-text scrapes keep every kept line byte-for-byte, so a span in the clean
text maps back to the raw page (Document.raw_offset). HTML goes through
trafilatura first; its paragraphs have no raw offsets.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from html.parser import HTMLParser
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

import trafilatura

from ..analysis.dates import DATE, base_date, parse_date
from ..records import Document, Paragraph, RawInput
from ..resources import languages, load_lang
from . import credits

TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?"
DATELINE_LEAD = re.compile(
    rf"^(?:\[?(?:published|updated|posted|date|last update)\]?\s*:?\s*)?(?:{TIME}\s*[,|–-]?\s*)?(?=\S)",
    re.IGNORECASE,
)
META_PREFIX = re.compile(r"^\s*date:?\s+(\d{4}-\d{2}-\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?\s+")
SENTENCE_END = re.compile(r"[.!?…:;]['\"’”»)\]]*$")
BREADCRUMB = re.compile(r"^(?:\s*[\w'’.-]+(?:\s[\w'’.-]+){0,3}\s*(?:/|>|»|›)\s*)+(?:[\w'’.-]+(?:\s[\w'’.-]+){0,3})?$")
WORD = re.compile(r"\w+")



@dataclass(frozen=True)
class Line:
    text: str  # stripped
    start: int  # offset of text in the raw string


def document_id(content: str) -> str:
    """Hash of the normalised content: the same page ingested twice gets the same id."""
    norm = " ".join(unicodedata.normalize("NFKC", content).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def clean(raw: RawInput, boilerplate: frozenset[str] = frozenset()) -> Document:
    """Turn a raw page into a Document. `boilerplate` holds lines known to repeat across one outlet."""
    url, title, published, site, lead = raw.url, raw.title, raw.published, None, None
    if raw.kind == "html":
        extracted = trafilatura.bare_extraction(
            raw.content, url=raw.url, with_metadata=True, include_comments=False
        )
        body = (extracted.text if extracted else "") or ""
        if extracted:
            body = with_head(body, title or extracted.title, extracted.description)
            title = title or extracted.title
            published = published or marked_date(raw.content) or extracted.date
            url = url or extracted.url
            site = extracted.sitename or extracted.hostname
            lead = " ".join(extracted.description.split()) if extracted.description else None
        if not body.strip():  # trafilatura's parser gives up on some markup (nested past libxml2's 256 levels)
            body = markup_text(raw.content)
        lines, meta_date, verbatim = split_lines(body), None, False
    else:
        lines, meta_date = strip_meta_prefix(split_lines(raw.content))
        verbatim = True
    site = site or (urlparse(url).hostname if url else None)
    kept = [line for line in lines if not line.text or not is_noise(line.text, boilerplate)]
    paragraphs = join_wrapped(kept, raw.content if verbatim else body)
    text_parts, paras, cursor = [], [], 0
    for para in paragraphs:
        text_parts.append(para.text)
        paras.append(Paragraph(cursor, cursor + len(para.text), para.start if verbatim else None))
        cursor += len(para.text) + 2
    dateline = find_dateline([p.text for p in paragraphs])
    published = (real_date(published) or real_date(meta_date) or (parse_date(dateline) if dateline else None)
                 or name_date(raw.url or raw.name))
    title = title or find_title([p.text for p in paragraphs], dateline)
    return Document(
        id=document_id(raw.content),
        source=raw.source,
        name=raw.name,
        kind=raw.kind,
        raw=raw.content,
        text="\n\n".join(text_parts),
        paragraphs=tuple(paras),
        title=title,
        published=published,
        dateline=dateline,
        site=site,
        url=url,
        removed_lines=len(lines) - len(kept),  # blank lines are kept as markers, so this counts noise
        lead=lead,
        outlet=raw.outlet or credits.outlet([p.text for p in paragraphs]),
    )


def with_head(body: str, title: str | None, lead: str | None) -> str:
    """The body with the page's title and lead (its meta description) where the extraction left
    them out: they say who met whom, and how ("Telephone conversation with ..."). The lead goes
    under the title where the body has the title, else both go on top."""
    if not body.strip():
        return body
    title, lead = (" ".join(h.split()) if h else None for h in (title, lead))
    flat = " ".join(body.split()).lower()
    lead = lead if lead and lead.lower() not in flat else None
    if title and title.lower() not in flat:
        return "\n".join(h for h in (title, lead, body) if h)
    if lead and title:
        lines = body.split("\n")
        at = next((i for i, line in enumerate(lines) if title.lower() in " ".join(line.split()).lower()), None)
        if at is not None:
            return "\n".join([*lines[:at + 1], lead, *lines[at + 1:]])
    return "\n".join([lead, body]) if lead else body


def split_lines(text: str) -> list[Line]:
    """Non-empty lines, stripped, with their offsets; blank lines become empty Line markers."""
    lines, pos = [], 0
    for piece in text.splitlines(keepends=True):
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            lines.append(Line(stripped, pos + lead))
        else:
            lines.append(Line("", pos))
        pos += len(piece)
    return lines


NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-/_.](0[1-9]|1[0-2])[-/_.](0[1-9]|[12]\d|3[01])(?!\d)")


def name_date(name: str | None) -> str | None:
    """The date a page's URL or file name carries ("/2016/09/25/...", "..._2016-09-25_..."), as
    news sites name their pages: the publication date when the page states none."""
    match = NAME_DATE.search(name or "")
    return real_date("-".join(match.groups())) if match else None


# The page's own date as its markup states it: the article's published-time meta, or a
# <time> element marked as the publication date. A date in the content= of a nested
# item (a photo's, a related story's) is not the page's.
MARKED_DATE = [
    re.compile(r"<meta[^>]+(?:property|name)=[\"']article:published_time[\"'][^>]*content=[\"'](\d{4}-\d\d-\d\d)", re.I),
    re.compile(r"<meta[^>]+content=[\"'](\d{4}-\d\d-\d\d)[^>]*(?:property|name)=[\"']article:published_time", re.I),
    re.compile(r"<time\b(?=[^>]*(?:itemprop=[\"']datePublished|class=[\"'][^\"']*publish))[^>]*datetime=[\"'](\d{4}-\d\d-\d\d)",
               re.I),
]


def marked_date(html: str) -> str | None:
    for pattern in MARKED_DATE:
        match = pattern.search(html)
        if match and real_date(match.group(1)):
            return match.group(1)
    return None


def real_date(value: str | None) -> str | None:
    """An ISO date (or --MM-DD) that exists; a page's or feed's "2023-02-30" or "yesterday" is none."""
    if not value:
        return None
    value = value.strip()[:10]
    if value.startswith("--") and base_date(f"2024{value[1:]}"):
        return value
    return value if base_date(value) else None


def strip_meta_prefix(lines: list[Line]) -> tuple[list[Line], str | None]:
    """A scraper's leading 'date 2023-03-21 ' header is metadata, not body text."""
    for i, line in enumerate(lines):
        if not line.text:
            continue
        match = META_PREFIX.match(line.text)
        if not match:
            return lines, None
        rest = Line(line.text[match.end():], line.start + match.end())
        return lines[:i] + [rest] + lines[i + 1:], match.group(1)
    return lines, None


def is_noise(text: str, boilerplate: frozenset[str] = frozenset()) -> bool:
    """Site chrome: short lines that are not sentences and look like menus, buttons, tickers."""
    if not text:
        return True
    words = WORD.findall(text)
    if len(text) <= 3 or not words:
        return True  # bullets, lone counters, "* * *"
    noise = chrome()
    if is_ticker(text, noise["currency_codes"]):
        return True
    low = " ".join(text.lower().split())
    if len(words) <= 15 and any(word in low for word in noise["promo_words"]):
        return True
    if len(words) > 12 or SENTENCE_END.search(text) and len(words) > 5:
        return False
    low = " ".join(text.lower().strip("-•*·|>»").split())
    if normalise_line(text) in boilerplate:
        return True
    if low.rstrip(":") in noise["chrome_lines"]:
        return True
    if low.startswith(tuple(noise["chrome_prefixes"])):
        return True
    if any(word in low for word in noise["chrome_words"]) and not SENTENCE_END.search(text):
        return True
    return bool(BREADCRUMB.match(text))


@functools.cache
def chrome() -> dict[str, tuple[str, ...]]:
    """The chrome vocabulary of every shipped language (data/lang/<lang>/noise.json) in one:
    a page's menus need not be in its text's language."""
    merged: dict[str, list[str]] = {}
    for lang in languages():
        try:
            data = load_lang(lang, "noise.json")
        except FileNotFoundError:
            continue
        for key, words in data.items():
            if not key.startswith("_"):
                merged.setdefault(key, []).extend(w for w in words if w not in merged.get(key, []))
    return {key: tuple(words) for key, words in merged.items()}


def is_ticker(text: str, codes: Iterable[str]) -> bool:
    """Price tickers and counters: only numbers, currency codes and symbols ('3.69 BYN', '• 6')."""
    rest = re.sub(r"[\d.,%+\-−–$€£¥₽•·*|()\s]", "", text)
    return not rest or rest in codes


def normalise_line(text: str) -> str:
    return " ".join(text.lower().split())


def chrome_candidates(raw_text: str) -> set[str]:
    """Lines that could be an outlet's chrome if they recur: short, not sentences, not speaker labels."""
    found = set()
    for line in split_lines(raw_text):
        words = WORD.findall(line.text)
        if 0 < len(words) <= 12 and not SENTENCE_END.search(line.text):
            found.add(normalise_line(line.text))
    return found


def join_wrapped(lines: list[Line], raw: str) -> list[Line]:
    """Lines of one hard-wrapped paragraph are joined: the next line starts lower-case, or the
    page is wrapped at a fixed width and the line before stops mid-sentence."""
    wrapped = is_hard_wrapped(lines)
    out: list[Line] = []
    previous_blank = True
    for line in lines:
        if not line.text:
            previous_blank = True
            continue
        prev = out[-1] if out else None
        if (
            prev is not None
            and not previous_blank
            and not SENTENCE_END.search(prev.text)
            and (line.text[0].islower() or wrapped and len(prev.text.splitlines()[-1]) >= 45)
        ):
            end = line.start + len(line.text)
            out[-1] = Line(raw[prev.start:end], prev.start)
        else:
            out.append(line)
        previous_blank = False
    return out


def is_hard_wrapped(lines: list[Line]) -> bool:
    """Most lines are of a similar, short width and many stop mid-sentence: a wrapped page."""
    texts = [line.text for line in lines if line.text]
    if len(texts) < 6:
        return False
    short = sum(1 for t in texts if len(t) <= 100)
    open_ended = sum(1 for t in texts if len(t) >= 45 and not SENTENCE_END.search(t))
    return short >= 0.85 * len(texts) and open_ended >= 0.35 * len(texts)


def find_dateline(paragraphs: list[str]) -> str | None:
    """A short line near the top (or the very end) that starts with a date: the page's dateline."""
    candidates = paragraphs[:12] + paragraphs[-2:]
    for text in candidates:
        if len(WORD.findall(text)) > 14:
            continue
        lead = DATELINE_LEAD.match(text)
        match = DATE.match(text, lead.end() if lead else 0)
        if match:
            return text
        # "Russian Politics & Diplomacy November 09, 2023, 15:24": a short line with a full date.
        match = DATE.search(text)
        if match and re.search(r"\d{4}", match.group(0)) and not SENTENCE_END.search(text):
            return text
    return None


TURN_LABEL = re.compile(r"[^\W\d_]\.\s?[^\W\d_][\w-]+:\s")  # a transcript's "Initial.Surname:" label


def find_title(paragraphs: list[str], dateline: str | None) -> str | None:
    """The first heading-like line: short and not a sentence ending in a full stop. A page that
    opens with a transcript's turn ("V.Putin: Mr President, ...") has no heading: the lines
    after it are the speaker's."""
    for text in paragraphs[:6]:
        if text == dateline:
            continue
        if TURN_LABEL.match(text):
            return None
        words = len(WORD.findall(text))
        if 2 <= words <= 25 and not text.endswith("."):
            return text
        if words > 25:
            return None
    return None


class TextOfMarkup(HTMLParser):
    """The text of HTML by Python's own parser, which has no depth limit: a line per block
    element, nothing of scripts, styles or the head."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section",
                        "blockquote", "pre", "table", "ul", "ol", "title"})
    HIDDEN = frozenset({"script", "style", "head", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        self.hidden += tag in self.HIDDEN
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.hidden = max(0, self.hidden - (tag in self.HIDDEN))
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def markup_text(html: str) -> str:
    """The text of a page trafilatura could not read, a paragraph per block element; nothing
    when no line of it is a sentence of eight words or more (a page of menus stays empty)."""
    parser = TextOfMarkup()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).split("\n")]
    lines = [line for line in lines if line]
    if not any(len(line.split()) >= 8 and line[-1] in ".!?\"”»" for line in lines):
        return ""
    return "\n".join(lines)
