import Foundation
import TraceCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A worker's standard output: writes protocol lines one whole line per `write`, streams the spans the
/// worker's tracer exports (checked each time one of its spans ends) and the spans its own children
/// deliver, and commits the worker's fault when its moment comes.
final class WorkerOutput<Adapter: TracerAdapter>: ExecutionObserver {
    private let adapter: Adapter
    private let fault: ProcessFault?
    private let garbage: [UInt8]
    private let state = StateLock(State())

    private struct State {
        var delivered: Set<String> = []
        var spanLines = 0
        var ended = 0
        var struck = false
        let encoder: JSONEncoder = {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return encoder
        }()
    }

    /// An output for a worker with `adapter`, committing `fault`; `seed` picks the garbage line.
    init(adapter: Adapter, fault: ProcessFault?, seed: UInt64) {
        self.adapter = adapter
        self.fault = fault
        self.garbage = ProcessFault.garbageLines[Int(seed % UInt64(ProcessFault.garbageLines.count))]
    }

    /// Streams newly exported spans, counts the end, and commits the fault if this was its moment.
    func spanEnded(_ label: String, instance: Int) {
        let strike = state.withLock { state -> Bool in
            deliverExported(&state)
            state.ended += 1
            return claimStrike(&state, reached: state.ended >= (fault?.afterSpans ?? .max))
        }
        if strike { commitFault() }
    }

    /// Passes a span a child delivered straight on to this worker's parent.
    func delivered(_ span: ExportedSpan) {
        state.withLock { state in
            write(.span(span), &state)
            state.spanLines += 1
        }
    }

    /// Commits a fault due before the first step (`afterSpans` 0).
    func strikeBeforeSteps() {
        if state.withLock({ claimStrike(&$0, reached: fault?.afterSpans == 0) }) { commitFault() }
    }

    /// Commits a fault whose moment never came (the worker had fewer spans), after the last step.
    func strikeAfterSteps() {
        if state.withLock({ claimStrike(&$0, reached: true) }) { commitFault() }
    }

    /// Streams every span exported and not yet delivered; returns the labels of every span the tracer
    /// had exported at that moment (one snapshot, so "exported" and "delivered" agree).
    @discardableResult
    func deliverExported() -> Set<String> {
        state.withLock { deliverExported(&$0) }
    }

    /// Writes one line.
    func write(_ line: WorkerLine) {
        state.withLock { write(line, &$0) }
    }

    /// How many span lines were written.
    var spanLines: Int { state.withLock { $0.spanLines } }

    private func claimStrike(_ state: inout State, reached: Bool) -> Bool {
        guard let fault, fault.kind != .noFlush, !state.struck, reached else { return false }
        state.struck = true
        return true
    }

    @discardableResult
    private func deliverExported(_ state: inout State) -> Set<String> {
        var labels: Set<String> = []
        for span in adapter.exportedSpans() {
            labels.insert(span.label)
            guard state.delivered.insert(span.label).inserted else { continue }
            write(.span(span), &state)
            state.spanLines += 1
        }
        return labels
    }

    private func write(_ line: WorkerLine, _ state: inout State) {
        SystemCalls.writeAll(1, line.encoded(with: state.encoder))
    }

    private func commitFault() {
        guard let fault else { return }
        switch fault.kind {
        case .crash: Self.die(on: Int32(fault.crashSignal))
        case .hang:
            while true { sleep(3600) }
        case .garbage: state.withLock { _ in _ = SystemCalls.writeAll(1, garbage + [UInt8(ascii: "\n")]) }
        case .noFlush: break
        }
    }

    /// Dies on `signal` with its default action: no handler, no core file.
    static func die(on signal: Int32) -> Never {
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        #if canImport(Glibc)
            setrlimit(Int32(RLIMIT_CORE.rawValue), &noCore)
        #else
            setrlimit(RLIMIT_CORE, &noCore)
        #endif
        #if canImport(Glibc)
            Glibc.signal(signal, SIG_DFL)
        #else
            Darwin.signal(signal, SIG_DFL)
        #endif
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, signal)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(signal)
        kill(getpid(), SIGKILL)
        while true { pause() }
    }
}

extension ProcessFault {
    /// Lines that are not protocol, one per `garbage` fault, picked by the worker's seed.
    static let garbageLines: [[UInt8]] = [
        Array("this is not a protocol line".utf8),
        [0xff, 0xfe, 0x00, 0x41, 0x7b],
        Array(#"{"type":"span","label":"#.utf8),
        Array(#"{"type":"confetti","count":3}"#.utf8),
        Array("[1,2,3]".utf8),
        Array(#"{"type":"span","label":"forged"}"#.utf8),
    ]
}
