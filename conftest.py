"""Run every example in the docs as a test (Sybil).

* Python code blocks in README.md and docs/*.md;
* ``>>>`` examples in the docstrings of src/aieco, which the API reference publishes.
"""

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

markdown = Sybil(
    parsers=[PythonCodeBlockParser(), SkipParser()],
    patterns=["README.md", "docs/*.md"],
)
docstrings = Sybil(
    parsers=[DocTestParser()],
    patterns=["src/aieco/*.py", "src/aieco/**/*.py"],
    setup=lambda namespace: namespace.update(_docstring_namespace()),
)


def _docstring_namespace() -> dict[str, object]:
    """What a docstring example may use without importing it: the public API and Decimal."""
    from decimal import Decimal

    import aieco

    return {"Decimal": Decimal, **{name: getattr(aieco, name) for name in aieco.__all__}}


pytest_collect_file = (markdown + docstrings).pytest()
