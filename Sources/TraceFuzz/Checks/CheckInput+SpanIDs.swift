extension CheckInput {
    /// Pairs of exported spans (positions) with different labels and the same span ID: each span is
    /// paired with the last earlier span that had its ID.
    ///
    /// The table holds positions and compares IDs in place in `exported`, so no ID is copied (copying
    /// retains and releases it). IDs are hashed as ``StringTable`` hashes them; a non-ASCII ID sends the
    /// whole pass to a `Dictionary`, which keeps `String`'s Unicode equivalence.
    static func spansSharingIDs(_ exported: [ExportedSpan]) -> [(Int, Int)] {
        var size = 16
        while size < exported.count * 2 { size <<= 1 }
        let mask = size - 1
        // The position of the last span seen with each ID, or -1.
        var slots = [Int](repeating: -1, count: size)
        var shared: [(Int, Int)] = []
        for position in exported.indices {
            guard let hash = StringTable.asciiHash(exported[position].identity.spanID) else {
                return spansSharingIDsByDictionary(exported)
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let other = slots[slot]
                if other < 0 {
                    slots[slot] = position
                    break
                }
                if exported[other].identity.spanID == exported[position].identity.spanID {
                    if exported[other].label != exported[position].label { shared.append((other, position)) }
                    slots[slot] = position
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        return shared
    }

    private static func spansSharingIDsByDictionary(_ exported: [ExportedSpan]) -> [(Int, Int)] {
        var positionBySpanID: [String: Int] = [:]
        positionBySpanID.reserveCapacity(exported.count)
        var shared: [(Int, Int)] = []
        for position in exported.indices {
            if let other = positionBySpanID.updateValue(position, forKey: exported[position].identity.spanID),
                exported[other].label != exported[position].label
            {
                shared.append((other, position))
            }
        }
        return shared
    }
}
