import Foundation
import Testing
import TraceFuzz

#if canImport(FoundationXML)
    import FoundationXML
#endif

extension ReportsTests {
    @Suite("JUnitReport")
    struct JUnitReportTests {
        /// Statistics in which every built-in invariant examined something.
        static var statistics: FuzzStatistics {
            var statistics = FuzzStatistics()
            statistics.scenarios = 40
            statistics.findings = 1
            statistics.seconds = 1.25
            for name in Invariants.names { statistics.invariants[name] = 10 }
            return statistics
        }

        static func parse(_ report: JUnitReport) throws -> XMLDocument {
            try XMLDocument(data: report.data(), options: [])
        }

        static func attribute(_ node: XMLNode?, _ name: String) -> String? {
            (node as? XMLElement)?.attribute(forName: name)?.stringValue
        }

        @Test("one case per invariant; the broken one fails with the violation and the replay line")
        func counts() throws {
            let report = JUnitReport(
                statistics: Self.statistics, findings: [ReportFixtures.lostContextFinding],
                tracer: "TraceCore")
            let document = try Self.parse(report)
            let suites = try #require(document.rootElement())
            #expect(suites.name == "testsuites")
            #expect(Self.attribute(suites, "tests") == String(Invariants.names.count))
            #expect(Self.attribute(suites, "failures") == "1")
            #expect(Self.attribute(suites, "skipped") == nil, "junit-10.xsd has no skipped on <testsuites>")
            let suite = try #require(suites.elements(forName: "testsuite").first)
            #expect(Self.attribute(suite, "failures") == "1")
            #expect(Self.attribute(suite, "skipped") == "0")
            #expect(Self.attribute(suite, "time") == "1.250")
            let cases = suite.elements(forName: "testcase")
            #expect(cases.compactMap { Self.attribute($0, "name") } == Invariants.names)
            #expect(cases.allSatisfy { Self.attribute($0, "classname") == "tracefuzz.TraceCore" })
            let failing = cases.filter { !$0.elements(forName: "failure").isEmpty }
            #expect(failing.compactMap { Self.attribute($0, "name") } == ["right-parent"])
            let failure = try #require(failing.first?.elements(forName: "failure").first)
            #expect(Self.attribute(failure, "type") == "right-parent")
            #expect(Self.attribute(failure, "message") == ReportFixtures.lostContextViolations[0].message)
            let body = failure.stringValue ?? ""
            #expect(body.contains("seed 0x2a: 2 violations"))
            #expect(body.contains("reproduce: tracefuzz replay --seed 0x2a"))
            #expect(body.contains("work-1           h1.t0 pool/fresh  instance 1  trace B  ✗ wrong parent"))
        }

        @Test("a case's time is the time its invariant took; a failure's reproduce lines come first in order")
        func timesAndReproduceLines() throws {
            var statistics = Self.statistics
            statistics.checkSeconds = ["right-parent": 0.25, "none-lost": 1.5]
            let failure = JUnitReport.Failure(
                ReportFixtures.lostContextFinding,
                reproduce: ["tracefuzz replay findings/right-parent-1.json", "tracefuzz replay --seed 0x2a"])
            let report = JUnitReport(statistics: statistics, failures: [failure])
            let suite = try #require(Self.parse(report).rootElement()?.elements(forName: "testsuite").first)
            let times = Dictionary(
                uniqueKeysWithValues: suite.elements(forName: "testcase").map {
                    (Self.attribute($0, "name") ?? "", Self.attribute($0, "time") ?? "")
                })
            #expect(times["right-parent"] == "0.250" && times["none-lost"] == "1.500" && times["no-duplicates"] == "0.000")
            let body = try #require(
                suite.elements(forName: "testcase").first { Self.attribute($0, "name") == "right-parent" }?
                    .elements(forName: "failure").first?.stringValue)
            #expect(body.contains("reproduce: tracefuzz replay findings/right-parent-1.json\noriginal:  tracefuzz replay --seed 0x2a"))
        }

        @Test("an invariant the run never exercised is skipped; one only a finding names is added")
        func skippedAndExtra() throws {
            var finding = ReportFixtures.lostContextFinding
            finding.violations = [Violation(invariant: "my-invariant", message: "custom", mark: .run)]
            let report = JUnitReport(statistics: FuzzStatistics(), findings: [finding])
            let suite = try #require(Self.parse(report).rootElement()?.elements(forName: "testsuite").first)
            #expect(Self.attribute(suite, "tests") == String(Invariants.names.count + 1))
            #expect(Self.attribute(suite, "skipped") == String(Invariants.names.count))
            #expect(Self.attribute(suite, "failures") == "1")
            #expect(report.cases.last?.name == "my-invariant")
        }

        @Test("markup, quotes, line breaks and control characters are escaped")
        func escaping() throws {
            let nasty = "a <b> & \"c\" 'd'\nline two\ttab \u{1}bell"
            var finding = ReportFixtures.lostContextFinding
            finding.violations = [
                Violation(
                    invariant: "right-parent", message: nasty, actual: "]]> <x/>", labels: ["work-1"],
                    mark: .leaked)
            ]
            let report = JUnitReport(statistics: Self.statistics, findings: [finding], tracer: "Tracer<&>")
            let suite = try #require(Self.parse(report).rootElement()?.elements(forName: "testsuite").first)
            let testCase = try #require(
                suite.elements(forName: "testcase").first { Self.attribute($0, "name") == "right-parent" })
            #expect(Self.attribute(testCase, "classname") == "tracefuzz.Tracer<&>")
            let failure = try #require(testCase.elements(forName: "failure").first)
            #expect(Self.attribute(failure, "message") == "a <b> & \"c\" 'd'\nline two\ttab \u{FFFD}bell")
            #expect(failure.stringValue?.contains("actual:   ]]> <x/>") == true)
            #expect(JUnitReport.escape("<&>\"'") == "&lt;&amp;&gt;&quot;&apos;")
            #expect(JUnitReport.escape("\"\n", attribute: false) == "\"\n")
        }

        @Test("a clean run parses with every case passing, and is written atomically")
        func cleanRunWritten() throws {
            var report = FuzzReport()
            report.statistics = Self.statistics
            report.statistics.findings = 0
            let url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "junit-\(UUID().uuidString).xml")
            defer { try? FileManager.default.removeItem(at: url) }
            try JUnitReport(report).write(to: url)
            let document = try XMLDocument(contentsOf: url, options: [])
            #expect(Self.attribute(document.rootElement(), "failures") == "0")
            let parser = XMLParser(contentsOf: url)
            #expect(parser?.parse() == true)
        }
    }
}
