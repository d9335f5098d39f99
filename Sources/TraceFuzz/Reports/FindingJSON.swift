import Foundation

/// A finding as one JSON object, for `--json FILE` and for tools that read findings.
///
/// ```json
/// {
///   "format": 1,
///   "invariant": "right-parent",
///   "replay": "tracefuzz replay --seed 0x2a --max-hops 2",
///   "scenario": { "format": 1, "steps": [ … ] },
///   "seed": "0x2a",
///   "tracer": "TraceCore",
///   "tree": ["expected", "  request  top  instance 0", …],
///   "violations": [
///     { "invariant": "right-parent", "mark": "wrongParent", "labels": ["work-1"],
///       "message": "'work-1' at h1.t0 pool/fresh should be a child of 'request', but …",
///       "expected": "'work-1' is a child of 'request'", "actual": "'work-1' is a root" }
///   ]
/// }
/// ```
///
/// The object has a `scenario` field and no `steps`, so `tracefuzz replay FILE` and
/// ``ScenarioLoader/load(contentsOf:)`` read a written finding as its (shrunk) scenario. `replay` is
/// absent when the scenario was not generated from a seed; it regenerates the scenario the seed made,
/// before any shrinking.
///
/// ```swift
/// try FindingJSON(finding, options: options, tracer: factory.name).write(to: URL(fileURLWithPath: path))
/// ```
public struct FindingJSON: Codable, Hashable, Sendable {
    /// The version of this object's shape.
    public var format: Int
    /// The first broken invariant.
    public var invariant: String
    /// The seed as `0x…` hex, when the scenario was generated.
    public var seed: String?
    /// The choice sequence that generates ``scenario``, when it was generated.
    public var choices: [UInt64]?
    /// The tracer the finding was made against, such as `TraceCore`, when known.
    public var tracer: String?
    /// `tracefuzz replay --seed 0x… [flags]`, when the scenario was generated.
    public var replay: String?
    /// Every violation, in invariant order.
    public var violations: [Violation]
    /// The expected-versus-actual span tree (``SpanTreeReport/text``), one element per line.
    public var tree: [String]
    /// The failing scenario.
    public var scenario: Scenario

    /// The current ``format``.
    public static let currentFormat = 1

    /// The object for a finding generated with `options` against the tracer named `tracer`.
    public init(_ finding: Finding, options: GeneratorOptions = GeneratorOptions(), tracer: String? = nil) {
        format = Self.currentFormat
        invariant = finding.invariant
        seed = finding.seed.map(SeedText.hex)
        choices = finding.choices?.values
        self.tracer = tracer
        replay = ReplayCommand.line(for: finding, options: options)
        violations = finding.violations
        tree = SpanTreeReport(finding).text.split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        scenario = finding.scenario
    }

    /// Pretty-printed JSON with sorted keys and a trailing newline: the same finding, the same bytes.
    public func data() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Strings, integers and plain structs: encoding cannot fail.
        var data = (try? encoder.encode(self)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Writes ``data()`` to `url` atomically (a temporary file, then a rename).
    public func write(to url: URL) throws {
        try data().write(to: url, options: .atomic)
    }
}
