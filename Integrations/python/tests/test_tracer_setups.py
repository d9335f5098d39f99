"""`--python-tracer module:factory`: the user's own provider setup runs the scenario, in this process and
in child processes, and its defects are seen."""

import os
import sys

import pytest
from helpers import hop, run, scenario, span
from tracefuzz_driver.driver import check_tracer_factory, plugin_options

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples"))


def options(name):
    return plugin_options({"tracer": f"tracer_setups:{name}"})


def test_a_sound_setup_exports_every_span_by_each_successful_flush():
    result = run(scenario(span("a", span("b")), {"flush": {"instance": 0}}), options=options("batched"))
    flush = next(line for line in result.flushes if line["index"] == 1)
    assert flush["outcome"] == "success"
    assert set(flush["endedBefore"]) == {"a", "b"} <= set(flush["exportedAfter"])
    assert result.parent_label("b") == "a"
    assert result.spans["a"]["sessionInstance"] == 0


def test_a_setup_whose_flush_does_not_flush_leaves_what_ended_unexported_after_success():
    result = run(scenario(span("a"), {"flush": {"instance": 0}}), options=options("flushless"))
    flush = next(line for line in result.flushes if line["index"] == 1)
    assert flush["outcome"] == "success" and flush["endedBefore"] == ["a"] and flush["exportedAfter"] == []


def test_child_processes_build_the_same_setup():
    steps = [span("req", hop("process", [[span("child"), {"flush": {"instance": 0}}]]))]
    result = run(scenario(*steps), options=options("flushless"))
    child_flush = next(line for line in result.flushes if line.get("site") and line["index"] == 1)
    assert child_flush["endedBefore"] == ["child"] and child_flush["exportedAfter"] == []


def test_drops_of_the_setups_batch_processors_are_counted():
    # A span that ends after the shutdown is dropped by the setup's batch processor, and counted.
    steps = [span("before"), {"shutdown": {"instance": 0}}, span("after")]
    result = run(scenario(*steps), options=options("batched"))
    assert "before" in result.spans and "after" not in result.spans
    assert result.dropped[0] == 1


def test_a_factory_that_returns_no_provider_is_refused_at_start():
    bad = {"tracer_factory": lambda **_: 42, "tracer_reference": "m:f"}
    with pytest.raises(ValueError, match="the factory returned int, which has no get_tracer"):
        check_tracer_factory(bad)
