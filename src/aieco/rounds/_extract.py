"""Reading funding rounds out of running text: `extract_rounds` (rules, no model weights).

How it reads a text, in one pass:

1. The text is cut into sentences (newlines and sentence ends; "Mio." and "17. Februar" do not
   end one). A sentence without any word of the trade (`_lexicon.cued`) is only scanned
   for the names of companies already found, so that "das Start-up" and "seine Investoren"
   later refer to the company named last.
2. A sentence with such a word is cut into clauses (at relative and subordinate clauses,
   semicolons, dashes and "sowie eine ... Runde"), and its amounts are found once with
   `aieco.extract_amounts`. Each amount gets a role from the words around it: the round's
   amount, the valuation ("bei einer Bewertung von"), a stake ("Anteil von 11 %"), an
   investor's part ("ASML pumpt 1,5 Mrd. in ..."), an amount for each of several companies
   ("jeweils"), or no round at all (revenue, losses, budgets, funds, market sizes, prices,
   totals to date, anything in a clause about an acquisition).
3. Each clause yields the company (the subject of a verb of raising, the object of a verb of
   investing, "des Start-ups X", "für X", or the company named last for "das Start-up"), the
   round type, the leads and investors (lists after "angeführt von", "unter Führung von",
   "Zu den Investoren gehören", ...), and a date.
4. Clauses about the same company join one round until one brings a different amount or type,
   or marks an earlier round ("zuvor"); then a new round starts.

Every step reads a bounded window around each word, so the time is linear in the text; any
``str`` is valid input, and what is not understood is left out, never guessed.
"""

from __future__ import annotations

import bisect
import collections
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from aieco._fold import fold
from aieco.amounts import Mention, extract_amounts
from aieco.dates import PartialDate
from aieco.model import RoundType
from aieco.money import PERCENT, Amount, Qualifier, in_exact_context
from aieco.rounds import _lexicon as lx
from aieco.rounds._types import InvestorMention, NameFinder, RoundMention, Span, ValuationBasis

if TYPE_CHECKING:
    from aieco.dataset import Dataset

__all__ = ["extract_rounds"]

#: Words: letters and digits with inner hyphens, dots, apostrophes, "&" and "+"; or one sign.
_TOKEN: Final = re.compile(
    r"(?:[^\W_]|&)[\w&'’+]*(?:[-/](?=\w)[\w&'’+]*|\.(?=[^\W_])[\w&'’+]*)*&?|[^\w\s]"
)
#: Where a sentence may end: final punctuation and space, a line break, a bullet.
_BOUNDARY: Final = lx.faster(
    re.compile(r"[.!?…]+[\"'“”»«’)]*\s+|\n\s*|[•\u2022|]\s*|" + lx.GLUED_STOP)
)
#: The last characters of a sentence that is no headline.
_SENTENCE_END: Final = frozenset(".!?…:;,\"'“”»«’)]")
#: The end of a paragraph: a blank line or the end of the text.
_PARAGRAPH_END: Final = re.compile(r"[ \t]*(?:\r?\n[ \t]*\r?\n|\Z)")
#: Words with a final dot that do not end a sentence.
_ABBREVIATIONS: Final = lx.words(
    """
    mio mrd bio tsd mill nr dr prof ca bzw vgl z.b u.a d.h inc co ltd corp st fr sfr jan feb
    mär apr jun jul aug sep sept okt nov dez abs etc evtl ggf inkl max min mr mrs ms usw zb
    """
)
#: A sentence longer than this is cut at a space, so that a text without punctuation
#: (a table, a dump) costs no more per character than prose.
_MAX_SENTENCE: Final = 2000
#: How many sentences are looked through at once for the companies named before (see _track).
_TRACK_BLOCK: Final = 16
#: How far back (in characters) "das Start-up" may refer to a company named before.
_COREF_WINDOW: Final = 2500
#: The most words of a dateline ("25. Mai 2021:").
_DATELINE_WORDS: Final = 5
#: How many words from the start of a clause its auxiliary or verb may stand in an inverted
#: order ("Die größte Finanzspritze mit 75 Mio. Dollar hat Impossible Foods erhalten").
_INVERTED_REACH: Final = 12
#: A rounded figure lies within 1/_ROUNDING of the exact one (5 of 5.25, 15 of 15.3).
_ROUNDING: Final = 20
#: The longest abbreviation read as standing for a name given before it in brackets.
_MAX_ABBREVIATION: Final = 6
#: The dashes around a list inside a main clause ("Investoren – darunter X – haben ...").
_DASHES: Final = ("–", "—")
#: How long (in characters) a list between dashes may be.
_MAX_PARENTHESIS: Final = 160
#: How far back (in characters) the name a relative clause is about is looked for.
_ANTECEDENT_REACH: Final = 80
#: The most names read back from one figure ("A, B und C (jeweils 5 Mio.)").
_MAX_LISTED: Final = 12
_CITY_ADJECTIVE: Final = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+er")
_ADJECTIVE: Final = re.compile(r"[a-zäöüß][a-zäöüß-]*(?:e|en|er|es|em)")
#: The participle or adjective that ends an attributive phrase ("gegründete", "ansässigen").
_ATTRIBUTE: Final = re.compile(r"[a-zäöüß]{4,}(?:te|ten|tes|ter|tem|ige|igen|iger|ende|enden)")
#: The most words of an attributive phrase between an article and its noun.
_ATTRIBUTE_WORDS: Final = 7
#: An adjective written with a capital inside a sentence: part of a name ("die Europäische
#: Investitionsbank", "die Norddeutsche Landesbank"), not a generic noun before one.
_NAME_ADJECTIVE: Final = re.compile(r"[A-ZÄÖÜ][a-zäöüß]*(?:sch|lich|ig)(?:e|en|er|es|em)")
#: An adjective as written before a descriptor, perhaps after an abbreviation: "der
#: US-amerikanische Wagniskapitalgeber Venrock".
_ADJECTIVE_WORD: Final = re.compile(r"(?:[A-ZÄÖÜ]{1,4}-)?[a-zäöüß]+(?:e|en|er|es|em)")
_DESCRIPTOR: Final = re.compile(
    r"(?:^|-)(?i:"
    + "|".join(re.escape(d) for d in sorted(lx.DESCRIPTORS, key=len, reverse=True))
    + r")(?:s|es|en|n|e|innen)?$"
    r"|(?<=[a-zäöüß])(?:"
    + "|".join(
        re.escape(d)
        for d in sorted(lx.DESCRIPTORS, key=len, reverse=True)
        if d not in lx.COMPOUND_ONLY
    )
    + r")(?:s|es|en|n|e|innen)?$"
    r"|^(?i:"
    + "|".join(re.escape(d) for d in sorted(lx.COMPOUND_ONLY, key=len, reverse=True))
    + r")(?:s|en)?$"
    r"|(?<=[a-zäöüß-])(?i:"
    + "|".join(re.escape(d) for d in sorted(lx.COMPOUND_TAILS, key=len, reverse=True))
    + r")(?:s|n|innen)?$"
)
_OPENERS: Final = lx.words(
    "nachdem dass daß wenn als weil da während wobei obwohl und aber doch sondern so sodass"
)
_JOINS: Final = frozenset([",", "und", "sowie", "oder", "&", "and"])
#: The quotation marks, in one table; the sets below are its named variants.
#: Marks that open a quotation (German, French and English forms, the straight double quote).
_OPENING_QUOTES: Final = '„“"»«‚‘'
#: Marks that only close one, and the straight apostrophe, which may do either.
_CLOSING_QUOTES: Final = "”’"
_APOSTROPHE: Final = "'"
#: Quotation marks around a name.
_QUOTES: Final = frozenset(_OPENING_QUOTES + _CLOSING_QUOTES + _APOSTROPHE)
#: Signs a clause's subject may come after: a comma, a colon, a bracket, an opening quote
#: (the straight apostrophe left out).
_LEADING: Final = frozenset(",:(" + _OPENING_QUOTES)
#: Marks that may open a quotation or bracket before a word ('"Die breite Masse').
_OPENING_MARKS: Final = "(" + _OPENING_QUOTES + _APOSTROPHE
#: Prepositions before the company invested in, also contracted ("beim Start-up X").
_PREPOSITIONS_IN: Final = frozenset(["in", "an", "bei", "into", "ins", "am", "beim"])
_AT: Final = frozenset(["bei"])
_TO: Final = frozenset(["an"])
#: How many words after a verb of flowing its "an X" may stand.
_FLOW_REACH: Final = 8
_GENITIVE: Final = frozenset(["des", "der"])
_POSSESSIVES: Final = lx.words("sein seine seinem seinen seines ihr ihre ihrem ihren ihres")
#: A German common noun: a capital, then small letters, parts joined by hyphens.
_NOUN_SHAPE: Final = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}(?:-[A-ZÄÖÜa-zäöüß][a-zäöüß]+)*")
#: A relative pronoun opening a clause, before a word that is no noun ("das hinter ...").
_RELATIVE_PRONOUN: Final = re.compile(
    r"\s*(?:der|die|das|dem|den|deren|dessen|denen|welche[rsmn]?)\s+(?![A-ZÄÖÜ])"
)
#: Where a clause may begin (lx.CLAUSE_OPENERS with a look-ahead for its first characters).
_CLAUSE_OPENERS: Final = lx.faster(lx.CLAUSE_OPENERS)
#: Between the sentences given to extract_amounts at once; no amount reaches across it.
_SEPARATOR: Final = "\n\u2029\n"
_ROUND_WORD: Final = re.compile(r"(?:series|serie|seed)$|.*runde$|.*finanzierung$")
#: A figure with a scale word: money even where the text names no currency ("82 Millionen").
_SCALED: Final = re.compile(r"mio|mrd|million|milliard", re.I)
#: Nouns of the trade, never names: "Finanzierungsrunden", "Series-C-Runde", "Mega-Runden".
_TRADE_NOUN: Final = re.compile(
    r"(?:runden?|finanzierung(?:en)?|investoren|bewertung(?:en)?|investitionen|investments"
    r"|kapitalerh[öo]hung|geber|gebern|geberinnen|volumen|aktion[äa]r\w*|anteilseigner\w*"
    r"|gesellschafter\w*)$"
)
#: An abbreviation glued to a common noun: "KI-Infrastruktur", "US-Unternehmen", "PR-Offensive".
_ABBREVIATED_NOUN: Final = re.compile(r"[A-ZÄÖÜ]{1,4}-[A-ZÄÖÜ][a-zäöüß]{3,}(?:-[\wäöüß]+)*")
#: A proper name joined to a descriptor: "Schwarz-Gruppe", "Bosch-Konzern" (not "KI-Start-up").
_NAMED_GROUP: Final = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}-(?:Gruppe|Group|Konzern|Stiftung|Holding)")
_NOT_ADJECTIVES: Final = lx.words(
    "aber oder über unter hinter wieder sowie seine ihre keine diese jene welche deren dessen"
    " denen zwischen neben gegen ohne seit sowohl weder entweder außer ausser"
)
#: Lower-case words of NOT_NAMES that are no adverb before a subject: prepositions, joins.
_NOT_ADVERBS: Final = (
    lx.COMMON_NOUN_PREPOSITIONS | _JOINS | lx.FUNCTION_JOINS | lx.words("wie als laut dass ob")
)
#: The most words of a place after "aus" in a list ("aus den Vereinigten Arabischen Emiraten").
_PLACE_WORDS: Final = 4
#: Prepositions: a phrase they open is no subject.
_PREPOSITIONS: Final = lx.COMMON_NOUN_PREPOSITIONS | lx.FUNCTION_JOINS
_INDEFINITE: Final = frozenset(["ein", "eine", "einen", "einem", "einer", "eines", "a", "an"])
#: Demonstratives that stand for a noun named before: "jene von Amicus".
_THAT_OF: Final = lx.words("jene jener jenes diejenige denjenigen derjenigen")
#: Words after a name that show it is the subject of a verb ("Parloa sammelt", "Luma wird").
_VERB: Final = re.compile(
    r"(?:hat|haben|hatte|hatten|ist|sind|war|waren|wird|werden|wurde|wurden|konnte|kann|will"
    r"|soll|f[üu]hrt\w*|leitet\w*|geh[öo]r\w*|z[äa]hl\w*|gilt|kommt|has|have|is|was"
    r"|gibt|gab|teilt|teilte|k[üu]ndigt|k[üu]ndigte|vermeldet\w*|erweitert\w*|stockt\w*"
    r"|verdoppelt\w*|beendet\w*|bringt|brachte|steht|stehen|stand|standen|nimmt|nahm"
    r"|steigt|steigen|stieg|stiegen)$"
    r"|"
    + lx.RAISE_VERB.pattern
    + "|"
    + lx.RAISE_VERB_RARE.pattern.pattern
    + "|"
    + lx.INVEST_VERB.pattern.pattern
    + "|"
    + lx.FLOW_VERB.pattern.pattern,
    re.IGNORECASE,
)


@in_exact_context
def extract_rounds(
    text: str,
    *,
    locale: Any = "de_DE",
    known: Dataset | None = None,
    names: NameFinder | None = None,
) -> list[RoundMention]:
    """Every funding round ``text`` reports, in order of appearance.

    Rule-based on the amounts engine: verbs and nouns of raising ("sammelt ... ein", "erhält",
    "schließt eine Finanzierungsrunde ab", "Series-B-Runde", "Kapitalerhöhung"), of investing
    ("investiert ... in", "beteiligt sich an"), investor phrases ("angeführt von", "unter
    Führung von", "Zu den Investoren gehören"), valuations ("bei einer Bewertung von",
    "Post-Money"), stakes, several rounds per text and "das Start-up" for the company named
    before. Revenue, losses, budgets, acquisition prices, fund sizes and market sizes are not
    rounds. See docs/extraction.md for what it does not handle.

    Args:
        text: Any text: an article, a paragraph, a megabyte of news, a table. Never raises
            because of what the text says.
        locale: The amounts locale (de_DE, de_AT, de_CH, en_US, en_GB).
        known: A Dataset to link names to (``company_id``, ``investor_id``) by name and alias;
            a known name is also read whole where the rules would cut it.
        names: Your own named-entity recogniser (see `NameFinder`).

    Raises:
        TypeError: ``text`` is not a ``str``, ``known`` not a Dataset, ``names`` not callable
            or returning something other than ``(start, end)`` pairs.
        UnsupportedLocale: an unknown ``locale`` (a ValueError).

    Examples:
        >>> rounds = extract_rounds(
        ...     "Das Berliner Start-up Parloa hat in einer Series-B-Runde 66 Millionen "
        ...     "US-Dollar eingesammelt. Angeführt wurde die Runde von Altimeter, "
        ...     "beteiligt waren auch EQT Ventures und Newion."
        ... )
        >>> r = rounds[0]
        >>> r.company, str(r.amount), r.round_type.value, r.leads
        ('Parloa', '66000000 USD', 'series_b', ('Altimeter',))
        >>> r.investors
        ('Altimeter', 'EQT Ventures', 'Newion')
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    extract_amounts("", locale=locale)  # an unknown locale is an error even for empty text
    if known is not None:
        from aieco.dataset import Dataset

        if not isinstance(known, Dataset):
            raise TypeError(f"known must be a Dataset or None, not {type(known).__name__}")
    if names is not None and not callable(names):
        raise TypeError(f"names must be callable (a NameFinder), not {type(names).__name__}")
    return _Reader(text, locale, known, names).run()


#: A word of a clause: start, end, the word, the word in lower case.
_Token = tuple[int, int, str, str]

#: A name's lookup key (`aieco._fold.fold`), remembered: the reader folds the same few names
#: again for every clause that lists them.
_key: Final = functools.lru_cache(maxsize=1 << 14)(fold)

# --- intermediate results ---------------------------------------------------------------------


class _Name:
    __slots__ = ("described", "end", "marked", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        #: The descriptor word before the name, lower-cased ("risikokapitalgeber"), if any.
        self.described = ""
        #: Whether that descriptor stands right before the name ("der Lieferant Rohlik").
        self.marked = False

    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


class _Money:
    """An amount with where it stands and whether it was given in brackets (a conversion)."""

    __slots__ = ("amount", "bracketed", "span")

    def __init__(self, amount: Amount, span: Span, bracketed: bool) -> None:
        self.amount = amount
        self.span = span
        self.bracketed = bracketed


class _Part:
    """An investor's part in a round while the text is read."""

    __slots__ = ("amounts", "lead", "name", "stake")

    def __init__(self, name: _Name) -> None:
        self.name = name
        self.lead = False
        self.amounts: list[_Money] = []
        self.stake: _Money | None = None


class _Clause:
    """What one clause says."""

    def __init__(self) -> None:
        self.companies: list[_Name] = []
        self.listed = False  # the companies come from a list ("A, B und C sammelten ... ein")
        self.anaphor = False
        self.amounts: list[_Money] = []
        self.each: _Money | None = None
        self.valuation: _Money | None = None
        self.basis: ValuationBasis | None = None
        self.round_type: tuple[RoundType, Span] | None = None
        self.leads: list[_Name] = []
        self.investors: list[_Name] = []
        self.invest_subjects: list[_Name] = []
        self.part_amounts: list[_Money] = []
        self.stake: _Money | None = None
        self.lead_anaphor = False
        self.earlier = False
        self.generic = False
        self.date: tuple[PartialDate, Span] | None = None
        self.raising = False
        self.fund = False  # an investor raises money: a fund, no round
        self.total = False  # an amount is a total to date ("hat bisher 15 Mio. gesammelt")

    def has_content(self) -> bool:
        return bool(
            self.amounts
            or self.valuation
            or self.round_type
            or self.leads
            or self.investors
            or self.invest_subjects
            or self.part_amounts
            or self.lead_anaphor
        )


class _Scope:
    """One clause while it is read: its words, where its amounts stand, its verbs.

    The words are split only when a rule asks for them: most clauses hold no word a rule
    reads them for, and splitting them is the larger part of reading such a clause.
    """

    __slots__ = (
        "_amount_tokens",
        "_opened",
        "_starts",
        "_tokens",
        "c0",
        "c1",
        "clause",
        "flow_verb",
        "holes",
        "invest_verb",
        "money",
        "plain",
        "raise_verb",
        "source",
    )

    def __init__(
        self,
        source: str,
        c0: int,
        c1: int,
        clause: str,
        holes: tuple[tuple[int, int], ...],
        money: list[tuple[int, int, Mention]],
        raise_verb: re.Match[str] | None,
        invest_verb: re.Match[str] | None,
        flow_verb: re.Match[str] | None,
    ) -> None:
        self.source = source
        self.c0 = c0
        self.c1 = c1
        #: The clause in lower case (relative clauses inside it blanked).
        self.clause = clause
        self.holes = holes
        #: The clause's amounts: (start, end, mention) in the text.
        self.money = money
        self.raise_verb = raise_verb
        self.invest_verb = invest_verb
        self.flow_verb = flow_verb
        #: A sentence with no word of the trade (kept only for the name it may give).
        self.plain = False
        self._tokens: list[_Token] | None = None
        self._starts: list[int] = []
        self._amount_tokens: set[int] = set()
        self._opened = -1

    def _split(self) -> list[_Token]:
        tokens = [
            (m.start(), m.end(), (word := m[0]), word.lower())
            for m in _TOKEN.finditer(self.source, self.c0, self.c1)
        ]
        holes = self.holes
        if holes:
            tokens = [t for t in tokens if not any(h0 <= t[0] < h1 for h0, h1 in holes)]
        starts = [t[0] for t in tokens]
        self._starts = starts
        if self.money:
            self._amount_tokens = {
                i
                for a0, a1, _ in self.money
                for i in range(bisect.bisect_left(starts, a0), bisect.bisect_left(starts, a1))
            }
        self._tokens = tokens
        return tokens

    @property
    def tokens(self) -> list[_Token]:
        """The clause's words (see `_Token`), those of its holes left out."""
        tokens = self._tokens
        return tokens if tokens is not None else self._split()

    @property
    def starts(self) -> list[int]:
        """Where each word starts in the text."""
        if self._tokens is None:
            self._split()
        return self._starts

    @property
    def amount_tokens(self) -> set[int]:
        """Indexes of the words that are part of an amount."""
        if self._tokens is None:
            self._split()
        return self._amount_tokens

    @property
    def opened(self) -> int:
        """The index of the clause's first word after its openers (see `_skip_openers`)."""
        if self._opened < 0:
            self._opened = _skip_openers(self.tokens, 0)
        return self._opened

    def at(self, offset: int) -> int:
        """The index of the first token at or after ``offset`` in the clause."""
        return bisect.bisect_left(self.starts, self.c0 + offset)


#: Whether a name found may be the company (see `_Reader._company`).
_Check = Callable[["_Name | None"], bool]
#: What a rule of `_Reader._company` found: the companies and whether they came as a list.
_Found = tuple[list["_Name"], bool] | None


class _Round:
    """A round while the text is read."""

    def __init__(self, company: _Name) -> None:
        self.company = company
        self.amounts: list[_Money] = []
        self.valuation: _Money | None = None
        self.basis: ValuationBasis | None = None
        self.round_type: tuple[RoundType, Span] | None = None
        self.parts: dict[str, _Part] = {}
        self.date: tuple[PartialDate, Span] | None = None
        self.sentences: dict[int, Span] = {}
        self.earlier = False
        self.order = 0
        self.listed_only = True  # known only from a list of names, nothing of its own

    def part(self, name: _Name) -> _Part:
        key = _key(name.text)
        found = self.parts.get(key)
        if found is None:
            found = self.parts[key] = _Part(name)
        return found


# --- the reader -------------------------------------------------------------------------------


class _Reader:
    def __init__(
        self, text: str, locale: Any, known: Dataset | None, names: NameFinder | None
    ) -> None:
        self.text = text
        low = text.lower()
        if len(low) != len(text):  # "İ" lower-cases to two characters: keep such ones as they are
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        #: The text in lower case, same length: every pattern of _lexicon reads this.
        self.low = low
        self.locale = locale
        self.known = known
        self.entities: dict[int, int] = _entities(text, names) if names is not None else {}
        self.rounds: list[_Round] = []
        self.current: _Round | None = None
        self.current_at = -1
        self.each: _Money | None = None
        self.each_date: tuple[PartialDate, Span] | None = None
        self.each_sentence: Span | None = None
        self.last_investor: _Name | None = None
        #: A company named in a clause that reported nothing of a round, and where.
        self.named: tuple[_Name, int] | None = None
        #: Clauses that reported nothing, newest last, not yet read for the company they name.
        self._unread: collections.deque[tuple[int, _Scope]] = collections.deque()
        #: True while the sentence read is a headline (see _headline).
        self._headline = False
        #: True while investor lists are read (see _NAMED_GROUP).
        self._listing = False
        self._names_count = 0
        self._by_key: dict[str, _Round] = {}
        self._by_first: dict[str, _Round] = {}
        self._forms: frozenset[str] = frozenset()
        #: The text of the block of sentences read now, whether each name is in it, and the
        #: names of _forms found in it (for which _forms).
        self._block = ""
        self._block_names: dict[str, bool] = {}
        self._block_forms: tuple[frozenset[str] | None, list[str]] = (None, [])
        self._known_index: _KnownIndex | None = _known_index(known) if known is not None else None

    # --- driver ------------------------------------------------------------------------------

    def run(self) -> list[RoundMention]:
        text = self.text
        sentences = list(_sentences(text))
        low = self.low
        cued = [lx.cued(low[start:end]) for start, end in sentences]
        amounts = self._amounts([s for s, cue in zip(sentences, cued, strict=True) if cue])
        for index, ((start, end), cue) in enumerate(zip(sentences, cued, strict=True)):
            if index % _TRACK_BLOCK == 0:
                last = sentences[min(index + _TRACK_BLOCK, len(sentences)) - 1][1]
                self._new_block(text[start:last])
            if lx.NEW_ITEM.match(text, start, end):
                self._new_item()
            self._track(start, end)
            if not cue:
                # Nothing of a round, but "das Start-up" in a later sentence may mean the name
                # it gives; its words are split only if that is asked for (see _read_named).
                self._later(start, self._plain_scope(start, end))
                continue
            self._headline = _headline(text, start, end)
            sentence = text[start:end]
            mentions = amounts.get(start, [])
            span = Span(start, end, sentence)
            generic = lx.GENERIC_SUBJECT.search(self.low[start:end]) is not None
            for c0, c1, holes in _clauses(sentence):
                c0 += start
                c1 += start
                inside = [m for m in mentions if c0 <= m[0] and m[1] <= c1] if mentions else []
                shifted = tuple((start + h0, start + h1) for h0, h1 in holes) if holes else ()
                if shifted and inside:
                    inside = [m for m in inside if not any(h0 <= m[0] < h1 for h0, h1 in shifted)]
                self._clause(c0, c1, inside, start, span, generic, shifted)
        return self._finish()

    def _new_item(self) -> None:
        """A ticker item begins ("+++ ... +++", "25. Mai 2021: ..."): no company is meant yet."""
        self.current = None
        self.current_at = -1
        self.named = None
        self._unread.clear()

    def _amounts(
        self, sentences: list[tuple[int, int]]
    ) -> dict[int, list[tuple[int, int, Mention]]]:
        """The amounts of each sentence (by its start): where each stands in the text, and it.

        One call of extract_amounts for all sentences, joined by a paragraph separator that no
        amount crosses: the engine's cost per call is far above its cost per sentence.
        """
        if not sentences:
            return {}
        joined = _SEPARATOR.join(self.text[a:b] for a, b in sentences)
        offsets = []
        position = 0
        for a, b in sentences:
            offsets.append(position)
            position += b - a + len(_SEPARATOR)
        found: dict[int, list[tuple[int, int, Mention]]] = {}
        for mention in extract_amounts(joined, locale=self.locale):
            index = bisect.bisect_right(offsets, mention.start) - 1
            a, b = sentences[index]
            shift = offsets[index] - a
            if mention.end - shift > b:
                continue  # across a separator: not an amount of one sentence
            found.setdefault(a, []).append((mention.start - shift, mention.end - shift, mention))
        return found

    def _track(self, start: int, end: int) -> None:
        """Make the company named last in this sentence the one "das Start-up" refers to."""
        if not self.rounds:
            return
        if self._names_count != len(self.rounds):
            self._forms = _name_forms(r.company.text for r in self.rounds[-50:])
            self._names_count = len(self.rounds)
        sentence = self.text[start:end]
        present = [f for f in self._in_block() if f in sentence]
        if not present:
            return  # the usual case
        last = _last_name(sentence, present)
        if last is not None:
            found = self._latest(last[1])
            if found is not None:
                self.current = found
                self.current_at = start + last[0]

    def _new_block(self, block: str) -> None:
        """Start the next block of sentences (see _in_block)."""
        self._block = block
        self._block_names = {}
        self._block_forms = (None, [])

    def _in_block(self) -> list[str]:
        """The names of ``_forms`` in the block of sentences read now.

        A name that is not in the block is in none of its sentences: each name is looked for
        in the block once, and each sentence only for the names found there.
        """
        forms, found = self._block_forms
        if forms is not self._forms:
            seen = self._block_names
            for form in self._forms:
                if form not in seen:
                    seen[form] = form in self._block
            found = [form for form in self._forms if seen[form]]
            self._block_forms = (self._forms, found)
        return found

    # --- one clause --------------------------------------------------------------------------

    def _clause(
        self,
        c0: int,
        c1: int,
        money: list[tuple[int, int, Mention]],
        s0: int,
        sentence: Span,
        generic: bool,
        holes: tuple[tuple[int, int], ...] = (),
    ) -> None:
        """Read one clause of the sentence at ``s0`` (its amounts: where, in the text, and what)."""
        scope = self._scope(c0, c1, money, holes)
        if scope is None:
            return
        out = self._facts(scope)
        self._investors(out, scope)
        if not (out.has_content() or out.raising or out.each is not None):
            # Nothing of a round: the clause matters only if it names one company that a
            # later "das Start-up" means. Who that is is read when it is asked for (_named).
            # Not a relative clause: "Dapper Labs, das hinter der App Cryptokitties steht, ..."
            # describes the company named before it, and the names in it are no companies.
            if not self._relative_at(c0, c1):
                self._later(c0, scope)
            return
        self._about(out, scope, generic)
        self._company(out, scope)
        if not out.companies and scope.raise_verb is not None and not out.fund:
            antecedent = self._antecedent(c0, s0)
            if antecedent is not None:  # "TourRadar, das 42,5 Mio. einsammeln konnte"
                out.companies = [antecedent]
        date = lx.DATE.search(scope.clause)
        if date is not None and not (out.total and not out.amounts):  # the totals' date
            out.date = _date(date, c0, self.text)
        pairs = self._pairs(out, scope.tokens, scope.amount_tokens) if len(scope.money) > 1 else []
        if not pairs:
            self._add(out, sentence, c0)
            return
        paired = {id(entry) for _, entry in pairs}
        named = {_key(name.text) for name, _ in pairs}
        rest = [e for e in out.amounts if id(e) not in paired]
        companies = [c for c in out.companies if _key(c.text) not in named]
        if len(pairs) >= 2 or (rest and companies):
            # "Bitmovin (25 Mio. Euro), gefolgt von USound (17 Mio. Euro)": a round each;
            # "Matriq erhielt 4,2 Mio., die Firma Caos 2,4 Mio.": the first one's and Caos'.
            if rest and not companies and scope.raise_verb is not None:
                antecedent = self._antecedent(c0, s0)
                companies = [antecedent] if antecedent is not None else []
            if rest and companies:  # "X, das 42 Mio. einsammeln konnte, gefolgt von Y (24 Mio.)"
                single = _Clause()
                single.companies = companies[:1]
                single.amounts = rest
                single.date = out.date
                self._add(single, sentence, c0)
            for name, entry in pairs:
                single = _Clause()
                single.companies = [name]
                single.amounts = [entry]
                single.date = out.date
                self._add(single, sentence, c0)
            return
        self._add(out, sentence, c0)

    def _relative_at(self, c0: int, c1: int) -> bool:
        """Whether the clause is a relative clause inside a main clause ("X, das ..., hat")."""
        text = self.text
        return (
            text[max(0, c0 - 3) : c0].rstrip().endswith(",")
            and _RELATIVE_PRONOUN.match(text, c0) is not None
            and (text[c1 - 1 : c1] == "," or text[c1 : c1 + 3].lstrip().startswith(","))
        )

    def _antecedent(self, c0: int, s0: int) -> _Name | None:
        """The company a relative clause at ``c0`` is about: the name just before its comma."""
        text = self.text
        j = c0 - 1
        while j > s0 and text[j].isspace():
            j -= 1
        if j <= s0 or text[j] != "," or not lx.RELATIVE_OPENER.match(text, j):
            return None
        tokens: list[_Token] = [
            (*m.span(), (word := m[0]), word.lower())
            for m in _TOKEN.finditer(text, max(s0, j - _ANTECEDENT_REACH), j)
        ]
        name = self._name_before(tokens, len(tokens), set())
        if name is not None:  # "Carvolution aus Bannwil, das ...": the place is no antecedent
            k = bisect.bisect_left([t[0] for t in tokens], name.start)
            if k >= 1 and tokens[k - 1][3] in lx.PLACE_PREPOSITIONS:
                name = self._name_before(tokens, k - 1, set())
        if (
            name is None
            or not _name_shaped(name)  # "Anbieter Carvolution" is a name
            or _is_trade_word(name.text)
            or lx.INVESTOR_DESCRIPTOR.search(name.described)
            or lx.PERSON_DESCRIPTOR.search(name.described)
            or (self.last_investor is not None and name.text == self.last_investor.text)
        ):
            return None
        return name

    def _scope(
        self,
        c0: int,
        c1: int,
        money: list[tuple[int, int, Mention]],
        holes: tuple[tuple[int, int], ...],
    ) -> _Scope | None:
        """The clause's words, amounts and verbs; None for a takeover or an empty clause."""
        clause = self.low[c0:c1]
        for h0, h1 in holes:  # an embedded relative clause, read on its own: blanked here
            clause = clause[: h0 - c0] + " " * (h1 - h0) + clause[h1 - c0 :]
        if lx.ACQUISITION.search(clause) and lx.ACQUISITION.search(
            lx.LEAD_TAKEOVER.sub(" ", clause)
        ):
            return None  # a takeover, not "X übernimmt die Führung der Runde"
        if not clause.strip():
            return None  # no word outside the holes
        return _Scope(
            self.text,
            c0,
            c1,
            clause,
            holes,
            money,
            lx.raise_verb(clause),
            _invest_verb(self.text, c0, clause),
            lx.FLOW_VERB.search(clause),
        )

    def _facts(self, sc: _Scope) -> _Clause:
        """What the clause says besides names: the roles of its amounts, the round type."""
        text, clause, c0 = self.text, sc.clause, sc.c0
        out = _Clause()
        out.raising = sc.raise_verb is not None or sc.flow_verb is not None
        # An investor's part where an investor invests, not where the company receives "ein
        # Investment in Höhe von ...".
        investor_money = sc.invest_verb is not None and not (
            sc.raise_verb is not None and text[c0 + sc.invest_verb.start()].isupper()
        )
        dropped_end = -1  # where the last amount that is no round's ends
        for a0, a1, mention in sc.money:
            if 0 <= a0 - dropped_end <= 3 and self.text[dropped_end:a0].strip() == "(":
                dropped_end = a1  # "113 Mio. Euro (123 Mio. Dollar)": converts the one before
                continue
            role = self._amount_role(out, c0, a0, a1, mention, investor_money)
            if not role and mention.amount.currency is not None:
                dropped_end = a1
        # Not the type of a round it is compared with ("Wie schon in der Seed-Runde zuvor ...")
        found = lx.ROUND_TYPE.search(_without_comparison(clause))
        if found is not None and not (out.total and not out.amounts):  # the totals' kind
            kind = _round_type(found)
            if kind is not None:
                out.round_type = (kind, _span(text, found.start() + c0, found.end() + c0))
        return out

    def _about(self, out: _Clause, sc: _Scope, generic: bool) -> None:
        """Whom the clause is about: an earlier round, "das Start-up", anyone in general.

        Read only for a clause that reports something of a round (the others are dropped
        before these are asked): two in five clauses of funding news report nothing.
        """
        clause = sc.clause
        out.earlier = lx.EARLIER.search(_without_comparison(clause)) is not None
        out.anaphor = lx.ANAPHOR.search(clause) is not None
        out.generic = (
            generic
            or lx.GENERIC_SUBJECT.search(clause) is not None
            or lx.GENERIC_TARGET.search(clause) is not None
        )
        # About a fund itself, not "Der Fonds investiert 2 Mio. in das Start-up", nor a fund
        # named as an investor ("Mit dabei sind der Fonds HV Capital und Cherry").
        out.fund = not out.anaphor and any(
            not _name_follows(self.text, sc.c0 + m.end()) for m in lx.FUND_TOPIC.finditer(clause)
        )

    def _pairs(
        self, out: _Clause, tokens: list[_Token], amount_tokens: set[int]
    ) -> list[tuple[_Name, _Money]]:
        """Companies each given with their own figure.

        "Name (24,4 Mio. Euro)", "Name aus Wien (11 Mio.)", "Name mit 41 Mio. Euro", "10 Mio.
        Euro in das Start-up Name", "82 Millionen für Name", "jeweils 5 Mio. in A, B und C",
        "A und B (jeweils 10 Mio.)".
        """
        entries = [*out.amounts, *([out.each] if out.each is not None else [])]
        if len(entries) < 2:
            return []
        starts = [t[0] for t in tokens]
        pairs: list[tuple[_Name, _Money]] = []
        for entry in sorted(entries, key=lambda e: e.span.start):
            first = bisect.bisect_left(starts, entry.span.start)
            last = bisect.bisect_left(starts, entry.span.end)
            found: list[_Name] = []
            before = tokens[first - 1][3] if first >= 1 else ""
            if (
                entry is out.each
                and before in lx.EACH_WORDS
                and first >= 2
                and tokens[first - 2][3] == "("
            ):  # "A und B (jeweils 10 Mio.)"
                found = self._list_before(tokens, first - 2, amount_tokens, starts)
            if found:
                pass
            elif before in lx.OWN_FIGURE_BEFORE:
                at = first - 1
                if before == "(" and at >= 2 and tokens[at - 2][3] in lx.PLACE_PREPOSITIONS:
                    at -= 2  # "Bluecode aus Wien (11,2 Mio.)"
                name = self._name_before(tokens, at, amount_tokens)
                found = [name] if name is not None else []
            elif first >= 1 and (first - 1) not in amount_tokens and _namey(tokens[first - 1][2]):
                # The verb left out: "Matriq erhielt 4,2 Mio., die Firma Caos 2,4 Mio."
                name = self._name_before(tokens, first, amount_tokens)
                gapped = name is not None and _after_comma(tokens, starts, name)
                found = [name] if name is not None and gapped else []
            else:
                while last < len(tokens) and tokens[last][3] in lx.FIGURE_LINKS:
                    last += 1  # "82 Millionen gab es für Camunda"
                if last < len(tokens) and tokens[last][3] in lx.OWN_FIGURE_AFTER:
                    found = self._list(tokens, last + 1, amount_tokens)
                    if entry is not out.each:
                        found = found[:1]
            pairs += [
                (name, entry)
                for name in found
                if not _is_trade_word(name.text) and not _common_noun(name.text)
            ]
        return pairs

    def _list_before(
        self, tokens: list[_Token], i: int, amount_tokens: set[int], starts: list[int]
    ) -> list[_Name]:
        """The names listed just before token ``i``: "dem Start-up A und dem Händler B (..."."""
        names: list[_Name] = []
        while len(names) < _MAX_LISTED:
            name = self._name_before(tokens, i, amount_tokens)
            if name is None:
                break
            names.append(name)
            j = bisect.bisect_left(starts, name.start) - 1
            floor = j - 4
            while j > floor and j >= 0 and _introduces_name(tokens[j]):
                j -= 1  # "dem Tiroler E-Bike-Händler" before the name
            if j < 0 or tokens[j][3] not in _JOINS:
                break
            i = j
        return names[::-1]

    def _amount_role(
        self, out: _Clause, c0: int, a0: int, a1: int, mention: Mention, investor_money: bool
    ) -> bool:
        """Give the amount its role in the clause; False for money that is no round's."""
        text = self.text
        low = self.low
        amount = mention.amount
        before = low[max(c0, a0 - 60) : a0]
        after = low[a1 : a1 + 40]
        bracketed = before.rstrip().endswith("(")
        if amount.unit == PERCENT:
            if lx.STAKE_BEFORE.search(before) or lx.STAKE_AFTER.search(after):
                out.stake = _Money(amount, _span(text, a0, a1), False)
                return True
            return False
        if amount.currency is None and not amount.is_range and not _SCALED.search(mention.text):
            return False  # a bare number ("17") says nothing about money; "82 Millionen" may
        if after.startswith("-") and lx.NOT_A_ROUND.match(after[1:].lstrip("-")):
            return False  # "500-Milliarden-Dollar-Projekt"
        near = _last_words(before, 4)
        if lx.VALUATION_BEFORE.search(before) or lx.VALUATION_AFTER.search(after):
            if amount.currency is None or "bewertungen" in near.lower():
                return False  # "Bewertungen im dreistelligen Milliardenbereich": no one's
            if lx.AROUND_BEFORE.search(before) and amount.qualifier is Qualifier.EXACT:
                amount = _hedged(amount, Qualifier.APPROX)
            out.valuation = _Money(amount, _span(text, a0, a1), bracketed)
            context = (before + " " + after[:30]).lower()
            if lx.PRE_MONEY.search(context):
                out.basis = ValuationBasis.PRE_MONEY
            elif lx.POST_MONEY.search(context):
                out.basis = ValuationBasis.POST_MONEY
            return True
        if _not_a_round(near, _last_words(text[max(c0, a0 - 60) : a0], 4)) or lx.NOT_A_ROUND.match(
            after.lstrip()
        ):
            return False
        if lx.TOTAL_BEFORE.search(before) or lx.TOTAL_AFTER.match(low, a1, a1 + 100):
            out.total = True
            return False
        if (lx.CHANGE_BEFORE.search(before) or low.startswith("um ", a0)) and lx.CHANGE_AFTER.match(
            low, a1, a1 + 40
        ):
            return False  # "hat den Gewinn um 3,1 Mrd. verringert"
        if mention.text.lower().startswith("über ") and lx.OVER_IS_SIZE.search(
            low, max(c0, a0 - 100), a0
        ):
            amount = _without_hedge(mention, self.locale)
        if lx.PART_OF_ROUND.match(text, a1, a1 + 40):
            return False  # "Drei Millionen der Finanzierung stammen von MIG": a share of it
        entry = _Money(amount, _span(text, a0, a1), bracketed)
        if lx.EACH_BEFORE.search(before):
            out.each = entry
        elif investor_money and not lx.HEAVY_AFTER.search(after):
            out.part_amounts.append(entry)
        else:
            out.amounts.append(entry)
        return True

    def _investors(self, out: _Clause, sc: _Scope) -> None:
        """The leads and investors the clause names, and who invests ("X investiert")."""
        self._listing = True
        self._phrase_lists(out, sc)
        self._lead_subjects(out, sc)
        self._investor_subjects(out, sc)
        self._listing = False
        invest_verb = sc.invest_verb
        noun = invest_verb is not None and self.text[sc.c0 + invest_verb.start()].isupper()
        if invest_verb is not None and not noun:
            out.invest_subjects = self._investing(sc, invest_verb)
        if (
            out.part_amounts
            and not noun
            and (
                len(out.invest_subjects) != 1
                or out.investors
                or lx.JOINT_WITH_OTHERS.search(sc.clause) is not None
            )
        ):
            out.amounts += out.part_amounts  # no single investor to give them to
            out.part_amounts = []

    def _phrase_lists(self, out: _Clause, sc: _Scope) -> None:
        """Lists after the phrases that name leads ("angeführt von") and investors."""
        clause = sc.clause  # the words are split only where a phrase is found
        for m in lx.LEAD_BEFORE.finditer(clause):
            out.leads += self._list(sc.tokens, sc.at(m.end()), sc.amount_tokens)
        for m in lx.LEAD_AROUND.finditer(clause):
            out.leads += self._list(sc.tokens, sc.at(m.end("list")), sc.amount_tokens)
        neben = lx.INVESTORS_NEBEN.search(clause)
        if neben is not None:
            out.investors += self._list(sc.tokens, sc.at(neben.end()), sc.amount_tokens)
        # Not gated: its forty keys cost as much as the search, and on funding news most
        # clauses hold one of them.
        for m in lx.INVESTORS_BEFORE.finditer(clause, gated=False):
            out.investors += self._list(sc.tokens, sc.at(m.end()), sc.amount_tokens)
        for m in lx.INVESTORS_AFTER_AMOUNT.finditer(clause):
            out.investors += self._list(sc.tokens, sc.at(m.end()), sc.amount_tokens)
        members = lx.INVESTORS_MEMBERS.search(clause)
        if (
            members is not None
            and not out.investors
            and lx.INVESTOR_CLAUSE.search(clause, 0, members.start()) is not None
        ):
            out.investors += self._list(sc.tokens, sc.at(members.end()), sc.amount_tokens)
        agent = lx.INVESTORS_AGENT.search(clause)
        if agent is not None and lx.CONTRIBUTED.search(clause) is not None:
            out.investors += self._list(sc.tokens, sc.at(agent.end()), sc.amount_tokens)
        relative = lx.INVESTORS_RELATIVE.search(clause)
        if relative is not None:
            out.investors += self._list(sc.tokens, sc.at(relative.end("list")), sc.amount_tokens)

    def _lead_subjects(self, out: _Clause, sc: _Scope) -> None:
        """Leads named before their verb: "X führt die Runde an", "Dies führt ... an"."""
        if lx.LEAD_ANAPHOR.search(sc.clause):
            out.lead_anaphor = True
            return
        lead_after = lx.LEAD_AFTER.search(sc.clause)
        if lead_after is None:
            return
        tokens, amount_tokens = sc.tokens, sc.amount_tokens
        subjects = self._subjects(tokens, sc.at(lead_after.start()), amount_tokens)
        subjects = subjects or self._opening_list(sc)
        if subjects:
            out.leads += subjects
            return
        before = self._name_before_verb(sc, lead_after.start())
        if before is not None:
            out.leads.append(before)

    def _investor_subjects(self, out: _Clause, sc: _Scope) -> None:
        """Investors named before their verb: "X und Y beteiligten sich ebenfalls"."""
        after = (
            lx.INVESTORS_AFTER.search(sc.clause)
            or lx.ON_BOARD.search(sc.clause)
            or _contribution(sc.clause)
        )
        if after is None:
            return
        tokens, amount_tokens = sc.tokens, sc.amount_tokens
        subjects = self._subjects(tokens, sc.at(after.start()), amount_tokens)
        if subjects:  # not also the end of a list before: "Die Führung übernimmt A, B ist dabei"
            own = {s.start for s in subjects}
            out.leads = [n for n in out.leads if n.start not in own]
            out.investors = [n for n in out.investors if n.start not in own]
        subjects = subjects or self._opening_list(sc)
        if not subjects:
            just_before = self._name_before_verb(sc, after.start())
            subjects = [just_before] if just_before is not None else []
        out.investors += subjects or self._list(tokens, sc.at(after.end()), amount_tokens)

    def _opening_list(self, sc: _Scope) -> list[_Name]:
        """The names listed first in the clause, unless a preposition opens it.

        A phrase opened by a preposition is no subject ("Mittels einer Wandelanleihe beteiligt
        sich X", "Bei der Runde ziehen A und B mit"): its noun is never the investor.
        """
        if _fronted_preposition(sc):
            return []
        return self._list(sc.tokens, sc.opened, sc.amount_tokens)

    def _name_before_verb(self, sc: _Scope, verb: int) -> _Name | None:
        """The name just before the verb at ``verb``, unless a preposition opens the clause.

        Then the words before the verb are that phrase, and the subject follows the verb.
        """
        if _fronted_preposition(sc):
            return None
        return self._name_before(sc.tokens, sc.at(verb), sc.amount_tokens)

    def _investing(self, sc: _Scope, invest_verb: re.Match[str]) -> list[_Name]:
        """Who invests: the subject of "investiert", before or right after the verb."""
        tokens, amount_tokens = sc.tokens, sc.amount_tokens
        verb_at = sc.at(invest_verb.start())
        start = sc.opened
        subjects = self._list(tokens, start, amount_tokens) if start < verb_at else []
        raising = sc.raise_verb
        if subjects and raising is not None and raising.start() < invest_verb.start():
            # "Das Start-up Lorka erhält 5 Mio., beteiligt ist auch Kelvo": the names before
            # the verb of raising are its subject, not the investor's
            subjects = [s for s in subjects if s.end > sc.c0 + raising.start()]
        if not subjects and verb_at + 1 < len(tokens):
            following = verb_at + 1
            if tokens[following][3] == "sich":
                following += 1
            subjects = self._list(tokens, following, amount_tokens)
        return [s for s in subjects if not _is_object(tokens, s)]

    def _company(self, out: _Clause, sc: _Scope) -> None:
        """The company the clause is about, found by the first rule that names one."""
        taken = {_key(n.text) for n in (*out.leads, *out.investors, *out.invest_subjects)}
        raising = sc.raise_verb is not None
        giver_before = -1  # a name before a verb of giving is its subject: the giver
        if not raising:
            give = lx.GIVE_VERB.search(sc.clause)
            if give is not None:
                giver_before = sc.c0 + give.start()

        def ok(name: _Name | None) -> bool:
            if name is None:
                return False
            if name.start < giver_before:
                return False
            if lx.OF_A_PERSON.search(self.low, max(0, name.start - 80), name.start):
                return False  # "Investor des E-Scooter-Start-up Flash": whose, not who raises
            if lx.INVESTOR_DESCRIPTOR.search(name.described) or lx.FUND_NAME.search(
                self._full_name(name).lower()
            ):
                # "Der VC X sammelt ... ein" (not "der Runde"): a fund, no round; money put
                # "in die Onsight Ventures" neither
                out.fund = out.fund or (raising and not out.anaphor)
                return False
            return (
                _key(name.text) not in taken
                and _named_ok(name)
                and not self._attributed(name)
                and not self._bare_noun(name)
            )

        subject = lx.ANAPHOR_SUBJECT.match(sc.clause)
        if subject is not None and (
            subject["verb"] in lx.AUXILIARIES or lx.raise_verb(subject["verb"]) is not None
        ):
            return  # "Das Start-up hat ... und kooperiert mit dem Konzern X": the one meant
        subject_free = not out.invest_subjects or raising
        for rule in (
            self._invested_in,
            self._owned,
            self._announcing,
            self._subject,
            self._inverted,
            self._of_round,
            self._for_or_of,
            self._described,
            self._after_colon,
        ):
            found = rule(sc, ok, bool(out.leads) and sc.invest_verb is None, subject_free)
            if found is not None:
                out.companies, out.listed = found
                return

    def _invested_in(self, sc: _Scope, ok: _Check, led: bool, free: bool) -> _Found:
        """Seen from the investor or the money: "X investiert in Y", "20 Mio. flossen an Y".

        Also "X führt eine Runde bei Y an".
        """
        tokens = sc.tokens
        span = range(len(tokens))
        if sc.invest_verb is not None:
            prepositions = _PREPOSITIONS_IN
            verb = sc.at(sc.invest_verb.start())
            if any(t[3] in prepositions for t in tokens[verb + 1 :]):
                # the object after the verb, not "die an X beteiligte Gesellschaft Y investiert"
                span = range(verb + 1, len(tokens))
        elif led:
            if "bei" not in sc.clause:
                return None  # the usual case: no word of _AT to look at
            prepositions = _AT
        elif sc.flow_verb is not None:
            prepositions = _TO  # "floss damals in einer Serie-B-Runde an Aleph Alpha"
            verb = sc.at(sc.flow_verb.start())
            span = range(verb + 1, min(len(tokens), verb + 1 + _FLOW_REACH))
        else:
            return None
        for i in span:
            if prepositions is _TO and tokens[i][2] in ",:;":
                break
            if tokens[i][3] in prepositions:
                if i > 0 and tokens[i - 1][3] in lx.PLACE_NOUNS:
                    continue  # "mit Sitz in Innsbruck": where, not whom
                if i > 0 and tokens[i - 1][3] in lx.DETERMINERS:
                    continue  # "der in Köln ansässige Hersteller": an attribute, not whom
                found = self._noun_phrase(tokens, i + 1, sc.amount_tokens, definite=True)
                if found is not None and (
                    lx.FUND_NAME.search(found[0].text.lower())
                    or any(t[3] == "wie" for t in tokens[i + 1 : found[1]])
                ):
                    return None  # "in die Onsight Ventures" (a fund), "in Start-ups wie X"
                if found is not None and ok(found[0]):
                    return [found[0]], False
                if (i + 1 < len(tokens) and tokens[i + 1][3] in _INDEFINITE) or (
                    found is not None and _common_noun(found[0].text)
                ):
                    return None  # "in ein neues Werk in Ungarn", "in Bildung": no company
        return None

    def _owned(self, sc: _Scope, ok: _Check, led: bool, free: bool) -> _Found:
        """The owner's company: "Elon Musk hat mit seinem KI-Unternehmen xAI ..."."""
        if "sein" not in sc.clause and "ihr" not in sc.clause:
            return None  # every word of _POSSESSIVES holds one of them: no word to look at
        tokens = sc.tokens
        for i, token in enumerate(tokens):
            if token[3] in _POSSESSIVES and i + 1 < len(tokens):
                found = self._noun_phrase(tokens, i, sc.amount_tokens)
                described = found is not None and any(
                    _descriptor(t[2]) for t in tokens[i + 1 : i + 4] if t[0] < found[0].start
                )
                if found is not None and described and ok(found[0]):
                    return [found[0]], False
        return None

    def _announcing(self, sc: _Scope, ok: _Check, led: bool, free: bool) -> _Found:
        """The company that reports its own round: "Wie Cellion mitteilte, ..."."""
        if not lx.ANNOUNCER.match(sc.clause):
            return None
        names = [n for n in self._list(sc.tokens, 1, sc.amount_tokens) if ok(n)]
        return (names[:1], False) if names else None

    def _subject(self, sc: _Scope, ok: _Check, led: bool, free: bool) -> _Found:
        """The subject of a verb of raising, or whoever a valuation or round is about.

        Not when the subject is an investor: "Nvidia investiert" leaves it to what follows.
        """
        tokens = sc.tokens
        if not free or (tokens[0][3] in lx.REPORT_OPENERS and lx.REPORT_VERB.search(sc.clause)):
            return None  # "Wie The Information berichtet, ...": the source of the news
        names = _nouns_out(self._list(tokens, sc.opened, sc.amount_tokens), ok)
        if (
            names
            and (sc.raise_verb or sc.flow_verb or len(names) == 1)
            and (len(names) > 1 or _verb_follows(tokens, names[-1], sc.amount_tokens))
        ):
            return names, len(names) > 1
        return None

    def _inverted(self, sc: _Scope, ok: _Check, led: bool, free: bool) -> _Found:
        """Inverted order: "In der Runde sammelte Parloa", "Dabei wird sein Unternehmen Luma".

        Not with a verb of investing alone: "Zusätzlich ... will die ZKB zehn Millionen in
        Jungunternehmen investieren" puts the investor there.
        """
        if not free or (sc.invest_verb is not None and sc.raise_verb is None):
            return None
        tokens, raise_verb = sc.tokens, sc.raise_verb
        start = sc.opened
        for i in range(start, min(len(tokens), start + _INVERTED_REACH)):
            word = tokens[i][3]
            if word in lx.AUXILIARIES or (
                raise_verb and tokens[i][0] == sc.c0 + raise_verb.start()
            ):
                following = i + 1
                if word not in lx.AUXILIARIES and following < len(tokens):
                    following += tokens[following][2] == "sich"  # "sicherte sich Flinko"
                following = _skip_adverbs(tokens, following)  # "erhält nun auch RhyGaze"
                names = _nouns_out(self._list(tokens, following, sc.amount_tokens), ok)
                return (names, len(names) > 1) if names else None
        # Any verb, where the clause names the round itself: "Vor wenigen Tagen startete X mit
        # ... einer 200 Mio. Serie-A-Finanzierung" (not "Von den Löwen benötigte X 500.000 Euro")
        verb = _fronted_verb(tokens, start) if raise_verb is None else -1
        if verb > 0 and lx.ROUND_NOUN.search(sc.clause):
            following = _skip_adverbs(tokens, verb + 1)
            names = _nouns_out(self._list(tokens, following, sc.amount_tokens), ok)
            return (names, len(names) > 1) if names else None
        return None

    def _of_round(self, sc: _Scope, ok: _Check, led: bool, free: bool) -> _Found:
        """Whose valuation or round: "Die Bewertung von xAI", "die Runde von Parloa"."""
        if "von" not in sc.clause:
            return None  # the usual case: no word to look at
        tokens = sc.tokens
        for i in range(1, len(tokens)):
            if tokens[i][2] == "von" and (
                _round_word(tokens[i - 1][2])
                or tokens[i - 1][3].startswith("bewertung")
                or _that_of_round(tokens, i - 1)
            ):
                found = self._noun_phrase(tokens, i + 1, sc.amount_tokens, definite=True)
                if found is not None and ok(found[0]):
                    return [found[0]], False
        return None

    def _for_or_of(self, sc: _Scope, ok: _Check, led: bool, free: bool) -> _Found:
        """Whose round or money: "Series G des Labors Anthropic", "20 Mrd. für Musks xAI"."""
        clause = sc.clause
        if "für" not in clause and "des" not in clause and "der" not in clause:
            return None  # no word to look at ("für" and _GENITIVE)
        tokens = sc.tokens
        for i, token in enumerate(tokens):
            word = token[3]
            if (word == "für" and _money_before(tokens, i, sc.amount_tokens)) or (
                word in _GENITIVE and i > 0 and _round_word(tokens[i - 1][2])
            ):
                found = self._noun_phrase(tokens, i + 1, sc.amount_tokens, definite=True)
                if found is not None and ok(found[0]):
                    return [found[0]], False
        return None

    def _described(self, sc: _Scope, ok: _Check, led: bool, free: bool) -> _Found:
        """A name after a descriptor: "sein Unternehmen Luma", "das Start-up Mistral AI"."""
        tokens = sc.tokens
        for i, token in enumerate(tokens):
            if _descriptor(token[2]) and i + 1 < len(tokens):
                found = self._noun_phrase(tokens, i + 1, sc.amount_tokens, bare=True)
                if found is not None and ok(found[0]):
                    return [found[0]], False
        return None

    def _after_colon(self, sc: _Scope, ok: _Check, led: bool, free: bool) -> _Found:
        """A list after a colon: "Große Beträge flossen in Tools: Baseten, Inferact und Arena"."""
        if not (sc.raise_verb or sc.flow_verb):
            return None
        for i, token in enumerate(sc.tokens):
            if token[2] == ":":
                names = [n for n in self._list(sc.tokens, i + 1, sc.amount_tokens) if ok(n)]
                return (names, True) if names else None
        return None

    def _full_name(self, name: _Name) -> str:
        """The name an abbreviation stands for where the text gave it in brackets before.

        "Die Europäische Investitionsbank (EIB) ...", later "die EIB": the Europäische
        Investitionsbank. Other names are themselves.
        """
        text = name.text
        if not text.isupper() or len(text) > _MAX_ABBREVIATION:
            return text
        # looked for in a bounded stretch before the name, as anaphors are: linear time
        at = self.text.rfind(f"({text})", max(0, name.start - _COREF_WINDOW), name.start)
        if at <= 0:
            return text
        words = self.text[max(0, at - _ANTECEDENT_REACH) : at].split()
        k = len(words)
        while k > 0 and words[k - 1][:1].isupper():
            k -= 1
        return " ".join(words[k:]) or text

    def _bare_noun(self, name: _Name) -> bool:
        """Whether the name is one word after an article and adjectives only: a common noun.

        "es wäre ein Wunder", "die Zahl der Runden", "dieser Plan", "die staatliche
        Geldquelle"; not "die Münchner Helsing" (a place before it),
        "das Start-up Parloa" (a descriptor) nor a name of capitals or digits ("die UBS").
        """
        if not _NOUN_SHAPE.fullmatch(name.text):
            return False
        before = self.text[max(0, name.start - 60) : name.start]
        words = [w.strip(_OPENING_MARKS) for w in before.split()]
        k = len(words) - 1
        while (
            k >= 0
            and _ADJECTIVE.fullmatch(words[k])
            and words[k] not in _NOT_ADJECTIVES
            and words[k] not in lx.COMMON_NOUN_OPENERS
            and words[k] not in lx.LIST_FILLERS  # "unter anderem Runway"
        ):
            k -= 1  # lower-case adjectives ("staatliche"), not "Münchner"
        if k < 0:
            return False
        opener = words[k].lower()
        if opener in lx.COMMON_NOUN_PREPOSITIONS:
            return k < len(words) - 1  # "in frühen Phasen", not "in Apian"
        return opener in lx.COMMON_NOUN_OPENERS

    def _attributed(self, name: _Name) -> bool:
        """Whether the name is a source of the news ("laut X", "X zufolge"), not an actor."""
        before = self.low[max(0, name.start - 8) : name.start]
        after = self.low[name.end : name.end + 10]
        before = before.rstrip()
        return (
            self._after_source_word(name)
            or after.lstrip().startswith(lx.SOURCE_AFTER)
            or (
                before.endswith(lx.REPORT_OPENERS)
                and lx.REPORT_VERB.match(after.lstrip()) is not None
            )
        )

    def _after_source_word(self, name: _Name) -> bool:
        """Whether the name ends the source after "laut" ("laut den Munich Startup Insights").

        The words between are capitalised or articles.
        """
        start = max(0, name.start - _ANTECEDENT_REACH)
        within = self.low[start : name.start]
        for word in lx.SOURCE_BEFORE:
            if word in within:
                break
        else:
            return False  # no source word within reach (the usual case): nothing to split
        words = self.text[start : name.start].split()
        k = len(words) - 1
        while k >= 0 and (words[k][:1].isupper() or words[k].lower() in lx.DETERMINERS):
            k -= 1
        return k >= 0 and words[k].lower() in lx.SOURCE_BEFORE

    # --- names -------------------------------------------------------------------------------

    def _subjects(self, tokens: list[_Token], verb: int, amount_tokens: set[int]) -> list[_Name]:
        """The names listed just before the verb at token ``verb`` (its subject).

        The list may start at the clause or after any comma ("Die Runde führt A an, B und C
        beteiligen sich": B and C); the longest list that ends at the verb is taken.
        """
        for k in range(verb):
            if k == 0 or tokens[k - 1][2] == ",":
                names, end = self._list_to(tokens, _skip_openers(tokens, k), amount_tokens)
                if names and end == verb:
                    return names
        return []

    def _list(self, tokens: list[_Token], i: int, amount_tokens: set[int]) -> list[_Name]:
        """The names listed from token ``i`` on ("A, B sowie die Staatsbank C und D")."""
        return self._list_to(tokens, i, amount_tokens)[0]

    def _list_to(
        self, tokens: list[_Token], i: int, amount_tokens: set[int]
    ) -> tuple[list[_Name], int]:
        """The names listed from token ``i`` on, and the index of the token after the list."""
        names: list[_Name] = []
        n = len(tokens)
        end = i
        while i < n:
            while i < n and _filler(tokens, i):
                i += 1
            if i + 1 < n and tokens[i + 1][3] in lx.SOURCE_AFTER:
                i += 2
                continue
            if i + 2 < n and tokens[i][3] in lx.DETERMINERS and tokens[i + 2][3] in lx.SOURCE_AFTER:
                i += 3  # "beteiligen sich den Angaben zufolge auch X": a source, no name
                continue
            found = self._noun_phrase(tokens, i, amount_tokens)
            if found is None:
                # "X, der katarische Staatsfonds und Y", "von bestehenden Aktionären und Y": an
                # item without a name
                k = _skip_description(tokens, i, amount_tokens) if names else i
                if not names and k < n and _is_trade_word(tokens[k][2]):
                    k += 1
                if k > i and k < n and tokens[k][3] in _JOINS:
                    i = k + 1
                    continue
                break
            name, i = found
            if (
                names
                and i < n
                and tokens[i][3] in lx.APPOSITION_AFTER
                and tokens[i - 2][2] == ","
                and _one_word(name)
            ):
                break  # "Christian Miele, Vorsitzender des Verbands, ...": a role, no name
            if not name.described and names:
                name.described = names[-1].described  # "die Gründer A und B": B is one too
            names.append(name)
            if i < n and tokens[i][2] == "(":
                i = _skip_brackets(tokens, i)
            if i < n and tokens[i][3] in lx.PLACE_PREPOSITIONS:
                i = _skip_place(tokens, i, amount_tokens)  # "Honeywell aus den USA und ..."
            elif i < n and tokens[i][3] == "mit":
                i = _skip_seat(tokens, i, amount_tokens)  # "A mit Sitz in Liestal, B ..."
            end = i
            if i < n and (tokens[i][3] in _JOINS or tokens[i][3] == "auch"):
                i += 1
                if i < n and tokens[i][3] in _JOINS:
                    i += 1
                continue
            break
        return names, end

    def _noun_phrase(
        self,
        tokens: list[_Token],
        i: int,
        amount_tokens: set[int],
        *,
        bare: bool = False,
        definite: bool = False,
    ) -> tuple[_Name, int] | None:
        """The name a noun phrase from token ``i`` ends in, and the index after it.

        Skips determiners, adjectives ("französische"), descriptors ("Staatsbank",
        "KI-Start-up", "Risikokapitalgeber wie") and possessors ("Yuri Milners"); ``bare``
        reads only the name itself.
        """
        determiner = described = False
        if not bare:
            opened = _open_phrase(tokens, i, amount_tokens, definite, not self._listing)
            if opened is None:
                return None
            i, determiner, described = opened
        start = i
        if self.entities:  # names from a NameFinder come first
            end = self._entity_end(tokens, start)
            if end > start:
                return self._name(tokens, start, end), end
        end = _name_end(tokens, start, amount_tokens)
        cut = _name_start(tokens, start, end, determiner, described)
        # Nouns of the trade after the name ("Parloa Finanzierung") are not part of it.
        while (
            end > cut
            and tokens[end - 1][3] in lx.NOT_NAMES
            and tokens[end - 1][3] not in lx.NAME_TAILS
        ):
            end -= 1
        if (
            end <= cut
            and self._listing
            and end - start == 1
            and _NAMED_GROUP.fullmatch(tokens[start][2])
        ):
            cut = start  # "der Schwarz-Gruppe" in a list of investors: a name, not a description
        if end <= cut:
            return None
        if self._known_index is not None:
            better = self._known_index.longest(tokens, start, end)
            if better is not None:
                cut, end = better
        if _no_name(tokens, cut, end):
            return None
        name = self._name(tokens, cut, end)
        for k in range(max(start - 3, 0), cut):
            if _descriptor(tokens[k][2]):
                name.described = tokens[k][3]
                # not "ein Start-up Insolvenz anmelden": an indefinite descriptor names no one
                name.marked = k == cut - 1 and (k == 0 or tokens[k - 1][3] not in _INDEFINITE)
        return name, max(end, cut)

    def _entity_end(self, tokens: list[_Token], start: int) -> int:
        """The index after the names a NameFinder found from token ``start`` on, else start."""
        entity_end = self.entities.get(tokens[start][0]) if start < len(tokens) else None
        end = start
        if entity_end is not None:
            while end < len(tokens) and tokens[end][1] <= entity_end:
                end += 1
        return end

    def _name(self, tokens: list[_Token], start: int, end: int) -> _Name:
        a = tokens[start][0]
        b = tokens[end - 1][1]
        return _Name(a, b, self.text[a:b])

    def _name_before(self, tokens: list[_Token], i: int, amount_tokens: set[int]) -> _Name | None:
        """The name that ends just before token ``i`` ("mit Earlybird als Lead-Investor")."""
        k = i
        while k > 0 and (k - 1) not in amount_tokens and _namey(tokens[k - 1][2]):
            k -= 1
        if k == i:
            return None
        for m in range(i - 1, k - 1, -1):
            if _descriptor(tokens[m][2]):  # "Kärntner Videostreaming-Start-up Bitmovin"
                k = m + 1
                break
        if k == i:
            return None
        found = self._noun_phrase(tokens, k, amount_tokens, bare=True)
        return found[0] if found is not None else None

    # --- joining clauses into rounds ---------------------------------------------------------

    def _add(self, clause: _Clause, sentence: Span, c0: int) -> None:
        """Join what a clause says to the round of its company (or of the one meant)."""
        if clause.each is not None and not clause.companies:
            if self.each is None:  # the first "jeweils" figure stands for the rest
                self.each = clause.each
                self.each_date = clause.date
                self.each_sentence = sentence
            return
        companies = clause.companies
        if companies and not clause.has_content() and not clause.raising:
            if len(companies) == 1:  # nothing of a round, but "das Start-up" may mean it next
                self.named = (companies[0], c0)
                self._unread.clear()
            return
        if not companies:
            self._add_unnamed(clause, sentence, c0)
            return
        if clause.listed and clause.amounts:
            companies = companies[:1]  # "A und B sammeln 10 Mio. ein": the amount is A's
        for company in companies:
            target: _Round | None = None if clause.earlier else self._latest(company.text)
            if target is not None and _conflicts(target, clause):
                target = None
            if target is None:
                target = self._new_round(company, earlier=clause.earlier)
            self._apply(target, clause, sentence, each=clause.each, listed=clause.listed)
            if not clause.earlier:
                self.current = target
                self.current_at = c0

    def _add_unnamed(self, clause: _Clause, sentence: Span, c0: int) -> None:
        """A clause without a company: it is about the one named before, if any.

        Not in a headline: "Siebenstellige Seed-Runde für Dating-Portal" announces what
        follows, not more of what came before.
        """
        if clause.generic or clause.fund or self._headline or not clause.has_content():
            return
        low = self.low[sentence.start : sentence.end]
        if _plural_only(clause, _without_comparison(low)):
            return  # many rounds, not "Wie schon in den Runden zuvor, beteiligten sich X"
        current = self._meant(clause, c0)
        if current is None or c0 - self.current_at > _COREF_WINDOW:
            return
        if clause.earlier:
            before = self._new_round(current.company, earlier=True)
            self._apply(before, clause, sentence)
            return
        if clause.round_type is not None and _conflicts(current, clause):
            # "Zusätzlicher Kredit in Höhe von 40 Mio. Euro": another round of it
            current = self._new_round(current.company, earlier=False)
            self.current = current
        self._apply(current, clause, sentence)
        self.current_at = c0

    def _meant(self, clause: _Clause, c0: int) -> _Round | None:
        """The round a clause without a company is about: of the company named last."""
        current = self.current
        if not (
            clause.amounts
            or clause.valuation
            or clause.round_type
            or clause.leads
            or clause.part_amounts  # "X investiert 15 Mio. in das Jungunternehmen"
        ):
            return current
        self._read_named(clause.anaphor)
        if self.named is not None and self.named[1] > self.current_at:
            name, at = self.named
            if c0 - at <= _COREF_WINDOW:
                current = self._latest(name.text)
                if current is None:
                    current = self._new_round(name, earlier=False)
                self.current = current
                self.current_at = at
            self.named = None
        return current

    def _later(self, c0: int, scope: _Scope) -> None:
        """Keep a clause that reports nothing, to read the company it names if it is asked for.

        Clauses further back than "das Start-up" may refer are dropped: their name could not
        be used anyway.
        """
        unread = self._unread
        unread.append((c0, scope))
        while unread and c0 - unread[0][0] > _COREF_WINDOW:
            unread.popleft()

    def _plain_scope(self, start: int, end: int) -> _Scope:
        """A sentence with no word of the trade as a clause: no amounts, no verbs of money."""
        scope = _Scope(self.text, start, end, self.low[start:end], (), [], None, None, None)
        scope.plain = True
        return scope

    def _read_named(self, anaphor: bool) -> None:
        """Set ``named`` from the latest kept clause that names exactly one company.

        A sentence with no word of the trade is read only for an anaphor ("Das Fintech-Start-up
        hatte ..." after "Ähnlich ist es bei Cashboard"), not for a figure without a company;
        it is kept for a later anaphor then.
        """
        unread = self._unread
        skipped: list[tuple[int, _Scope]] = []
        while unread:
            if unread[-1][0] <= self.current_at:
                unread.clear()  # named before the current round: not what "das Start-up" means
                return
            c0, scope = unread.pop()
            out = _Clause()
            if scope.plain and not anaphor:
                skipped.append((c0, scope))
                continue
            if scope.plain:  # no word of the trade: only a name the words around mark as one
                described = self._described(scope, _named_ok, False, True)
                out.companies = self._introduced(scope) or (described[0] if described else [])
            else:
                self._company(out, scope)
            if not out.companies:
                out.companies = self._leading_subject(scope) or self._legal_named(scope)
            if len(out.companies) == 1:
                self.named = (out.companies[0], c0)
                unread.clear()
                return
        unread.extend(reversed(skipped))

    def _leading_subject(self, sc: _Scope) -> list[_Name]:
        """A name that opens the clause before its verb: what a later anaphor may mean.

        "Auch Flummox überzeugte die Investoren": no rule reads a round in it, but "das
        Unternehmen" in the next sentence is Flummox.
        """
        tokens = sc.tokens
        i = sc.opened
        if i >= len(tokens) or not tokens[i][2][:1].isupper() or not _namey(tokens[i][2]):
            return []
        found = self._noun_phrase(tokens, i, sc.amount_tokens, bare=True)
        if found is None or not _named_ok(found[0]):
            return []
        after = found[1]
        if after >= len(tokens) or not tokens[after][2].islower():
            return []
        # Only after an opener ("Auch Flummox überzeugte"): first in a clause, one capitalised
        # word is as often an adverb ("Tagtäglich soll X", "Wo", "Genauer"); a name of
        # several words or of another shape ("Reflex Aerospace kann") is none.
        opened = any(tokens[k][2][:1].isalpha() for k in range(i))  # a word, not a quote
        if (opened or not _NOUN_SHAPE.fullmatch(found[0].text)) and tokens[after][
            3
        ] not in lx.NOT_NAMES:
            return [found[0]]
        return []

    def _legal_named(self, sc: _Scope) -> list[_Name]:
        """The one name with a legal form in the clause: what a later anaphor may mean.

        "Der K900 der Thurgauer Kemaro AG ist ziemlich schlau": "in das Unternehmen" in a later
        sentence is Kemaro.
        """
        tokens = sc.tokens
        found: list[_Name] = []
        for k in range(1, len(tokens)):
            if tokens[k][3] in lx.LEGAL_FORMS and _namey(tokens[k - 1][2]):
                name = self._noun_phrase(tokens, k - 1, sc.amount_tokens, bare=True)
                if name is not None and _named_ok(name[0]):
                    found.append(name[0])
        return found if len(found) == 1 else []

    def _introduced(self, sc: _Scope) -> list[_Name]:
        """The last name after "wie" or "bei" ("alte Bekannte wie Meteomatics").

        After a verb of naming ("heißt") only where its subject is a company: "Seine Firma
        heißt Figo", not "Der Gründer heißt Max Muster" (`_company_named`).
        """
        if not any(f" {word} " in sc.clause for word in lx.NAME_INTRODUCERS):
            return []
        tokens = sc.tokens
        for i in range(len(tokens) - 1, 0, -1):
            before = tokens[i - 1][3]
            if (
                before in lx.NAME_INTRODUCERS
                and _namey(tokens[i][2])
                and (before not in lx.NAMING_VERBS or _company_named(tokens, i - 1))
            ):
                found = self._noun_phrase(tokens, i, sc.amount_tokens, bare=True)
                if found is not None and not _common_noun(found[0].text):
                    return [found[0]]
        return []

    def _new_round(self, company: _Name, *, earlier: bool) -> _Round:
        """A new round of the company, indexed by its name (unless it is an earlier one)."""
        created = _Round(company)
        created.earlier = earlier
        created.order = len(self.rounds)
        self.rounds.append(created)
        if not earlier:
            key = _key(company.text)
            self._by_key[key] = created
            first = key.split()[0] if key else key
            if first != key and len(first) >= 3:
                self._by_first[first] = created
            self._names_count = -1
        return created

    def _latest(self, name: str) -> _Round | None:
        """The company's latest round that is not an earlier one ("Mistral" = "Mistral AI")."""
        key = _key(name)
        latest = self._by_key.get(key)
        by_first = self._by_first.get(key)
        if by_first is not None and (latest is None or by_first.order > latest.order):
            latest = by_first
        first = key.split()[0] if key else key
        if first != key and len(first) >= 3:
            of_first = self._by_key.get(first)
            if of_first is not None and (latest is None or of_first.order > latest.order):
                latest = of_first
        return latest

    def _apply(
        self,
        target: _Round,
        clause: _Clause,
        sentence: Span,
        *,
        each: _Money | None = None,
        listed: bool = False,
    ) -> None:
        """Add what the clause says to the round; facts already known are kept."""
        target.sentences[sentence.start] = sentence
        if not listed or clause.amounts or each is not None:
            target.listed_only = False
        if each is not None and not target.amounts:
            target.amounts.append(each)
        for entry in clause.amounts:
            if any(_same_money(entry, m) or _rounded(entry, m) for m in target.amounts):
                continue
            rough = [i for i, m in enumerate(target.amounts) if _rounded(m, entry)]
            if rough:  # "fünf Millionen Euro" in the headline, "5,25 Millionen Euro" now
                target.amounts[rough[0]] = entry
                continue
            bare = [i for i, m in enumerate(target.amounts) if _same_figure(m, entry)]
            if bare:  # "41 Millionen" before, "41 Millionen Euro" now: the one with a currency
                target.amounts[bare[0]] = entry
            elif not any(_same_figure(entry, m) for m in target.amounts):
                target.amounts.append(entry)
        if clause.valuation is not None and target.valuation is None:
            target.valuation = clause.valuation
            target.basis = clause.basis
        if clause.round_type is not None and target.round_type is None:
            target.round_type = clause.round_type
        if clause.date is not None and target.date is None:
            target.date = clause.date
        self._apply_parts(target, clause)
        if clause.has_content() or each is not None:
            target.listed_only = target.listed_only and listed

    def _apply_parts(self, target: _Round, clause: _Clause) -> None:
        """Add the clause's leads, investors and investors' parts and stakes to the round."""
        own = _key(target.company.text)  # a list that ran on ("..., teilte Gropyus mit")
        for name in clause.leads:
            if _key(name.text) != own:
                target.part(name).lead = True
                self.last_investor = name
        for name in clause.investors:
            if _key(name.text) != own:
                target.part(name)
                self.last_investor = name
        for name in clause.invest_subjects:
            part = target.part(name)
            part.amounts += clause.part_amounts
            if clause.stake is not None:
                part.stake = clause.stake
            self.last_investor = name
        if clause.part_amounts and not clause.invest_subjects:
            whose = _anaphoric_investor(target)
            if whose is not None:
                whose.amounts += clause.part_amounts
                if clause.stake is not None and whose.stake is None:
                    whose.stake = clause.stake
        if clause.lead_anaphor and self.last_investor is not None:
            target.part(self.last_investor).lead = True

    # --- the result --------------------------------------------------------------------------

    def _finish(self) -> list[RoundMention]:
        out: list[RoundMention] = []
        for r in self.rounds:
            if not r.amounts and self.each is not None and r.listed_only:
                r.amounts.append(self.each)
                assert self.each_sentence is not None
                r.sentences[self.each_sentence.start] = self.each_sentence
                if r.date is None:
                    r.date = self.each_date
            if not r.amounts and len(r.parts) == 1:
                only = next(iter(r.parts.values()))
                if only.amounts:
                    r.amounts = list(only.amounts)
            if not (r.amounts or r.parts) and (
                r.round_type is None or r.round_type[0] in lx.NOUN_TYPES
            ):
                # a valuation alone is no round ("OpenAI wird mit 80 Mrd. bewertet"), nor a
                # type that is also a common noun ("Mithilfe des Darlehens sollen ...")
                continue
            if r.round_type is not None and r.round_type[0] in lx.NOT_ROUND_TYPES:
                continue  # a grant or subsidy, no round
            out.append(self._mention(r))
        return out

    def _mention(self, r: _Round) -> RoundMention:
        text = self.text
        amount, amount_span, others = _pick(r.amounts)
        parts = []
        for part in r.parts.values():
            p_amount, p_span, p_others = _pick(part.amounts)
            parts.append(
                InvestorMention(
                    name=part.name.text,
                    span=part.name.span(),
                    lead=part.lead,
                    amount=p_amount,
                    amount_span=p_span,
                    other_amounts=p_others,
                    stake=part.stake.amount if part.stake else None,
                    stake_span=part.stake.span if part.stake else None,
                    investor_id=self._link("investors", part.name.text),
                )
            )
        sentences = tuple(sorted(r.sentences.values(), key=lambda s: s.start))
        start, end = sentences[0].start, sentences[-1].end  # sentences do not overlap
        return RoundMention(
            company=r.company.text,
            company_span=r.company.span(),
            start=start,
            end=end,
            text=text[start:end],
            amount=amount,
            amount_span=amount_span,
            other_amounts=others,
            valuation=r.valuation.amount if r.valuation else None,
            valuation_span=r.valuation.span if r.valuation else None,
            valuation_basis=r.basis,
            round_type=r.round_type[0] if r.round_type else RoundType.UNKNOWN,
            round_type_span=r.round_type[1] if r.round_type else None,
            leads=tuple(p.name for p in parts if p.lead),
            investors=tuple(p.name for p in parts),
            participations=tuple(parts),
            announced=r.date[0] if r.date else None,
            announced_span=r.date[1] if r.date else None,
            sentences=sentences,
            company_id=self._link("companies", r.company.text),
        )

    def _link(self, kind: str, name: str) -> str | None:
        if self._known_index is None:
            return None
        return self._known_index.ids[kind].get(_key(name))


# --- helpers ----------------------------------------------------------------------------------


def _fronted_preposition(sc: _Scope) -> bool:
    """Whether a preposition opens the clause ("Mittels einer Anleihe beteiligt sich X")."""
    tokens, opened = sc.tokens, sc.opened
    return opened < len(tokens) and tokens[opened][3] in _PREPOSITIONS


def _contribution(clause: str) -> re.Match[str] | None:
    """A verb of giving whose subject invests in the round ("stellten Kapital zur Verfügung")."""
    verb = lx.CONTRIBUTE_VERB.search(clause)
    return verb if verb is not None and lx.CONTRIBUTED.search(clause) is not None else None


def _nouns_out(names: list[_Name], ok: _Check) -> list[_Name]:
    """The names of a list that may be the company; none if one of them is a common noun.

    "sind Anzahl und Umfang von Finanzierungsrunden zurückgefallen": a list with a common
    noun in it is a list of nouns, not of companies.
    """
    if not names or not all(_name_shaped(n) for n in names):
        return []
    return [n for n in names if ok(n)]


def _plural_only(clause: _Clause, sentence: str) -> bool:
    """A clause about many rounds ("Bewertungen im dreistelligen Milliardenbereich")."""
    return (
        not clause.anaphor
        and not clause.round_type
        and lx.PLURAL_ROUNDS.search(sentence) is not None
        and lx.ROUND_NOUN.search(lx.PLURAL_ROUNDS.sub("", sentence)) is None
    )


def _sentences(text: str) -> Iterable[tuple[int, int]]:
    """The (start, end) of each sentence, leading and trailing space left out."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start()
        mark = text[m.start()]
        if mark in ".":
            before = text[max(start, end - 12) : end].split()
            word = before[-1].lower() if before else ""
            if word.isdigit() and len(word) <= 2:
                continue  # "17. Februar"
            if word.rstrip(".") in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            following = text[m.end() : m.end() + 1]
            if following.islower():
                continue
        yield from _cut(text, start, end + (1 if mark in ".!?…" else 0))
        start = m.end()
    yield from _cut(text, start, len(text))


def _headline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a headline.

    A paragraph of one line with no final punctuation (a blank line or the end of the text
    after it: a hard-wrapped line of prose is no headline), or a ticker line between "+++".
    """
    if text.startswith("+++", start) or text.endswith("+++", start, end):
        return True
    if text[end - 1] in _SENTENCE_END or (start > 0 and text[start - 1] not in "\n\r"):
        return False
    return _PARAGRAPH_END.match(text, end) is not None


def _cut(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """``text[start:end]`` stripped, in pieces of at most _MAX_SENTENCE characters."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > _MAX_SENTENCE:
        cut = text.rfind(" ", start + _MAX_SENTENCE // 2, start + _MAX_SENTENCE)
        if cut <= start:
            cut = start + _MAX_SENTENCE
        yield start, cut
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def _clauses(sentence: str) -> list[tuple[int, int, tuple[tuple[int, int], ...]]]:
    """The clauses of a sentence: (start, end, holes), clauses whose company is named first.

    A relative clause inside a main clause ("Parloa, das 2018 gegründet wurde, sammelt ...")
    is a hole in the main clause and is read on its own right after it. A clause "wie X
    mitteilte" comes first: it names the company the other clauses are about.
    """
    out: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []
    inner: list[tuple[int, int, tuple[tuple[int, int], ...]]] = []
    holes: list[tuple[int, int]] = []
    start = 0
    resume = 0
    for m in _CLAUSE_OPENERS.finditer(sentence):
        if m.start() < resume:
            continue
        if m[0].strip() in _DASHES and (close := _dash_end(sentence, m.end())) > 0:
            resume = close + 1  # "Investoren – darunter X – haben ...": one clause, as with commas
            continue
        close = _relative_end(sentence, m) if lx.RELATIVE_OPENER.match(sentence, m.start()) else -1
        if close > 0:
            inner.append((m.end(), close, ()))
            holes.append((m.start(), close + 1))
            resume = close + 1
            continue
        if m.start() > start:
            out.append((start, m.start(), tuple(holes)))
            out += inner
        holes, inner = [], []
        start = m.end()
    if start < len(sentence):
        out.append((start, len(sentence), tuple(holes)))
        out += inner
    if "wie" not in sentence.lower():  # no clause "wie X mitteilte"
        return out
    first = [c for c in out if lx.ANNOUNCER.match(sentence[c[0] : c[1]].lower())]
    return first + [c for c in out if c not in first] if first else out


def _dash_end(sentence: str, start: int) -> int:
    """The dash that closes a list between dashes from ``start``, else -1.

    "Investoren – darunter die Deutsche Börse – haben 7 Mio. in die Firma gesteckt": the list
    opens with a word of `_lexicon.PARENTHESIS_OPENERS`; the dashes split no clause.
    """
    words = sentence[start : start + 20].split(None, 1)
    if not words or words[0].lower() not in lx.PARENTHESIS_OPENERS:
        return -1
    ends = [sentence.find(dash, start, start + _MAX_PARENTHESIS) for dash in _DASHES]
    found = [end for end in ends if end > 0 and sentence[end - 1].isspace()]
    return min(found) if found else -1


def _invest_verb(text: str, c0: int, clause: str) -> re.Match[str] | None:
    """The first verb of investing in the clause at ``c0``, not the end of a name.

    "Neben Kelvo Invest und Tamis beteiligt sich auch Noma": the verb is "beteiligt", and
    "Invest" (a word of `_lexicon.NAME_TAILS`, capitalised, after a name's word) ends a name.
    """
    found = lx.INVEST_VERB.search(clause)
    while found is not None and found[0] in lx.NAME_TAILS:
        at = c0 + found.start()
        before = text[max(c0, at - _ANTECEDENT_REACH) : at].split()
        if not (text[at].isupper() and before and before[-1][:1].isupper()):
            break
        if not _namey(before[-1]):
            break
        found = lx.INVEST_VERB.pattern.search(clause, found.end())
    return found


def _fronted_verb(tokens: list[_Token], i: int) -> int:
    """The index of the finite verb after a phrase of time or place at token ``i``, else -1.

    "Vor wenigen Tagen startete X ...", "Im März gab X ... bekannt": a preposition, articles
    and adjectives in lower case, a noun (or a number); the word in lower case after it is
    the verb, and the subject follows it (German puts the finite verb second). Only a verb
    whose subject owns the round (`_lexicon.ROUND_OWNER_VERBS`), not "Am Montag kommentierte
    Bundesminister Y die Finanzierungsrunde".
    """
    n = len(tokens)
    if i >= n or tokens[i][3] not in lx.COMMON_NOUN_PREPOSITIONS:
        return -1
    k = i + 1
    while k < min(n, i + 4) and (
        tokens[k][3] in lx.DETERMINERS or _ADJECTIVE_WORD.fullmatch(tokens[k][2])
    ):
        k += 1
    if k + 1 >= n or not (tokens[k][2][:1].isupper() or tokens[k][2].isdigit()):
        return -1
    verb = tokens[k + 1][2]
    if verb not in lx.ROUND_OWNER_VERBS:
        return -1
    return k + 1


def _company_named(tokens: list[_Token], verb: int) -> bool:
    """Whether the word before the verb of naming at ``verb`` is a company's descriptor.

    "Seine Firma heißt Figo": yes; "Der Gründer heißt ..." (a person), "Der Fonds heißt ..."
    (an investor), "Das Produkt heißt ..." (no descriptor): no.
    """
    if verb < 1:
        return False
    word, low = tokens[verb - 1][2], tokens[verb - 1][3]
    return (
        _descriptor(word)
        and lx.PERSON_DESCRIPTOR.search(low) is None
        and lx.INVESTOR_DESCRIPTOR.search(low) is None
    )


def _without_comparison(low: str) -> str:
    """``low`` with its comparisons with earlier rounds blanked (`_lexicon.LIKE_BEFORE`).

    "Wie schon in der Seed-Runde zuvor beteiligte sich X": the round it is compared with is
    no earlier round the clause reports, and its type ("Seed") is not this round's. Blanked
    with spaces, so that a position in the result is the same position in ``low``.
    """
    if lx.LIKE_BEFORE.search(low) is None:  # gated: most clauses hold no "wie"
        return low
    return lx.LIKE_BEFORE.pattern.sub(lambda m: " " * len(m[0]), low)


#: The word after a position, past white space (`_name_follows`).
_NEXT_WORD: Final = re.compile(r"\s+(\S+)")


def _name_follows(text: str, at: int) -> bool:
    """Whether a name follows ``at`` in ``text``: "der Fonds [HV Capital]" names an investor."""
    m = _NEXT_WORD.match(text, at)
    return m is not None and m[1][:1].isupper() and _namey(m[1])


def _relative_end(sentence: str, opener: re.Match[str]) -> int:
    """The comma that closes a relative clause inside a main clause, else -1.

    The relative clause ends in its verb ("..., das 2018 gegründet wurde,") and the main
    clause goes on with its own finite verb (", sammelt").
    """
    close = sentence.find(",", opener.end(), opener.end() + 200)
    if close < 0:
        return -1
    before = sentence[opener.end() : close].split()
    after = sentence[close + 1 : close + 40].split()
    if not before or not after or not before[-1][:1].islower():
        return -1
    return close if _is_verb(after[0]) else -1


@functools.lru_cache(maxsize=1 << 16)
def _common_noun(name: str) -> bool:
    """Whether a one-word name has the shape of a German common noun ("Bildung", "Robotik")."""
    return _NOUN_SHAPE.fullmatch(name) is not None and lx.COMMON_NOUN_END.search(name) is not None


@functools.lru_cache(maxsize=1 << 16)
def _is_verb(word: str) -> bool:
    return _VERB.match(word) is not None


@functools.lru_cache(maxsize=1 << 16)
def _descriptor(word: str) -> bool:
    """Whether a word describes a company or investor ("Start-up", "Staatsbank")."""
    return _DESCRIPTOR.search(word) is not None


@functools.lru_cache(maxsize=1 << 16)
def _namey(word: str) -> bool:
    """Whether a word may be (part of) a name: a capital, an inner capital, digits, "&"."""
    first = word[0]
    if not (first.isalnum() or first == "&"):
        return False
    low = word.lower()
    if low in lx.NOT_NAMES or _TRADE_NOUN.search(low):
        return False
    if first.isupper():
        if word.startswith(("Ex-", "Ex‑")):
            return False  # "Ex-Nationalspieler"
        return _ABBREVIATED_NOUN.fullmatch(word) is None  # "KI-Infrastruktur" is no name
    if first.isdigit():
        return any(c.isalpha() for c in word) and word[-1] != "."
    if "-" in word:
        return False  # "innen-Konsortien", "e-Mobilität"
    if "." in word.strip("."):
        # "crate.io" is a name; "eingehen.Heißt" is two sentences whose space the page lost
        return not word.rpartition(".")[2][:1].isupper()
    return any(c.isupper() for c in word[1:]) or "&" in word


def _filler(tokens: list[_Token], i: int) -> bool:
    low = tokens[i][3]
    if low in lx.LIST_FILLERS or low == "anderem":
        return True
    return low == "u" and i + 1 < len(tokens) and tokens[i + 1][2] == "."


def _skip_openers(tokens: list[_Token], i: int) -> int:
    n = len(tokens)
    i = _skip_dateline(tokens, i)
    while i < n and (tokens[i][3] in _OPENERS or _filler(tokens, i) or tokens[i][2] in _LEADING):
        i += 1
    return i


def _skip_adverbs(tokens: list[_Token], i: int) -> int:
    """The index after the adverbs written in lower case from token ``i`` on ("nun auch")."""
    n = len(tokens)
    for _ in range(3):
        if i >= n:
            break
        word, low = tokens[i][2], tokens[i][3]
        if not (word.islower() and low in lx.NOT_NAMES and low not in lx.DETERMINERS):
            break
        if low in _NOT_ADVERBS:
            break
        i += 1
    return i


def _name_shaped(name: _Name) -> bool:
    """Whether a name is no common noun: not of its shape, or marked by a descriptor.

    The descriptor must stand right before it, and then the ending does not matter ("der
    Lebensmittellieferant Rohlik", "Anbieter Carvolution"; not "Start-ups sichern sich
    Spitzensummen").
    """
    return name.marked or not _common_noun(name.text)


def _named_ok(name: _Name | None) -> bool:
    """Whether a name found in a sentence with no word of the trade may be a company."""
    return (
        name is not None
        and _name_shaped(name)
        and not lx.INVESTOR_DESCRIPTOR.search(name.described)
        and lx.PERSON_DESCRIPTOR.search(name.described) is None
        and lx.SOURCE_DESCRIPTOR.search(name.described) is None
    )


def _after_comma(tokens: list[_Token], starts: list[int], name: _Name) -> bool:
    """Whether the name (and the descriptors before it) follows a comma or "und"."""
    k = bisect.bisect_left(starts, name.start) - 1
    while k >= 0 and (_descriptor(tokens[k][2]) or tokens[k][3] in lx.DETERMINERS):
        k -= 1
    return k >= 0 and tokens[k][3] in (",", "und", "sowie")


def _one_word(name: _Name) -> bool:
    return " " not in name.text


def _introduces_name(token: _Token) -> bool:
    """A determiner, adjective or descriptor before a name ("dem", "Tiroler", "Start-up")."""
    word = token[2]
    return (
        token[3] in lx.DETERMINERS
        or _CITY_ADJECTIVE.fullmatch(word) is not None
        or _ADJECTIVE.fullmatch(word) is not None
        or _descriptor(word)
    )


def _skip_dateline(tokens: list[_Token], i: int) -> int:
    """The index after a dateline at ``i`` ("25. Mai 2021:"), else ``i``."""
    k = i
    while k < min(len(tokens), i + _DATELINE_WORDS) and (
        tokens[k][2].isdigit() or tokens[k][2] == "." or tokens[k][3] in lx.MONTHS
    ):
        k += 1
    if k > i and k < len(tokens) and tokens[k][2] == ":":
        return k + 1
    return _skip_place_dateline(tokens, i)


def _skip_place_dateline(tokens: list[_Token], i: int) -> int:
    """The index of the article after a dateline of places, else ``i``.

    "Düsseldorf, Frankfurt Die junge Technologiefirma HiveMQ erhält ...", "Basel (awp) - Das
    Pharmaunternehmen Basilea ...": capitalised words, commas, a dash and an agency in
    brackets, then a capitalised article that opens the sentence proper.
    """
    depth = 0
    for k in range(i, min(len(tokens), i + _DATELINE_WORDS + 3)):
        word = tokens[k][2]
        if k > i and depth == 0 and word in lx.DATELINE_ARTICLES:
            return k
        if word == "(":
            depth += 1
        elif word == ")":
            depth -= 1
        elif depth == 0 and word not in lx.DATELINE_SIGNS and not word[:1].isupper():
            return i
    return i


@functools.lru_cache(maxsize=1 << 16)
def _is_trade_word(name: str) -> bool:
    return name.lower() in lx.NOT_NAMES or _TRADE_NOUN.search(name.lower()) is not None


def _open_phrase(
    tokens: list[_Token], i: int, amount_tokens: set[int], definite: bool, genitive: bool = True
) -> tuple[int, bool, bool] | None:
    """Where the name of a noun phrase from token ``i`` may start (at most 8 words on).

    Also whether a determiner and a descriptor were passed; None where no name can follow
    (an amount, or an indefinite article where a definite phrase is wanted: "für eine
    tektonische Verschiebung").
    """
    n = len(tokens)
    determiner = described = False
    for _ in range(8):
        if i >= n:
            break
        word, low = tokens[i][2], tokens[i][3]
        if i in amount_tokens:
            return None
        if word in _QUOTES and i + 1 < n and _namey(tokens[i + 1][2]):
            i += 1  # a name in quotes: 'das Start-up "Memphis Meats"'
            break
        if low in lx.DETERMINERS:
            if definite and low in _INDEFINITE:
                return None
            determiner = True
        elif low in lx.DESCRIPTOR_OPENERS and i + 1 < n and _descriptor(tokens[i + 1][2]):
            pass  # "der Business Angel X"
        elif (
            i + 1 < n
            and _descriptor(tokens[i + 1][2])  # remembered per word: tested first
            and _CITY_ADJECTIVE.fullmatch(word)
            and lx.CITY_NAMED.search(tokens[i + 1][3]) is None
        ):
            pass  # a place before a descriptor: "das Schweizer Softwareunternehmen Avaloq"
        elif _skippable(word, low):
            pass
        elif (
            i + 1 < n
            and tokens[i + 1][3] == "wie"
            and (i + 2 >= n or tokens[i + 2][3] != "auch")  # "A wie auch B" lists both
            and _NOUN_SHAPE.fullmatch(word)
        ):
            described = True  # "einschlägigen Finanzierungsinstitutionen wie dem HTGF": examples
        elif (
            genitive
            and _descriptor(word)
            and i + 2 < n
            and (
                tokens[i + 1][3] in _GENITIVE
                # "die Enzymspezialisten von Twogee Biotech", not "die Hersteller von
                # Elektro-Scootern" (one word of a common noun's shape: what they make)
                or (tokens[i + 1][3] == "von" and i + 3 < n and _namey(tokens[i + 3][2]))
            )
            and _namey(tokens[i + 2][2])
            and lx.OWNED_NOUN.search(low) is None
            and lx.PERSON_DESCRIPTOR.search(low) is None  # "Chef der Kette X": his employer
        ):
            # "die Blockchain-Spezialisten der Dfinity Foundation" (not "die Start-ups der ETH":
            # the owner), not in a list of investors ("X, der Beteiligungsfirma des Y")
            described = True
            i += 1
        elif determiner and (attribute := _attribute_end(tokens, i, amount_tokens)) > i:
            i = attribute - 1  # "Die von ihm 2012 gegründete Checkout.com": the name follows
        elif (
            _descriptor(word)
            and i + 1 < n
            and (
                tokens[i + 1][3] in ("wie", "darunter")
                or _namey(tokens[i + 1][2])
                or (tokens[i + 1][2] in _QUOTES and i + 2 < n and _namey(tokens[i + 2][2]))
            )
        ):
            described = True  # "Risikokapitalgeber wie", "Staatsbank Bpifrance"
        else:
            break
        i += 1
    return i, determiner, described


def _attribute_end(tokens: list[_Token], i: int, amount_tokens: set[int]) -> int:
    """The token after an attributive phrase that starts at token ``i``, after an article.

    "Die [von ihm 2012 gegründete] Checkout.com", "der [in Köln ansässige] Hersteller X",
    "das [2019 gegründete] Start-up Y": a preposition or a year opens it, a lower-case
    participle or adjective ends it, and a name or a descriptor follows. Else ``i``.
    """
    n = len(tokens)
    if i >= n or not (tokens[i][3] in lx.ATTRIBUTE_OPENERS or tokens[i][2].isdigit()):
        return i
    for k in range(i + 1, min(n - 1, i + _ATTRIBUTE_WORDS)):
        word = tokens[k][2]
        if k in amount_tokens or not (word[:1].isalnum()):
            return i
        if _ATTRIBUTE.fullmatch(word) and word not in _NOT_ADJECTIVES:
            following = tokens[k + 1][2]
            return k + 1 if _namey(following) or _descriptor(following) else i
    return i


@functools.lru_cache(maxsize=1 << 16)
def _skippable(word: str, low: str) -> bool:
    """An adjective or a list word before a name ("französische", "darunter")."""
    return low in ("wie", "darunter", "namentlich") or (
        len(word) >= 5
        and _ADJECTIVE.fullmatch(word) is not None
        and low not in _NOT_ADJECTIVES
        and lx.INVEST_VERB.pattern.fullmatch(low) is None  # "..., außerdem investieren X"
    )


def _name_end(tokens: list[_Token], start: int, amount_tokens: set[int]) -> int:
    """The index after the words from ``start`` on that may be part of a name."""
    n = len(tokens)
    end = start
    while end < n and end not in amount_tokens:
        word = tokens[end][2]
        if _namey(word) or _descriptor(word):
            end += 1
            continue
        joined = word in ("&", "of") and end + 1 < n and _namey(tokens[end + 1][2])
        tail = end > start and tokens[end][3] in lx.NAME_TAILS and word[0].isupper()
        # a small number after a name word is part of it ("die Firma Neuron 23"), not a year,
        # nor a count of the noun after it ("hat Lorka 120 Mitarbeiter", "von X 12 Monate")
        numbered = (
            end > start
            and word.isdigit()
            and len(word) <= 3
            and tokens[end - 1][2][:1].isupper()
            and not (
                end + 1 < n
                and tokens[end + 1][2][:1].isupper()
                and tokens[end + 1][3] not in lx.NAME_SUFFIXES
                and tokens[end + 1][3] not in lx.LEGAL_FORMS
            )
        )
        if joined or tail or numbered:
            end += 1
        else:
            break
    return end


def _name_start(
    tokens: list[_Token], start: int, end: int, determiner: bool, described: bool
) -> int:
    """Where the name starts: after leading descriptors, generic nouns and possessors."""
    cut = start
    for k in range(start, end):
        following = k + 1 < end
        if _leading_descriptor(tokens, k, cut, following) or (
            tokens[k][3] in lx.NOT_NAMES and (k == cut or tokens[k][3] not in lx.NAME_TAILS)
        ):
            cut = k + 1
        elif following and _possessor(tokens, k, start):
            cut = k + 1  # "Yuri Milners DST Global", "Elon Musks xAI", "Eks Fonds X"
        elif (
            following
            and k == start
            and determiner
            and _CITY_ADJECTIVE.fullmatch(tokens[k][2])
            and end - k >= 2
            and not (end - k == 2 and lx.CITY_NAMED.search(tokens[k + 1][3]))
            # a place adjective stands before the descriptor, not after it: "die US-Fonds
            # Frazier Life Sciences" is a name (a surname), "das Berliner Start-up X" a place
            and not (k > 0 and _descriptor(tokens[k - 1][2]))
        ):
            cut = k + 1  # "die Münchner Helsing"
        elif following and k == cut and not described and _generic_noun(tokens, k, end, determiner):
            cut = k + 1  # "Der Robo-Advisor Scalable Capital", "Das Immobilienportal Propster"
    return cut


def _leading_descriptor(tokens: list[_Token], k: int, cut: int, following: bool) -> bool:
    """A descriptor before the name ("Start-up"), perhaps after city adjectives."""
    return _descriptor(tokens[k][2]) and (
        k == cut
        or (
            following
            and all(
                _CITY_ADJECTIVE.fullmatch(tokens[j][2]) or _ADJECTIVE_WORD.fullmatch(tokens[j][2])
                for j in range(cut, k)
            )
        )
    )


def _possessor(tokens: list[_Token], k: int, start: int) -> bool:
    """A genitive before a name: "Yuri Milners DST Global", "Elon Musks xAI"."""
    word, low = tokens[k][2], tokens[k][3]
    after = tokens[k + 1]
    return (
        len(word) >= 3
        and word.endswith("s")
        and low not in lx.NAME_SUFFIXES
        and after[3] not in lx.NAME_SUFFIXES
        and _namey(after[2])
        and (_descriptor(after[2]) or (k > start and not _descriptor(tokens[k - 1][2])))
    )


def _generic_noun(tokens: list[_Token], k: int, end: int, determiner: bool) -> bool:
    """A common noun before a name: "Der Robo-Advisor Scalable Capital"."""
    word = tokens[k][2]
    return (
        (determiner or (len(word) >= 12 and end - k >= 3))
        and _NOUN_SHAPE.fullmatch(word) is not None
        and _NAME_ADJECTIVE.fullmatch(word) is None
        and ("-" in word or len(word) >= 9)
        and _namey(tokens[k + 1][2])
        # "die Leukocare AG"; "die Münchener Rück" (the noun itself, not a compound of it:
        # "die Rostocker Ostseesparkasse" is the Ostseesparkasse)
        and not (
            end - k == 2
            and (tokens[k + 1][3] in lx.LEGAL_FORMS or lx.CITY_NAMED.match(tokens[k + 1][3]))
        )
    )


def _no_name(tokens: list[_Token], cut: int, end: int) -> bool:
    """Words that are no name: "Investment" alone, "Große Technologieunternehmen"."""
    if end - cut == 1 and tokens[cut][3] in lx.NOT_ALONE:
        return True
    # adjectives and places before a descriptor, no name: "Große Technologieunternehmen",
    # "Innovative Wiener Jungunternehmen"
    return (
        end - cut >= 2
        and _descriptor(tokens[end - 1][2])
        # "Dapper Labs", "Zapper Group", "Twogee Biotech" name; "Junge Biotech" describes
        and (tokens[end - 1][3] not in lx.NAME_SUFFIXES or tokens[cut][3] in lx.COMMON_ADJECTIVES)
        and _ADJECTIVE.fullmatch(tokens[cut][3]) is not None
        # a capital inside the sentence makes it part of a name: "die Norddeutsche Landesbank"
        and (cut == 0 or _NAME_ADJECTIVE.fullmatch(tokens[cut][2]) is None)
        and all(
            _ADJECTIVE.fullmatch(tokens[k][3]) or _CITY_ADJECTIVE.fullmatch(tokens[k][2])
            for k in range(cut + 1, end - 1)
        )
    )


def _skip_description(tokens: list[_Token], i: int, amount_tokens: set[int]) -> int:
    """The index after a short description without a name ("der katarische Staatsfonds")."""
    k = i
    while k < min(len(tokens), i + 5) and k not in amount_tokens:
        word = tokens[k][2]
        low = word.lower()
        if low in lx.DETERMINERS or _ADJECTIVE.fullmatch(word) or _descriptor(word):
            k += 1
        else:
            break
    return k


def _skip_place(tokens: list[_Token], i: int, amount_tokens: set[int]) -> int:
    """The index after "aus (den) Place" behind a listed name, where the list goes on.

    "die Zulieferer Honeywell aus den USA und Aciturri aus Spanien": the place is no item.
    Token ``i`` is the preposition; ``i`` itself when no joined list follows the place.
    """
    n = len(tokens)
    j = i + 1
    if j < n and tokens[j][3] in _GENITIVE | {"den", "dem"}:
        j += 1
    if j >= n or j in amount_tokens or not tokens[j][2][:1].isupper():
        return i  # a place, though "USA" or "Wien" are no names
    # a place of several words: "aus den Vereinigten Arabischen Emiraten", "aus New York"
    last = min(n, j + _PLACE_WORDS)
    j += 1
    while j < last and j not in amount_tokens and tokens[j][2][:1].isupper():
        j += 1
    return j if j < n and tokens[j][3] in _JOINS else i


def _skip_seat(tokens: list[_Token], i: int, amount_tokens: set[int]) -> int:
    """The index after "mit Sitz in Place" behind a listed name, where a comma goes on.

    "HEMEX mit Sitz in Liestal BL, VP Venture Partners aus Zürich": the seat is no item.
    Token ``i`` is "mit"; ``i`` itself when no comma follows the place ("X mit Standorten in
    Zug und München angeführt": the places end the list).
    """
    n = len(tokens)
    j = i + 3
    if not (
        j < n and tokens[i + 1][3] in lx.PLACE_NOUNS and tokens[i + 2][3] in lx.SEAT_PREPOSITIONS
    ):
        return i
    k = j
    while k < n and k - j < 3 and k not in amount_tokens and tokens[k][2][:1].isupper():
        k += 1
    return k if j < k < n and tokens[k][2] == "," else i


def _skip_brackets(tokens: list[_Token], i: int) -> int:
    """The index after the ")" closing the "(" at ``i`` (within 12 words), else ``i``."""
    for k in range(i + 1, min(len(tokens), i + 12)):
        if tokens[k][2] == ")":
            return k + 1
    return i


def _verb_follows(tokens: list[_Token], name: _Name, amount_tokens: set[int]) -> bool:
    """Whether the name is followed by a lower-case word (its verb), brackets aside."""
    for i, token in enumerate(tokens):
        if token[0] >= name.end:
            if token[2] in _QUOTES and token[0] == name.end:
                continue  # 'Das Start-up "Kelpo" hat'
            if token[2] == "(":
                i = _skip_brackets(tokens, i)
            elif token[2] == ",":
                i = _skip_apposition(tokens, i)
            if i >= len(tokens):
                return False
            return _is_verb(tokens[i][2])
    return False


def _skip_apposition(tokens: list[_Token], i: int) -> int:
    """The index after an apposition at ``i`` (within 12 words), else ``i``.

    It opens with a determiner (", ein Start-up aus Köln,") or with a descriptor, the article
    left out (", Betreiber der Flixbusse,", ", Hersteller von Batterien,").
    """
    if i + 1 >= len(tokens) or not (
        tokens[i + 1][3] in lx.DETERMINERS or _descriptor(tokens[i + 1][2])
    ):
        return i
    for k in range(i + 2, min(len(tokens), i + 12)):
        if tokens[k][2] == ",":
            return k + 1
    return i


def _is_object(tokens: list[_Token], name: _Name) -> bool:
    """Whether the name follows "in", "an" or "bei" (the company, not an investor)."""
    previous = None
    for token in tokens:
        if token[0] >= name.start:
            break
        previous = token
    return previous is not None and previous[3] in _PREPOSITIONS_IN


def _that_of_round(tokens: list[_Token], i: int) -> bool:
    """A demonstrative for a round named before: "die größte Runde war jene von X"."""
    return tokens[i][3] in _THAT_OF and any(_round_word(t[2]) for t in tokens[max(0, i - 10) : i])


@functools.lru_cache(maxsize=1 << 16)
def _round_word(word: str) -> bool:
    return _ROUND_WORD.match(word.lower()) is not None or (len(word) == 1 and word.isupper())


def _money_before(tokens: list[_Token], i: int, amount_tokens: set[int]) -> bool:
    """Whether an amount or a word of money stands just before token ``i``."""
    return any(
        k in amount_tokens or _round_word(tokens[k][2]) or tokens[k][3] in lx.MONEY_WORDS
        for k in range(max(0, i - 3), i)
    )


def _not_a_round(near: str, written: str = "") -> bool:
    """Whether the words before an amount name revenue, a fund, a budget ("Fonds über").

    Not when a verb of raising or investing follows that word ("Staatsfonds Humain investiert"),
    nor when a name follows it (``written`` is ``near`` as written): "von einer Runde um den
    US-Fonds TCV 42,5 Mio." names an investor, not the fund's size.
    """
    last = None
    for last in lx.NOT_A_ROUND.finditer(near):  # noqa: B007
        pass
    if last is None:
        return False
    tail = near[last.end() :]
    following = written[last.end() :].split()
    if following and all(w[:1].isupper() and _namey(w) for w in following):
        return False  # only the fund's name between it and the amount
    return not (lx.raise_verb(tail) or lx.INVEST_VERB.search(tail) or lx.FLOW_VERB.search(tail))


def _last_words(text: str, count: int) -> str:
    return " ".join(text.split()[-count:])


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _hedged(amount: Amount, qualifier: Qualifier) -> Amount:
    return Amount(amount.value, amount.low, amount.high, unit=amount.unit, qualifier=qualifier)


def _without_hedge(mention: Mention, locale: Any) -> Amount:
    """The amount read without "über" ("Finanzierungsrunde über 15 Mio. Euro" is its size)."""
    from aieco.amounts import parse_amount
    from aieco.errors import ParseError

    try:
        return parse_amount(mention.text[5:].strip(), locale=locale)
    except ParseError:
        return mention.amount


def _round_type(match: re.Match[str]) -> RoundType | None:
    for group in ("sletter", "dletter", "aletter", "bletter"):
        letter = match.group(group)
        if letter:
            return lx.LETTER_TYPES[letter.upper()]
    for group, kind in lx.GROUP_TYPES.items():
        if match.group(group) is not None:
            return kind
    return None


def _date(match: re.Match[str], c0: int, text: str) -> tuple[PartialDate, Span] | None:
    span = _span(text, match.start() + c0, match.end() + c0)
    year_only = match.group("yonly") or match.group("yadv") or match.group("yverb")
    if year_only:
        return PartialDate(int(year_only)), span
    month = lx.MONTHS.get(match.group("month").lower().rstrip("."))
    if month is None:
        return None
    year = int(match.group("year"))
    day = match.group("day")
    try:
        return PartialDate(year, month, int(day) if day else None), span
    except ValueError:  # "31. Februar"
        return PartialDate(year, month), span


def _conflicts(target: _Round, clause: _Clause) -> bool:
    """Whether the clause reports a different round of the same company."""
    if (
        clause.round_type is not None
        and target.round_type is not None
        and clause.round_type[0] is not target.round_type[0]
    ):
        return True
    for new in clause.amounts:
        for old in target.amounts:
            if (
                new.amount.unit == old.amount.unit
                and not _same_money(new, old)
                and not _rounded(new, old)
                and not _rounded(old, new)
            ):
                return True
    return False


def _same_money(a: _Money, b: _Money) -> bool:
    return a.amount == b.amount or a.span.start == b.span.start


def _rounded(rough: _Money, exact: _Money) -> bool:
    """Whether ``rough`` is ``exact`` rounded, as a headline or a lead often gives it.

    "Optiopay erhält fünf Millionen Euro", then "eine Finanzierungsrunde über 5,25 Millionen
    Euro": one round. The rough figure has fewer significant digits and lies within
    1/_ROUNDING of the exact one (so "10 Millionen" and "12 Millionen" stay two figures, but
    "20 Millionen" and "20,5 Millionen" are one); where in the text each stands is not
    asked (docs/extraction.md, "What it does not handle").
    """
    a, b = rough.amount, exact.amount
    if a.is_range or b.is_range or a.unit != b.unit or a.low == b.low or b.low <= 0:
        return False
    if _significant(a.low) >= _significant(b.low):
        return False
    return abs(b.low - a.low) * _ROUNDING <= b.low  # exact: extract_rounds' context


def _significant(value: Decimal) -> int:
    """The number of significant digits of a figure (5250000 -> 3), exact in any context."""
    digits = value.as_tuple().digits
    end = len(digits)
    while end > 1 and digits[end - 1] == 0:
        end -= 1
    start = 0
    while start < end - 1 and digits[start] == 0:
        start += 1
    return end - start


def _same_figure(bare: _Money, named: _Money) -> bool:
    """Whether ``bare`` is ``named`` without its currency ("41 Millionen", "41 Mio. Euro")."""
    a, b = bare.amount, named.amount
    return (
        a.unit is None
        and b.unit is not None
        and (a.low, a.high, a.qualifier) == (b.low, b.high, b.qualifier)
    )


def _pick(entries: Sequence[_Money]) -> tuple[Amount | None, Span | None, tuple[Amount, ...]]:
    """The original amount and its conversions in other currencies.

    Of figures in two currencies, the one in brackets or the hedged one is the conversion;
    otherwise the first figure is the original.
    """
    if not entries:
        return None, None, ()
    entries = [e for e in entries if not _vague_within(e, entries)]
    ordered = sorted(
        range(len(entries)),
        key=lambda i: (entries[i].bracketed, entries[i].amount.qualifier is not Qualifier.EXACT, i),
    )
    first = entries[ordered[0]]
    if len({e.amount.unit for e in entries}) == 1:
        first = entries[0]
    others: list[Amount] = []
    for e in entries:
        unit = e.amount.unit
        if e is not first and unit != first.amount.unit and all(unit != o.unit for o in others):
            others.append(e.amount)
    return first.amount, first.span, tuple(others)


def _vague_within(vague: _Money, entries: Sequence[_Money]) -> bool:
    """Whether a vague magnitude gives way to an exact figure it holds.

    "einen dreistelligen Millionenbetrag", then "325 Millionen Dollar": the round is the 325.
    """
    a = vague.amount
    if not a.is_range:
        return False
    return any(
        not e.amount.is_range
        and (a.unit is None or a.unit == e.amount.unit)
        and a.low <= e.amount.low < a.high
        for e in entries
    )


def _anaphoric_investor(target: _Round) -> _Part | None:
    """Whose part "seiner Investition von 1,3 Mrd. Euro" is.

    The lead, or else the one investor whose part is known.
    """
    leads = [p for p in target.parts.values() if p.lead]
    if len(leads) == 1:
        return leads[0]
    with_money = [p for p in target.parts.values() if p.amounts]
    if len(with_money) == 1:
        return with_money[0]
    return None


def _name_forms(names: Iterable[str]) -> frozenset[str]:
    """The names and, for names of several words, their first words ("Mistral")."""
    forms: set[str] = set()
    for name in names:
        forms.add(name)
        first = name.split()[0]
        if first != name and len(first) >= 3:
            forms.add(first)
    return frozenset(forms)


def _last_name(sentence: str, forms: Iterable[str]) -> tuple[int, str] | None:
    """Where the last of the names stands in ``sentence`` as a whole word ("Parloas" too).

    The longest name wins where two start at the same place ("Mistral AI", "Mistral").
    """
    best: tuple[int, int, str] | None = None
    for form in forms:
        limit = len(sentence)
        while (at := sentence.rfind(form, 0, limit)) >= 0:
            end = at + len(form)
            if end < len(sentence) and sentence[end] == "s":
                end += 1
            if (at == 0 or not _word_char(sentence[at - 1])) and (
                end >= len(sentence) or not _word_char(sentence[end])
            ):
                if best is None or (at, len(form)) > best[:2]:
                    best = (at, len(form), form)
                break
            limit = at + len(form) - 1  # the next occurrence that starts before this one
    return None if best is None else (best[0], best[2])


def _word_char(char: str) -> bool:
    return char.isalnum() or char in "_&"


def _entities(text: str, names: Callable[[str], Iterable[tuple[int, int]]]) -> dict[int, int]:
    found: dict[int, int] = {}
    for item in names(text):
        if (
            not isinstance(item, tuple)
            or len(item) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in item)
        ):
            raise TypeError(f"a NameFinder must return (start, end) pairs of ints, not {item!r}")
        start, end = item
        if 0 <= start < end <= len(text):
            found[start] = max(end, found.get(start, 0))
    return found


class _KnownIndex:
    """Names and aliases of a Dataset's companies and investors, folded, with their ids."""

    def __init__(self, known: Dataset) -> None:
        self.ids: dict[str, dict[str, str]] = {"companies": {}, "investors": {}}
        self.longest_name = 1
        for kind, records in (("companies", known.companies), ("investors", known.investors)):
            for record in records:
                for name in (record.name, *record.aliases):
                    self.ids[kind].setdefault(_key(name), record.id)
                    self.longest_name = max(self.longest_name, len(name.split()))

    def longest(self, tokens: list[_Token], start: int, end: int) -> tuple[int, int] | None:
        """The longest run of tokens from start..end on that is a known name, if any."""
        best: tuple[int, int] | None = None
        limit = min(len(tokens), end + self.longest_name)
        for a in range(start, end):
            for b in range(min(limit, a + self.longest_name), a, -1):
                if b <= a:
                    break
                words = " ".join(t[2] for t in tokens[a:b])
                key = _key(words)
                if key in self.ids["companies"] or key in self.ids["investors"]:
                    if best is None or b - a > best[1] - best[0]:
                        best = (a, b)
                    break
        return best


_INDEXES: dict[int, tuple[Any, _KnownIndex]] = {}


def _known_index(known: Dataset) -> _KnownIndex:
    cached = _INDEXES.get(id(known))
    if cached is not None and cached[0] is known:
        return cached[1]
    index = _KnownIndex(known)
    if len(_INDEXES) >= 4:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(known)] = (known, index)
    return index
