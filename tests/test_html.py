"""Readable views: the HTML of every object a notebook shows, escaped, in German amounts."""

from __future__ import annotations

from decimal import Decimal

import aieco
from aieco import (
    Amount,
    Citation,
    Company,
    Dataset,
    FundingRound,
    Investor,
    Money,
    PartialDate,
    Participation,
    Policy,
    PolicyKind,
    Qualifier,
    RoundType,
    Source,
)
from tests.fixtures.sample import sample

EVIL = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def _evil() -> Dataset:
    cite = (Citation("s", f"Zitat {EVIL}", note=EVIL),)
    return Dataset(
        sources=[Source("s", EVIL, PartialDate(2025), publisher=EVIL)],
        companies=[Company("evil", EVIL, "FR", headquarters=EVIL, sources=cite)],
        investors=[Investor("inv", EVIL)],
        funding_rounds=[
            FundingRound(
                "r",
                "evil",
                RoundType.SERIES_A,
                PartialDate(2025, 3),
                Amount(Decimal("30000000000"), unit="USD", qualifier=Qualifier.APPROX),
                participants=(Participation("inv", lead=True),),
                sources=cite,
            )
        ],
        policies=[Policy("p", EVIL, "EU", PolicyKind.REGULATION, description=EVIL)],
    )


def test_everything_is_escaped() -> None:
    """A name with <script> shows as text in every view."""
    ds = _evil()
    views = [
        ds._repr_html_(),
        ds.companies._repr_html_(),
        ds.funding_rounds._repr_html_(),
        ds.investors._repr_html_(),
        ds.policies._repr_html_(),
        ds.sources._repr_html_(),
        ds.funding_rounds.group_by("company")._repr_html_(),
        *(r._repr_html_() for kind in (ds.companies, ds.policies, ds.sources) for r in kind),
        ds.funding_rounds.first().sources[0]._repr_html_(),  # type: ignore[attr-defined]
    ]
    for page in views:
        assert "<script>" not in page
        assert ESCAPED in page or "Zitat" in page


def test_record_card() -> None:
    """A record is a card: label, kind, readable fields, German amounts, citations folded."""
    funding_round = _evil().funding_rounds.first()
    page = funding_round._repr_html_()  # type: ignore[attr-defined]
    assert "<strong>r</strong> <small>funding round</small>" in page
    assert ">rund 30\xa0Mrd.\xa0$<" in page
    assert 'title="about 30000000000 USD"' in page
    assert "Series A" in page
    assert "2025-03" in page
    assert "<details><summary>1 citation</summary>" in page
    assert "inv (lead)" in page


def test_amount_and_money() -> None:
    """Amount and Money show as a German reader writes them; repr and str stay exact."""
    amount = Amount(Decimal("30000000000"), unit="USD", qualifier=Qualifier.APPROX)
    assert ">rund 30\xa0Mrd.\xa0$</span>" in amount._repr_html_()  # type: ignore[attr-defined]
    assert repr(amount).startswith("Amount(value=Decimal('30000000000'), ")
    money = Money(Decimal("1500000"), "EUR")
    assert ">1,5\xa0Mio.\xa0€</span>" in money._repr_html_()  # type: ignore[attr-defined]
    assert "1500000 EUR" == str(money)
    assert "1,500,000.00 EUR" == format(money, ",.2f")
    assert "1,5\xa0Mio.\xa0€" == f"{money:de_DE}"
    assert "rund 30\xa0Mrd.\xa0$" == f"{amount:de_DE}"
    assert "about $30B" == f"{amount:en_US}"
    assert "about 30000000000 USD" == str(amount)


def test_query_view_has_the_cli_columns_newest_first() -> None:
    """Rounds: the CLI's columns, formatted amounts, newest first unless sorted."""
    ds = sample()
    page = ds.funding_rounds._repr_html_()
    headers = ["Date", "Company", "Round", "Amount", "Valuation", "Investors (* lead)"]
    assert "".join(f"<th>{h}</th>" for h in headers) in page
    assert "newest first" in page
    order = [r.id for r in ds.funding_rounds.newest_first()]
    dates = [str(r.announced) for r in ds.funding_rounds.newest_first() if r.announced]
    positions = [page.index(f"<td>{d}</td>") for d in dict.fromkeys(dates)]
    assert positions == sorted(positions)
    assert len(order) == len(ds.funding_rounds)
    assert "1,3\xa0Mrd.\xa0€" in page
    sorted_page = ds.funding_rounds.sort_by("amount")._repr_html_()
    assert "newest first" not in sorted_page


def test_groups_view_is_a_table() -> None:
    """Groups: keys, counts and formatted totals."""
    page = sample().funding_rounds.group_by("country")._repr_html_()
    assert "<th>country</th><th>count</th><th>total (USD)</th>" in page
    assert "<td>US</td>" in page
    companies = sample().companies.group_by("category")._repr_html_()
    assert "<td>AI lab</td>" in companies
    assert "total" not in companies


def test_dataset_view() -> None:
    """A Dataset shows its counts, its sources and its newest rounds."""
    ds = aieco.load()
    page = ds._repr_html_()
    assert f"<td>funding rounds</td><td>{len(ds.funding_rounds)}</td>" in page
    assert f"{len(ds.sources)} sources" in page
    newest = ds.funding_rounds.newest_first().first()
    assert ds.company_of(newest).name in page


def test_one_order_for_library_and_cli() -> None:
    """rounds_for, investments_by and the CLI list rounds in Query.newest_first's order."""
    from aieco.cli import _listing

    ds = aieco.load()
    for company in ds.companies:
        mine = ds.funding_rounds.where(company=company).newest_first()
        assert [r.id for r in mine] == [r.id for r in ds.rounds_for(company)]
    for investor in ds.investors:
        mine = ds.funding_rounds.where(investor=investor).newest_first()
        assert [r.id for r in mine] == [r.id for r in ds.investments_by(investor)]
    assert [r.id for r in _listing.newest_first(ds.funding_rounds)] == [
        r.id for r in ds.funding_rounds.newest_first()
    ]
    dated = [r.announced for r in ds.funding_rounds.newest_first() if r.announced is not None]
    assert [d.first_day for d in dated] == sorted((d.first_day for d in dated), reverse=True)
