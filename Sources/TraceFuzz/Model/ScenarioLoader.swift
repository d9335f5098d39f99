import Foundation

/// Reads, validates and writes scenario JSON.
///
/// ```swift
/// let scenario = try ScenarioLoader.load(contentsOf: url)   // throws ScenarioError naming the path
/// let json = try ScenarioLoader.encode(scenario)            // stable, sorted, pretty
/// ```
public enum ScenarioLoader {
    /// Decodes and validates a scenario from JSON bytes.
    public static func decode(_ data: Data) throws(ScenarioError) -> Scenario {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            throw ScenarioError(path: "$", message: "not valid JSON: \(reason)")
        }
        if let format = (object as? [String: Any])?["format"] as? Int, format > Scenario.currentFormat {
            throw ScenarioError(
                path: "$.format",
                message: "format \(format) is newer than this build reads (\(Scenario.currentFormat))")
        }
        let scenario: Scenario
        do {
            scenario = try JSONDecoder().decode(Scenario.self, from: data)
        } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw ScenarioError(path: "$", message: "not valid JSON: \(error)")
        }
        try ScenarioValidator.validate(scenario)
        return scenario
    }

    /// Reads a scenario file, or a stored finding that wraps one (a `"scenario"` field).
    public static func load(contentsOf url: URL) throws(ScenarioError) -> Scenario {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ScenarioError(path: url.path, message: "cannot read the file: \(error.localizedDescription)")
        }
        if let wrapped = unwrapFinding(data) { return try decode(wrapped) }
        return try decode(data)
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

    private static func unwrapFinding(_ data: Data) -> Data? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            object["steps"] == nil, let scenario = object["scenario"]
        else { return nil }
        return try? JSONSerialization.data(withJSONObject: scenario)
    }

    static func describe(_ error: DecodingError) -> ScenarioError {
        switch error {
        case .keyNotFound(let key, let context):
            return ScenarioError(
                path: JSONPath.render(context.codingPath + [key]), message: "missing field '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            return ScenarioError(
                path: JSONPath.render(context.codingPath), message: "expected \(JSONPath.typeName(type))")
        case .valueNotFound(let type, let context):
            return ScenarioError(
                path: JSONPath.render(context.codingPath),
                message: "expected \(JSONPath.typeName(type)), found null")
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
