import TraceFuzz

/// Makes a fresh mutant adapter for every run, from the scenario's instances and seed.
struct MutantFactory<Adapter: TracerAdapter>: TracerAdapterFactory {
    /// The report name, such as `TraceCore with pool-no-propagation`.
    let name: String
    let make: @Sendable ([TracerInstanceConfig], UInt64) -> Adapter

    init(_ id: String, make: @escaping @Sendable ([TracerInstanceConfig], UInt64) -> Adapter) {
        self.name = "TraceCore with \(id)"
        self.make = make
    }

    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) -> Adapter { make(instances, seed) }
}
