import Foundation
import TraceFuzz

/// The whole `tracefuzz` command line (run, replay, shrink, stress, corpus, check, generate, bench,
/// worker) for tracers of your own: a package gets its own fuzzer binary in a few lines of `main.swift`.
///
/// ```swift
/// // Sources/my-tracefuzz/main.swift
/// import Foundation
/// import TraceFuzzCommandLine
///
/// let tool = TraceFuzzCommandLine(
///     name: "my-tracefuzz",
///     tracers: [FuzzTarget("mine", MyTracerFactory()), FuzzTarget("mine-batched", MyTracerFactory(batched: true))])
/// exit(await tool.main())
/// ```
///
/// `--tracer NAME`, after the command, selects among `tracers` (the first by default); every replay
/// line the binary prints names the tracer when there is more than one. The children of `process`
/// hops are this same binary, started as `NAME worker --tracer TRACER`, so they run the same tracer.
/// The built-in `tracefuzz` is this type with TraceCore and the planted-bug catalog.
public struct TraceFuzzCommandLine: Sendable {
    /// The program's name, as messages and replay lines spell it.
    public let name: String
    /// The tracers it can fuzz, the default first.
    public let tracers: [FuzzTarget]
    /// Whether `mutants` is offered: the planted-bug catalog, built on TraceCore (the built-in tool).
    let includesCatalog: Bool

    /// A command line for `tracers` (at least one), called `name`.
    public init(name: String, tracers: [FuzzTarget]) {
        self.init(name: name, tracers: tracers, includesCatalog: false)
    }

    init(name: String, tracers: [FuzzTarget], includesCatalog: Bool) {
        precondition(!tracers.isEmpty, "TraceFuzzCommandLine needs at least one tracer")
        precondition(Set(tracers.map(\.name)).count == tracers.count, "tracer names must be unique")
        self.name = name
        self.tracers = tracers
        self.includesCatalog = includesCatalog
    }

    /// The built-in `tracefuzz`: TraceCore, and `mutants`.
    package static let builtIn = TraceFuzzCommandLine(
        name: "tracefuzz",
        tracers: [FuzzTarget("tracecore", TraceCoreAdapterFactory(), summary: "TraceCore, the built-in tracer")],
        includesCatalog: true)

    /// Runs the process's own command line and returns the exit status: 0 clean, 1 a finding, 2 bad
    /// usage or bad input.
    public func main() async -> Int32 {
        await main(Array(CommandLine.arguments.dropFirst()))
    }

    /// Runs `arguments` (without the program name) and returns the exit status.
    public func main(_ arguments: [String]) async -> Int32 {
        await TraceFuzzTool.main(arguments, context: .standard(for: self)).rawValue
    }

    /// The tracer named `name`, if registered.
    func tracer(named name: String) -> FuzzTarget? { tracers.first { $0.name == name } }
}
