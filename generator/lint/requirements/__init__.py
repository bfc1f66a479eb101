"""The default requirement table, in report order: GDPR, then PIPL, then CCPA/CPRA."""
from __future__ import annotations

from ..registry import RequirementRegistry
from .ccpa import categories_and_purposes, retention_per_category, sold_or_shared
from .gdpr_controller import (controller_identity, data_protection_officer, legitimate_interests,
                              purposes_and_basis, recipients, representative, third_country_transfers)
from .gdpr_rights import (automated_decisions, complaint_to_authority, data_subject_rights, other_sources,
                          provision_of_data, retention_period, withdraw_consent)
from .pipl import cross_border, handler_notice, other_handler, sensitive_information

DEFAULT_ORDER = (
    controller_identity, representative, data_protection_officer, purposes_and_basis, legitimate_interests,
    recipients, third_country_transfers,
    retention_period, data_subject_rights, withdraw_consent, complaint_to_authority, provision_of_data,
    automated_decisions, other_sources,
    handler_notice, sensitive_information, cross_border, other_handler,
    categories_and_purposes, sold_or_shared, retention_per_category,
)


def default_registry() -> RequirementRegistry:
    """A fresh registry of every requirement in :data:`DEFAULT_ORDER`."""
    return RequirementRegistry(DEFAULT_ORDER)
