"""What one run observed, as protocol lines, collected from every thread, task and child process."""

import threading


def identity(span_context):
    """A span context as the protocol's identity object, or None for an invalid one."""
    if span_context is None or not span_context.is_valid:
        return None
    return {"traceID": format(span_context.trace_id, "032x"), "spanID": format(span_context.span_id, "016x")}


class Recorder:
    """Protocol lines of one run (or one child process), appended under one lock.

    Lines are plain dicts with a `type`; the driver writes them out once the run is done, and a child
    process sends its own to the parent, which adds them here as they arrive.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self.lines = []
        self.tasks = 0
        self._local_ended = []

    def add(self, line):
        """Appends one line."""
        with self._lock:
            self.lines.append(line)

    def extend(self, lines):
        """Appends lines a child process reported, counting its tasks into ours."""
        with self._lock:
            for line in lines:
                if line.get("type") == "tasks":
                    self.tasks += line["count"]
                else:
                    self.lines.append(line)

    def task_ran(self):
        """Counts one task a hop ran."""
        with self._lock:
            self.tasks += 1

    def observed(self, label, span_context):
        """The identity a span had while it was current."""
        self.add({"type": "observed", "label": label, "identity": identity(span_context)})

    def ended(self, label):
        """A span whose end has returned."""
        with self._lock:
            self.lines.append({"type": "ended", "label": label})
            self._local_ended.append(label)

    def leak(self, site, span_context, before_task):
        """A context found current on a worker where none should be."""
        self.add({"type": "leak", "site": site, "leftover": identity(span_context), "beforeTask": before_task})

    def exception(self, site, error, where):
        """An exception a task (or the SDK, through its logger) raised: type, message and site."""
        self.add(
            {
                "type": "exception",
                "site": site,
                "exceptionType": type(error).__name__ if isinstance(error, BaseException) else str(error[0]),
                "message": str(error) if isinstance(error, BaseException) else str(error[1]),
                "where": where,
            }
        )

    def ended_labels(self):
        """Labels of the spans that have ended in this process so far, in order: what its flushes cover
        (a child process's flushes cover what ended there)."""
        with self._lock:
            return list(self._local_ended)
