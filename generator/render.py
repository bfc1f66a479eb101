"""Temporary alias of :mod:`generator.rendering` while parallel work lands; import from there.

(A submodule named ``render`` would shadow the ``generator.render`` function.)
"""
from .rendering import *  # noqa: F401,F403
from .rendering import environment, format_date, render  # noqa: F401
