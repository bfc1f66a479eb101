"""Merchants' customer notices: profiles, the notice, batch rendering, impact of a platform change.

Merchants are the data controllers of their customers' information and AllValue
their processor; each merchant's notice quotes the platform statement by clause
id and adds only the merchant's own, escaped, details.
"""
from __future__ import annotations

from .batch import BatchResult as BatchResult
from .batch import render_all as render_all
from .engine import NoticeRenderer as NoticeRenderer
from .engine import render_naive as render_naive
from .engine import render_notice as render_notice
from .impact import ImpactReport as ImpactReport
from .impact import impact as impact
from .notice import PARTS as PARTS
from .profile import MerchantProfile as MerchantProfile
from .profile import json_schema as json_schema
from .reader import iter_profiles as iter_profiles
from .reader import load_profile as load_profile
from .reader import load_profiles as load_profiles
