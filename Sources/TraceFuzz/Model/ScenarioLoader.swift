#if canImport(Glibc)
    import Glibc
#endif
import Foundation

/// Reads, validates and writes scenario JSON.
///
/// ```swift
/// let scenario = try ScenarioLoader.load(contentsOf: url)   // throws ScenarioError naming the path
/// let json = try ScenarioLoader.encode(scenario)            // stable, sorted, pretty
/// ```
public enum ScenarioLoader {
    /// Decodes and validates a scenario from JSON bytes. Strict: an unknown field, a number where an
    /// integer belongs that is not one or does not fit, or a value of the wrong kind is an error naming
    /// its JSON path.
    public static func decode(_ data: Data) throws(ScenarioError) -> Scenario {
        try decode(try parse(data), path: "$")
    }

    /// Reads a scenario file, or a stored finding that wraps one (a `"scenario"` field).
    public static func load(contentsOf url: URL) throws(ScenarioError) -> Scenario {
        try loadFile(contentsOf: url).scenario
    }

    /// Reads a scenario file, or a finding that wraps one, with the fields a finding records next to
    /// its scenario. The wrapper's other fields are left alone (a `--report` entry carries many); the
    /// scenario itself is read strictly, and its errors name paths under `$.scenario`.
    public static func loadFile(contentsOf url: URL) throws(ScenarioError) -> ScenarioFile {
        let document = try parse(try read(url))
        guard document["steps"] == nil, let wrapped = document["scenario"] else {
            return ScenarioFile(scenario: try decode(document, path: "$"))
        }
        return ScenarioFile(scenario: try decode(wrapped, path: "$.scenario"), wrapper: document)
    }

    /// The bytes of the file at `url`; a directory, a missing file or an unreadable one is an error
    /// that says which.
    static func read(_ url: URL) throws(ScenarioError) -> Data {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ScenarioError(path: url.path, message: "is a directory, not a scenario file")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            let reason =
                FileManager.default.fileExists(atPath: url.path)
                ? "cannot read the file (\(String(cString: strerror(errno))))" : "no such file"
            throw ScenarioError(path: url.path, message: reason)
        }
    }

    /// Parses JSON bytes; a syntax error is `$: not valid JSON: … at line L, column C`.
    static func parse(_ data: Data) throws(ScenarioError) -> JSONValue {
        do {
            return try JSONValue.parse([UInt8](data))
        } catch {
            throw ScenarioError(path: "$", message: "not valid JSON: \(error.message)")
        }
    }

    /// Decodes and validates the scenario at `value`, found at `path` of its document.
    static func decode(_ value: JSONValue, path: String) throws(ScenarioError) -> Scenario {
        if case .number(let text)? = value["format"], let format = Int(text), format > Scenario.currentFormat {
            throw ScenarioError(
                path: path + ".format",
                message: "format \(format) is newer than this build reads (\(Scenario.currentFormat))")
        }
        let scenario: Scenario
        do {
            scenario = try StrictJSONDecoder.decode(Scenario.self, from: value)
        } catch let error as DecodingError {
            throw Self.describe(error).under(path)
        } catch {
            throw ScenarioError(path: path, message: "\(error)")
        }
        do {
            try ScenarioValidator.validate(scenario)
        } catch {
            throw error.under(path)
        }
        return scenario
    }

    /// The canonical JSON form: sorted keys, pretty-printed, a trailing newline. Byte-stable.
    public static func encode(_ scenario: Scenario) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs, strings and integers cannot fail.
        var data = (try? encoder.encode(scenario)) ?? Data()
        data.append(UInt8(ascii: "\n"))
        return data
    }

    static func describe(_ error: DecodingError) -> ScenarioError {
        switch error {
        case .keyNotFound(let key, let context):
            return ScenarioError(
                path: JSONPath.render(context.codingPath + [key]), message: "missing field '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            let message =
                context.debugDescription.hasPrefix("expected ")
                ? context.debugDescription : "expected \(JSONPath.typeName(type))"
            return ScenarioError(path: JSONPath.render(context.codingPath), message: message)
        case .valueNotFound(let type, let context):
            let message =
                context.debugDescription.hasPrefix("expected ")
                ? context.debugDescription : "expected \(JSONPath.typeName(type)), found null"
            return ScenarioError(path: JSONPath.render(context.codingPath), message: message)
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty, let underlying = context.underlyingError {
                return ScenarioError(path: "$", message: "not valid JSON (\(underlying.localizedDescription))")
            }
            return ScenarioError(path: JSONPath.render(context.codingPath), message: context.debugDescription)
        @unknown default:
            return ScenarioError(path: "$", message: "\(error)")
        }
    }
}

/// Renders coding paths as `$.a.b[0]`.
enum JSONPath {
    static func render(_ path: [any CodingKey]) -> String {
        var result = "$"
        for key in path {
            if let index = key.intValue {
                result += "[\(index)]"
            } else {
                result += ".\(key.stringValue)"
            }
        }
        return result
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "an integer"
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is [Any].Type: "an array"
        default: "\(type)"
        }
    }
}
