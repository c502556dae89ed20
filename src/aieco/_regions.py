"""Regions for queries: which countries "EU" and "Europe" stand for (internal).

* ``"EU"``: the 27 member states of the European Union (since 1 February 2020).
* ``"Europe"``: the EU plus the United Kingdom, the EFTA states (Switzerland, Norway, Iceland,
  Liechtenstein), the European microstates and dependencies (Andorra, Monaco, San Marino, the
  Vatican, Gibraltar, Guernsey, Jersey, the Isle of Man, the Faroe Islands, Åland, Svalbard),
  the Western Balkans (Albania, Bosnia and Herzegovina, Montenegro, North Macedonia, Serbia,
  Kosovo), Ukraine, Moldova and Belarus. Russia and Turkey are not counted.
* any other region is an ISO 3166-1 alpha-2 code standing for that one country ("US", "CN").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from aieco._checks import is_country
from aieco.errors import Problem, ValidationError

# fmt: off
EU: Final = frozenset({
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
})
EUROPE: Final = EU | frozenset({
    "GB", "CH", "NO", "IS", "LI",  # the UK and EFTA
    "AD", "MC", "SM", "VA", "GI", "GG", "JE", "IM", "FO", "AX", "SJ",  # microstates, territories
    "AL", "BA", "ME", "MK", "RS", "XK",  # Western Balkans
    "UA", "MD", "BY",
})
# fmt: on
#: The named regions, by their canonical spelling.
NAMED: Final = {"EU": EU, "Europe": EUROPE}
_BY_FOLDED: Final = {name.casefold(): name for name in NAMED}


def region_countries(value: str, criterion: str) -> tuple[str, frozenset[str]]:
    """The canonical name of a region and its countries ("eu" → ("EU", {...27 codes})).

    ``criterion`` names the query argument in the error of an unknown region.
    """
    if not isinstance(value, str):
        raise TypeError(f"{criterion} must be a str, not {type(value).__name__}")
    named = _BY_FOLDED.get(value.casefold())
    if named is not None:
        return named, NAMED[named]
    if is_country(value):
        return value, frozenset({value})
    raise ValidationError(
        [
            Problem(
                criterion,
                value,
                "is not a region: expected 'EU', 'Europe' or an ISO 3166-1 alpha-2 country "
                "code such as 'US' or 'CN'",
            )
        ]
    )


def region_of(country: str | None) -> str | None:
    """The region a record is grouped under: "Europe" for a European country, else its code.

    The EU as a jurisdiction (``"EU"``) is in Europe too.
    """
    if country is None:
        return None
    if country == "EU" or country in EUROPE:
        return "Europe"
    return country


def countries(values: Iterable[str], criterion: str, *, allow_eu: bool = False) -> frozenset[str]:
    """Check ISO country codes (and "EU" when ``allow_eu``) for a query criterion."""
    result = set()
    for value in values:
        if not isinstance(value, str):
            raise TypeError(f"{criterion} must be a str, not {type(value).__name__}")
        if not (is_country(value) or (allow_eu and value == "EU")):
            expected = "is not an ISO 3166-1 alpha-2 country code"
            raise ValidationError(
                [Problem(criterion, value, expected + (" or 'EU'" if allow_eu else ""))]
            )
        result.add(value)
    return frozenset(result)
