"""Quickstart: load aieco's bundled dataset, look up Mistral AI, list its funding rounds with
their investors and a source quote, and ask one question across all rounds: which rounds raised
at least one billion US dollars?

Run it with ``uv run python examples/quickstart.py``.
"""

import textwrap

import aieco

ds = aieco.load()  # the bundled dataset, loaded and checked on first use, then cached
print(ds)
print()

# Look a company up by id, name or alias, ignoring case and accents.
mistral = ds.company("mistral")
print(f"{mistral.name} ({mistral.country}, founded {mistral.founded}, {mistral.headquarters})")

# Its funding rounds, newest first. Amounts keep the text's hedge ("rund", "fast") and currency.
for funding_round in ds.rounds_for(mistral):
    kind = funding_round.round_type.value.replace("_", " ").title()
    print(
        f"  {funding_round.announced} {kind}: {aieco.format_amount(funding_round.amount)}, "
        f"valued at {aieco.format_amount(funding_round.valuation)}"
    )
    for part in funding_round.participants:
        investor = ds.investor(part.investor_id)
        details = ["lead" if part.lead else "participant"]
        if part.amount is not None:
            details.append(aieco.format_amount(part.amount))
        if part.stake is not None:
            details.append(f"for {aieco.format_amount(part.stake)}")
        print(f"    {investor.name} ({', '.join(details)})")
    quote = funding_round.sources[0]
    print(f"    {len(funding_round.sources)} quotes, e.g. from {quote.source_id}:")
    print(
        textwrap.fill(f"„{quote.quote}“", 88, initial_indent="      ", subsequent_indent="      ")
    )
print()

# One question across the dataset: rounds of at least 1 billion US dollars. The threshold is
# read by the amounts engine; other currencies are compared after conversion, and a hedged
# "mindestens 100 Mio. $" never counts as a billion.
big = ds.funding_rounds.where(min_amount="1 Mrd. USD").sort_by("amount", descending=True)
print(f"Rounds of at least 1 Mrd. $: {len(big)}")
for funding_round in big:
    company = ds.company(funding_round.company_id).name
    kind = funding_round.round_type.value.replace("_", " ").title()
    print(f"  {company:<11} {kind:<9} {aieco.format_amount(funding_round.amount)}")
