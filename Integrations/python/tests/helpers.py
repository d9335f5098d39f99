"""Runs scenarios through the driver's request handler and reads the lines back."""

from tracefuzz_driver.driver import run_request


def span(label, *children, instance=0):
    return {"span": {"label": label, "instance": instance, "children": list(children)}}


def hop(executor, tasks, strategy="fresh", width=2, join=True, fault=None):
    step = {"hop": {"executor": executor, "width": width, "strategy": strategy, "join": join, "tasks": tasks}}
    if fault is not None:
        step["hop"]["fault"] = fault
    return step


def scenario(*steps, instances=None):
    return {"format": 1, "instances": instances or [{"processor": "simple"}], "steps": list(steps)}


class Result:
    def __init__(self, lines):
        self.lines = lines
        self.spans = {line["label"]: line for line in lines if line["type"] == "span"}
        self.observed = {line["label"]: line["identity"] for line in lines if line["type"] == "observed"}
        self.exceptions = [line for line in lines if line["type"] == "exception"]
        self.leaks = [line for line in lines if line["type"] == "leak"]
        self.flushes = [line for line in lines if line["type"] == "flush"]
        self.children = [line for line in lines if line["type"] == "child"]
        self.dropped = {line["instance"]: line["count"] for line in lines if line["type"] == "dropped"}

    def parent_label(self, label):
        """The label of the exported span's parent, or None for a root."""
        parent = self.spans[label].get("parentSpanID")
        if parent is None:
            return None
        for name, identity in self.observed.items():
            if identity["spanID"] == parent:
                return name
        return "?"


def run(scenario_object, seed=1, options=None):
    return Result(run_request({"type": "run", "id": 7, "seed": hex(seed), "scenario": scenario_object}, options or {}))
