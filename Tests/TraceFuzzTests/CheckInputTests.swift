import Testing
import TraceFuzz

/// CheckInput's index agrees with plain string lookups, including for labels and IDs that are not ASCII.
@Suite("CheckInput")
struct CheckInputTests {
    static func exported(_ label: String, spanID: String, parent: String? = nil) -> ExportedSpan {
        ExportedSpan(
            label: label, identity: SpanIdentity(traceID: "t", spanID: spanID), parentSpanID: parent,
            exportedBy: 0, sessionInstance: 0)
    }

    static func input(labels: [String], exported: [ExportedSpan]) -> CheckInput {
        let steps = labels.map { Step.span(SpanStep(label: $0)) }
        let scenario = Scenario(steps: steps)
        var record = RunRecord()
        record.exported = exported
        let expectations = Oracle.expectations(for: scenario)
        return CheckInput(scenario: scenario, expectations: expectations, record: record)
    }

    @Test(
        "spans sharing a span ID are paired with the last earlier span with that ID",
        arguments: [["a1", "a2", "a3"], ["\u{E9}1", "e\u{301}1", "\u{E9}3"]])
    func sharedSpanIDs(ids: [String]) {
        // ids[1] is the same String as ids[0] only up to Unicode equivalence in the second case, and
        // different in the first.
        let spans = [
            Self.exported("x", spanID: ids[0]), Self.exported("y", spanID: ids[2]),
            Self.exported("z", spanID: ids[0]), Self.exported("w", spanID: ids[1]),
            Self.exported("x", spanID: ids[0]),
        ]
        let input = Self.input(labels: ["x", "y", "z", "w"], exported: spans)
        let pairs = input.sharedSpanIDs.map { [$0.0, $0.1] }
        if ids[0] == ids[1] {
            #expect(pairs == [[0, 2], [2, 3], [3, 4]])
        } else {
            #expect(pairs == [[0, 2], [2, 4]])
        }
    }

    @Test(
        "labels are found as Strings compare, ASCII or not",
        arguments: [["a", "b", "c"], ["a", "K", "c"], ["caf\u{E9}", "K", "\u{212A}x"]])
    func labelLookups(labels: [String]) {
        let spans = [Self.exported(labels[2], spanID: "1"), Self.exported(labels[0], spanID: "2")]
        let input = Self.input(labels: labels, exported: spans)
        for (position, label) in labels.enumerated() {
            #expect(input.expectation(labeled: label) == position)
        }
        #expect(input.expectation(labeled: "missing") == nil)
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        #expect(input.expectationIndex == index)
        #expect(input.firstExport == [1, -1, 0])
        #expect(input.exportCount == [1, 0, 1])
        // U+212A KELVIN SIGN equals K as a String, so it finds K's expectation.
        if labels.contains("K") { #expect(input.expectation(labeled: "\u{212A}") == 1) }
    }
}
