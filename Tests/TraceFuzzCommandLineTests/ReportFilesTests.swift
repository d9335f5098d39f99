import Foundation
import Testing
import TraceFuzz

@testable import TraceFuzzCommandLine

@Suite("run report files")
struct ReportFilesTests {
    @Test("report flags: a file each; an empty path is bad usage")
    func flags() throws {
        var scanner = ArgumentScanner(["--junit", "j.xml", "--report", "r.json", "--export-otlp", "o.json"])
        let command = try RunCommand(parsing: &scanner)
        #expect(command.reports.junit == "j.xml")
        #expect(command.reports.report == "r.json")
        #expect(command.reports.otlp == "o.json")
        #expect(throws: UsageError("--junit: expects a file")) {
            var scanner = ArgumentScanner(["--junit="])
            _ = try RunCommand(parsing: &scanner)
        }
        #expect(throws: UsageError("--report: expects a value")) {
            var scanner = ArgumentScanner(["--report"])
            _ = try RunCommand(parsing: &scanner)
        }
    }

    @Test("--json FILE writes the JSON report; a bare --json still means JSON on stdout")
    func jsonFile() throws {
        func parse(_ arguments: [String]) throws -> RunCommand {
            var scanner = ArgumentScanner(arguments)
            return try RunCommand(parsing: &scanner)
        }
        let toFile = try parse(["--json", "r.json", "--quiet"])
        #expect(toFile.reports.report == "r.json" && !toFile.json && toFile.quiet)
        #expect(try parse(["--json=r.json"]).reports.report == "r.json")
        let toStdout = try parse(["--json", "--quiet"])
        #expect(toStdout.json && toStdout.reports.report == nil && toStdout.quiet)
        #expect(try parse(["--json"]).json)
        #expect(throws: UsageError("--json: expects a file")) { try parse(["--json="]) }
        #expect(throws: UsageError("--json: expects a file: stress prints text and writes its JSON report to FILE")) {
            var scanner = ArgumentScanner(["--json"])
            _ = try StressCommand(parsing: &scanner)
        }
        var scanner = ArgumentScanner(["--json", "s.json"])
        #expect(try StressCommand(parsing: &scanner).reports.report == "s.json")
    }

    @Test("a finding: JUnit XML, the JSON report and the OTLP export of the shrunk run, nothing half-written")
    func withFinding() async throws {
        let directory = try makeTemporaryDirectory()
        let findings = directory.appendingPathComponent("findings")
        let (junit, report, otlp) = (
            directory.appendingPathComponent("fuzz.xml"), directory.appendingPathComponent("report.json"),
            directory.appendingPathComponent("finding.otlp.json")
        )
        let result = await Invocation.run(
            [
                "run", "--seed", "0x100", "--iterations", "50", "--findings-dir", findings.path,
                "--no-database",
                "--junit", junit.path, "--report", report.path, "--export-otlp", otlp.path,
            ] + PlantedRuns.flags, factory: ForgetfulAdapterFactory())
        #expect(result.status == .finding)
        #expect(result.error.contains("wrote \(junit.path) (JUnit XML)\n"))
        #expect(result.error.contains("wrote \(report.path) (JSON report)\n"))
        #expect(result.error.contains("wrote \(otlp.path) (OTLP/JSON of the first finding)\n"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "finding.otlp.json", "findings", "fuzz.xml", "report.json",
            ])

        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.hasPrefix("<?xml"))
        #expect(
            xml.contains(
                #"<testcase name="right-parent" classname="tracefuzz.TraceCore (forgetful restore)""#))
        #expect(xml.contains("<failure "))
        // The shrunk finding's file first, then the line that regenerates the original.
        #expect(xml.contains("reproduce: tracefuzz replay \(findings.path)/right-parent-"), "\(xml)")
        #expect(xml.contains("original:  tracefuzz replay --seed 0x"))
        #expect(JUnitSchemaCheck.violations(Data(xml.utf8)) == [])

        let object = try PlantedRuns.object(at: report.path)
        #expect(object["command"] as? String == "run")
        #expect(object["status"] as? Int == 1)
        #expect(object["seed"] as? String == "0x100")
        #expect((object["statistics"] as? [String: Any])?["findings"] as? Int == 1)
        let entry = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(entry["invariant"] as? String == "right-parent")
        #expect(entry["tracer"] as? String == "TraceCore (forgetful restore)")
        #expect(
            (entry["reproduce"] as? String)?.hasPrefix("tracefuzz replay \(findings.path)/right-parent-")
                == true)
        #expect((entry["replay"] as? String)?.hasPrefix("tracefuzz replay --seed ") == true)
        #expect((entry["shrunk"] as? String)?.contains("→ 1 hop, 2 spans") == true)
        #expect((entry["tree"] as? [String])?.contains("actual") == true)
        let scenario = try #require(entry["scenario"] as? [String: Any])
        #expect(scenario["steps"] is [Any])

        let export = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: otlp)) as? [String: Any])
        let resourceSpans = try #require(export["resourceSpans"] as? [[String: Any]])
        let names = resourceSpans.flatMap { resource in
            ((resource["scopeSpans"] as? [[String: Any]]) ?? []).flatMap { scope in
                ((scope["spans"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String }
            }
        }
        #expect(names.count == 2, "the shrunk run's two spans: \(names)")
    }

    @Test("a clean run: JUnit without failures, a report without findings, an export with no spans")
    func clean() async throws {
        let directory = try makeTemporaryDirectory()
        let paths = ["j.xml", "r.json", "o.json"].map { directory.appendingPathComponent($0).path }
        let result = await Invocation.run([
            "run", "--seed", "1", "--iterations", "3", "--quiet", "--junit", paths[0], "--report", paths[1],
            "--export-otlp", paths[2],
        ])
        #expect(result.status == .clean)
        let xml = try String(contentsOfFile: paths[0], encoding: .utf8)
        #expect(xml.contains(#"failures="0""#))
        #expect(JUnitSchemaCheck.violations(Data(xml.utf8)) == [])
        // Every case carries a time in seconds (the time its invariant took to check).
        let caseTimes = xml.split(separator: "\n").filter { $0.contains("<testcase ") }.compactMap { line in
            line.firstMatch(of: #/time="([0-9]+\.[0-9]{3})"/#).flatMap { Double($0.output.1) }
        }
        #expect(caseTimes.count == Invariants.names.count)
        let object = try PlantedRuns.object(at: paths[1])
        #expect((object["findings"] as? [Any])?.isEmpty == true)
        #expect(object["status"] as? Int == 0)
        #expect(result.error.contains("wrote \(paths[2]) (OTLP/JSON, no finding: no spans)"))
        let export = try PlantedRuns.object(at: paths[2])
        #expect((export["resourceSpans"] as? [Any])?.isEmpty == true)
    }

    @Test("the schema check finds what junit-10.xsd rejects")
    func schemaCheck() {
        let suite = #"<testsuite name="t" tests="1" failures="0" errors="0" skipped="0" time="1.5">"#
        let valid = #"<testsuites time="1.5">"# + suite + #"<testcase name="c" time="0.25"/></testsuite></testsuites>"#
        #expect(JUnitSchemaCheck.violations(Data(valid.utf8)) == [])
        let skippedOnSuites = #"<testsuites skipped="0">"# + suite + "</testsuite></testsuites>"
        #expect(JUnitSchemaCheck.violations(Data(skippedOnSuites.utf8)) == ["<testsuites> may not carry 'skipped'"])
        let badTime = #"<testsuite name="t" tests="1" failures="0" errors="0" time="1e-3"/>"#
        #expect(JUnitSchemaCheck.violations(Data(badTime.utf8)) == [#"<testsuite> time="1e-3" is not a SUREFIRE_TIME"#])
        let noName = #"<testsuite tests="1" failures="0" errors="0"><testcase/></testsuite>"#
        #expect(
            JUnitSchemaCheck.violations(Data(noName.utf8)) == [
                "<testsuite> must carry 'name'", "<testcase> must carry 'name'",
            ])
    }

    @Test("a report that cannot be written is exit 2 on a clean run; a finding keeps exit 1")
    func unwritable() async throws {
        let blocker = try makeTemporaryDirectory().appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        let target = blocker.appendingPathComponent("r.json").path
        let clean = await Invocation.run([
            "run", "--seed", "1", "--iterations", "1", "--quiet", "--report", target,
        ])
        #expect(clean.status == .badInput)
        #expect(clean.error.contains("tracefuzz: --report: cannot write \(target): "))
        let findings = try makeTemporaryDirectory()
        let failing = await Invocation.run(
            [
                "run", "--seed", "0x100", "--iterations", "50", "--no-shrink", "--findings-dir",
                findings.path,
                "--junit", target,
            ] + PlantedRuns.flags, factory: ForgetfulAdapterFactory())
        #expect(failing.status == .finding)
        #expect(failing.error.contains("tracefuzz: --junit: cannot write \(target): "))
    }
}
