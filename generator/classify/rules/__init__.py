"""The default rule table, in decision order: for each change the first match decides.

Consent rules come before the material rules that would also match the same change
(a sensitive category added is also a category added), review and editorial last.
"""
from __future__ import annotations

from ..registry import RuleRegistry
from .consent import (data_to_new_controller, purpose_for_collected_data, right_narrowed, right_removed,
                      sensitive_data_added)
from .material import (contacts_changed, controller_changed, data_category_changed, impact_assessment_high,
                       processing_changed, purpose_changed, recipients_changed, rights_changed,
                       transfer_destination_changed)
from .prose import (clause_moved, prose_substantive, renumbered_only, unlisted_fact_changed,
                    updated_on_note, wording_editorial)

DEFAULT_ORDER = (
    right_removed, right_narrowed, sensitive_data_added, purpose_for_collected_data, data_to_new_controller,
    purpose_changed, data_category_changed, processing_changed, controller_changed, recipients_changed,
    transfer_destination_changed, rights_changed, contacts_changed, impact_assessment_high,
    unlisted_fact_changed, updated_on_note, prose_substantive, wording_editorial, clause_moved, renumbered_only,
)


def default_registry() -> RuleRegistry:
    """A fresh registry of every rule in :data:`DEFAULT_ORDER`."""
    return RuleRegistry(DEFAULT_ORDER)
