"""aieco: a typed, cited model of the AI ecosystem read from German-language reporting."""

from aieco.amounts import (
    Mention,
    extract_amounts,
    format_amount,
    format_money,
    parse_amount,
    parse_money,
    parse_number,
)
from aieco.dataset import Dataset, dump, load
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
from aieco.fx import convert
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
from aieco.query import Query
from aieco.serialize import converter, from_json, to_json

__version__ = "0.1.0"

__all__ = [
    "AiecoError",
    "Amount",
    "Citation",
    "Company",
    "CompanyCategory",
    "ConversionError",
    "CurrencyMismatch",
    "Dataset",
    "FundingRound",
    "Investor",
    "InvestorKind",
    "Mention",
    "Money",
    "NotFound",
    "ParseError",
    "PartialDate",
    "Participation",
    "Policy",
    "PolicyKind",
    "PolicyStatus",
    "Precision",
    "Problem",
    "Qualifier",
    "Query",
    "RoundType",
    "Source",
    "UnsupportedLocale",
    "ValidationError",
    "__version__",
    "convert",
    "converter",
    "dump",
    "extract_amounts",
    "format_amount",
    "format_money",
    "from_json",
    "load",
    "parse_amount",
    "parse_money",
    "parse_number",
    "to_json",
]
