"""The test kit for plugin authors.

Installed with inspectorate as a pytest plugin, so a plugin's own test suite gets:

- fixtures ``make_host`` (a plugin host with only the plugins you give it, no entry points) and
  ``case_builder`` (see :mod:`inspectorate.testing.builders`);
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
