/// How big a scenario is: its hops and spans, nested ones included. Shrink summaries, issue headlines and
/// the planted-bug catalog's targets all count this way.
///
/// ```swift
/// ScenarioSize(scenario).description   // "1 hop, 2 spans"
/// ```
public struct ScenarioSize: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Hop steps, nested ones included.
    public var hops: Int
    /// Span steps, nested ones included.
    public var spans: Int

    /// Counts the hops and spans of `scenario`.
    public init(_ scenario: Scenario) {
        var hops = 0
        var spans = 0
        func visit(_ steps: [Step]) {
            for step in steps {
                switch step {
                case .span(let span):
                    spans += 1
                    visit(span.children)
                case .hop(let hop):
                    hops += 1
                    hop.tasks.forEach(visit)
                default:
                    break
                }
            }
        }
        visit(scenario.steps)
        self.hops = hops
        self.spans = spans
    }

    /// `2 hops, 5 spans`.
    public var description: String {
        "\(hops) hop\(hops == 1 ? "" : "s"), \(spans) span\(spans == 1 ? "" : "s")"
    }
}
