/// Every child process of a `process` hop speaks the line protocol and ends as its task says it should:
/// it starts, writes only protocol lines, ends its output with `done` (counting the spans it delivered),
/// and exits with status 0, unless a fault named in the scenario explains otherwise (a `crash` dies on
/// its signal without `done`; a `noFlush` child still ends properly). A bad line is reported with the
/// task and the line, and never stops the run.
public struct ChildProtocolInvariant: Invariant {
    /// Creates the invariant.
    public init() {}

    /// `child-protocol`.
    public var name: String { "child-protocol" }

    /// Reports each child whose output or end no named fault explains.
    public func check(_ input: CheckInput) -> [Violation] {
        input.record.children.flatMap { problems(of: $0) }
    }

    private func problems(of child: ChildOutcome) -> [Violation] {
        guard !child.killedAtDeadline else { return [] }
        let who = "the child process of \(child.site) (pid \(child.pid))"
        if let spawnError = child.spawnError {
            return [
                violation(
                    "\(who) could not be run: \(spawnError)", child, expected: "it runs", actual: spawnError)
            ]
        }
        var violations: [Violation] = []
        if let first = child.badLines.first {
            let more = child.badLineCount > 1 ? " (\(child.badLineCount) bad lines in all)" : ""
            violations.append(
                violation(
                    "\(who) wrote line \(first.number), which is not a protocol line (\(first.reason)): "
                        + "'\(first.excerpt)'\(more)",
                    child, expected: "one JSON protocol object per line", actual: "'\(first.excerpt)'"))
        }
        let crash = child.fault?.kind == .crash ? child.fault : nil
        if let crash {
            let expected = Int32(crash.crashSignal)
            if child.signal != expected {
                violations.append(
                    violation(
                        "\(who) should have died on signal \(expected) "
                            + "(\(ChildOutcome.signalName(expected))) as its crash fault says, but it "
                            + "\(child.endDescription)\(stderr(child))",
                        child, expected: "killed by signal \(expected)", actual: child.endDescription))
            }
            return violations
        }
        if child.signal != nil || child.exitStatus != 0 {
            violations.append(
                violation(
                    "\(who) \(child.endDescription), and no fault in the scenario explains it"
                        + stderr(child),
                    child, expected: "exits with status 0", actual: child.endDescription))
        } else if !child.sawDone {
            violations.append(
                violation(
                    "\(who) ended its output without a 'done' line", child, expected: "a final 'done' line",
                    actual: "no 'done' line"))
        } else if let claimed = child.doneSpans, claimed != child.spanLines {
            violations.append(
                violation(
                    "\(who) says it delivered \(claimed) span(s), but \(child.spanLines) arrived", child,
                    expected: "\(claimed) span lines", actual: "\(child.spanLines) span lines"))
        }
        return violations
    }

    private func violation(_ message: String, _ child: ChildOutcome, expected: String, actual: String)
        -> Violation
    {
        Violation(invariant: name, message: message, expected: expected, actual: actual, mark: .run)
    }

    private func stderr(_ child: ChildOutcome) -> String {
        let text = child.standardError.split(separator: "\n").prefix(3).joined(separator: " / ")
        return text.isEmpty ? "" : "; its standard error: \(text.prefix(300))"
    }
}

extension ChildProtocolInvariant {
    /// One per child process.
    public func coverage(_ input: CheckInput) -> Int { input.record.children.count }
}
