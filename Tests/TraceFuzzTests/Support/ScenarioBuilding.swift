import TraceFuzz

/// Short constructors for hand-written scenarios in tests.
func span(_ label: String, instance: Int = 0, _ children: Step...) -> Step {
    .span(SpanStep(label: label, instance: instance, children: children))
}

func hop(
    _ executor: ExecutorKind, _ strategy: PropagationStrategy, width: Int = 2, join: Bool = true,
    _ tasks: [Step]...
) -> Step {
    .hop(HopStep(executor: executor, width: width, strategy: strategy, join: join, tasks: tasks))
}

/// Runs a scenario once against a factory and checks it.
func runOnce<Factory: TracerAdapterFactory>(
    _ scenario: Scenario, _ factory: Factory, seed: UInt64 = 1
) async -> RunOutcome {
    await Fuzzer(factory: factory).check(scenario, seed: seed)
}

/// The names of the invariants that fired.
func firedInvariants(_ outcome: RunOutcome) -> Set<String> {
    Set(outcome.violations.map(\.invariant))
}
