import Testing

@testable import TraceFuzzCommandLine

@Suite("ArgumentScanner")
struct ArgumentScannerTests {
    private func scan(_ arguments: [String], valued: Set<String> = ["seed"]) throws(UsageError) -> [String] {
        var scanner = ArgumentScanner(arguments)
        var seen: [String] = []
        while let argument = try scanner.next() {
            switch argument {
            case .flag(let name) where valued.contains(name):
                seen.append("\(name)=\(try scanner.value(for: name))")
            case .flag(let name): seen.append(name)
            case .positional(let value): seen.append("[\(value)]")
            }
        }
        return seen
    }

    @Test("reads flags with separate and inline values, boolean flags and positionals")
    func readsFlags() throws {
        #expect(try scan(["--seed", "42", "--json", "file.json"]) == ["seed=42", "json", "[file.json]"])
        #expect(try scan(["--seed=0x2a"]) == ["seed=0x2a"])
    }

    @Test("everything after -- is positional")
    func doubleDash() throws {
        #expect(try scan(["--", "--seed", "-x"]) == ["[--seed]", "[-x]"])
    }

    @Test("a flag missing its value names the flag")
    func missingValue() {
        #expect(throws: UsageError("--seed: expects a value")) { try scan(["--seed"]) }
        #expect(throws: UsageError("--seed: expects a value")) { try scan(["--seed", "--json"]) }
    }

    @Test("an inline value on a boolean flag is an error")
    func inlineValueOnBoolean() {
        #expect(throws: UsageError("--json: takes no value, got 'yes'")) { try scan(["--json=yes"]) }
    }

    @Test("single-dash options are rejected, negative numbers are values")
    func singleDash() throws {
        #expect(throws: UsageError.self) { try scan(["-x"]) }
        #expect(try scan(["--seed", "-1"]) == ["seed=-1"])
    }

    @Test("typed values report what was expected")
    func typedValue() {
        var scanner = ArgumentScanner(["--iterations", "ten"])
        #expect(throws: UsageError("--iterations: expected an integer, got 'ten'")) {
            _ = try scanner.next()
            _ = try scanner.value(for: "iterations", expected: "an integer") { Int($0) }
        }
    }

    @Test(
        "help is recognised before -- only",
        arguments: [
            (["--json", "-h"], true), (["--help"], true), (["--", "--help"], false), (["--json"], false),
        ])
    func asksForHelp(arguments: [String], expected: Bool) {
        #expect(ArgumentScanner.asksForHelp(arguments) == expected)
    }
}
