extension SpanTreeReport {
    /// The actual tree: exported spans nested by parent span ID, plus a placeholder for every expected
    /// span that was not exported (so its exported children still have somewhere to hang).
    struct ActualTree {
        let input: CheckInput
        let violations: [Violation]

        /// Labels in the order rows are listed: the oracle's pre-order, then labels the scenario does not
        /// know, in export order.
        private var order: [String] {
            var labels = input.expectations.map(\.label)
            var known = Set(labels)
            for span in input.record.exported where known.insert(span.label).inserted {
                labels.append(span.label)
            }
            return labels
        }

        func rows() -> [Row] {
            let expectations = Dictionary(
                input.expectations.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
            let labels = order
            var children: [String: [String]] = [:]
            var roots: [String] = []
            var unknownParents: [String: String] = [:]
            for label in labels {
                guard let span = input.exports(of: label).first, let parentID = span.parentSpanID else {
                    roots.append(label)
                    continue
                }
                if let parent = input.label(ofSpanID: parentID), parent != label {
                    children[parent, default: []].append(label)
                } else {
                    roots.append(label)
                    unknownParents[label] = parentID
                }
            }
            // Spans caught in a parent cycle are reachable from no root: list them as roots.
            var reached: Set<String> = []
            SpanTreeReport.walk(roots: roots, children: children) { label, _ in reached.insert(label) }
            roots += labels.filter { !reached.contains($0) }

            let marks = self.marks()
            var traceNames: [String: String] = [:]
            var rows: [Row] = []
            SpanTreeReport.walk(roots: roots, children: children) { label, prefix in
                let expectation = expectations[label]
                let exported = input.exports(of: label)
                var row = Row(
                    tree: prefix + label, site: expectation?.site ?? "not in the scenario",
                    instance: (exported.first?.exportedBy ?? expectation?.instance).map { "instance \($0)" }
                        ?? "")
                if let trace = input.identity(of: label)?.traceID {
                    if traceNames[trace] == nil { traceNames[trace] = Self.traceName(traceNames.count) }
                    row.trace = "trace \(traceNames[trace]!)"
                }
                if let parentID = unknownParents[label] {
                    row.notes.append("(parent \(parentID) was never seen)")
                }
                if exported.isEmpty && !(marks[label] ?? []).contains(.missing) {
                    row.notes.append("(not exported)")
                }
                // The first mark says what was expected; later ones only name themselves.
                for (index, mark) in (marks[label] ?? []).enumerated() {
                    let detail =
                        index == 0
                        ? describe(mark, label: label, expectation: expectation, exported: exported)
                        : SpanTreeReport.title(of: mark)
                    row.notes.append("✗ " + detail)
                }
                rows.append(row)
            }
            return rows
        }

        /// Each label's marks, each once, in ``markOrder``.
        private func marks() -> [String: [Violation.Mark]] {
            var result: [String: [Violation.Mark]] = [:]
            for violation in violations where violation.mark != .run {
                for label in violation.labels where !(result[label] ?? []).contains(violation.mark) {
                    result[label, default: []].append(violation.mark)
                }
            }
            return result.mapValues { marks in
                marks.sorted { Self.markOrder.firstIndex(of: $0)! < Self.markOrder.firstIndex(of: $1)! }
            }
        }

        /// Causes before consequences: a span in the wrong instance's export is also missing from its own.
        static let markOrder: [Violation.Mark] = [
            .wrongParent, .leaked, .wrongTrace, .wrongInstance, .duplicated, .missing, .run,
        ]

        /// `wrong parent: expected under 'request'` and the like: the mark and what the oracle wanted.
        private func describe(
            _ mark: Violation.Mark, label: String, expectation: SpanExpectation?, exported: [ExportedSpan]
        ) -> String {
            let title = SpanTreeReport.title(of: mark)
            switch mark {
            case .wrongParent:
                guard let expectation else { return title }
                return title + ": "
                    + (expectation.parent.map { "expected under '\($0)'" } ?? "expected a root")
            case .leaked:
                if expectation?.parent == nil, exported.first?.parentSpanID != nil {
                    return title + ": expected a root"
                }
                return title + ": left current on a worker thread"
            case .wrongTrace:
                guard let expectation else { return title }
                if expectation.parent == nil { return title + ": shares a trace with another root" }
                return title + ": expected the trace of '\(expectation.traceRoot)'"
            case .missing:
                if let instance = expectation?.instance, !exported.isEmpty {
                    return exported.contains { $0.exportedBy == instance }
                        ? title + ": exported only after a flush that had to cover it"
                        : title + ": not exported by instance \(instance)"
                }
                return input.record.ended.contains(label)
                    ? title + ": ended, not exported" : title + ": never ended"
            case .duplicated:
                return exported.count > 1
                    ? title + ": exported \(exported.count) times" : title + ": span ID reused"
            case .wrongInstance:
                guard let expectation, let span = exported.first else { return title }
                let session = span.sessionInstance.map { "session \($0)" } ?? "no session"
                return title
                    + ": exported by \(span.exportedBy) with \(session), expected \(expectation.instance)"
            case .run:
                return title
            }
        }

        /// `A` … `Z`, then `AA`, `AB`, …
        static func traceName(_ index: Int) -> String {
            let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
            return index < letters.count
                ? String(letters[index])
                : traceName(index / letters.count - 1) + String(letters[index % letters.count])
        }
    }
}
