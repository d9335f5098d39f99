/// The W3C `tracestate` list: ordered vendor key/value pairs, at most ``maxMembers`` of them.
public struct TraceState: Hashable, Sendable {
    /// The most members a trace state keeps (the W3C limit).
    public static let maxMembers = 32

    /// The members, most recently updated first.
    public private(set) var entries: [Entry]

    /// One `key=value` member.
    public struct Entry: Hashable, Sendable {
        /// The member key.
        public var key: String
        /// The member value.
        public var value: String

        /// Creates a member.
        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Creates a trace state from members; members past ``maxMembers`` are dropped.
    public init(entries: [Entry] = []) {
        self.entries = Array(entries.prefix(Self.maxMembers))
    }

    /// Whether there are no members.
    public var isEmpty: Bool { entries.isEmpty }

    /// The value for a key, if present.
    public subscript(key: String) -> String? {
        entries.first { $0.key == key }?.value
    }
}
