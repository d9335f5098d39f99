import Foundation

/// What `tracefuzz bench --json` prints: every figure by name.
///
/// ```json
/// { "figures": { "checker.spans_per_s": { "baseline": 9100000, "baselineName": "bare.index_spans_per_s",
///   "ratio": 0.31, "unit": "spans/s", "value": 2830000 }, ... } }
/// ```
struct BenchDocument: Codable, Sendable {
    /// One figure: its value and unit, and its baseline and the ratio to it where there is one.
    struct Figure: Codable, Sendable {
        var value: Double
        var unit: String
        var baseline: Double?
        var baselineName: String?
        var ratio: Double?
    }

    /// The figures by name.
    var figures: [String: Figure]

    /// The document for a list of figures.
    init(_ figures: [BenchmarkFigure]) {
        var byName: [String: Figure] = [:]
        for figure in figures {
            byName[figure.name] = Figure(
                value: Self.rounded(figure.value), unit: figure.unit,
                baseline: figure.baselineValue.map(Self.rounded),
                baselineName: figure.baselineName, ratio: figure.ratio.map(Self.rounded))
        }
        self.figures = byName
    }

    /// Pretty, key-sorted JSON with a trailing newline.
    func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Four significant digits: timings are not more precise than that.
    static func rounded(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let magnitude = (log10(abs(value))).rounded(.down)
        let scale = pow(10, 3 - magnitude)
        return (value * scale).rounded() / scale
    }
}
