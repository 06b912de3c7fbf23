"""Writes src/summitlog/data/lang/ru/palladius.json: the Palladius system's table of Mandarin
syllables, Cyrillic to pinyin, for reading Chinese names on Russian pages ("Си Цзиньпин" ->
"Xi Jinping"): Russian writes Chinese names by this system, not by transliterating English.

Source: the Palladius system (Палладий Кафаров, 1888) as tabulated in "Система Палладия",
ru.wikipedia.org, and "Cyrillization of Chinese", en.wikipedia.org: the initials and finals
below are those tables' columns and rows; a syllable is its initial's Cyrillic followed by its
final's, with the exceptions the tables give (after j, q, x the final u is ü; zi, ci, si, zhi,
chi, shi, ri take ы or и; the zero-initial forms yi, wu, yu...). Run:

    .venv/bin/python scripts/palladius.py
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "summitlog" / "data" / "lang" / "ru" / "palladius.json"

INITIALS = {
    "b": "б", "p": "п", "m": "м", "f": "ф", "d": "д", "t": "т", "n": "н", "l": "л", "g": "г", "k": "к",
    "h": "х", "j": "цз", "q": "ц", "x": "с", "zh": "чж", "ch": "ч", "sh": "ш", "r": "ж", "z": "цз", "c": "ц",
    "s": "с",
}
FINALS = {
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "ong": "ун", "er": "эр", "i": "и", "ia": "я", "ie": "е", "iao": "яо", "iu": "ю",
    "ian": "янь", "in": "инь", "iang": "ян", "ing": "ин", "iong": "юн", "u": "у", "ua": "уа", "uo": "о",
    "uai": "уай", "ui": "уй", "uan": "уань", "un": "унь", "uang": "уан", "v": "юй", "ve": "юэ", "van": "юань",
    "vn": "юнь",
}
ZERO_INITIAL = {  # syllables with no initial, as pinyin writes them
    "a": "а", "o": "о", "e": "э", "ai": "ай", "ei": "эй", "ao": "ао", "ou": "оу", "an": "ань", "en": "энь",
    "ang": "ан", "eng": "эн", "er": "эр", "yi": "и", "ya": "я", "ye": "е", "yao": "яо", "you": "ю", "yan": "янь",
    "yin": "инь", "yang": "ян", "ying": "ин", "yong": "юн", "wu": "у", "wa": "ва", "wo": "во", "wai": "вай",
    "wei": "вэй", "wan": "вань", "wen": "вэнь", "wang": "ван", "weng": "вэн", "yu": "юй", "yue": "юэ",
    "yuan": "юань", "yun": "юнь",
}
# Finals each initial takes in Mandarin (the table's filled cells)
TAKES = {
    "b": "a o ai ei ao an en ang eng i ie iao ian in ing u",
    "p": "a o ai ei ao ou an en ang eng i ie iao ian in ing u",
    "m": "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u",
    "f": "a o ei ou an en ang eng u",
    "d": "a e ai ei ao ou an en ang eng ong i ie iao iu ian ing u uo ui uan un",
    "t": "a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un",
    "n": "a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan v ve",
    "l": "a e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un v ve",
    "g": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "k": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "h": "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang",
    "j": "i ia ie iao iu ian in iang ing iong v ve van vn",
    "q": "i ia ie iao iu ian in iang ing iong v ve van vn",
    "x": "i ia ie iao iu ian in iang ing iong v ve van vn",
    "zh": "a e ai ei ao ou an en ang eng ong i u ua uo uai ui uan un uang",
    "ch": "a e ai ao ou an en ang eng ong i u ua uo uai ui uan un uang",
    "sh": "a e ai ei ao ou an en ang eng i u ua uo uai ui uan un uang",
    "r": "e ao ou an en ang eng ong i u ua uo ui uan un",
    "z": "a e ai ei ao ou an en ang eng ong i u uo ui uan un",
    "c": "a e ai ao ou an en ang eng ong i u uo ui uan un",
    "s": "a e ai ao ou an en ang eng ong i u uo ui uan un",
}
EXCEPTIONS = {  # the table's cells that are not initial + final
    "zi": "цзы", "ci": "цы", "si": "сы", "hui": "хуэй", "kui": "куй", "gui": "гуй",
    "lia": "ля", "lü": "люй", "nü": "нюй",
}


def pinyin(initial: str, final: str) -> str:
    """The pinyin spelling of an initial and a final: ü is written u after j, q, x."""
    written = final.replace("v", "u" if initial in ("j", "q", "x") else "ü")
    return initial + written


def table() -> dict[str, str]:
    """Cyrillic syllable -> pinyin syllable; where two pinyin syllables share a Cyrillic
    spelling, the first in the table's order is kept."""
    cyrillic_to_pinyin: dict[str, str] = {}
    for syllable, cyrillic in ZERO_INITIAL.items():
        cyrillic_to_pinyin.setdefault(cyrillic, syllable)
    for initial, finals in TAKES.items():
        for final in finals.split():
            syllable = pinyin(initial, final)
            cyrillic = EXCEPTIONS.get(syllable, INITIALS[initial] + FINALS[final])
            cyrillic_to_pinyin.setdefault(cyrillic, syllable)
    return dict(sorted(cyrillic_to_pinyin.items(), key=lambda kv: (-len(kv[0]), kv[0])))


def main() -> None:
    data = {
        "_about": "Mandarin syllables in the Palladius system (Russian's spelling of Chinese names) and their "
                  "pinyin, longest first; written by scripts/palladius.py from the system's table "
                  "(ru.wikipedia.org 'Система Палладия'; en.wikipedia.org 'Cyrillization of Chinese').",
        "syllables": table(),
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{OUT}: {len(data['syllables'])} syllables")


if __name__ == "__main__":
    main()
