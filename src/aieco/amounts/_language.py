"""What the amounts engine knows about each language and locale, as data (internal).

One frozen `Language` table per language (German, English) holds the words, patterns and
flags the fast shapes, the extractor and the formatter would otherwise branch on
(``if german … else …``); `language_of` finds a locale's table. What CLDR says about a
locale (its decimal and group symbols, its grouping sizes) comes from babel, once per locale,
through `numbers_of`.

Adding a usage (an Austrian word, a new trigger noun) is a change to these tables; the code
that reads them does not change. The grammar's word tables are the field ``words``
(`aieco.amounts._lexicon.Words`, kept beside the number-word readers they use).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

import attrs

from aieco.amounts._lexicon import ENGLISH_WORDS, GERMAN_WORDS, QUALIFIER_WORDS, Words
from aieco.money import Qualifier

__all__ = ["ENGLISH", "GERMAN", "Language", "LocaleNumbers", "language_of", "numbers_of"]


@attrs.frozen
class Language:
    """The language-specific knowledge of the fast shapes, the extractor and the formatter."""

    #: ISO 639-1 code, the first part of a locale name ("de" of "de_CH").
    code: str
    #: The hedge words `format_amount` writes, per Qualifier ("rund", "mehr als").
    hedge_words: Mapping[Qualifier, str]
    #: The word between a range's ends when they cannot share a dash ("1 bis 2 Mio. €").
    range_word: str
    #: The fast "one end" shape reads a number word before a scale ("vier Milliarden").
    number_words: bool
    #: Vague magnitudes of the "-stellig" kind ("ein zweistelliger Millionenbetrag").
    stellig: bool
    #: Vague counts before a scale word ("zig Milliarden").
    vague_counts: bool
    #: Words right after a figure that a fast shape must leave to the grammar (besides the
    #: lexicon's scale, percent, range and currency words): "t" is German for "Tausend".
    guard_words: frozenset[str]
    #: The trigger's branches for nouns that may end an expression, as a regex over the
    #: letters after the noun's first one (German: "Milliarden", "Euro"; the first letters are
    #: in ``noun_firsts``); None where the trigger looks at lower-case word ends instead.
    noun_branches: str | None
    noun_firsts: str
    #: The trigger's branch for word ends (English: "thousand", "dollars"), as a regex over
    #: the letters after the first one, and the first letters it follows; None if unused.
    word_ends: str | None
    word_end_firsts: str
    #: Rarer trigger words, found by a literal search of their own ("stellig", "Cent").
    rare_words: tuple[str, ...]
    #: A one- or two-digit number right after a month name is a day ("February 17").
    day_after_month: bool
    #: The grammar's tables: hedges, scale words and letters, currency names, vague forms,
    #: "-stellig" endings (`aieco.amounts._lexicon.Words`; `lexicon` reads them).
    words: Words


GERMAN = Language(
    code="de",
    hedge_words=QUALIFIER_WORDS["de"],
    range_word="bis",
    number_words=True,
    stellig=True,
    vague_counts=True,
    guard_words=frozenset({"t"}),
    # Each noun branch starts with the letter after the capital, so that ``re`` rejects it
    # with one comparison (a branch led by a look-behind is entered every time): the text's
    # many other capitalised nouns then cost little.
    noun_branches=(
        "i(?:(?<=Mi)(?:o|a|lli(?:on|ard))|(?<=Bi)(?:o|lli(?:on|ard)))"
        "|r(?:(?<=Mr)d|(?<=Pr)ozent|(?<=Fr)anken)|I(?<=[MB]I)LLI(?:ON|ARD)"
        "|e(?<=Be)tr[aä]g|a(?<=Ta)usend|s(?<=Ts)d|E(?<=TE)UR|€(?<=T€)"
        "|R(?<=PR)OZENT|f(?<=Pf)und|u(?<=Eu)ro(?!p)|U(?<=EU)RO|o(?<=Do)llar|O(?<=DO)LLAR"
    ),
    noun_firsts="MBTPEDF",
    word_ends=None,
    word_end_firsts="",
    # As branches of the trigger, a lower-case "s" would slow every text's scan by half.
    # The subunits capitalised and in capitals ("ZEHN RAPPEN"), as the nouns above.
    rare_words=(
        "stellig",
        *("Cent", "Rappen", "Pfennig", "Groschen"),
        *("CENT", "RAPPEN", "PFENNIG", "GROSCHEN"),
    ),
    day_after_month=False,
    words=GERMAN_WORDS,
)

ENGLISH = Language(
    code="en",
    hedge_words=QUALIFIER_WORDS["en"],
    range_word="to",
    number_words=False,
    stellig=False,
    vague_counts=False,
    guard_words=frozenset(),
    noun_branches=None,
    noun_firsts="",
    word_ends=(
        "housand|illion|rillion|ollar|uro|ound|terling|ranc|en|uan|enminbi|upee"
        "|iyal|rona|ronor|rone|loty|uble|ouble|ercent|er cent"
    ),
    word_end_firsts="tmbdepfyrksz",
    rare_words=(),
    day_after_month=True,
    words=ENGLISH_WORDS,
)

_LANGUAGES = {language.code: language for language in (GERMAN, ENGLISH)}


def language_of(locale_name: str) -> Language:
    """The table of a supported locale's language ("de_CH" → `GERMAN`)."""
    return _LANGUAGES[locale_name.partition("_")[0]]


@attrs.frozen
class LocaleNumbers:
    """How a locale writes numbers, from babel's CLDR data."""

    #: The decimal symbol ("," in de_DE, "." in de_CH and en_*).
    decimal: str
    #: The group symbol ("." in de_DE, "’" or "'" in de_CH, "," in en_*).
    group: str
    #: The grouping sizes of the decimal format: (first group, further groups).
    grouping: tuple[int, int]


@cache
def numbers_of(locale_name: str) -> LocaleNumbers:
    """A supported locale's number symbols (CLDR, read once per locale on first use)."""
    from babel import Locale
    from babel.numbers import get_decimal_symbol, get_group_symbol

    grouping = Locale.parse(locale_name).decimal_formats[None].grouping
    return LocaleNumbers(
        decimal=get_decimal_symbol(locale_name),
        group=get_group_symbol(locale_name),
        grouping=(int(grouping[0]), int(grouping[1])),
    )
