import Testing

@testable import TraceFuzz

@Suite("StringTable")
struct StringTableTests {
    struct Added: Equatable {
        var number: Int
        var inserted: Bool
    }

    func add(_ key: String, to table: inout StringTable) -> Added {
        let (number, inserted) = table.insert(key)
        return Added(number: number, inserted: inserted)
    }

    @Test("numbers distinct strings in the order first seen, and finds them again")
    func numbersInOrder() {
        var table = StringTable()
        #expect(add("a", to: &table) == Added(number: 0, inserted: true))
        #expect(add("b", to: &table) == Added(number: 1, inserted: true))
        #expect(add("a", to: &table) == Added(number: 0, inserted: false))
        #expect(table.number(of: "b") == 1)
        #expect(table.number(of: "c") == nil)
        #expect(table.keys == ["a", "b"])
    }

    @Test("grows past its capacity; long keys that differ only near the end stay apart")
    func growsAndKeepsLongKeysApart() {
        var table = StringTable(capacity: 2)
        let keys = (0..<1000).map { String(repeating: "0", count: 24) + String($0, radix: 16) }
        for (number, key) in keys.enumerated() {
            #expect(add(key, to: &table) == Added(number: number, inserted: true))
        }
        for (number, key) in keys.enumerated() { #expect(table.number(of: key) == number) }
        #expect(table.count == 1000)
        #expect(add("", to: &table) == Added(number: 1000, inserted: true))
        #expect(table.number(of: "") == 1000)
    }

    @Test("non-ASCII keys are equal as Strings are: by canonical equivalence")
    func unicodeEquivalence() {
        var table = StringTable()
        #expect(add("K", to: &table) == Added(number: 0, inserted: true))
        // U+212A KELVIN SIGN is canonically equivalent to K, so it is found in an all-ASCII table…
        #expect(table.number(of: "\u{212A}") == 0)
        // …and adding it (which switches the table to a Dictionary) numbers it as K.
        #expect(add("\u{212A}", to: &table) == Added(number: 0, inserted: false))
        #expect(add("caf\u{E9}", to: &table) == Added(number: 1, inserted: true))
        #expect(add("cafe\u{301}", to: &table) == Added(number: 1, inserted: false))
        #expect(table.number(of: "K") == 0)
        #expect(add("plain", to: &table) == Added(number: 2, inserted: true))
        #expect(table.number(of: "plain") == 2)
    }
}
