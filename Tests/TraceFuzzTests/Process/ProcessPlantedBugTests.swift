import Testing
import TraceCore
import TraceFuzz

extension ProcessHopTests {
    /// The catalogue's two process bugs, planted, are found: a context that is never serialized into the
    /// child (process-hop-no-carrier) and a child that exits before flushing (child-exits-before-flush).
    @Suite("Process hops: planted bugs")
    struct ProcessPlantedBugTests {
        static func scenario(
            _ strategy: PropagationStrategy, processor: TracerInstanceConfig.Processor = .simple
        )
            -> Scenario
        {
            Scenario(
                instances: [TracerInstanceConfig(processor: processor)],
                steps: [span("request", ProcessTesting.hop(strategy, [span("child", span("inner"))]))])
        }

        @Test(
            "process-hop-no-carrier: inject forgets the context, the child's span is a root: right-parent",
            arguments: [PropagationStrategy.carrier, .fresh, .shared])
        func noCarrier(strategy: PropagationStrategy) async throws {
            let outcome = await ProcessTesting.run(Self.scenario(strategy), ForgetfulInjectFactory())
            let violation = try #require(outcome.violations.first { $0.invariant == "right-parent" })
            #expect(violation.message.contains("'child'") && violation.message.contains("'request'"))
            #expect(violation.message.contains("h1.t0 process/\(strategy.rawValue)"))
            #expect(violation.mark == .wrongParent)
            #expect(Set(outcome.violations.map(\.invariant)).isSubset(of: ["right-parent", "right-trace"]))
        }

        @Test(
            "the same scenarios pass on TraceCore", arguments: [PropagationStrategy.carrier, .fresh, .shared])
        func quietOnTraceCore(strategy: PropagationStrategy) async {
            let outcome = await ProcessTesting.run(Self.scenario(strategy))
            #expect(outcome.violations.isEmpty, "\(outcome.violations)")
        }

        @Test("child-exits-before-flush: a child that does not flush, no fault named, is found as none-lost")
        func exitsBeforeFlush() async throws {
            var options = ProcessHopOptions()
            options.unannouncedFault = .noFlush
            // The batch processor's worker may export before the child exits; a few tries make a loss certain
            // in practice, and whenever there is one it must be reported.
            var found = false
            for seed in 1...20 as ClosedRange<UInt64> {
                let outcome = await ProcessTesting.run(
                    Self.scenario(.fresh, processor: .batch), seed: seed, options: options)
                let unflushed = outcome.record.children.flatMap(\.unflushed)
                #expect(outcome.record.expectedLosses.isEmpty, "no fault is named: nothing is excused")
                guard !unflushed.isEmpty else {
                    #expect(outcome.violations.isEmpty, "\(outcome.violations)")
                    continue
                }
                let loss = try #require(
                    outcome.violations.first { $0.invariant == "none-lost" }, "\(outcome.violations)")
                #expect(loss.message.contains("exited without flushing"), "\(loss.message)")
                #expect(Set(loss.labels) == Set(unflushed))
                found = true
                break
            }
            #expect(found, "the child never lost a span")
        }
    }
}
