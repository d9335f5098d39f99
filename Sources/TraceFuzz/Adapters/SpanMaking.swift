/// Making spans and reading the current one: the part of a tracer every scenario step touches.
///
/// Instances are numbered `0..<instanceCount` as in ``Scenario/instances``. The harness identifies spans
/// by name: every span of a scenario has a unique label.
public protocol SpanMaking: Sendable {
    /// Runs `body` inside a new span named `label`, made by `instance`, current for the duration.
    func withSpan(_ label: String, instance: Int, _ body: () -> Void)
    /// Runs async `body` inside a new span named `label`, made by `instance`, current for the duration.
    func withSpan(_ label: String, instance: Int, _ body: () async -> Void) async
    /// The identity of the current span on this thread or task, or `nil` when there is none.
    func currentSpan() -> SpanIdentity?
}
