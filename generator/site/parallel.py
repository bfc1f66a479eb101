"""One way to share work among processes: :func:`fork_map`.

Forked children inherit the function and everything it closes over, so nothing is
pickled on the way in and no module global carries a worker's state; only results
travel back. Used for the site's comparisons and its locales.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
_MISSING: Any = object()


def default_jobs() -> int:
    """The CPU count, at most 4: more processes than that only wait for each other here."""
    return max(1, min(4, os.cpu_count() or 1))


def fork_map(fn: Callable[[T], R], items: Sequence[T], jobs: int = 1) -> list[R]:
    """``[fn(item) for item in items]``, shared out among ``jobs`` forked processes.

    An item whose call failed in a child (or whose result could not be sent back) is run
    again here, so its real exception reaches the caller with its traceback. Results
    come back in the order of ``items``, whatever the number of processes.
    """
    items = list(items)
    jobs = min(jobs, len(items))
    if jobs <= 1:
        return [fn(item) for item in items]
    import multiprocessing

    context = multiprocessing.get_context("fork")
    children = []
    for worker in range(jobs):
        receive, send = context.Pipe(duplex=False)
        # the child closes every reading end it inherits (its own, its elder siblings'): if
        # this process dies, a child writing its results then fails at once (EPIPE) instead
        # of blocking for ever on a pipe a sibling still holds open
        readers = [r for _, r in children] + [receive]
        child = context.Process(target=_work, args=(fn, items, range(worker, len(items), jobs), send, readers),
                                daemon=True)
        child.start()
        send.close()
        children.append((child, receive))
    results: list[Any] = [_MISSING] * len(items)
    for child, receive in children:
        try:
            for index, value in receive.recv():
                results[index] = value
        except EOFError:  # the child died: its items are redone below
            pass
        finally:
            receive.close()
            child.join()
    return [fn(items[i]) if value is _MISSING else value for i, value in enumerate(results)]


def _work(fn: Callable[[Any], Any], items: Sequence[Any], indexes: range, send: Any,
          inherited: Sequence[Any] = ()) -> None:
    for reader in inherited:
        reader.close()
    done = []
    for index in indexes:
        try:
            done.append((index, fn(items[index])))
        except Exception:  # the parent runs it again and raises the real exception
            pass
    try:
        send.send(done)
    except (BrokenPipeError, ConnectionError):  # the parent is gone: nothing to hand back
        pass
    except Exception:  # a result that cannot be pickled: the parent redoes them all
        send.send([])
    finally:
        send.close()
