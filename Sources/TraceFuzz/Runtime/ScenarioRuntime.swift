/// Where a scenario's steps run. ``RealRuntime`` uses real threads, queues and tasks; a controlled,
/// step-at-a-time runtime fits the same protocol.
public protocol ScenarioRuntime: Sendable {
    /// Runs `scenario` once against a fresh adapter from `factory`, and reports what happened.
    func run<Factory: TracerAdapterFactory>(_ scenario: Scenario, factory: Factory, seed: UInt64) async -> RunRecord
}
