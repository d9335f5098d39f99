import TraceFuzz

/// A tracer a command-line binary can fuzz, under the name `--tracer` selects it by.
///
/// ```swift
/// FuzzTarget("inmemory", InMemoryTracerFactory(), summary: "swift-distributed-tracing's InMemoryTracer")
/// ```
public struct FuzzTarget: Sendable {
    /// The name `--tracer NAME` selects, and replay lines print: lowercase, no spaces.
    public let name: String
    /// One line for `--help`.
    public let summary: String
    /// Makes the tracer's adapters.
    let factory: any TracerAdapterFactory

    /// A tracer named `name`, fuzzed through `factory`.
    public init<Factory: TracerAdapterFactory>(_ name: String, _ factory: Factory, summary: String = "") {
        self.name = name
        self.factory = factory
        self.summary = summary.isEmpty ? factory.name : summary
    }
}
