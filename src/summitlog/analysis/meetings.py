"""The meeting a document reports: who met whom, when, where, for how long, in what format.

Participants are the leaders the text names most, weighted towards the title,
the lead and sentences about meeting; the date, place and duration come from
those sentences first. Earlier meetings the text recalls ("during their
meeting at Valaam Island on August 1st") become references, not the meeting.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from ..actors.registry import TITLES, Registry
from ..actors.romanise import foreign
from ..records import Meeting
from ..resources import load_lang
from . import numbers
from .dates import DateMention, base_date, calendar, find_dates, parse_date
from .offices import Office, OfficeFinder
from .places import Gazetteer, Place, clause_end, elsewhere, spoken_here
from .mentions import Taken
from .text import sentence_spans

PERSON_NAME = re.compile(r"[A-Z][\w'’-]+(?: (?:[A-Z][\w'’.-]+|de|da|von|van|bin|al-\w+)){1,3}")


class Words:
    """The words of meetings in one language (data/lang/LANG/meetings.json and reports.json),
    compiled once per finder."""

    def __init__(self, lang: str) -> None:
        data = load_lang(lang, "meetings.json")
        self.strong = re.compile(data["strong"], re.IGNORECASE)
        self.travel = re.compile(data["travel"], re.IGNORECASE)  # arriving, leaving for the meeting
        self.meeting = re.compile(data["meeting"], re.IGNORECASE)
        self.reference = re.compile(data["reference"], re.IGNORECASE)
        self.call = re.compile(data["call"], re.IGNORECASE)
        self.in_person = re.compile(data["in_person"], re.IGNORECASE)
        self.informal = re.compile(data["informal"], re.IGNORECASE)
        self.locative = frozenset(data["locative"])
        self.between = frozenset(data["place_words"]["words"])  # "in the city of X"
        self.modifiers = frozenset(data["place_words"]["modifiers"])
        self.of, self.of_nouns = data["place_words"]["of"]["word"], frozenset(data["place_words"]["of"]["nouns"])
        # "of X", "of the X" just before a name: X is what an office is of
        self.of_polity = re.compile(rf"\b{re.escape(self.of)}\s+(?:(?:{'|'.join(self.modifiers)})\s+)?$") if self.of else None
        self.departed_from = frozenset(data["departure"]["from"])  # "из X отправился": they were in X
        verbs = data["departure"]["verbs"]
        self.departure = re.compile(verbs, re.IGNORECASE) if verbs else None
        duration = data["duration"]
        self.duration = re.compile(duration["pattern"], re.IGNORECASE)
        self.numbers: dict[str, float] = duration["numbers"]
        self.exact = ("", *duration["exact"])
        self.part = re.compile(duration["part"], re.IGNORECASE)
        self.not_yet = re.compile(duration["not_yet"], re.IGNORECASE)
        self.point = re.compile(duration["point"], re.IGNORECASE)
        self.pronoun_start = re.compile(duration["pronoun_start"])
        self.duration_context = re.compile(duration["context"], re.IGNORECASE)
        self.lasted = re.compile(duration["lasted"])
        self.not_taken_place = frozenset(load_lang(lang, "reports.json")["not_taken_place"])
        self.place_line = re.compile(data["lines"]["place_line"])
        self.agency_dateline = re.compile(data["lines"]["agency_dateline"])
        self.dated_meeting = re.compile(data["dated_meeting"], re.IGNORECASE)
        summit = data["summit"] or {}  # no summit words: no meeting is read as one
        self.summit = re.compile(summit["word"], re.IGNORECASE) if summit else None
        self.gathering_before = re.compile(summit.get("gathering_before", "$^"))
        self.pair = re.compile(summit.get("pair", "$^"), re.IGNORECASE)
        self.gathering_around = re.compile(summit.get("gathering_around", "$^"), re.IGNORECASE)
        self.series_after = re.compile(summit.get("series_after", "$^"))
        self.visit = re.compile(data["visit"]["pattern"], re.IGNORECASE)
        self.visit_kinds: dict[str, str] = data["visit"]["kinds"]
        self.formats = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in data["formats"].items()}


class MeetingFinder:
    """Finds the meeting a document reports and the earlier meetings it refers to."""

    def __init__(self, registry: Registry, gazetteer: Gazetteer | None = None, lang: str = "en") -> None:
        self.registry = registry
        self.lang = lang  # the language whose words it reads
        self.words = Words(lang)
        self.gazetteer = gazetteer or Gazetteer.load(lang, registry.romaniser)
        self.offices = OfficeFinder(registry, lang)

    def find(
        self,
        text: str,
        paragraphs: Sequence[tuple[int, int]],
        published: str | None = None,
        dateline: str | None = None,
        persons: Sequence[tuple[int, int, str]] = (),
        quoted: Sequence[tuple[int, int]] = (),
        speakers: Sequence[str] = (),
        turns: Sequence[tuple[int, int, str]] = (),
        site: str | None = None,
        title: str | None = None,
        sentences: list[tuple[int, int]] | None = None,
        names: list[tuple[int, int, str]] | None = None,
    ) -> list[Meeting]:
        """The reported meeting and the references. `quoted` are the spans of quotes (names said
        inside them are not the meeting's cast), `speakers` who the quotes are by, `turns` the
        (start, end, speaker) of a transcript's turns; `sentences` and the registry's `names`
        are the page's, where the caller has them."""
        sentences = sentence_spans(text) if sentences is None else sentences
        names = self.registry.find_names(text) if names is None else names
        in_quotes = Taken(quoted)
        lead_end = lead(text, paragraphs, 6)
        meeting_sentences = [(s, e) for s, e in sentences if self.words.meeting.search(text[s:e])]
        dates = [d for d in find_dates(text, published, self.lang) if not in_quotes.holds(d.start)]
        when = self.when(dates, published)
        heading = self.heading(text, title)
        outside, in_office = self.cast(text, persons, in_quotes, when, heading, site, names)
        participants = self.participants(text, paragraphs, meeting_sentences, persons, when, outside, speakers,
                                         {speaker for _, _, speaker in turns}, in_office, heading, names)
        people = outside + [(s, e, self.registry.resolve(n) or " ".join(n.split())) for s, e, n in persons
                            if not in_quotes.holds(s)]
        if not participants or not self.reports(text, participants, paragraphs, meeting_sentences, people, turns):
            return []
        named = {s: n for s, _, n in people if n in participants}  # offsets of the two's names
        date, basis, reason, evidence = self.date(text, paragraphs, dates, meeting_sentences, lead_end, dateline,
                                                  published, named, sentences)
        if date and date.startswith("--"):
            year = self.year(text, dates, date, participants)
            if year:
                date, reason = f"{year}{date[1:]}", "the year is the one in which that day fell on the weekday the text gives while both held office"
        places = [p for p in self.gazetteer.find(text, persons) if not in_quotes.holds(p.start)]
        speech = Taken((start, end) for start, end, _ in turns)
        formats = tuple(name for name, pattern in self.words.formats.items() if pattern.search(text))
        duration, approximate = self.duration(text, meeting_sentences, sentences, formats)
        head = text[:lead_end]
        title = title or (text[:paragraphs[0][1]] if paragraphs else "")
        # A title that names the meeting decides whether it was a call ("Meeting with ...", on a
        # page that also recalls a phone call); else the lead does.
        words = self.words
        by_phone = words.call.search(title) or not words.in_person.search(title) and words.call.search(head)
        # "informal" in the lead, or in a sentence naming one of the two ("thank President X for
        # organising this informal meeting")
        informal = words.informal.search(head) or any(words.informal.search(text, s, e) for s, e in sentences
                                                if any(s <= at < e for at in named))
        kind = ("call" if by_phone else "informal" if informal
                else "summit" if self.summit(text, sentences, named) else "talks")
        # where the two sat during a call is never stated as where it happened: a city its
        # readout names is another event's
        place = None if by_phone else self.place(text, paragraphs, places, meeting_sentences, lead_end, dateline,
                                                 heading, date, dates, speech)
        visit = self.words.visit.search(head)
        span = evidence or (meeting_sentences[0] if meeting_sentences else (0, min(len(text), 200)))
        main = Meeting(
            participants=tuple(sorted(participants)),
            date=date,
            date_reason=reason,
            date_basis=basis,
            place=place_text(place) if place else None,
            venue=place.name if place and place.venue else None,
            city=place.city if place else None,
            region=place.region if place else None,
            country=place.country if place else None,
            duration_minutes=duration,
            duration_approximate=approximate,
            kind=kind,
            visit=f"{self.words.visit_kinds.get(visit.group(1).lower(), visit.group(1).lower())} visit" if visit else None,
            formats=formats,
            role="reported",
            start=span[0],
            end=span[1],
        )
        return [main, *self.references(text, dates, meeting_sentences, places, main)]

    def cast(self, text, persons, in_quotes: Taken, when, heading, site, names) -> tuple[list[tuple[int, int, str]], set[str]]:
        """Who the text names outside quotes, as (start, end, name), and which of them are named
        as holders of an office: registry names, offices resolved for the date ("President of
        Uzbekistan"), titled people of the page's title, and the host of a leader's own site."""
        outside = [(s, e, n) for s, e, n in names if not in_quotes.holds(s)]
        offices = [o for o in self.offices.find(text, when, frozenset(n for _, _, n in outside))
                   if not in_quotes.holds(o.start)]
        outside = sorted(outside + [(o.start, o.end, o.name) for o in offices
                                    if not any(o.start <= s < o.end for s, _, _ in outside)])
        for start, end, name in persons:  # "Talks with Prime Minister of Saxony Karel Moravec"
            words = name.split()
            of = self.words.of_polity and self.words.of_polity.search(text, max(0, start - 8), start)
            if of and len(words) > 2 and not self.registry.resolve(name):
                start += name.rindex(words[-2])  # the place the NER glued to the name ("Saxony Karel ...")
                name = " ".join(words[-2:])
            elif of and not self.registry.resolve(name):
                continue  # "President of Republika Srpska": the polity of an office, not its holder
            if not (heading[0] <= start < heading[1] and PERSON_NAME.fullmatch(name)
                    and self.titled(text[max(heading[0], start - 60):start])
                    and not any(p.start == 0 and p.end == len(name) for p in self.gazetteer.find(name))):
                continue  # not a titled person of the title ("Emir of Ajman": a place)
            known = [(s, e, n) for s, e, n in outside if s < end and start < e]
            written = known[0][2] if known else self.registry.resolve(name) or " ".join(name.split())
            if not known:
                outside = sorted([*outside, (start, end, written)])
            offices.append(Office(start, end, written, True))
        for start, end, name in outside:  # a known name with a title in the page's title
            if heading[0] <= start < heading[1] and self.titled(text[max(heading[0], start - 60):start]):
                offices.append(Office(start, end, name, True))
        host = self.host(site, when)
        if host:  # the office whose site this is hosts what it reports: a byline at the top
            outside.insert(0, (0, 0, host))
            offices.append(Office(0, 0, host, False))
        return outside, {o.name for o in offices}

    # -- participants ------------------------------------------------------------------

    def participants(self, text, paragraphs, meeting_sentences, persons, when, names, speakers,
                     talking=frozenset(), in_office=frozenset(), heading=(0, 0), registry_names=()) -> list[str]:
        """The two leaders the text is about: most named outside quotes, in the page's title
        (at `heading`), the lead and sentences about meeting, and most quoted; leaders who speak
        turns of a transcript (`talking`) first. Names given with an office (`in_office`) are
        leaders."""
        scores: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        lead_end = lead(text, paragraphs, 3)
        for start, end, name in names:
            if name not in in_office and not self.is_leader(name, when):
                continue
            first_seen.setdefault(name, start)
            scores[name] += 1 + (3 if start < lead_end else 0) + (3 if heading[0] <= start < heading[1] else 0)
            if any(s <= start < e for s, e in meeting_sentences):
                scores[name] += 2
        for name in speakers:
            if name in first_seen:
                scores[name] += 1
        for name in talking:
            if name in self.registry.actors and self.is_leader(name, when):
                first_seen.setdefault(name, len(text))
                scores[name] += 100
        ranked = sorted(scores, key=lambda n: (-scores[n], first_seen[n]))
        chosen = ranked[:2]
        if len(chosen) == 1:
            chosen += self.counterpart(text, chosen[0], meeting_sentences, persons, when, registry_names)
        return chosen if len(chosen) == 2 else []

    def counterpart(self, text, leader, meeting_sentences, persons, when, registry_names) -> list[str]:
        """The other side when only one leader is named: a person named in a sentence about the
        meeting, else the leader of the foreign country the text names most ("Mr President ...
        the elections in Turkiye")."""
        leader_at = [s for s, e, n in registry_names if n == leader]
        for start, end, name in persons:
            resolved = self.registry.resolve(name) or self.addressed(name, when) or " ".join(name.split())
            sentence = next(((s, e) for s, e in meeting_sentences if s <= start < e), None)
            if (sentence and self.person_name(name) and resolved != leader
                    and any(sentence[0] <= at < sentence[1] for at in leader_at)):
                actor = self.registry.actors.get(resolved)
                if actor is None and self.titled(text[max(sentence[0], start - 60):start]) or (
                        actor is not None and self.is_leader(resolved, when)):
                    return [resolved]
        own = self.registry.actors[leader].countries() if leader in self.registry.actors else set()
        counts: Counter[str] = Counter()
        capitalised = [w for w in re.findall(r"[^\W\d_][\w’'-]+", text) if w[0].isupper()]
        for word in capitalised:
            code = self.offices.country(word)
            if code and code not in own:
                counts[code] += 1
        words = set(capitalised)
        # a name in another script is compared by the sound of its Latin letters ("Дмитрий": Dmitry)
        romaniser = self.registry.romaniser
        sounds = {romaniser.sound(romaniser.latin(w)) for w in words if foreign(w)}
        for code, _ in counts.most_common(2):
            heads = {name for office in ("state", "government") for name in self.registry.holder(code, office, when)}
            named = {name for name in heads if any(part in words or sounds and romaniser.sound(part) in sounds
                                                   for part in name.split() if len(part) > 2)}
            if len(heads) == 1 or len(named) == 1:
                return list(named or heads)
        return []

    def person_name(self, name: str) -> bool:
        """Whether a name the NER found has a person's shape: two to four capitalised words (in
        Latin letters, particles such as "de" or "bin" among them)."""
        if not foreign(name):
            return bool(PERSON_NAME.fullmatch(name))
        words = name.split()
        return 2 <= len(words) <= 4 and all(w[0].isupper() for w in words)

    def addressed(self, name: str, when: str | None) -> str | None:
        """The leader a given name and patronymic address ("Дмитрий Анатольевич"): the only leader
        of `when` whose given name sounds as that one does."""
        words = name.split()
        romaniser = self.registry.romaniser
        if len(words) != 2 or not foreign(name) or not romaniser.patronymic(words[1]):
            return None
        given = romaniser.sound(romaniser.latin(words[0]))
        found = [n for n, actor in self.registry.actors.items()
                 if romaniser.sound(n.split()[0]) == given and self.is_leader(n, when)]
        return found[0] if len(found) == 1 else None

    def reports(self, text: str, participants: list[str], paragraphs, meeting_sentences, names, turns) -> bool:
        """Whether the text reports the two meeting, not two leaders named in passing: a sentence
        about meeting names both, or the lead (title and first paragraphs) names both, or a
        sentence of the lead about meeting names one of them (names outside quotes, all); in a
        transcript, both speak, or one speaks of the meeting ("our first meeting since ...")."""
        lead_end = lead(text, paragraphs, 3) if paragraphs else 0
        pair = set(participants)
        if pair <= {speaker for _, _, speaker in turns}:
            return True

        def named(start: int, end: int) -> set[str]:  # "Lee" of a page about Lee Jae-myung is he
            return {next((p for p in pair if n in p.split()), n) for s, _, n in names if start <= s < end}

        def speaker(start: int) -> set[str]:
            return {sp for s, e, sp in turns if s <= start < e}

        # Only a meeting that took place: "will meet", "the planned summit", "did not meet" report none.
        held = [(s, e) for s, e in meeting_sentences if self.took_place(text[s:e])]
        # Two leaders named in the lead report their meeting where one paragraph of it names both
        # (a headline "X and Y clash in the Oval Office"), not where each is named in passing, nor
        # where the lead says of them a meeting that did not take place.
        together = any(pair <= named(s, e) for s, e in paragraphs if s < lead_end)
        not_held = any(s < lead_end and pair & named(s, e) for s, e in meeting_sentences if (s, e) not in held)
        # ... and where some sentence that names one of them speaks of a meeting that took place:
        # two leaders named side by side ("X and Y expressed their condolences") met nowhere.
        met = any(pair & named(s, e) or pair & speaker(s) for s, e in held)
        return (together and met and not not_held and pair <= named(0, lead_end)
                or any(pair <= named(s, e) or pair & speaker(s)
                       # one of the two met in the lead, the other named there, and no third person
                       # in that sentence to have met instead ("X, not in office, met Y")
                       or s < lead_end and pair & named(s, e) and pair <= named(0, lead_end) and named(s, e) <= pair
                       for s, e in held))

    def took_place(self, sentence: str) -> bool:
        """Whether a sentence with a meeting word speaks of one that took place: some meeting word
        in it has no word of the future, a plan, a condition or a denial among the four before it,
        nor is one itself."""
        for match in self.words.meeting.finditer(sentence):
            if match.group(0).lower() in self.words.not_taken_place:
                continue  # a word that is itself future ("встретятся": they will meet)
            before = re.findall(r"[\w-]+(?:[’']t)?|[’']\w+", sentence[max(0, match.start() - 60):match.start()].lower())[-4:]
            if not self.words.not_taken_place.intersection(before):
                return True
        return False

    @staticmethod
    def titled(before: str) -> bool:
        """Whether a name no registry knows comes with a leader's title ("President of the Northern
        Province Karel Moravec"): someone named near a meeting may be an aide."""
        return any(re.search(rf"\b{title}\b", before, re.IGNORECASE) for title in TITLES)

    @staticmethod
    def heading(text: str, title: str | None) -> tuple[int, int]:
        """Where the page's title stands in its text, if it does."""
        at = text.find(title) if title else -1
        return (at, at + len(title)) if at >= 0 else (0, 0)

    def host(self, site: str | None, when: str | None) -> str | None:
        """The leader whose own site published the page, where the site's name is an office
        ("President of Russia"): its holder on the page's date."""
        if not site or not when:
            return None
        found = self.offices.find(site, when)
        return found[0].name if len(found) == 1 and found[0].start == 0 and found[0].end == len(site) else None

    def is_leader(self, name: str, when: str | None) -> bool:
        actor = self.registry.actors.get(name)
        return actor is not None and any(r.title in TITLES and (when is None or r.held_in(when))
                                         for r in actor.roles)

    def weekdays(self, near: str) -> set[int]:
        """The weekdays (0 Monday) whose names `near` holds."""
        near = near.lower()
        return {i for i, forms in enumerate(calendar(self.lang).weekdays) if any(f in near for f in forms)}

    @staticmethod
    def when(dates: list[DateMention], published: str | None) -> str | None:
        """The day (or year) offices are held on: the publication date, else the year the text
        names most."""
        if published and published[:4].isdigit():
            return published
        years = [d.value[:4] for d in dates if d.value[:4].isdigit()]
        return Counter(years).most_common(1)[0][0] if years else None

    def summit(self, text: str, sentences, named) -> bool:
        """Whether the meeting is itself a summit: "their summit", "the Korea-Japan summit",
        "the summit between ...", in a sentence naming one of the two (offsets `named`) or the
        pair ("the two governments"), as
        opposed to a gathering both attend ("on the sidelines of the BRICS summit")."""
        words = self.words
        for match in words.summit.finditer(text) if words.summit else ():
            start, end = next(((s, e) for s, e in sentences if s <= match.start() < e), (0, len(text)))
            before = text[max(start, match.start() - 80):match.start()]
            hyphenated = re.search(r"\w-\w+\s+$", before)
            if (not (any(start <= at < end for at in named) or words.pair.search(text[start:end]))
                    or words.gathering_before.search(before) and not hyphenated
                    or words.gathering_around.search(before)
                    or words.series_after.match(text[match.end():match.end() + 4])):
                continue
            return True
        return False

    # -- date, place, duration ---------------------------------------------------------

    def date(self, text, paragraphs, dates, meeting_sentences, lead_end, dateline, published, named, sentences):
        """(date, basis, reason, evidence span). A dated page reports on its day: its date, unless
        its first two sentences about the meeting give one up to a week before it (reports come a
        few days late). Dates in later sentences belong to other events ("the agreements reached on
        March 29"). An undated page: a date in a sentence about the meeting (talks before
        arrivals, stated dates before 'today'), an agency dateline, a dated caption, the dateline.
        The paragraphs after the last that names either of the two are the page's foot (related
        stories, teasers, footers), not its story: no date of theirs is the meeting's."""
        if named:
            last = max(named)
            foot = next((e for s, e in paragraphs if s <= last <= e), len(text))
            dates = [d for d in dates if d.start < foot]
        if published and published[:4].isdigit():
            return self.page_date(text, paragraphs, dates, meeting_sentences, lead_end, published, named)
        lead = [(s, e) for s, e in meeting_sentences if s < lead_end and not self.words.reference.search(text[s:e])]
        for strong in (True, False):
            for start, end in lead:
                if strong and not self.words.strong.search(text[start:end]):
                    continue
                if not strong and self.words.travel.search(text[start:end]):
                    continue  # "arrived on the evening of May 23": the journey's day; the talks' may be the next
                here = [d for d in dates if start <= d.start < end]
                here.sort(key=lambda d: d.relative)
                if here:
                    return with_year(here), "text", None, (start, end)
        if (found := self.agency_date(text, paragraphs, dates)):
            return found
        for d in dates:
            if d.start < lead_end and len(d.value) == 10 and not d.relative and not self.words.reference.search(
                    text[max(0, d.start - 60):d.start]):
                return d.value, "text", None, (d.start, d.end)
        both = [(s, min(e, lead_end)) for s, e in sentences if s < lead_end
                if len({n for at, n in named.items() if s <= at < e}) > 1]
        for d in dates:  # the story's day, dated with its weekday: "said on Thursday (October 30) he had agreed with Xi"
            if not d.relative and any(s <= d.start < e for s, e in both) and self.weekdays(
                    text[max(0, d.start - 14):d.end + 14]):
                return d.value, "text", None, (d.start, d.end)
        if dateline and (value := parse_date(dateline, self.lang)):
            return value, "dateline", "taken from the page's dateline", None
        return None, None, "the text gives no date for the meeting", None

    def page_date(self, text, paragraphs, dates, meeting_sentences, lead_end, published, named):
        first = [(s, e) for s, e in meeting_sentences if s < lead_end and not self.words.reference.search(text[s:e])
                 and any(s <= at < e for at in named)][:2]
        for start, end in first:
            here = sorted((d for d in dates if start <= d.start < end and recent(d.value, published)),
                          key=lambda d: d.relative)
            if here:
                return with_year(here), "text", None, (start, end)
        found = self.agency_date(text, paragraphs, dates)
        if found and recent(found[0], published):
            return found
        return published, "published", "taken from the page's publication date: the text gives none", None

    def year(self, text, dates, day: str, participants) -> str | None:
        """The year of a day the text gives without one ("on Thursday (October 30)"): the year
        since 1990 in which it fell on the weekday written beside it while both participants
        held office, or of several such years the one the text names."""
        weekdays = set()
        for d in dates:
            if d.value == day:
                weekdays |= self.weekdays(text[max(0, d.start - 14):d.end + 14])
        if len(weekdays) != 1:
            return None
        held = [self.registry.actors[n] for n in participants if n in self.registry.actors]
        if len(held) < 2:
            return None
        years = [str(y) for y in range(1990, date.today().year + 1)
                 if (b := base_date(f"{y}{day[1:]}")) and b.weekday() in weekdays
                 and all(any(r.title in TITLES and r.held_in(b.isoformat()) for r in a.roles) for a in held)]
        named = set(re.findall(r"\b(?:19|20)\d\d\b", text))
        return years[0] if len(years) == 1 else next(iter(set(years) & named), None) if len(
            set(years) & named) == 1 else None

    def agency_date(self, text, paragraphs, dates):
        """An agency dateline's date ("KAZAN, May 5. /Agency/.")."""
        for start, end in paragraphs[:6]:
            match = self.words.agency_dateline.match(text[start:end])
            if match:
                found = [d for d in dates if start <= d.start < start + match.end()]
                if found:
                    return found[0].value, "text", None, (start, start + match.end())
        return None

    def place(self, text, paragraphs, places, meeting_sentences, lead_end, dateline, heading, day, dates,
              speech) -> Place | None:
        """The meeting's place: venues and cities scored by where they are named (dateline and
        lead sentences about the meeting count most) and how often. A place the text gives to
        another event is not the meeting's, nor one a speaker (in `speech`, a transcript's
        turns) talks about rather than speaks in; the dateline and the page's `heading` (its
        span) are the meeting's own. `day` is the meeting's date."""
        if not places:
            return None
        dateline_at = text.find(dateline) if dateline else -1
        agency = [start for start, end in paragraphs[:6] if self.words.agency_dateline.match(text[start:end])]
        head_end = paragraphs[min(19, len(paragraphs) - 1)][1] if paragraphs else len(text)
        lines = [m.start() for m in re.finditer(r"^.+$", text[:head_end], re.MULTILINE)
                 if self.words.place_line.match(m.group(0))]
        agency += [start + (text[start] == "(") for start in lines]
        scores: Counter[str] = Counter()
        for p in places:
            in_dateline = dateline_at >= 0 and dateline_at <= p.start < dateline_at + len(dateline)
            line = in_dateline or p.start in agency
            if not (line or self.is_locative(text, p)):
                continue  # "Moscow's invasion", "a deal with Moscow": the state, not the place
            if self.words.dated_meeting.search(text, max(0, p.start - 60), p.start):
                continue  # "longer than at their 2017 summit in Vienna": another meeting's place
            if not (line or heading[0] <= p.start < heading[1]) and (elsewhere(text, p.start, p.end, day, dates, self.lang) or (
                    speech.holds(p.start) and not spoken_here(text, p.start, self.lang))):
                continue  # another event's place, or a place a speaker talks about
            key = p.city or p.name
            scores[key] += 1 + (1 if p.venue else 0) + (2 if line else 0)
            sentence = next(((s, e) for s, e in meeting_sentences if s <= p.start < e), None)
            if p.start < lead_end and sentence and not line and not self.words.reference.search(text[sentence[0]:sentence[1]]):
                scores[key] += 3
        if not scores:
            return None
        places = [p for p in places if (p.city or p.name) in scores]
        best = max(scores, key=lambda k: (scores[k], -min(p.start for p in places if (p.city or p.name) == k)))
        chosen = [p for p in places if (p.city or p.name) == best]
        venue = next((p for p in chosen if p.venue), None)
        city = next((p for p in chosen if not p.venue), None)
        if venue and city:
            return Place(venue.start, venue.end, venue.name, city.city, venue.region, city.country, True)
        return venue or city

    def duration(self, text, meeting_sentences, sentences, formats=()) -> tuple[int | None, bool]:
        """The whole meeting's length in minutes, and whether it is approximate. A session's
        length ("the second session lasted 65 minutes", "a 38-minute one-on-one" beside other
        formats) stays a figure, and so do plans, bounds and points in time; of what is left,
        a length the meeting "lasted" first, then the longest."""
        found: list[tuple[bool, int, bool]] = []
        words = self.words
        for start, end in meeting_sentences:
            sentence = text[start:end]
            if not words.duration_context.search(sentence):
                continue
            context = sentence
            if words.pronoun_start.match(sentence):  # "It lasted 47 minutes.": what "it" is comes before
                previous = next((text[s:e] for s, e in reversed(sentences) if e <= start), "")
                context = previous + " " + sentence
            if words.part.search(context) or len(formats) > 1 and words.formats["one-on-one"].search(context):
                continue
            for match in words.duration.finditer(sentence):
                minutes = to_minutes(match, words.numbers)
                if not minutes or minutes >= 24 * 60 or words.not_yet.search(sentence[:match.start()]) or words.point.match(
                        sentence[match.end():]):
                    continue
                approx = (match.group("approx") or "").lower() not in words.exact
                lasted = bool(words.lasted.search(sentence[max(0, match.start() - 40):match.start()]))
                found.append((lasted, minutes, approx))
        if not found:
            return None, False
        _, minutes, approx = max(found)
        return minutes, approx

    def is_locative(self, text: str, place: Place) -> bool:
        """Named as a place ("in Sochi", "at the Kremlin", "the city of Sochi", "in Russia's Kazan"),
        not as a state or government ("Moscow's invasion", "a deal with Moscow"), nor as part of a
        longer name ("the Shanghai Cooperation Organisation", "White House Chief of Staff", "Emir
        of X"), nor as a clock ("7 a.m. Moscow time")."""
        after = text[place.end:place.end + 2]
        if after[:1] in "'’" and after[1:2] in ("s", ""):
            return False
        if re.match(r" (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|on|in)\b)[A-Z][a-z]",
                    text[place.end:place.end + 3]):
            return False
        words = [w.strip(",.;:()[]") for w in text[max(0, place.start - 60):place.start].split()]
        words = words[-5:]
        if words and words[-1].lower() in self.words.departed_from and self.words.departure and \
                self.words.departure.search(text, place.end, clause_end(text, place.end)):
            return True
        for i in range(len(words) - 1, -1, -1):
            word = words[i].lower()
            if word == self.words.of:  # "the port city of X", not "an ally of X" nor "Crown Prince of X"
                return i > 0 and words[i - 1].lower() in self.words.of_nouns
            if word in self.words.locative:
                return True
            modifier = i > 0 and words[i - 1].lower() in self.words.modifiers  # "at the historic Filoli Estate"
            if word not in self.words.between and not words[i][:1].isupper() \
                    and not modifier:
                break
        return False

    def references(self, text, dates, meeting_sentences, places, main: Meeting) -> list[Meeting]:
        """Earlier meetings the text recalls, each with its own date and place."""
        found = []
        for start, end in meeting_sentences:
            sentence = text[start:end]
            if not self.words.reference.search(sentence):
                continue
            for d in dates:
                if start <= d.start < end and d.value != main.date and not d.relative:
                    place = next((p for p in places if start <= p.start < end), None)
                    found.append(Meeting(
                        participants=main.participants, date=d.value, date_reason=None, date_basis="text",
                        place=place_text(place) if place else None,
                        venue=place.name if place and place.venue else None,
                        city=place.city if place else None, region=place.region if place else None,
                        country=place.country if place else None, duration_minutes=None,
                        duration_approximate=False, kind="talks", visit=None, formats=(),
                        role="reference", start=start, end=end,
                    ))
                    break
        return found


def lead(text: str, paragraphs: Sequence[tuple[int, int]], count: int) -> int:
    """Where the lead ends: after `count` paragraphs of five words or more. Short lines before
    them (a site's menu, a date line, a photo credit) come with the lead but do not count."""
    seen = 0
    for start, end in paragraphs:
        seen += len(text[start:end].split()) >= 5
        if seen >= count:
            return end
    return paragraphs[-1][1] if paragraphs else len(text)


def with_year(found: list) -> str:
    """The first date of a sentence, with its year where the sentence writes the same day again
    with one (a wire dateline "CITY, March 14 (Agency) -" before "on March 14, 2019")."""
    first = found[0].value
    if not first.startswith("--"):
        return first
    return next((d.value for d in found if len(d.value) == 10 and d.value.endswith(first[1:])), first)


def recent(value: str, published: str) -> bool:
    """Whether a date is the publication day or up to a week before it."""
    day, page = base_date(value), base_date(published)
    return day is not None and page is not None and timedelta(0) <= page - day <= timedelta(days=7)


def to_minutes(match: re.Match, words: dict[str, float]) -> int | None:
    """The minutes of a length of time as `Words.duration` matched it; `words` are the values of
    number words numbers.py does not read."""
    def number(word: str | None) -> float:
        return (words.get(word.lower()) or numbers.word_value(word)) if word else 0

    found = match.groupdict()

    if found.get("halfhour"):
        return 30
    if found.get("m_only"):
        return int(found["m_only"])
    hours = number(found.get("h"))
    if found.get("half") or found.get("half2"):
        hours += 0.5
    return int(round(hours * 60 + number(found.get("m"))))


def place_text(place: Place) -> str:
    parts = [place.name] if place.venue else []
    parts += [x for x in (place.city, place.region) if x and x not in parts]
    return ", ".join(parts) if parts else place.name
