"""A provider is shut down once: a repeated or concurrent shutdown call promises nothing, and says so."""

from helpers import hop, run, scenario, span


def test_only_the_shutdown_that_reached_the_sdk_first_reports_success_and_it_covers_what_ended_before_it():
    shutdown = {"shutdown": {"instance": 0}}
    steps = [span("a"), span("b"), hop("pool", [[shutdown], [shutdown], [shutdown]], width=3)]
    instances = [{"processor": "batch", "maxQueueSize": 64, "maxExportBatchSize": 1}]
    for seed in range(1, 21):
        result = run(scenario(*steps, instances=instances), seed=seed)
        shutdowns = [line for line in result.flushes if line["isShutdown"]]
        assert len(shutdowns) == 3
        succeeded = [line for line in shutdowns if line["outcome"] == "success"]
        assert len(succeeded) == 1, f"seed {seed}: {[line['outcome'] for line in shutdowns]}"
        assert set(succeeded[0]["endedBefore"]) <= set(succeeded[0]["exportedAfter"])
        assert all(line["outcome"] == "failure" and line["shutdownBegunByReturn"] for line in shutdowns
                   if line is not succeeded[0])
