"""aieco: a typed, cited model of the AI ecosystem read from German-language reporting.

The model, the errors and the JSON contract are imported with the package. The amounts engine,
the dataset, queries and currency conversion are imported on first use of one of their names
(PEP 562), so that ``import aieco`` stays about as cheap as importing attrs, cattrs and babel.
"""

import importlib
from typing import TYPE_CHECKING, Any

from aieco.dates import PartialDate, Precision
from aieco.errors import (
    AiecoError,
    ConversionError,
    CurrencyMismatch,
    NotFound,
    ParseError,
    Problem,
    UnsupportedLocale,
    ValidationError,
)
from aieco.model import (
    Citation,
    Company,
    CompanyCategory,
    FundingRound,
    Investor,
    InvestorKind,
    Participation,
    Policy,
    PolicyKind,
    PolicyStatus,
    RoundType,
    Source,
)
from aieco.money import Amount, Money, Qualifier
from aieco.serialize import converter, from_json, to_json

if TYPE_CHECKING:
    from aieco.amounts import (
        Mention,
        MentionColumns,
        extract_amounts,
        extract_amounts_many,
        format_amount,
        format_money,
        parse_amount,
        parse_money,
        parse_number,
    )
    from aieco.batch import extract_amounts_table
    from aieco.dataset import Dataset, dump, load
    from aieco.fx import convert
    from aieco.query import Participations, Query
    from aieco.rounds import (
        Conflict,
        Draft,
        InvestorMention,
        NameFinder,
        RoundMention,
        Span,
        ValuationBasis,
        extract_rounds,
        read_article,
    )

__version__ = "0.1.0"

#: Public names whose modules are imported on first use, and where they live.
_LAZY = {
    "Conflict": "aieco.rounds",
    "Dataset": "aieco.dataset",
    "Draft": "aieco.rounds",
    "InvestorMention": "aieco.rounds",
    "Mention": "aieco.amounts",
    "MentionColumns": "aieco.amounts",
    "NameFinder": "aieco.rounds",
    "Participations": "aieco.query",
    "Query": "aieco.query",
    "RoundMention": "aieco.rounds",
    "Span": "aieco.rounds",
    "ValuationBasis": "aieco.rounds",
    "convert": "aieco.fx",
    "dump": "aieco.dataset",
    "extract_amounts": "aieco.amounts",
    "extract_amounts_many": "aieco.amounts",
    "extract_amounts_table": "aieco.batch",
    "extract_rounds": "aieco.rounds",
    "format_amount": "aieco.amounts",
    "format_money": "aieco.amounts",
    "load": "aieco.dataset",
    "parse_amount": "aieco.amounts",
    "parse_money": "aieco.amounts",
    "parse_number": "aieco.amounts",
    "read_article": "aieco.rounds",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'aieco' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "AiecoError",
    "Amount",
    "Citation",
    "Company",
    "CompanyCategory",
    "Conflict",
    "ConversionError",
    "CurrencyMismatch",
    "Dataset",
    "Draft",
    "FundingRound",
    "Investor",
    "InvestorKind",
    "InvestorMention",
    "Mention",
    "MentionColumns",
    "Money",
    "NameFinder",
    "NotFound",
    "ParseError",
    "PartialDate",
    "Participation",
    "Participations",
    "Policy",
    "PolicyKind",
    "PolicyStatus",
    "Precision",
    "Problem",
    "Qualifier",
    "Query",
    "RoundMention",
    "RoundType",
    "Source",
    "Span",
    "UnsupportedLocale",
    "ValidationError",
    "ValuationBasis",
    "__version__",
    "convert",
    "converter",
    "dump",
    "extract_amounts",
    "extract_amounts_many",
    "extract_amounts_table",
    "extract_rounds",
    "format_amount",
    "format_money",
    "from_json",
    "load",
    "parse_amount",
    "parse_money",
    "parse_number",
    "read_article",
    "to_json",
]
