import Testing
import TraceFuzz

extension ProcessHopTests {
    /// The worker executable is found next to the test bundle, and a missing one is explained.
    @Suite("Process hops: finding the worker")
    struct WorkerLocatorTests {
        @Test("under swift test, the built tracefuzz is found next to the test bundle")
        func foundUnderSwiftTest() throws {
            let worker = try WorkerLocator.locate()
            #expect(worker.path.hasSuffix("/tracefuzz"))
            #expect(worker.arguments == ["worker"])
        }

        @Test("a TRACEFUZZ_WORKER that is not executable is refused, saying how to fix it")
        func badExplicitPath() {
            #expect {
                _ = try WorkerLocator.search(environment: ["TRACEFUZZ_WORKER": "/nonexistent/tracefuzz"])
            } throws: { error in
                let text = "\(error)"
                return text.contains("/nonexistent/tracefuzz") && text.contains("swift build")
            }
        }

        @Test("a worker that cannot be started makes a clear child-protocol finding, not a crash")
        func unstartableWorker() async {
            var options = ProcessHopOptions()
            options.worker = WorkerExecutable(path: "/nonexistent/tracefuzz")
            let scenario = Scenario(steps: [span("request", ProcessTesting.hop(.fresh, [span("child")]))])
            let outcome = await ProcessTesting.run(scenario, options: options)
            let violation = outcome.violations.first { $0.invariant == "child-protocol" }
            #expect(violation?.message.contains("could not be run") == true, "\(outcome.violations)")
        }
    }
}
