"""The words, symbols and number formats of each supported locale (internal).

Sources:

* CLDR, through babel: decimal and group separators, currency symbols and display names
  (singular and plural), the compact patterns' abbreviations ("Mio.", "Mrd.", "Bio."; "K", "M",
  "B", "T") and long scale words ("Millionen", "Milliarden", "Billionen"; "million", "billion").
* ISO 4217, through babel's ``list_currencies``: every three-letter code.
* Duden, "Zahlwörter" and "Billion": German cardinals, "anderthalb"/"eineinhalb", and the long
  scale (Billion = 10¹², Billiarde = 10¹⁵); Swiss usage "Mia." and "Fr."/"SFr."; newsroom
  abbreviations "Tsd.", "TEUR", "T€".
* Hand-collected press usage for what CLDR does not list: inflected adjective currency names
  ("schwedischen Kronen", "saudische Riyal"), bare nouns ("Dollar" is USD, "Franken" CHF,
  "Rupien" INR), hedges ("rund", "knapp", "bis zu"; "about", "up to") and vague magnitudes
  ("ein zweistelliger Millionenbetrag", "zig Milliarden", "hundreds of millions").

Nothing here runs at import: `lexicon` builds a locale's tables on first use and caches
them (the build is idempotent, so a race between threads only costs a second build).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import cache
from typing import Any

import attrs

from aieco.amounts._memo import Memo
from aieco.money import Qualifier, in_exact_context

__all__ = ["Lexicon", "lexicon"]

Q = Qualifier
_D = Decimal
_TEN = Decimal(10)

#: ASCII digits (str.isdigit also accepts "²" and other digits Decimal would misread).
DIGITS = frozenset("0123456789")
#: Whitespace allowed inside an expression (never a blank line).
SPACE_CHARS = " \t\u00a0\u202f\u2009\u2007"
#: Apostrophes that group digits in every locale (Swiss usage: "300'000", "300’000", "300‘000").
_APOSTROPHES = "'’‘"
#: The fraction slashes ("1/2", "3\u20444"): what makes a fraction of two digit runs.
FRACTION_SLASHES = "/\u2044"
#: Fractions written as one character ("5 ½ Millionen Euro" is 5.5 million).
VULGAR_FRACTIONS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒"
#: Characters that join two digit runs into one figure the engine cannot read ("1٫5", "10^9",
#: the fraction "1/2" of "5 1/2 Millionen Euro", also with the fraction slash U+2044).
_FOREIGN_JOINERS = "٫٬^·" + FRACTION_SLASHES
#: The shape of a currency code in a regex ("USD", "CHF"; whether it names a currency is
#: `aieco.amounts._rules.is_code`).
CODE_SHAPE = "[A-Z]{3}"
#: Dash characters: hyphen-minus, non-breaking hyphen, figure dash, en dash, em dash.
DASHES = "-\u2011\u2012\u2013\u2014"
#: Characters that join the two halves of a word without showing: a soft hyphen (HTML's
#: ``&shy;``), zero-width spaces and joiners, a word joiner, a byte-order mark inside text.
#: "drei\u00adhundert" is "dreihundert" on the page (`_rules.part_of_figure`).
INVISIBLE_JOINERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
#: Spaces (plain, no-break, narrow no-break, thin) and the invisible joiners that group
#: digits in every locale ("250 000 Euro", standard German typography; "250\u00ad000 Euro"
#: with a soft hyphen is "250000 Euro" on the page, as with a zero-width space).
_SPACE_GROUPS = " \u00a0\u202f\u2009" + INVISIBLE_JOINERS
#: Hyphens that join the words of a currency name ("US-Dollar", "US‑Dollar" with U+2011,
#: "US‐Dollar", "US–Dollar"): each is read as "-".
NAME_HYPHENS = "-\u2010\u2011\u2012\u2013"
#: Sign characters: hyphen-minus and the typographic minus sign.
MINUS_SIGNS = "-\u2212"
#: Endings of the German "-stellig" adjective ("zweistellige", "dreistelligen", ...).
STELLIG_ENDINGS = ("stellige", "stelliger", "stelligen", "stelliges", "stelligem", "stellig")

# --------------------------------------------------------------------------------------------
# German cardinals
# --------------------------------------------------------------------------------------------

_DE_UNITS = {
    "ein": 1,
    "eins": 1,
    "zwei": 2,
    "zwo": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "fuenf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
}
_DE_TEENS = {
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "zwoelf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "fuenfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
}
_DE_TENS = {
    "zwanzig": 20,
    "dreißig": 30,
    "dreissig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "fuenfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
}
_DE_MORPHEMES = sorted(
    [*_DE_UNITS, *_DE_TEENS, *_DE_TENS, "hundert", "tausend", "und"], key=len, reverse=True
)
_DE_MORPH = re.compile("(?:" + "|".join(_DE_MORPHEMES) + ")")
_DE_WORD = re.compile("(?:" + "|".join(_DE_MORPHEMES) + ")++")
#: Articles that mean "one" before a scale word ("eine Milliarde", "einem Millionenbetrag").
DE_ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "eines"})
DE_HALF = frozenset({"halb", "halbe", "halben", "halber", "halbes", "halbem"})


def _de_below_100(ms: list[str]) -> int | None:
    if len(ms) == 1:
        m = ms[0]
        if m in _DE_TEENS:
            return _DE_TEENS[m]
        if m in _DE_TENS:
            return _DE_TENS[m]
        if m in _DE_UNITS:
            return _DE_UNITS[m]
        return None
    if (
        len(ms) == 3
        and ms[1] == "und"
        and ms[0] in _DE_UNITS
        and ms[0] != "eins"
        and ms[2] in _DE_TENS
    ):
        return _DE_UNITS[ms[0]] + _DE_TENS[ms[2]]
    return None


def _de_below_1000(ms: list[str], *, thousands_before: bool = False) -> int | None:
    if not ms:
        return None
    if "hundert" in ms:
        at = ms.index("hundert")
        head, rest = ms[:at], ms[at + 1 :]
        if not head:
            hundreds = 1
        elif len(head) == 1 and head[0] in _DE_UNITS and head[0] != "eins":
            hundreds = _DE_UNITS[head[0]]
        elif len(head) == 1 and head[0] in _DE_TEENS and not thousands_before:
            hundreds = _DE_TEENS[head[0]]  # "achtzehnhundertzweiundfünfzig" = 1852
        else:
            return None
        if rest and rest[0] == "und":
            rest = rest[1:]
            if not rest:
                return None
        if not rest:
            return hundreds * 100
        low = _de_below_100(rest)
        return None if low is None else hundreds * 100 + low
    return _de_below_100(ms)


def _de_integer(word: str) -> int | None:
    if not _DE_WORD.fullmatch(word):
        return None
    ms = _DE_MORPH.findall(word)
    if ms.count("tausend") > 1:
        return None
    if "tausend" in ms:
        at = ms.index("tausend")
        head, rest = ms[:at], ms[at + 1 :]
        thousands = _de_below_1000(head, thousands_before=True) if head else 1
        if thousands is None:
            return None
        if rest and rest[0] == "und":
            rest = rest[1:]
            if not rest:
                return None
        low = _de_below_1000(rest, thousands_before=True) if rest else 0
        return None if low is None else thousands * 1000 + low
    if ms[-1] == "ein":  # "ein" alone is an article; inside a compound it needs "eins"
        return 1 if len(ms) == 1 else None
    return _de_below_1000(ms)


#: Fractions written as one word ("anderthalb" = 1½, "dreiviertel" = ¾).
_DE_FRACTIONS = {"anderthalb": _D("1.5"), "dreiviertel": _D("0.75"), "dreivierteln": _D("0.75")}


#: Number words already read, per language (bounded in bytes: running text has new words).
_CARDINALS: Memo[str, Decimal | None] = Memo()
_EN_CARDINALS: Memo[str, Decimal | None] = Memo()
_MISSING: Any = object()


def de_cardinal(word: str) -> Decimal | None:
    """The value of one German number word (lower case), or None (see `_de_cardinal`)."""
    found = _CARDINALS.get(word, _MISSING)
    if found is _MISSING:
        found = None if len(word) > 100 else _de_cardinal(word)
        if found is not None or _DE_WORD.fullmatch(word) is not None:
            # Only numbers and words made of number parts are kept: one regex rejects any
            # other word faster than a memo entry is made, and running text is full of new
            # words (fresh text: five of six lookups).
            _CARDINALS.put(word, found)
    return found  # type: ignore[no-any-return]


def _de_cardinal(word: str) -> Decimal | None:
    """The value of one German number word (lower case), or None.

    Reads cardinals below a million ("dreihundertfünfzig", "einundzwanzig",
    "zweitausendvierhundert"), "null", and the halves "anderthalb", "einhalb", "eineinhalb",
    "zweieinhalb". The article "ein" reads as 1; callers decide where an article may stand.
    """
    if word == "null":
        return _D(0)
    fraction = _DE_FRACTIONS.get(word)
    if fraction is not None:
        return fraction
    if word.endswith("einhalb"):
        head = word[:-7]
        if not head:
            return _D("0.5")
        whole = _de_integer(head)
        return None if whole is None else _D(f"{whole}.5")  # no arithmetic: any context
    value = _de_integer(word)
    return None if value is None else _D(value)


# --------------------------------------------------------------------------------------------
# English cardinals (one word each: "twenty-one" is read as two words joined by a hyphen)
# --------------------------------------------------------------------------------------------

EN_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
EN_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
EN_ARTICLES = frozenset({"a", "an"})


# --------------------------------------------------------------------------------------------
# Hand-collected words per language
# --------------------------------------------------------------------------------------------

_DE_QUALIFIERS: dict[tuple[str, ...], Qualifier] = {
    ("rund",): Q.APPROX,
    ("etwa",): Q.APPROX,
    ("ca.",): Q.APPROX,
    ("ca",): Q.APPROX,
    ("circa",): Q.APPROX,
    ("zirka",): Q.APPROX,
    ("ungefähr",): Q.APPROX,
    ("um", "die"): Q.APPROX,
    ("fast",): Q.NEARLY,
    ("knapp",): Q.NEARLY,
    ("beinahe",): Q.NEARLY,
    ("nahezu",): Q.NEARLY,
    ("rd.",): Q.APPROX,
    ("gegen",): Q.APPROX,
    ("annähernd",): Q.APPROX,
    ("schätzungsweise",): Q.APPROX,
    ("an", "die"): Q.APPROX,
    ("nicht", "ganz"): Q.NEARLY,
    ("mehr", "als"): Q.MORE_THAN,
    ("etwas", "mehr", "als"): Q.MORE_THAN,
    ("größer", "als"): Q.MORE_THAN,
    ("grösser", "als"): Q.MORE_THAN,
    ("über",): Q.MORE_THAN,
    ("gut",): Q.MORE_THAN,
    ("knapp", "über"): Q.MORE_THAN,
    ("knapp", "mehr", "als"): Q.MORE_THAN,
    ("weit", "über"): Q.MORE_THAN,
    ("deutlich", "über"): Q.MORE_THAN,
    ("deutlich", "mehr", "als"): Q.MORE_THAN,
    ("mindestens",): Q.AT_LEAST,
    ("mind.",): Q.AT_LEAST,
    ("wenigstens",): Q.AT_LEAST,
    ("ab",): Q.AT_LEAST,
    ("ab", "rund"): Q.AT_LEAST,
    ("ab", "etwa"): Q.AT_LEAST,
    ("ab", "ca."): Q.AT_LEAST,
    ("nicht", "weniger", "als"): Q.AT_LEAST,
    ("nicht", "unter"): Q.AT_LEAST,
    ("weniger", "als"): Q.LESS_THAN,
    ("etwas", "weniger", "als"): Q.LESS_THAN,
    ("kleiner", "als"): Q.LESS_THAN,
    ("unter",): Q.LESS_THAN,
    ("knapp", "unter"): Q.LESS_THAN,
    ("knapp", "weniger", "als"): Q.LESS_THAN,
    ("deutlich", "unter"): Q.LESS_THAN,
    ("deutlich", "weniger", "als"): Q.LESS_THAN,
    ("höchstens",): Q.AT_MOST,
    ("maximal",): Q.AT_MOST,
    ("max.",): Q.AT_MOST,
    ("bis", "zu"): Q.AT_MOST,
    ("nicht", "mehr", "als"): Q.AT_MOST,
    ("nicht", "über"): Q.AT_MOST,
}
_EN_QUALIFIERS: dict[tuple[str, ...], Qualifier] = {
    ("about",): Q.APPROX,
    ("around",): Q.APPROX,
    ("approximately",): Q.APPROX,
    ("approx.",): Q.APPROX,
    ("roughly",): Q.APPROX,
    ("some",): Q.APPROX,
    ("an", "estimated"): Q.APPROX,
    ("max.",): Q.AT_MOST,
    ("min.",): Q.AT_LEAST,
    ("nearly",): Q.NEARLY,
    ("almost",): Q.NEARLY,
    ("close", "to"): Q.NEARLY,
    ("more", "than"): Q.MORE_THAN,
    ("over",): Q.MORE_THAN,
    ("just", "over"): Q.MORE_THAN,
    ("well", "over"): Q.MORE_THAN,
    ("upwards", "of"): Q.MORE_THAN,
    ("in", "excess", "of"): Q.MORE_THAN,
    ("at", "least"): Q.AT_LEAST,
    ("no", "less", "than"): Q.AT_LEAST,
    ("not", "less", "than"): Q.AT_LEAST,
    ("less", "than"): Q.LESS_THAN,
    ("under",): Q.LESS_THAN,
    ("just", "under"): Q.LESS_THAN,
    ("below",): Q.LESS_THAN,
    ("just", "below"): Q.LESS_THAN,
    ("well", "below"): Q.LESS_THAN,
    ("above",): Q.MORE_THAN,
    ("just", "above"): Q.MORE_THAN,
    ("well", "above"): Q.MORE_THAN,
    ("up", "to"): Q.AT_MOST,
    ("at", "most"): Q.AT_MOST,
    ("no", "more", "than"): Q.AT_MOST,
    ("not", "more", "than"): Q.AT_MOST,
}
#: Hedges written as a symbol, glued or spaced, in every language ("~12 Mrd.", "≥ 5 %").
_HEDGE_SYMBOLS: dict[str, Qualifier] = {
    "~": Q.APPROX,
    "≈": Q.APPROX,
    ">": Q.MORE_THAN,
    "<": Q.LESS_THAN,
    "≥": Q.AT_LEAST,
    "≤": Q.AT_MOST,
}
_DE_POSTFIX = {
    ("oder", "mehr"): Q.AT_LEAST,
    ("und", "mehr"): Q.AT_LEAST,
    ("oder", "weniger"): Q.AT_MOST,
}
_EN_POSTFIX = {("or", "more"): Q.AT_LEAST, ("or", "less"): Q.AT_MOST, ("or", "fewer"): Q.AT_MOST}

#: The qualifier words format_amount writes.
QUALIFIER_WORDS = {
    "de": {
        Q.EXACT: "",
        Q.APPROX: "rund",
        Q.NEARLY: "fast",
        Q.MORE_THAN: "mehr als",
        Q.AT_LEAST: "mindestens",
        Q.LESS_THAN: "weniger als",
        Q.AT_MOST: "höchstens",
    },
    "en": {
        Q.EXACT: "",
        Q.APPROX: "about",
        Q.NEARLY: "nearly",
        Q.MORE_THAN: "more than",
        Q.AT_LEAST: "at least",
        Q.LESS_THAN: "less than",
        Q.AT_MOST: "at most",
    },
}

#: Scale words that CLDR's compact patterns do not list, lower case, with their multiplier.
_DE_SCALES = {
    "tausend": 3,
    "tsd": 3,
    "tsd.": 3,
    "mio": 6,
    "mio.": 6,
    "mill.": 6,
    "million": 6,
    "millionen": 6,
    "mrd": 9,
    "mrd.": 9,
    "mia": 9,
    "mia.": 9,
    "milliarde": 9,
    "milliarden": 9,
    "bio": 12,
    "bio.": 12,
    "billion": 12,
    "billionen": 12,
    "billiarde": 15,
    "billiarden": 15,
}
_EN_SCALES = {
    "thousand": 3,
    "million": 6,
    "mn": 6,
    "mln": 6,
    "mm": 6,
    "billion": 9,
    "bn": 9,
    "bln": 9,
    "trillion": 12,
    "thousands": 3,
    "millions": 6,
    "billions": 9,
    "trillions": 12,
    "tn": 12,
    "trn": 12,
}
#: One-letter scales, read only when glued to the digits ("$5m", "1.2B").
_EN_GLUED = {"k": 3, "m": 6, "b": 9, "t": 12}
#: A thousand of a currency in one word ("500 TEUR", "20 T€").
_DE_THOUSANDS_OF = {"teur": "EUR", "tusd": "USD", "tchf": "CHF", "t€": "EUR", "t$": "USD"}

_DE_PERCENT = ("prozent",)
_EN_PERCENT = ("percent", "per cent", "pct", "pct.")

#: Vague counts: "zig Milliarden", "Hunderte Millionen" — [low, high) before a scale word.
_DE_VAGUE_COUNTS = {
    "zig": (1, 2),
    "dutzende": (1, 2),
    "hunderte": (2, 3),
    "hunderten": (2, 3),
    "tausende": (3, 4),
    "tausenden": (3, 4),
    "zehntausende": (4, 5),
    "zehntausenden": (4, 5),
    "hunderttausende": (5, 6),
    "hunderttausenden": (5, 6),
}
#: A few ("mehrere", "einige", "ein paar"): 2 ≤ x < 10, times "hundert"/"tausend" and a scale
#: word after it ("mehrere hundert Millionen" = 200 million ≤ x < 1 billion).
_DE_FEW = {
    w: (_D(2), _D(10))
    for w in (
        "mehrere",
        "mehreren",
        "einige",
        "einigen",
        "etliche",
        "etlichen",
        "paar",
        "wenige",
        "wenigen",
    )
}
_EN_FEW = {w: (_D(2), _D(10)) for w in ("several", "few")}
#: Quantifiers with no upper bound ("viele hundert Euro", "many thousand"): "hundert" after
#: them is no figure, and nothing is read (never 100).
_DE_MANY = frozenset({"viele", "vielen", "zahlreiche", "zahlreichen", "unzählige", "abertausende"})
_EN_MANY = frozenset({"many"})
#: Words that multiply a few ("mehrere hundert"): their power of ten.
_DE_FEW_TIMES = {"hundert": 2, "tausend": 3}
_EN_FEW_TIMES = {"hundred": 2, "thousand": 3}
#: Where in an n-digit range a position word puts the figure: the first digit's interval
#: ("im mittleren zweistelligen Millionenbereich" = 40–70 million).
_DE_POSITIONS = {
    **{f"niedrig{e}": (1, 4) for e in ("e", "en", "er", "es", "em")},
    **{f"unter{e}": (1, 4) for e in ("e", "en", "er", "es", "em")},
    **{f"mittler{e}": (4, 7) for e in ("e", "en", "er", "es", "em")},
    **{f"hoh{e}": (7, 10) for e in ("e", "en", "er", "es", "em")},
    **{f"ober{e}": (7, 10) for e in ("e", "en", "er", "es", "em")},
}
#: Cents after a sum in words ("zwei Euro fünfzig", "13 Euro und 45 Cent"): the subunit's
#: name and the currencies it belongs to (None: any).
_DE_SUBUNITS: dict[str, frozenset[str] | None] = {
    "cent": None,
    "cents": None,
    "rappen": frozenset({"CHF"}),
    "pence": frozenset({"GBP"}),
    "penny": frozenset({"GBP"}),
}
_EN_SUBUNITS: dict[str, frozenset[str] | None] = {
    "cent": None,
    "cents": None,
    "pence": frozenset({"GBP"}),
    "p": frozenset({"GBP"}),
}
#: Currency nouns an article counts as one ("einen Euro"); not "Pfund", also a weight.
_DE_ARTICLE_UNITS = frozenset({"euro", "dollar", "us-dollar", "franken", "schweizer franken"})
_EN_ARTICLE_UNITS = frozenset({"euro", "dollar", "us dollar", "swiss franc"})
#: Subunits read as a scale of their currency ("20 Cent" = 0.20 EUR, "5 Rappen" = 0.05 CHF).
_DE_SUBUNIT_SCALES = {
    "cent": ("EUR", -2),
    "cents": ("EUR", -2),
    "rappen": ("CHF", -2),
    "pfennig": ("DEM", -2),
    "groschen": ("ATS", -2),
}
#: Hedge words that are a plain preposition after some nouns, and those nouns (the endings of
#: singular nouns for a deal, a document or a talk): "eine Finanzierung über 500 Mio. Dollar"
#: is a round *of* 500 million, "Verhandlungen über 5 Mrd." talks *about* 5 billion. After
#: any other word the hedge keeps its meaning ("dieses Jahr über elf Milliarden", "ein
#: Warenwert über CHF 100.00": more than).
_DE_NOT_AFTER_NOUN = frozenset({"über"})
_DE_OF_NOUNS = (
    "finanzierung",
    "runde",
    "kredit",
    "darlehen",
    "hypothek",
    "rechnung",
    "scheck",
    "gutschein",
    "vertrag",
    "auftrag",
    "bestellung",
    "anleihe",
    "bürgschaft",
    "garantie",
    "zusage",
    "vereinbarung",
    "investition",
    "beteiligung",
    "deal",
    "paket",
    "spende",
    "zahlung",
    "überweisung",
    "forderung",
    "klage",
    "angebot",
    "gebot",
    "fonds",
    "police",
    "förderung",
    "schuldschein",
    "gespräche",
    "verhandlung",
    "verhandlungen",
    "spritze",
    "investment",
    "hilfe",
    "zuschuss",
    "subvention",
    "einlage",
    "emission",
    "erhöhung",
    "transaktion",
    "übernahme",
)
#: Words that join alternatives ("20 oder 30 Pfennig"): between two figures a list, each
#: item its own amount; between two vague magnitudes ("neun- oder zehnstellige Beträge", "zig
#: oder gar hunderte Milliarden") their union, a range. "bis"/"to" alone make a range.
_DE_ALTERNATIVES = frozenset({"oder"})
_EN_ALTERNATIVES = frozenset({"or"})
#: Prepositions that may lead a "-stellig" magnitude ("in sechsstelliger Höhe", "im
#: mittleren zweistelligen Millionenbereich") and are read as part of it.
_DE_VAGUE_LEADS = frozenset({"in", "im"})
#: A currency written before a power of ten after these words heads a table's column ("in
#: EUR 1000", "in CHF 1'000": in thousands of euros), it is no amount.
_DE_UNIT_HEADS = frozenset({"in"})
_EN_UNIT_HEADS = frozenset({"in"})
#: Articles that may end a hedge ("um die") but belong to a compound after the figure.
_DE_DETERMINERS = frozenset({"die", "der", "das", "den"})
#: English scale words as written in a German text: refused, since German "Billion" is 10¹²
#: and an English "billion" 10⁹ (case matters only here).
_DE_FOREIGN_SCALES = frozenset({"billion", "billions", "trillion", "trillions"})
#: English scale letters a German text uses glued to the digits of a sum ("$1bn", "1B USD");
#: read only with a currency ("5m" alone is five metres).
_DE_GLUED = {"bn": 9, "b": 9, "mn": 6, "m": 6, "k": 3}

#: "1.5bn" in German text: a decimal point before an English scale letter (never three
#: digits after the point, which German reads as a group: "1.500bn" is refused).
_DE_ENGLISH_DECIMAL = re.compile(
    r"[0-9]++\.(?:[0-9]{1,2}|[0-9]{4,})(?=(?:bn|mn|[bmk])(?![^\W\d_]))", re.IGNORECASE
)
#: Words after a bare figure that make it a time ("9 Uhr", "9 pm").
_DE_TIME_WORDS = frozenset({"uhr", "h"})
_EN_TIME_WORDS = frozenset({"am", "pm", "h", "o"})

#: English vague counts, always followed by "of": "tens of billions".
_EN_VAGUE_COUNTS = {"tens": (1, 2), "dozens": (1, 2), "hundreds": (2, 3), "thousands": (3, 4)}

#: Nouns a "-stellig" adjective qualifies ("ein zweistelliger Millionenbetrag").
_DE_VAGUE_NOUNS = (
    "betrag",
    "betrages",
    "betrags",
    "beträge",
    "beträgen",
    "bereich",
    "bereiches",
    "bereichs",
    "bereiche",
    "summe",
    "summen",
    "höhe",
)
#: Scale prefixes of those nouns, by power of ten.
VAGUE_SCALE_POWERS = {"tausender": 3, "millionen": 6, "milliarden": 9, "billionen": 12}

_DE_MONTH_NAMES = (
    "januar jänner februar feber märz april mai juni juli august september oktober "
    "november dezember jan feb mär apr jun jul aug sep sept okt nov dez"
)
_EN_MONTH_NAMES = (
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec"
)
_DE_MONTHS = frozenset(_DE_MONTH_NAMES.split())
_EN_MONTHS = frozenset(_EN_MONTH_NAMES.split())

# Currency nouns and phrases, lower case → ISO 4217. CLDR's display names are added on top.
_DE_CURRENCY_WORDS = {
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
    "us-dollar": "USD",
    "us-dollars": "USD",
    "us dollar": "USD",
    "pfund": "GBP",
    "pfund sterling": "GBP",
    "britische pfund": "GBP",
    "britischen pfund": "GBP",
    "franken": "CHF",
    "schweizer franken": "CHF",
    "fränkli": "CHF",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "won": "KRW",
    "rupie": "INR",
    "rupien": "INR",
    "złoty": "PLN",
    "zloty": "PLN",
    "rubel": "RUB",
    "hongkong-dollar": "HKD",
    "mark": "DEM",
    "d-mark": "DEM",
    # ISO codes written in lower case ("20-30 eur"); upper case they are codes anyway
    "eur": "EUR",
    "usd": "USD",
    "chf": "CHF",
}
_EN_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "pounds sterling": "GBP",
    "swiss franc": "CHF",
    "swiss francs": "CHF",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "won": "KRW",
    "rupee": "INR",
    "rupees": "INR",
    "zloty": "PLN",
    "zlotys": "PLN",
    "ruble": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "roubles": "RUB",
}
#: German adjective stems + nouns: "schwedische Kronen", "saudischen Riyal", "kanadischer Dollar".
_DE_ADJECTIVE_CURRENCIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("schwedisch", ("krone", "kronen"), "SEK"),
    ("norwegisch", ("krone", "kronen"), "NOK"),
    ("dänisch", ("krone", "kronen"), "DKK"),
    ("isländisch", ("krone", "kronen"), "ISK"),
    ("tschechisch", ("krone", "kronen"), "CZK"),
    ("saudisch", ("riyal", "rial", "riyals", "rials"), "SAR"),
    ("katarisch", ("riyal", "rial", "riyals", "rials"), "QAR"),
    ("omanisch", ("rial", "rials"), "OMR"),
    ("iranisch", ("rial", "rials"), "IRR"),
    ("emiratisch", ("dirham",), "AED"),
    ("marokkanisch", ("dirham",), "MAD"),
    ("kanadisch", ("dollar", "dollars"), "CAD"),
    ("australisch", ("dollar", "dollars"), "AUD"),
    ("neuseeländisch", ("dollar", "dollars"), "NZD"),
    ("singapurisch", ("dollar", "dollars"), "SGD"),
    ("taiwanisch", ("dollar", "dollars"), "TWD"),
    ("amerikanisch", ("dollar", "dollars"), "USD"),
    ("britisch", ("pfund",), "GBP"),
    ("ägyptisch", ("pfund",), "EGP"),
    ("japanisch", ("yen",), "JPY"),
    ("chinesisch", ("yuan", "renminbi"), "CNY"),
    ("südkoreanisch", ("won",), "KRW"),
    ("koreanisch", ("won",), "KRW"),
    ("indisch", ("rupie", "rupien"), "INR"),
    ("pakistanisch", ("rupie", "rupien"), "PKR"),
    ("indonesisch", ("rupiah",), "IDR"),
    ("russisch", ("rubel",), "RUB"),
    ("türkisch", ("lira",), "TRY"),
    ("brasilianisch", ("real", "reais"), "BRL"),
    ("mexikanisch", ("peso", "pesos"), "MXN"),
    ("argentinisch", ("peso", "pesos"), "ARS"),
    ("chilenisch", ("peso", "pesos"), "CLP"),
    ("polnisch", ("złoty", "zloty"), "PLN"),
    ("ungarisch", ("forint",), "HUF"),
    ("südafrikanisch", ("rand",), "ZAR"),
    ("israelisch", ("schekel", "shekel"), "ILS"),
    ("nigerianisch", ("naira",), "NGN"),
    ("kenianisch", ("schilling",), "KES"),
    ("rumänisch", ("leu", "lei"), "RON"),
)
_DE_ADJ_ENDINGS = ("e", "en", "er", "es", "em", "")
_EN_ADJECTIVE_CURRENCIES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("swedish", ("krona", "kronor"), "SEK"),
    ("norwegian", ("krone", "kroner"), "NOK"),
    ("danish", ("krone", "kroner"), "DKK"),
    ("saudi", ("riyal", "riyals", "rial", "rials"), "SAR"),
    ("qatari", ("riyal", "riyals"), "QAR"),
    ("canadian", ("dollar", "dollars"), "CAD"),
    ("australian", ("dollar", "dollars"), "AUD"),
    ("hong kong", ("dollar", "dollars"), "HKD"),
    ("singapore", ("dollar", "dollars"), "SGD"),
    ("new zealand", ("dollar", "dollars"), "NZD"),
    ("japanese", ("yen",), "JPY"),
    ("chinese", ("yuan", "renminbi"), "CNY"),
    ("south korean", ("won",), "KRW"),
    ("korean", ("won",), "KRW"),
    ("indian", ("rupee", "rupees"), "INR"),
    ("british", ("pound", "pounds"), "GBP"),
    ("polish", ("zloty", "zlotys"), "PLN"),
    ("russian", ("ruble", "rubles", "rouble", "roubles"), "RUB"),
    ("turkish", ("lira", "liras"), "TRY"),
    ("brazilian", ("real", "reais"), "BRL"),
    ("mexican", ("peso", "pesos"), "MXN"),
)
#: Nouns that need an adjective: a bare "Kronen" could be four currencies.
AMBIGUOUS_NOUNS = {
    "krone": ("schwedische Kronen", "norwegische Kronen", "dänische Kronen"),
    "kronen": ("schwedische Kronen", "norwegische Kronen", "dänische Kronen"),
    "riyal": ("saudische Riyal", "katarische Riyal"),
    "rial": ("saudische Riyal", "iranische Rial"),
    "krona": ("Swedish krona",),
    "kronor": ("Swedish kronor",),
    "kroner": ("Norwegian kroner", "Danish kroner"),
    "franc": ("Swiss francs",),
    "francs": ("Swiss francs",),
    "peso": ("mexikanische Pesos", "Mexican pesos"),
    "pesos": ("mexikanische Pesos", "Mexican pesos"),
}

#: Symbols every locale reads, beyond CLDR's own symbols for that locale.
_COMMON_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "JP¥": "JPY",
    "CN¥": "CNY",
    "₩": "KRW",
    "₹": "INR",
    "₪": "ILS",
    "₽": "RUB",
    "₺": "TRY",
    "zł": "PLN",
    "RMB": "CNY",
    "Fr.": "CHF",
    "SFr.": "CHF",
    "sFr.": "CHF",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "HK$": "HKD",
    "NZ$": "NZD",
    "S$": "SGD",
    "R$": "BRL",
}
#: Codes never read from a name: precious metals, test and "no currency" codes.
_NOT_WORD_CURRENCIES = frozenset({"XAU", "XAG", "XPT", "XPD", "XTS", "XXX", "XDR", "XSU", "XUA"})


class Lexicon:
    """Everything locale-dependent that the parser and the formatter read."""

    __slots__ = (
        "alternatives",
        "ambiguous",
        "apart_gate",
        "apart_keys",
        "apart_words",
        "article_firsts",
        "article_units",
        "articles",
        "back_words",
        "cardinal",
        "chunk_joiners",
        "codes",
        "conjunctions",
        "count_ends",
        "count_of",
        "counting_adjectives",
        "currency_max_words",
        "currency_words",
        "decimal_chars",
        "decimal_firsts",
        "decimal_lasts",
        "decimal_marks",
        "decimal_word",
        "determiners",
        "english_decimal",
        "example",
        "few",
        "few_times",
        "foreign_scales",
        "fraction_nouns",
        "fraction_starts",
        "glued_scales",
        "group_chars",
        "group_spaces",
        "half_words",
        "hedge_max_words",
        "hedge_phrase_prefixes",
        "hedge_phrases",
        "hedge_prefixes",
        "hedge_symbols",
        "joiners",
        "kinds",
        "language",
        "letters_need_unit",
        "list_joiner",
        "list_joiner_before",
        "list_joiner_ends",
        "many",
        "months",
        "name",
        "not_after_noun",
        "number",
        "numeral_kinds",
        "of_nouns",
        "percent_words",
        "positions",
        "postfix",
        "qualifier_starts",
        "qualifiers",
        "range_intro",
        "range_words",
        "raw_separators",
        "respectively",
        "scale_powers",
        "scale_words",
        "single_hedges",
        "spaced_letters",
        "stellig_counts",
        "stellig_endings",
        "stellig_nouns",
        "subunit_scales",
        "subunits",
        "symbol_firsts",
        "symbol_re",
        "symbol_starts",
        "symbols",
        "thousands_of",
        "time_words",
        "trigger_all",
        "unit_heads",
        "vague_counts",
        "vague_leads",
        "vague_noun",
        "vague_words",
    )

    name: str
    language: str
    number: re.Pattern[str]
    #: Where two number words written apart may be one number (`_rules.part_of_figure`):
    #: the two letters before the space and the two after (`_rules.apart_keys`), and the
    #: starts of a second half and the ends of a first (`_rules.apart_ends`) and the words
    #: for a half ("half a million", `_rules.part_of_figure`), each in lower case, capitalised
    #: and in capitals, shortest first, "und" first (`apart_possible` finds it at once in
    #: German prose).
    apart_keys: frozenset[str]
    apart_words: tuple[str, ...]
    #: What `_rules.apart_possible` looks for: the shortest of ``apart_words``, the nouns of
    #: a fraction, the decimal words (``decimal_marks``), the invisible characters, the
    #: fraction slashes and the vulgar fractions ("und" first; "hundert" holds it).
    apart_gate: tuple[str, ...]
    #: A number word right before a figure, written apart (`_rules.count_before`): the
    #: last three letters of the number words that may be one ("zwei", "dreißig": "wei",
    #: "ßig"), and the adjectives after the amount that make the first word a count.
    count_ends: frozenset[str]
    counting_adjectives: frozenset[str]
    #: Nouns of a fraction ("viertel") and their first four letters, and the first letters
    #: of the articles in either case (`_rules.part_of_figure`: "drei Viertel einer Million").
    fraction_nouns: frozenset[str]
    fraction_starts: frozenset[str]
    article_firsts: frozenset[str]
    #: Which table reads a numeral that starts with a word (see `_rules.numeral_kind`).
    numeral_kinds: dict[str, str]
    group_chars: str
    decimal_chars: str
    raw_separators: str
    #: Spaces that group digits; characters that join digit runs into one figure.
    group_spaces: str
    joiners: str
    scale_words: dict[str, Decimal]
    #: The same as powers of ten; and scale words not read in this language ("billion").
    scale_powers: dict[str, int]
    foreign_scales: frozenset[str]
    glued_scales: dict[str, Decimal]
    #: English scale letters in a German text: read only with a currency ("1,2 m" may be
    #: metres), also after a space ("400 k €").
    letters_need_unit: bool
    spaced_letters: bool
    #: A figure with an English decimal point before its scale letter ("USD 1.5bn"), or None.
    english_decimal: re.Pattern[str] | None
    #: The endings of the "-stellig" adjective (none in English).
    stellig_endings: tuple[str, ...]
    #: The word after a vague count ("tens of billions"), or None (German "zig Milliarden").
    count_of: str | None
    time_words: frozenset[str]
    #: An amount as the locale writes it, for error messages.
    example: str
    thousands_of: dict[str, str]
    currency_words: dict[str, str]
    currency_max_words: int
    ambiguous: dict[str, tuple[str, ...]]
    symbols: dict[str, str]
    symbol_firsts: frozenset[str]
    symbol_starts: frozenset[str]
    symbol_re: re.Pattern[str]
    codes: frozenset[str]
    percent_words: dict[str, int]
    qualifiers: dict[tuple[str, ...], Qualifier]
    qualifier_starts: frozenset[str]
    hedge_symbols: dict[str, Qualifier]
    #: One-word hedges that start no longer one ("rund", not "knapp": "knapp unter").
    single_hedges: dict[str, Qualifier]
    hedge_max_words: int
    hedge_prefixes: frozenset[tuple[str, ...]]
    #: The hedges and their prefixes as phrases, words joined by one space ("mehr als").
    hedge_phrases: dict[str, Qualifier]
    hedge_phrase_prefixes: frozenset[str]
    postfix: dict[tuple[str, str], Qualifier]
    range_intro: dict[str, str]
    #: Words that make a range ("bis"), and words that join alternatives ("oder").
    range_words: frozenset[str]
    alternatives: frozenset[str]
    #: "und"/"and": joins a price's cents ("13 Euro und 45 Cent") and suspended list items.
    conjunctions: frozenset[str]
    respectively: frozenset[str]
    #: Words that may join the groups of one number ("one million and five", "three hundred
    #: and fifty"); none in German, whose groups are compounds.
    chunk_joiners: frozenset[str]
    #: A list's joiner between two items (" oder ", " bzw. "), the same at a text's end (for
    #: the item before the last), and the characters a joiner or list comma ends with.
    list_joiner: re.Pattern[str]
    list_joiner_before: re.Pattern[str]
    list_joiner_ends: frozenset[str]
    cardinal: Callable[[str], Decimal | None]
    articles: frozenset[str]
    half_words: frozenset[str]
    #: The decimal word and the other words said for a decimal point (``spoken_points``),
    #: and their first and last letters (`_rules._number_beside`'s first tests).
    decimal_marks: tuple[str, ...]
    decimal_firsts: frozenset[str]
    decimal_lasts: frozenset[str]
    decimal_word: str
    vague_counts: dict[str, tuple[int, int]]
    few: dict[str, tuple[Decimal, Decimal]]
    few_times: dict[str, int]
    many: frozenset[str]
    positions: dict[str, tuple[int, int]]
    subunits: dict[str, frozenset[str] | None]
    subunit_scales: dict[str, tuple[str, int]]
    not_after_noun: frozenset[str]
    of_nouns: tuple[str, ...]
    vague_leads: frozenset[str]
    unit_heads: frozenset[str]
    determiners: frozenset[str]
    article_units: frozenset[str]
    vague_noun: re.Pattern[str] | None
    vague_words: frozenset[str]
    months: frozenset[str]
    back_words: frozenset[str]
    trigger_all: re.Pattern[str]
    #: The extractor's memo of word kinds (filled on use; see ``_extract._kind``).
    kinds: Memo[str, int]
    #: What a "-stellig" adjective and the noun after it say, by the word as written
    #: (filled on use; see `aieco.amounts._rules.stellig_count` and ``stellig_noun``).
    stellig_counts: Memo[str, int | None]
    stellig_nouns: Memo[str, tuple[int, str | None] | None]

    def is_number_word(self, word: str) -> bool:
        """True for a cardinal, an article, a half, a vague count or quantifier (lower case)."""
        return (
            word in self.articles
            or word in self.half_words
            or word in self.vague_counts
            or word in self.few
            or word in self.many
            or word in self.positions
            or self.cardinal(word) is not None
        )


def _number_regex(groups: str, decimals: str, dash_cents: bool) -> re.Pattern[str]:
    """Digits with one consistent group separator (blocks of exactly three) and a fraction."""
    group = "[" + re.escape(groups + _SPACE_GROUPS) + "]"
    frac = "(?P<frac>[0-9]++)"
    if dash_cents:
        frac = f"(?:{frac}|(?P<dash>[{DASHES}]{{1,2}})(?![{DASHES}0-9]))"
    return re.compile(
        "(?P<int>[0-9]{1,3}(?P<g>" + group + ")[0-9]{3}(?![0-9])"
        "(?:(?P=g)[0-9]{3}(?![0-9]))*+|[0-9]++)"
        "(?:[" + re.escape(decimals) + "]" + frac + ")?"
    )


def _trie(words: Iterable[str]) -> str:
    """A regex alternation factored by common prefixes (fast for sre), longest match first."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return render(tree)


def _babel_scales(locale_name: str) -> dict[str, Decimal]:
    """Scale words from CLDR's compact patterns: "0 Mio'.'" at 1000000 → "mio." = 10⁶."""
    from babel import Locale

    loc = Locale.parse(locale_name)
    out: dict[str, Decimal] = {}
    for formats in (loc.compact_decimal_formats, loc.compact_currency_formats):
        for by_plural in formats.values():
            for patterns in by_plural.values():
                for key, pattern in patterns.items():
                    text = getattr(pattern, "pattern", pattern)
                    zeros = text.count("0")
                    word = text.replace("'", "").replace("¤", "").replace("0", "")
                    word = "".join(word.split()).lower()
                    if not word or zeros == 0:
                        continue
                    out[word] = _D(int(key) // 10 ** (zeros - 1))
    return out


def _babel_currency_names(locale_name: str, endings: tuple[str, ...]) -> dict[str, str]:
    """CLDR display names (singular and plural) → code, with German adjective inflections."""
    from babel import Locale
    from babel.numbers import get_currency_name

    from aieco._checks import currency_codes

    loc = Locale.parse(locale_name)
    seen: dict[str, set[str]] = {}
    for code in currency_codes():
        if code in _NOT_WORD_CURRENCIES:
            continue
        names = {loc.currencies.get(code)}
        for count in (1, 2):
            names.add(get_currency_name(code, count=count, locale=loc))
        for name in names:
            if not name or name.upper() == code or not _NAME.fullmatch(name):
                continue
            for form in _name_forms(name.lower(), endings):
                seen.setdefault(form, set()).add(code)
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1}


_NAME = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)*")


def _name_forms(name: str, endings: tuple[str, ...]) -> set[str]:
    """A CLDR name, unhyphenated, and with its adjective inflected ("Schweizer Franken")."""
    forms = {name, name.replace("-", " ")} if "-" in name else {name}
    first, _, noun = name.partition(" ")
    if len(endings) > 1 and noun and " " not in noun and first.isalpha():
        if first.endswith(("er", "es")):
            forms.update(f"{first[:-2]}{ending} {noun}" for ending in endings if ending)
        elif first.endswith("e"):
            forms.update(f"{first[:-1]}{ending} {noun}" for ending in endings if ending)
    return forms


def _symbols(locale_name: str) -> dict[str, str]:
    from babel import Locale

    from aieco._checks import currency_codes

    out: dict[str, str] = {}
    for name in (locale_name, "en_US", "en_GB", "de_DE", "de_CH"):
        loc = Locale.parse(name)
        for code in currency_codes():
            symbol = loc.currency_symbols.get(code)
            if symbol and symbol != code and symbol not in out:
                out[symbol] = code
    out.update(_COMMON_SYMBOLS)
    return out


def _words(*groups: Iterable[str]) -> frozenset[str]:
    return frozenset(w for group in groups for phrase in group for w in phrase.split())


@cache
@in_exact_context  # built on first use, maybe from inside a caller's decimal context
def lexicon(name: str) -> Lexicon:
    """The tables for a canonical locale name ("de_DE", ...), built on first use.

    Everything language-specific comes from the language's table (its `Words`), everything
    locale-specific from CLDR (babel) and `_LOCALE_SEPARATORS`; no branch on the language.
    """
    from aieco.amounts._language import language_of

    words = language_of(name).words
    lx = Lexicon()
    lx.name = name
    lx.language = words.code
    _set_numbers(lx, name, words)
    _set_scales(lx, name, words)
    _set_currencies(lx, name, words)
    _set_hedges(lx, words)
    _set_words(lx, words)
    lx.back_words = _back_words(lx)
    lx.numeral_kinds = _numeral_kinds(lx)
    lx.trigger_all = _trigger_all(lx, words)
    lx.apart_keys = _apart_keys(words)
    lx.apart_words = _as_written(
        tuple(
            sorted(
                dict.fromkeys((*words.apart_tails, *words.apart_heads, *words.half_words)),
                key=len,
            )
        )
    )
    lx.apart_gate = _as_written(
        _shortest(
            (
                *words.apart_tails,
                *words.apart_heads,
                *words.half_words,
                *words.fraction_nouns,
                words.decimal_word,
                *words.spoken_points,
            )
        )
    ) + tuple(INVISIBLE_JOINERS + FRACTION_SLASHES + VULGAR_FRACTIONS)
    lx.count_ends = frozenset(
        w[-3:]
        for w in words.number_words
        if w not in words.articles and words.cardinal(w) is not None
    )
    lx.counting_adjectives = words.counting_adjectives
    lx.fraction_nouns = words.fraction_nouns
    lx.fraction_starts = frozenset(w[:4] for w in words.fraction_nouns)
    lx.kinds = Memo()
    lx.stellig_counts = Memo()
    lx.stellig_nouns = Memo()
    return lx


def _shortest(words: Iterable[str]) -> tuple[str, ...]:
    """The words none of the others is part of, shortest first ("zehntel" holds "zehn").

    A text holds one of ``words`` exactly where it holds one of these (`_rules.apart_possible`).
    """
    kept: list[str] = []
    for word in sorted(dict.fromkeys(words), key=len):
        if not any(k in word for k in kept):
            kept.append(word)
    return tuple(kept)


def _as_written(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words in lower case, capitalised and in capitals ("hundert", "Hundert", "HUNDERT")."""
    return tuple(dict.fromkeys(f(w) for w in words for f in (str.lower, str.capitalize, str.upper)))


def _apart_keys(words: Words) -> frozenset[str]:
    """`_rules.apart_keys` of a language's number words and its heads and tails."""
    from aieco.amounts._rules import apart_keys

    vocab = (*words.number_words, *words.half_words)
    return apart_keys(vocab, words.apart_heads, words.apart_tails)


def _numeral_kinds(lx: Lexicon) -> dict[str, str]:
    """Each word of the numeral tables and the kind of numeral it starts, the first table's.

    In the order the grammar tries them: a vague lead ("mehrere"), a vague count ("zig"), an
    article, "few" ("paar"), a position ("mittleren"), a half ("halbe"), "many", "few times".
    """
    kinds: dict[str, str] = {}
    for kind, table in (
        ("vague_lead", lx.vague_leads),
        ("count", lx.vague_counts),
        ("article", lx.articles),
        ("few", lx.few),
        ("position", lx.positions),
        ("half", lx.half_words),
        ("many", lx.many),
        ("few_times", lx.few_times),
    ):
        for word in table:
            kinds.setdefault(word, kind)
    return kinds


#: Locales whose separators differ from their language's ("1'250'000.50", "1.5" in de_CH).
_LOCALE_SEPARATORS = {"de_CH": ("'’", ".,")}


def _set_numbers(lx: Lexicon, name: str, words: Words) -> None:
    """How digits are grouped and where the decimals start: CLDR and the language's habits."""
    from babel.numbers import get_decimal_symbol, get_group_symbol

    group, decimal = get_group_symbol(name), get_decimal_symbol(name)
    groups, decimals = _LOCALE_SEPARATORS.get(name, (words.groups, words.decimals))
    if name in _LOCALE_SEPARATORS:
        groups += group
    groups = "".join(dict.fromkeys(groups + (group if group not in decimals else "")))
    groups = "".join(dict.fromkeys(groups + _APOSTROPHES))
    decimals = "".join(dict.fromkeys(decimals + decimal))
    lx.group_chars = groups + _SPACE_GROUPS
    lx.decimal_chars = decimals
    lx.raw_separators = "".join(dict.fromkeys(".,'’" + groups + decimals))
    lx.group_spaces = _SPACE_GROUPS + "\u2007"
    lx.joiners = lx.raw_separators + _FOREIGN_JOINERS
    lx.number = _number_regex(groups, decimals, dash_cents=True)
    lx.english_decimal = words.english_decimal
    lx.decimal_word = words.decimal_word
    lx.decimal_marks = (words.decimal_word, *words.spoken_points)
    lx.decimal_firsts = frozenset(w[0] for w in lx.decimal_marks)
    lx.decimal_lasts = frozenset(w[-1] for w in lx.decimal_marks)
    lx.cardinal = words.cardinal
    lx.time_words = words.time_words
    lx.example = words.example


def _set_scales(lx: Lexicon, name: str, words: Words) -> None:
    """Scale words and letters: the language's table, then CLDR's compact patterns."""
    scales = {w: _TEN**p for w, p in words.scales.items()}
    glued = {w: _TEN**p for w, p in words.letters.items()}
    for word, value in _babel_scales(name).items():
        if len(word) == 1:
            glued.setdefault(word, value)
            continue
        scales.setdefault(word, value)
        if word.endswith("."):
            scales.setdefault(word[:-1], value)
    lx.scale_words = scales
    lx.scale_powers = {w: f.adjusted() for w, f in scales.items()}
    if min(lx.scale_powers.values(), default=1) < 1:  # the shapes read power 0 as "no scale"
        raise ValueError(f"{name}: every scale word must be worth at least ten")
    lx.foreign_scales = words.foreign_scales
    lx.glued_scales = glued
    lx.letters_need_unit = lx.spaced_letters = words.letters_need_unit
    lx.thousands_of = dict(words.thousands_of)
    lx.subunits = words.subunits
    lx.subunit_scales = words.subunit_scales


def _set_currencies(lx: Lexicon, name: str, words: Words) -> None:
    """Currency names (CLDR's, inflected, and the language's own), symbols and codes."""
    from aieco._checks import currency_codes

    names = _babel_currency_names(name, words.adjective_endings)
    names.update(words.currency_words)
    for stem, nouns, code in words.adjective_currencies:
        for ending in words.adjective_endings:
            for noun in nouns:
                names[f"{stem}{ending} {noun}"] = code
    lx.currency_words = names
    lx.currency_max_words = max(len(re.split(r"[ -]", w)) for w in names)
    lx.ambiguous = {w: s for w, s in AMBIGUOUS_NOUNS.items() if w not in names}
    lx.symbols = _symbols(name)
    lx.symbol_firsts = frozenset({s[0] for s in lx.symbols if not s[0].isalnum()} | {"%"})
    lx.symbol_starts = frozenset(s[0] for s in lx.symbols)
    lx.symbol_re = re.compile(
        "|".join(
            re.escape(s) + ("(?![^\\W\\d_])" if s[-1].isalpha() else "")
            for s in sorted(lx.symbols, key=len, reverse=True)
        )
    )
    lx.codes = currency_codes()
    lx.article_units = words.article_units
    lx.unit_heads = words.unit_heads
    lx.percent_words = {w: len(w.split()) for w in words.percent}


def _set_hedges(lx: Lexicon, words: Words) -> None:
    """The hedge table and what the readers derive from it (prefixes, first words)."""
    lx.qualifiers = words.qualifiers
    lx.hedge_symbols = _HEDGE_SYMBOLS
    prefixes = {k[0] for k in lx.qualifiers if len(k) > 1}
    lx.single_hedges = {
        k[0]: q for k, q in lx.qualifiers.items() if len(k) == 1 and k[0] not in prefixes
    }
    lx.hedge_max_words = max(len(k) for k in lx.qualifiers)
    lx.hedge_prefixes = frozenset(k[:i] for k in lx.qualifiers for i in range(1, len(k)))
    lx.hedge_phrases = {" ".join(k): q for k, q in lx.qualifiers.items()}
    lx.hedge_phrase_prefixes = frozenset(" ".join(k) for k in lx.hedge_prefixes)
    lx.qualifier_starts = frozenset(k[0] for k in lx.qualifiers) | frozenset(_HEDGE_SYMBOLS)
    lx.postfix = words.postfix
    lx.not_after_noun = words.not_after_noun
    lx.of_nouns = words.of_nouns
    lx.determiners = words.determiners


def _set_words(lx: Lexicon, words: Words) -> None:
    """Ranges, lists, articles and the words of vague magnitudes."""
    lx.range_intro = words.range_intro
    lx.range_words = words.range_words
    lx.alternatives = words.alternatives
    lx.conjunctions = words.conjunctions
    lx.respectively = words.respectively
    lx.chunk_joiners = words.chunk_joiners
    joiners = lx.alternatives | lx.conjunctions | lx.respectively
    joiner = f"[ \u00a0]+(?:{_trie(sorted(joiners))})[ \u00a0]+"
    lx.list_joiner = re.compile(joiner)
    lx.list_joiner_before = re.compile(f"[{DASHES}]?{joiner}$")
    lx.list_joiner_ends = frozenset(w[-1] for w in joiners) | {","}
    lx.articles = words.articles
    lx.article_firsts = frozenset(c for w in words.articles for c in (w[0], w[0].upper()))
    lx.half_words = words.half_words
    lx.vague_counts = words.vague_counts
    lx.count_of = words.count_of
    lx.few = words.few
    lx.few_times = words.few_times
    lx.many = words.many
    lx.positions = words.positions
    lx.stellig_endings = words.stellig_endings
    lx.vague_leads = words.vague_leads
    lx.vague_words = words.vague_words
    lx.months = words.months
    lx.vague_noun = _vague_noun(words)


def _vague_noun(words: Words) -> re.Pattern[str] | None:
    """The nouns after a "-stellig" adjective: [currency][scale][currency](noun | any noun)."""
    if not words.vague_nouns:
        return None
    currency_nouns = "|".join(
        re.escape(w) for w in sorted(words.currency_words, key=len, reverse=True) if " " not in w
    )
    return re.compile(
        f"(?:(?P<cur1>{currency_nouns})-?)?"
        f"(?:(?P<scale>{'|'.join(VAGUE_SCALE_POWERS)}|prozent)-?)?"
        f"(?:(?P<cur2>{currency_nouns})-?)?"
        f"(?:{'|'.join(words.vague_nouns)}|(?P<rest>[^\\W\\d_]+(?:-[^\\W\\d_]+)*))"
    )


def _back_words(lx: Lexicon) -> frozenset[str]:
    """Words that may stand inside an expression before its figure (the extractor walks them)."""
    return (
        _words(" ".join(k) for k in lx.qualifiers)
        | frozenset(lx.range_intro)
        | frozenset(lx.range_intro.values())
        | lx.range_words
        | lx.alternatives
        | lx.vague_words
        | lx.articles
        | lx.half_words
        | frozenset(lx.vague_counts)
        | frozenset(lx.few)
        | lx.many
        | frozenset(lx.positions)
        | {"minus", lx.decimal_word, "of", "und", "and"}
    )


def _en_cardinal(word: str) -> Decimal | None:
    found = _EN_CARDINALS.get(word, _MISSING)
    if found is _MISSING:
        found = None if len(word) > 20 else _en_cardinal_cached(word)
        _EN_CARDINALS.put(word, found)
    return found  # type: ignore[no-any-return]


def _en_cardinal_cached(word: str) -> Decimal | None:
    if word in EN_UNITS:
        return _D(EN_UNITS[word])
    if word in EN_TEENS:
        return _D(EN_TEENS[word])
    if word in EN_TENS:
        return _D(EN_TENS[word])
    if word == "hundred":
        return _D(100)
    return None


_DE_STEMS = (
    "Tausend Tsd TEUR T€ Mio Million Mrd Milliard Mia Bio Billion Billiard Dollar Pfund "
    "Franken Yen Yuan Renminbi Rupie Riyal Rial Krone Złoty Zloty Won Rubel Lira Prozent "
    "Betrag Beträg Summe Cent Rappen Pfennig Groschen"
)
_EN_STEMS = (
    "thousand million billion trillion dollar euro pound sterling franc yen yuan renminbi "
    "won rupee riyal rial krona kronor krone zloty ruble rouble percent"
)


def _trigger_all(lx: Lexicon, words: Words) -> re.Pattern[str]:
    """Where an amount or a bare number may be (for ``include_numbers=True``).

    Digit runs, currency and percent signs, the key nouns of digit-free amounts and every
    number word. The default extraction uses the faster trigger of `._fast`, which also
    reads the commonest shape in the same match.
    """
    symbol_chars = "".join(sorted({s[-1] for s in lx.symbols if not s[-1].isalnum()} | {"%"}))
    symbol_chars = symbol_chars.replace(".", "")
    digits = "[0-9][0-9.,'’]*+|[" + re.escape(symbol_chars) + "]"
    numbers = [*words.number_words]
    if words.scale_words_trigger:
        numbers += [w for w in lx.scale_words if w.isalpha()]
    everything = "(?i:(?<![^\\W\\d_])(?:" + _trie(numbers) + "))"
    return re.compile(f"{digits}|{words.trigger_nouns()}|{everything}")


def _de_trigger_nouns() -> str:
    stems = _DE_STEMS.split()
    stems += [s.upper() for s in stems if s.upper() != s]
    return f"Euro(?!p)|EURO|{_trie(stems)}"


def _en_trigger_nouns() -> str:
    return "(?i:" + _trie([*_EN_STEMS.split(), "per cent"]) + ")"


#: Adjectives that measure a thing by the amount before them ("drei zwanzig Euro teure
#: Karten", "zwei drei Millionen Euro schwere Runden"), in each inflected (attributive) form:
#: uninflected, after a verb ("... sind zwei drei Millionen Euro teuer"), they make no count.
_DE_COUNTING_ADJECTIVES = frozenset(
    stem + ending
    for stem in (
        "teur",
        "teuer",
        "schwer",
        "hoh",
        "groß",
        "gross",
        "stark",
        "wertvoll",
        "billig",
        "günstig",
        "kostend",
        "dotiert",
        "umfassend",
    )
    for ending in ("e", "en", "er", "es", "em")
)
#: Nouns of a fraction: "drei viertel Millionen" is "dreiviertel Millionen" written apart,
#: "drei Viertel einer Million" no million (`_rules.part_of_figure`).
_DE_FRACTION_NOUNS = frozenset(
    stem + ending
    for stem in (
        "drittel",
        "viertel",
        "fünftel",
        "fuenftel",
        "sechstel",
        "siebtel",
        "achtel",
        "neuntel",
        "zehntel",
        "zwanzigstel",
        "hundertstel",
        "tausendstel",
    )
    for ending in ("", "n")
) | {"hälfte", "hälften"}
_EN_FRACTION_NOUNS = frozenset(
    stem + ending
    for stem in (
        "third",
        "quarter",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "hundredth",
        "thousandth",
    )
    for ending in ("", "s")
) | {"half", "halves"}


@attrs.frozen
class Words:
    """What the grammar knows about one language, as data (one table per language).

    Adding a hedge, a currency name or an Austrian word is a change to `GERMAN_WORDS` or
    `ENGLISH_WORDS`; `lexicon` adds CLDR's data for the locale and derives the look-ups.
    """

    code: str
    #: Digit group and decimal separators (a locale may differ: `_LOCALE_SEPARATORS`).
    groups: str
    decimals: str
    #: Number words: one word's value, the articles that mean one, halves, "komma".
    cardinal: Callable[[str], Decimal | None]
    articles: frozenset[str]
    half_words: frozenset[str]
    decimal_word: str
    #: Scale words (power of ten), scale letters, and English words refused in German.
    scales: dict[str, int]
    letters: dict[str, int]
    foreign_scales: frozenset[str]
    #: Scale letters are English loans: read only with a currency, also after a space.
    letters_need_unit: bool
    english_decimal: re.Pattern[str] | None
    thousands_of: dict[str, str]
    percent: tuple[str, ...]
    subunits: dict[str, frozenset[str] | None]
    subunit_scales: dict[str, tuple[str, int]]
    #: Currency names (lower case → code), adjective + noun names and the adjective endings.
    currency_words: dict[str, str]
    adjective_currencies: tuple[tuple[str, tuple[str, ...], str], ...]
    adjective_endings: tuple[str, ...]
    article_units: frozenset[str]
    unit_heads: frozenset[str]
    #: Hedges before and after the figure; "über" as "of" after these nouns.
    qualifiers: dict[tuple[str, ...], Qualifier]
    postfix: dict[tuple[str, str], Qualifier]
    not_after_noun: frozenset[str]
    of_nouns: tuple[str, ...]
    determiners: frozenset[str]
    #: Ranges ("zwischen … und"), range words, alternatives, "und".
    range_intro: dict[str, str]
    range_words: frozenset[str]
    alternatives: frozenset[str]
    conjunctions: frozenset[str]
    #: Words that join "respectively" parallel figures ("4,07 bzw. 4,06 Franken"): between
    #: two figures a list, whose items need not rise.
    respectively: frozenset[str]
    #: Words that may join the groups of one number ("one million and five").
    chunk_joiners: frozenset[str]
    #: Vague magnitudes: counts ("zig"), a few, many, positions, "-stellig" and its nouns.
    vague_counts: dict[str, tuple[int, int]]
    count_of: str | None
    few: dict[str, tuple[Decimal, Decimal]]
    few_times: dict[str, int]
    many: frozenset[str]
    positions: dict[str, tuple[int, int]]
    stellig_endings: tuple[str, ...]
    vague_nouns: tuple[str, ...]
    vague_leads: frozenset[str]
    vague_words: frozenset[str]
    #: Months (the date guard) and words that make a figure a time.
    months: frozenset[str]
    time_words: frozenset[str]
    #: The extractor's trigger with ``include_numbers``: key nouns, number words.
    trigger_nouns: Callable[[], str]
    number_words: tuple[str, ...]
    scale_words_trigger: bool
    #: An amount as the locale writes it, for error messages.
    example: str
    #: Where two number words written apart may be one number (`_rules.part_of_figure`'s
    #: gate): the starts of a second half and the ends of a first, as `_rules.apart_ends`
    #: derives them from ``number_words``, ``half_words`` and ``cardinal`` (a test checks).
    apart_heads: tuple[str, ...] = ()
    apart_tails: tuple[str, ...] = ()
    #: Adjectives (inflected, lower case) that, right after an amount, show it is said of
    #: each of the things a number word before it counts: in "zwei vier Millionen Euro teure
    #: Villen" the villas cost four million each, where "zwei drei Millionen Euro" alone is
    #: two to three million or two at three million (`_rules.count_before`).
    counting_adjectives: frozenset[str] = frozenset()
    #: Other words said for a decimal point between two numbers, never read as one: the
    #: figure beside them is not read ("2 Punkt 5 Millionen Euro" is no 5,000,000 EUR;
    #: `_rules.part_of_figure`).
    spoken_points: tuple[str, ...] = ()
    #: Nouns of a fraction (lower case): after a number word written apart they make one
    #: figure with it ("drei viertel Millionen", "two thirds"; `_rules.part_of_figure`).
    fraction_nouns: frozenset[str] = frozenset()


GERMAN_WORDS = Words(
    code="de",
    groups=".",
    decimals=",",
    cardinal=de_cardinal,
    articles=DE_ARTICLES,
    half_words=DE_HALF,
    decimal_word="komma",
    spoken_points=("punkt",),
    scales=_DE_SCALES,
    letters=_DE_GLUED,
    foreign_scales=_DE_FOREIGN_SCALES,
    letters_need_unit=True,
    english_decimal=_DE_ENGLISH_DECIMAL,
    thousands_of=_DE_THOUSANDS_OF,
    percent=_DE_PERCENT,
    subunits=_DE_SUBUNITS,
    subunit_scales=_DE_SUBUNIT_SCALES,
    currency_words=_DE_CURRENCY_WORDS,
    adjective_currencies=_DE_ADJECTIVE_CURRENCIES,
    adjective_endings=_DE_ADJ_ENDINGS,
    article_units=_DE_ARTICLE_UNITS,
    unit_heads=_DE_UNIT_HEADS,
    qualifiers=_DE_QUALIFIERS,
    postfix=_DE_POSTFIX,
    not_after_noun=_DE_NOT_AFTER_NOUN,
    of_nouns=_DE_OF_NOUNS,
    determiners=_DE_DETERMINERS,
    range_intro={"zwischen": "und", "von": "bis"},
    range_words=frozenset({"bis"}),
    alternatives=_DE_ALTERNATIVES,
    conjunctions=frozenset({"und"}),
    respectively=frozenset({"bzw.", "beziehungsweise"}),
    chunk_joiners=frozenset(),
    vague_counts=_DE_VAGUE_COUNTS,
    count_of=None,
    few=_DE_FEW,
    few_times=_DE_FEW_TIMES,
    many=_DE_MANY,
    positions=_DE_POSITIONS,
    stellig_endings=STELLIG_ENDINGS,
    vague_nouns=_DE_VAGUE_NOUNS,
    vague_leads=_DE_VAGUE_LEADS,
    vague_words=frozenset({"gar", "sogar", "auch"}),
    months=_DE_MONTHS,
    time_words=_DE_TIME_WORDS,
    trigger_nouns=_de_trigger_nouns,
    number_words=(*_DE_MORPHEMES, "null", *_DE_FRACTIONS, *_DE_VAGUE_COUNTS, *_DE_FEW),
    scale_words_trigger=True,
    example="1,5 Mrd. €",
    apart_heads=("ein", "elf", "halb", "hundert", "tausend", "und", "zehn", "zig"),
    apart_tails=("hundert", "tausend", "und"),
    counting_adjectives=_DE_COUNTING_ADJECTIVES,
    fraction_nouns=_DE_FRACTION_NOUNS,
)

ENGLISH_WORDS = Words(
    code="en",
    groups=",",
    decimals=".",
    cardinal=_en_cardinal,
    articles=EN_ARTICLES,
    half_words=frozenset({"half"}),
    decimal_word="point",
    scales=_EN_SCALES,
    letters=_EN_GLUED,
    foreign_scales=frozenset(),
    letters_need_unit=False,
    english_decimal=None,
    thousands_of={},
    percent=_EN_PERCENT,
    subunits=_EN_SUBUNITS,
    subunit_scales={},
    currency_words=_EN_CURRENCY_WORDS,
    adjective_currencies=_EN_ADJECTIVE_CURRENCIES,
    adjective_endings=("",),
    article_units=_EN_ARTICLE_UNITS,
    unit_heads=_EN_UNIT_HEADS,
    qualifiers=_EN_QUALIFIERS,
    postfix=_EN_POSTFIX,
    not_after_noun=frozenset(),
    of_nouns=(),
    determiners=frozenset(),
    range_intro={"between": "and", "from": "to"},
    range_words=frozenset({"to"}),
    alternatives=_EN_ALTERNATIVES,
    conjunctions=frozenset({"and"}),
    respectively=frozenset(),
    chunk_joiners=frozenset({"and"}),
    vague_counts=_EN_VAGUE_COUNTS,
    count_of="of",
    few=_EN_FEW,
    few_times=_EN_FEW_TIMES,
    many=_EN_MANY,
    positions={},
    stellig_endings=(),
    vague_nouns=(),
    vague_leads=frozenset(),
    vague_words=frozenset({"even"}),
    months=_EN_MONTHS,
    time_words=_EN_TIME_WORDS,
    trigger_nouns=_en_trigger_nouns,
    number_words=(*EN_UNITS, *EN_TEENS, *EN_TENS, "hundred", *_EN_VAGUE_COUNTS, *_EN_FEW),
    scale_words_trigger=False,
    example="$1.5bn",
    fraction_nouns=_EN_FRACTION_NOUNS,
)
