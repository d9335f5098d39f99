import Foundation

/// What the parent sends a worker on its standard input: one JSON object on one line.
///
/// ```json
/// {"format":1,"site":"h1.t0 process/fresh","firstHopID":2,"seed":"9e3779b97f4a7c15",
///  "instances":[{"processor":"simple",…}],"steps":[{"span":{"label":"work"}}],"strategy":"fresh",
///  "context":{"traceparent":"00-…-…-01"},"fault":null,"flushTimeoutMillis":5000,"diagnostics":false}
/// ```
struct WorkerRequest: Codable, Hashable, Sendable {
    /// The request format this build reads and writes.
    static let currentFormat = 1

    /// The request format.
    var format = WorkerRequest.currentFormat
    /// The task's site in the whole scenario, such as `h1.t0 process/fresh`.
    var site: String
    /// The number of the first hop inside the task, so the worker names hops as the whole plan does.
    var firstHopID: Int
    /// The worker's seed, in hex (its span IDs, trace IDs and jitter come from it).
    var seed: String
    /// The tracer instances, as in the scenario.
    var instances: [TracerInstanceConfig]
    /// The task's steps.
    var steps: [Step]
    /// The hop's strategy: `carrier` means the context is in `TRACEPARENT`/`TRACESTATE`.
    var strategy: PropagationStrategy
    /// The serialized context for `fresh` and `shared`: the header dictionary the parent's tracer
    /// injected (W3C `traceparent`, `tracestate`).
    var context: [String: String]?
    /// The fault the worker commits, if any.
    var fault: ProcessFault?
    /// How long each flush may take, in milliseconds.
    var flushTimeoutMillis: Int
    /// Whether to report hygiene diagnostics (and ask its own children to).
    var diagnostics: Bool

    /// The seed as a number.
    var seedValue: UInt64? { UInt64(seed, radix: 16) }
}

extension WorkerRequest {
    /// The request as one line of JSON with its newline, as the worker reads it.
    func encodedLine() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs, strings and integers cannot fail.
        var bytes = [UInt8]((try? encoder.encode(self)) ?? Data())
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
