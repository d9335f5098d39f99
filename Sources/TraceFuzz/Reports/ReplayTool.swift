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

    /// A program and, when it has several, the tracer.
    public init(program: String = "tracefuzz", tracer: String? = nil) {
        self.program = program
        self.tracer = tracer
    }

    /// The words that run `command` of the program on the tracer.
    public func words(_ command: String) -> [String] {
        [program, command] + (tracer.map { ["--tracer", $0] } ?? [])
    }
}
