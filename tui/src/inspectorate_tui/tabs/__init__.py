"""The tabs of the case screen, in the order the keymap's case.tab-* actions and next/previous reach them."""

from inspectorate_tui.tabs.details import DetailsTab
from inspectorate_tui.tabs.evidence import EvidenceTab
from inspectorate_tui.tabs.follow_up import FollowUpTab
from inspectorate_tui.tabs.judgements import JudgementsTab
from inspectorate_tui.tabs.recommendations import RecommendationsTab
from inspectorate_tui.tabs.reports import ReportsTab

#: (tab id, title, widget class); the ids are those of the keymap's case.tab-* actions.
TABS = (
    ("details", "Details", DetailsTab),
    ("evidence", "Evidence", EvidenceTab),
    ("judgements", "Judgements", JudgementsTab),
    ("recommendations", "Recommendations", RecommendationsTab),
    ("follow-up", "Follow-up", FollowUpTab),
    ("reports", "Reports", ReportsTab),
)
