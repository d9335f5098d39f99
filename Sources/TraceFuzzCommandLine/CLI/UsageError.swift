/// A command line that cannot be run: an unknown flag, a missing or malformed value, a bad file.
///
/// The message names the offending flag or field; the tool prints it on standard error with a pointer
/// to `--help` and exits with status 2.
///
/// ```swift
/// throw UsageError("--iterations: expected a positive integer, got 'ten'")
/// ```
struct UsageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, starting with the flag or file it is about.
    var message: String

    /// Creates an error with a message that names the offending flag or field.
    init(_ message: String) { self.message = message }

    /// The message.
    var description: String { message }

    /// `--name: message`.
    static func option(_ name: String, _ message: String) -> UsageError {
        UsageError("--\(name): \(message)")
    }
}
