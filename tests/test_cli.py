"""The `aieco` command: every subcommand, --json, exit statuses and one-line errors."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shlex
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aieco
from aieco import Company, FundingRound, Investor, Policy
from aieco._labels import enum_label
from aieco.cli import main
from aieco.cli._layout import display_width, table

PREFIX = "aieco: error: "


def run(*argv: str, stdin: str | bytes | None = None) -> tuple[int, str, str]:
    """Call main() with argv and return (status, stdout, stderr).

    Bytes for stdin come in a text stream whose encoding is Latin-1, as an environment with
    PYTHONIOENCODING=latin-1 (or a Latin-1 locale) would set it up.
    """
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    if isinstance(stdin, bytes):
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="latin-1")
    elif stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(list(argv))
    finally:
        sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


def ok(*argv: str, stdin: str | bytes | None = None, expected_status: int = 0) -> str:
    """Stdout of a command that must succeed silently on stderr."""
    status, out, err = run(*argv, stdin=stdin)
    assert (expected_status, "") == (status, err)
    return out


def ok_json(*argv: str, stdin: str | bytes | None = None) -> Any:
    """The parsed JSON a command writes with --json."""
    return json.loads(ok("--json", *argv, stdin=stdin))


def assert_one_error_line(err: str) -> None:
    """Stderr is exactly one line that starts with the error prefix (no traceback)."""
    assert [err.rstrip("\n")] == err.splitlines()
    assert err.startswith(PREFIX), err
    assert "Traceback" not in err


def fails(*argv: str, expected_status: int = 1, stdin: str | bytes | None = None) -> str:
    """Stderr of a command that must fail with one error line and nothing on stdout."""
    status, out, err = run(*argv, stdin=stdin)
    assert (expected_status, "") == (status, out)
    if expected_status == 1:
        assert_one_error_line(err)
    else:  # argparse: the usage, then one error line
        assert err.splitlines()[-1].startswith(PREFIX), err
        assert "Traceback" not in err
    return err


def shown(amount: aieco.Amount, locale: str = "de_DE") -> str:
    """An amount as the tables show it: format_amount with plain spaces."""
    return aieco.format_amount(amount, locale=locale).replace("\xa0", " ").replace("\u202f", " ")


def dedent(out: str) -> str:
    """The lines of an indented section of `show` without their two-space indent."""
    return "\n".join(line.removeprefix("  ") for line in out.splitlines())


def rows_of(out: str) -> list[str]:
    """The table body: the lines after the header rule, up to the first blank line."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("─")) + 1
    body = []
    for line in lines[start:]:
        if not line.strip():
            break
        body.append(line)
    return body


@pytest.fixture(scope="module")
def ds() -> Any:
    """The bundled dataset."""
    return aieco.load()


# --- parse ----------------------------------------------------------------------------------


PARSE_CASES = [
    ("rund 4 Mrd. USD", "de_DE"),
    ("mindestens 100 Millionen Dollar", "de_DE"),
    ("5–50 Millionen Euro", "de_DE"),
    ("ein zweistelliger Millionenbetrag", "de_DE"),
    ("11 %", "de_DE"),
    ("1'250'000 CHF", "de_CH"),
    ("about $4 billion", "en_US"),
]


@pytest.mark.parametrize(("text", "locale"), PARSE_CASES, ids=[c[0] for c in PARSE_CASES])
def test_parse_json_is_the_engine_reading(text: str, locale: str) -> None:
    """`parse --json` writes the engine's Amount as the JSON contract has it."""
    expected = aieco.parse_amount(text, locale=locale)
    data = ok_json("parse", "--locale", locale, text)
    assert expected == aieco.from_json(json.dumps(data["amount"]), aieco.Amount)
    assert text == data["text"]
    assert aieco.format_amount(expected, locale=locale) == data["formatted"]  # exact, NBSPs too


@pytest.mark.parametrize(("text", "locale"), PARSE_CASES, ids=[c[0] for c in PARSE_CASES])
def test_parse_table_shows_formatted_amount_and_qualifier(text: str, locale: str) -> None:
    """The human output names the formatted amount, the unit and the qualifier."""
    amount = aieco.parse_amount(text, locale=locale)
    out = ok("parse", "--locale", locale, text)
    labels = dict(line.split(None, 1) for line in out.splitlines())
    assert shown(amount, locale) == labels["amount"]
    assert enum_label(amount.qualifier) == labels["qualifier"]
    assert ("value" in labels) == (amount.value is not None)


def test_parse_reads_the_exact_decimal() -> None:
    """'1,5 Mrd. USD' is shown as the exact integer 1500000000."""
    out = ok("parse", "1,5 Mrd. USD")
    assert "value      1500000000" in out.splitlines()


@pytest.mark.parametrize(
    "text", ["kein Betrag", "", "1.5 Mrd. USD", "12.06.1994"], ids=["words", "empty", "dot", "date"]
)
def test_parse_error_is_one_line_and_exit_1(text: str) -> None:
    """Text that is not an amount: exit 1 and one stderr line, nothing on stdout."""
    fails("parse", text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_parse_never_raises(text: str) -> None:
    """Arbitrary text: exit 0 with output, or exit 1 with exactly one error line."""
    status, out, err = run("parse", "--", text)
    assert status in (0, 1)
    if status == 0:
        assert not err
        assert out
    else:
        assert not out
        assert_one_error_line(err)


def test_dash_text_after_double_dash() -> None:
    """A negative amount that looks like an option is read after '--'."""
    data = ok_json("parse", "--", "-2,50€")
    expected = aieco.Amount(Decimal("-2.50"), unit="EUR")
    assert aieco.converter.unstructure(expected) == data["amount"]


# --- extract --------------------------------------------------------------------------------

PARAGRAPH = (
    "ASML investiert 1,3 Mrd. Euro in Mistral AI. Die Runde umfasst rund 2 Mrd. USD, "
    "die Bewertung liegt bei fast 14 Mrd. USD. Im Jahr 2025 kamen US-Startups auf über "
    "76 Milliarden Dollar."
)


def test_extract_file_lists_every_mention(tmp_path: Path) -> None:
    """Each mention of extract_amounts appears as a row, in order, with its span."""
    path = tmp_path / "artikel.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    mentions = aieco.extract_amounts(PARAGRAPH)
    out = ok("extract", str(path))
    body = rows_of(out)
    assert len(mentions) == len(body)
    for mention, row in zip(mentions, body, strict=True):
        assert row.startswith(f"{mention.start}–{mention.end}")
        assert mention.text in row
        assert shown(mention.amount) in row
    assert f"{len(mentions)} amounts in {path}" == out.splitlines()[-1]


def test_extract_json_matches_the_engine(tmp_path: Path) -> None:
    """--json gives start, end, text and the amount of every mention."""
    path = tmp_path / "artikel.txt"
    path.write_text(PARAGRAPH, encoding="utf-8")
    expected = [
        {
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "amount": aieco.converter.unstructure(m.amount),
        }
        for m in aieco.extract_amounts(PARAGRAPH)
    ]
    assert expected == ok_json("extract", str(path))
    assert len(expected) >= 4


def test_extract_reads_stdin() -> None:
    """'-' reads standard input."""
    data = ok_json("extract", "-", stdin=PARAGRAPH)
    assert [m.text for m in aieco.extract_amounts(PARAGRAPH)] == [m["text"] for m in data]


def test_extract_numbers_adds_bare_numbers() -> None:
    """--numbers also lists bare numbers such as the year 2025."""
    plain = ok_json("extract", "-", stdin=PARAGRAPH)
    numbers = ok_json("extract", "--numbers", "-", stdin=PARAGRAPH)
    assert "2025" not in [m["text"] for m in plain]
    assert "2025" in [m["text"] for m in numbers]


def test_extract_without_amounts_says_so() -> None:
    """A text without amounts: exit 0 and one line saying so."""
    assert "no amounts in standard input\n" == ok("extract", "-", stdin="Keine Beträge hier.")


def test_extract_unreadable_inputs_exit_1(tmp_path: Path) -> None:
    """A missing file and non-UTF-8 bytes are one-line errors with exit 1.

    (A folder is read as a corpus: tests/test_cli_extract.py.)
    """
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Größe: 5 Mio. EUR".encode("latin-1"))
    for target in (tmp_path / "missing.txt", latin):
        err = fails("extract", str(target))
        assert str(target) in err


def test_extract_stdin_is_utf8_whatever_the_environment_says() -> None:
    """Standard input is read as UTF-8 bytes, not in the stream's (here Latin-1) encoding."""
    text = "Es flossen 1,5 Mrd. € und rund 300 Mio. £."
    expected = [aieco.converter.unstructure(m.amount) for m in aieco.extract_amounts(text)]
    data = ok_json("extract", "-", stdin=text.encode("utf-8"))
    assert expected == [m["amount"] for m in data]
    assert {"EUR", "GBP"} == {m["amount"]["unit"] for m in data}


def test_extract_stdin_and_file_read_the_same_bytes(tmp_path: Path) -> None:
    """The same bytes give the same mentions, offsets included, from a file and from stdin."""
    data = "Zeile eins: 5 Mio. €\r\nZeile zwei: rund 2 Mrd. USD\r\n".encode()
    path = tmp_path / "crlf.txt"
    path.write_bytes(data)
    from_file = ok_json("extract", str(path))
    assert from_file == ok_json("extract", "-", stdin=data)
    assert [m["text"] for m in from_file] == [
        data.decode()[m["start"] : m["end"]] for m in from_file
    ]


def test_extract_stdin_with_bad_bytes_exits_1_like_a_file(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 on stdin are the same one-line error (exit 1) as in a file."""
    data = "Größe: 5 Mio. EUR".encode("latin-1")
    path = tmp_path / "latin1.txt"
    path.write_bytes(data)
    from_stdin = fails("extract", "-", stdin=data)
    from_file = fails("extract", str(path))
    assert from_file.replace(str(path), "standard input") == from_stdin
    assert "not UTF-8" in from_stdin


def test_extract_stdin_in_a_latin1_environment() -> None:
    """`echo … | PYTHONIOENCODING=latin-1 aieco extract -` still finds the euro amount."""
    env = {**os.environ, "PYTHONIOENCODING": "latin-1:backslashreplace"}
    argv = [sys.executable, "-m", "aieco", "--json", "extract", "-"]
    text = "Es flossen 1,5 Mrd. €\n"
    result = subprocess.run(argv, input=text.encode(), capture_output=True, env=env, check=False)
    expected = [aieco.converter.unstructure(m.amount) for m in aieco.extract_amounts(text)]
    assert (0, b"") == (result.returncode, result.stderr)
    assert expected == [m["amount"] for m in json.loads(result.stdout)]
    assert "EUR" == expected[0]["unit"]


# --- rounds ---------------------------------------------------------------------------------


def test_rounds_quickstart_lists_the_billion_rounds(ds: Any) -> None:
    """The README's first command: every round of at least 1 Mrd. USD, Anthropic's Series G too."""
    expected = ds.funding_rounds.where(min_amount="1 Mrd. USD")
    out = ok("rounds", "--min", "1 Mrd. USD")
    body = rows_of(out)
    assert len(expected) == len(body)
    assert len(body) >= 3
    (series_g,) = [row for row in body if "Anthropic" in row and "Series G" in row]
    assert "30 Mrd. $" in series_g
    assert out.splitlines()[-1].startswith(f"{len(expected)} funding rounds")


def test_rounds_table_is_aligned() -> None:
    """Header, rule and rows start their columns at the same display positions."""
    out = ok("rounds", "--min", "1 Mrd. USD")
    lines = out.splitlines()
    rule = lines[1]
    starts = [i for i, c in enumerate(rule) if c == "─" and (i == 0 or rule[i - 1] == " ")]
    for line in lines[: 2 + len(rows_of(out))]:
        for start in starts[1:]:
            assert line[start - 1].isspace(), line
    assert lines[0].startswith("Date")


def test_rounds_json_round_trips(ds: Any) -> None:
    """--json writes the records of the JSON contract: from_json gives the dataset's rounds."""
    data = ok_json("rounds", "--min", "1 Mrd. USD")
    rounds = [aieco.from_json(json.dumps(item), FundingRound) for item in data]
    assert sorted(r.id for r in ds.funding_rounds.where(min_amount="1 Mrd. USD")) == sorted(
        r.id for r in rounds
    )
    assert set(rounds) <= set(ds.funding_rounds)


def _ids(*argv: str) -> list[str]:
    return [item["id"] for item in ok_json("rounds", *argv)]


def test_rounds_company_filter(ds: Any) -> None:
    """--company by alias gives exactly that company's rounds, newest first."""
    mistral = ds.company("Mistral")
    assert [r.id for r in ds.rounds_for(mistral)] == _ids("--company", "mistral")


def test_rounds_filters_agree_with_where(ds: Any) -> None:
    """Each filter option gives the rounds Query.where gives."""
    cases: list[tuple[list[str], dict[str, Any]]] = [
        (["--country", "fr"], {"country": "FR"}),
        (["--region", "US"], {"region": "US"}),
        (["--region", "eu"], {"region": "EU"}),
        (["--region", "europe"], {"region": "Europe"}),
        (["--region", "us"], {"region": "US"}),
        (["--since", "2026"], {"since": 2026}),
        (["--until", "2025"], {"until": 2025}),
        (["--investor", "ASML"], {"investor": ds.investor("ASML").id}),
        (["--max", "1 Mrd. USD"], {"max_amount": "1 Mrd. USD"}),
    ]
    for argv, criteria in cases:
        expected = sorted(r.id for r in ds.funding_rounds.where(**criteria))
        assert expected == sorted(_ids(*argv)), argv
        assert expected, argv


def test_rounds_are_newest_first() -> None:
    """Dated rounds come newest first, undated ones last."""
    dates = [item.get("announced") for item in ok_json("rounds")]
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated, key=lambda d: aieco.PartialDate.fromisoformat(d), reverse=True)
    assert dates[: len(dated)] == dated


def test_rounds_locale_formats_amounts(ds: Any) -> None:
    """--locale en_US writes the amounts the English way, before or after the command."""
    series_g = next(
        r for r in ds.rounds_for("Anthropic") if r.round_type is aieco.RoundType.SERIES_G
    )
    english = shown(series_g.amount, "en_US")
    assert english != shown(series_g.amount)
    for argv in (["--locale", "en_US", "rounds"], ["rounds", "--locale", "en_US"]):
        out = ok(*argv, "--company", "Anthropic", "--min", "1 bn USD")
        assert english in out


OPTION_ERRORS = [
    (["rounds", "--min", "viel Geld"], "--min", 2),
    (["rounds", "--max", "1.5 Mrd. USD"], "--max", 2),
    (["rounds", "--min", "5"], "--min", 2),
    (["rounds", "--min", "5–50 Mio. EUR"], "--min", 2),
    (["rounds", "--min", "höchstens 5 Mio. EUR"], "--min", 2),
    (["rounds", "--min", "1 Mrd. XAU"], "--min", 2),
    (["rounds", "--country", "XX"], "--country", 2),
    (["rounds", "--country", "Germany"], "--country", 2),
    (["companies", "--country", "XX"], "--country", 2),
    (["rounds", "--region", "Mars"], "--region", 2),
    (["rounds", "--since", "abc"], "--since", 2),
    (["rounds", "--until", "0000"], "--until", 2),
    (["companies", "--category", "bakery"], "--category", 2),
    (["--locale", "xx_XX", "rounds"], "--locale", 2),
    (["rounds", "--locale", "xx_XX"], "--locale", 2),
    (["rounds", "--company", "Mistrall"], "--company", 1),
    (["rounds", "--investor", "Nvidea"], "--investor", 1),
]


@pytest.mark.parametrize(
    ("argv", "option", "status"),
    OPTION_ERRORS,
    ids=[
        "min-words",
        "max-english-dot",
        "min-no-currency",
        "min-range",
        "min-at-most",
        "min-no-rate",
        "rounds-country-unknown",
        "rounds-country-name",
        "companies-country",
        "region",
        "since",
        "until",
        "category",
        "locale-before",
        "locale-after",
        "company-not-found",
        "investor-not-found",
    ],
)
def test_option_errors_name_the_option(argv: list[str], option: str, status: int) -> None:
    """A value an option cannot use exits 2, a name that matches nothing 1; both name the option."""
    err = fails(*argv, expected_status=status)
    last = err.splitlines()[-1]
    assert last.startswith(f"{PREFIX}{option}: "), last
    assert "where(" not in last
    assert "_amount" not in last


def test_rounds_unknown_company_suggests() -> None:
    """--company with a misspelt name: exit 1 and a suggestion."""
    err = fails("rounds", "--company", "Mistrall")
    assert f"{PREFIX}--company: no company matches 'Mistrall'. Did you mean 'Mistral AI'?\n" == err


# --- companies, investors, policies ---------------------------------------------------------


def test_companies_lists_every_company(ds: Any) -> None:
    """One row per company, and the footer counts them."""
    out = ok("companies")
    assert len(ds.companies) == len(rows_of(out))
    assert f"{len(ds.companies)} companies" == out.splitlines()[-1]
    assert any(row.startswith("Mistral AI ") and " FR " in row for row in rows_of(out))


def test_companies_filters(ds: Any) -> None:
    """--country and --category select like Query.where; JSON round-trips to the records."""
    data = ok_json("companies", "--country", "KR")
    korean = [aieco.from_json(json.dumps(c), Company) for c in data]
    assert korean
    assert {"KR"} == {c.country for c in korean}
    assert sorted(c.id for c in ds.companies.where(country="KR")) == sorted(c.id for c in korean)
    labs = ok_json("companies", "--category", "ai_lab")
    assert {"ai_lab"} == {c["category"] for c in labs}
    assert ds.company("Anthropic").id in {c["id"] for c in labs}


def test_investors_lists_every_investor(ds: Any) -> None:
    """One row per investor; ASML led a round."""
    out = ok("investors")
    body = rows_of(out)
    assert len(ds.investors) == len(body)
    asml = next(row for row in body if row.startswith("ASML "))
    assert int(asml.split()[-1]) >= 1
    data = ok_json("investors")
    assert sorted(i.id for i in ds.investors) == sorted(
        aieco.from_json(json.dumps(i), Investor).id for i in data
    )


def test_policies_lists_every_policy(ds: Any) -> None:
    """One row per policy, with the EU AI Act and the 3 Mrd. € innovation package."""
    out = ok("policies")
    body = rows_of(out)
    assert len(ds.policies) == len(body)
    assert any("AI Act" in row for row in body)
    assert any("3 Mrd. €" in row for row in body)
    data = ok_json("policies")
    assert len(ds.policies) == len([aieco.from_json(json.dumps(p), Policy) for p in data])


# --- show -----------------------------------------------------------------------------------


def test_show_company_with_rounds_investors_and_citations(ds: Any) -> None:
    """`show Mistral`: the company, its rounds, its investors and its quotes."""
    mistral = ds.company("Mistral")
    out = ok("show", "Mistral")
    lines = out.splitlines()
    assert lines[0].startswith("Mistral AI")
    assert f"Funding rounds ({len(ds.rounds_for(mistral))})" in lines
    assert "ASML" in out
    assert "Bpifrance" in out
    first_quote = " ".join(mistral.sources[0].quote.split())
    assert first_quote[:40] in " ".join(out.split())


@pytest.mark.parametrize(
    ("name", "kind"),
    [("Anthropic", "company"), ("a16z", "investor"), ("EU AI Act", "policy")],
    ids=["company", "investor-alias", "policy"],
)
def test_show_json_kinds(name: str, kind: str) -> None:
    """--json names the kind of record and carries it in the JSON contract."""
    data = ok_json("show", name)
    assert kind == data["kind"]
    cls = {"company": Company, "investor": Investor, "policy": Policy}[kind]
    record = aieco.from_json(json.dumps(data["record"]), cls)
    assert record.name


def test_show_investor_lists_its_rounds(ds: Any) -> None:
    """`show a16z` shows Andreessen Horowitz, Mistral's round and co-investors."""
    out = ok("show", "a16z")
    assert out.startswith("Andreessen Horowitz")
    assert f"Investments ({len(ds.investments_by('a16z'))})" in out.splitlines()
    data = ok_json("show", "a16z")
    assert sorted(r.id for r in ds.investments_by("a16z")) == sorted(
        r["id"] for r in data["investments"]
    )
    assert sorted(i.id for i in ds.co_investors("a16z")) == sorted(
        i["id"] for i in data["co_investors"]
    )


def _companies_that_invest(ds: Any) -> list[tuple[Company, Investor]]:
    return [(ds.company(i.company_id), i) for i in ds.investors if i.company_id is not None]


def test_show_company_that_invests_lists_its_investments(ds: Any) -> None:
    """`show ASML` (Nvidia, Humain): the company also shows its rounds as an investor."""
    pairs = _companies_that_invest(ds)
    assert {"ASML", "Nvidia", "Humain"} <= {company.name for company, _ in pairs}
    for company, investor in pairs:
        rounds = ds.investments_by(investor)
        out = ok("show", company.name)
        lines = out.splitlines()
        assert rounds, company.name
        assert f"Investments ({len(rounds)})" in lines, company.name
        assert f"Co-investors ({len(ds.co_investors(investor))})" in lines, company.name
        section = out[out.index("Investments (") : out.index("Co-investors (")]
        for funding_round in rounds:
            assert ds.company(funding_round.company_id).name in section
            (mine,) = [p for p in funding_round.participants if p.investor_id == investor.id]
            assert ("lead" in section) == any(
                p.lead for r in rounds for p in r.participants if p.investor_id == investor.id
            )
            for amount in (mine.amount, mine.stake):
                if amount is not None:
                    assert shown(amount) in section, (company.name, amount)


def test_show_asml_has_its_lead_of_mistral(ds: Any) -> None:
    """ASML's lead of Mistral's round, with the amount and stake put in, is in `show ASML`."""
    (mistral_round,) = ds.investments_by("ASML")
    (asml,) = [p for p in mistral_round.participants if p.investor_id == ds.investor("ASML").id]
    assert asml.amount is not None
    assert asml.stake is not None
    rows = rows_of(dedent(ok("show", "ASML").split("Investments (")[1]))
    assert 1 == len(rows)
    expected = ["Mistral AI", "lead", shown(asml.amount), shown(asml.stake)]
    assert expected == [cell for cell in expected if f" {cell}" in rows[0]]


def test_show_company_json_has_the_investor_side(ds: Any) -> None:
    """--json of a company that invests carries its investor record, investments, co-investors."""
    for company, investor in _companies_that_invest(ds):
        data = ok_json("show", company.id)
        assert [investor.id] == [i["id"] for i in data["as_investor"]]
        assert sorted(r.id for r in ds.investments_by(investor)) == sorted(
            r["id"] for r in data["investments"]
        )
        assert sorted(i.id for i in ds.co_investors(investor)) == sorted(
            i["id"] for i in data["co_investors"]
        )
    plain = ok_json("show", "Anthropic")
    assert ([], [], []) == (plain["as_investor"], plain["investments"], plain["co_investors"])


def test_show_company_lists_what_each_investor_put_in(ds: Any) -> None:
    """`show Mistral` lists every participation with role, amount and stake where reported."""
    out = ok("show", "Mistral")
    section = dedent(out[out.index("\nInvestors (") : out.index("\nSources (")])
    participations = [
        p
        for r in ds.rounds_for("Mistral")
        for p in sorted(r.participants, key=lambda p: not p.lead)
    ]
    rows = rows_of(section)
    assert len(participations) == len(rows)
    assert any(p.amount is not None for p in participations)
    for participation, row in zip(participations, rows, strict=True):
        assert ds.investor(participation.investor_id).name in row
        assert participation.lead == (" lead " in row)
        assert (not participation.lead) == (" participant " in row)
        for amount in (participation.amount, participation.stake):
            if amount is not None:
                assert shown(amount) in row


def test_show_unknown_name_suggests() -> None:
    """An unknown name is exit 1 with one line that suggests the closest name."""
    err = fails("show", "Mistrall")
    assert "Did you mean" in err
    assert "Mistral AI" in err


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=30))
def test_show_never_raises(name: str) -> None:
    """Any name: exit 0, or exit 1 with one error line."""
    status, _, err = run("show", "--", name)
    assert status in (0, 1)
    if status == 1:
        assert_one_error_line(err)


# --- usage, locale, output ------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["rounds", "--since", "zwanzig"],
        ["rounds", "--country", "France"],
        ["companies", "--category", "bakery"],
        ["--locale", "xx_XX", "rounds"],
        ["parse"],
        ["rounds", "--bogus"],
    ],
    ids=["no-command", "unknown", "year", "country", "category", "locale", "no-text", "option"],
)
def test_usage_errors_exit_2(argv: list[str]) -> None:
    """Usage errors: exit 2, usage and an 'aieco: error:' line on stderr, nothing on stdout."""
    fails(*argv, expected_status=2)


LONG = "x" * 100_000


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", LONG],
        ["parse", "1.5" + "5" * 100_000 + " Mrd. USD"],
        ["show", LONG],
        ["rounds", "--company", LONG],
        ["rounds", "--min", LONG],
        ["rounds", "--region", LONG],
        ["companies", "--category", LONG],
        ["extract", LONG],
        ["rounds", LONG],
    ],
    ids=["parse", "parse-token", "show", "company", "min", "region", "category", "file", "extra"],
)
def test_long_inputs_give_short_error_lines(argv: list[str]) -> None:
    """A 100 kB argument gives an error line of a few hundred characters that starts quoting it."""
    status, out, err = run(*argv)
    last = err.splitlines()[-1]
    assert ("", True) == (out, status in (1, 2))
    assert last.startswith(PREFIX)
    assert len(last) < 700, last[:200]
    assert "xxxxxxxxxx…" in last or "5555555555…" in last


def test_short_inputs_are_quoted_in_full() -> None:
    """An ordinary error line keeps the input and the suggestion as they were."""
    err = fails("parse", "1.5 Mrd. USD")
    assert "in '1.5 Mrd. USD'" in err
    assert "did you mean '1,5 Mrd. USD'?" in err
    assert "…" not in err


def test_help_exits_0() -> None:
    """--help prints the commands and returns 0."""
    out = ok("--help")
    for command in ("parse", "extract", "rounds", "companies", "investors", "policies", "show"):
        assert command in out


def test_json_before_or_after_the_command() -> None:
    """--json works on either side of the command name."""
    assert ok("--json", "policies") == ok("policies", "--json")


@pytest.mark.parametrize(
    "argv",
    [["investors"], ["policies"], ["companies"], ["rounds"], ["show", "Anthropic"]],
    ids=["investors", "policies", "companies", "rounds", "show"],
)
def test_json_is_valid_and_keeps_decimals_as_strings(argv: list[str]) -> None:
    """--json output parses, and no number is a float."""
    text = ok("--json", *argv)
    json.loads(text, parse_float=lambda s: pytest.fail(f"float {s} in JSON"))


def test_locale_never_comes_from_the_environment() -> None:
    """LANG and LC_ALL do not change the output: de_DE unless --locale says otherwise."""
    env = {**os.environ, "LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "LANGUAGE": "en"}
    argv = [sys.executable, "-m", "aieco", "rounds", "--min", "1 Mrd. USD"]
    result = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    assert ok("rounds", "--min", "1 Mrd. USD") == result.stdout
    assert not result.stderr


@pytest.mark.parametrize(
    ("encoding", "argv"),
    [
        ("ascii", ["parse", "5 €"]),
        ("ascii", ["--json", "parse", "rund 4 Mrd. €"]),
        ("latin-1", ["rounds"]),
        ("ascii", ["show", "Mistral"]),
        ("ascii", ["show", "Mistrallé"]),
        ("ascii", ["rounds", "--country", "Österreich"]),
        ("ascii", ["--help"]),
    ],
    ids=["parse", "parse-json", "rounds-latin1", "show", "not-found", "usage", "help"],
)
def test_output_is_utf8_whatever_the_environment(encoding: str, argv: list[str]) -> None:
    """With PYTHONIOENCODING=ascii or latin-1 the command still writes UTF-8, no traceback."""
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    child = [sys.executable, "-m", "aieco", *argv]
    result = subprocess.run(child, capture_output=True, env=env, check=False)
    status, out, err = run(*argv)
    actual = (result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8"))
    assert (status, out, err) == actual
    assert "Traceback" not in actual[2]


def test_main_writes_utf8_and_restores_the_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    """main() writes UTF-8 into an ASCII text stream and leaves its encoding as it was."""
    stream = io.TextIOWrapper(io.BytesIO(), encoding="ascii", errors="strict")
    monkeypatch.setattr(sys, "stdout", stream)
    assert 0 == main(["parse", "5 €"])
    stream.flush()
    assert ("ascii", "strict") == (stream.encoding, stream.errors)
    monkeypatch.undo()
    assert ok("parse", "5 €") == stream.buffer.getvalue().decode("utf-8")  # type: ignore[attr-defined]


def test_undecodable_command_line_bytes_do_not_crash(tmp_path: Path) -> None:
    """A file name that is not UTF-8 is written back as a visible escape, not a traceback."""
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write("Es flossen 5 Mio. €.".encode())
    child = [os.fsencode(sys.executable), b"-m", b"aieco", b"extract", name]
    result = subprocess.run(child, capture_output=True, check=False)
    assert (0, b"") == (result.returncode, result.stderr)
    assert result.stdout.decode("utf-8").endswith(
        "1 amount in " + str(tmp_path) + "/caf\\udce9.txt\n"
    )


def test_python_m_aieco_and_version() -> None:
    """`python -m aieco --version` runs the command."""
    argv = [sys.executable, "-m", "aieco", "--version"]
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    assert f"aieco {aieco.__version__}\n" == result.stdout
    assert not result.returncode


class _ClosedPipe(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_broken_pipe_is_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader that goes away (aieco rounds | head -1) ends the command without a traceback."""
    err = io.StringIO()
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    with contextlib.redirect_stderr(err):
        status = main(["rounds"])
    assert status == 1
    assert not err.getvalue()


def test_broken_pipe_in_a_real_pipe() -> None:
    """With the pipe closed before anything is written, stderr stays empty."""
    argv = [sys.executable, "-m", "aieco", "companies"]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read()
        proc.wait()
    assert not err
    assert proc.returncode in (0, 1)


# --- table layout ---------------------------------------------------------------------------


def test_table_cuts_wide_cells_with_ellipsis() -> None:
    """A cell over its column's limit ends in '…' and fits the limit."""
    lines = table(["Name", "N"], [["Andreessen Horowitz", "1"]], widths=[10, None], align="<>")
    assert ["Name        N", "──────────  ─", "Andreesse…  1"] == lines


def test_table_counts_wide_characters_twice() -> None:
    """Korean names take two cells per character, so the next column still lines up."""
    lines = table(["Name", "Land"], [["독파모", "KR"], ["KT", "KR"]])
    starts = [display_width(line[: line.index("KR")]) for line in lines[2:]]
    assert [len("독파모") * 2 + 2] * 2 == starts


cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zs", "Zl", "Zp", "Co", "Cn")),
    min_size=1,
    max_size=12,
)


@given(st.lists(st.tuples(cells, cells, cells), min_size=1, max_size=6))
def test_table_lines_are_equally_wide(rows: list[tuple[str, str, str]]) -> None:
    """With the last column right-aligned every line has the same display width."""
    lines = table(["A", "B", "C"], rows, widths=[None, 5, None], align="<<>")
    widths = {display_width(line) for line in lines}
    assert 1 == len(widths)


# --- docs/cli.md ----------------------------------------------------------------------------

DOCS = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
#: The terminal width of docs/cli.md's examples.
DOCS_COLUMNS = 100


def console_examples() -> list[tuple[str, list[str], str | None, str]]:
    """The ```console blocks of docs/cli.md: (command line, argv, stdin, shown output)."""
    examples = []
    blocks = DOCS.read_text(encoding="utf-8").split("```console\n")[1:]
    for block in blocks:
        body = block.split("```", 1)[0]
        first, _, shown = body.partition("\n")
        line = first.removeprefix("$ ")
        stdin = None
        if " | " in line:
            echo, _, line = line.partition(" | ")
            stdin = shlex.split(echo)[1] + "\n"
        argv = shlex.split(line.removeprefix("uv run "))
        assert argv[0] == "aieco", first
        examples.append((first, argv[1:], stdin, shown.rstrip("\n")))
    return examples


@pytest.mark.parametrize(
    ("line", "argv", "stdin", "shown"),
    [pytest.param(*example, id=" ".join(example[1])[:40]) for example in console_examples()],
)
def test_docs_console_examples_are_current(
    line: str, argv: list[str], stdin: str | None, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each shell example in docs/cli.md shows what the command prints today.

    In a terminal 100 columns wide, as docs/cli.md says.
    """
    monkeypatch.setenv("COLUMNS", str(DOCS_COLUMNS))
    _, out, err = run(*argv, stdin=stdin)
    assert shown == (out or err).rstrip("\n"), line
