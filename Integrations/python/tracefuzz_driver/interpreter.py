"""Runs a scenario's steps against the SDK: spans, hops to Python's own executors under a propagation
strategy, flushes, shutdowns and perturbations.

Executors (the engine's `ExecutorKind` names, and what they are here):

| kind | Python | context at the top of a task, with no help (`none`) |
|---|---|---|
| `pool` | `ThreadPoolExecutor(width)` | empty |
| `tracedPool` | the traced executor (`copy_context().run` per submit), or `--python-executor` | the submitter's |
| `thread` | `threading.Thread` per task | empty |
| `task` | `asyncio.create_task` | the submitter's (copied) |
| `detachedTask` | `asyncio.create_task(..., context=Context())` | empty |
| `taskGroup` | `asyncio.TaskGroup` | the submitter's (copied) |
| `asyncLet` | `asyncio.gather` | the submitter's (copied) |
| `toThread` | `asyncio.to_thread` | the submitter's (copied) |
| `runInExecutor` | `loop.run_in_executor(None, ...)` | empty |
| `process` | `multiprocessing` `Process`, `spawn` | empty |
| `forkProcess` | `multiprocessing` `Process`, `fork` | the submitter's (fork copies it) |
| `processPool` | `ProcessPoolExecutor(width)`, `spawn`, one per width for the driver's life | empty |
| `forkProcessPool` | `ProcessPoolExecutor(width)`, `fork`, one per width for the run | should be empty: a worker keeps the context of the submit that forked it |
"""

import asyncio
import concurrent.futures
import contextvars
import hashlib
import os
import threading
import time

from opentelemetry import context as otel_context
from opentelemetry import propagate, trace

from . import processes
from .executors import TracedThreadPoolExecutor

THREAD_KINDS = {"pool", "tracedPool", "thread"}
TASK_KINDS = {"task", "detachedTask", "taskGroup", "asyncLet", "toThread", "runInExecutor"}
PROCESS_KINDS = {"process", "forkProcess", "processPool", "forkProcessPool"}
SUPPORTED_EXECUTORS = THREAD_KINDS | TASK_KINDS | PROCESS_KINDS
SUPPORTED_STRATEGIES = {"fresh", "shared", "none", "carrier"}
SUPPORTED_FAULTS = {"noFlush"}

# Workers whose raw context must be empty when a task starts: anything current there was left behind
# by an earlier task on the same thread (or process).
CHECKED_BEFORE = {"pool", "thread", "runInExecutor", "processPool", "forkProcessPool"}
# Workers whose context must be back to empty when a task is done.
CHECKED_AFTER = {"pool", "thread", "runInExecutor"}

BARRIER_WAIT_SECONDS = 0.0003


def site_of(hop_id, task, executor, strategy):
    """`h2.t1 pool/none`."""
    return f"h{hop_id}.t{task} {executor}/{strategy}"


def number_hops(steps, first=1):
    """Numbers hops in pre-order (a hop before the hops inside its tasks), as the engine does, writing
    `_id` into each hop. Returns the next free number."""
    counter = [first]

    def walk(items):
        for step in items:
            if "span" in step:
                walk(step["span"].get("children", []))
            elif "hop" in step:
                hop = step["hop"]
                hop["_id"] = counter[0]
                counter[0] += 1
                for task in hop["tasks"]:
                    walk(task)

    walk(steps)
    return counter[0]


def labels_by_instance(steps):
    """{instance: set of span labels} for the steps, nested ones included."""
    result = {}

    def walk(items):
        for step in items:
            if "span" in step:
                span = step["span"]
                result.setdefault(span.get("instance", 0), set()).add(span["label"])
                walk(span.get("children", []))
            elif "hop" in step:
                for task in step["hop"]["tasks"]:
                    walk(task)

    walk(steps)
    return result


def unsupported_reason(steps):
    """Why the driver cannot run these steps, or None."""
    for step in steps:
        if "span" in step:
            reason = unsupported_reason(step["span"].get("children", []))
        elif "hop" in step:
            hop = step["hop"]
            if hop["executor"] not in SUPPORTED_EXECUTORS:
                return f"executor '{hop['executor']}' has no Python counterpart"
            if hop.get("strategy", "fresh") not in SUPPORTED_STRATEGIES:
                return f"strategy '{hop['strategy']}' is unknown"
            fault = hop.get("fault")
            if fault is not None and fault.get("kind") not in SUPPORTED_FAULTS:
                return f"fault '{fault.get('kind')}' is not supported by the Python driver (only noFlush)"
            if fault is not None and hop["executor"] not in {"process", "forkProcess"}:
                return "faults are committed by child processes: only process and forkProcess hops name one"
            reason = next((r for r in map(unsupported_reason, hop["tasks"]) if r), None)
        else:
            reason = None
        if reason:
            return reason
    return None


def jitter(seed, hop, task):
    """The seeded perturbation at the start of a task: 0 nothing, 1 a yield, 2 a spin of up to 20 µs."""
    digest = hashlib.blake2b(f"{seed}:{hop}:{task}".encode(), digest_size=8).digest()
    bits = int.from_bytes(digest, "little")
    kind = bits % 4
    if kind == 0:
        return 1, 0
    if kind == 1:
        return 2, (bits >> 8) % 20
    return 0, 0


def spin(micros):
    end = time.perf_counter() + micros / 1e6
    while time.perf_counter() < end:
        pass


class Barriers:
    """Named rendezvous that give up after a short wait, so they slow a run down but never hang it."""

    def __init__(self):
        self._lock = threading.Lock()
        self._state = {}

    def arrive(self, name, parties):
        with self._lock:
            count, generation = self._state.get(name, (0, 0))
            count += 1
            if count >= parties:
                self._state[name] = (0, generation + 1)
                return None
            self._state[name] = (count, generation)
            return generation

    def released(self, name, generation):
        with self._lock:
            return self._state[name][1] != generation


def current_span_context():
    span_context = trace.get_current_span().get_span_context()
    return span_context if span_context.is_valid else None


class Run:
    """One run of one scenario (or of a child process's task): the interpreter's state."""

    def __init__(self, instances, recorder, seed, flush_timeout_millis, options):
        self.instances = instances
        self.recorder = recorder
        self.seed = seed
        self.flush_timeout_millis = flush_timeout_millis
        self.options = options
        self.barriers = Barriers()
        self._lock = threading.Lock()
        self._sync_pending = []
        self._async_pending = {}
        self._fork_pools = {}

    # Steps, on a thread.

    def run_sync(self, steps, site):
        for step in steps:
            if "span" in step:
                span = step["span"]
                tracer = self.instances.tracer(span.get("instance", 0))
                with tracer.start_as_current_span(span["label"]) as live:
                    self.recorder.observed(span["label"], live.get_span_context())
                    self.run_sync(span.get("children", []), site)
                self.recorder.ended(span["label"])
            elif "hop" in step:
                self.hop_sync(step["hop"], site)
            elif self._flush_step(step):
                pass
            elif "yield" in step:
                time.sleep(0)
            elif "sleep" in step:
                time.sleep(step["sleep"]["micros"] / 1e6)
            elif "barrier" in step:
                barrier = step["barrier"]
                generation = self.barriers.arrive(barrier["name"], barrier["parties"])
                deadline = time.monotonic() + BARRIER_WAIT_SECONDS
                while generation is not None and not self.barriers.released(barrier["name"], generation):
                    if time.monotonic() > deadline:
                        break
                    time.sleep(0)

    def _flush_step(self, step):
        """Runs a `flush` or `shutdown` step (the same from a thread or a task); whether it was one."""
        for kind in ("flush", "shutdown"):
            if kind in step:
                self.instances.flush(step[kind]["instance"], self.flush_timeout_millis, shutdown=kind == "shutdown")
                return True
        return False

    # Steps, in an asyncio task.

    async def run_async(self, steps, site):
        for step in steps:
            if "span" in step:
                span = step["span"]
                tracer = self.instances.tracer(span.get("instance", 0))
                with tracer.start_as_current_span(span["label"]) as live:
                    self.recorder.observed(span["label"], live.get_span_context())
                    await self.run_async(span.get("children", []), site)
                self.recorder.ended(span["label"])
            elif "hop" in step:
                await self.hop_async(step["hop"], site)
            elif self._flush_step(step):
                pass
            elif "yield" in step:
                await asyncio.sleep(0)
            elif "sleep" in step:
                await asyncio.sleep(step["sleep"]["micros"] / 1e6)
            elif "barrier" in step:
                barrier = step["barrier"]
                generation = self.barriers.arrive(barrier["name"], barrier["parties"])
                deadline = time.monotonic() + BARRIER_WAIT_SECONDS
                while generation is not None and not self.barriers.released(barrier["name"], generation):
                    if time.monotonic() > deadline:
                        break
                    await asyncio.sleep(0)

    # Hops.

    def hop_sync(self, hop, site):
        if hop["executor"] in TASK_KINDS:
            # A thread has no event loop: the hop runs on one of its own, which joins what it started.
            asyncio.run(self._bridge(hop, site))
            return
        futures = self._submit_blocking(hop)
        if hop.get("join", True):
            concurrent.futures.wait(futures)
        else:
            with self._lock:
                self._sync_pending.extend(futures)

    async def _bridge(self, hop, site):
        await self.hop_async(hop, site)
        await self.join_async_pending()

    async def hop_async(self, hop, site):
        kind = hop["executor"]
        join = hop.get("join", True)
        if kind not in TASK_KINDS:
            futures = self._submit_blocking(hop)
            if join:
                await asyncio.gather(*(asyncio.wrap_future(f) for f in futures))
            else:
                with self._lock:
                    self._sync_pending.extend(futures)
            return
        strategy = hop.get("strategy", "fresh")
        hop_id = hop["_id"]
        shared = contextvars.copy_context() if strategy == "shared" else None
        headers = self._inject() if strategy == "carrier" else None
        loop = asyncio.get_running_loop()
        awaitables = []
        group = asyncio.TaskGroup() if kind == "taskGroup" else None
        if group is not None:
            await group.__aenter__()
        try:
            for index, steps in enumerate(hop["tasks"]):
                task_site = site_of(hop_id, index, kind, strategy)
                if kind in {"toThread", "runInExecutor"}:
                    body = self._sync_task(steps, task_site, hop_id, index, headers)
                    if strategy == "fresh":
                        body = _run_in(contextvars.copy_context(), body)
                    elif strategy == "shared":
                        body = _run_in(shared, body)
                    body = self._checked(body, task_site, kind)
                    if kind == "toThread":
                        awaitables.append(asyncio.ensure_future(asyncio.to_thread(body)))
                    else:
                        awaitables.append(loop.run_in_executor(None, body))
                    continue
                coroutine = self._async_task(steps, task_site, strategy, hop_id, index, headers)
                context = None
                if strategy == "fresh":
                    context = contextvars.copy_context()
                elif strategy == "shared":
                    context = shared
                elif kind == "detachedTask":
                    context = contextvars.Context()
                if group is not None:
                    group.create_task(coroutine, context=context)
                elif kind == "asyncLet" and context is None:
                    awaitables.append(coroutine)
                else:
                    awaitables.append(asyncio.create_task(coroutine, context=context))
        finally:
            if group is not None:
                await group.__aexit__(None, None, None)
        if group is not None:
            return
        if kind == "asyncLet":
            await asyncio.gather(*awaitables)
        elif join:
            await asyncio.gather(*awaitables)
        else:
            with self._lock:
                self._async_pending.setdefault(loop, []).extend(awaitables)

    async def join_async_pending(self):
        loop = asyncio.get_running_loop()
        while True:
            with self._lock:
                pending = self._async_pending.pop(loop, [])
            if not pending:
                return
            await asyncio.gather(*pending)

    async def join_everything(self):
        """Joins every fire-and-forget task (and what they started) before the final flush."""
        while True:
            await self.join_async_pending()
            with self._lock:
                futures, self._sync_pending = self._sync_pending, []
            if not futures:
                with self._lock:
                    if not self._async_pending.get(asyncio.get_running_loop()):
                        return
                continue
            await asyncio.gather(*(asyncio.wrap_future(f) for f in futures))

    def _inject(self):
        headers = {}
        propagate.inject(headers)
        return headers

    def _submit_blocking(self, hop):
        kind = hop["executor"]
        strategy = hop.get("strategy", "fresh")
        hop_id = hop["_id"]
        tasks = hop["tasks"]
        if kind in PROCESS_KINDS:
            return processes.submit(self, hop, hop_id, strategy)
        shared = contextvars.copy_context() if strategy == "shared" else None
        headers = self._inject() if strategy == "carrier" else None
        bodies = []
        for index, steps in enumerate(tasks):
            body = self._sync_task(steps, site_of(hop_id, index, kind, strategy), hop_id, index, headers)
            if strategy == "fresh":
                body = _run_in(contextvars.copy_context(), body)
            elif strategy == "shared":
                body = _run_in(shared, body)
            bodies.append(self._checked(body, site_of(hop_id, index, kind, strategy), kind))
        if kind == "thread":
            futures = []
            for body in bodies:
                future = concurrent.futures.Future()
                thread = threading.Thread(target=_complete, args=(future, body), daemon=True)
                thread.start()
                futures.append(future)
            return futures
        width = max(1, min(int(hop.get("width", 2)), 8))
        if kind == "tracedPool":
            executor_class = self.options.get("executor_class") or TracedThreadPoolExecutor
            executor = executor_class(max_workers=width)
        else:
            executor = concurrent.futures.ThreadPoolExecutor(max_workers=width)
        futures = [executor.submit(body) for body in bodies]
        executor.shutdown(wait=False)
        return futures

    def _checked(self, body, site, kind):
        """Runs a task's body on its worker with the hygiene checks around it: nothing current before
        (on plain workers), nothing left after, and an exception recorded, never lost."""
        check_before = kind in CHECKED_BEFORE
        check_after = kind in CHECKED_AFTER

        def checked():
            self.recorder.task_ran()
            if check_before:
                leftover = current_span_context()
                if leftover is not None:
                    self.recorder.leak(site, leftover, True)
            try:
                body()
            except Exception as error:  # the task dies, as it would for a user; the run goes on
                self.recorder.exception(site, error, "task")
            if check_after:
                leftover = current_span_context()
                if leftover is not None:
                    self.recorder.leak(site, leftover, False)

        return checked

    def _sync_task(self, steps, site, hop_id, index, headers):
        """The body of one task on a thread: jitter, the carrier's attach if any, the steps."""
        mode, micros = jitter(self.seed, hop_id, index)

        def body():
            if mode == 1:
                time.sleep(0)
            elif mode == 2:
                spin(micros)
            if headers is not None:
                token = otel_context.attach(propagate.extract(headers))
                try:
                    self.run_sync(steps, site)
                finally:
                    otel_context.detach(token)
            else:
                self.run_sync(steps, site)

        return body

    async def _async_task(self, steps, site, strategy, hop_id, index, headers):
        self.recorder.task_ran()
        mode, micros = jitter(self.seed, hop_id, index)
        if mode == 1:
            await asyncio.sleep(0)
        elif mode == 2:
            spin(micros)
        try:
            if headers is not None:
                token = otel_context.attach(propagate.extract(headers))
                try:
                    await self.run_async(steps, site)
                finally:
                    otel_context.detach(token)
            else:
                await self.run_async(steps, site)
        except Exception as error:
            self.recorder.exception(site, error, "task")

    def fork_pool(self, width):
        """The run's fork-started process pool of `width` workers, made at its first use."""
        with self._lock:
            pool = self._fork_pools.get(width)
            if pool is None:
                import multiprocessing

                pool = concurrent.futures.ProcessPoolExecutor(
                    max_workers=width, mp_context=multiprocessing.get_context("fork")
                )
                self._fork_pools[width] = pool
            return pool

    def close_pools(self):
        with self._lock:
            pools, self._fork_pools = list(self._fork_pools.values()), {}
        for pool in pools:
            pool.shutdown(wait=True)


def _run_in(context, body):
    def run():
        context.run(body)

    return run


def _complete(future, body):
    try:
        body()
    finally:
        future.set_result(None)
