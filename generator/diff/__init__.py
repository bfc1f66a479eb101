"""Comparing two versions, keyed by permanent id: clauses, their wording, their facts.

::

    from generator.diff import compare
    diff = compare(old_version, new_version)     # -> VersionDiff

- :mod:`.clauses` — which nodes were added, removed, modified, moved or renumbered;
- :mod:`.text` — word-level comparison of prose after normalisation;
- :mod:`.facts` — fact-level comparison, keyed by each fact's identity.

The classification (:mod:`generator.classify`) and the words for people
(:mod:`generator.report`) sit above this layer.
"""
from .clauses import ClauseChange as ClauseChange
from .clauses import FieldChange as FieldChange
from .clauses import VersionDiff as VersionDiff
from .clauses import compare as compare
from .facts import FactChange as FactChange
