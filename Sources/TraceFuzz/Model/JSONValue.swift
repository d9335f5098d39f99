/// A parsed JSON document, as the strict scenario reader sees it: numbers keep their literal text, so an
/// integer field can tell `1.5`, `1e3` and `10^30` from an integer, and objects keep their keys in file
/// order.
///
/// It is compact on purpose (about five times the size of the text it came from), and is dropped as soon
/// as the scenario is decoded from it: reading a file costs memory in proportion to its size.
///
/// ```swift
/// let value = try JSONValue.parse(Array(#"{"steps": [], "format": 1}"#.utf8))
/// value["format"]   // .number("1")
/// ```
enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as written: `12`, `-3`, `1.5`, `1e3`.
    case number(String)
    /// A string, unescaped.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object's members in file order; keys are unique.
    case object([(key: String, value: JSONValue)])

    /// The deepest nesting of arrays and objects a document may have. Scenarios nest steps at most
    /// ``ScenarioValidator/maxDepth`` deep, a few JSON levels each; the bound keeps the recursive reader
    /// off the end of its stack whatever the file holds.
    static let maxNesting = 512

    /// The member `key` of an object; `nil` for other values or a missing key.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The string, if this is one.
    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// What a value is, for messages: `a string`, `an object`, `the number 1.5`.
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let text): "the number \(text)"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Why a document is not JSON, with where: `unexpected character '}' at line 3, column 7`.
struct JSONSyntaxError: Error, Hashable, Sendable {
    /// What is wrong and where.
    var message: String
}
