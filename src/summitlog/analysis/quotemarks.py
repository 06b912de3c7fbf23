"""Quotation marks: the top-level quoted spans of a paragraph, whatever the style of its marks."""

from __future__ import annotations

from dataclasses import dataclass

PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", "’": "’", '"': '"', "'": "'", "‚": "‘"}
ALTERNATE = {"“": '"', '"': "”", "„": "”\"", "‘": "'", "'": "’", "’": "'"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    closed: bool


def is_opener(para: str, i: int) -> bool:
    ch = para[i]
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    if ch in "“«„‚":
        return not after.isspace() or ch == "«"
    if ch in "‘'’":
        return (before.isspace() or before in "([{—–-:;,\"“«") and (after.isalnum() or after in "[(…")
    if ch == '"':
        return (before.isspace() or before in "([{—–-:;,‘'/") and not after.isspace()
    return False


def is_closer(para: str, i: int, opener: str) -> bool:
    """Whether para[i] closes a quote opened by `opener`; sources mix styles (“…"), so a
    straight mark may close a curly quote and the other way round."""
    ch = para[i]
    if ch != PAIRS[opener] and (ch not in ALTERNATE.get(opener, "") or not is_closer_context(para, i)):
        return False
    before = para[i - 1] if i else " "
    after = para[i + 1] if i + 1 < len(para) else " "
    if ch in "’'":
        return not before.isspace() and not after.isalnum()
    if ch == '"':
        return not before.isspace() or after.isspace() or i + 1 == len(para) or after in ".,;:!?)"
    return True


def scan(para: str) -> list[Span]:
    """Top-level quoted spans of a paragraph (content offsets); nested quotes stay inside.

    An unclosed quote runs to the end of the paragraph; a new opener of the same kind
    right after a finished sentence means the source dropped a closing mark. Every question
    reads forward from the mark asked about once (`Closers`), so a paragraph of one long line
    with many marks is scanned in linear time.
    """
    spans: list[Span] = []
    stack: list[tuple[str, int]] = []
    has_closer = Closers(para)
    i = 0
    while i < len(para):
        ch = para[i]
        if stack:
            top, _ = stack[-1]
            if is_closer(para, i, top) and not (
                top == ch and len(stack) == 1 and is_opener(para, i) and not is_closer_context(para, i)
            ):
                _, at = stack.pop()
                if not stack:
                    spans.append(Span(at + 1, i, True))
                i += 1
                continue
            if ch in PAIRS and is_opener(para, i):
                outer = stack[0][0]
                if ch == outer and len(stack) == 1 and after_sentence(para, i) and ch not in "\"'":
                    spans.append(Span(stack[0][1] + 1, i, False))  # missing closing mark
                    stack = [(ch, i)]
                elif ch != top or para[max(0, i - 2):i] in (": ", ", "):
                    if has_closer(i, ch):
                        stack.append((ch, i))
            i += 1
            continue
        if ch in PAIRS and is_opener(para, i) and (ch not in "’'" or has_closer(i, ch)):
            stack.append((ch, i))  # a lone apostrophe-like mark opens only if it is closed
        i += 1
    if stack:
        spans.append(Span(stack[0][1] + 1, len(para), False))
    return [s for s in spans if para[s.start:s.end].strip()]


def is_closer_context(para: str, i: int) -> bool:
    after = para[i + 1] if i + 1 < len(para) else " "
    return after.isspace() or after in ".,;:!?)"


def after_sentence(para: str, i: int) -> bool:
    """Whether para[:i] ends with a sentence's end and a space ("... talks. "), read back from i."""
    at = i
    while at > 0 and para[at - 1].isspace():
        at -= 1
    return at < i and at > 0 and para[at - 1] in ".!?…"


class Closers:
    """Whether a quote opened at i by a mark is closed later in the paragraph. The first closer
    found after a mark is remembered for each kind of mark, so asking about the marks of a
    paragraph in order reads each character a bounded number of times."""

    def __init__(self, para: str) -> None:
        self.para = para
        self.found: dict[str, tuple[int, int]] = {}  # opener -> (searched from, first closer there or -1)

    def __call__(self, i: int, opener: str) -> bool:
        since, at = self.found.get(opener, (len(self.para) + 1, -1))
        if since > i + 1 or -1 < at < i + 1:
            since = i + 1
            at = next((j for j in range(since, len(self.para)) if is_closer(self.para, j, opener)), -1)
            self.found[opener] = (since, at)
        return at >= 0
