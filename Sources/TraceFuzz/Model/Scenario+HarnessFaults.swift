extension Scenario {
    /// The first fault the scenario names that tests the harness rather than the tracer (`hang`,
    /// `garbage`: see ``ProcessFault/Kind/isFinding``), or `nil`. Such a scenario fails every run by
    /// design, so its findings are never kept in a failure database: replayed first, it would make
    /// every later run a regression.
    ///
    /// ```swift
    /// scenario.harnessFault   // .garbage for a process hop whose child writes garbage
    /// ```
    public var harnessFault: ProcessFault.Kind? { Self.harnessFault(in: steps) }

    private static func harnessFault(in steps: [Step]) -> ProcessFault.Kind? {
        for step in steps {
            switch step {
            case .span(let span):
                if let kind = harnessFault(in: span.children) { return kind }
            case .hop(let hop):
                if let kind = hop.fault?.kind, kind.isFinding { return kind }
                for task in hop.tasks {
                    if let kind = harnessFault(in: task) { return kind }
                }
            case .flush, .shutdown, .yield, .sleep, .barrier:
                break
            }
        }
        return nil
    }
}
