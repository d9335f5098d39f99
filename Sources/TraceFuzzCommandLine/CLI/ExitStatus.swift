/// How a command ended, as the process exit status scripts and CI read.
///
/// ```text
/// 0  clean: nothing broke
/// 1  a finding: an invariant broke (or a replay failed)
/// 2  bad usage or bad input: the message on standard error names the flag or field
/// ```
enum ExitStatus: Int32, Hashable, Sendable, CustomStringConvertible {
    /// Nothing broke.
    case clean = 0
    /// An invariant broke.
    case finding = 1
    /// The command line or an input file was wrong.
    case badInput = 2
    /// Stopped by `SIGINT` (Ctrl-C), after writing its reports: 128 + 2.
    case interrupted = 130
    /// Stopped by `SIGTERM`, after writing its reports: 128 + 15.
    case terminated = 143

    /// The numeric status and its meaning, such as `1 (a finding)`.
    var description: String {
        switch self {
        case .clean: "0 (clean)"
        case .finding: "1 (a finding)"
        case .badInput: "2 (bad usage or input)"
        case .interrupted: "130 (stopped by SIGINT)"
        case .terminated: "143 (stopped by SIGTERM)"
        }
    }
}

extension ExitStatus {
    /// The status of a command stopped by `signal` (`SIGINT` or `SIGTERM`); `nil` for none.
    init?(stoppedBy signal: Int32?) {
        guard let signal, let status = ExitStatus(rawValue: Interruption.status(for: signal)) else { return nil }
        self = status
    }
}
