"""The amounts engine: read, find and write German (and English) money and number expressions.

* `parse_amount`, `parse_money`, `parse_number` read one expression;
* `extract_amounts` finds every amount in running text as `Mention` objects;
* `extract_amounts_many` finds them in many texts at once, as `MentionColumns`;
* `format_money` and `format_amount` write them back through babel.

Locale data is loaded on first use per locale, never at import.
"""

from aieco.amounts._batch import MentionColumns, extract_amounts_many
from aieco.amounts._extract import Mention, extract_amounts
from aieco.amounts._format import format_amount, format_money
from aieco.amounts._parse import parse_amount, parse_money, parse_number

__all__ = [
    "Mention",
    "MentionColumns",
    "extract_amounts",
    "extract_amounts_many",
    "format_amount",
    "format_money",
    "parse_amount",
    "parse_money",
    "parse_number",
]
