import Foundation
import TraceCore

/// The parent's side of one child process: reads its lines as they arrive, merges them into the run's
/// log (spans at once, so a span that arrived is known even if the child later hangs), and, once the
/// child has been reaped, records how it ended and which losses its named fault explains.
///
/// A line that is not protocol never stops the parent: it is kept, with its number and a printable
/// excerpt, for the `child-protocol` invariant.
final class ChildSession: Sendable {
    private let site: String
    private let fault: ProcessFault?
    private let subtree: [String]
    private let log: RunLog
    private let observer: (any ExecutionObserver)?
    private let state: StateLock<State>

    private struct State {
        var outcome: ChildOutcome
        var lineNumber = 0
        var delivered: Set<String> = []
        var unterminated: [UInt8]?
        let decoder = JSONDecoder()
    }

    /// A session for the child at `site`, whose task makes the spans `subtree`; `fault` is the fault the
    /// scenario names for it.
    init(
        site: String, fault: ProcessFault?, subtree: [String], log: RunLog, observer: (any ExecutionObserver)?
    ) {
        self.site = site
        self.fault = fault
        self.subtree = subtree
        self.log = log
        self.observer = observer
        self.state = StateLock(State(outcome: ChildOutcome(site: site, fault: fault)))
    }

    /// Takes one piece of the child's standard output.
    func receive(_ output: ChildProcess.Output) {
        switch output {
        case .line(let bytes):
            let line: WorkerLine? = state.withLock { state in
                state.lineNumber += 1
                if state.outcome.sawDone {
                    Self.refuse(bytes, "a line after 'done'", in: &state)
                    return nil
                }
                do {
                    return try state.decoder.decode(WorkerLine.self, from: Data(bytes))
                } catch {
                    Self.refuse(bytes, Self.reason(error), in: &state)
                    return nil
                }
            }
            if let line { take(line) }
        case .tooLong(let prefix):
            state.withLock { state in
                state.lineNumber += 1
                Self.refuse(prefix, "longer than \(ChildProcess.maxLineBytes) bytes", in: &state)
            }
        case .unterminated(let bytes):
            state.withLock { $0.unterminated = bytes }
        }
    }

    private func take(_ line: WorkerLine) {
        switch line {
        case .span(var span):
            // Where the span was made: a grandchild's spans keep the site their own child gave them.
            span.origin = span.origin ?? site
            log.remoteSpan(span)
            state.withLock { state in
                state.outcome.spanLines += 1
                state.delivered.insert(span.label)
            }
            observer?.delivered(span)
        case .observed(let observed): log.observe(observed.label, observed.identity)
        case .ended(let ended): log.remoteEnded(ended.label)
        case .flush(let flush): log.record(flush)
        case .leak(let leak): log.leak(leak)
        case .dropped(let dropped): log.remoteDropped(instance: dropped.instance, count: dropped.count)
        case .unflushed(let unflushed): state.withLock { $0.outcome.unflushed.append(unflushed.label) }
        case .loss(let loss): log.expectedLoss(loss)
        case .child(let outcome): log.child(outcome)
        case .tasks(let count): log.remoteTasks(count.count)
        case .diagnostics(let diagnostics): state.withLock { $0.outcome.diagnostics = diagnostics }
        case .unsupported(let unsupported): log.unsupported("in child \(site): \(unsupported.reason)")
        case .done(let done):
            state.withLock { state in
                state.outcome.sawDone = true
                state.outcome.doneSpans = done.spans
            }
        }
    }

    /// Records how the child ended, and the losses its named fault explains.
    func finish(_ exit: ChildProcess.Exit) {
        let (outcome, delivered) = state.withLock { state in
            state.outcome.pid = exit.pid
            state.outcome.exitStatus = exit.status
            state.outcome.signal = exit.signal
            state.outcome.spawnError = exit.spawnError
            state.outcome.killedAtDeadline = exit.killed
            state.outcome.standardError = String(decoding: exit.standardError, as: UTF8.self)
            // A line torn by a signal is what dying mid-write looks like; otherwise it is a protocol error.
            if let torn = state.unterminated, exit.signal == nil {
                state.lineNumber += 1
                Self.refuse(torn, "no newline before the output ended", in: &state)
            }
            return (state.outcome, state.delivered)
        }
        for loss in expectedLosses(outcome, delivered: delivered) { log.expectedLoss(loss) }
        log.child(outcome)
    }

    private func expectedLosses(_ outcome: ChildOutcome, delivered: Set<String>) -> [ExpectedLoss] {
        guard let fault, !outcome.killedAtDeadline else { return [] }
        switch fault.kind {
        case .noFlush:
            return outcome.unflushed.map {
                ExpectedLoss(
                    label: $0, site: site,
                    reason: "ended but not exported when the child exited without flushing (noFlush)")
            }
        case .crash:
            guard let signal = outcome.signal else { return [] }
            let reason =
                "not delivered before the child died on signal \(signal) "
                + "(\(ChildOutcome.signalName(signal))) (crash)"
            return subtree.filter { !delivered.contains($0) }.map {
                ExpectedLoss(label: $0, site: site, reason: reason)
            }
        case .hang, .garbage:
            return []
        }
    }

    private static func refuse(_ bytes: [UInt8], _ reason: String, in state: inout State) {
        state.outcome.badLineCount += 1
        guard state.outcome.badLines.count < ChildOutcome.maxBadLines else { return }
        state.outcome.badLines.append(
            ChildOutcome.BadLine(number: state.lineNumber, excerpt: excerpt(bytes), reason: reason))
    }

    /// The first 80 characters of a line, with control characters and invalid UTF-8 escaped
    /// (`\u{0}`, `\xff`).
    static func excerpt(_ bytes: [UInt8]) -> String {
        var text = ""
        var index = 0
        var count = 0
        while index < bytes.count {
            guard count < 80 else { return text + "…" }
            count += 1
            let lead = bytes[index]
            let length =
                lead < 0x80
                ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            if length > 0, index + length <= bytes.count,
                let scalar = String(validating: bytes[index..<(index + length)], as: UTF8.self)?
                    .unicodeScalars.first
            {
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    text += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
                index += length
            } else {
                text += "\\x" + (lead < 16 ? "0" : "") + String(lead, radix: 16)
                index += 1
            }
        }
        return text
    }

    private static func reason(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not a protocol line" }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "not a JSON object"
        case .dataCorrupted(let context):
            return "bad field \(JSONPath.render(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "missing field \(JSONPath.render(context.codingPath + [key]))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(JSONPath.render(context.codingPath))"
        @unknown default:
            return "not a protocol line"
        }
    }

    /// The labels of every span in `steps`, however deeply nested in spans and hops.
    static func spanLabels(in steps: [Step]) -> [String] {
        steps.flatMap { step -> [String] in
            switch step {
            case .span(let span): [span.label] + spanLabels(in: span.children)
            case .hop(let hop): hop.tasks.flatMap { spanLabels(in: $0) }
            default: []
            }
        }
    }
}
