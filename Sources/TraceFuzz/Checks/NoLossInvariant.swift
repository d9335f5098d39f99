/// No span is lost after a flush: when a flush (or shutdown) of an instance returns success, every span of
/// that instance that ended before it began is exported, unless the instance counted it as dropped.
/// A flush that does not succeed although no shutdown of its instance has begun is a finding too (a
/// tracer must not escape this check by failing); one that fails because a shutdown is under way promises
/// nothing. After the final flush every span the scenario makes must be exported or counted as dropped,
/// including spans whose task never ran.
/// A flush in a child process covers what ended in that child. A loss a fault named in the scenario
/// explains (``RunRecord/expectedLosses``) is not reported; any other is.
public struct NoLossInvariant: Invariant {
    /// Creates the invariant.
    public init() {}

    /// `none-lost`.
    public var name: String { "none-lost" }

    /// Checks each flush against what had ended before it, and the final flush against the oracle.
    public func check(_ input: CheckInput) -> [Violation] {
        var violations: [Violation] = []
        // Built only when a flush misses spans: most runs never need it.
        var ended: Set<String>?
        let excused = Set(input.record.expectedLosses.map(\.label))
        for flush in input.record.flushes {
            if flush.index != 0 && flush.outcome != .success {
                if !flush.shutdownBegunByReturn {
                    violations.append(
                        Violation(
                            invariant: name,
                            message:
                                "\(flush.name) of instance \(flush.instance) returned \(flush.outcome.rawValue) "
                                + "although the instance was never shut down",
                            expected: "success", actual: flush.outcome.rawValue, mark: .run))
                }
                continue
            }
            let required: Int
            var missing: [String] = []
            if flush.isFinalFlushOfRun {
                // After the final flush the record's exports are exactly what the instance exported.
                var count = 0
                // Fields are read through positions: copying an expectation would retain its strings.
                for index in input.expectations.indices where input.expectations[index].instance == flush.instance {
                    count += 1
                    guard !input.isExported(index, by: flush.instance) else { continue }
                    let label = input.expectations[index].label
                    if !excused.contains(label) { missing.append(label) }
                }
                required = count
            } else {
                required = flush.endedBefore.count
                missing = flush.endedBefore.filter { !flush.exportedAfter.contains($0) && !excused.contains($0) }
            }
            guard missing.count > flush.droppedAfter else { continue }
            let endedLabels = ended ?? Set(input.record.ended)
            ended = endedLabels
            let neverRan = missing.filter { !endedLabels.contains($0) }
            var message =
                "after \(flush.name) of instance \(flush.instance) returned \(flush.outcome.rawValue), "
                + "\(missing.count) span(s) are missing: \(Self.list(missing)) (\(flush.droppedAfter) counted as dropped)"
            if !neverRan.isEmpty {
                message += "; never ended (their task died or never ran): \(Self.list(neverRan))"
                message += Self.exceptions(input, costing: neverRan)
            }
            let unflushed = input.record.children.flatMap { child in
                child.unflushed.filter(missing.contains).map { "'\($0)' (\(child.site))" }
            }
            if !unflushed.isEmpty {
                message +=
                    "; ended in a child process that exited without flushing, and no noFlush fault names it: "
                    + unflushed.prefix(8).joined(separator: ", ")
            }
            violations.append(
                Violation(
                    invariant: name, message: message,
                    expected: "\(required) exported or dropped",
                    actual: "\(required - missing.count) exported, \(flush.droppedAfter) dropped",
                    labels: missing, mark: .missing))
        }
        return violations
    }

    /// `; h1.t1 pool/shared raised RuntimeError: …` for the exceptions raised where the lost spans ran
    /// (or every task exception, when none ran there): what killed the task names the loss.
    static func exceptions(_ input: CheckInput, costing labels: [String]) -> String {
        guard !input.record.exceptions.isEmpty else { return "" }
        let lost = Set(labels)
        let sites = Set(input.expectations.filter { lost.contains($0.label) }.map(\.site))
        let raised = input.record.exceptions.filter { $0.where != "logged" && !$0.where.hasPrefix("logger") }
        let there = raised.filter { sites.contains($0.site) }
        let shown = (there.isEmpty ? raised : there)
        guard let first = shown.first else { return "" }
        let more = shown.count > 1 ? " (and \(shown.count - 1) more)" : ""
        return "; \(first.site) raised \(first.exceptionType): \(first.message)\(more)"
    }

    static func list(_ labels: [String]) -> String {
        let shown = labels.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        return labels.count > 8 ? shown + ", … (\(labels.count) in all)" : shown
    }
}

extension NoLossInvariant {
    /// One per flush, the final flushes included.
    public func coverage(_ input: CheckInput) -> Int { input.record.flushes.count }
}
