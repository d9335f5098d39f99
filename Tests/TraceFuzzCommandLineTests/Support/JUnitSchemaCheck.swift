import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The rules of Jenkins' `junit-10.xsd` that a TraceFuzz JUnit file touches, checked without the schema
/// file: which elements may hold which, which attributes each may carry and must carry, and the pattern
/// of times (`SUREFIRE_TIME`). Returns what breaks them, so an empty list means the file validates.
enum JUnitSchemaCheck {
    private struct Rule {
        var attributes: Set<String>
        var required: Set<String> = []
        var children: Set<String> = []
        var times: Set<String> = []
    }

    private static let rules: [String: Rule] = [
        "testsuites": Rule(
            attributes: ["name", "time", "tests", "failures", "errors"], children: ["testsuite"], times: ["time"]),
        "testsuite": Rule(
            attributes: [
                "name", "tests", "failures", "errors", "group", "time", "skipped", "timestamp", "hostname", "id",
                "package", "file", "log", "url",
            ], required: ["name", "tests", "failures", "errors"],
            children: ["testsuite", "properties", "testcase", "system-out", "system-err"], times: ["time"]),
        "properties": Rule(attributes: [], children: ["property"]),
        "property": Rule(attributes: ["name", "value"], required: ["name", "value"]),
        "testcase": Rule(
            attributes: ["name", "time", "classname", "group"], required: ["name"],
            children: ["skipped", "error", "failure", "system-out", "system-err"]),
        "failure": Rule(attributes: ["type", "message"]),
        "error": Rule(attributes: ["type", "message"]),
        "skipped": Rule(attributes: ["type", "message"]),
        "system-out": Rule(attributes: []),
        "system-err": Rule(attributes: []),
    ]

    /// `SUREFIRE_TIME`: `(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?`, in effect digits (with optional
    /// thousands commas) and an optional fraction.
    private static func isTime(_ value: String) -> Bool {
        value.wholeMatch(of: #/(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\.[0-9]*)?/#) != nil
    }

    static func violations(_ data: Data) -> [String] {
        let document: XMLDocument
        do {
            document = try XMLDocument(data: data, options: [])
        } catch {
            return ["not well-formed XML: \(error)"]
        }
        guard let root = document.rootElement() else { return ["no root element"] }
        guard root.name == "testsuites" || root.name == "testsuite" else {
            return ["root element <\(root.name ?? "?")> is neither <testsuites> nor <testsuite>"]
        }
        var problems: [String] = []
        check(root, &problems)
        return problems
    }

    private static func check(_ element: XMLElement, _ problems: inout [String]) {
        let name = element.name ?? "?"
        guard let rule = rules[name] else {
            problems.append("<\(name)> is not in the schema")
            return
        }
        let present = Set((element.attributes ?? []).compactMap(\.name))
        for extra in present.subtracting(rule.attributes).sorted() {
            problems.append("<\(name)> may not carry '\(extra)'")
        }
        for missing in rule.required.subtracting(present).sorted() {
            problems.append("<\(name)> must carry '\(missing)'")
        }
        for attribute in rule.times {
            if let value = element.attribute(forName: attribute)?.stringValue, !isTime(value) {
                problems.append("<\(name)> \(attribute)=\"\(value)\" is not a SUREFIRE_TIME")
            }
        }
        for child in element.children ?? [] {
            guard let child = child as? XMLElement else { continue }
            if !rule.children.contains(child.name ?? "") {
                problems.append("<\(name)> may not hold <\(child.name ?? "?")>")
            } else {
                check(child, &problems)
            }
        }
    }
}
