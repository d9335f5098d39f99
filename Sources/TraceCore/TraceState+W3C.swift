extension TraceState {
    /// Parses a `tracestate` header value; `nil` if it breaks the W3C grammar.
    ///
    /// Members are separated by `,` with optional spaces or tabs around them; empty members are
    /// skipped. The whole value is rejected (not truncated) if a key or value is invalid, a key repeats,
    /// or there are more than ``maxMembers`` members.
    ///
    /// ```swift
    /// let state = TraceState(headerValue: "congo=t61rcWkgMzE,rojo=00f067aa0ba902b7")
    /// state?["rojo"]  // "00f067aa0ba902b7"
    /// ```
    public init?(headerValue: String) {
        guard case .success(let state) = Self.parse(headerValue) else { return nil }
        self = state
    }

    /// Parses a `tracestate` header value, saying why it is invalid.
    public static func parse(_ headerValue: String) -> Result<TraceState, W3CRejection> {
        var entries: [Entry] = []
        var keys: Set<Substring> = []
        for rawMember in headerValue.split(separator: ",", omittingEmptySubsequences: false) {
            let member = rawMember.trimmingOptionalWhitespace()
            if member.isEmpty { continue }
            guard let equals = member.firstIndex(of: "=") else { return .failure(.malformedTracestate) }
            let key = member[..<equals]
            let value = member[member.index(after: equals)...]
            guard isValidKey(key), isValidValue(value), keys.insert(key).inserted else {
                return .failure(.malformedTracestate)
            }
            entries.append(Entry(key: String(key), value: String(value)))
            if entries.count > maxMembers { return .failure(.tooManyTracestateMembers) }
        }
        return .success(TraceState(entries: entries))
    }

    /// The `tracestate` header value: `key=value` members joined by `,`, most recent first.
    public var headerValue: String {
        entries.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// A copy with `key` set to `value` and moved to the front (the W3C update rule); `nil` if the key or
    /// value is invalid. When the list is full, the last member is dropped to make room.
    public func setting(_ key: String, to value: String) -> TraceState? {
        guard Self.isValidKey(Substring(key)), Self.isValidValue(Substring(value)) else { return nil }
        let others = entries.filter { $0.key != key }
        return TraceState(entries: [Entry(key: key, value: value)] + others.prefix(Self.maxMembers - 1))
    }

    /// A copy without `key`.
    public func removing(_ key: String) -> TraceState {
        TraceState(entries: entries.filter { $0.key != key })
    }

    /// Whether `key` is a valid member key.
    ///
    /// A simple key is `[a-z0-9][a-z0-9_\-*/]{0,255}`. A multi-tenant key is `tenant@system`, with
    /// `tenant` as `[a-z0-9][a-z0-9_\-*/]{0,240}` and `system` as `[a-z][a-z0-9_\-*/]{0,13}`.
    public static func isValidKey(_ key: Substring) -> Bool {
        let bytes = Array(key.utf8)
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else {
            return isKeyPart(bytes[...], maxLength: 256, letterFirst: false)
        }
        return isKeyPart(bytes[..<at], maxLength: 241, letterFirst: false)
            && isKeyPart(bytes[(at + 1)...], maxLength: 14, letterFirst: true)
    }

    /// Whether `value` is a valid member value: 1 to 256 printable ASCII characters other than `,` and
    /// `=`, not ending in a space.
    public static func isValidValue(_ value: Substring) -> Bool {
        let bytes = value.utf8
        guard (1...256).contains(bytes.count), bytes.last != UInt8(ascii: " ") else { return false }
        return bytes.allSatisfy { byte in
            (0x20...0x7e).contains(byte) && byte != UInt8(ascii: ",") && byte != UInt8(ascii: "=")
        }
    }

    private static func isKeyPart(_ bytes: ArraySlice<UInt8>, maxLength: Int, letterFirst: Bool) -> Bool {
        guard let first = bytes.first, bytes.count <= maxLength else { return false }
        let isLower = { (byte: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        guard isLower(first) || (!letterFirst && isDigit(first)) else { return false }
        return bytes.dropFirst().allSatisfy { byte in
            isLower(byte) || isDigit(byte) || "_-*/".utf8.contains(byte)
        }
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (HTTP's optional whitespace).
    func trimmingOptionalWhitespace() -> Substring {
        let isWhitespace = { (character: Character) in character == " " || character == "\t" }
        guard let start = firstIndex(where: { !isWhitespace($0) }) else { return self[endIndex...] }
        let end = lastIndex(where: { !isWhitespace($0) })!
        return self[start...end]
    }
}
