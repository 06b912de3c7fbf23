"""Where analysis runs: in this process, in a local process pool, or on a Dask cluster.

Only analyze() is shipped out: it is pure (a Document in, an Extraction out), so a
worker needs nothing but the models. Reading, cleaning, storing and linking stay
in the calling process, in input order, so the record is the same however many
workers there are.
"""

from __future__ import annotations

import functools
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from .actors.registry import Registry
from .analysis.analyzer import Analyzer, analyze
from .errors import InputError, SummitlogError

log = logging.getLogger(__name__)


class InlineExecutor(Executor):
    """Runs each job at submit time: the single-process case through the same code path."""

    def submit(self, fn: Callable, /, *args: Any, **kwargs: Any) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # reported per document by in_order()
            future.set_exception(exc)
        return future


@functools.cache
def worker_analyzer(registry: str | None):
    """One Analyzer per worker process, built on its first document so the models load once."""
    return Analyzer(Registry.load(registry))


def analyze_in_worker(doc, registry: str | None):
    return analyze(doc, worker_analyzer(registry))


class Pool:
    """Makes the executor for a run, and a fresh one after a worker dies."""

    def __init__(self, workers: int = 1, scheduler: str | None = None) -> None:
        if workers < 1:
            raise SummitlogError(f"--workers {workers}: give 1 or more")
        self.workers, self.scheduler = workers, scheduler
        self.client = None
        self.executor: Executor | None = None
        self.window = 4 * workers  # documents in flight: every worker busy, memory bounded

    @property
    def remote(self) -> bool:
        return self.workers > 1 or self.scheduler is not None

    def start(self) -> Executor:
        if self.scheduler is not None:
            from distributed import Client

            try:
                self.client = Client(self.scheduler, timeout="10s")
            except (OSError, TimeoutError, ValueError) as exc:
                raise SummitlogError(f"--scheduler {self.scheduler}: cannot connect ({exc})") from None
            self.executor = self.client.get_executor(pure=False)
            threads = sum(w.get("nthreads", 1) for w in self.client.scheduler_info()["workers"].values())
            self.window = 4 * max(self.workers, threads)
        elif self.workers > 1:
            self.executor = ProcessPoolExecutor(max_workers=self.workers)
        else:
            self.executor = InlineExecutor()
        return self.executor

    def restart(self) -> Executor:
        if isinstance(self.executor, ProcessPoolExecutor):
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = ProcessPoolExecutor(max_workers=self.workers)
        return self.executor

    def close(self) -> None:
        if isinstance(self.executor, ProcessPoolExecutor):
            self.executor.shutdown(cancel_futures=True)
        if self.client is not None:
            self.client.close()
        self.executor = self.client = None

    def __enter__(self) -> "Pool":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def in_order(pool: Pool, job: Callable, items: Iterable[Any], ready: Callable[[Any], bool]) -> Iterator[Any]:
    """job(item) for the items that are `ready`, others passed through; results in input order.

    A job that raised, or whose worker died, comes back as an InputError naming the
    document, so the batch goes on and a re-run completes it.
    """
    executor = pool.executor or pool.start()
    pending: deque[tuple[Any, Future | None]] = deque()

    def drain(keep: int) -> Iterator[Any]:
        nonlocal executor, pending
        while len(pending) > keep:
            result = outcome(*pending.popleft())
            if isinstance(result, Died):
                executor = pool.restart()
                pending = resubmit(pending, executor, job)
                result = result.error
            yield result

    for item in items:
        pending.append((item, submit(executor, job, item) if ready(item) else None))
        yield from drain(pool.window)
    yield from drain(0)


class Died:
    """A job lost with its worker process."""

    def __init__(self, error: InputError) -> None:
        self.error = error


def outcome(item: Any, future: Future | None) -> Any:
    if future is None:
        return item
    source = getattr(item, "source", str(item))
    try:
        return future.result()
    except BrokenProcessPool:
        log.warning("%s: worker process died", source)
        return Died(InputError(source, "worker process died while analysing it; run the ingest again"))
    except Exception as exc:  # the worker's error, reported against its document
        log.debug("analysis of %s failed", source, exc_info=True)
        return InputError(source, f"analysis failed ({type(exc).__name__}: {exc})")


def resubmit(pending: deque, executor: Executor, job: Callable) -> deque:
    """Jobs that were queued behind a dead worker, sent to the fresh pool; the one it was
    running when it died is the one reported."""
    return deque((item, submit(executor, job, item) if future is not None else None) for item, future in pending)


def submit(executor: Executor, job: Callable, item: Any) -> Future:
    """executor.submit(), or when the pool broke since the last look, a future that says so
    (in_order then restarts the pool)."""
    try:
        return executor.submit(job, item)
    except BrokenProcessPool as exc:
        future: Future = Future()
        future.set_exception(exc)
        return future
