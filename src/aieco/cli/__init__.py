"""The ``aieco`` command: ask the bundled dataset questions and read amounts from the shell.

::

    aieco [--json] [--locale L] COMMAND ...

    aieco parse TEXT              read one amount ("rund 4 Mrd. USD")
    aieco extract FILE|-          every amount in a text file (or stdin)
    aieco extract PATH... --out F a table of every amount in many files or folders
    aieco rounds [filters]        funding rounds, newest first
    aieco companies [filters]     companies
    aieco investors               investors
    aieco policies                policies
    aieco show NAME               a company, investor or policy with its rounds and citations

Tables are aligned for reading; ``--json`` writes JSON for machines instead: records exactly as
`aieco.to_json` writes them (the JSON contract of `aieco.converter`, so they can be
read back with `aieco.from_json`). ``--locale`` (default ``de_DE``, never taken from the
environment) is the locale amounts are read in (``parse``, ``extract``, ``--min``, ``--max``)
and written in.

Errors are one line on stderr starting with ``aieco: error:``; the exit status is 0 on success,
1 when a name is not found (``show NAME``, ``--company``, ``--investor``), an input cannot be read
or the TEXT of ``parse`` is not an amount, the output cannot be written (or, quietly, its reader
went away), and 2 for a usage error: an unknown command or option,
or a value an option cannot use at all (``--min`` that is not an amount of money, ``--since``
that is not a year, ``--country`` that is not a country code, ...); 130 after Ctrl-C and 70 for
an internal error. There is never a traceback (docs/cli.md has the table). An error about an
option's value starts with the option: ``aieco: error: --min: ...``. `main` returns the
status instead of exiting, so it can be called from Python.

The package has one module per job: ``_args`` (the parser and the types of option values),
``_layout`` (aligned tables), ``_cells`` (values as text), ``_errors`` (one-line error text),
``_output`` (UTF-8 output, closed pipes), ``_main`` (running a command), and a module of views
per command: ``_text`` (parse, extract of one text), ``_corpus`` (extract of many files),
``_listing`` (rounds, companies, investors, policies), ``_show``, ``_rounds_in`` (rounds-in,
merge) and ``_convert`` (convert-data). Only the parser is imported at start-up.
"""

from __future__ import annotations

from aieco.cli._args import DEFAULT_LOCALE
from aieco.cli._main import main

__all__ = ["DEFAULT_LOCALE", "main"]
