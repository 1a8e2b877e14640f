"""The tabs of the case screen, in the order the keymap's case.tab-* actions and next/previous reach them."""

from inspectorate_tui.tabs.details import DetailsTab
from inspectorate_tui.tabs.evidence import EvidenceTab
from inspectorate_tui.tabs.follow_up import FollowUpTab
from inspectorate_tui.tabs.judgements import JudgementsTab
from inspectorate_tui.tabs.recommendations import RecommendationsTab
from inspectorate_tui.tabs.reports import ReportsTab
from inspectorate_tui.words import N_

#: (tab id, title, widget class); the ids are those of the keymap's case.tab-* actions. The titles
#: are English marked for the catalogue: ``_(title)`` where shown.
TABS = (
    ("details", N_("Details"), DetailsTab),
    ("evidence", N_("Evidence"), EvidenceTab),
    ("judgements", N_("Judgements"), JudgementsTab),
    ("recommendations", N_("Recommendations"), RecommendationsTab),
    ("follow-up", N_("Follow-up"), FollowUpTab),
    ("reports", N_("Reports"), ReportsTab),
)
