"""Find every amount in a German news paragraph with ``aieco.extract_amounts``, then look up
the dataset records each amount belongs to: a round's size, a valuation, an investor's part or a
policy's budget. The hedges ("rund", "fast", "etwa") and currencies come out as the text has them.

Run it with ``uv run python examples/extract_from_article.py``.
"""

from collections.abc import Iterator

import aieco
from aieco import Amount

PARAGRAPH = """\
Der niederländische Chip-Ausrüster ASML investiert 1,3 Mrd. Euro in Mistral AI und führt damit
eine Runde von rund 2 Mrd. USD an, die das Pariser Startup mit fast 14 Mrd. USD bewertet.
Anthropic hatte kurz zuvor 13 Mrd. USD bei einer Bewertung von 183 Mrd. USD eingesammelt;
Anfang 2026 folgte eine Series G von etwa 30 Milliarden Dollar. Die EU hält mit einem
Drei-Milliarden-Euro-Innovationspaket dagegen, europäische Gründer kommen oft mit Runden von
5–50 Millionen Euro aus.
"""


def same_figure(a: Amount | None, b: Amount) -> bool:
    """The same bounds in the same unit (the hedge may differ)."""
    return a is not None and (a.low, a.high, a.unit) == (b.low, b.high, b.unit)


def records_for(ds: aieco.Dataset, amount: Amount) -> Iterator[str]:
    """Describe every dataset figure equal to ``amount``."""
    for funding_round in ds.funding_rounds:
        company = ds.company(funding_round.company_id).name
        kind = funding_round.round_type.value.replace("_", " ").title()
        label = f"{company}, {kind} ({funding_round.announced})"
        if same_figure(funding_round.amount, amount):
            yield f"amount of the round {label}"
        if same_figure(funding_round.valuation, amount):
            yield f"valuation in the round {label}"
        for part in funding_round.participants:
            if same_figure(part.amount, amount):
                yield f"{ds.investor(part.investor_id).name}'s part in the round {label}"
    for policy in ds.policies:
        if same_figure(policy.budget, amount):
            yield f"budget of {policy.name}"


ds = aieco.load()
mentions = aieco.extract_amounts(PARAGRAPH)
print(f"{len(mentions)} amounts in the paragraph:")
for mention in mentions:
    reading = aieco.format_amount(mention.amount)
    print(f"  {mention.text!r:<34} {reading:<18} ({mention.amount.qualifier.value})")
    found = list(records_for(ds, mention.amount))
    for description in found:
        print(f"      = {description}")
    if not found:
        print("      (no record in the dataset has this figure)")
