"""Charts drawn on the server as SVG geometry (no script, no CDN): a figure series over time, and
the timeline of Events per leader pair."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Any

from ..actors.registry import known_as
from .reader import has_year, when

CHARTS = 12  # the largest series get a chart each; the table lists every figure
PAIRS = 25  # timeline rows: the pairs with most Events; the table below lists every Event


SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
CURRENCIES = {"USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥", "JPY": "¥", "RUB": "₽"}
AMOUNTS = {*CURRENCIES, "count", "kg", "tonnes", "barrels", "cubic metres"}  # units whose axis starts at zero


def words(value: float, unit: str | None = None) -> str:
    """A figure as a reader writes it: "$33 billion", "40.5%", "1.2 million", "322 minutes";
    a year as it is."""
    if unit == "year":
        return str(int(value))
    scaled = next(((value / size, name) for size, name in SCALES if abs(value) >= size), None)
    if scaled:
        amount = f"{scaled[0]:,.2f}".rstrip("0").rstrip(".") + f" {scaled[1]}"
    else:
        amount = f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit in CURRENCIES:
        return CURRENCIES[unit] + amount
    if unit == "percent":
        return amount + "%"
    if unit in (None, "", "count"):
        return amount
    return f"{amount} {unit}"


def series(rows: list[dict[str, Any]], title: str = "", unit: str = "", width: int = 720,
           height: int = 260) -> dict[str, Any]:
    """An SVG chart of one series (one subject, one unit) over time: a point per figure placed by
    its date on a time axis (year or quarter ticks), y by value from zero where the unit is an
    amount, values in words. A figure whose date has no year has no place on the axis; it sits
    in a band of its own at the right, as on the timeline."""
    rows = [r for r in rows if r.get("meeting_date") or r.get("published")]
    if not rows:
        return {"points": [], "width": width, "height": height, "title": title, "unit": unit}
    placed = [(r, day_of(r.get("meeting_date") or r.get("published"))) for r in rows]
    values = [r["value"] for r in rows]
    low, high = min(values), max(values)
    if unit in AMOUNTS or unit == "percent":
        low = min(0, low)
    span = (high - low) or abs(high) or 1
    band = 90 if any(d is None for _, d in placed) else 0
    left, right = 70, width - 20 - band
    days = [d for _, d in placed if d]
    first, last = (min(days), max(days)) if days else (0, 1)
    pad = max(30, (last - first) // 20)
    first, last = first - pad, last + pad
    scale = (right - left) / (last - first)
    points, spare = [], 0
    for r, d in placed:
        if d:
            x = left + (d - first) * scale
        else:
            x, spare = right + 25 + (spare % 4) * 14, spare + 1
        points.append({
            "x": round(x, 1), "y": round(height - 30 - (r["value"] - low) / span * (height - 60), 1),
            "label": f"{words(r['value'], r['unit'])} ({when(r['meeting_date'] or r['published'])})",
            "unit": r["unit"], "day": date.fromordinal(d).isoformat() if d else "",
            "href": f"/documents/{r['doc_id']}?hl={r['start']}-{r['end']}#figure-{r['start']}-{r['end']}",
        })
    return {"points": points, "width": width, "height": height, "low": words(low, unit), "high": words(high, unit),
            "title": title, "unit": unit, "ticks": ticks(first, last, left, scale) if days else [], "left": left,
            "right": right, "band": {"x": right + 12, "width": band - 4} if band else None}


def day_of(value: str | None) -> int | None:
    """The ordinal day of a date with a year ("2024", "2024-05", "2024-05-27"); a month-only date
    sits mid-month, a year-only date mid-year."""
    if not has_year(value):
        return None
    parts = [int(p) for p in str(value)[:10].split("-")[:3] if p.isdigit()]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 7, parts[2] if len(parts) > 2 else 15).toordinal()
    except (ValueError, IndexError):
        return None


def timeline(events: list[dict[str, Any]], short: Callable[[str], str] = known_as, width: int = 1000,
             row: int = 36) -> dict[str, Any]:
    """Events on a time axis, one row per leader pair: a mark per Event at its date, sized by its
    number of sources and coloured by kind; Events whose year no source gives sit in a band of
    their own at the right, since they have no place on the axis. A row is labelled by the names
    people use (`short`: the registry's `short_name`), "Xi – Putin"."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        rows[" – ".join(e["participants"])].append(e)
    order = sorted(rows, key=lambda k: (-len(rows[k]), k))
    shown, hidden = order[:PAIRS], max(0, len(order) - PAIRS)
    label_w, band_w, top = 200, 120, 34
    left, right = label_w + 10, width - band_w - 20
    days = [day(e) for k in shown for e in rows[k] if day(e)]
    first, last = (min(days), max(days)) if days else (date.today().toordinal() - 365, date.today().toordinal())
    pad = max(45, (last - first) // 30)  # no mark on the axis' ends
    first, last = first - pad, last + pad
    scale = (right - left) / (last - first)
    height = top + row * len(shown) + 30
    out_rows = []
    for i, key in enumerate(shown):
        y = top + row * i + row / 2
        marks, spare = [], 0
        for e in sorted(rows[key], key=lambda e: e["facts"]["date"]["value"] or ""):
            d = day(e)
            if d:
                x = left + (d - first) * scale
            else:
                x = right + 30 + (spare % 6) * 16
                spare += 1
            kind = e["facts"]["kind"]["value"] or "meeting"
            count = len(e["sources"])
            marks.append({"x": round(x, 1), "y": y, "r": 4 + 1.5 * min(count, 6), "kind": kind, "sources": count,
                          "href": f"/events/{e['id']}", "dated": bool(d),
                          "title": f"{when(e['facts']['date']['value']) or 'date not given'} · {kind} · "
                                   f"{count} source{'s' if count != 1 else ''}"})
        label = " – ".join(short(name) for name in rows[key][0]["participants"])
        out_rows.append({"label": key, "short": label, "y": y, "marks": marks})
    return {"width": width, "height": height, "rows": out_rows, "ticks": ticks(first, last, left, scale),
            "axis": {"left": left, "right": right, "y": height - 24}, "band": {"x": right + 18, "width": band_w},
            "kinds": sorted({m["kind"] for r in out_rows for m in r["marks"]}), "hidden": hidden,
            "top": top}


def day(event: dict[str, Any]) -> int | None:
    """The ordinal day of an Event's date, when it has a year."""
    return day_of(event["facts"]["date"]["value"])


def ticks(first: int, last: int, left: float, scale: float) -> list[dict[str, Any]]:
    """Year ticks (every few years on a long axis), or quarter ticks on an axis under two years."""
    a, b = date.fromordinal(first), date.fromordinal(last)
    if (last - first) > 730:
        step = max(1, (b.year - a.year) // 10 + 1)
        marks = [(date(y, 1, 1), str(y)) for y in range(a.year + 1, b.year + 1) if (y - a.year - 1) % step == 0]
    else:
        marks = [(date(y, m, 1), f"{('Jan', 'Apr', 'Jul', 'Oct')[(m - 1) // 3]} {y}")
                 for y in range(a.year, b.year + 1) for m in (1, 4, 7, 10) if a <= date(y, m, 1) <= b]
    return [{"x": round(left + (d.toordinal() - first) * scale, 1), "label": text} for d, text in marks]
