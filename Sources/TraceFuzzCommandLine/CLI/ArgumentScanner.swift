/// A small hand-written command-line scanner: flags (`--name value`, `--name=value`, boolean `--name`)
/// and positional arguments, read one at a time by the command that owns them.
///
/// A command loops over ``next()`` and asks for a flag's value with ``value(for:)``; whatever it does
/// not recognise it rejects with ``unknown(_:)``. A value given inline to a flag that takes none
/// (`--json=yes`) is an error, and `--` ends the flags.
///
/// ```swift
/// var scanner = ArgumentScanner(["--seed", "0x2a", "--json", "file.json"])
/// while let argument = try scanner.next() {
///     switch argument {
///     case .flag("seed"): seed = try scanner.value(for: "seed")
///     case .flag("json"): json = true
///     case .positional(let path): file = path
///     case .flag(let name): throw scanner.unknown(name)
///     }
/// }
/// ```
struct ArgumentScanner: Sendable {
    /// One argument as the scanner sees it.
    enum Argument: Hashable, Sendable {
        /// `--name` or `--name=value` (the value, if inline, waits for ``ArgumentScanner/value(for:)``).
        case flag(String)
        /// Anything not starting with `-`, or anything after `--`.
        case positional(String)
    }

    private var remaining: ArraySlice<String>
    private var inlineValue: (flag: String, value: String)?
    private var flagsEnded = false

    /// Scans `arguments` (without the program and command names).
    init(_ arguments: [String]) { remaining = arguments[...] }

    /// The next flag's name, or `nil` at the end, for a command that takes no positional argument: one
    /// is bad usage (`unexpected argument 'x'`).
    mutating func nextFlag() throws(UsageError) -> String? {
        switch try next() {
        case .flag(let name): return name
        case .positional(let value): throw UsageError("unexpected argument '\(value)'")
        case nil: return nil
        }
    }

    /// The next argument, or `nil` at the end. Throws if the previous flag was given an inline value
    /// it did not take.
    mutating func next() throws(UsageError) -> Argument? {
        if let pending = inlineValue {
            throw UsageError.option(pending.flag, "takes no value, got '\(pending.value)'")
        }
        guard let argument = remaining.popFirst() else { return nil }
        if flagsEnded { return .positional(argument) }
        if argument == "--" {
            flagsEnded = true
            return try next()
        }
        if argument.hasPrefix("--") {
            let body = argument.dropFirst(2)
            if let equals = body.firstIndex(of: "=") {
                let name = String(body[..<equals])
                inlineValue = (name, String(body[body.index(after: equals)...]))
                return .flag(name)
            }
            return .flag(String(body))
        }
        if argument.hasPrefix("-") && argument.count > 1 && !argument.dropFirst().allSatisfy(\.isNumber) {
            throw UsageError("unknown option '\(argument)' (flags are spelled --name)")
        }
        return .positional(argument)
    }

    /// The value of flag `name`: inline (`--name=value`) or the next argument.
    mutating func value(for name: String) throws(UsageError) -> String {
        if let pending = inlineValue {
            inlineValue = nil
            return pending.value
        }
        guard let value = remaining.first, flagsEnded || !value.hasPrefix("--") else {
            throw UsageError.option(name, "expects a value")
        }
        remaining.removeFirst()
        return value
    }

    /// The value of flag `name` if it has one: inline (`--name=value`), or a next argument that is not a
    /// flag. `nil` (the flag stands alone) leaves the next argument where it is.
    mutating func optionalValue(for name: String) -> String? {
        if let pending = inlineValue {
            inlineValue = nil
            return pending.value
        }
        guard !flagsEnded, let value = remaining.first, !value.hasPrefix("-") else { return nil }
        remaining.removeFirst()
        return value
    }

    /// The value of flag `name`, converted by `parse`; a `nil` result is reported as `expected`.
    mutating func value<Value>(
        for name: String, expected: String, _ parse: (String) -> Value?
    ) throws(UsageError) -> Value {
        let text = try value(for: name)
        guard let parsed = parse(text) else {
            throw UsageError.option(name, "expected \(expected), got '\(text)'")
        }
        return parsed
    }

    /// The error for a flag the command does not know.
    func unknown(_ name: String) -> UsageError {
        UsageError("unknown option '--\(name)'")
    }

    /// Whether `arguments` ask for help (`-h` or `--help` before any `--`).
    static func asksForHelp(_ arguments: [String]) -> Bool {
        for argument in arguments {
            if argument == "--" { return false }
            if argument == "-h" || argument == "--help" { return true }
        }
        return false
    }
}
