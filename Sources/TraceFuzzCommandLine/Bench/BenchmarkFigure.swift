/// One measured figure of a benchmark run, next to the baseline measured in the same run.
///
/// ```swift
/// let figure = BenchmarkFigure(
///     name: "tracer.nested_span_ns", value: 180, unit: "ns",
///     baselineName: "bare.nested_loop_ns", baselineValue: 2)
/// figure.ratio  // 90
/// ```
struct BenchmarkFigure: Sendable, Hashable, Codable {
    /// The figure's name, `area.what_unit`, e.g. `tracer.pool_task_ns`.
    var name: String
    /// The measured value.
    var value: Double
    /// The unit of ``value`` and ``baselineValue``, e.g. `ns`.
    var unit: String
    /// The name of the baseline measured alongside, if any.
    var baselineName: String?
    /// The baseline's value in the same unit, if any.
    var baselineValue: Double?

    /// Creates a figure.
    init(name: String, value: Double, unit: String, baselineName: String? = nil, baselineValue: Double? = nil)
    {
        self.name = name
        self.value = value
        self.unit = unit
        self.baselineName = baselineName
        self.baselineValue = baselineValue
    }

    /// How many times the baseline ``value`` is; `nil` without a positive baseline.
    var ratio: Double? {
        guard let baselineValue, baselineValue > 0 else { return nil }
        return value / baselineValue
    }
}
