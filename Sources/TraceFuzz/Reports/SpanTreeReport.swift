/// A finding as two span trees, expected then actual, small enough to read at a glance.
///
/// The *expected* tree comes from the ``Oracle``: each root starts a trace, and each span sits under
/// the parent it must have. The *actual* tree is what the tracer exported, nested by parent span ID
/// (mapped back to labels); every line names its trace with a letter, so a span in the wrong trace
/// stands out. Every span shows its site (where it ran) and its instance; each wrong span carries a
/// mark from the violations: `✗ wrong parent`, `✗ leaked`, `✗ wrong trace`, `✗ missing`,
/// `✗ duplicated`, `✗ wrong instance`. Violations about the run rather than a span (a flush count, a
/// deadline) follow the trees.
///
/// For a pool hop whose workers lose the context (`PlantedBug.restoreIgnoresContext` in the tests):
///
/// ```text
/// expected
///   request          top               instance 0
///   ├─ work-1        h1.t0 pool/fresh  instance 1
///   └─ work-2        h1.t1 pool/fresh  instance 0
///   other-request    top               instance 1
///
/// actual
///   request          top               instance 0  trace A
///   work-1           h1.t0 pool/fresh  instance 1  trace B  ✗ wrong parent: expected under 'request'
///   work-2           h1.t1 pool/fresh  instance 0  trace C  ✗ wrong parent: expected under 'request'
///   other-request    top               instance 1  trace D
/// ```
///
/// ```swift
/// if let finding = report.findings.first {
///     print(SpanTreeReport(finding))
/// }
/// ```
public struct SpanTreeReport: Sendable, CustomStringConvertible {
    /// The expected tree, one line per span, without the heading.
    public let expected: [String]
    /// The actual tree, one line per exported or missing span, without the heading.
    public let actual: [String]
    /// Violations that concern the run rather than one span, as `[invariant] message` lines.
    public let notes: [String]

    /// The report for a finding.
    public init(_ finding: Finding) {
        self.init(scenario: finding.scenario, record: finding.record, violations: finding.violations)
    }

    /// The report for one run of `scenario` and the violations found in it.
    public init(scenario: Scenario, record: RunRecord, violations: [Violation]) {
        let input = CheckInput(
            scenario: scenario, expectations: Oracle.expectations(
                for: scenario, tracedPoolPropagates: record.tracedPoolPropagates, rules: record.contextRules), record: record)
        expected = Self.render(Self.expectedRows(input))
        actual = Self.render(ActualTree(input: input, violations: violations).rows())
        notes = violations.filter { $0.mark == .run }.map { "[\($0.invariant)] \($0.message)" }
    }

    /// Both trees with their headings, then the notes.
    public var text: String {
        var lines = ["expected"] + expected.map { "  " + $0 }
        lines += ["", "actual"] + (actual.isEmpty ? ["  (nothing exported)"] : actual.map { "  " + $0 })
        if !notes.isEmpty { lines += ["", "run"] + notes.map { "  " + $0 } }
        return lines.joined(separator: "\n")
    }

    /// The same as ``text``.
    public var description: String { text }

    /// The words a mark shows as, such as `wrong parent`.
    public static func title(of mark: Violation.Mark) -> String {
        switch mark {
        case .wrongParent: "wrong parent"
        case .leaked: "leaked"
        case .wrongTrace: "wrong trace"
        case .missing: "missing"
        case .duplicated: "duplicated"
        case .wrongInstance: "wrong instance"
        case .run: "run"
        }
    }

    // MARK: - Rows

    /// One line of a tree before its columns are aligned.
    struct Row {
        var tree: String
        var site: String
        var instance: String
        var trace: String = ""
        var notes: [String] = []
    }

    private static func expectedRows(_ input: CheckInput) -> [Row] {
        let byLabel = Dictionary(
            input.expectations.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        var children: [String: [String]] = [:]
        var roots: [String] = []
        for expectation in input.expectations {
            if let parent = expectation.parent {
                children[parent, default: []].append(expectation.label)
            } else {
                roots.append(expectation.label)
            }
        }
        var rows: [Row] = []
        walk(roots: roots, children: children) { label, prefix in
            let expectation = byLabel[label]
            rows.append(
                Row(
                    tree: prefix + label, site: expectation?.site ?? "?",
                    instance: expectation.map { "instance \($0.instance)" } ?? ""))
        }
        return rows
    }

    /// Visits a forest depth-first, handing each label its box-drawing prefix (`├─ `, `│  └─ `, …).
    /// A label is visited once even if the parent links form a cycle.
    static func walk(roots: [String], children: [String: [String]], _ visit: (String, String) -> Void) {
        var seen: Set<String> = []
        func descend(_ label: String, indent: String, branch: String) {
            guard seen.insert(label).inserted else { return }
            visit(label, indent + branch)
            let kids = (children[label] ?? []).filter { !seen.contains($0) }
            let childIndent = indent + (branch == "├─ " ? "│  " : branch.isEmpty ? "" : "   ")
            for (index, child) in kids.enumerated() {
                descend(child, indent: childIndent, branch: index == kids.count - 1 ? "└─ " : "├─ ")
            }
        }
        for root in roots { descend(root, indent: "", branch: "") }
    }

    /// Aligns the columns of `rows`; trailing spaces are dropped.
    static func render(_ rows: [Row]) -> [String] {
        let treeWidth = rows.map(\.tree.count).max() ?? 0
        let siteWidth = rows.map(\.site.count).max() ?? 0
        let instanceWidth = rows.map(\.instance.count).max() ?? 0
        let traceWidth = rows.map(\.trace.count).max() ?? 0
        return rows.map { row in
            var line =
                pad(row.tree, treeWidth + 4) + pad(row.site, siteWidth + 2) + pad(row.instance, instanceWidth)
            if traceWidth > 0 { line += "  " + pad(row.trace, traceWidth) }
            if !row.notes.isEmpty { line += "  " + row.notes.joined(separator: "  ") }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
