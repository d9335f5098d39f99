import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A graceful stop on `SIGINT` (Ctrl-C) or `SIGTERM` (a CI job's timeout) for `run` and `stress`.
///
/// The first signal is recorded and cancels the fuzzing task registered with ``guarding(_:)``: the fuzz
/// loop stops generating, the scenario in flight finishes (its children reaped as usual), shrinking
/// gives up, and the command writes its reports and summary, then exits 130 (`SIGINT`) or 143
/// (`SIGTERM`). A second signal ends the process at once with the same status.
///
/// ```swift
/// let interruption = Interruption.install()
/// let report = await interruption.guarding { await fuzzer.run(seed: 1, budget: budget) }
/// if let signal = interruption.signal { print("interrupted by signal \(signal)") }
/// ```
final class Interruption: Sendable {
    private struct State {
        var signal: Int32?
        var cancel: [@Sendable () -> Void] = []
    }

    private let state = Mutex(State())
    /// A signal source, kept alive for the life of the process. Dispatch sources are thread-safe; the
    /// type only predates `Sendable`.
    private struct Source: @unchecked Sendable {
        let source: any DispatchSourceSignal
    }

    private let sources: Mutex<[Source]> = Mutex([])

    /// The exit status of a process stopped by `signal`: 128 plus its number.
    static func status(for signal: Int32) -> Int32 { 128 + signal }

    /// Starts watching `SIGINT` and `SIGTERM` for the rest of the process.
    static func install() -> Interruption {
        let interruption = Interruption()
        for number in [SIGINT, SIGTERM] {
            _ = Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { interruption.received(number) }
            source.resume()
            let kept = Source(source: source)
            interruption.sources.withLock { $0.append(kept) }
        }
        return interruption
    }

    /// The first signal received, if any.
    var signal: Int32? { state.withLock { $0.signal } }

    /// Whether a stop was asked for.
    var isRequested: Bool { signal != nil }

    /// Runs `body` in a task the first signal cancels; returns what it returns.
    func guarding<T: Sendable>(_ body: @escaping @Sendable () async -> T) async -> T {
        let task = Task { await body() }
        let alreadyStopped = state.withLock { state -> Bool in
            if state.signal != nil { return true }
            state.cancel.append { task.cancel() }
            return false
        }
        if alreadyStopped { task.cancel() }
        return await task.value
    }

    /// Records a signal: the first cancels the guarded work, a second ends the process.
    func received(_ number: Int32) {
        let cancel = state.withLock { state -> [@Sendable () -> Void]? in
            guard state.signal == nil else { return nil }
            state.signal = number
            defer { state.cancel = [] }
            return state.cancel
        }
        guard let cancel else {
            _exit(Self.status(for: signal ?? number))
        }
        let name = number == SIGINT ? "SIGINT" : "SIGTERM"
        let note = "tracefuzz: \(name): stopping after the scenario in flight, then writing reports "
            + "(a second signal ends at once)\n"
        _ = note.utf8CString.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count - 1) }
        for action in cancel { action() }
    }
}

extension Interruption {
    /// Runs `body` guarded by `interruption` when there is one (see ``guarding(_:)``), else plainly.
    static func guarding<T: Sendable>(
        _ interruption: Interruption?, _ body: @escaping @Sendable () async -> T
    ) async -> T {
        guard let interruption else { return await body() }
        return await interruption.guarding(body)
    }

    /// `stopped by SIGTERM: reports written from what ran before it`, or `nil` when no signal came.
    var summaryLine: String? {
        guard let signal else { return nil }
        return "stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM"): the summary and reports cover what ran before it"
    }
}
