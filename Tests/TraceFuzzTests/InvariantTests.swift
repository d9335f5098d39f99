import Testing
import TraceFuzz
import TraceFuzzMutants

/// Every invariant fires on a planted bug and stays quiet on TraceCore running the same scenario.
@Suite("Invariants")
struct InvariantTests {
    /// A request span fanned out over a pool with fresh capture, over two instances, with a flush.
    static let fanOut = Scenario(
        instances: [TracerInstanceConfig(), TracerInstanceConfig()],
        steps: [
            span(
                "request", instance: 0,
                hop(.pool, .fresh, [span("work-1", instance: 1)], [span("work-2", instance: 0)])),
            span("other-request", instance: 1),
            .flush(FlushStep(instance: 0)),
        ])

    /// One case: a bug, a scenario that reaches it, and the invariant that must fire.
    struct Case: Sendable, CustomTestStringConvertible {
        /// The bug's name: a ``PlantedBug`` or a catalog mutant's id.
        let bug: String
        /// Makes the adapter with the bug planted.
        let factory: any TracerAdapterFactory
        let scenario: Scenario
        let invariant: String
        var testDescription: String { "\(invariant) fires on \(bug)" }

        init(bug: PlantedBug, scenario: Scenario, invariant: String) {
            self.bug = bug.rawValue
            self.factory = PlantedAdapterFactory(bug: bug)
            self.scenario = scenario
            self.invariant = invariant
        }

        /// A case for the catalog's mutant `id`.
        init(mutant id: String, scenario: Scenario, invariant: String) {
            self.bug = id
            self.factory = MutantCatalog.mutant(id)!.factory
            self.scenario = scenario
            self.invariant = invariant
        }
    }

    /// The case planting `bug`.
    static func planted(_ bug: PlantedBug) -> Case { cases.first { $0.bug == bug.rawValue }! }

    static let cases: [Case] = [
        Case(bug: .restoreIgnoresContext, scenario: fanOut, invariant: "right-parent"),
        Case(bug: .childInOtherTrace, scenario: fanOut, invariant: "right-trace"),
        Case(bug: .rootsShareTrace, scenario: fanOut, invariant: "right-trace"),
        Case(bug: .hidesNewestSpan, scenario: fanOut, invariant: "none-lost"),
        Case(bug: .overcountsDrops, scenario: fanOut, invariant: "drops-accounted"),
        Case(bug: .exportsTwice, scenario: fanOut, invariant: "no-duplicates"),
        Case(bug: .exportedByOtherInstance, scenario: fanOut, invariant: "instance-isolation"),
        Case(bug: .losesSession, scenario: fanOut, invariant: "instance-isolation"),
        Case(
            bug: .blocksOnStuckSpan,
            scenario: Scenario(
                steps: [hop(.thread, .fresh, [span("stuck")])], deadlineMillis: 6_000),
            invariant: "deadline"),
        // Two tasks inside one shared captured context at once: the catalog's mutant.
        Case(
            mutant: "shared-context-entered",
            scenario: Scenario(steps: [
                span(
                    "request",
                    hop(
                        .pool, .shared, width: 2,
                        [.sleep(SleepStep(micros: 50_000)), span("work-1")],
                        [.sleep(SleepStep(micros: 50_000)), span("work-2")]))
            ]),
            invariant: "none-lost"),
        Case(
            bug: .shutdownLosesLastSpan,
            scenario: Scenario(steps: [
                span("request", hop(.pool, .fresh, [span("work")])), .shutdown(FlushStep(instance: 0)),
                span("late"),
            ]),
            invariant: "none-lost"),
        Case(
            bug: .droppedSpanHandsOutEmptyContext,
            scenario: Scenario(steps: [span("request", span("dropped-step", span("downstream")))]),
            invariant: "right-parent"),
    ]

    @Test("each planted bug makes its invariant fire", arguments: cases)
    func plantedBugFires(_ testCase: Case) async {
        let outcome = await runOnce(testCase.scenario, testCase.factory)
        #expect(firedInvariants(outcome).contains(testCase.invariant), "\(outcome.violations)")
    }

    @Test("the same scenarios pass on TraceCore", arguments: cases)
    func quietOnTraceCore(_ testCase: Case) async {
        // The normal deadline: this checks for false findings, not speed on a loaded machine.
        var scenario = testCase.scenario
        scenario.deadlineMillis = Scenario.defaultDeadlineMillis
        let outcome = await runOnce(scenario, TraceCoreAdapterFactory())
        #expect(outcome.violations.isEmpty, "\(outcome.violations)")
    }

    @Test("a lost context names the span, its site and the expected parent")
    func lostContextMessage() async {
        let outcome = await runOnce(Self.fanOut, PlantedAdapterFactory(bug: .restoreIgnoresContext))
        let messages = outcome.violations.filter { $0.invariant == "right-parent" }.map(\.message)
        #expect(
            messages.contains {
                $0.contains("'work-1'") && $0.contains("h1.t0 pool/fresh") && $0.contains("'request'")
            })
        #expect(outcome.violations.first { $0.invariant == "right-parent" }?.mark == .wrongParent)
    }

    @Test("a task that died is reported as never ended")
    func diedTaskMessage() async {
        let died = Self.cases.first { $0.bug == "shared-context-entered" }!
        let outcome = await runOnce(died.scenario, died.factory)
        let loss = outcome.violations.first { $0.invariant == "none-lost" }
        #expect(loss?.message.contains("never ended") == true, "\(outcome.violations)")
    }

    @Test("a loss at shutdown is named as such, and spans after it are dropped and counted, not lost")
    func shutdownLoss() async {
        let scenario = Self.planted(.shutdownLosesLastSpan).scenario
        let outcome = await runOnce(scenario, PlantedAdapterFactory(bug: .shutdownLosesLastSpan))
        let loss = outcome.violations.first { $0.invariant == "none-lost" }
        #expect(loss?.message.contains("shutdown #1") == true, "\(outcome.violations)")
        let clean = await runOnce(scenario, TraceCoreAdapterFactory())
        #expect(clean.record.dropped == [1], "'late' ends after the shutdown: dropped and counted")
    }

    @Test("a child that lost its context is found even when its parent's ID is unknown")
    func unknownParent() async {
        let scenario = Self.planted(.droppedSpanHandsOutEmptyContext).scenario
        let outcome = await runOnce(scenario, PlantedAdapterFactory(bug: .droppedSpanHandsOutEmptyContext))
        let lost = outcome.violations.first { $0.invariant == "right-parent" }
        #expect(lost?.labels == ["downstream"], "\(outcome.violations)")
        #expect(!firedInvariants(outcome).contains("none-lost"), "the dropped span is accounted for")
    }

    @Test("a flush that fails although nothing was shut down is a finding")
    func failingFlush() async {
        let scenario = Scenario(steps: [span("a"), .flush(FlushStep(instance: 0))])
        let outcome = await runOnce(scenario, PlantedAdapterFactory(bug: .flushAlwaysFails))
        #expect(
            outcome.violations.contains {
                $0.invariant == "none-lost" && $0.message.contains("never shut down")
            })
    }

    @Test("a hang names the pending task")
    func hangNamesPendingTask() async {
        let scenario = Self.planted(.blocksOnStuckSpan).scenario
        let outcome = await runOnce(scenario, PlantedAdapterFactory(bug: .blocksOnStuckSpan))
        let hang = outcome.violations.first { $0.invariant == "deadline" }
        #expect(hang?.message.contains("h1.t0 thread/fresh") == true, "\(outcome.violations)")
        #expect(outcome.violations.count == 1, "only the hang is reported for a hung run")
    }
}

/// The pooled-thread leak: a worker restore that sets the thread-local context and does not put back
/// what was there (the catalog's pooled-thread-leak mutant).
@Suite("Pooled-thread leak")
struct PooledThreadLeakTests {
    /// Two requests on one long-lived single-thread pool: the first restores a context, the second
    /// propagates nothing and must start a new trace.
    static let twoRequests = Scenario(steps: [
        span("request-1", hop(.pool, .fresh, width: 1, [span("work-1")])),
        hop(.pool, .none, width: 1, [span("work-2")]),
    ])

    @Test("clean-worker and right-parent fire when the context stays on the pooled thread")
    func leakFires() async {
        let outcome = await runOnce(Self.twoRequests, Self.mutant.factory)
        let fired = firedInvariants(outcome)
        #expect(fired.contains("clean-worker"), "\(outcome.violations)")
        #expect(fired.contains("right-parent"), "\(outcome.violations)")
        let leak = outcome.violations.first { $0.invariant == "right-parent" }
        #expect(leak?.mark == .leaked)
        #expect(leak?.message.contains("'work-2'") == true && leak?.message.contains("'request-1'") == true)
    }

    static let mutant = MutantCatalog.mutant("pooled-thread-leak")!

    @Test("the same thread-local context passes when the restore puts back what was there")
    func correctThreadLocalTracerPasses() async {
        let outcome = await runOnce(Self.twoRequests, Self.mutant.control)
        #expect(outcome.violations.isEmpty, "\(outcome.violations)")
    }

    @Test("TraceCore passes")
    func traceCorePasses() async {
        let outcome = await runOnce(Self.twoRequests, TraceCoreAdapterFactory())
        #expect(outcome.violations.isEmpty, "\(outcome.violations)")
    }
}
