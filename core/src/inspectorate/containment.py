"""Running an installed plugin's hook code where it cannot take the app with it.

The code runs in a worker thread while the caller waits at most the hook's time budget. Past it,
the caller carries on without that plugin's part (:class:`Overran`); Python cannot stop a thread,
so the call is left to finish on its own, its result dropped, and the same plugin's hook is not
called again until it has. Whatever the code raises, ``SystemExit`` and ``KeyboardInterrupt``
included, comes back to the caller as an ordinary ``Exception``: a plugin's failure, never the
end of the app. A real Ctrl+C reaches the waiting caller (signals go to the main thread), so it
still interrupts as a person expects. What the code prints to standard output is kept apart,
per thread, and handed back, so machine output such as ``--json`` stays what it should be.

Workers are kept and reused: a call costs a hand-over to a waiting thread, not a new thread. A
worker left waiting for a minute ends, so the hosts a test suite makes by the thousand do not each
leave a thread behind for the rest of the process.
"""

from __future__ import annotations

import sys
import threading
from collections import deque
from queue import Empty, SimpleQueue

#: Seconds one plugin's part of a hook call may take unless the settings say otherwise.
DEFAULT_BUDGET = 2.0
#: Seconds a worker waits for its next call before it ends.
IDLE_SECONDS = 60.0


class Contained(Exception):
    """What became of contained plugin code, said in full by its message."""


class Overran(Contained):
    """The plugin's code did not return within the budget; its part is left out."""

    def __init__(self, budget: float | None):
        # None: an earlier call under this key overran and is still running, whatever this call's budget.
        limit = "" if budget is None else f" of {budget:g} s"
        super().__init__(f"took longer than its time budget{limit}; its part is left out")


class Exited(Contained):
    """The plugin's code raised ``SystemExit`` or ``KeyboardInterrupt``: contained as a failure."""

    def __init__(self, raised: BaseException):
        super().__init__(f"{type(raised).__name__}: {raised}" if str(raised) else type(raised).__name__)
        self.raised = raised


class Containment:
    """The worker threads installed plugins' hook code runs in, and what each call printed."""

    def __init__(self) -> None:
        self._idle: deque[SimpleQueue] = deque()  # the inbox of each worker waiting for a call
        self._lock = threading.Lock()
        #: (plugin, hook) whose call is still running past its budget: not called again meanwhile.
        self._overrunning: set[tuple[str, str]] = set()

    def run(self, key: tuple[str, str], budget: float | None, function, args, kwargs) -> tuple[object, str]:
        """``function(*args, **kwargs)`` in a worker: (its result, what it printed).

        Raises what it raised (``Exited`` for an exit or interrupt), or :class:`Overran` past
        ``budget`` seconds (None: no limit, for importing a plugin, which may well be slow).
        """
        if getattr(_here, "printed", None) is not None:  # plugin code calling a hook: already contained
            return function(*args, **kwargs), ""
        if key in self._overrunning:
            raise Overran(budget)
        _route_stdout()
        job = _Job(key, function, args, kwargs)
        with self._lock:  # taken under the lock a worker ending checks, so none ends with a call given
            inbox = self._idle.pop() if self._idle else None
        if inbox is None:
            inbox = self._start_worker()
        inbox.put(job)
        if not job.done.acquire(timeout=-1 if budget is None else budget):
            with self._lock:
                if not job.finished:
                    job.abandoned = True
                    self._overrunning.add(key)
                    raise Overran(budget)
            job.done.acquire()  # it finished as the budget ran out: take its result
        if job.error is not None:
            raise job.error
        return job.result, "".join(job.printed)

    def _start_worker(self) -> SimpleQueue:
        inbox: SimpleQueue = SimpleQueue()
        threading.Thread(target=self._serve, args=(inbox,), name="inspectorate-plugin-call", daemon=True).start()
        return inbox

    def _serve(self, inbox: SimpleQueue) -> None:
        while True:
            try:
                job = inbox.get(timeout=IDLE_SECONDS)
            except Empty:
                with self._lock:
                    if inbox in self._idle:  # else a caller has just taken this worker: its call is coming
                        self._idle.remove(inbox)
                        return
                continue
            _here.printed = job.printed
            try:
                job.result = job.function(*job.args, **job.kwargs)
            except Exception as exc:  # noqa: BLE001 - handed back to the caller as the plugin's failure
                job.error = exc
            except BaseException as exc:  # noqa: BLE001 - an exit or interrupt raised by the plugin itself
                job.error = Exited(exc).with_traceback(exc.__traceback__)
            finally:
                _here.printed = None
            with self._lock:
                job.finished = True
                if job.abandoned:
                    self._overrunning.discard(job.key)
            self._idle.append(inbox)  # ready again before the caller wakes
            job.done.release()
            del job  # nor does a waiting worker keep the last call's arguments alive


class _Job:
    __slots__ = ("key", "function", "args", "kwargs", "done", "finished", "abandoned", "result", "error", "printed")

    def __init__(self, key, function, args, kwargs) -> None:
        self.key, self.function, self.args, self.kwargs = key, function, args, kwargs
        self.done = threading.Lock()
        self.done.acquire()  # released by the worker when the call has returned or raised
        self.finished = self.abandoned = False
        self.result = self.error = None
        self.printed: list[str] = []


#: In a worker: the list what the running call prints goes to; elsewhere nothing is set.
_here = threading.local()


class _RoutedStdout:
    """Standard output for every thread as before, except a worker's, which is kept per call.

    ``contextlib.redirect_stdout`` swaps the stream for every thread at once; this keeps the swap
    to the threads running plugin code.
    """

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        printed = getattr(_here, "printed", None)
        if printed is None:
            return self._stream.write(text)
        printed.append(text)
        return len(text)

    def flush(self) -> None:
        if getattr(_here, "printed", None) is None:
            self._stream.flush()

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _route_stdout() -> None:
    """Put the routing stream in front of whatever is standard output now (a test runner or the
    terminal app may have replaced it since the last call)."""
    if type(sys.stdout) is not _RoutedStdout and sys.stdout is not None:
        sys.stdout = _RoutedStdout(sys.stdout)
