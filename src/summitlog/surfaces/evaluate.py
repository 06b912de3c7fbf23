"""Scoring extraction rows against a gold set, with the metrics ../shared/gold/FORMAT.md defines.

Mirrors the reference scorer (tools/score.py) so that `summitlog eval` prints
the same figures; tests check the two agree.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GoldError

WORD = re.compile(r"\w+", re.UNICODE)


def norm_name(name: str | None) -> str:
    if not name:
        return ""
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c))
    return " ".join(name.lower().replace(".", " ").split())


class Persons:
    """Canonical names and aliases; an unlisted variant with the same surname and initial matches."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.alias: dict[str, str] = {}
        for canonical, aliases in table.items():
            for alias in [canonical, *aliases]:
                self.alias[norm_name(alias)] = canonical

    def resolve(self, name: str | None) -> str | None:
        n = norm_name(name)
        if not n:
            return None
        if n in self.alias:
            return self.alias[n]
        parts = n.split()
        hits = {
            canon for alias, canon in self.alias.items()
            if alias.split() and alias.split()[-1] == parts[-1]
            and (len(parts) == 1 or len(alias.split()) == 1 or alias[0] == n[0])
        }
        return hits.pop() if len(hits) == 1 else name


@dataclass
class Report:
    metrics: dict[str, Any]
    misses: list[tuple[str, str]] = field(default_factory=list)
    wrong_speakers: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)
    missed_figures: list[tuple[str, str]] = field(default_factory=list)


def load_rows(path: str | Path) -> dict[str, dict[str, Any]]:
    rows = {}
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            try:
                row = json.loads(line)
                rows[row["doc"]] = row
            except (json.JSONDecodeError, KeyError, TypeError):
                raise GoldError(f"{path}:{lineno}: not a JSON object with a 'doc' field") from None
    return rows


def _spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in WORD.finditer(text)]


def _tokens(spans: list[tuple[int, int]], start: int, end: int) -> set[int]:
    return {i for i, (s, e) in enumerate(spans) if s >= start and e <= end}


def _locate(text: str, item: dict, cursor: int) -> tuple[int | None, int | None, int]:
    if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
        return item["start"], item["end"], cursor
    needle = item.get("text") or ""
    if not needle:
        return None, None, cursor
    at = text.find(needle, cursor)
    if at == -1:
        at = text.find(needle)
    if at == -1:
        return None, None, cursor
    return at, at + len(needle), at + 1


def _token_sets(text: str, spans: list, items: list[dict]) -> list[tuple[set[int], dict]]:
    out, cursor = [], 0
    for item in items:
        s, e, cursor = _locate(text, item, cursor)
        out.append((_tokens(spans, s, e) if s is not None else set(), item))
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score_quotes(docs: dict[str, str], gold: dict, pred: dict, persons: Persons, report: Report) -> dict:
    g_total = g_found = p_total = p_correct = spk_total = spk_right = 0
    for name, g in gold.items():
        text = docs[name]
        spans = _spans(text)
        g_sets = _token_sets(text, spans, g.get("quotes", []))
        p_sets = _token_sets(text, spans, (pred.get(name) or {}).get("quotes", []))
        union = set().union(*[t for t, _ in g_sets]) if g_sets else set()
        for toks, q in p_sets:
            p_total += 1
            if toks and len(toks & union) >= 0.5 * len(toks):
                p_correct += 1
            else:
                report.spurious.append((name, (q.get("text") or "")[:80]))
        for toks, q in g_sets:
            g_total += 1
            best, overlap = None, 0
            for ptoks, pq in p_sets:
                if len(toks & ptoks) > overlap:
                    best, overlap = pq, len(toks & ptoks)
            if toks and overlap >= 0.5 * len(toks):
                g_found += 1
                if q.get("speaker"):
                    spk_total += 1
                    want, got = persons.resolve(q["speaker"]), persons.resolve(best.get("speaker"))
                    if want == got:
                        spk_right += 1
                    else:
                        report.wrong_speakers.append((name, q["text"][:60], want, got))
            else:
                report.misses.append((name, q["text"][:80]))
    p = p_correct / p_total if p_total else 0.0
    r = g_found / g_total if g_total else 0.0
    return {
        "quote_precision": p, "quote_recall": r, "quote_f1": _f1(p, r),
        "speaker_accuracy": spk_right / spk_total if spk_total else 0.0,
        "gold_quotes": g_total, "predicted_quotes": p_total,
    }


def score_meetings(gold: dict, pred: dict, persons: Persons) -> dict:
    fields = {k: [0, 0] for k in ("participants", "date", "city", "duration_minutes", "kind", "city_strict",
                                  "duration_strict")}
    for name, g in gold.items():
        for gm in g.get("meetings", [])[:1]:
            want = {persons.resolve(p) for p in gm.get("participants", [])}
            best, best_overlap = None, -1
            for pm in (pred.get(name) or {}).get("meetings", []):
                overlap = len(want & {persons.resolve(p) for p in pm.get("participants", [])})
                if overlap > best_overlap:
                    best, best_overlap = pm, overlap
            best = best or {}
            fields["participants"][1] += 1
            fields["participants"][0] += want == {persons.resolve(p) for p in best.get("participants", [])}
            if gm.get("date"):
                fields["date"][1] += 1
                got = best.get("date") or ""
                if gm.get("year_stated", True):
                    ok = got == gm["date"]
                else:
                    ok = got[-5:] == gm["date"][-5:] and (
                        len(got) < 10 or got == gm["date"] or got.startswith("--")
                    )
                fields["date"][0] += ok
            if gm.get("city"):
                fields["city"][1] += 1
                fields["city"][0] += norm_name(best.get("city")) == norm_name(gm["city"])
            if gm.get("duration_minutes") is not None:
                fields["duration_minutes"][1] += 1
                fields["duration_minutes"][0] += best.get("duration_minutes") == gm["duration_minutes"]
            if gm.get("kind"):
                fields["kind"][1] += 1
                fields["kind"][0] += best.get("kind") == gm["kind"]
            # Strict: a city or duration the text does not give counts against, as a reader counts it.
            if gm.get("city") or best.get("city"):
                fields["city_strict"][1] += 1
                fields["city_strict"][0] += norm_name(best.get("city")) == norm_name(gm.get("city"))
            if gm.get("duration_minutes") is not None or best.get("duration_minutes") is not None:
                fields["duration_strict"][1] += 1
                fields["duration_strict"][0] += best.get("duration_minutes") == gm.get("duration_minutes")
    return {f"meeting_{k}": (v[0] / v[1] if v[1] else None) for k, v in fields.items()}


def _same_figure(a: dict, b: dict) -> bool:
    try:
        va, vb = float(a["value"]), float(b["value"])
    except (KeyError, TypeError, ValueError):
        return False
    return (
        str(a.get("unit", "")).lower() == str(b.get("unit", "")).lower()
        and abs(va - vb) <= 0.005 * max(abs(vb), 1e-9)
    )


STOP = set("the a an of in on at for to and or with by from its their his her this that is was be as per".split())


def content_words(text: str | None) -> set[str]:
    """A rough proxy for 'the same subject': content words, compared on their first five letters."""
    return {w[:5] for w in re.findall(r"[a-z]+", (text or "").lower()) if w not in STOP and len(w) > 2}


def score_figures(gold: dict, pred: dict, report: Report, persons: Persons) -> dict:
    g_total = g_found = p_total = p_correct = spk_total = spk_right = about_total = about_right = 0
    for name, g in gold.items():
        gf, pf = g.get("figures", []), (pred.get(name) or {}).get("figures", [])
        for x in pf:
            p_total += 1
            p_correct += any(_same_figure(x, y) for y in gf)
        for y in gf:
            g_total += 1
            match = next((x for x in pf if _same_figure(x, y)), None)
            if match is None:
                report.missed_figures.append((name, y.get("text", "")[:60]))
                continue
            g_found += 1
            if y.get("about"):
                about_total += 1
                about_right += bool(content_words(y["about"]) & content_words(match.get("about")))
            if "speaker" in y:
                spk_total += 1
                spk_right += persons.resolve(y.get("speaker")) == persons.resolve(match.get("speaker"))
    p = p_correct / p_total if p_total else 0.0
    r = g_found / g_total if g_total else 0.0
    return {
        "figure_precision": p, "figure_recall": r, "figure_f1": _f1(p, r),
        "figure_speaker_accuracy": spk_right / spk_total if spk_total else None,
        "figure_about_overlap": about_right / about_total if about_total else None,
        "gold_figures": g_total, "predicted_figures": p_total,
    }


def score(pred: dict, gold: dict, docs: dict[str, str], persons: Persons) -> Report:
    """All metrics of predicted rows against gold rows; docs maps file name to its raw text."""
    report = Report(metrics={})
    report.metrics.update(score_quotes(docs, gold, pred, persons, report))
    report.metrics.update(score_meetings(gold, pred, persons))
    report.metrics.update(score_figures(gold, pred, report, persons))
    return report


def load_gold(gold_path: str | Path, docs_dir: str | Path, persons_path: str | Path | None = None):
    """Gold rows, the documents' raw texts and the persons table, with clear errors for each."""
    gold = load_rows(gold_path)
    persons_file = Path(persons_path) if persons_path else Path(gold_path).with_name("persons.json")
    try:
        persons = Persons(json.loads(persons_file.read_text("utf-8")))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{persons_file}: cannot be read as a persons table ({exc})") from None
    docs = {}
    for name in gold:
        try:
            docs[name] = (Path(docs_dir) / name).read_text("utf-8")
        except OSError:
            raise GoldError(f"{docs_dir}: has no document {name!r} named in {gold_path}") from None
    return gold, docs, persons


def score_events(gold: dict, event_of: dict[str, int | None]) -> dict[str, Any]:
    """Pairwise precision and recall of grouping documents into Events, against the gold's
    same_meeting_as links (only for gold sets that carry them)."""
    names = sorted(gold)
    if not any("same_meeting_as" in gold[n] for n in names):
        return {}
    want = {frozenset((n, o)) for n in names for o in gold[n].get("same_meeting_as", []) if o in gold}
    got = {
        frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1:]
        if event_of.get(a) is not None and event_of.get(a) == event_of.get(b)
    }
    p = len(want & got) / len(got) if got else 0.0
    r = len(want & got) / len(want) if want else 0.0
    return {"event_pair_precision": p, "event_pair_recall": r, "gold_event_pairs": len(want),
            "predicted_event_pairs": len(got)}


def twins(row: dict[str, Any]) -> list[str]:
    """The other documents a gold row names as reports of its meeting, its translation first."""
    return list(dict.fromkeys([*([row["translation_of"]] if row.get("translation_of") else []),
                               *row.get("same_meeting_as", [])]))


def score_twins(gold: dict, texts: dict[str, str], event_of: dict[str, int | None],
                aligned: dict[tuple[str, str], list[tuple[int, int]]]) -> dict[str, Any]:
    """For gold sets whose pages name a twin in another language (ru/pairs' `same_meeting_as`,
    `translation_of`): the share of pages in one Event with their first-named twin, and of the
    transcript turns of three words or more of a page with an official translation that are
    aligned with a statement of that translation."""
    rows = [(name, twins(row)[0]) for name, row in gold.items()
            if twins(row) and twins(row)[0] not in gold and twins(row)[0] in event_of]
    if not rows:
        return {}
    together = sum(1 for name, twin in rows if event_of.get(name) is not None and event_of[name] == event_of[twin])
    turns = hits = 0
    for name, row in gold.items():
        if not row.get("translation_of"):
            continue
        spans = aligned.get((name, row["translation_of"]), [])
        cursor = 0
        for quote in row.get("quotes", []):
            start, end, cursor = _locate(texts[name], quote, cursor)
            if quote.get("type") != "turn" or start is None or len(quote["text"].split()) < 3:
                continue
            turns += 1
            hits += any(s < end and start < e for s, e in spans)
    found = {"twins_in_one_event": together / len(rows), "twins": len(rows)}
    if turns:
        found.update({"translation_turns_aligned": hits / turns, "translation_turns": turns})
    return found


def _overlaps(a: str, b: str) -> bool:
    ta, tb = set(WORD.findall(a.lower())), set(WORD.findall(b.lower()))
    return bool(ta and tb) and len(ta & tb) >= 0.5 * min(len(ta), len(tb))


def score_alignments(pred: list[dict[str, str]], gold: list[dict[str, str]]) -> dict[str, Any]:
    """Precision and recall of aligned sentence pairs ({a_doc, a, b_doc, b}); a predicted pair
    matches a gold one when both documents agree and each side's words mostly overlap."""
    def match(p: dict[str, str], g: dict[str, str]) -> bool:
        for x, y in ((("a_doc", "a"), ("b_doc", "b")), (("b_doc", "b"), ("a_doc", "a"))):
            if p[x[0]] == g["a_doc"] and p[y[0]] == g["b_doc"] and _overlaps(p[x[1]], g["a"]) and _overlaps(p[y[1]], g["b"]):
                return True
        return False
    tp_p = sum(1 for p in pred if any(match(p, g) for g in gold))
    tp_g = sum(1 for g in gold if any(match(p, g) for p in pred))
    precision = tp_p / len(pred) if pred else 0.0
    recall = tp_g / len(gold) if gold else 0.0
    return {"alignment_precision": precision, "alignment_recall": recall, "gold_pairs": len(gold),
            "predicted_pairs": len(pred)}
