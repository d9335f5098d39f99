import io
import json

from helpers import hop, scenario, span
from tracefuzz_driver import PROTOCOL
from tracefuzz_driver.driver import parse_options, serve


def talk(*requests):
    stdin = io.StringIO("".join(json.dumps(r) + "\n" for r in requests))
    stdout = io.StringIO()
    serve(stdin, stdout, {})
    return [json.loads(line) for line in stdout.getvalue().splitlines()]


def test_hello_comes_first_with_versions_and_what_the_driver_runs():
    lines = talk()
    assert lines[0]["type"] == "hello"
    assert lines[0]["protocol"] == PROTOCOL
    assert lines[0]["versions"]["opentelemetry-sdk"] == "1.45.2"
    assert "forkProcessPool" in lines[0]["executors"] and "dispatchSerial" not in lines[0]["executors"]


def test_one_driver_serves_many_runs_each_ending_with_its_done_line():
    request = {"type": "run", "seed": "0x2", "scenario": scenario(span("a", span("b")))}
    lines = talk(dict(request, id=1), dict(request, id=2))
    dones = [line for line in lines if line["type"] == "done"]
    assert [d["run"] for d in dones] == [1, 2]
    assert all(d["spans"] == 2 for d in dones)
    first_run = lines[1 : lines.index(dones[0]) + 1]
    assert all(line["run"] == 1 for line in first_run)
    assert lines[-1] == dones[1]


def test_quit_ends_the_conversation_and_later_requests_are_not_read():
    lines = talk({"type": "quit"}, {"type": "run", "id": 1, "scenario": scenario(span("a"))})
    assert [line["type"] for line in lines] == ["hello"]


def test_bad_requests_get_an_error_naming_the_field_and_the_driver_goes_on():
    stdin = io.StringIO('not json\n{"type":"jump"}\n{"type":"run","id":3,"protocol":9,"scenario":{}}\n')
    stdout = io.StringIO()
    serve(stdin, stdout, {})
    lines = [json.loads(line) for line in stdout.getvalue().splitlines()]
    errors = [line["message"] for line in lines if line["type"] == "error"]
    assert errors[0].startswith("$: not JSON")
    assert errors[1].startswith("$.type: unknown request type 'jump'")
    assert errors[2].startswith("$.protocol: 9")


def test_a_scenario_with_an_executor_python_lacks_is_unsupported_not_run():
    lines = talk({"type": "run", "id": 4, "scenario": scenario(span("a", hop("dispatchSerial", [[span("b")]])))})
    unsupported = [line for line in lines if line["type"] == "unsupported"]
    assert "dispatchSerial" in unsupported[0]["reason"]
    assert lines[-1] == {"type": "done", "run": 4, "spans": 0}


def test_plug_in_references_are_checked_and_named():
    options = parse_options(["--python-executor", "tracefuzz_driver.executors:TracedThreadPoolExecutor"])
    assert options["executor_class"].__name__ == "TracedThreadPoolExecutor"
    for bad, needle in [("nomodule_xyz:Thing", "cannot import"), ("tracefuzz_driver:Nope", "has no 'Nope'"), ("x", "module:name")]:
        try:
            parse_options(["--python-executor", bad])
        except ValueError as error:
            assert needle in str(error) and "--python-executor" in str(error)
        else:
            raise AssertionError(bad)
