"""The Rules Center: generated pages, versions.json and the mkdocs build (see build.py)."""
from __future__ import annotations

from .build import BuildResult as BuildResult
from .build import SiteBuildError as SiteBuildError
from .build import build_site as build_site
from .build import write_project as write_project
from .history import build_history as build_history
from .l10n import SITE_LOCALES as SITE_LOCALES
from .manifest import manifest as manifest
