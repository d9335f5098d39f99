/// Numbers distinct strings `0, 1, 2, …` in the order they are first seen, so the checker compares
/// labels and IDs as `Int`s after one lookup each.
///
/// Labels and hex IDs are ASCII, and for ASCII strings `==` is byte equality, so the table hashes their
/// UTF-8 bytes with a cheap multiplicative hash instead of `Hasher`'s SipHash (which dominated the
/// checker's time). A non-ASCII key switches the table to a `Dictionary`, which keeps `String`'s
/// Unicode equivalence; a non-ASCII query against an all-ASCII table is answered by a scan, as such a
/// string can still equal an ASCII key (U+212A KELVIN SIGN equals `K`).
struct StringTable: Sendable {
    /// The distinct strings, by number.
    private(set) var keys: [String] = []
    /// Open-addressed slots: 0 is empty, else the key's hash in the high 32 bits and its number + 1 in
    /// the low 32.
    private var slots: [UInt64]
    private var mask: Int
    /// Set once a non-ASCII key is added: from then on every key is numbered through it.
    private var fallback: [String: Int]?

    /// An empty table sized for `capacity` keys.
    init(capacity: Int = 0) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        keys.reserveCapacity(capacity)
    }

    /// How many distinct strings were added.
    var count: Int { keys.count }

    /// The number of `key`, adding it if new; `inserted` says whether it was new.
    mutating func insert(_ key: String) -> (number: Int, inserted: Bool) {
        if fallback != nil { return insertInFallback(key) }
        guard let hash = Self.asciiHash(key) else {
            var table = [String: Int](minimumCapacity: keys.count + 1)
            for (number, known) in keys.enumerated() { table[known] = number }
            fallback = table
            return insertInFallback(key)
        }
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = hash & 0xffff_ffff_0000_0000
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry & 0xffff_ffff_0000_0000 == tag {
                let number = Int(truncatingIfNeeded: entry & 0xffff_ffff) - 1
                if keys[number] == key { return (number, false) }
            }
            slot = (slot + 1) & mask
        }
        let number = keys.count
        keys.append(key)
        slots[slot] = tag | UInt64(number + 1)
        if keys.count * 2 > slots.count { grow() }
        return (number, true)
    }

    /// The number of `key`, or `nil` if it was never added.
    func number(of key: String) -> Int? {
        if let fallback { return fallback[key] }
        guard let hash = Self.asciiHash(key) else { return keys.firstIndex(of: key) }
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = hash & 0xffff_ffff_0000_0000
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry & 0xffff_ffff_0000_0000 == tag {
                let number = Int(truncatingIfNeeded: entry & 0xffff_ffff) - 1
                if keys[number] == key { return number }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func insertInFallback(_ key: String) -> (number: Int, inserted: Bool) {
        if let number = fallback?[key] { return (number, false) }
        let number = keys.count
        keys.append(key)
        fallback?[key] = number
        return (number, true)
    }

    private mutating func grow() {
        let size = slots.count * 2
        var grown = [UInt64](repeating: 0, count: size)
        let newMask = size - 1
        for entry in slots where entry != 0 {
            let number = Int(truncatingIfNeeded: entry & 0xffff_ffff) - 1
            var slot = Int(truncatingIfNeeded: Self.asciiHash(keys[number])!) & newMask
            while grown[slot] != 0 { slot = (slot + 1) & newMask }
            grown[slot] = entry
        }
        slots = grown
        mask = newMask
    }

    /// A 64-bit hash of an ASCII string's bytes, or `nil` if the string is not ASCII.
    @inline(__always)
    static func asciiHash(_ string: String) -> UInt64? {
        if let hash = string.utf8.withContiguousStorageIfAvailable({ hashBytes($0) }) { return hash }
        return Array(string.utf8).withUnsafeBufferPointer { hashBytes($0) }
    }

    private static func hashBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(truncatingIfNeeded: bytes.count) &* multiplier
        var high: UInt64 = 0
        var offset = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                high |= word
                hash = (hash ^ word) &* multiplier
                hash ^= hash >> 29
                offset += 8
            }
        }
        if offset < bytes.count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                word |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            high |= word
            hash = (hash ^ word) &* multiplier
            hash ^= hash >> 29
        }
        guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
        hash = (hash ^ (hash >> 32)) &* multiplier
        return hash ^ (hash >> 29)
    }
}
