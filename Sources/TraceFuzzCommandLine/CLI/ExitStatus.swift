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

    /// The numeric status and its meaning, such as `1 (a finding)`.
    var description: String {
        switch self {
        case .clean: "0 (clean)"
        case .finding: "1 (a finding)"
        case .badInput: "2 (bad usage or input)"
        }
    }
}
