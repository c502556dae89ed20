"""aieco: a typed, cited model of the AI ecosystem read from German-language reporting."""

from aieco.dataset import Dataset, dump, load
from aieco.dates import PartialDate, Precision
from aieco.errors import (
    AiecoError,
    ConversionError,
    CurrencyMismatch,
    NotFound,
    ParseError,
    Problem,
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
    "ValidationError",
    "__version__",
    "convert",
    "converter",
    "dump",
    "from_json",
    "load",
    "to_json",
]
