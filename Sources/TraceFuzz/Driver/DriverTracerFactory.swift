/// The tracer of a language driver, as the engine names it and learns what it can do: from the driver's
/// `hello`. Its runs happen in the driver (``DriverRuntime``), never through an adapter in this process.
///
/// ```swift
/// let hello = try driver.start()
/// let fuzzer = Fuzzer(factory: DriverTracerFactory(hello: hello), options: .python,
///                     runtime: DriverRuntime(driver: driver))
/// ```
public struct DriverTracerFactory: TracerAdapterFactory {
    /// The driver's handshake.
    public let hello: DriverHello

    /// A factory for the driver that said `hello`.
    public init(hello: DriverHello) { self.hello = hello }

    /// The driver's name, such as `opentelemetry-python`, with the user's tracer setup when there is one
    /// (`opentelemetry-python (setups:batched)`): reports and the failure database use it, so findings in
    /// one setup are never replayed against another.
    public var name: String { hello.pythonTracer.map { "\(hello.driver) (\($0))" } ?? hello.driver }

    /// What a driver's tracer promises: its own drop counts and sessions, IDs unique across processes,
    /// a traced executor, child processes, and the processors it lists.
    public var capabilities: TracerCapabilities {
        TracerCapabilities(
            propagatingExecutor: hello.executors.contains(ExecutorKind.tracedPool.rawValue), seededIDs: false,
            countsDrops: true, sessions: true, idUniqueness: .global,
            processHops: hello.executors.contains(ExecutorKind.process.rawValue),
            batchProcessor: hello.processors.contains("batch"), simpleProcessor: hello.processors.contains("simple"))
    }

    /// TraceCore's adapter. ``DriverRuntime`` never asks for one (the tracer lives in the driver), and
    /// ``RealRuntime`` refuses this factory rather than fuzz TraceCore under the driver's name; the
    /// protocol needs an adapter type all the same.
    public func makeAdapter(instances: [TracerInstanceConfig], seed: UInt64) async -> TraceCoreAdapter {
        TraceCoreAdapterFactory().makeAdapter(instances: instances, seed: seed)
    }
}
