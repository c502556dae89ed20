"""US versus Europe: the funding rounds in aieco's dataset by region and year, normalized to US
dollars with ECB reference rates at each round's date (``group_by``, ``total``, ``convert``),
next to the programmes, initiatives and proposals with a budget that both sides announced. This
is the comparison the source articles argue about. Hedges stay visible: most US rounds are
reported only as "mindestens 100 Millionen Dollar", so the US totals are lower bounds
("mindestens").

The announced budgets are listed by kind and never added up: not all of them are public money
(article 001 calls the 500-billion-dollar US project "keine staatliche, sondern eine rein
private" investment, and the dataset says so), and Draghi's figure is a sum per year, not a
one-off budget.

It also draws the money raised per region and year as stacked bars (``Groups.plot``, the extra
``aieco[plot]``) and writes the chart to a PNG file: the path given as the first argument, or
``us_vs_europe.png`` in the current folder. The US bars are open: "mindestens".

Run it with ``uv run python examples/us_vs_europe.py [chart.png]``.
"""

import sys
from decimal import ROUND_HALF_UP, Decimal

import aieco
from aieco import Amount, Policy, Qualifier

ds = aieco.load()
rounds = ds.funding_rounds.where(region=["US", "Europe"])


def show(amount: Amount) -> str:
    """An amount the way a German text writes it, e.g. 'mindestens 51,2 Mrd. $'."""
    return aieco.format_amount(amount)


def rounded(amount: Amount, step: Decimal = Decimal("1E+7")) -> Amount:
    """A converted amount to the nearest 10 million, marked 'rund' when rounding changed it."""
    low, high = (bound.quantize(step, ROUND_HALF_UP) for bound in (amount.low, amount.high))
    qualifier = amount.qualifier
    if (low, high) != (amount.low, amount.high) and qualifier is Qualifier.EXACT:
        qualifier = Qualifier.APPROX
    if low == high:
        return Amount(low, unit=amount.unit, qualifier=qualifier)
    return Amount.range(low, high, amount.unit, qualifier)


print("Funding rounds by region and year (in USD at each round's date)")
groups = rounds.group_by("region", "year")
counts = groups.count()
for (region, year), total in groups.total("USD").items():
    when = "undated" if year is None else str(year)
    label = "round" if counts[(region, year)] == 1 else "rounds"
    reported = show(total) if total.high > 0 else "(amount not reported)"
    print(f"  {region:<7} {when:<8} {counts[(region, year)]:>2} {label:<7} {reported}")
print()

print("By region")
totals = {}
for region, group in rounds.group_by("region").items():
    totals[region] = group.total("USD")
    largest = group.sort_by("amount", descending=True).first()
    company = ds.company(largest.company_id).name
    print(f"  {region:<7} together {show(totals[region])}")
    print(f"          largest: {company}, {show(largest.amount)}")
ratio = totals["US"].low / totals["Europe"].high
print(f"  The US rounds raised about {ratio:.0f} times as much, and the US total is a lower bound.")
print()

# One deal, two currencies: article 004 reports ASML's part in Mistral AI's round both as
# "1,3 Mrd. Euro" and as "mehr als 1,5 Mrd. USD". The ECB rate of the announcement day agrees.
mistral_round = ds.rounds_for("Mistral AI").first()
asml = next(p for p in mistral_round.participants if p.investor_id == "asml")
assert asml.amount is not None
in_usd = aieco.convert(asml.amount, "USD", on=mistral_round.announced)
print(f"ASML's part in Mistral AI's round ({mistral_round.announced}):")
print(f"  {show(asml.amount)} = {show(rounded(in_usd))} (exactly {in_usd.value} USD)")
print()


def dataset_says(policy: Policy, words: str) -> bool:
    """Whether the record's description or a citation note says ``words``.

    The model has no field for who pays or for a yearly budget; the dataset states both in
    words (Stargate: "privately funded"; Draghi: "the budget is per year"), so this reads them
    there instead of guessing.
    """
    texts = [policy.description or "", *(citation.note or "" for citation in policy.sources)]
    return any(words in text.lower() for text in texts)


print("Announced programmes, initiatives and proposals with a budget (in USD at the")
print("announcement date; listed, not added up: some are private, some figures are yearly)")
announced = ds.policies.where(region=["US", "Europe"]).filter(lambda p: p.budget is not None)
for kind, group in announced.group_by("kind").items():
    print(f"  {kind.value.replace('_', ' ').capitalize()}")
    for policy in group.sort_by("budget", descending=True):
        assert policy.budget is not None
        converted = rounded(aieco.convert(policy.budget, "USD", on=policy.announced))
        private = " (private money)" if dataset_says(policy, "private") else ""
        per_year = " a year" if dataset_says(policy, "per year") else ""
        print(f"    {policy.jurisdiction}  {policy.name}{private}")
        print(f"        {show(policy.budget)}{per_year} = {show(converted)}{per_year}")


# The chart: money raised per region and year, stacked; hedges drawn as the legend says.
chart = sys.argv[1] if len(sys.argv) > 1 else "us_vs_europe.png"
axes = groups.plot(title="Funding rounds, US and Europe (USD at each round's date)")
axes.figure.savefig(chart, dpi=100)
print()
print(f"Chart written to {chart}")
