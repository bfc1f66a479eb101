"""``mkdocs build`` of one config, in a process of its own: ``python -m generator.site.mkdocs_runner CONFIG``.

The build runs in a child process so that its environment (``SOURCE_DATE_EPOCH``, which
fixes every date mkdocs writes, and ``NO_MKDOCS_2_WARNING``) is the child's own: the
caller's ``os.environ`` is never written. Prints the warnings mkdocs logged as a JSON
list on stdout; exit status 0 when it built with none, 1 otherwise.
"""
from __future__ import annotations

import json
import logging
import sys


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build(config_file: str) -> tuple[list[str], str]:
    """Build one mkdocs config; (every warning logged, the error that stopped it or "")."""
    import jieba
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    jieba.setLogLevel(logging.WARNING)  # its progress chatter is not a warning
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    logger.propagate = False
    try:
        mkdocs_build(load_config(config_file))
    except MkDocsException as e:
        return handler.messages, str(e)
    except SystemExit as e:  # mkdocs' Abort on strict warnings is a ClickException
        return handler.messages, f"mkdocs exited with {e.code}"
    return handler.messages, ""


def main(argv: list[str]) -> int:
    messages, cause = build(argv[0])
    json.dump({"messages": messages, "cause": cause}, sys.stdout)
    return 1 if messages or cause else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
