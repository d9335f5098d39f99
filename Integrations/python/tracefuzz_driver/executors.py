"""Executors of the guides, and loading a user's own (`--python-executor module:Class`)."""

import concurrent.futures
import contextvars
import importlib


class TracedThreadPoolExecutor(concurrent.futures.ThreadPoolExecutor):
    """The traced executor of the tracing guides: copies the submitter's context at every submit and
    runs the task inside the copy, so the worker sees the submitter's span with no help from the caller."""

    def submit(self, fn, /, *args, **kwargs):
        context = contextvars.copy_context()
        return super().submit(context.run, fn, *args, **kwargs)


def load(reference):
    """The object named by `module:attribute` (the module importable from sys.path).

    Raises ValueError naming what is wrong with the reference.
    """
    module_name, sep, attribute = reference.partition(":")
    if not sep or not module_name or not attribute:
        raise ValueError(f"'{reference}' is not module:name")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise ValueError(f"cannot import module '{module_name}': {error}") from error
    try:
        value = module
        for part in attribute.split("."):
            value = getattr(value, part)
    except AttributeError as error:
        raise ValueError(f"module '{module_name}' has no '{attribute}'") from error
    return value
