import TraceFuzz

/// Makes a fresh mutant adapter for every run, from the scenario's instances and seed.
struct MutantFactory<Adapter: TracerAdapter>: TracerAdapterFactory {
    /// The report name, such as `TraceCore with pool-no-propagation`.
    let name: String
    let make: @Sendable ([TracerInstanceConfig], UInt64) -> Adapter

    /// A factory for mutant `id`, or for its control (the same adapter with the defect taken out).
    init(
        _ id: String, control: Bool = false,
        make: @escaping @Sendable ([TracerInstanceConfig], UInt64) -> Adapter
    ) {
        self.name = control ? "control of \(id)" : "TraceCore with \(id)"
        self.make = make
    }

    /// TraceCore's: a mutant changes one part of a tracer that can do everything.
    var capabilities: TracerCapabilities { .all }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) async -> Adapter { make(instances, seed) }
}
