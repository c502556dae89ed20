"""Run every example in the docs as a test (Sybil).

* Python code blocks in README.md and docs/*.md;
* ``>>>`` examples in the docstrings of src/aieco, which the API reference publishes.
"""

from hypothesis import HealthCheck, settings
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

# Speed is measured in benchmarks/, never asserted by a test: hypothesis gets no deadline and
# does not fail a test because a loaded machine (CI, the lowest/newest runs) draws data slowly.
settings.register_profile("aieco", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("aieco")


def _docstring_namespace() -> dict[str, object]:
    """What a docstring example may use without importing it: the public API and Decimal."""
    from decimal import Decimal

    import aieco

    return {"Decimal": Decimal, **{name: getattr(aieco, name) for name in aieco.__all__}}


pytest_collect_file = (markdown + docstrings).pytest()
