/// Carriers: the current context written into headers and read back in a worker (the `carrier`
/// strategy), and into the environment of a child process (`process` hops).
///
/// Only ``inject()`` and the two `withExtracted` are required. The environment carrier is derived from
/// them and from ``carrierKeys``: `traceparent` travels as `TRACEPARENT`, and so on.
public protocol ContextCarrying: Sendable {
    /// Serializes the current context into carrier headers (W3C `traceparent` and friends).
    func inject() -> [String: String]
    /// Runs `body` with the context extracted from carrier headers as current.
    func withExtracted(_ headers: [String: String], _ body: () -> Void)
    /// Runs async `body` with the context extracted from carrier headers as current.
    func withExtracted(_ headers: [String: String], _ body: () async -> Void) async
    /// The header names ``inject()`` may write, lowercase: what the environment carrier reads back.
    var carrierKeys: [String] { get }
    /// The current context as environment variables for a child process.
    func injectEnvironment() -> [String: String]
    /// Runs async `body` with the context extracted from a process environment as current.
    func withExtractedEnvironment(_ environment: [String: String], _ body: () async -> Void) async
}

extension ContextCarrying {
    /// W3C Trace Context's two headers.
    public var carrierKeys: [String] { ["traceparent", "tracestate"] }

    /// The headers of ``inject()`` as variables: `traceparent` as `TRACEPARENT`, and so on.
    public func injectEnvironment() -> [String: String] {
        Dictionary(inject().map { ($0.key.uppercased(), $0.value) }) { first, _ in first }
    }

    /// The async `withExtracted` with each of ``carrierKeys`` read back from its uppercase variable.
    public func withExtractedEnvironment(_ environment: [String: String], _ body: () async -> Void) async {
        var headers: [String: String] = [:]
        for key in carrierKeys { headers[key] = environment[key.uppercased()] }
        await withExtracted(headers, body)
    }
}
