/// `--junit FILE`, `--report FILE` (also spelled `--json FILE`) and `--export-otlp FILE`: the report files
/// `run` and `stress` write, each atomically, after the run. A bare `--json` is not a report flag: `run`
/// reads it as "JSON on stdout".
///
/// ```swift
/// var flags = ReportFlags()
/// var scanner = ArgumentScanner(["--junit", "fuzz.xml"])
/// while case .flag(let name)? = try scanner.next() { _ = try flags.parse(name, from: &scanner) }
/// flags.junit   // "fuzz.xml"
/// ```
struct ReportFlags: Hashable, Sendable {
    /// Where the JUnit XML goes, if anywhere.
    var junit: String?
    /// Where the JSON report (every finding, statistics) goes, if anywhere.
    var report: String?
    /// Where the first finding's run goes as OTLP/JSON, if anywhere.
    var otlp: String?

    /// The flags and what they write, for help texts.
    static let help = """
          --junit FILE          write JUnit XML: one test case per invariant, failing with its findings
          --report FILE, --json FILE
                                write one JSON object: every finding in full, statistics and status
          --export-otlp FILE    write the first finding's run as OTLP/JSON spans for a trace viewer
                                (no finding: an export with no spans)
        """

    /// No report files.
    init() {}

    /// Reads flag `name` if it is a report flag: `true` if it was one.
    mutating func parse(_ name: String, from scanner: inout ArgumentScanner) throws(UsageError) -> Bool {
        switch name {
        case "junit": junit = try Self.path(name, &scanner)
        case "report": report = try Self.path(name, &scanner)
        case "json":
            guard let file = scanner.optionalValue(for: name) else { return false }
            if file.isEmpty { throw UsageError.option(name, "expects a file") }
            report = file
        case "export-otlp": otlp = try Self.path(name, &scanner)
        default: return false
        }
        return true
    }

    /// Whether any report file was asked for.
    var isEmpty: Bool { junit == nil && report == nil && otlp == nil }

    private static func path(_ name: String, _ scanner: inout ArgumentScanner) throws(UsageError) -> String {
        let value = try scanner.value(for: name)
        if value.isEmpty { throw UsageError.option(name, "expects a file") }
        return value
    }
}
