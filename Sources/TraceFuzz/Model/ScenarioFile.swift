/// A scenario file as read by ``ScenarioLoader/loadFile(contentsOf:)``: the scenario, and when the file
/// is a finding that wraps it (a stored finding, a shrunk finding, a `--report` entry), what the finding
/// records about where the scenario came from. Each recorded field is optional and read leniently: one
/// that is missing or malformed is `nil`.
///
/// ```swift
/// let file = try ScenarioLoader.loadFile(contentsOf: url)
/// file.seed      // "0x8"
/// file.choices   // the choice sequence, when it was generated
/// ```
public struct ScenarioFile: Sendable {
    /// The scenario, validated.
    public var scenario: Scenario
    /// The finding's seed as written (`0x…` or decimal), if any.
    public var seed: String?
    /// The finding's choice sequence, if any.
    public var choices: [UInt64]?
    /// The generator flags the choices were drawn under, if recorded.
    public var generatorFlags: [String]?
    /// The tracer the finding was made against, if recorded.
    public var tracer: String?
    /// A finding JSON's replay line, `tracefuzz replay --seed S [flags]`, if recorded.
    public var replay: String?

    /// A plain scenario file.
    public init(scenario: Scenario) { self.scenario = scenario }

    /// A scenario wrapped in a finding, reading the finding's fields from `wrapper`.
    init(scenario: Scenario, wrapper: JSONValue) {
        self.scenario = scenario
        seed = wrapper["seed"]?.stringValue
        tracer = wrapper["tracer"]?.stringValue
        replay = wrapper["replay"]?.stringValue
        choices = wrapper["choices"].flatMap { try? StrictJSONDecoder.decode([UInt64].self, from: $0) }
        generatorFlags = wrapper["generatorFlags"].flatMap { try? StrictJSONDecoder.decode([String].self, from: $0) }
    }
}
