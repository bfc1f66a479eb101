"""The default rule table, in decision order: for each change the first match decides.

Consent rules come before the material rules that would also match the same change
(a sensitive category added is also a category added), review and editorial last.
"""
from __future__ import annotations

from ..registry import RuleRegistry
from .compliance import compliance_regression
from .consent import (children_data_collected, data_sold, data_to_new_controller, purpose_for_collected_data,
                      requests_no_longer_free, right_ground_removed, right_narrowed, right_removed,
                      sensitive_data_added, shared_without_a_pipl_basis)
from .material import (children_protection_lowered, circumstance_recorded, contacts_changed, controller_changed,
                       recipient_named,
                       data_category_changed, exception_to_consent_changed, impact_assessment_high, processing_changed,
                       promise_not_to_process_added, purpose_changed, recipients_changed, rights_changed,
                       sharing_circumstance_changed, transfer_destination_changed, transfer_safeguards_changed)
from .prose import (children_clause_reworded, children_protection_raised, clause_reordered, clauses_joined_or_split,
                    company_named_with_controller, moved_into_new_context, moved_into_transfers,
                    moved_to_another_parent, moved_under_no_consent, numbered_list_reordered, prose_substantive,
                    renumbered_only, right_ground_added, unlisted_fact_changed, updated_on_note, wording_editorial)
from .wording import (another_handler_in_words, another_handler_named, audience_named_in_words, channel_named_in_words,
                      children_age_lowered_in_words, children_named_in_collection,
                      children_protection_weakened_in_words, circumstance_named, consent_no_longer_said,
                      contact_details_reworded, contact_route_changed, controller_details_reworded,
                      controller_role_in_words, data_named_in_words, definition_narrowed_in_words,
                      destination_named_in_words, further_use_allowed_in_words, new_use_named,
                      opt_out_added_in_words, opt_out_narrowed_in_words,
                      personal_data_no_longer_denied, promise_waived_by_us, public_disclosure_named,
                      recipient_definition_widened, recipient_named_in_words, right_deadline_shortened,
                      right_exception_added, right_ground_narrowed, right_limited_in_words, right_made_easier_in_words,
                      right_named_in_words, rights_promise_withdrawn, sensitive_data_named, sensitive_definition_narrowed,
                      sensitive_definition_widened, sharing_list_opened, sharing_list_unclosed, use_no_longer_named)

DEFAULT_ORDER = (
    # facts, clause by clause: consent first, then Section VIII items 1-6, then the rest
    right_removed, right_narrowed, requests_no_longer_free, sensitive_data_added, children_data_collected,
    purpose_for_collected_data, data_to_new_controller, data_sold, shared_without_a_pipl_basis,
    purpose_changed, data_category_changed, processing_changed, controller_changed, recipients_changed,
    sharing_circumstance_changed, exception_to_consent_changed, transfer_destination_changed, rights_changed,
    contacts_changed, children_protection_lowered, impact_assessment_high,
    compliance_regression,
    children_protection_raised, promise_not_to_process_added, circumstance_recorded, recipient_named, transfer_safeguards_changed,
    unlisted_fact_changed,
    # wording and structure, for the clauses no fact rule judged (moves: every clause); the
    # words where facts are silent (rules/wording.py) before the generic rewording; words that
    # only changed paragraphs first
    clauses_joined_or_split, right_ground_removed, right_ground_added, right_exception_added, right_ground_narrowed,
    right_limited_in_words, opt_out_narrowed_in_words, rights_promise_withdrawn, sharing_list_opened,
    sharing_list_unclosed, promise_waived_by_us, children_named_in_collection, sensitive_data_named,
    further_use_allowed_in_words, new_use_named, public_disclosure_named, another_handler_named,
    another_handler_in_words, consent_no_longer_said,
    controller_role_in_words, sensitive_definition_narrowed, definition_narrowed_in_words,
    children_age_lowered_in_words, children_protection_weakened_in_words, data_named_in_words, audience_named_in_words,
    personal_data_no_longer_denied, circumstance_named, recipient_definition_widened, recipient_named_in_words,
    destination_named_in_words, right_deadline_shortened, right_made_easier_in_words, right_named_in_words,
    channel_named_in_words, opt_out_added_in_words, use_no_longer_named, sensitive_definition_widened,
    contact_details_reworded, contact_route_changed, controller_details_reworded,
    updated_on_note, company_named_with_controller, children_clause_reworded,
    moved_into_transfers, moved_under_no_consent, moved_into_new_context, prose_substantive, moved_to_another_parent,
    wording_editorial, numbered_list_reordered, clause_reordered, renumbered_only,
)


def default_registry() -> RuleRegistry:
    """A fresh registry of every rule in :data:`DEFAULT_ORDER`."""
    return RuleRegistry(DEFAULT_ORDER)
