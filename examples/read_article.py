"""From a German news article to reviewed records: read the funding rounds it reports with
``aieco.read_article``, look at the draft and its conflicts with the bundled dataset, merge it,
and query the merged dataset. Every new record cites the sentence it was read from.

Run it with ``uv run python examples/read_article.py``.
"""

import aieco
from aieco import Source

ARTICLE = """\
KI-Start-up Xaver sammelt 12 Millionen Euro ein

Das Wiener KI-Start-up Xaver hat in einer Series-A-Runde 12 Millionen Euro eingesammelt.
Angeführt wird die Finanzierungsrunde von Speedinvest, beteiligt sind auch Nvidia und
Lakestar. Das Unternehmen wird damit mit rund 60 Millionen Euro bewertet. Der Umsatz lag
im vergangenen Jahr bei 2 Millionen Euro.

Zuvor hatte Nvidia in Luma investiert. Mistral AI hat eine Series-C-Runde in Höhe von
1,7 Mrd. Euro abgeschlossen, angeführt von ASML.
"""


def main() -> None:
    known = aieco.load()
    source = Source("xaver-news", "KI-Start-up Xaver sammelt 12 Millionen Euro ein")
    draft = aieco.read_article(ARTICLE, source=source, known=known)

    print(f"The article reports {len(draft.rounds)} rounds:")
    for mention in draft.rounds:
        link = mention.company_id or "new"
        print(f"  {mention.company} ({link}): {mention.amount}, {mention.round_type.value}")
        if mention.amount_span is not None:
            print(f"    amount read from {mention.amount_span.text!r}")

    print("\nConflicts with the bundled dataset (kept as they are there):")
    for conflict in draft.conflicts:
        print(f"  {conflict}")

    merged = known.merge(draft)
    print(f"\nMerged: {len(known.funding_rounds)} -> {len(merged.funding_rounds)} rounds")
    xaver = merged.company("Xaver")
    for funding_round in merged.rounds_for(xaver):
        leads = [merged.investor(i).name for i in funding_round.leads]
        print(f"  {xaver.name}: {funding_round.amount}, valued {funding_round.valuation}")
        print(f"    led by {', '.join(leads)}; cited: {funding_round.sources[0].quote!r}")
    backed = [
        c.name
        for c in merged.companies
        if any(p.investor_id == "nvidia" for r in merged.rounds_for(c) for p in r.participants)
    ]
    print(f"  Nvidia took part in rounds of: {', '.join(sorted(backed))}")


if __name__ == "__main__":
    main()
