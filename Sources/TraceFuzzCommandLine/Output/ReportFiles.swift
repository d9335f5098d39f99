import Foundation
import TraceCore
import TraceFuzz

/// Writes the report files `--junit`, `--report` and `--export-otlp` ask for, each atomically (a
/// temporary file beside it, then a rename), and says what it wrote or why it could not.
///
/// ```swift
/// let problems = ReportFiles(flags: reports).write(
///     junit: JUnitReport(statistics: statistics, findings: findings, tracer: tracer, options: options),
///     report: document, firstFinding: findings.first, console: console)
/// ```
struct ReportFiles: Sendable {
    /// Which files to write.
    var flags: ReportFlags

    /// Writes every requested file; prints `wrote FILE (what)` on stderr for each, or the reason it
    /// failed. Returns how many could not be written.
    func write(
        junit: @autoclosure () -> JUnitReport, report: @autoclosure () -> ReportDocument,
        firstFinding: Finding?, console: Console
    ) -> Int {
        var failures = 0
        func attempt(_ path: String?, _ flag: String, _ what: String, _ data: () -> Data) {
            guard let path else { return }
            do {
                try data().write(to: URL(fileURLWithPath: path), options: .atomic)
                console.error("wrote \(path) (\(what))")
            } catch {
                failures += 1
                console.error("tracefuzz: --\(flag): cannot write \(path): \(error.localizedDescription)")
            }
        }
        attempt(flags.junit, "junit", "JUnit XML") { junit().data() }
        attempt(flags.report, "report", "JSON report") { report().data() }
        let otlpWhat =
            firstFinding == nil ? "OTLP/JSON, no finding: no spans" : "OTLP/JSON of the first finding"
        attempt(flags.otlp, "export-otlp", otlpWhat) {
            if let firstFinding { return OTLPExport(firstFinding).data() }
            var data = OTLPJSONEncoder.encode([])
            data.append(UInt8(ascii: "\n"))
            return data
        }
        return failures
    }
}
