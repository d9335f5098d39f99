/// A command's name, one-line summary and help text, as `tracefuzz --help` and `tracefuzz CMD --help`
/// print them.
struct CommandHelp: Hashable, Sendable {
    /// The command's name, as typed after `tracefuzz`.
    var name: String
    /// One line: what the command does.
    var summary: String
    /// Usage lines, without the leading `tracefuzz`, such as `run [--seed S] [--json]`; a line starting
    /// with a space continues the one before.
    var usage: [String]
    /// Flags and details, already indented.
    var details: String

    /// The full help text.
    var text: String {
        var lines = ["\(summary)", "", "usage:"]
        lines += usage.map { line in
            line.hasPrefix(" ") ? "            " + line.drop { $0 == " " } : "  tracefuzz " + line
        }
        if !details.isEmpty { lines += ["", details] }
        return lines.joined(separator: "\n")
    }
}
