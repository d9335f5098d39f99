import Foundation

/// A fuzz run as JUnit XML (`--junit FILE`), the format CI systems read.
///
/// **One test case per invariant**, not per scenario: an invariant is a stable name (`right-parent`,
/// `none-lost`, …) that a CI dashboard can track from run to run, while scenarios are thousands of
/// throw-away seeds. A case fails when any finding broke its invariant; the failure's `message` is the
/// first such violation and its body lists, per finding, the seed, every violation of that invariant,
/// the lines that reproduce it and the span tree. A case is skipped when the run never exercised its
/// invariant. The suite's `time` is the run's wall time; a case's `time` is how long the run spent
/// checking its invariant (``FuzzStatistics/checkSeconds``).
///
/// The document validates against the `junit-10.xsd` schema Jenkins and most CI systems read: `skipped`
/// is counted on `<testsuite>` only, times are decimal seconds.
///
/// ```xml
/// <?xml version="1.0" encoding="UTF-8"?>
/// <testsuites name="tracefuzz" tests="8" failures="1" errors="0" time="1.250">
///   <testsuite name="tracefuzz" tests="8" failures="1" errors="0" skipped="0" time="1.250">
///     <properties>…</properties>
///     <testcase name="right-parent" classname="tracefuzz.TraceCore" time="0.012">
///       <failure message="'work-1' at h1.t0 pool/fresh should be a child of 'request', …"
///         type="right-parent">seed 0x2a: …
/// reproduce: tracefuzz replay tracefuzz-findings/right-parent-1a2b3c4d.json</failure>
///     </testcase>
///     <testcase name="none-lost" classname="tracefuzz.TraceCore" time="0.004"/>
///     …
/// ```
///
/// ```swift
/// let report = await fuzzer.run(seed: 42, budget: .iterations(500))
/// try JUnitReport(report, tracer: factory.name, options: options).write(to: URL(fileURLWithPath: path))
/// ```
public struct JUnitReport: Sendable {
    /// A finding as the report shows it, with the lines that reproduce it.
    public struct Failure: Sendable {
        /// The finding: the shrunk one, when it was shrunk.
        public var finding: Finding
        /// The commands that reproduce it, the one to run first: for a shrunk finding, the replay of its
        /// file, then the line that regenerates the original scenario.
        public var reproduce: [String]

        /// A failure reproduced by `reproduce`.
        public init(_ finding: Finding, reproduce: [String]) {
            self.finding = finding
            self.reproduce = reproduce
        }

        /// A failure reproduced by its seed's replay line, for a finding that was not shrunk.
        public init(_ finding: Finding, options: GeneratorOptions) {
            self.init(finding, reproduce: ReplayCommand.line(for: finding, options: options).map { [$0] } ?? [])
        }
    }

    /// One test case: an invariant and how it fared.
    public struct TestCase: Sendable {
        /// The invariant's name.
        public var name: String
        /// How many things the run examined for it.
        public var examined: Int
        /// Seconds the run spent checking it.
        public var seconds: Double
        /// Each finding that broke it, with the violations of this invariant only.
        public var failures: [Failure]
        /// Whether it passed without being exercised.
        public var isSkipped: Bool { failures.isEmpty && examined == 0 }

        /// Creates a test case.
        public init(name: String, examined: Int, seconds: Double = 0, failures: [Failure]) {
            self.name = name
            self.examined = examined
            self.seconds = seconds
            self.failures = failures
        }
    }

    /// The suite's name.
    public var suiteName: String
    /// The tracer fuzzed, such as `TraceCore`: the cases' class name is `<suite>.<tracer>`.
    public var tracer: String
    /// What the run covered.
    public var statistics: FuzzStatistics
    /// The generator options, for the replay lines.
    public var options: GeneratorOptions
    /// The cases, in the order the invariants are reported.
    public var cases: [TestCase]

    /// The report for a run's statistics and findings, each reproduced by its seed's replay line. Cases
    /// are `invariants` in order, then any other invariant a finding broke.
    public init(
        statistics: FuzzStatistics, findings: [Finding], tracer: String = "TraceCore",
        options: GeneratorOptions = GeneratorOptions(), suiteName: String = "tracefuzz",
        invariants: [String] = Invariants.names
    ) {
        self.init(
            statistics: statistics, failures: findings.map { Failure($0, options: options) }, tracer: tracer,
            options: options, suiteName: suiteName, invariants: invariants)
    }

    /// The report for a run's statistics and its findings with their reproduce lines (such as the replay
    /// of a shrunk finding's file).
    public init(
        statistics: FuzzStatistics, failures reported: [Failure], tracer: String = "TraceCore",
        options: GeneratorOptions = GeneratorOptions(), suiteName: String = "tracefuzz",
        invariants: [String] = Invariants.names
    ) {
        self.suiteName = suiteName
        self.tracer = tracer
        self.statistics = statistics
        self.options = options
        var names = invariants
        for failure in reported {
            for violation in failure.finding.violations where !names.contains(violation.invariant) {
                names.append(violation.invariant)
            }
        }
        cases = names.map { name in
            let failures = reported.compactMap { failure -> Failure? in
                let own = failure.finding.violations.filter { $0.invariant == name }
                guard !own.isEmpty else { return nil }
                var narrowed = failure
                narrowed.finding.violations = own
                return narrowed
            }
            return TestCase(
                name: name, examined: statistics.invariants[name] ?? 0,
                seconds: statistics.checkSeconds[name] ?? 0, failures: failures)
        }
    }

    /// The report for a ``FuzzReport``.
    public init(
        _ report: FuzzReport, tracer: String = "TraceCore", options: GeneratorOptions = GeneratorOptions(),
        suiteName: String = "tracefuzz"
    ) {
        self.init(
            statistics: report.statistics, findings: report.findings, tracer: tracer, options: options,
            suiteName: suiteName)
    }

    /// The XML document.
    public var xml: String {
        let failures = cases.filter { !$0.failures.isEmpty }.count
        let skipped = cases.filter(\.isSkipped).count
        let time = Self.seconds(statistics.seconds)
        let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\""
        let name = Self.escape(suiteName)
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites name=\"\(name)\" \(counts) time=\"\(time)\">",
            "  <testsuite name=\"\(name)\" \(counts) skipped=\"\(skipped)\" time=\"\(time)\">",
            "    <properties>",
        ]
        let properties: [(String, String)] = [
            ("tracer", tracer), ("scenarios", String(statistics.scenarios)),
            ("spans", String(statistics.spans)),
            ("tasks", String(statistics.tasks)), ("unsupported", String(statistics.unsupported)),
            ("findings", String(statistics.findings)),
        ]
        for (key, value) in properties {
            lines.append("      <property name=\"\(Self.escape(key))\" value=\"\(Self.escape(value))\"/>")
        }
        lines.append("    </properties>")
        let className = Self.escape("\(suiteName).\(tracer)")
        for testCase in cases {
            let open =
                "    <testcase name=\"\(Self.escape(testCase.name))\" classname=\"\(className)\" "
                + "time=\"\(Self.seconds(testCase.seconds))\""
            if testCase.isSkipped {
                lines += [
                    open + ">", "      <skipped message=\"not exercised by this run\"/>", "    </testcase>",
                ]
            } else if let first = testCase.failures.first?.finding.violations.first {
                let message = Self.escape(first.message)
                let type = Self.escape(testCase.name)
                let body = Self.escape(failureText(testCase), attribute: false)
                lines += [
                    open + ">",
                    "      <failure message=\"\(message)\" type=\"\(type)\">\(body)</failure>",
                    "    </testcase>",
                ]
            } else {
                lines.append(open + "/>")
            }
        }
        lines += ["  </testsuite>", "</testsuites>", ""]
        return lines.joined(separator: "\n")
    }

    /// The XML as UTF-8.
    public func data() -> Data { Data(xml.utf8) }

    /// Writes the XML to `url` atomically (a temporary file, then a rename), so CI never reads half a file.
    public func write(to url: URL) throws {
        try data().write(to: url, options: .atomic)
    }

    /// `seconds` as JUnit writes times: decimal seconds, three places.
    static func seconds(_ seconds: Double) -> String { String(format: "%.3f", max(0, seconds)) }

    /// The failure body: per finding, its seed, its violations of this case's invariant, the lines that
    /// reproduce it and the span tree.
    private func failureText(_ testCase: TestCase) -> String {
        var blocks: [String] = []
        for failure in testCase.failures {
            let finding = failure.finding
            let count =
                finding.violations.count == 1 ? "1 violation" : "\(finding.violations.count) violations"
            var lines = [
                "\(finding.seed.map(SeedText.hex).map { "seed \($0)" } ?? "scenario file"): \(count)"
            ]
            lines += finding.violations.map(\.description)
            if let first = failure.reproduce.first { lines.append("reproduce: \(first)") }
            for other in failure.reproduce.dropFirst() { lines.append("original:  \(other)") }
            lines += ["", SpanTreeReport(finding).text]
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n")
    }

    /// `text` escaped for XML: `&`, `<`, `>`, and in attributes also quotes, tabs and line breaks (so
    /// they survive attribute normalisation). Characters XML 1.0 cannot carry become U+FFFD.
    public static func escape(_ text: String, attribute: Bool = true) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "'" where attribute: result += "&apos;"
            case "\n" where attribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t" where attribute: result += "&#9;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let allowed = value >= 0x20 && value != 0xFFFE && value != 0xFFFF
                result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return result
    }
}
