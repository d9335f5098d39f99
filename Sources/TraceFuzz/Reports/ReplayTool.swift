/// The binary a replay line starts, and the tracer it names: `tracefuzz`, or
/// `tracefuzz-tracing … --tracer swift-otel` for a binary that fuzzes several tracers.
///
/// ```swift
/// ReplayTool(program: "tracefuzz-tracing", tracer: "swift-otel").words("replay")
/// // ["tracefuzz-tracing", "replay", "--tracer", "swift-otel"]
/// ```
public struct ReplayTool: Hashable, Sendable {
    /// The program's name.
    public var program: String
    /// The tracer to select, or `nil` for the program's only (or default) one.
    public var tracer: String?
    /// The words that select a language driver (`--driver python`, and its plug-in flags), or none.
    public var driver: [String]
    /// The generator options the command line starts from: `GeneratorOptions()` for Swift tracers,
    /// ``GeneratorOptions/python`` under `--driver python`. Only flags that differ from these are printed.
    public var defaults: GeneratorOptions

    /// A program and, when it has several, the tracer.
    public init(
        program: String = "tracefuzz", tracer: String? = nil, driver: [String] = [],
        defaults: GeneratorOptions = GeneratorOptions()
    ) {
        self.program = program
        self.tracer = tracer
        self.driver = driver
        self.defaults = defaults
    }

    /// The words that run `command` of the program on the tracer.
    public func words(_ command: String) -> [String] {
        [program, command] + (tracer.map { ["--tracer", $0] } ?? []) + driver
    }
}
