"""Where the package's data lives: templates, catalogs, the mkdocs project.

The repository keeps them at its top (``templates/``, ``locales/``, ``site/``), where
people look for them; the build maps them into the package, so an installed wheel
carries them too. This is the one module that knows where they are: everything else
asks it, never walks up from its own ``__file__``.
"""
from __future__ import annotations

from pathlib import Path

_REPOSITORY = Path(__file__).resolve().parent.parent


def templates_dir() -> Path:
    """The Jinja templates of every output (statement, site, merchant notices)."""
    return _REPOSITORY / "templates"


def locales_dir() -> Path:
    """The gettext catalogs: ``<locale>/LC_MESSAGES/<domain>.po`` and the ``.pot`` templates."""
    return _REPOSITORY / "locales"


def site_project_dir() -> Path:
    """The Rules Center's mkdocs project: configuration, theme overrides, assets."""
    return _REPOSITORY / "site"


def schemas_dir() -> Path:
    """JSON Schemas of the package's own outputs (the diff report)."""
    return Path(__file__).resolve().parent / "schemas"
