import Testing
import TraceCore
import TraceFuzz

extension ProcessHopTests {
    /// Context crosses a process hop exactly as its strategy says: `carrier`, `fresh` and `shared` make the
    /// child's top span a child of the span current at the hop, in its trace; `none` makes it a new root.
    @Suite("Process hops: linkage")
    struct ProcessLinkageTests {
        static func scenario(_ strategy: PropagationStrategy) -> Scenario {
            Scenario(steps: [
                span(
                    "request",
                    ProcessTesting.hop(
                        strategy, [span("child-1", span("child-1-inner"))], [.yield, span("child-2")])),
                span("after"),
            ])
        }

        @Test(
            "carrier, fresh and shared: the child's top spans are children of the hop's span, in its trace",
            arguments: [PropagationStrategy.carrier, .fresh, .shared], [1] as [UInt64])
        func propagated(strategy: PropagationStrategy, seed: UInt64) async throws {
            let outcome = await ProcessTesting.run(Self.scenario(strategy), seed: seed)
            #expect(outcome.violations.isEmpty, "\(outcome.violations)")
            let spans = ProcessTesting.exported(outcome.record)
            let request = try #require(spans["request"])
            for label in ["child-1", "child-2"] {
                let child = try #require(spans[label], "\(label) was not delivered")
                #expect(child.parentSpanID == request.identity.spanID, "\(label) is not under 'request'")
                #expect(child.identity.traceID == request.identity.traceID)
            }
            let inner = try #require(spans["child-1-inner"])
            #expect(inner.parentSpanID == spans["child-1"]?.identity.spanID)
            #expect(outcome.record.children.count == 2)
            #expect(outcome.record.children.allSatisfy { $0.exitStatus == 0 && $0.sawDone })
        }

        @Test("none: the child's top spans start new traces", arguments: [1, 2] as [UInt64])
        func notPropagated(seed: UInt64) async throws {
            let outcome = await ProcessTesting.run(Self.scenario(.none), seed: seed)
            #expect(outcome.violations.isEmpty, "\(outcome.violations)")
            let spans = ProcessTesting.exported(outcome.record)
            let request = try #require(spans["request"])
            let first = try #require(spans["child-1"])
            let second = try #require(spans["child-2"])
            #expect(first.parentSpanID == nil && second.parentSpanID == nil)
            #expect(Set([request, first, second].map(\.identity.traceID)).count == 3)
        }

        @Test("the oracle: a process hop inherits nothing; every strategy but none carries the submitter")
        func oracle() {
            #expect(!ExecutorKind.process.inheritsTaskLocals)
            #expect(!Oracle.workerInheritsContext(executor: .process, strategy: .none))
            for strategy in [PropagationStrategy.fresh, .shared, .carrier] {
                #expect(Oracle.workerInheritsContext(executor: .process, strategy: strategy))
            }
            let expectations = Oracle.expectations(for: Self.scenario(.none))
            #expect(expectations.first { $0.label == "child-1" }?.parent == nil)
            #expect(expectations.first { $0.label == "child-1" }?.site == "h1.t0 process/none")
            #expect(expectations.first { $0.label == "child-1-inner" }?.parent == "child-1")
        }

        @Test("a child's spans carry its instance's session and are exported by that instance alone")
        func instances() async {
            let scenario = Scenario(
                instances: [TracerInstanceConfig(), TracerInstanceConfig(processor: .batch)],
                steps: [
                    span(
                        "request", instance: 0,
                        ProcessTesting.hop(.carrier, [span("child", instance: 1, span("grand", instance: 0))])
                    )
                ])
            let outcome = await ProcessTesting.run(scenario)
            #expect(outcome.violations.isEmpty, "\(outcome.violations)")
            let spans = ProcessTesting.exported(outcome.record)
            #expect(spans["child"]?.exportedBy == 1 && spans["child"]?.sessionInstance == 1)
            #expect(spans["grand"]?.exportedBy == 0 && spans["grand"]?.sessionInstance == 0)
        }
    }
}
