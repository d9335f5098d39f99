/// A finding as stored in the failure database: everything needed to replay and to shrink it again.
///
/// The file is JSON; its `scenario` field is an ordinary scenario, so `tracefuzz replay FILE` and
/// `ScenarioLoader.load(contentsOf:)` accept a stored finding directly.
public struct StoredFinding: Codable, Hashable, Sendable {
    /// The stored-finding format version.
    public var format: Int
    /// The broken invariant.
    public var invariant: String
    /// The first violation's message.
    public var message: String
    /// The scenario's seed, as `0x…` hex, if it was generated.
    public var seed: String?
    /// The choice sequence that generates the scenario, if it was generated.
    public var choices: [UInt64]?
    /// The name of the tracer it was found against.
    public var tracer: String
    /// The generator flags the choices were drawn under (`["--max-hops", "2"]`, empty for the defaults),
    /// if it was generated: regenerating ``choices`` under other options gives another scenario.
    /// Absent in entries written before it was recorded.
    public var generatorFlags: [String]?
    /// The (shrunk) failing scenario.
    public var scenario: Scenario

    /// Creates a stored finding from a finding generated under `options`.
    ///
    /// ```swift
    /// let stored = StoredFinding(shrunk, tracer: "TraceCore", options: options)
    /// stored.generatorFlags   // ["--max-hops", "2"] for options.maxHops = 2
    /// ```
    public init(_ finding: Finding, tracer: String, options: GeneratorOptions = GeneratorOptions()) {
        format = Scenario.currentFormat
        invariant = finding.invariant
        message = finding.violations.first?.message ?? ""
        seed = finding.seed.map(SeedText.hex)
        choices = finding.choices?.values
        self.tracer = tracer
        generatorFlags = finding.choices == nil ? nil : ReplayCommand.flags(for: options)
        scenario = finding.scenario
    }

    /// The seed as a number, if present and well-formed.
    public var seedValue: UInt64? { seed.flatMap(SeedText.parse) }
}

/// Seeds as text: `0x` hex on output; decimal or `0x` hex on input.
public enum SeedText {
    /// `0x2a`.
    public static func hex(_ seed: UInt64) -> String { "0x" + String(seed, radix: 16) }

    /// Parses `42` or `0x2a`; `nil` for anything else.
    public static func parse(_ text: String) -> UInt64? {
        let lower = text.lowercased()
        if lower.hasPrefix("0x") { return UInt64(lower.dropFirst(2), radix: 16) }
        return UInt64(lower)
    }
}
