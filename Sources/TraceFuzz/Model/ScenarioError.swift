/// Why a scenario file could not be used, naming the JSON path of the offending field.
///
/// ```text
/// $.steps[0].span.children[1].hop.width: 12 is out of range 1...8
/// ```
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The JSON path of the offending value, such as `$.steps[2].hop.tasks[0][1]`.
    public var path: String
    /// What is wrong there.
    public var message: String

    /// Creates an error at a path.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}

extension ScenarioError {
    /// The same error for a scenario found at `prefix` of a larger document: `$.steps[0]` under
    /// `$.scenario` is `$.scenario.steps[0]`.
    func under(_ prefix: String) -> ScenarioError {
        guard prefix != "$", path.hasPrefix("$") else { return self }
        return ScenarioError(path: prefix + path.dropFirst(), message: message)
    }
}
