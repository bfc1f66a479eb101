"""Where the package's data lives: templates, catalogs, the mkdocs project.

The repository keeps them at its top (``templates/``, ``locales/``, ``site/``), where
people look for them; the build maps them into the package (``package-dir`` in
``pyproject.toml``), so an installed wheel carries them as ``generator/_templates``,
``generator/_locales`` and ``generator/_site``. This is the one module that knows where
they are: everything else asks it, never walks up from its own ``__file__``.

The package's resources are found with :mod:`importlib.resources`:

- **installed wheel**: the data is inside the package, ``files("generator") / "_templates"``;
- **source checkout** (the editable install, or ``PYTHONPATH=.``): the package is
  ``<repository>/generator`` and the data is beside it, ``<repository>/templates``. The
  editable install cannot serve the mapped names: setuptools' editable finder does not
  import a mapped subpackage without an ``__init__.py`` (pypa/setuptools#4248, #4943),
  so ``files("generator._templates")`` fails there, and the checkout's layout is used.

Every function returns a real directory on disk (Jinja's ``FileSystemLoader`` and mkdocs'
``INHERIT`` read files by path); a package that is not on the file system (a zip) is an
error, not a silent temporary copy.
"""
from __future__ import annotations

import functools
from pathlib import Path

_PACKAGE = "generator"


@functools.cache
def _package_root() -> Path:
    # imported here: `notices --help` must not pay for importlib.resources
    from importlib.resources import files

    root = files(_PACKAGE)
    if not isinstance(root, Path):
        raise RuntimeError(f"the {_PACKAGE} package is not on the file system ({root!r}): "
                           "its templates, catalogs and site project must be real directories")
    return root


def _data_dir(installed: str, checkout: str) -> Path:
    """``<package>/<installed>`` in a wheel, else ``<repository>/<checkout>`` in a checkout."""
    root = _package_root()
    if (root / installed).is_dir():
        return root / installed
    # a checkout only: beside site-packages/generator, a `templates/` is someone else's
    if (root.parent / "pyproject.toml").is_file() and (root.parent / checkout).is_dir():
        return root.parent / checkout
    raise FileNotFoundError(f"no {checkout}/ data: neither {root / installed} (installed) nor "
                            f"{root.parent / checkout} (source checkout) is a directory")


def templates_dir() -> Path:
    """The Jinja templates of every output (statement, site, merchant notices)."""
    return _data_dir("_templates", "templates")


def locales_dir() -> Path:
    """The gettext catalogs: ``<locale>/LC_MESSAGES/<domain>.po`` and the ``.pot`` templates."""
    return _data_dir("_locales", "locales")


def site_project_dir() -> Path:
    """The Rules Center's mkdocs project: configuration, theme overrides, assets."""
    return _data_dir("_site", "site")


def schemas_dir() -> Path:
    """JSON Schemas of the package's own outputs (the diff report)."""
    return _package_root() / "schemas"


def package_dir() -> Path:
    """The ``generator`` package itself (its Python sources hold msgids: ``N_()``, ``_()``)."""
    return Path(__file__).resolve().parent
