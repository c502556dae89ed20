"""How an amount is written, and for whom: repr for Python, str for logs, a locale for people.

Each form is exact: it reads back as the same amount (docs/model.md, "Writing an amount").
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given

from aieco import Amount, Money, Qualifier, parse_amount
from aieco.money import PERCENT
from tests.strategies import amounts, money

APPROX_30BN = Amount(Decimal("3E+10"), unit="USD", qualifier=Qualifier.APPROX)


def test_the_four_forms() -> None:
    assert str(APPROX_30BN) == f"{APPROX_30BN}" == "about 30000000000 USD"
    assert f"{APPROX_30BN:de_DE}" == "rund 30\xa0Mrd.\xa0$"
    assert f"{APPROX_30BN:en_US}" == "about $30B"
    assert "rund 30\xa0Mrd.\xa0$" in APPROX_30BN._repr_html_()  # type: ignore[attr-defined]
    assert repr(APPROX_30BN) == (
        "Amount(value=Decimal('3E+10'), low=Decimal('3E+10'), high=Decimal('3E+10'), "
        "unit='USD', qualifier=Qualifier.APPROX)"
    )


def test_str_has_one_reading_in_every_country() -> None:
    """No group separators and a decimal point: "120.000 CHF" would be 120 francs in English."""
    assert str(Amount(Decimal("120000"), unit="CHF")) == "120000 CHF"
    assert str(Money(Decimal("2.50"), "EUR")) == "2.50 EUR"
    assert str(Amount(Decimal("11"), unit=PERCENT)) == "11 %"
    assert f"{Amount(Decimal('120000'), unit='CHF'):de_DE}" == "120.000\xa0CHF"


def evaluated(text: str) -> object:
    """``eval`` of a repr, as is: every model enum's repr is its name (``Qualifier.APPROX``)."""
    return eval(
        text, {"Amount": Amount, "Money": Money, "Decimal": Decimal, "Qualifier": Qualifier}
    )


@given(amounts())
def test_repr_is_exact_and_evaluable(amount: Amount) -> None:
    assert evaluated(repr(amount)) == amount


@given(amounts())
def test_str_reads_back_as_the_same_amount(amount: Amount) -> None:
    assert parse_amount(str(amount), locale="en_US") == amount


@given(amounts())
def test_the_german_form_reads_back_as_the_same_amount(amount: Amount) -> None:
    assert parse_amount(f"{amount:de_DE}") == amount
    assert parse_amount(format(amount, "en_US"), locale="en_US") == amount


@given(money)
def test_money_forms(value: Money) -> None:
    assert str(value) == f"{value}" == f"{value.amount:f} {value.currency}"
    assert parse_amount(f"{value:de_DE}").money == value
    assert evaluated(repr(value)) == value


def test_every_bundled_record_repr_evaluates_to_the_record() -> None:
    """Records hold enums, dates, amounts and citations: their repr gives them back."""
    import datetime

    import aieco
    from aieco import dates, model, money

    namespace: dict[str, object] = {"Decimal": Decimal, "datetime": datetime}
    for module in (model, money, dates):
        namespace.update({name: getattr(module, name) for name in module.__all__})
    ds = aieco.load()
    records = [*ds.companies, *ds.investors, *ds.funding_rounds, *ds.policies, *ds.sources]
    assert len(records) > 50
    for record in records:
        assert eval(repr(record), namespace) == record
