/// One broken invariant in one run, with a message that names span labels.
public struct Violation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How a span is wrong, for marking it in reports.
    public enum Mark: String, Hashable, Sendable, Codable {
        /// Under the wrong parent, or a root where a child was expected.
        case wrongParent
        /// A parent where a new root was expected: a stale context leaked in.
        case leaked
        /// In the wrong trace.
        case wrongTrace
        /// Not exported when it should have been.
        case missing
        /// Exported more than once.
        case duplicated
        /// Exported by the wrong instance, or carrying the wrong session.
        case wrongInstance
        /// Not about one span: a worker, a flush count, a deadline.
        case run
    }

    /// The invariant's name, such as `right-parent`.
    public var invariant: String
    /// What went wrong, in one sentence naming span labels.
    public var message: String
    /// What the oracle expected, where that is one value.
    public var expected: String?
    /// What the run produced, where that is one value.
    public var actual: String?
    /// The spans concerned.
    public var labels: [String]
    /// How those spans are wrong.
    public var mark: Mark

    /// Creates a violation.
    public init(
        invariant: String, message: String, expected: String? = nil, actual: String? = nil, labels: [String] = [],
        mark: Mark
    ) {
        self.invariant = invariant
        self.message = message
        self.expected = expected
        self.actual = actual
        self.labels = labels
        self.mark = mark
    }

    /// `[invariant] message`, then expected and actual lines where present.
    public var description: String {
        var lines = ["[\(invariant)] \(message)"]
        if let expected { lines.append("  expected: \(expected)") }
        if let actual { lines.append("  actual:   \(actual)") }
        return lines.joined(separator: "\n")
    }
}
