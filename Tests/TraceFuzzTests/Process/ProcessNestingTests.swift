import Testing
import TraceCore
import TraceFuzz

extension ProcessHopTests {
    /// Process hops nest: a child fans out to a pool whose tasks start children of their own, and so on,
    /// each worker spawning the next with the same executable; every span still lands under its parent.
    @Suite("Process hops: nesting")
    struct ProcessNestingTests {
        /// process → pool → process → task group → process: four processes deep.
        static let scenario = Scenario(steps: [
            span(
                "request",
                ProcessTesting.hop(
                    .fresh,
                    [
                        span(
                            "level-1",
                            hop(
                                .pool, .fresh, width: 2,
                                [span("level-2-a", ProcessTesting.hop(.carrier, [span("level-3-a")]))],
                                [
                                    span(
                                        "level-2-b",
                                        ProcessTesting.hop(
                                            .shared,
                                            [
                                                span(
                                                    "level-3-b",
                                                    hop(
                                                        .taskGroup, .none,
                                                        [ProcessTesting.hop(.fresh, [span("level-4")])]))
                                            ]))
                                ]))
                    ]))
        ])

        /// Each span and the parent it must have.
        static let parents: [String: String] = [
            "level-1": "request", "level-2-a": "level-1", "level-2-b": "level-1", "level-3-a": "level-2-a",
            "level-3-b": "level-2-b", "level-4": "level-3-b",
        ]

        @Test(
            "process, pool, process, task group, process: every span under its parent, in one trace",
            arguments: [1] as [UInt64])
        func nested(seed: UInt64) async throws {
            let outcome = await ProcessTesting.run(Self.scenario, seed: seed)
            #expect(outcome.violations.isEmpty, "\(outcome.violations)")
            let spans = ProcessTesting.exported(outcome.record)
            let trace = try #require(spans["request"]).identity.traceID
            for (label, parent) in Self.parents {
                let span = try #require(spans[label], "'\(label)' did not arrive")
                #expect(
                    span.parentSpanID == spans[parent]?.identity.spanID, "'\(label)' is not under '\(parent)'"
                )
                #expect(span.identity.traceID == trace)
            }
            #expect(outcome.record.exported.count == Self.parents.count + 1)
        }

        @Test("every child at every depth is reported under the site the oracle gives it")
        func sites() async {
            let outcome = await ProcessTesting.run(Self.scenario)
            let sites = outcome.record.children.map(\.site).sorted()
            #expect(
                sites == [
                    "h1.t0 process/fresh", "h3.t0 process/carrier", "h4.t0 process/shared",
                    "h6.t0 process/fresh",
                ])
            #expect(
                outcome.record.children.allSatisfy { $0.exitStatus == 0 && $0.sawDone && $0.badLines.isEmpty }
            )
            let oracleSites = Set(Oracle.expectations(for: Self.scenario).map(\.site))
            #expect(Set(sites).isSubset(of: oracleSites))
            #expect(outcome.record.tasksRun == 7, "1 + 2 pool tasks + 2 + 1 task-group task + 1")
        }
    }
}
