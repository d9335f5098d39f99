extension Duration {
    /// Parses a command-line duration: a number and a unit, `500ms`, `30s`, `1.5s`, `5m` or `1h`;
    /// `nil` if malformed, unitless, or not positive.
    ///
    /// ```swift
    /// Duration(parsing: "30s")   // .seconds(30)
    /// Duration(parsing: "30")    // nil: a unit is required
    /// ```
    init?(parsing text: String) {
        let units: [(suffix: String, millis: Double)] = [
            ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000),
        ]
        for unit in units where text.hasSuffix(unit.suffix) {
            let number = text.dropLast(unit.suffix.count)
            guard !number.isEmpty, number.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                let value = Double(number), value > 0
            else { continue }
            self = .milliseconds(Int64((value * unit.millis).rounded()))
            return
        }
        return nil
    }

    /// Seconds as a floating-point number.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }

    /// The shortest command-line form that parses back to this duration: `500ms`, `30s`, `5m`, `1h`.
    var commandLineForm: String {
        let millis = Int64((seconds * 1000).rounded())
        if millis % 3_600_000 == 0 { return "\(millis / 3_600_000)h" }
        if millis % 60_000 == 0 { return "\(millis / 60_000)m" }
        if millis % 1000 == 0 { return "\(millis / 1000)s" }
        return "\(millis)ms"
    }
}
