import Testing
import TraceCore
import TraceFuzz

extension ProcessHopTests {
    /// Each fault a scenario names for a child process gives exactly its documented outcome: an expected
    /// loss (`noFlush`, `crash`) that is not a finding, or a finding (`hang`, `garbage`) that names the task.
    @Suite("Process hops: faults")
    struct ProcessFaultTests {
        /// A request with two children; task 0's child commits `fault`. Its steps are sequential, so which of
        /// its spans end first is fixed.
        static func scenario(
            _ fault: ProcessFault, processor: TracerInstanceConfig.Processor, deadline: Int = 10_000
        )
            -> Scenario
        {
            Scenario(
                instances: [TracerInstanceConfig(processor: processor)],
                steps: [
                    span(
                        "request",
                        ProcessTesting.hop(
                            .fresh, fault: fault,
                            [span("a1", span("a1-inner")), span("a2"), span("a3")],
                            [span("b1")])),
                    span("after"),
                ],
                deadlineMillis: deadline)
        }

        static let taskZero: Set<String> = ["a1", "a1-inner", "a2", "a3"]

        @Test(
            "noFlush on a batching instance: the spans the child reports unflushed are lost, not a finding",
            arguments: [1, 2] as [UInt64])
        func noFlush(seed: UInt64) async throws {
            let outcome = await ProcessTesting.run(
                Self.scenario(ProcessFault(kind: .noFlush), processor: .batch), seed: seed)
            #expect(outcome.violations.isEmpty, "\(outcome.violations)")
            let child = try #require(outcome.record.children.first { $0.site == "h1.t0 process/fresh" })
            #expect(child.exitStatus == 0 && child.sawDone)
            let exported = Set(outcome.record.exported.map(\.label))
            let missing = Set(
                Oracle.expectations(for: Self.scenario(ProcessFault(kind: .noFlush), processor: .batch))
                    .map(\.label)
            ).subtracting(exported)
            #expect(
                missing == Set(child.unflushed), "lost: \(missing.sorted()), unflushed: \(child.unflushed)")
            #expect(Set(outcome.record.expectedLosses.map(\.label)) == missing)
            #expect(missing.isSubset(of: Self.taskZero))
        }

        @Test(
            "crash: the signal is recorded, and what the child had not delivered is an expected loss",
            arguments: [4, 9])
        func crash(signal: Int) async throws {
            let fault = ProcessFault(kind: .crash, afterSpans: 1, signal: signal)
            let outcome = await ProcessTesting.run(Self.scenario(fault, processor: .simple))
            #expect(outcome.violations.isEmpty, "\(outcome.violations)")
            let child = try #require(outcome.record.children.first { $0.site == "h1.t0 process/fresh" })
            #expect(child.signal == Int32(signal))
            #expect(!child.sawDone)
            // Its first span to end ('a1-inner') was exported and delivered before it died.
            let exported = Set(outcome.record.exported.map(\.label))
            #expect(exported == ["request", "a1-inner", "b1", "after"])
            #expect(Set(outcome.record.expectedLosses.map(\.label)) == ["a1", "a2", "a3"])
            #expect(outcome.record.expectedLosses.allSatisfy { $0.reason.contains("signal \(signal)") })
        }

        @Test("crash before the first step: the whole task is an expected loss")
        func crashAtStart() async throws {
            let outcome = await ProcessTesting.run(
                Self.scenario(ProcessFault(kind: .crash), processor: .simple))
            #expect(outcome.violations.isEmpty, "\(outcome.violations)")
            #expect(Set(outcome.record.expectedLosses.map(\.label)) == Self.taskZero)
            #expect(outcome.record.children.first { $0.site == "h1.t0 process/fresh" }?.signal == 6)
        }

        @Test("hang: a deadline finding listing the spans that arrived; the child is killed and reaped")
        func hang() async throws {
            let scenario = Self.scenario(
                ProcessFault(kind: .hang, afterSpans: 1), processor: .simple, deadline: 4_000)
            let outcome = await ProcessTesting.run(scenario)
            let hang = try #require(outcome.record.hang)
            #expect(outcome.violations.map(\.invariant) == ["deadline"])
            let message = outcome.violations.first?.message ?? ""
            #expect(message.contains("h1.t0 process/fresh"), "\(message)")
            // What arrives before the deadline is up to the machine; what cannot arrive is not.
            #expect(Set(hang.arrived).isSubset(of: ["a1-inner", "b1"]), "\(message)")
            for label in hang.arrived { #expect(message.contains("'\(label)'"), "\(message)") }
            let hung = try #require(outcome.record.children.first { $0.site == "h1.t0 process/fresh" })
            #expect(hung.killedAtDeadline && hung.signal == 9)
            #expect(!ProcessTesting.isAliveOrZombieChild(hung.pid), "the hung child outlived its run")
        }

        @Test(
            "garbage: a child-protocol finding naming the task and the line; the run completes",
            arguments: [1, 2] as [UInt64])
        func garbage(seed: UInt64) async throws {
            let outcome = await ProcessTesting.run(
                Self.scenario(ProcessFault(kind: .garbage, afterSpans: 2), processor: .simple), seed: seed)
            #expect(outcome.violations.map(\.invariant) == ["child-protocol"], "\(outcome.violations)")
            let message = try #require(outcome.violations.first?.message)
            #expect(
                message.contains("h1.t0 process/fresh") && message.contains("not a protocol line"),
                "\(message)")
            #expect(outcome.record.exported.count == 7, "every span still arrived")
            #expect(outcome.record.children.allSatisfy { $0.exitStatus == 0 && $0.sawDone })
        }

        @Test("faults of nested children are reported from any depth")
        func nestedFaults() async throws {
            let scenario = Scenario(steps: [
                span(
                    "request",
                    ProcessTesting.hop(
                        .fresh,
                        [
                            span(
                                "outer",
                                ProcessTesting.hop(
                                    .carrier, fault: ProcessFault(kind: .crash, signal: 11), [span("lost")]),
                                ProcessTesting.hop(
                                    .fresh, fault: ProcessFault(kind: .garbage), [span("kept")]))
                        ]))
            ])
            let outcome = await ProcessTesting.run(scenario)
            #expect(outcome.violations.map(\.invariant) == ["child-protocol"], "\(outcome.violations)")
            #expect(outcome.violations.first?.message.contains("h3.t0 process/fresh") == true)
            #expect(outcome.record.expectedLosses.map(\.label) == ["lost"])
            #expect(outcome.record.children.first { $0.site == "h2.t0 process/carrier" }?.signal == 11)
            #expect(Set(outcome.record.exported.map(\.label)) == ["request", "outer", "kept"])
        }
    }
}
