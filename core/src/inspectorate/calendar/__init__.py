"""The working-day calendar of the core.

* Working days: Monday to Friday less the bank holidays of one division (england-and-wales,
  scotland, northern-ireland), from the ``holidays`` package: :func:`calendar_for`, :func:`add_working_days`,
  :func:`working_days_between`.
* Calendar months, clamped to month end: :func:`add_months`, :func:`month_window`.
* School terms as TOML data, and "N weeks, discounting school holidays":
  :func:`wales_terms`, :func:`terms_for_local_authority`, :func:`load_school_terms`,
  :func:`add_weeks_discounting_school_holidays`.

Every :class:`WorkingCalendar` carries a ``policy`` string saying what a working day is and
where its holidays come from, for the provenance of computed dates.
"""

from .divisions import DIVISIONS, division_for_nation
from .months import add_months, month_window
from .school_terms import (
    SchoolTerms,
    SchoolTermsFileError,
    SchoolTermsUnknown,
    load_school_terms,
    local_authority_slug,
    terms_for_local_authority,
    user_terms_dir,
    wales_terms,
)
from .school_weeks import add_school_weeks, add_weeks_discounting_school_holidays
from .working_days import WorkingCalendar, add_working_days, calendar_for, working_days_between

__all__ = [
    "DIVISIONS",
    "SchoolTerms",
    "SchoolTermsFileError",
    "SchoolTermsUnknown",
    "WorkingCalendar",
    "add_months",
    "add_school_weeks",
    "add_weeks_discounting_school_holidays",
    "add_working_days",
    "calendar_for",
    "division_for_nation",
    "load_school_terms",
    "local_authority_slug",
    "month_window",
    "terms_for_local_authority",
    "user_terms_dir",
    "wales_terms",
    "working_days_between",
]
