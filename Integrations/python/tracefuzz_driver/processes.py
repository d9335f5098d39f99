"""Process hops: `multiprocessing` Process per task (spawn or fork) and ProcessPoolExecutor (spawn or
fork). Each child runs its task's steps with providers of its own and reports protocol lines back."""

import asyncio
import concurrent.futures
import multiprocessing
import threading

from opentelemetry import context as otel_context
from opentelemetry import propagate

_SPAWN_POOLS = {}
_SPAWN_LOCK = threading.Lock()


def spawn_pool(width):
    """The driver's spawn-started pool of `width` workers, kept for the driver's life as an application
    keeps its pool (a spawned interpreter costs a tenth of a second to start)."""
    with _SPAWN_LOCK:
        pool = _SPAWN_POOLS.get(width)
        if pool is None:
            pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=width, mp_context=multiprocessing.get_context("spawn")
            )
            _SPAWN_POOLS[width] = pool
        return pool


def close_spawn_pools():
    with _SPAWN_LOCK:
        pools = list(_SPAWN_POOLS.values())
        _SPAWN_POOLS.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


def _inject():
    headers = {}
    propagate.inject(headers)
    return headers


def submit(run, hop, hop_id, strategy):
    """Starts every task of a process hop from the submitting thread (a fork copies its context) and
    returns one future per task, done when that task's lines are merged into the run's record."""
    from .interpreter import site_of

    kind = hop["executor"]
    width = max(1, min(int(hop.get("width", 2)), 8))
    shared_headers = _inject() if strategy == "shared" else None
    fault = hop.get("fault")
    futures = []
    for index, steps in enumerate(hop["tasks"]):
        site = site_of(hop_id, index, kind, strategy)
        request = {
            "site": site,
            "seed": run.seed,
            "instances": run.instances.configs,
            "steps": steps,
            "strategy": strategy,
            "fault": fault if fault is not None and fault.get("task", 0) == index else None,
            "flushTimeoutMillis": run.flush_timeout_millis,
            # The user's executor and tracer setup, by reference: a spawned child imports them anew.
            "plugins": {key: run.options[f"{key}_reference"] for key in ("executor", "tracer")
                        if run.options.get(f"{key}_reference")},
        }
        if strategy == "fresh":
            request["context"] = _inject()
        elif strategy == "shared":
            request["context"] = shared_headers
        elif strategy == "carrier":
            request["environment"] = {name.upper(): value for name, value in _inject().items()}
        if kind in {"processPool", "forkProcessPool"}:
            pool = run.fork_pool(width) if kind == "forkProcessPool" else spawn_pool(width)
            futures.append(_pooled(run, pool, request))
        else:
            futures.append(_process(run, kind, request))
    return futures


def _pooled(run, pool, request):
    done = concurrent.futures.Future()
    run.recorder.task_ran()
    try:
        inner = pool.submit(pool_task, request)
    except Exception as error:
        run.recorder.exception(request["site"], error, "submit")
        done.set_result(None)
        return done

    def merge(future):
        try:
            run.recorder.extend(future.result())
        except Exception as error:
            run.recorder.exception(request["site"], error, "pool worker")
        done.set_result(None)

    inner.add_done_callback(merge)
    return done


def _process(run, kind, request):
    context = multiprocessing.get_context("fork" if kind == "forkProcess" else "spawn")
    run.recorder.task_ran()
    reader, writer = context.Pipe(duplex=False)
    # Not daemonic: a daemonic process may not start children, and process hops nest.
    process = context.Process(target=process_main, args=(writer, request, kind == "forkProcess"))
    done = concurrent.futures.Future()
    try:
        process.start()
    except Exception as error:
        run.recorder.add(_child_line(request, 0, None, False, 0, spawn_error=f"{type(error).__name__}: {error}"))
        done.set_result(None)
        return done
    writer.close()
    threading.Thread(target=_collect, args=(run, process, reader, request, done), daemon=True).start()
    return done


def _collect(run, process, reader, request, done):
    lines = []
    saw_end = False
    spans = 0

    def take(batch):
        nonlocal saw_end, spans
        for line in batch:
            if line.get("type") == "end":
                saw_end = True
                continue
            if line.get("type") == "span":
                spans += 1
            lines.append(line)

    try:
        while True:
            if reader.poll(0.005):
                try:
                    take(reader.recv())
                except EOFError:
                    break
            elif not process.is_alive():
                while reader.poll(0):
                    try:
                        take(reader.recv())
                    except EOFError:
                        break
                break
        process.join()
        run.recorder.extend(lines)
        run.recorder.add(_child_line(request, process.pid, process.exitcode, saw_end, spans))
    finally:
        reader.close()
        done.set_result(None)


def _child_line(request, pid, exitcode, saw_end, spans, spawn_error=None):
    line = {
        "type": "child",
        "site": request["site"],
        "pid": pid or 0,
        "sawDone": saw_end,
        "spanLines": spans,
        "doneSpans": spans if saw_end else None,
        "badLines": [],
        "badLineCount": 0,
        "unflushed": [],
        "standardError": "",
        "killedAtDeadline": False,
    }
    if request.get("fault") is not None:
        line["fault"] = request["fault"]
    if exitcode is not None:
        if exitcode < 0:
            line["signal"] = -exitcode
        else:
            line["exitStatus"] = exitcode
    if spawn_error is not None:
        line["spawnError"] = spawn_error
    return {key: value for key, value in line.items() if value is not None}


def _attach_request_context(request):
    import os

    if request.get("context") is not None:
        return otel_context.attach(propagate.extract(request["context"]))
    if request.get("environment") is not None:
        os.environ.update(request["environment"])
        carrier = {name.lower(): os.environ[name] for name in ("TRACEPARENT", "TRACESTATE") if name in os.environ}
        for name in request["environment"]:
            os.environ.pop(name, None)
        return otel_context.attach(propagate.extract(carrier))
    return None


def run_child(request, sink=None, shutdown_on_exit=False, check_leak=False):
    """Runs a child's task: its own providers, the request's context, its steps, its final flush (unless
    its fault says it exits without one). Returns its protocol lines (spans included when no sink
    streams them)."""
    from .instances import Instances
    from .interpreter import Run, current_span_context, labels_by_instance
    from .record import Recorder

    recorder = Recorder()
    site = request["site"]
    if check_leak:
        leftover = current_span_context()
        if leftover is not None:
            recorder.leak(site, leftover, True)
    from .driver import plugin_options

    options = plugin_options(request.get("plugins") or {})
    instances = Instances(
        request["instances"], recorder, site=site, shutdown_on_exit=shutdown_on_exit, sink=sink,
        tracer_factory=options.get("tracer_factory"))
    instances.labels_by_instance = labels_by_instance(request["steps"])
    run = Run(instances, recorder, request["seed"], request["flushTimeoutMillis"], options)
    token = _attach_request_context(request)

    async def top():
        try:
            await run.run_async(request["steps"], site)
        except Exception as error:
            recorder.exception(site, error, "task")
        await run.join_everything()

    try:
        asyncio.run(top())
        run.close_pools()
    finally:
        if token is not None:
            otel_context.detach(token)
    no_flush = (request.get("fault") or {}).get("kind") == "noFlush"
    if not no_flush:
        for index in range(len(instances.all)):
            instances.flush(index, request["flushTimeoutMillis"], final=True)
        instances.close()
    lines = list(recorder.lines) + instances.dropped_lines() + [{"type": "tasks", "count": recorder.tasks}]
    if sink is None:
        lines.extend(instances.exported_lines())
    return lines


def process_main(writer, request, forked=False):
    """A Process child: streams exported spans as they are exported (even from the SDK's exit hook,
    after the task returned), then its other lines and an `end` marker.

    A forked child that flushed leaves with `os._exit(0)` once its lines are sent: on 3.11,
    multiprocessing's teardown in a child forked from a ThreadPoolExecutor worker thread exits with
    status 1, silently, after the work is done (stdlib behaviour, not the tracer's). A `noFlush` child
    leaves the ordinary way, since what the exit path does with the SDK's exit hook is what it tests."""
    lock = threading.Lock()

    def send(lines):
        with lock:
            try:
                writer.send(lines)
            except (OSError, ValueError):
                pass

    lines = run_child(request, sink=send, shutdown_on_exit=True)
    send(lines + [{"type": "end"}])
    if forked and (request.get("fault") or {}).get("kind") != "noFlush":
        import os

        writer.close()
        os._exit(0)


def pool_task(request):
    """A ProcessPoolExecutor task: checks the worker's own context first (a fork-started worker keeps the
    context of the submit that forked it), runs, and returns its lines."""
    return run_child(request, check_leak=True)
