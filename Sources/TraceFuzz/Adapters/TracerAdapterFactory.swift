/// Makes a fresh ``TracerAdapter`` for every run, and says what the tracer can do.
///
/// The generator reads ``capabilities`` once, before any run, and makes only scenarios the tracer can
/// run: no `tracedPool` hops for a tracer without an executor of its own, no batch processors for one
/// that has none, and so on (``GeneratorOptions/fitted(to:)``).
///
/// ```swift
/// struct MyTracerFactory: TracerAdapterFactory {
///     var name: String { "MyTracer" }
///     var capabilities: TracerCapabilities { TracerCapabilities(countsDrops: true) }
///     func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) async -> MyTracerAdapter {
///         MyTracerAdapter(instances: instances, seed: seed)
///     }
/// }
/// ```
public protocol TracerAdapterFactory: Sendable {
    /// The adapter type this factory makes.
    associatedtype Adapter: TracerAdapter

    /// A short name for reports, such as `TraceCore`.
    var name: String { get }

    /// What the tracer can do; the generator makes only scenarios it can run.
    var capabilities: TracerCapabilities { get }

    /// A fresh adapter with one tracer instance per configuration; `seed` makes IDs repeatable where the
    /// tracer allows it. It may start services (an exporter's receiver, a background task) and wait for
    /// them; the run's deadline starts after it returns.
    func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) async -> Adapter
}

extension TracerAdapterFactory {
    /// The defaults of ``TracerCapabilities``: no executor of its own, nothing counted or seeded.
    public var capabilities: TracerCapabilities { TracerCapabilities() }
}
