"""The Google Play Data safety CSV: its header and the question and response ids used here.

Source. Play Console imports and exports the Data safety form as a CSV ("Import from
CSV" / "Export to CSV" on the form; the Play Developer API's ``applications.dataSafety``
takes the same file): Play Console Help, "Provide information for Google Play's Data
safety section", https://support.google.com/googleplay/android-developer/answer/10787469,
and https://developers.google.com/android-publisher/api-ref/rest/v3/applications/dataSafety.
Google publishes the template as that export, not as a standalone file: the header, the
ids and the answer requirements below are the export's, as reproduced in several public
repositories' Data safety files (consulted 2026, cross-checked against one another); the
labels are Google's question and data-type names from the help page above. Only the ids
this project answers are kept; a test refuses any other id in the export.
"""
from __future__ import annotations

from typing import Final

HEADER: Final = ("Question ID (machine readable)", "Response ID (machine readable)", "Response value",
                 "Answer requirement", "Human-friendly question label")

COLLECTS: Final = "PSL_DATA_COLLECTION_COLLECTS_PERSONAL_DATA"
ENCRYPTED: Final = "PSL_DATA_COLLECTION_ENCRYPTED_IN_TRANSIT"
DELETION: Final = "PSL_SUPPORT_DATA_DELETION_BY_USER"

#: Questions of the first page: id -> (response ids, answer requirement, label).
GENERAL: Final[dict[str, tuple[tuple[str, ...], str, str]]] = {
    COLLECTS: (("",), "REQUIRED", "Does your app collect or share any of the required user data types?"),
    ENCRYPTED: (("",), "MAYBE_REQUIRED", "Is all of the user data collected by your app encrypted in transit?"),
    DELETION: (("DATA_DELETION_YES", "DATA_DELETION_NO"), "SINGLE_CHOICE",
               "Do you provide a way for users to request that their data is deleted?"),
}

#: Data-type questions (one per category) -> their data types: response id -> label.
DATA_TYPES: Final[dict[str, tuple[str, dict[str, str]]]] = {
    "PSL_DATA_TYPES_PERSONAL": ("Personal info", {
        "PSL_NAME": "Name", "PSL_EMAIL": "Email address", "PSL_USER_ACCOUNT": "User IDs",
        "PSL_ADDRESS": "Address", "PSL_PHONE": "Phone number", "PSL_RACE_ETHNICITY": "Race and ethnicity",
        "PSL_POLITICAL_RELIGIOUS": "Political or religious beliefs",
        "PSL_SEXUAL_ORIENTATION_GENDER_IDENTITY": "Sexual orientation or gender identity",
        "PSL_OTHER_PERSONAL": "Other info"}),
    "PSL_DATA_TYPES_FINANCIAL": ("Financial info", {
        "PSL_CREDIT_DEBIT_BANK_ACCOUNT_NUMBER": "User payment info", "PSL_PURCHASE_HISTORY": "Purchase history",
        "PSL_CREDIT_SCORE": "Credit score", "PSL_OTHER": "Other financial info"}),
    "PSL_DATA_TYPES_HEALTH_AND_FITNESS": ("Health and fitness", {
        "PSL_HEALTH": "Health info", "PSL_FITNESS": "Fitness info"}),
    "PSL_DATA_TYPES_LOCATION": ("Location", {
        "PSL_APPROX_LOCATION": "Approximate location", "PSL_PRECISE_LOCATION": "Precise location"}),
    "PSL_DATA_TYPES_PHOTOS_AND_VIDEOS": ("Photos and videos", {"PSL_PHOTOS": "Photos", "PSL_VIDEOS": "Videos"}),
    "PSL_DATA_TYPES_APP_ACTIVITY": ("App activity", {
        "PSL_USER_INTERACTION": "App interactions", "PSL_IN_APP_SEARCH_HISTORY": "In-app search history",
        "PSL_APPS_ON_DEVICE": "Installed apps", "PSL_USER_GENERATED_CONTENT": "Other user-generated content",
        "PSL_OTHER_APP_ACTIVITY": "Other actions"}),
    "PSL_DATA_TYPES_SEARCH_AND_BROWSING": ("Web browsing", {"PSL_WEB_BROWSING_HISTORY": "Web browsing history"}),
    "PSL_DATA_TYPES_APP_PERFORMANCE": ("App info and performance", {
        "PSL_CRASH_LOGS": "Crash logs", "PSL_PERFORMANCE_DIAGNOSTICS": "Diagnostics",
        "PSL_OTHER_PERFORMANCE": "Other app performance data"}),
    "PSL_DATA_TYPES_IDENTIFIERS": ("Device or other IDs", {"PSL_DEVICE_ID": "Device or other IDs"}),
}

#: Questions about each data type the app collects: ``PSL_DATA_USAGE_RESPONSES:<type>:<id>``.
USAGE_PREFIX: Final = "PSL_DATA_USAGE_RESPONSES"
COLLECTION_AND_SHARING: Final = "PSL_DATA_USAGE_COLLECTION_AND_SHARING"
EPHEMERAL: Final = "PSL_DATA_USAGE_EPHEMERAL"
USER_CONTROL: Final = "DATA_USAGE_USER_CONTROL"
COLLECTION_PURPOSE: Final = "DATA_USAGE_COLLECTION_PURPOSE"
SHARING_PURPOSE: Final = "DATA_USAGE_SHARING_PURPOSE"

PURPOSES: Final[dict[str, str]] = {
    "PSL_APP_FUNCTIONALITY": "App functionality", "PSL_ANALYTICS": "Analytics",
    "PSL_DEVELOPER_COMMUNICATIONS": "Developer communications",
    "PSL_ADVERTISING": "Advertising or marketing",
    "PSL_FRAUD_PREVENTION_SECURITY": "Fraud prevention, security, and compliance",
    "PSL_PERSONALIZATION": "Personalization", "PSL_ACCOUNT_MANAGEMENT": "Account management",
}

#: usage question -> (response ids with their labels, answer requirement, label).
USAGE: Final[dict[str, tuple[dict[str, str], str, str]]] = {
    COLLECTION_AND_SHARING: ({"PSL_DATA_USAGE_ONLY_COLLECTED": "Collected", "PSL_DATA_USAGE_ONLY_SHARED": "Shared"},
                             "MULTIPLE_CHOICE", "Is this data collected, shared, or both?"),
    EPHEMERAL: ({"": ""}, "MAYBE_REQUIRED", "Is this data processed ephemerally?"),
    USER_CONTROL: ({"PSL_DATA_USAGE_USER_CONTROL_OPTIONAL": "Users can choose whether this data is collected",
                    "PSL_DATA_USAGE_USER_CONTROL_REQUIRED": "Data collection is required"},
                   "SINGLE_CHOICE", "Is this data required for your app, or can users choose whether it's collected?"),
    COLLECTION_PURPOSE: (PURPOSES, "MULTIPLE_CHOICE", "Why is this user data collected? Select all that apply."),
    SHARING_PURPOSE: (PURPOSES, "MULTIPLE_CHOICE", "Why is this user data shared? Select all that apply."),
}


def data_type_label(response_id: str) -> str:
    """The data type's name, e.g. ``Name`` for ``PSL_NAME``."""
    for _category, types in DATA_TYPES.values():
        if response_id in types:
            return types[response_id]
    raise KeyError(response_id)
