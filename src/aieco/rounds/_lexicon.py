"""What German (and Austrian and Swiss) funding news says, as data (internal).

Every word list the round extractor uses lives here, grouped by what it signals; the rules in
`aieco.rounds._extract` only refer to these names. Patterns are case-insensitive unless
they say otherwise, and bounded (no unbounded gap), so every search is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from aieco.model import RoundType
from aieco.rounds._regex import any_word, finditer_at, leading_class, search_at, starts


class Gated:
    """A pattern that is only run when one of its key words is in the text.

    Each key is a substring that every match contains, so the answer is the pattern's own;
    a substring test costs a fraction of a regex search, and most clauses hold no key.
    """

    __slots__ = ("finder", "gate", "keys", "pattern")

    def __init__(
        self, pattern: re.Pattern[str], *keys: str, gate: re.Pattern[str] | None = None
    ) -> None:
        self.pattern = faster(pattern)
        self.keys = keys
        #: A cheaper pattern that every match contains too, tried after the keys, if any.
        self.gate = gate
        #: Where a match may start (`aieco.rounds._regex.starts`), if that helps.
        self.finder = starts(self.pattern)

    def _may(self, text: str) -> bool:
        # A plain loop that stops at the first key: faster than any(map(...)) on clauses.
        for key in self.keys:
            if key in text:
                break
        else:
            return False
        return self.gate is None or self.gate.search(text) is not None

    def search(self, text: str) -> re.Match[str] | None:
        """The pattern's first match in ``text``, or None."""
        # `_may` written out: this is called some twenty times per clause, and a call of
        # `_may` costs as much as its loop on a clause that holds no key.
        for key in self.keys:
            if key in text:
                break
        else:
            return None
        gate = self.gate
        if gate is not None and gate.search(text) is None:
            return None
        finder = self.finder
        return (
            self.pattern.search(text) if finder is None else search_at(self.pattern, finder, text)
        )

    def finditer(self, text: str, *, gated: bool = True) -> Iterator[re.Match[str]]:
        """The pattern's matches in ``text``; with ``gated=False`` the keys are not tested."""
        if gated and not self._may(text):
            return iter(())
        finder = self.finder
        return (
            self.pattern.finditer(text)
            if finder is None
            else finditer_at(self.pattern, finder, text)
        )


def _split(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source."""
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = source.index("]", i + 2) + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


_STEM: Final = re.compile(r"(?:[a-zäöüß]|\[[^\]\\]+\])+")


def _stemmed(alternative: str) -> str | None:
    r"""``stem(?<!\wstem)rest`` for an alternative that starts with letters, else None."""
    found = _STEM.match(alternative)
    if found is None:
        return None
    stem = found.group()
    rest = alternative[found.end() :]
    while rest[:1] in ("?", "*", "+", "{") and stem:  # the last letter is optional: not stem
        cut = stem.rindex("[") if stem.endswith("]") else len(stem) - 1
        stem, rest = stem[:cut], stem[cut:] + rest
    if not stem:
        return None
    return f"{stem}(?<!\\w{stem}){rest}"


def fast(source: str) -> str:
    r"""The pattern with each leading ``\b`` before letters written as a look-behind.

    ``\b(?:sammel\w*|erhält)`` becomes ``(?:sammel(?<!\wsammel)\w*|erhält(?<!\werhält))``:
    the same matches, but a pattern that starts with letters lets `re` skip ahead to them,
    while a leading ``\b`` makes it try every position (five to twenty times slower on news
    text). Alternatives that do not fit the shape are kept as they are.
    """
    out = []
    for alternative in _split(source):
        if alternative.startswith("\\b(?:"):
            depth = 0
            end = 2
            for end, char in enumerate(alternative[2:], start=2):  # noqa: B007 (used after)
                depth += (char == "(") - (char == ")")
                if depth == 0:
                    break
            inner = [_stemmed(a) for a in _split(alternative[5:end])]
            stems = [a for a in inner if a is not None]
            if len(stems) == len(inner) and (alternative[end + 1 : end + 2] or "-") not in "?*+{":
                alternative = "(?:" + "|".join(stems) + ")" + alternative[end + 1 :]
        elif alternative.startswith("\\b"):
            alternative = _stemmed(alternative[2:]) or alternative
        out.append(alternative)
    return "|".join(out)


def faster(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern compiled again with `fast` and `aieco.rounds._regex.leading_class`."""
    return leading_class(re.compile(fast(pattern.pattern), pattern.flags))


def w(*alternatives: str) -> str:
    r"""Words that start at a word boundary, in a form the regex engine scans for quickly.

    ``w("mit", "unter")`` is ``(?:mit(?<!\wmit)|unter(?<!\wunter))``: like ``\b(?:mit|unter)``,
    but a pattern that starts with letters lets `re` skip ahead to them, while a leading
    ``\b`` makes it try every position (five to twenty times slower on news text). Each
    alternative must have a fixed width.
    """
    return "(?:" + "|".join(f"{a}(?<!\\w{a})" for a in alternatives) + ")"


def words(text: str) -> frozenset[str]:
    """The set of the whitespace-separated words of ``text``."""
    return frozenset(text.split())


# --- "steigen ... ein": one rule for every reader ---------------------------------------------


#: The separable verb "einsteigen" (an investor comes in): "X steigt bei Y ein", "Metro und
#: Avaloq steigen in diesem Zuge neu bei dem Fintech ein". The finite verb counts only with its
#: particle "ein" at the end of the clause, at most twelve words on ("Der Umsatz stieg um 20
#: Prozent" and "steigt um ein Drittel" are no investment). Read by the cue filter (CUE), the
#: investor's verb (INVEST_VERB), the investors named before it (INVESTORS_AFTER, INVESTORS_NEBEN)
#: and the lead and joint-investor phrases (INVESTORS_BEFORE): one window everywhere.
def separable(forms: str, particle: str) -> str:
    """A separable verb's finite ``forms`` with its ``particle`` at the clause's end.

    The verb counts only with the particle last in the clause, at most twelve words on; the
    match is the verb itself (a word of its own, not "aufsteigt"), so the words after it can
    be read as its subject in an inverted clause.
    """
    # the look-behind after each form, not before the group: a pattern that starts with
    # letters lets `re` skip ahead to them (see `fast`)
    return (
        "(?:" + "|".join(f"{form}(?<![^\\W_]{form})" for form in forms.split()) + ")"
        "(?=" + particle_last(particle) + ")"
    )


def particle_last(particle: str) -> str:
    """A separable verb's ``particle`` last in the clause, at most twelve words on.

    To be put in a look-ahead right after the finite verb (`separable`, and "geben" with a
    particle that makes it another verb: "gab ... zurück", CONTRIBUTE_VERB).
    """
    return r"(?:\s+\S+){0,12}?\s+" + particle + r"(?:\s*[.,;:!?)]|\s+(?:und|sowie)\b|\s*$)"


STEIGT_EIN: Final = separable("steigt steigen stieg stiegen", "ein")
#: The same verb, finite with its particle or as one word: "ist bei X eingestiegen".
STEIGEN_EIN: Final = STEIGT_EIN + r"|eingestiegen"

#: Where the money comes from: "Das Geld kommt von A und B", "Das Geld kommt dabei nicht nur von
#: Altgesellschaftern und der LBBW Venture Capital", "Kapital kam damals vom Fonds X". One rule
#: for the cue filter (CUE) and the investor lists (INVESTORS_BEFORE); the list starts at its end.
MONEY_FROM: Final = (
    w("geld", "gelder", "kapital", "mittel", "investment", "investition")
    # Possessive: the runs of spaces are read one way only (two optional runs side by side
    # split a long run in every way, quadratic in its length).
    + r"\s++(?:(?:kommt|kommen|kam|kamen|stammt|stammen|stammte|stammten)\s++)?"
    r"(?:(?:dabei|damals|nun|jetzt|erneut|wieder|auch|zudem|vor\s+allem|unter\s+anderem"
    r"|u\.\s?a\.|nicht\s+nur|haupts[äa]chlich|[üu]berwiegend|gr[öo](?:ß|ss)tenteils)\s++)*+"
    r"(?:von|vom|aus)\s+"
)


# --- words that make a sentence worth reading -------------------------------------------------

#: A sentence is analysed only when one of these stems occurs in it (a cheap first filter):
#: any of CUE_WORDS (a substring test), or else a match of CUE.
#: Matched against the lower-cased text, like every pattern here but CLAUSE_OPENERS.
CUE_WORDS: Final = tuple(
    sorted(
        words(
            """
    sammel sammlu erhält erhalt erhielt bekomm bekam holt schließt schliesst schloss
    abgeschlossen runde finanzierung kapital investi investo beteilig series seed bewert
    angeführt angefuhrt schließen schliessen aufgenommen aufnehm nimmt nahm verbucht stemmt
    einwerb einhol führung fuhrung lead geldgeber aktionär aktionar pumpt steckt gesteckt
    stecken steckten pumpen pumpten
    floss floß fließ fliess ausgestattet gesichert eingestiegen valuation raise funding
    fundraising geschätzt geschatzt kredit darlehen unterstützung unterstutzung warb wirbt
    geworben spritze einsteig federf lukrier freu beschaff
    """
        )
    )
)
CUE: Final = Gated(
    re.compile(
        r"serie[ -]|sicher[nt]|\bwert\b|f[üu]r\s+(?:das|den|die)\s+(?:\S+\s+)?(?:[\w-]*-)?"
        r"(?:start-?up|unternehmen|firma)|(?:mit|neu|auch|ebenfalls)\s+dabei|an\s+bord|business\s+angel"
        r"|" + STEIGT_EIN + r"|stamm(?:t|en)\s+(?:von|vom|aus)"
        r"|" + MONEY_FROM + r"(?=\S)"
        r"|hinter\s+de[rm]\s+(?:\S+\s+)?(?:\w*runde|finanzierung|investment|kapitalerh)"
        # the headline "Vier Millionen Euro für Urlaubsportal Holidu", "500.000 Euro für X"
        r"|(?:\d|millionen|milliarden|mio\.|mrd\.)\s*(?:euro|dollar|us-dollar|franken|eur|usd|chf"
        r"|€|\$)\s+f[üu]r\s",
    ),
    "serie",
    "sicher",
    "wert",
    "start",
    "unternehmen",
    "firma",
    "dabei",
    "bord",
    "business",
    "stieg",
    "steig",
    "stamm",
    "hinter",
    "geld",
    "kapital",
    "mittel",
    "invest",
    "für",
    "fur",
)


#: Where any of CUE_WORDS occurs: one search instead of a substring test per word.
_CUE_WORDS_FOUND: Final = any_word(CUE_WORDS)


def cued(text: str) -> bool:
    """Whether a sentence holds a word of the trade (CUE_WORDS or CUE)."""
    return _CUE_WORDS_FOUND.search(text) is not None or CUE.search(text) is not None


#: Verbs (and the noun of a raise) whose grammatical subject is the company that gets money.
RAISE_VERB: Final = faster(
    re.compile(
        r"\b(?:sammel\w*|eingesammelt|einsammeln|erh[äa]lt|erhielt\w*|erhalten|bekommt|bekam\w*"
        r"|bekommen|holt|holte\w*|geholt|sichert|sicherte\w*|gesichert|schlie(?:ß|ss)t|schloss\w*"
        r"|abgeschlossen|abschlie(?:ß|ss)en|aufgenommen|verbucht\w*|verzeichnet\w*|stemmt\w*"
        r"|(?:stockt|stockte)(?=(?:\s+\S+){1,16}?\s+auf\b)|aufgestockt"
        # "nimmt 5 Mio. auf" (aufnehmen), not "nahm den Spitzenplatz ein" (einnehmen)
        r"|(?:nimmt|nahm)(?=(?:\s+\S+){1,12}?\s+auf\b)"
        r"|eingeworben|einwerben|wirbt|warb\w*|sichern|einsammelt\w*|einholen|eingeholt"
        r"|verk[üu]ndet\w*|meldet\w*|raises?|raised|secures?|secured|closes?|closed)\b",
    )
)
#: Rarer verbs of raising, gated on their stems (a letter as common as "l" or "f" at the start
#: of an alternative of RAISE_VERB would make `re` try it all over the text): the Austrian
#: "lukrieren", "freut sich über 7 Mio.", "hat sich ... beschafft".
RAISE_VERB_RARE: Final = Gated(
    re.compile(
        r"\b(?:lukrier\w*|freu(?:t|te|en|ten)(?=\s+sich\s+(?:\S+\s+){0,8}?[üu]ber\s)"
        # "hat sich frische Mittel in Höhe von 45,75 Millionen Franken beschafft"
        r"|beschafft\w*|beschaffen)"
    ),
    "lukrier",
    "freu",
    "beschaff",
)


_RAISE_VERB_STARTS: Final = starts(RAISE_VERB)


def raise_verb(text: str) -> re.Match[str] | None:
    """The first verb of raising in ``text`` (RAISE_VERB, else RAISE_VERB_RARE), or None."""
    found = (
        RAISE_VERB.search(text)
        if _RAISE_VERB_STARTS is None
        else search_at(RAISE_VERB, _RAISE_VERB_STARTS, text)
    )
    return found or RAISE_VERB_RARE.search(text)


#: Verbs whose grammatical subject is an investor; the company follows "in", "an" or "bei".
INVEST_VERB: Final = Gated(
    re.compile(
        r"\b(?:investier\w*|pump(?:t|te\w*|e|en)|gepumpt|steck(?:t|te\w*|e|en)|gesteckt|beteiligt"
        r"|beteiligte\w*|beteiligen|invests?|invested|"
        + STEIGEN_EIN
        + r"|(?:investment|investition)(?=\s+(?:von|in\s+h[öo]he\s+von|über)\s))\b",
    ),
    "invest",
    "pump",
    "steck",
    "beteilig",
    "steig",
    "stieg",  # "stieg", "eingestiegen"
)
#: Money that flows, with no one doing it: "In der Runde flossen 900 Millionen Dollar".
FLOW_VERB: Final = Gated(
    re.compile(
        r"\b(?:flo(?:ss|ß)|flossen|flie(?:ß|ss)en|flie(?:ß|ss)t|ausgestattet|frisches\s+kapital"
        r"|kapitalspritze|kapitalerh[öo]hung|finanzspritze|geldspritze)\b",
    ),
    "flo",
    "flie",
    "ausgestattet",
    "frisches",
    "spritze",
    "kapitalerh",
)
#: Nouns of a single round: a clause with one of these and an amount reports a round.
ROUND_NOUN: Final = faster(
    re.compile(
        r"(?:runde|finanzierung|kapitalerh[öo]hung|\w*spritze|investment|deal"
        r"|round|funding)\b",
    )
)
#: Plural nouns of rounds or valuations: a clause about many rounds reports none by itself.
PLURAL_ROUNDS: Final = faster(
    re.compile(r"(?:runden|finanzierungen|deals|bewertungen|investitionen|rounds)\b")
)
#: A clause about someone in general, not a named company ("Ein einzelnes Unternehmen, das ...").
GENERIC_SUBJECT: Final = re.compile(
    r"^\W*(?:(?:ein|eine|einer|einem|jedes|jede|kein|keine)\s+(?:\w+\s+){0,2}?"
    r"(?:unternehmen|start-?up|firma|labor|lab|anbieter)\b|wer\b|wenn\s+man\b|man\b"
    # many companies counted: "20 Jungunternehmen konnten ...", "Elf Start-ups haben ..."
    r"|(?:\d+|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|viele|einige"
    r"|mehrere|zahlreiche|alle)\s+(?:\w+\s+)?(?:jungunternehmen|unternehmen|start-?ups|firmen"
    r"|jungfirmen|fintechs|gründer\w*)\b)",
)
#: Money that goes into start-ups in general ("flossen 2020 in Schweizer Start-ups", "in
#: innovative Jungunternehmen investieren"): a clause about many companies, no round.
GENERIC_TARGET: Final = Gated(
    re.compile(
        r"\bin\s+(?:[\w-]+(?:e|en|er)\s+){0,2}(?:start-?ups|gr[üu]ndungen|neugr[üu]ndungen"
        r"|jungunternehmen|jungfirmen|scale-?ups|fintechs)\b"
        # the dative plural: "waren den aufstrebenden Finanzfirmen 14,5 Mrd. zugeflossen"
        r"|\bden\s+(?:[\w-]+(?:e|en)\s+){0,2}(?:\w*firmen|start-?ups|\w*unternehmen"
        r"|gr[üu]ndungen|scale-?ups|fintechs)\b"
    ),
    # the plural nouns themselves: "Start-up" (one company) is in most clauses of funding news
    "start-ups",
    "startups",
    "gründungen",
    "grundungen",
    "scale-ups",
    "scaleups",
    "fintechs",
    "firmen",
    "unternehmen",
)
#: Acquisitions and listings: their prices are no rounds, and their buyers no investors.
ACQUISITION: Final = Gated(
    re.compile(
        r"\b(?:[üu]bernimmt|[üu]bernahm\w*|[üu]bernommen|[üu]bernahme\w*|kauft|kaufte\w*|gekauft"
        r"|verkauf\w*"
        r"|erwirbt|erwarb\w*|erworben|kaufpreis\w*|acquires?|acquired|acquisition"
        r"|b[öo]rsengang\w*|b[öo]rsendeb[üu]t\w*|ipo)\b",
    ),
    "rsengang",
    "rsendeb",
    "ipo",
    "bern",
    "kauf",
    "erwirb",
    "erwarb",
    "erworben",
    "acqui",
)
#: Taking the lead of a round is no takeover: "X übernimmt die Führung der Runde".
LEAD_TAKEOVER: Final = faster(
    re.compile(
        r"\b[üu]bern(?:immt|ahm|ahmen|ehmen|ommen)\s+(?:\S+\s+){0,2}?(?:die\s+)?(?:f[üu]hrung"
        r"|leitung|federf[üu]hrung)\b|\b(?:f[üu]hrung|leitung|federf[üu]hrung)\s+(?:\S+\s+){0,3}?"
        r"[üu]bern(?:immt|ahm|ahmen|ehmen|ommen)\b"
    )
)
#: A round before the one the text reports ("nachdem zuvor Nvidia investiert hatte").
EARLIER: Final = Gated(
    re.compile(
        r"\b(?:zuvor|vorher|damals|fr[üu]here[nmrs]?\s+(?:finanzierungs)?runde|vorherige[nmrs]?"
        r"|letzte[nmrs]?\s+finanzierungsrunde|vorangegangene[nmrs]?)\b",
    ),
    "zuvor",
    "vorher",
    "damals",
    # not "runde", which most clauses of funding news hold: "frühere" and "letzte" come with it
    "frühere",
    "fruhere",
    "letzte",
    "vorangegangen",
)
#: A comparison with earlier rounds, no earlier round itself: "Wie schon in den Runden zuvor,
#: beteiligten sich auch dieses Mal A und B".
LIKE_BEFORE: Final = Gated(
    re.compile(r"\bwie\s+(?:schon|bereits|auch)\s+[^,;]{0,60}?\b(?:zuvor|vorher|damals)\b"),
    "wie",
)

# --- amounts in context -------------------------------------------------------------------------

#: Words just before an amount that make it the valuation.
VALUATION_BEFORE: Final = Gated(
    re.compile(
        r"(?:(?:bewert|unternehmenswert|firmenwert|valuation|valued|post-money|pre-money)\w*"
        r"|wert(?:(?<=\beinen wert)|(?<=\bein wert)|(?<=\beinem wert))\s+von)(?:\s+\S+){0,6}\s*$",
    ),
    "wert",
    "valu",
    "-money",
)
#: Words just after an amount that make it the valuation ("mit 4 Mrd. bewertet"); not "...
#: einen Wert von": the value follows.
VALUATION_AFTER: Final = faster(
    re.compile(r"^\s*(?:\S+\s+){0,2}?(?:bewertet|bewerten|gesch[äa]tzt|wert(?!\s+von\b)|valued)\b")
)
PRE_MONEY: Final = re.compile(
    r"pre-?money|vor\s+(?:der|dem)\s+(?:finanzierung|\w*investment|runde|\w*investition)"
)
POST_MONEY: Final = re.compile(
    r"post-?money|nach\s+(?:der|dem)\s+(?:finanzierung|\w*investment|runde|kapitalerh"
    r"|\w*investition|abschluss)"
)
#: Words just before a percentage that make it a stake.
STAKE_BEFORE: Final = re.compile(r"(?:anteil|beteiligung|stake)\w*(?:\s+\S+){0,2}\s*$")
STAKE_AFTER: Final = re.compile(r"^\s*(?:der|an\s+(?:der|dem))?\s*(?:anteile|aktien)\b")
#: Money that is not a round when one of these words is the nearest noun before it, or
#: the noun it is glued to ("500-Milliarden-Dollar-Projekt"): revenue, losses, budgets, funds,
#: market sizes, prices, costs.
NOT_A_ROUND: Final = faster(
    re.compile(
        r"(?:umsatz|ums[äa]tze|erl[öo]s|verlust|gewinn|ebitda|budget|etat\b|haushalt|fonds"
        r"|markt|marktkapitalisierung|b[öo]rsenwert|kaufpreis|preis|kosten|ausgaben|schulden"
        r"|programm|paket|projekt|initiative|plan\b|subvention|f[öo]rdertopf|topf\b"
        r"|wert\b|gehalt|dividende|steuer|dotiert|preisgeld|aktien\s+f[üu]r)\w*"
        r"|\b(?:arr|revenue|revenues|loss|losses|market|fund|budget)\b",
    )
)
#: A span of years that makes money a total over that time, before or after the amount in
#: its clause: "Rund fünf Millionen Euro sind in den vergangenen Jahren in Isys geflossen",
#: "70 Millionen Euro hat das Startup in den bislang 14 Jahren eingesammelt".
_YEARS_SPAN: Final = (
    r"\bin\s+den\s+(?:vergangenen|letzten|bislang|bisherigen)\s+(?:\S+\s+)?jahren\b"
)
#: Nouns of many rounds after a number ("in 42 publizierten Finanzierungsrunden"): a total.
_COUNTED_ROUNDS: Final = r"(?:finanzierungsrunden|runden|deals|transaktionen|beteiligungen)\b"
#: Words just before an amount that make it the company's total to date, not this round.
TOTAL_BEFORE: Final = Gated(
    re.compile(
        _YEARS_SPAN + r"(?:\s+\S+){0,6}\s*$|"
        # "Das Start-up hat bereits 15 Mio. Franken Fremdkapital aufgenommen": so far
        r"\b(?:hat|haben|hatte|hatten)\s+(?:bereits|schon)\s+$"
        r"|\b(?:bislang|bisher|inzwischen|mittlerweile|insgesamt\s+(?:bereits|schon)|damit\s+insgesamt"
        r"|zusammen|kumuliert"
        r"|in\s+summe|total\s+of)\b(?:\s+\S+){0,4}\s*$"
        # "Seit der Gründung im Jahr 2009 hat Scandit damit 113 Mio. eingesammelt"
        r"|\bseit\s+(?:der|ihrer|seiner|dessen|deren)\s+gr[üu]ndung\b(?:\s+\S+){0,8}\s*$"
        r"|\bdamit\s+(?:(?:nun|jetzt|bereits|schon|insgesamt)\s+)?$"
        r"|\b(?:in|über|ueber|aus)\s+\d+\s+(?:\S+\s+)?" + _COUNTED_ROUNDS + r"(?:\s+\S+){0,3}\s*$",
    ),
    "jahren",
    "bereits",
    "schon",
    "bislang",
    "bisher",
    "inzwischen",
    "mittlerweile",
    "damit",
    "zusammen",
    "kumuliert",
    "summe",
    "total",
    "ndung",  # "Gründung"
    "runden",
    "deals",
    "transaktionen",
    "beteiligungen",
)
#: "um 3,1 Mrd. verringert", "ist um 20 Mio. gestiegen": a change of some figure, no round.
CHANGE_BEFORE: Final = faster(re.compile(r"\bum\s*$"))
CHANGE_AFTER: Final = re.compile(
    r"\s*(?:\S+\s+){0,2}?(?:verringert|gesenkt|reduziert|geschm[äa]lert|gedr[üu]ckt|gesunken"
    r"|gefallen|geschrumpft|gestiegen|gewachsen|zugelegt|verbessert|verschlechtert"
    r"|gesteigert)\b"
)
#: Words just after an amount that make it a total: one split up after it ("80 Mio. in
#: heimische Start-ups, davon 30 Mio. in Lumo"), or one over a span of years (_YEARS_SPAN).
TOTAL_AFTER: Final = re.compile(
    r"[^,.;:]{0,40}?,\s*(?:davon|wovon)\s|[^,.;:!?]{0,60}?"
    + _YEARS_SPAN
    # over a counted number of rounds: "173 Millionen Euro an Investments in 71
    # Finanzierungsrunden", "1,24 Milliarden Franken über 230 Finanzierungsrunden"
    + r"|[^,.;:!?]{0,40}?\b(?:in|über|ueber|aus)\s+\d+\s+(?:\S+\s+)?"
    + _COUNTED_ROUNDS
)
#: "jeweils 100 Millionen": an amount for each of several companies.
EACH_BEFORE: Final = faster(re.compile(r"\b(?:jeweils|je|each)\s+(?:\S+\s+){0,1}$"))
EACH_WORDS: Final = words("jeweils je each")
#: Words of money before "für X" ("Frisches Kapital für Neura Robotics", "Neuer Geldsegen für
#: Enpal: ..."): X is the company that gets it.
MONEY_WORDS: Final = words(
    """
    kapital geld millionen milliarden finanzspritze geldspritze kapitalspritze geldsegen
    wachstumskapital risikokapital wagniskapital millionenbetrag millionensumme
    """
)
#: A company's own figure in a list: "Bitmovin (25 Mio.)", "Tourradar mit 41 Mio." (the word
#: before the figure), "6,5 Mio. in das Start-up Zizoo", "82 Millionen für Camunda" (after it).
OWN_FIGURE_BEFORE: Final = frozenset(["(", "mit"])
OWN_FIGURE_AFTER: Final = words("in an für bei")
#: Words between a figure and "für"/"an" that keep it the company's: "82 Millionen gab es für".
FIGURE_LINKS: Final = words("gab gibt es gingen ging geht flossen floss fließen")
#: Nouns of a place before "in": "mit Sitz in Innsbruck" names where, not whom.
PLACE_NOUNS: Final = words("sitz hauptsitz standort standorten büro büros niederlassung zentrale")
#: "Bluecode aus Wien (11,2 Mio.)": the place after the name.
PLACE_PREPOSITIONS: Final = words("aus")
#: "mit Sitz in X", "mit Standorten in X": where a listed name sits (PLACE_NOUNS between).
SEAT_PREPOSITIONS: Final = words("in im")
#: A part of a round named after the figure: "Drei Millionen der Finanzierung stammen von MIG"
#: (one investor's share: neither the round's amount nor read whole as anyone's). Matched on
#: the text as written: the article in lower case (a "Der" after "Mio." starts a sentence),
#: the noun whole ("der Europäischen Investitionsbank" is who pays, no part of a round).
PART_OF_ROUND: Final = re.compile(
    r"\s*(?:der|des)\s+(?:[\w-]+\s+)?(?i:finanzierung|finanzierungsrunde|runde|summe"
    r"|investition|kapitalerh[öo]hung)(?:en|n)?\b"
)
#: A round amount named by its size: "eine 2 Mrd. USD schwere Runde".
HEAVY_AFTER: Final = re.compile(r"^\s*(?:schwer\w*|gro(?:ß|ss)\w*)\b")
#: "Finanzierungsrunde über 15 Mio. Euro", "freut sich über 2 Mio.": "über" names the size or
#: is the verb's preposition, it is no hedge.
OVER_IS_SIZE: Final = re.compile(
    r"(?:runde|finanzierung|kapitalerh[öo]hung|investment|series\s+[a-h]|seed)"
    r"(?:\s+f[üu]r\s+\S+(?:\s+\S+)?)?\s*$"
    # "freut sich (das Start-up X) über 2 Mio.": the preposition of the verb
    r"|\bfreu(?:t|te|en|ten)\s+sich(?:\s+\S+){0,8}?\s*$",
)
#: "Bewertung um 380 Milliarden Dollar": "um" is a hedge (about).
AROUND_BEFORE: Final = re.compile(r"(?:bewertung|bewertet)\w*\s+(?:von\s+)?um\s*$")

# --- round types -------------------------------------------------------------------------------

ROUND_TYPE: Final = Gated(
    re.compile(
        r"pre-?seed(?P<preseed>)"
        r"|(?<![a-z])seed(?P<seed>)(?:-?(?:runde|finanzierung|round|investment|phase|kapital)\b|\b)"
        # a tranche of a stage: "Serie-B1-Finanzierung", "Series A2"
        r"|\b(?:series|serie)[ -]?(?P<sletter>[a-h])(?:[1-9]\b|\b)"
        r"|(?:finanzierungsrunde|runde)\s+der\s+(?:serie|series)\s+(?P<dletter>[a-h])\b"
        r"|\b(?P<aletter>[a-h])-(?:runde|finanzierungsrunde|finanzierung|round)\b"
        r"|\b(?P<bletter>[a-h])-series\b"
        r"|(?:wachstumsfinanzierung|wachstumsrunde|growth-?runde|growth\s+round)(?P<growth>)"
        r"|(?:wandeldarlehen|venture\s+debt|darlehen|kredit(?:e|en|linie\w*|rahmen)?\b|fremdkapital)"
        r"(?P<debt>)"
        r"|(?:f[öo]rdermittel|zuschuss|zusch[üu]sse|f[öo]rdergeld\w*"
        # "eine Förderung über 8 Millionen Euro vom Ministerium", not "zur Förderung von X"
        r"|f[öo]rderung(?=\s+(?:\S+\s+){0,2}?(?:über|von|in\s+h[öo]he)\s+\d)"
        # the money's source is a programme: "erhält 1 Mio. aus der Bundesförderung", "aus
        # einem Förderprogramm", "durch die Innovationsförderung des Landes"
        r"|(?:aus|durch)\s+(?:der|dem|die|den|einer|einem|eine)\s+(?:[\w-]+\s+)?"
        r"[\w-]*f[öo]rder(?:ung|programm)\w*)(?P<grant>)"
        r"|(?:secondary|sekund[äa]r)(?P<secondary>)"
        r"|(?:strategische[nrms]?\s+(?:investition|investment|beteiligung|runde))(?P<strategic>)"
    ),
    "seed",
    "serie",
    "-runde",
    "-finanzierung",
    "-round",
    "runde der",
    "wachstum",
    "growth",
    "darlehen",
    "kredit",
    "debt",
    "fremdkapital",
    "förder",
    "forder",
    "zusch",
    "secondary",
    "sekund",
    "strategisch",
)
LETTER_TYPES: Final = {
    "A": RoundType.SERIES_A,
    "B": RoundType.SERIES_B,
    "C": RoundType.SERIES_C,
    "D": RoundType.SERIES_D,
    "E": RoundType.SERIES_E,
    "F": RoundType.SERIES_F,
    "G": RoundType.SERIES_G,
    "H": RoundType.SERIES_H,
}
GROUP_TYPES: Final = {
    "preseed": RoundType.PRE_SEED,
    "seed": RoundType.SEED,
    "growth": RoundType.GROWTH,
    "debt": RoundType.DEBT,
    "grant": RoundType.GRANT,
    "secondary": RoundType.SECONDARY,
    "strategic": RoundType.STRATEGIC,
}

#: Types that are no funding round at all: a grant or subsidy from a public programme
#: ("Fördergelder", "Zuschüsse", "eine Förderung über 8 Millionen Euro vom Ministerium") is money
#: a company gets, but not from investors (the labelling rules of
#: tests/data/rounds_eval/README.md: subsidy programmes are no round).
NOT_ROUND_TYPES: Final = frozenset([RoundType.GRANT])
#: Types whose words are also common nouns ("Darlehen", "Fördergelder",
#: "Wachstumsfinanzierungen"): such a type alone, without money or an investor, is no round
#: ("Mithilfe des Darlehens sollen ... erforscht werden"). A stage ("Series A für veganes Eis
#: Nomoo") or a verb of raising ("sammelten ... hohe Summen ein") alone still is one.
NOUN_TYPES: Final = frozenset(
    [
        RoundType.GROWTH,
        RoundType.DEBT,
        RoundType.GRANT,
        RoundType.SECONDARY,
        RoundType.STRATEGIC,
        RoundType.CORPORATE,
    ]
)

# --- investors ---------------------------------------------------------------------------------
# Each pattern's group "list" is where the names start; the list reader takes it from there.

#: Phrases after which the leads are listed.
LEAD_BEFORE: Final = Gated(
    re.compile(
        r"\b(?:angef[üu]hrt|geleitet|gef[üu]hrt)\s+(?:wird\s+|wurde\s+)?(?:(?:die|der|das)\s+"
        r"(?:\S+\s+){0,2}?)?(?:von|vom|durch)\s+(?P<list>)"
        r"|\bunter\s+(?:der\s+)?(?:f[üu]hrung|leitung|federf[üu]hrung)\s+(?:von\s+|des\s+|der\s+)?"
        r"(?P<list2>)"
        r"|\b(?:lead-?investor(?:en)?|leadinvestor(?:en)?|hauptinvestor(?:en)?|lead)"
        # "Leadinvestor der Series-B-Runde ist X"
        r"(?:\s+(?:der|dieser|bei\s+der)\s+(?:[\w-]+\s+)?[\w-]*(?:runde|finanzierung|investment)\w*)?"
        r"\s*(?:ist|war|sind|waren|:|-)?\s*(?:der|die|das)?\s*(?P<list3>)"
        r"|\bled\s+by\s+(?P<list4>)"
        r"|\bals\s+lead-?investor(?:in)?\s+(?:" + STEIGT_EIN + r"|beteiligt\s+sich"
        r"|beteiligte\s+sich|fungiert|fungierte|agiert|agierte|tritt|trat)\s+(?P<list8>)"
        r"|\b(?:f[üu]hrung|leitung|federf[üu]hrung)\s+(?:\S+\s+){0,3}?[üu]bern(?:immt|ahm|ahmen"
        r"|ehmen)\s+(?:(?:erneut|wieder|nun)\s+)?(?P<list7>)"
        r"|\bfederf[üu]hrend\s+(?:ist|war|sind|waren|:)?\s*(?:der|die|das)?\s*(?P<list6>)"
        # "sind die Altinvestoren um X und Y wieder federführend dabei"
        r"|\b(?:ist|sind|war|waren)\s+(?:die|der|das)\s+(?:[\w-]+\s+um\s+)?(?P<list9>)"
        r"(?=(?:\S+\s+){1,10}?(?:wieder\s+|erneut\s+)?federf[üu]hrend\b)"
        r"|\b(?:runde|finanzierung|finanzierungsrunde|investment|kapitalerh[öo]hung)\s+"
        r"(?:f[üu]hrt|f[üu]hrte|f[üu]hren|f[üu]hrten|leitet|leitete|leiten|leiteten)\s+"
        r"(?:(?:auch|erneut|wieder|nun)\s+)?(?P<list5>)(?=(?:\S+\s+){1,8}?an\b)",
    ),
    "geführt",
    "gefuhrt",
    "geleitet",
    "führung",
    "fuhrung",
    "leitung",
    "lead",
    "led",
    "hauptinvestor",
    "federf",
    "führt",
    "fuhrt",
    "führen",
    "fuhren",
    "leitet",
    "leiten",
)
#: Phrases after which the leads are listed, ending the clause ("Die Runde wurde von X angeführt").
LEAD_AROUND: Final = Gated(
    re.compile(
        # "wurde vom Risikokapitalgeber X mit Standorten in Zug und München angeführt"; from the
        # last "von" before the participle only ("Die Runde mit Geld von A und B wurde von C
        # angeführt": C leads)
        r"\b(?:von|vom|durch)\s+(?P<list>)(?=(?:(?!(?:von|vom|durch)\s)\S+\s+){1,12}?"
        r"(?:angef[üu]hrt|geleitet|gef[üu]hrt)(?:e|en|er|es|em)?\b)"
    ),
    "geführt",
    "gefuhrt",
    "geleitet",
)
#: "X führt die Runde an", "X als Lead-Investor": the leads come before.
LEAD_AFTER: Final = Gated(
    re.compile(
        r"\b(?:f[üu]hrt|f[üu]hrte|f[üu]hre|f[üu]hren|f[üu]hrten|leitet|leitete)\s+(?:\S+\s+){0,8}?"
        r"(?:[\w-]*-)?(?:runde|finanzierung|investment|series|serie)\w*(?:\s+\S+){0,10}?\s+an\b"
        r"|\b(?:runde|finanzierung|investment)\w*\s+(?:\S+\s+){0,2}?(?:leiten|leiteten|leitet"
        r"|leitete|anf[üu]hren|anf[üu]hrt)\b"
        r"|\bals\s+(?:lead-?investor|leadinvestor|hauptinvestor|lead)\b"
        # "X und Y sind wieder federführend dabei"
        r"|\b(?:ist|sind|war|waren)\s+(?:(?:wieder|erneut|auch|ebenfalls|nun|jetzt)\s+)?"
        r"federf[üu]hrend(?:\s+dabei)?\s*(?:[.;,]|$)"
        r"|\b[üu]bern(?:immt|ahm|ahmen|ehmen)\s+(?:\S+\s+){0,2}?(?:die\s+)?(?:f[üu]hrung|leitung"
        r"|federf[üu]hrung)\b|\b(?:f[üu]hrung|leitung)\s+(?:\S+\s+){0,3}?[üu]bernommen\b",
    ),
    "bern",
    "führt",
    "fuhrt",
    "führen",
    "fuhren",
    "leitet",
    "leiten",
    "anführ",
    "führe",
    "fuhre",
    "lead",
    "hauptinvestor",
    "federf",
)
#: "Dies führt eine Finanzierungsrunde an": the lead is the investor named just before.
LEAD_ANAPHOR: Final = Gated(
    re.compile(
        r"^\W*(?:dies|das|damit|diese\s+investition|dieses\s+investment|er|sie|es)\s+"
        r"(?:f[üu]hrt|f[üu]hrte)\s+(?:\S+\s+){0,3}?(?:runde|finanzierung)\w*(?:\s+\S+){0,3}?\s+an\b",
    ),
    "führt",
    "fuhrt",
)
#: Words that open the list of a group's members after a comma or dash ("Investoren, darunter
#: X", "..., einschließlich der X", "..., allen voran X").
LIST_OPENERS: Final = (
    r"(?:darunter|einschlie(?:ß|ss)lich|inklusive|namentlich|insbesondere|vor\s+allem"
    r"|allen\s+voran)"
)
#: Phrases after which (other) investors are listed.
INVESTORS_BEFORE: Final = Gated(
    re.compile(
        w("mit", "unter") + r"\s+(?:der\s+)?(?:beteiligung|unterst[üu]tzung|teilnahme)\s+(?:von"
        r"|vom|des|der)\s+(?P<list>)"
        r"|zu(?<!\wzu)\s+(?:den|seinen|ihren|dessen|deren)\s+(?:\S+\s+){0,2}?(?:investor"
        r"|geldgeber|kapitalgeber|anteilseigner|gesellschafter|aktion[äa]r|unterst[üu]tzer)\S*"
        r"(?:\s+\S+){0,3}?\s+(?:geh[öo]ren|geh[öo]rten|z[äa]hlen|z[äa]hlten|sollen|sollten"
        r"|werden)\s+(?:(?:auch|unter\s+anderem|nun|zudem"
        r"|au(?:ß|ss)erdem|weiterhin)\s+)*(?P<list2>)"
        r"|(?:"
        + w("beteiligt", "investiert", "eingestiegen", "engagiert")[3:-1]
        + r"|"
        + r"\s+dabei|".join(w("mit", "neu", "auch", "ebenfalls", "jetzt", "nun")[3:-1].split("|"))
        + r"\s+dabei|an(?<!\wan)\s+bord)\s+(?:sind|waren"
        # reported speech: "An der Runde beteiligt hätten sich X und Y", "seien dabei"
        r"|ist|war|haben|hatten|hat|h[äa]tten|h[äa]tte|seien|sei|w[äa]ren|w[äa]re)\s+(?:sich\s+)?(?:jetzt\s+|nun\s+|neu\s+)?"
        r"(?:(?:auch|au(?:ß|ss)erdem|zudem|ebenfalls|unter\s+anderem|weiterhin)\s+)*(?P<list3>)"
        r"|ebenfalls(?<!\webenfalls)\s+(?:beteiligt|dabei|mit\s+an\s+bord)\s*(?:sind|waren|:)?"
        r"\s*(?P<list4>)"
        r"|"
        + w(
            "investoren",
            "investor",
            "geldgeber",
            "kapitalgeber",
            "anteilseigner",
            "geldgebern",  # "Unter den Geldgebern waren X und Y"
            "kapitalgebern",
            "anteilseignern",
            "gesellschafter",  # "Neue und alte Gesellschafter, darunter die Hannover Rück, ..."
            "gesellschaftern",
        )
        # "Investoren wie X", "Investoren – darunter X – haben ...", "Investoren, darunter X",
        # "alle bisherigen Investoren, einschließlich der X"
        + r"(?:\s*:|\s*[,–—]\s*"
        + LIST_OPENERS
        + r"|\s+(?:sind|ist|waren|war|wie|darunter"
        r"|(?:be)?f(?:i|a)nden\s+sich))\s+"
        r"(?:(?:auch|u\.\s?a\.|unter\s+anderem)\s+)*(?P<list5>)"
        r"|(?:gro(?:ß|ss)aktion[äa]r|aktion[äa]r)(?:\s*:|\s+(?:sind|ist|waren|war|wie|darunter))\s+(?:(?:auch"
        r"|u\.\s?a\.|unter\s+anderem)\s+)*(?P<list20>)"
        r"|"
        + w("bestehende", "bestehender", "bestehenden", "bisherige", "bisheriger", "bisherigen")
        + r"\s+(?:investoren|geldgeber|gesellschafter)\s*(?:\(|wie\s+|,\s*"
        + LIST_OPENERS
        + r"\s+)(?P<list6>)"
        r"|" + MONEY_FROM + r"(?P<list7>)"
        # "..., sondern auch von der Santo Venture Capital": the list goes on in the next clause
        r"|sondern(?<!\wsondern)\s+auch\s+(?:von|vom)\s+(?P<list24>)"
        r"|business(?<!\wbusiness)\s+angels?\s+(?:wie|darunter)\s+(?P<list8>)"
        r"|with(?<!\wwith)\s+participation\s+from\s+(?P<list9>)"
        r"|(?:investoren|investor\S*innen)\s+(?:um\s+)?(?P<list10>)"
        r"|"
        + w("befinden", "befanden", "befindet", "befand")
        + r"\s+sich\s+(?:unter\s+anderem\s+|auch\s+|neben\s+)?(?P<list11>)"
        r"|unter(?<!\wunter)\s+anderem\s+(?:von|vom)\s+(?P<list12>)"
        r"|hinter(?<!\whinter)\s+(?:der|dem|diese[rm])\s+(?:\S+\s+)?(?:runde|finanzierung\w*"
        r"|investment|kapitalerh[öo]hung|\w*runde)\s+(?:stehen|steht|standen|stand|steckt|stecken"
        r"|steckte|steckten)\s+(?:(?:unter"
        r"\s+anderem|u\.\s?a\.|auch)\s+)*(?P<list15>)"
        r"|"
        + w("gemeinsam", "zusammen")
        + r"\s+mit\s+(?P<list17>)(?=[^.;]{0,160}?(?:beteilig|investier|stecke|pump|"
        + STEIGEN_EIN
        + r"))"
        r"|(?:(?:investier|beteilig|steck|pump)(?<![^\W_]investier)(?<![^\W_]beteilig)"
        r"(?<![^\W_]steck)(?<![^\W_]pump)\w*|"
        + STEIGT_EIN
        + r")\s+(?:sich\s+)?(?:\S+\s+){0,2}?(?:gemeinsam|zusammen)\s+mit\s+(?P<list18>)"
        # "von einer Runde um den US-Fonds TCV": the investors the round gathered around
        r"|runde\s+um\s+(?:den|die|das)?\s*(?P<list21>)"
        r"|bei(?<!\wbei)\s+(?:den|einem\s+der|einer\s+der|zwei\s+der)\s+(?:\S+\s+)?"
        r"(?:investoren|geldgebern|kapitalgebern)\s+handelt"
        r"\s+es\s+sich\s+(?:(?:unter\s+anderem|u\.\s?a\.|auch)\s+)?um\s+(?P<list19>)"
        # the source after a verb of receiving: "erhielt von der Gesellschaft X 20 Mio.", "hat
        # von dem Fonds X eine Finanzierung ... bekommen"
        r"|(?:erh[äa]lt|erhielt|erhielten|bekommt|bekam|bekamen)\s+(?:(?:jetzt|nun|auch|bereits"
        r"|zudem|erneut)\s+)?(?:von|vom)\s+(?P<list22>)"
        r"|\b(?:hat|hatte|haben|hatten)\s+(?:(?:jetzt|nun|auch|bereits|zudem|erneut)\s+)?"
        r"(?:von|vom)\s+(?P<list23>)(?=[^.;]{0,160}?\b(?:erhalten|bekommen|eingesammelt"
        r"|eingeworben)\b)"
        r"|mit(?<!\wmit)\s+(?P<list13>)(?=[^.;]{0,160}?(?:zu\s+den\s+(?:investoren|geldgebern"
        r"|kapitalgebern)|\bbeteiligt|\bbeteiligen|\bbeteiligten))",
    ),
    "beteilig",
    "investor",
    "geldgeber",
    "kapitalgeber",
    "anteilseign",
    "gesellschafter",
    "aktionär",
    "aktionar",
    "unterstützer",
    "unterstutzer",
    "befand",
    "dabei",
    "bord",
    "geld",
    "kapital",
    "mittel",
    "investment",
    "investition",
    "business",
    "participation",
    "hinter",
    "neben",
    "gemeinsam",
    "zusammen",
    "unterstützung",
    "unterstutzung",
    "teilnahme",
    "investiert",
    "eingestiegen",
    "engagiert",
    "anderem",
    "runde",
    "befind",
    "erhält",
    "erhalt",
    "erhielt",
    "bekommt",
    "bekam",
    "bekommen",
    "eingesammelt",
    "eingeworben",
    "sondern",
)
#: "Neben X beteiligten sich ...": X is an investor too (at the start of a clause only).
INVESTORS_NEBEN: Final = Gated(
    re.compile(
        r"^\W*neben\s+(?P<list>)(?=[^.;]{0,160}?(?:beteilig|investier|dabei|an\s+bord|"
        + STEIGEN_EIN
        + r"))"
    ),
    "neben",
)
#: The members of the group of investors a clause names, after a comma at its end: "Mehrere
#: Geldgeber beteiligen sich, darunter A und B", "Bestehende Investoren zogen mit, insbesondere
#: A" (read only in a clause of investors, INVESTOR_CLAUSE: not "Kunden in vielen Ländern,
#: darunter Deutschland").
INVESTORS_MEMBERS: Final = Gated(
    re.compile(r",\s*" + LIST_OPENERS + r"\s+(?P<list>)"),
    "darunter",
    "einschl",
    "inklusive",
    "namentlich",
    "insbesondere",
    "allem",
    "voran",
)
#: A clause about investors: a noun of investors, or investors taking part ("beteiligen sich";
#: not "ist an mehreren Firmen beteiligt, darunter A", "investiert in neue Märkte, darunter
#: Frankreich": there the members are what the money goes into).
INVESTOR_CLAUSE: Final = faster(
    re.compile(
        r"(?:investor|geldgeber|kapitalgeber|gesellschafter|aktion[äa]r"
        r"|beteilig\w*\s+sich|sich\s+(?:\S+\s+){0,4}?beteilig)"
    )
)
#: The money comes from the investors named after it: "sammelt 12 Mio. Euro von A und B ein".
INVESTORS_AFTER_AMOUNT: Final = Gated(
    re.compile(
        r"(?:"
        + w("euro", "dollar", "us-dollar", "franken", "pfund", "eur", "usd", "chf", "gbp")[3:-1]
        + "|"
        + w("kapital", "wagniskapital", "risikokapital")[3:-1]
        + r"|betrag|summe) (?:von|vom|durch)\s+(?P<list>)"
    ),
    " von",
    " vom",
    " durch",
)
#: A relative clause that lists the investors: "zu der auch DST Global und Bpifrance gehören".
INVESTORS_RELATIVE: Final = re.compile(
    r"^\W*(?:zu|an)\s+(?:der|dem|denen)\s+(?:sich\s+)?(?:(?:auch|unter\s+anderem)\s+)*"
    r"(?P<list>)(?:\S+\s+){1,20}?(?:geh[öo]ren|geh[öo]rt|z[äa]hlen|beteiligt)",
)
#: "X und Y beteiligten sich ebenfalls": the investors come before the verb.
INVESTORS_AFTER: Final = Gated(
    re.compile(
        r"\b(?:beteiligt|beteiligte|beteiligten|beteiligen)\s+sich\b"
        r"|\b(?:ist|sind|war|waren)\s+(?:ebenfalls|auch|erneut|wieder)\s+(?:mit\s+)?(?:dabei"
        r"|an\s+bord|beteiligt)\b"
        r"|\b(?:" + STEIGT_EIN + r")"
        r"|\b(?:investiert|investierte|investierten|investieren)\s+(?:auch|ebenfalls)\b",
    ),
    "beteilig",
    "dabei",
    "bord",
    "stieg",
    "steig",
    "investier",
)
#: "Zusammen mit weiteren Investoren steckte X 3,5 Mio. in Y": the sum is the round's, not X's.
JOINT_WITH_OTHERS: Final = Gated(
    re.compile(
        r"\b(?:zusammen|gemeinsam)\s+mit\s+(?:\S+\s+)?(?:weiteren|anderen|mehreren|neuen"
        r"|bestehenden)\s+(?:investoren|geldgebern|kapitalgebern|partnern|business\s+angels)\b"
    ),
    "zusammen",
    "gemeinsam",
)
#: "X ist an Bord": the investors come before (read after INVESTORS_AFTER).
ON_BOARD: Final = Gated(
    re.compile(r"\b(?:ist|sind|war|waren)\s+(?:jetzt\s+|nun\s+)?(?:mit\s+)?an\s+bord\b"),
    "bord",
)

#: The particles that make "geben" another verb than giving money: "gab Geld zurück", "gab das
#: Kapital an die Anleger weiter", "gibt Geld aus", "gab die Runde bekannt", "gab Geld frei".
GEBEN_PARTICLES: Final = r"(?:zurück|weiter|aus|frei|bekannt|ab|heraus|preis|her|an)"
#: Verbs whose subject puts money into the round named before (who gives), in either order:
#: "Außerdem stellten der Konzern X und Y frisches Kapital zur Verfügung", "Die bisherigen
#: Investoren A und B ziehen bei der Runde mit", "Bei der Runde gehen A und B mit", "X steuert
#: Kapital bei", "X schießt Geld zu", "Die Altinvestoren legen nach". The match is the finite
#: verb: its subject is the list before it or, in an inverted clause, the list after it. Read
#: only in a clause about money or a round (CONTRIBUTED): not "Die Konkurrenz zieht mit".
CONTRIBUTE_VERB: Final = Gated(
    re.compile(
        separable("stellt stellen stellte stellten", r"zur\s+verf[üu]gung")
        + "|"
        + separable(
            "zieht ziehen zog zogen geht gehen ging gingen finanziert finanzieren finanzierte"
            " finanzierten",
            "mit",
        )
        + "|"
        + separable("steuert steuern steuerte steuerten", "bei")
        + "|"
        + separable("schießt schiesst schießen schiessen schoss schoß schossen", "zu")
        + "|"
        + separable("legt legen legte legten", "nach")
        # "geben" with the money next to it: "X gibt Geld", "Kapital gaben auch A und B" (not
        # "gab ... bekannt": no money follows)
        # nor with a particle that makes it another verb: "gab ... zurück", "gab ... weiter";
        # the money in the same clause, no comma between: "gab die Runde bekannt, das Geld")
        + "|"
        + w("gibt", "geben", "gab", "gaben")
        + "(?!"
        + particle_last(GEBEN_PARTICLES)
        + ")"
        r"(?=(?:\s+[^\s,;]+){0,6}?\s+(?:geld|kapital)\b)"
        r"|" + w("geld", "kapital") + r"\s+(?:gibt|geben|gab|gaben)\b"
    ),
    "stell",
    "zieh",
    "zog",
    "geh",
    "ging",
    "finanzier",
    "steuer",
    "schie",
    "schoss",
    "schoß",
    "leg",
    "gib",
    "geb",
    "gab",
)
#: The participles of the passive verbs of financing (INVESTORS_AGENT); first in a sentence
#: ("Getragen wird die Runde von A") no name either (COMMON_NOUN_END).
AGENT_PARTICIPLES: Final = (
    "finanziert",
    "mitfinanziert",
    "getragen",
    "mitgetragen",
    "gezeichnet",
)
AGENT_PARTICIPLE: Final = "(?:" + "|".join(AGENT_PARTICIPLES) + ")"
#: The agent of a passive verb of financing: "Finanziert wird die Runde von A und B", "Die
#: Kapitalerhöhung wurde von A gezeichnet" (read only where CONTRIBUTED holds too; not
#: "unterstützt", which is as often help as money).
INVESTORS_AGENT: Final = Gated(
    re.compile(
        w(*AGENT_PARTICIPLES)
        + r"\s+(?:wird|wurde|werden|wurden)\s+(?:\S+\s+){0,4}?(?:von|vom|durch)\s+(?P<list>)"
        r"|" + w("wird", "wurde", "werden", "wurden") + r"\s+(?:\S+\s+){0,4}?(?:von|vom|durch)\s+"
        r"(?P<list2>)(?=[^.;]{0,160}?(?<![^\W_])" + AGENT_PARTICIPLE + r"\b)"
    ),
    "finanziert",
    "getragen",
    "gezeichnet",
)
#: What a verb of giving gives in a clause about a round: money or the round itself. A round
#: as a word of its own ("Seed-Runde" too) or a round of financing ("Finanzierungsrunde"), not
#: any compound in "-runde" ("Tarifrunde", "Verhandlungsrunde", "Bieterrunde").
CONTRIBUTED: Final = faster(
    re.compile(
        r"(?:kapital|geld|gelder|mittel|finanzierung\w*|investment|kapitalerh[öo]hung"
        r"|summe|betrag|aktien|anteile"
        r"|(?:(?<![^\W_])|(?<=finanzierungs)|(?<=investitions)|(?<=investment)|(?<=investoren)"
        r"|(?<=wachstums)|(?<=finanz)|(?<=seed)|(?<=kapital))runde)\b"
    )
)

# --- names --------------------------------------------------------------------------------------

#: Words that open a descriptor of two words ("der Business Angel X"): skipped before a name
#: when a descriptor follows.
DESCRIPTOR_OPENERS: Final = words("business")
#: German prepositions and conjunctions, the closed classes whole (beyond those NOT_NAMES
#: names one by one): first in a sentence they are written with a capital ("Angesichts der
#: Lage ...", "Nachdem X ...") and are never a name; nor are they an adverb before a subject.
#: Words that also name companies ("Kraft", "Per", "Pro") are left out.
FUNCTION_JOINS: Final = words(
    """
    ab abseits abzüglich angesichts anhand anlässlich anstatt anstelle aufgrund ausgenommen
    außer ausser außerhalb ausserhalb beiderseits betreffs bezüglich binnen diesseits
    einschließlich einschliesslich entgegen entlang entsprechend exklusive gegenüber gemäß
    gemäss hinsichtlich infolge inklusive inmitten innerhalb jenseits mangels mithilfe mittels
    nebst oberhalb samt seitens statt unterhalb unweit zugunsten zuzüglich zwecks zwischen
    ungeachtet unbeschadet wider via kontra
    ans aufs durchs fürs hinterm übers unterm vorm ins
    bevor ehe falls indem nachdem obwohl obgleich obschon seitdem sobald sodass solange sooft
    soweit sofern wohingegen zumal sondern bzw beziehungsweise
    """
)
#: German adverbs, pronouns and quantifiers a sentence may start with (the common ones whole):
#: "Vermutlich", "Einige", "Wodurch", "Zumindest" are never a name.
FUNCTION_ADVERBS: Final = words(
    """
    dadurch dahin daraus darunter dazwischen hierbei hiermit hierzu hierauf hieraus wobei
    wodurch wofür womit wonach worauf woraus worin worüber wovon wozu weswegen
    also andererseits einerseits dann eher endlich etwa ferner gleichwohl gern gerne heuer
    immer indessen leider natürlich nie niemals seither selbstverständlich sonst überdies umso
    vermutlich vielmehr wahrscheinlich zuerst zurzeit zwischenzeitlich jedenfalls keineswegs
    bekanntlich grundsätzlich mehrheitlich nunmehr ohnehin sowieso überhaupt unterdessen vorab
    zumindest mindestens höchstens maximal ungefähr circa gut
    andere anderen anderer anderes beide beiden beider einige einigen einiger etliche etlichen
    jede jeden jedem jeder jedes jene jenen jener jenes manche manchen mancher solche solchen
    solcher welche welchen welcher wenige wenigen weniger sämtliche sämtlichen dessen deren
    denen diesem diesen hundert tausend dutzend dutzende hunderte tausende
    wieviel wieviele wieso weshalb wessen wem wen welches irgendwann irgendwie
    """
)
#: Nouns of a company's trade, alone or ending a compound ("der Wasserstoffproduzent", "die
#: Software-Schmiede", "der Batteriehersteller"): after a definite article, with no name
#: after them, they mean the company named last (ANAPHOR). Not the nouns that as often mean
#: an investor or a group ("Konzern", "Riese", "Gruppe", "Tochter", "Versicherer").
TRADE_NOUNS: Final = words(
    """
    anbieter plattform dienstleister hersteller spezialist spezialistin entwickler
    entwicklerin produzent produzentin betreiber pionier newcomer zulieferer lieferant
    ausrüster softwarehaus lieferdienst marktplatz schmiede macher versender vermieter
    verleiher
    """
)
#: Words that are never (part of) a name, though written with a capital: function words at a
#: sentence start, pronouns, months, and nouns of the trade.
NOT_NAMES: Final = (
    words(
        """
    zwei drei vier fünf sechs sieben acht neun zehn elf zwölf hälfte drittel viertel fünftel
    großteil grossteil rest alles deutschen schweizer österreicher franzosen briten amerikaner
    chinesen anteile aktien größter grösster größte grösste größten grössten größtes grösstes
    der die das den dem des ein eine einen einem einer eines im in mit nach für bei laut auch
    nun jetzt zudem außerdem ausserdem damit dabei dies diese dieser dieses wie wenn als auf an am
    zu zum zur von vom unter über ueber seit bis aus insgesamt bereits erst zuletzt zuvor neben
    sowohl so doch aber und oder sie er es wir ich man ihr sein seine seinen seiner ihre ihren
    unser hier dort heute gestern morgen ebenfalls angeführt geführt beteiligt neu neue neuer
    neuen weitere weiterer weiteren bestehende bestehenden alle viele mehrere allein erstens
    zweitens drittens viertens dennoch allerdings trotzdem zwar während durch gegen ohne um
    denn da dass ob weil the a an of in for and with by from at on its their this that
    januar februar märz april mai juni juli august september oktober november dezember
    jänner montag dienstag mittwoch donnerstag freitag samstag sonntag
    investoren investor investorin geldgeber kapitalgeber runde finanzierungsrunde finanzierung
    start-up startup start-ups startups unternehmen firma firmen gründer gründerin gründerinnen
    mitgründer ceo cfo cto chef chefin millionen milliarden million milliarde mio mrd euro dollar
    us-dollar franken prozent bewertung kapital series serie seed lead-investor leadinvestor
    business angel angels deal deals geld gelder mittel summe summen beträge betrag teil
    ki künstliche intelligenz europa deutschland usa österreich schweiz frankreich china
    berlin münchen wien zürich paris london hamburg news update kategorie foto bild quelle
    ende anfang mitte regierung bundesregierung staat land stadt report studie bericht
    demnach daher deshalb somit untersucht investiert gesamt rund knapp fast team ziel
    herausgegeben jahr jahre jahren monat monate monaten woche wochen tag tage tagen quartal
    quartals halbjahr schon bord federführend führung leitung federführung zusätzlich ebenso
    darüber hierfür dafür dazu deswegen inzwischen mittlerweile künftig bislang bisher derzeit
    aktuell gleichzeitig anschließend später damals höhe ingesamt zusammen kunden kundin partner
    tech technologie software plattform daten markt märkte branche welt
    danach davor darauf darum daran darin davon daneben dahinter geplant gesucht hierzulande
    immerhin jedoch zunächst soviel
    indes stattdessen wo was wer warum wann woher wohin weshalb cash
    beim gemäss gemäß zufolge dank trotz wegen vielleicht jedenfalls eigentlich offenbar
    offensichtlich möglicherweise tatsächlich schliesslich schließlich letztlich nämlich
    übrigens ausgerechnet hinter vor
    längst ähnlich genauso gleichfalls ebenfalls folglich letztendlich umgekehrt anders stets
    oft häufig meist meistens selten kaum sogar lediglich nur besonders insbesondere vorerst
    weiterhin wiederum hingegen dagegen zugleich vorher nachher bald sofort gerade noch wieder
    erneut mal privatpersonen privatleute einzelpersonen kurz
    """
    )
    | FUNCTION_JOINS
    | FUNCTION_ADVERBS
)
#: Ends of words that describe a company or investor before its name ("das Start-up Parloa",
#: "die Staatsbank Bpifrance"); matched on the lower-case word, also inside compounds.
DESCRIPTORS: Final = tuple(
    words(
        """
    start-up startup scale-up scaleup spin-off spinoff ausgründung unternehmen firma konzern
    gruppe anbieter entwickler entwicklerin spezialist hersteller labor lab plattform
    dienstleister softwarehaus unicorn einhorn fintech insurtech proptech legaltech healthtech
    biotech medtech edtech cleantech foodtech deeptech newcomer tochter betreiber produzent
    zulieferer lieferant ausrüster riese gigant firmen portal marktplatz händler versicherer
    dienst lieferdienst vermittlung partnervermittlung konglomerat beteiligungsfirma champion
    player marktführer pionier app netzwerk
    investor investorin geldgeber kapitalgeber risikokapitalgeber wagniskapitalgeber vc
    fonds bank staatsbank förderbank beteiligungsgesellschaft gesellschaft holding angel
    vermögensverwalter staatsfonds finanzinvestor family-office office gründer gründerin
    unternehmer unternehmerin milliardär milliardärin manager managerin chef chefin ceo
    geschäftsführer geschäftsführerin mitgründer mitgründerin risikokapitalinvestor
    schauspieler sänger sportler profi gesellschafter anteilseigner aktionär
    """
    )
)
#: Nouns of a trade that describe a company only as the end of a compound ("High-Tech-Schmiede",
#: "KI-Schmiede", "Cryptokitties-Macher", "Modeversender"): alone they are surnames or common
#: nouns ("Hans Macher"). Not "-bauer" ("Küchenbauer Franke" then named the owner of a fund
#: investment in a clause of dev6 as a raising company).
COMPOUND_TAILS: Final = words("schmiede macher versender vermieter verleiher")
#: Descriptors that end a compound only in these words ("Staatsbank", not "Softbank").
COMPOUND_ONLY: Final = words(
    "bank app lab office player chef angel profi staatsbank förderbank landesbank investmentbank"
)
#: Words that end a company name and never start a possessive ("Atlas Ventures").
NAME_SUFFIXES: Final = words(
    """
    ventures venture capital partners labs lab ai technologies technology systems group
    holdings holding fund funds vc investments invest global gmbh ag se inc inc. ltd llc
    co corp kg robotics dynamics networks analytics solutions industries games studios bank
    biotech medtech pharma therapeutics
    """
)
#: Common adjectives of age, size and standing, in every ending ("Junge", "neue", "Kleinen"):
#: before a noun of the trade that may end a name ("Junge Biotech sammelt ...") they describe,
#: where a word of that shape that is no adjective names ("Twogee Biotech"). Nationality and
#: place adjectives are left out: they start names ("Deutsche Bank").
COMMON_ADJECTIVES: Final = frozenset(
    stem + ending
    for stem in words(
        """
        jung neu alt groß gross klein erfolgreich innovativ aufstrebend vielversprechend
        bekannt etabliert führend wachsend ambitioniert
        """
    )
    for ending in ("e", "er", "es", "en", "em")
)
#: A raising "company" whose name says it is a fund manager ("Speedinvest", "Atlas Ventures"):
#: the money it raises is a fund, not a round.
FUND_NAME: Final = re.compile(
    r"(?:invest|\sventures|\spartners|\sfund|fonds|\svc"
    # public and development banks invest by mandate: "Europäische Investitionsbank",
    # "Zürcher Kantonalbank", "Förderbank"
    r"|(?:investitions|kantonal|f[öo]rder|landes|entwicklungs|staats)bank)\W*$"
)
#: A clause about a fund itself ("Gemanagt wird der Fonds von A und B, die ... beisteuern", "Das
#: Geld für den neuen Topf kommt von C", "Das Fonds-Volumen soll auf 60 Mio. steigen"): the money
#: and the investors it names are the fund's, not a round of the company named before.
FUND_TOPIC: Final = Gated(
    re.compile(
        r"\b(?:der|den|dem|des|ein|einen|einem|eines|neuen?|diese[nmrs]?|seinen?|ihren?)\s+"
        r"(?:[\w-]+\s+)?(?:fonds|topf|dachfonds)\b|\bfonds-?volumen|\bzielvolumen"
    ),
    "fonds",
    "topf",
    "zielvolumen",
)
#: Verbs of giving money: their subject gives, it raises nothing ("EIT Health gewährt bis zu
#: 500.000 € Kofinanzierung", "Die EIB vergibt an X ein Darlehen", "Seit 2018 hat BaseLaunch 24
#: Biotechfirmen mit Startkapital unterstützt").
GIVE_VERB: Final = faster(
    re.compile(
        r"\b(?:gew[äa]hr(?:t|en|te|ten)|verg(?:ibt|eben|ab|aben)|bezuschuss(?:t|en|te|ten)"
        r"|unterst[üu]tz(?:t|en|te|ten)|stell(?:t|en|te|ten)\s+(?:\S+\s+){0,8}?bereit)\b"
    )
)
#: Descriptors of investors and of people: the name after one is no raising company
#: ("der Risikokapitalgeber Speedinvest hat 500 Millionen eingesammelt" is a fund).
INVESTOR_DESCRIPTOR: Final = re.compile(
    r"(?:investor|geldgeber|kapitalgeber|fonds|bank|vc|angel|beteiligungsgesellschaft"
    # "die Münchener Wagniskapitalfirmen Earlybird und Senovo"
    r"|wagniskapital|risikokapital"
    r"|vermögensverwalter|beteiligungsfirma|investmentfirma|family-office)\w*$"
)
#: Descriptors of the sources of market figures ("die Beratungsgesellschaft EY", "das
#: Start-up-Barometer der Wirtschaftsprüfungsgesellschaft X"): no raising company.
SOURCE_DESCRIPTOR: Final = re.compile(
    r"(?:beratung|berater|prüfung|revision|marktforsch|barometer|studie"
    # media: "vom Newsportal Startupticker.ch", "das Nachrichtenmagazin X"
    r"|news|nachrichten|zeitung|magazin|verlag|podcast"
    # data and analysis firms: "laut einer Auswertung der Analysefirma CB Insights" (a firm
    # or house of analysis; not "die Analyseplattform X", "der Datenanalysespezialist Y": a
    # start-up's trade)
    r"|analyse-?(?:firm|h[aä]us|institut|dienst)|datenanbieter|datenfirma"
    r"|researchfirma)\w*$"
)
#: A company named in the description of a person or an investor is not the one raising:
#: "Lukasz Gadowski, Mitgründer der Plattform Delivery Hero ... und Investor des E-Scooter-Start-up
#: Flash" (the words before the company's noun phrase end so).
OF_A_PERSON: Final = re.compile(
    r"(?:investor\w*|mitgr[üu]nder\w*|gr[üu]nder\w*|gesch[äa]ftsf[üu]hrer\w*|chef\w*|ceo"
    r"|gesellschafter\w*|aufsichtsr[äa]t\w*|verwaltungsrat\w*)\s+(?:des|der|von|vom|beim?)\s+"
    # not "die Investoren der Runde von X": those invest in X
    r"(?:(?![\w-]*(?:runde|finanzierung|investment)\w*\s)[\w-]+\s+){0,4}$"
)
PERSON_DESCRIPTOR: Final = re.compile(
    r"(?:gründer|gründerin|geschäftsführer|geschäftsführerin|ceo|chef|chefin|manager"
    r"|managerin|unternehmer|unternehmerin|milliardär|milliardärin)\w*$"
)
#: After a one-word item of a list that follows a comma, these words make it an apposition
#: of the name before ("Christian Miele, Vorsitzender des Verbands", "Götze, Torschütze im
#: Finale"), not another name.
APPOSITION_AFTER: Final = words("des der im beim am")
#: Endings of German abstract and common nouns ("Bildung", "Robotik", "Biotechnologie",
#: "Chipfabrik"): one such word alone is no company ("investiert in Bildung").
COMMON_NOUN_END: Final = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|t[äa]t|t[äa]ten|tion|tionen|ismus"
    r"|ik|iken|logie|logien|fabrik|zentrum|zentren|anlage|anlagen|forschung|bereich"
    r"|sektor|infrastruktur|energie|energien|mobilit[äa]t|gesundheit|wirtschaft|industrie"
    r"|bildung|sicherheit|verteidigung|klimaschutz|standort|region|regionen"
    # money and counting nouns: "Spitzensummen", "Risikokapital", "Geldquelle", "Zahl"
    r"|summe|summen|kapital|quelle|quellen|zahl|zahlen|betrag|beträge|volumen|projekt|projekte"
    r"|mittel|mitteln|gelder|geldern"
    r"|jahr|insolvenz|hürde|hürden|wunder|plan"
    # adverbs: "Weltweit sind ...", "Bundesweit", "Teilweise"
    r"|weit|weise|mals|lich|isch"
    # adjectives and participles said of something, first in a sentence: "Bemerkenswert ist
    # ...", "Gespannt haben Investoren ...", "Denkbar wäre ..."
    r"|wert|bar|sam|haft|los|voll|^ge[a-zäöüß]{3,}t"
    # participles of verbs in "-ieren", first in a sentence: "Finanziert wird die Runde von
    # ...", "Mitfinanziert", "Investiert haben ...", and those of the passive verbs of
    # financing ("Getragen wird die Runde von ...")
    r"|iert|^" + AGENT_PARTICIPLE + r")(?:e?s)?$",
    re.IGNORECASE,
)
#: Legal forms that end a company's name ("die Leukocare AG"): no name on their own.
LEGAL_FORMS: Final = words(
    "gmbh ag se kg kgaa ug inc inc. ltd ltd. llc plc corp corp. sa sas bv nv oy e.v e.v."
)
#: Words that are no name on their own, though part of some ("Qatar Investment Authority").
NOT_ALONE: Final = (
    words("investment investments capital ventures partners group holding") | LEGAL_FORMS
)
#: Words after which a capitalised word is a name in a sentence with no word of the trade:
#: "Dazu gehörten alte Bekannte wie Meteomatics", "Ähnlich ist es nun bei Cashboard".
NAME_INTRODUCERS: Final = words("wie bei namens heißt heisst hieß hiess")
#: Those of them that name what their subject is called: the name is a company's only where
#: that subject is one ("Seine Firma heißt Figo"; not "Der Gründer heißt Max Muster", "Das
#: Produkt heißt Zeta").
NAMING_VERBS: Final = words("heißt heisst hieß hiess")
#: Nouns that make a name with the city word before them ("die Genfer Kantonalbank", "die
#: Berliner Sparkasse", "die Hannover Rück", "die Stuttgarter Börse", "die Frankfurter
#: Allgemeine"), where "die Münchner Helsing" is a descriptor and a name.
CITY_NAMED: Final = re.compile(
    r"(?:kantonalbank|landesbank|sparkasse|volksbank|raiffeisenbank|stadtwerke"
    r"|verkehrsbetriebe|hochschule|universit[äa]t|r[üu]ck|r[üu]ckversicherung|b[öo]rse"
    r"|allgemeine)$"
)
#: Words of the trade that may end a name, though never start one ("Bayern Kapital").
NAME_TAILS: Final = words(
    "kapital capital invest investments beteiligungen holding gruppe fonds stiftung bank partner"
)
#: Determiners and other words that may open a noun phrase before a name.
DETERMINERS: Final = words(
    """
    der die das den dem des ein eine einen einem einer eines sein seine seinen seinem seiner
    ihr ihre ihren ihrem ihrer dessen deren unser unsere the a an its
    """
)
#: Words before a common noun with adjectives between ("in frühen Phasen", "ihrer Laufbahn",
#: "die breite Masse"): one noun-shaped word after one of these and lower-case adjectives only
#: is no name. Articles, demonstratives, possessives and the prepositions that govern a noun
#: phrase; "die Münchner Helsing" keeps its name (a capital adjective stops the walk back).
#: Of COMMON_NOUN_OPENERS, those that need an adjective between them and the noun to make it
#: common ("in frühen Phasen" but "in Apian investiert" is a name).
COMMON_NOUN_PREPOSITIONS: Final = words(
    "in im an am auf aus bei beim mit nach von vom vor zu zum zur über unter für durch gegen"
    " ohne um ins"
)
#: Verbs (finite, present and past) whose subject, after a fronted phrase of time or place,
#: owns the round the clause names ("Vor wenigen Tagen startete X mit einer Serie-A-Runde",
#: "Am Montag meldete X eine Seed-Runde", "Im März gab X ... bekannt"); where any other verb
#: stands there, its subject speaks of someone's round ("Am Montag kommentierte
#: Bundesminister Y die Finanzierungsrunde", "lobte", "kritisierte"): no company.
ROUND_OWNER_VERBS: Final = words(
    """
    startet startete starteten meldet meldete meldeten vermeldet vermeldete vermeldeten
    verkündet verkündete verkündeten gibt gab gaben erweitert erweiterte erweiterten
    präsentiert präsentierte präsentierten feiert feierte feierten eröffnet eröffnete
    eröffneten beendet beendete beendeten verlängert verlängerte verlängerten stockt stockte
    stockten
    """
)
COMMON_NOUN_OPENERS: Final = COMMON_NOUN_PREPOSITIONS | words(
    """
    der die das den dem des ein eine einen einem einer eines dieser diese dieses diesem diesen
    sein seine seinem seinen seiner seines ihr ihre ihrem ihren ihrer ihres unser unsere
    unserem unseren unserer euer eure kein keine keinem keinen keiner keines
    """
)
#: Nouns of companies that belong to someone: "die Start-ups der ETH Lausanne", "eine Tochter des
#: Konzerns X", "Ausgründungen der Universität" name the owner after them, not the company.
OWNED_NOUN: Final = re.compile(
    r"(?:start-?ups?|unternehmen|firmen|t[öo]chter|tochter\w*|ableger|spin-?offs?"
    r"|ausgr[üu]ndung\w*|portfolio\w*|beteiligung\w*)$"
)
#: Words that open a list between dashes inside a main clause: "Investoren – darunter die
#: Deutsche Börse – haben ... gesteckt" (the dashes split no clause, as commas would not).
PARENTHESIS_OPENERS: Final = words("darunter etwa namentlich insbesondere u.a. unter wie")
#: Words that open an attributive phrase between an article and its noun ("die von ihm
#: gegründete X", "der in Köln ansässige Hersteller Y", "das seit 2015 bestehende Z").
ATTRIBUTE_OPENERS: Final = words("von vom in im aus seit vor nach bei mit für durch")
#: Words to skip inside a list of names ("auch", "unter anderem", "darunter").
LIST_FILLERS: Final = words(
    """
    auch unter anderem u.a. u. a. darunter etwa zum beispiel z.b. namentlich insbesondere
    ebenfalls zudem außerdem ausserdem weiterhin erneut wieder bestehende bestehenden
    bisherigen bisherige alte alten neue neuen zuvor unter allein alleine
    einschliesslich einschließlich inklusive dieses mal diesmal
    """
)
#: Words between the subject and its verb that may be skipped ("Nvidia investiert", "Parloa hat").
AUXILIARIES: Final = words(
    """
    hat haben hatte hatten hätte ist sind war waren wird werden wurde wurden konnte konnten
    kann können will wollen soll sollen werde würde habe sei wäre hätten
    """
)
_ANNOUNCED: Final = (
    r"wie\s+(?:\S+\s+){1,5}?(?:mitteilte|mitteilt|mitgeteilt|bekanntgab|bekanntgibt"
    r"|bekannt\s+gab|bekannt\s+gibt|bekanntgegeben|verk[üu]ndete|verk[üu]ndet|ank[üu]ndigte"
    r"|angek[üu]ndigt|best[äa]tigte|best[äa]tigt)\b"
)
#: The finite verbs of raising that open a main clause of their own (after a comma with the
#: subject before them, or after a colon): "Y erhält 3 Mio.", "So holte Biontech ...".
_RAISES_NOW: Final = (
    r"erh[äa]lt|erhielt|sammelt|sammelte|bekommt|bekam|holt|holte|sichert"
    r"|sicherte|schlie(?:ß|ss)t|schloss|wirbt|warb|nimmt|nahm"
)

#: The subject and finite verb of raising of a second main clause ("Y erhält", "das Start-up Y
#: konnte sich"), looked for after a comma (CLAUSE_OPENERS).
_SECOND_SUBJECT: Final = (
    r"(?:(?-i:[A-ZÄÖÜ0-9])[\w.&'’-]*(?:\s+(?!und\b|sowie\b)[\w.&'’-]+){0,3}?"
    r"|(?:das|die|der)\s+(?:\w+\s+)?(?:start-?up|unternehmen|firma|jungunternehmen))\s+"
    r"(?:nun\s+|jetzt\s+)?(?:" + _RAISES_NOW + r"|(?:konnte|kann)\s+sich)\s"
)

#: Words that open a subordinate or relative clause after a comma.
CLAUSE_OPENERS: Final = re.compile(
    r",\s+(?=(?:der|die|das|dem|den)\s+(?-i:(?![A-ZÄÖÜ][\w-]*[a-z])))"
    r"|,\s+(?=(?:deren|dessen|denen|welche[rsmn]?|nachdem|während|wobei|womit|wodurch|weil|da"
    r"|dass|daß|obwohl|wenn|als|bevor|sodass|so\s+dass|um|aber|doch|sondern"
    r"|und\s+(?:das|die|der|es|sie|er)|(?:zu|an|bei|in|mit|von|für|über|unter|nach)"
    r"\s+(?:der|dem|denen|welche[rm]))\s)"
    # (from the first of a run of spaces only: tried from each, a long run is quadratic)
    r"|;\s+|(?<!\s)\s++[–—]\s+|(?<!\s)\s++sowie\s+(?=(?:ein|eine|einen|einer|die|der)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:runde|series|serie|finanzierung)\b)"
    # a second main clause with its own subject: "X sammelt 5 Mio. ein, Y erhält 3 Mio.",
    # "X will ..., Y konnte sich 50 Mio. sichern"
    r"|,\s+(?=" + _SECOND_SUBJECT + r")"
    # a second main clause that opens with its figure: "X erhielt 500 Mio., 428 Mio. Euro
    # flossen an Y"
    r"|,\s+(?=\d[\d.,]*\s+(?:\S+\s+){0,3}?(?:flossen|flo(?:ss|ß)|fließen"
    r"|fliessen)\s+(?:an|in|zu)\s)"
    r"|,\s+(?=" + _ANNOUNCED + r")"
    # a main clause after a colon: "... durch die Finanzierung: So holte Biontech ... herein",
    # "... abgeschlossen: Das amerikanische Unternehmen Bruker ist mit 13,5 Mio. eingestiegen",
    # "O-Ton: „Ottonova bekommt 60 Mio. Euro"; not a list ("Zu den Investoren gehören: A, B")
    # (not after a dated dateline: "25. Mai 2021: In einer neuen Runde hat X ..." is one clause)
    r"|(?<!\d):\s+(?=[„“\"»«‚‘]?(?:[\w.&'’-]+\s+){0,4}?(?:hat|hatte|ist|war|"
    + _RAISES_NOW
    # the investor first: "Kaugummi-Startup: Oyster Bay steckt eine Million Euro in True Gum",
    # also several: "...: Kelvo und Tamis investieren 21 Mio. in X"
    + r"|steckt|steckte|investiert|investierte|pumpt|pumpte"
    + r"|stecken|steckten|investieren|investierten|pumpen|pumpten)\s)"
    # after a report clause: "Wie The Information berichtet, soll X ..."
    r"|,(?<=[tnbß],)(?:(?<=berichtet,)|(?<=berichten,)|(?<=berichtete,)|(?<=berichteten,)"
    r"|(?<=meldet,)|(?<=meldete,)|(?<=schreibt,)|(?<=schrieb,)|(?<=heißt,)|(?<=hieß,))\s+",
    re.IGNORECASE,
)
#: A relative clause after a comma ("Parloa, das 2018 gegründet wurde, ...").
RELATIVE_OPENER: Final = re.compile(
    r",\s+(?:(?:der|die|das|dem|den)\s+(?-i:(?![A-ZÄÖÜ][\w-]*[a-z]))|deren|dessen|denen"
    r"|welche[rsmn]?|(?:zu|an|bei|in|mit|von|für|über|unter|nach)\s+(?:der|dem|denen|welche[rm]))\b",
    re.IGNORECASE,
)
#: "wie X am Dienstag mitteilte": X is the company that reports its round.
ANNOUNCER: Final = re.compile(r"^\W*" + _ANNOUNCED)
#: Anaphors: the company named earlier ("das Start-up", "das Pariser Startup", "die Firma").
ANAPHOR: Final = faster(
    re.compile(
        # neuter nouns of one company after "das", "dem", "des"; "die Start-ups", "die
        # Unternehmen" are many
        r"\b(?:das|dem|des)\s+(?:[\w.]+er\s+|\w+e[nrs]?\s+)?(?:\w+-)?(?:start-?ups?"
        r"|unternehmens?|scale-?ups?|jungunternehmens?)\b"
        r"|\b(?:das|dem|des|die|der)\s+(?:[\w.]+er\s+|\w+e[nrs]?\s+)?(?:\w+-)?(?:firma"
        r"|\w*(?:" + "|".join(sorted(TRADE_NOUNS, key=len, reverse=True)) + r")(?:s|en|n)?"
        r"|\w*techs?)\b"
        # a demonym for the company: "erhielten die Deutschen", "die Münchner"
        r"|\b(?:die|den)\s+(?:deutschen|schweizer|österreicher|berliner|münchner|hamburger"
        r"|kölner|frankfurter|wiener|zürcher|grazer|linzer|mainzer|stuttgarter|leipziger"
        r"|dresdner|pariser|londoner|franzosen|briten|amerikaner)\b|\b(?:seine[nmr]?|ihre[nmr]?|dessen"
        r"|deren)\s+(?:\S+\s+)?(?:investoren|geldgeber|bewertung)\b|\b(?:diese[rnm]?|der|die)\s+"
        r"(?:finanzierungs)?runde\b",
    )
)
#: The start of a new item of a news ticker: "+++ Headline +++", "25. Mai 2021: ...". What
#: comes after it is about another company.
NEW_ITEM: Final = re.compile(
    r"\+\+\+|[0-3]?\d\.\s*(?:januar|jänner|februar|feber|märz|april|mai|juni|juli|august"
    r"|september|oktober|november|dezember)\s+(?:19|20)\d\d\s*:",
    re.IGNORECASE,
)
#: "Das Start-up hat ...": an anaphor as the subject, right before its verb (see AUXILIARIES).
ANAPHOR_SUBJECT: Final = re.compile(
    r"\W*(?:das|die|der)\s+(?:[\w.]+er\s+|\w+e[nrs]?\s+)?(?:\w+-)?(?:start-?up|unternehmen|firma"
    r"|jungunternehmen|scale-?up)\s+(?P<verb>\w+)"
)
#: Words before the source of a report ("laut den Munich Startup Insights"): no actor.
SOURCE_BEFORE: Final = words("laut")
#: Words right after the source of a report ("Crunchbase zufolge"): no actor.
SOURCE_AFTER: Final = ("zufolge",)
#: Words that open a clause naming the source of a report ("wie X berichtet").
REPORT_OPENERS: Final = ("wie",)
#: Verbs of reporting after "wie X" ("wie The Information berichtet"), at a word's start.
REPORT_VERB: Final = re.compile(r"(?:berichte|meldete?|schreibt|schrieb|reports?|reported)", re.I)

# --- dates --------------------------------------------------------------------------------------

#: A full stop glued to the next sentence by a lost space ("... bewertet.Der Kochboxlieferant
#: Hellofresh ...", "einsammelten.Noch nie"): a sentence ends there when a lower-case word
#: comes before and one of these capitalised openers after ("Origin.Bio" stays a name).
GLUED_STOP: Final = (
    r"(?<=[a-zäöüß]{2})\.(?=(?:Der|Die|Das|Den|Dem|Ein|Eine|Im|In|Mit|Noch|Auch|Damit|Dabei"
    r"|Heißt|Doch|Nun|So)\s)"
)

#: A dateline of places ends where a capitalised article opens the sentence: "Düsseldorf,
#: Frankfurt Die junge Technologiefirma ...", "Basel (awp) - Das Pharmaunternehmen ...".
DATELINE_ARTICLES: Final = frozenset(["Der", "Die", "Das"])
#: Signs between the places of a dateline.
DATELINE_SIGNS: Final = frozenset([",", "-", "–", "—", "/"])
MONTHS: Final = {
    name: number
    for number, names in enumerate(
        [
            ("januar", "jänner", "january", "jan"),
            ("februar", "feber", "february", "feb"),
            ("märz", "march", "mär"),
            ("april", "apr"),
            ("mai", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("dezember", "december", "dez", "dec"),
        ],
        start=1,
    )
    for name in names
}
DATE: Final = Gated(
    re.compile(
        r"\b(?:(?P<day>[0-3]?\d)\.\s*)?(?P<month>"
        + "|".join(sorted(MONTHS, key=len, reverse=True))
        + r")\.?\s+(?P<year>(?:19|20)\d\d)\b"
        r"|\b(?:im\s+jahr|des\s+jahres|anfang|mitte|ende)\s+(?P<yonly>(?:19|20)\d\d)\b"
        # "Bereits 2018 waren X 225 Mio. zugeflossen" (not "das bereits 2018 gegründete")
        r"|\b(?:bereits|schon|erst)\s+(?P<yadv>(?:19|20)\d\d)\b(?!\s+(?:\S+\s+)?gegr[üu]nde)"
        # a year right after the verb or the currency: "bekam 2018 ...", "Euro 2017 die ..."
        r"|\b(?:bekam|bekamen|erhielt|erhielten|sammelte|sammelten|holte|holten|sicherte"
        r"|sicherten|warb|warben|euro|dollar|franken)\s+(?P<yverb>(?:19|20)\d\d)\b"
        r"(?!\s*(?:[-–/]|bis\b|und\b|euro|dollar|franken|mio|mrd|millio|milliard))",
    ),
    "19",
    "20",
    gate=re.compile(r"(?:19|20)\d\d\b"),  # the year every date has ("120 Mio." has none)
)
