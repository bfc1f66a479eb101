"""The source layer: YAML files -> the typed model, every problem at ``path:line:col``.

- :mod:`.yaml12` — the one reading of YAML (1.2 semantics): a fast pass, and a precise
  pass that only locates problems;
- :mod:`.loader` — read and check versions and policies (:func:`load_source`);
- :mod:`.select` — find the versions a command works on without reading them all
  (:func:`index_policy`), the published ones for the site (:func:`load_published`);
- :mod:`.git` — the source as it is at a git revision.
"""
from .loader import DEFAULT_SOURCE as DEFAULT_SOURCE
from .loader import IMMUTABLE as IMMUTABLE
from .loader import Source as Source
from .loader import load_policy as load_policy
from .loader import load_source as load_source
from .loader import load_version as load_version
from .loader import load_version_unchecked as load_version_unchecked
from .select import DiffInputs as DiffInputs
from .select import PolicyIndex as PolicyIndex
from .select import choose_versions as choose_versions
from .select import VersionEntry as VersionEntry
from .select import index_policy as index_policy
from .select import load_published as load_published
