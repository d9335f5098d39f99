import Testing
import TraceFuzz

extension ReportsTests {
    @Suite("SpanTreeReport")
    struct SpanTreeReportTests {
        /// The example in ``SpanTreeReport``'s documentation.
        static let documented = """
            expected
              request          top               instance 0
              ├─ work-1        h1.t0 pool/fresh  instance 1
              └─ work-2        h1.t1 pool/fresh  instance 0
              other-request    top               instance 1

            actual
              request          top               instance 0  trace A
              work-1           h1.t0 pool/fresh  instance 1  trace B  ✗ wrong parent: expected under 'request'
              work-2           h1.t1 pool/fresh  instance 0  trace C  ✗ wrong parent: expected under 'request'
              other-request    top               instance 1  trace D
            """

        @Test("a lost context reads as in the documentation")
        func documentedExample() {
            #expect(SpanTreeReport(ReportFixtures.lostContextFinding).text == Self.documented)
        }

        @Test("a planted lost context marks the worker spans and only them")
        func plantedLostContext() async {
            let outcome = await runOnce(
                ReportFixtures.fanOut, PlantedAdapterFactory(bug: .restoreIgnoresContext))
            let report = SpanTreeReport(
                scenario: ReportFixtures.fanOut, record: outcome.record, violations: outcome.violations)
            let work1 = report.actual.first { $0.hasPrefix("work-1 ") }
            #expect(work1?.contains("✗ wrong parent: expected under 'request'") == true, "\(report)")
            #expect(work1?.contains("h1.t0 pool/fresh") == true, "\(report)")
            #expect(work1?.contains("instance 1") == true, "\(report)")
            #expect(report.actual.first { $0.hasPrefix("request ") }?.contains("✗") == false, "\(report)")
            #expect(report.expected.contains { $0.hasPrefix("├─ work-1 ") }, "\(report)")
        }

        /// A planted bug and the mark it must put on some span of `fanOut`.
        struct Case: Sendable, CustomTestStringConvertible {
            let bug: PlantedBug
            let mark: String
            var testDescription: String { "\(bug.rawValue) shows '\(mark)'" }
        }

        @Test(
            "each span-level bug shows its mark",
            arguments: [
                Case(bug: .restoreIgnoresContext, mark: "✗ wrong parent"),
                Case(bug: .childInOtherTrace, mark: "✗ wrong trace: expected the trace of 'request'"),
                Case(bug: .rootsShareTrace, mark: "✗ wrong trace: shares a trace with another root"),
                Case(bug: .hidesNewestSpan, mark: "✗ missing: ended, not exported"),
                Case(bug: .exportsTwice, mark: "✗ duplicated: exported 2 times"),
                Case(bug: .exportedByOtherInstance, mark: "✗ wrong instance: exported by"),
                Case(bug: .losesSession, mark: "✗ wrong instance"),
            ])
        func plantedMarks(_ testCase: Case) async {
            let outcome = await runOnce(ReportFixtures.fanOut, PlantedAdapterFactory(bug: testCase.bug))
            let report = SpanTreeReport(
                scenario: ReportFixtures.fanOut, record: outcome.record, violations: outcome.violations)
            #expect(report.actual.contains { $0.contains(testCase.mark) }, "\(report)\n\(outcome.violations)")
        }

        @Test("TraceCore's run of the same scenario nests the workers and marks nothing")
        func cleanRun() async {
            let outcome = await runOnce(ReportFixtures.fanOut, TraceCoreAdapterFactory())
            let report = SpanTreeReport(
                scenario: ReportFixtures.fanOut, record: outcome.record, violations: outcome.violations)
            #expect(report.actual == report.actual.filter { !$0.contains("✗") })
            #expect(
                report.actual.contains { $0.hasPrefix("├─ work-1 ") || $0.hasPrefix("└─ work-1 ") },
                "\(report)")
            #expect(report.notes.isEmpty)
        }

        @Test("a missing parent still holds its exported children, and a leak names the expected root")
        func missingParentAndLeak() {
            let scenario = Scenario(steps: [
                span("request", hop(.pool, .none, [span("worker")])),
                span("next"),
            ])
            var record = RunRecord()
            record.observed["request"] = ReportFixtures.identity(trace: 1, span: 1)
            record.exported = [
                ReportFixtures.exported("worker", trace: 1, span: 2, parent: 1, by: 0),
                ReportFixtures.exported("next", trace: 1, span: 3, parent: 2, by: 0),
            ]
            record.ended = ["worker"]
            let violations = [
                Violation(
                    invariant: "none-lost", message: "'request' is missing", labels: ["request"],
                    mark: .missing),
                Violation(
                    invariant: "right-parent", message: "'next' leaked", labels: ["next"], mark: .leaked),
                Violation(invariant: "drops-accounted", message: "1 dropped, 0 missing", mark: .run),
            ]
            let report = SpanTreeReport(scenario: scenario, record: record, violations: violations)
            #expect(report.actual.first?.hasPrefix("request ") == true, "\(report)")
            #expect(report.actual.first?.contains("✗ missing: never ended") == true, "\(report)")
            #expect(report.actual.contains { $0.hasPrefix("└─ worker ") }, "\(report)")
            #expect(
                report.actual.contains {
                    $0.hasPrefix("   └─ next ") && $0.contains("✗ leaked: expected a root")
                }
            )
            #expect(report.notes == ["[drops-accounted] 1 dropped, 0 missing"])
            #expect(report.text.hasSuffix("run\n  [drops-accounted] 1 dropped, 0 missing"))
        }

        @Test("a parent cycle and an unknown parent do not lose spans")
        func brokenParentLinks() {
            let scenario = Scenario(steps: [span("a"), span("b"), span("c")])
            var record = RunRecord()
            record.exported = [
                ReportFixtures.exported("a", trace: 1, span: 1, parent: 2, by: 0),
                ReportFixtures.exported("b", trace: 1, span: 2, parent: 1, by: 0),
                ReportFixtures.exported("c", trace: 2, span: 3, parent: 9, by: 0),
            ]
            let report = SpanTreeReport(scenario: scenario, record: record, violations: [])
            #expect(report.actual.count == 3, "\(report)")
            #expect(
                report.actual.contains { $0.contains("(parent 0000000000000009 was never seen)") },
                "\(report)")
        }

        @Test("trace names run A to Z, then AA")
        func traceNames() {
            #expect(SpanTreeReport.title(of: .wrongInstance) == "wrong instance")
            let report = SpanTreeReport(
                scenario: Scenario(steps: (0..<28).map { span("s\($0)") }),
                record: {
                    var record = RunRecord()
                    record.exported = (0..<28).map {
                        ReportFixtures.exported("s\($0)", trace: $0 + 1, span: $0 + 1, by: 0)
                    }
                    return record
                }(), violations: [])
            #expect(report.actual[25].contains("trace Z"))
            #expect(report.actual[27].contains("trace AB"))
        }
    }
}
