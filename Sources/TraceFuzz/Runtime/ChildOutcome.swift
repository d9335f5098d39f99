/// How one child process of a `process` hop ended, and what was wrong with what it wrote.
///
/// The `child-protocol` invariant reads these: a bad line, a missing `done` line, an exit status or a
/// signal that no fault named in the scenario explains.
public struct ChildOutcome: Hashable, Sendable, Codable {
    /// A line the child wrote that is not part of the line protocol.
    public struct BadLine: Hashable, Sendable, Codable {
        /// The line's number in the child's output, 1-based.
        public var number: Int
        /// The start of the line, printable: invalid UTF-8 and control characters escaped.
        public var excerpt: String
        /// Why it was refused.
        public var reason: String

        /// Creates a bad line.
        public init(number: Int, excerpt: String, reason: String) {
            self.number = number
            self.excerpt = excerpt
            self.reason = reason
        }
    }

    /// What a worker reports about its own hygiene when asked (``ProcessHopOptions/diagnostics``).
    public struct Diagnostics: Hashable, Sendable, Codable {
        /// Pipes and sockets the worker had open when it started (its standard input, output and error).
        public var descriptorsAtStart: Int
        /// Pipes and sockets it had open after its last child was reaped, just before `done`.
        public var descriptorsAtEnd: Int
        /// Its children in state Z (exited, not reaped) at that moment.
        public var zombies: Int
        /// The inode numbers of the pipes on its standard input, output and error: the parent's ends
        /// of those pipes must be closed once the child has been reaped.
        public var pipeInodes: [UInt64]

        /// Creates diagnostics.
        public init(descriptorsAtStart: Int, descriptorsAtEnd: Int, zombies: Int, pipeInodes: [UInt64]) {
            self.descriptorsAtStart = descriptorsAtStart
            self.descriptorsAtEnd = descriptorsAtEnd
            self.zombies = zombies
            self.pipeInodes = pipeInodes
        }
    }

    /// The task the child ran, such as `h2.t0 process/fresh`.
    public var site: String
    /// Its process ID (0 if it never started).
    public var pid: Int32
    /// The fault the scenario names for this task, if any.
    public var fault: ProcessFault?
    /// Its exit status, if it exited.
    public var exitStatus: Int32?
    /// The signal that killed it, if one did.
    public var signal: Int32?
    /// Whether its output ended with a `done` line.
    public var sawDone = false
    /// How many spans it delivered.
    public var spanLines = 0
    /// How many spans its `done` line says it delivered.
    public var doneSpans: Int?
    /// Lines that were not protocol (at most ``maxBadLines`` are kept).
    public var badLines: [BadLine] = []
    /// How many bad lines it wrote in all.
    public var badLineCount = 0
    /// Labels of spans it reported ended but not exported when it exited (it did not flush).
    public var unflushed: [String] = []
    /// The start of what it wrote to standard error (bounded).
    public var standardError = ""
    /// Why it could not be started, if it could not.
    public var spawnError: String?
    /// Whether the run's watchdog killed it at the deadline.
    public var killedAtDeadline = false
    /// Its hygiene report, when asked for.
    public var diagnostics: Diagnostics?

    /// How many bad lines an outcome keeps.
    public static let maxBadLines = 4

    /// Creates an outcome for a child at `site`.
    public init(site: String, pid: Int32 = 0, fault: ProcessFault? = nil) {
        self.site = site
        self.pid = pid
        self.fault = fault
    }

    /// `exited with status 0`, `was killed by signal 6 (SIGABRT)`, or `could not be started: …`.
    public var endDescription: String {
        if let spawnError { return "could not be started: \(spawnError)" }
        if let signal { return "was killed by signal \(signal) (\(Self.signalName(signal)))" }
        if let exitStatus { return "exited with status \(exitStatus)" }
        return "did not end"
    }

    /// `SIGABRT` for 6, and so on for the usual signals; `signal N` otherwise.
    public static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP", 6: "SIGABRT", 7: "SIGBUS",
            8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM",
        ]
        return names[signal] ?? "signal \(signal)"
    }
}

/// A span whose loss a fault named in the scenario explains.
public struct ExpectedLoss: Hashable, Sendable, Codable {
    /// The lost span's label.
    public var label: String
    /// The task whose child process lost it.
    public var site: String
    /// Why: `exited without flushing (noFlush)`, `killed by signal 6 before delivering it (crash)`.
    public var reason: String

    /// Creates an expected loss.
    public init(label: String, site: String, reason: String) {
        self.label = label
        self.site = site
        self.reason = reason
    }
}
