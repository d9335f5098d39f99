/// What a fuzz run covered: counts by executor, strategy and invariant, and its speed.
public struct FuzzStatistics: Hashable, Sendable, Codable {
    /// Scenarios run.
    public var scenarios = 0
    /// Spans the scenarios made.
    public var spans = 0
    /// Tasks the scenarios submitted.
    public var tasks = 0
    /// Hops by executor name.
    public var executors: [String: Int] = [:]
    /// Hops by strategy name.
    public var strategies: [String: Int] = [:]
    /// Things examined, by invariant name.
    public var invariants: [String: Int] = [:]
    /// Scenarios skipped because the adapter could not run them.
    public var unsupported = 0
    /// Why scenarios were skipped: each reason the adapter or runtime gave, with how many it skipped.
    public var unsupportedReasons: [String: Int] = [:]
    /// Findings.
    public var findings = 0
    /// Wall time, in seconds.
    public var seconds = 0.0
    /// Time spent checking, in seconds, by invariant name: JUnit's per-case times.
    public var checkSeconds: [String: Double] = [:]

    /// Scenarios per second of wall time.
    public var scenariosPerSecond: Double { seconds > 0 ? Double(scenarios) / seconds : 0 }

    /// Empty statistics.
    public init() {}

    /// Counts one scenario's hops by executor and strategy.
    public mutating func count(_ scenario: Scenario) {
        scenarios += 1
        Self.visit(scenario.steps) { step in
            switch step {
            case .span: spans += 1
            case .hop(let hop):
                executors[hop.executor.rawValue, default: 0] += 1
                strategies[hop.strategy.rawValue, default: 0] += 1
            default: break
            }
        }
    }

    /// Adds one check's coverage.
    public mutating func count(_ result: CheckResult, record: RunRecord) {
        tasks += record.tasksRun
        for (name, count) in result.coverage { invariants[name, default: 0] += count }
        for (name, duration) in result.durations {
            let (seconds, attoseconds) = duration.components
            checkSeconds[name, default: 0] += Double(seconds) + Double(attoseconds) * 1e-18
        }
    }

    /// Adds another run's counts and wall time to these: the statistics of two runs taken one after the
    /// other, such as the stretches of a long run that pauses to shrink each finding.
    ///
    /// ```swift
    /// var total = FuzzStatistics()
    /// total.merge(first.statistics)
    /// total.merge(second.statistics)
    /// ```
    public mutating func merge(_ other: FuzzStatistics) {
        scenarios += other.scenarios
        spans += other.spans
        tasks += other.tasks
        unsupported += other.unsupported
        findings += other.findings
        seconds += other.seconds
        executors.merge(other.executors, uniquingKeysWith: +)
        strategies.merge(other.strategies, uniquingKeysWith: +)
        invariants.merge(other.invariants, uniquingKeysWith: +)
        unsupportedReasons.merge(other.unsupportedReasons, uniquingKeysWith: +)
        checkSeconds.merge(other.checkSeconds, uniquingKeysWith: +)
    }

    static func visit(_ steps: [Step], _ body: (Step) -> Void) {
        for step in steps {
            body(step)
            switch step {
            case .span(let span): visit(span.children, body)
            case .hop(let hop): hop.tasks.forEach { visit($0, body) }
            default: break
            }
        }
    }
}
