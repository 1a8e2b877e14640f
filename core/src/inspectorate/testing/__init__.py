"""The test kit for plugin authors.

Installed with inspectorate as a pytest plugin, so a plugin's own test suite gets:

- fixtures ``make_host`` (a plugin host with only the plugins you give it, no entry points),
  ``case_builder`` (see :mod:`inspectorate.testing.builders`), ``toy_host`` (the toy regime of
  :mod:`inspectorate.testing.toy` alone) and ``toy_cli`` (the real command with only the toy
  regime installed, :func:`inspectorate.testing.command.run_cli`);
- :class:`RegimeConformance`, the conformance suite every regime plugin must pass::

      from inspectorate.testing import RegimeConformance
      import my_inspectorate.plugin

      class TestMyRegime(RegimeConformance):
          plugin = my_inspectorate.plugin
          regime_id = "my-inspectorate"
"""

from inspectorate.testing.builders import make_case, sample_cases
from inspectorate.testing.conformance import RegimeConformance
from inspectorate.testing.hosts import make_host

__all__ = ["RegimeConformance", "make_case", "make_host", "sample_cases"]
