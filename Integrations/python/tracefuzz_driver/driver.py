"""The driver's main loop: `hello`, then one `run` request in, that run's lines out, until `quit` or
the end of standard input. See "The driver protocol" in Scenarios/README.md."""

import asyncio
import json
import logging
import platform
import sys
import threading
from importlib import metadata

from . import PROTOCOL, processes
from .executors import load
from .instances import Instances
from .interpreter import (
    SUPPORTED_EXECUTORS,
    SUPPORTED_FAULTS,
    SUPPORTED_STRATEGIES,
    Run,
    labels_by_instance,
    number_hops,
    unsupported_reason,
)
from .record import Recorder

DEFAULT_FLUSH_TIMEOUT_MILLIS = 5000


def versions():
    """The runtime's versions, for `hello`."""
    found = {"python": platform.python_version(), "implementation": platform.python_implementation()}
    for package in ("opentelemetry-api", "opentelemetry-sdk"):
        try:
            found[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            found[package] = None
    return found


def hello(options):
    """The first line the driver writes."""
    return {
        "type": "hello",
        "protocol": PROTOCOL,
        "driver": "opentelemetry-python",
        "versions": versions(),
        "executors": sorted(SUPPORTED_EXECUTORS),
        "strategies": sorted(SUPPORTED_STRATEGIES),
        "faults": sorted(SUPPORTED_FAULTS),
        "processors": ["batch", "simple"],
        "pythonExecutor": options.get("executor_reference"),
        "pythonTracer": options.get("tracer_reference"),
    }


class _SDKErrors(logging.Handler):
    """Errors the SDK logs instead of raising ("Failed to detach context"), recorded as exceptions of
    the run under way."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.recorder = None

    def emit(self, record):
        recorder = self.recorder
        if recorder is None:
            return
        kind = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else "logged"
        message = record.getMessage()
        if record.exc_info and record.exc_info[1] is not None:
            message = f"{message}: {record.exc_info[1]}"
        recorder.exception(threading.current_thread().name, (kind, message), f"logger {record.name}")


_ERRORS = _SDKErrors()


def run_request(request, options):
    """Runs one `run` request; returns its lines, `done` last."""
    run_id = request.get("id")
    scenario = request.get("scenario")
    if not isinstance(scenario, dict) or not isinstance(scenario.get("steps"), list):
        return [{"type": "error", "run": run_id, "message": "$.scenario: expected a scenario object with steps"}]
    reason = unsupported_reason(scenario["steps"])
    if reason is not None:
        return [{"type": "unsupported", "run": run_id, "reason": reason}, {"type": "done", "run": run_id, "spans": 0}]
    configs = scenario.get("instances") or [{"processor": "simple"}]
    seed = int(str(request.get("seed", "0")), 0)
    flush_timeout = int(request.get("flushTimeoutMillis", DEFAULT_FLUSH_TIMEOUT_MILLIS))
    steps = scenario["steps"]
    number_hops(steps)
    recorder = Recorder()
    instances = Instances(configs, recorder, tracer_factory=options.get("tracer_factory"))
    instances.labels_by_instance = labels_by_instance(steps)
    run = Run(instances, recorder, seed, flush_timeout, options)
    _ERRORS.recorder = recorder

    async def main():
        try:
            await run.run_async(steps, "top")
        except Exception as error:
            recorder.exception("top", error, "step")
        await run.join_everything()

    try:
        asyncio.run(main())
        run.close_pools()
        for index in range(len(configs)):
            instances.flush(index, flush_timeout, final=True)
    finally:
        _ERRORS.recorder = None
    exported = instances.exported_lines()
    dropped = [0] * len(configs)
    lines = []
    for line in recorder.lines:
        kind = line["type"]
        if kind == "dropped":
            if 0 <= line["instance"] < len(dropped):
                dropped[line["instance"]] += line["count"]
            continue
        lines.append(line)
    for instance in instances.all:
        dropped[instance.index] += instance.drops.count
    instances.close()
    # The final flush covers the children's spans too: its drop count is the run's, as `dropped` says.
    for line in lines:
        if line["type"] == "flush" and line["index"] == 0 and "site" not in line:
            line["droppedAfter"] = dropped[line["instance"]]
    spans = exported + [line for line in lines if line["type"] == "span"]
    lines = [line for line in lines if line["type"] != "span"]
    out = [dict(line, run=run_id) for line in spans + lines]
    out += [{"type": "dropped", "run": run_id, "instance": i, "count": c} for i, c in enumerate(dropped)]
    out.append({"type": "tasks", "run": run_id, "count": recorder.tasks})
    out.append({"type": "done", "run": run_id, "spans": len(spans)})
    return out


PLUGIN_FLAGS = {"--python-executor": "executor", "--python-tracer": "tracer"}
"""The plug-in flags, by the key their references go under in `plugins` (and in child requests)."""


def plugin_options(plugins):
    """The run options for plug-in references (`{"executor": "m:Class", "tracer": "m:factory"}`): each
    loaded, with its reference kept for `hello` and for child processes. Raises ValueError."""
    options = {}
    for key, reference in plugins.items():
        flag = next(flag for flag, name in PLUGIN_FLAGS.items() if name == key)
        try:
            value = load(reference)
        except ValueError as error:
            raise ValueError(f"{flag}: {error}") from error
        if not callable(value):
            raise ValueError(f"{flag}: '{reference}' is not callable")
        options[f"{key}_reference"] = reference
        options["executor_class" if key == "executor" else "tracer_factory"] = value
    return options


def check_tracer_factory(options):
    """Builds and shuts down one provider with the user's tracer setup, so a broken one is reported once,
    at start, rather than by every run. Raises ValueError saying what is wrong."""
    factory = options.get("tracer_factory")
    if factory is None:
        return
    try:
        probe = Instances([{"processor": "simple"}], Recorder(), tracer_factory=factory)
        probe.close()
    except Exception as error:
        raise ValueError(f"--python-tracer {options['tracer_reference']}: {type(error).__name__}: {error}") from error


def parse_options(argv):
    """`--python-executor module:Class` and `--python-tracer module:factory`; raises ValueError."""
    plugins = {}
    arguments = list(argv)
    while arguments:
        flag = arguments.pop(0)
        if flag not in PLUGIN_FLAGS:
            raise ValueError(f"unknown argument '{flag}'")
        if not arguments:
            raise ValueError(f"{flag} expects module:name")
        plugins[PLUGIN_FLAGS[flag]] = arguments.pop(0)
    return plugin_options(plugins)


def serve(stdin, stdout, options):
    """Answers requests until `quit` or end of input."""

    def write(line):
        stdout.write(json.dumps(line, separators=(",", ":"), sort_keys=True) + "\n")

    write(hello(options))
    stdout.flush()
    for raw in stdin:
        raw = raw.strip()
        if not raw:
            continue
        try:
            request = json.loads(raw)
        except ValueError as error:
            write({"type": "error", "message": f"$: not JSON: {error}"})
            stdout.flush()
            continue
        if not isinstance(request, dict):
            write({"type": "error", "message": "$: a request is a JSON object"})
        elif request.get("type") == "quit":
            break
        elif request.get("type") != "run":
            write({"type": "error", "message": f"$.type: unknown request type {request.get('type')!r}"})
        elif request.get("protocol", PROTOCOL) != PROTOCOL:
            write({"type": "error", "run": request.get("id"),
                   "message": f"$.protocol: {request.get('protocol')} is not {PROTOCOL}"})
        else:
            for line in run_request(request, options):
                write(line)
        stdout.flush()


SWITCH_INTERVAL_SECONDS = 0.0001
"""How often the interpreter hands the GIL to another thread: 50 times as often as its default 5 ms, so
threads interleave inside short spans (hostile scheduling, as the Swift runtime's jitter is)."""


def main(argv=None):
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    logging.getLogger("opentelemetry").addHandler(_ERRORS)
    logging.getLogger("opentelemetry").propagate = False
    try:
        options = parse_options(sys.argv[1:] if argv is None else argv)
        check_tracer_factory(options)
    except ValueError as error:
        print(f"tracefuzz driver: {error}", file=sys.stderr)
        return 2
    protocol_out = sys.stdout
    # Anything else that prints (a user's executor, a warning) goes to standard error, never into the protocol.
    sys.stdout = sys.stderr
    try:
        serve(sys.stdin, protocol_out, options)
    finally:
        processes.close_spawn_pools()
    return 0
