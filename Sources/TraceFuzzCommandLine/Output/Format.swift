/// Number and table formatting for human-readable output.
enum Format {
    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }

    /// A value with a fixed number of decimals: `fixed(2.345, 2)` is `2.35`, thousands grouped.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        guard decimals > 0 else { return grouped(scaled) }
        let sign = scaled < 0 ? "-" : ""
        let whole = grouped(abs(scaled) / scale)
        let fraction = String(abs(scaled) % scale)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// A span of seconds as a clock reading, rounded down: `45s`, `9m50s`, `1h02m`.
    static func clock(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded(.down)))
        if total >= 3600 {
            let minutes = total / 60 % 60
            return "\(total / 3600)h" + (minutes < 10 ? "0" : "") + "\(minutes)m"
        }
        if total >= 60 {
            let rest = total % 60
            return "\(total / 60)m" + (rest < 10 ? "0" : "") + "\(rest)s"
        }
        return "\(total)s"
    }

    /// Rows of cells as aligned text: every column but the last padded to its widest cell; columns
    /// listed in `rightAligned` are padded on the left. Lines carry no trailing spaces.
    static func table(_ rows: [[String]], indent: String = "  ", rightAligned: Set<Int> = []) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        return rows.map { row in
            var line = indent
            for (column, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                let isLast = column == row.count - 1
                if rightAligned.contains(column) {
                    line += padding + cell
                } else {
                    line += isLast ? cell : cell + padding
                }
                if !isLast { line += "  " }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
