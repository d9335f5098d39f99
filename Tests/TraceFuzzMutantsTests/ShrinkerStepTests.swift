import Testing
import TraceFuzz
import TraceFuzzMutants

/// The shrinker's step passes: a failure buried under several hops comes out in one move.
@Suite("Shrinker step passes")
struct ShrinkerStepTests {
    /// Whether a scenario holds a `tracedPool` hop under `none` with two tasks that each make a span,
    /// inside a span: the shape fork-join-partial needs. No run involved, so the test is exact.
    static func hasPartialFork(_ steps: [Step], inSpan: Bool = false) -> Bool {
        steps.contains { step in
            switch step {
            case .span(let span):
                return hasPartialFork(span.children, inSpan: true)
            case .hop(let hop):
                let spanning = hop.tasks.filter { task in
                    task.contains { if case .span = $0 { true } else { false } }
                }
                if inSpan && hop.executor == .tracedPool && hop.strategy == .none && spanning.count >= 2 {
                    return true
                }
                return hop.tasks.contains { hasPartialFork($0, inSpan: inSpan) }
            default:
                return false
            }
        }
    }

    @Test("a shape buried under other hops shrinks to one hop and three spans")
    func liftsBuriedStep() async throws {
        let generator = ScenarioGenerator()
        let seed = try #require(
            (0..<UInt64(5000)).first { seed in
                let scenario = generator.generate(seed: seed).scenario
                return Self.hasPartialFork(scenario.steps) && ScenarioSize(scenario).hops >= 4
            })
        let start = generator.generate(seed: seed)
        let shrinker = Shrinker(generator: generator, budget: 400) { scenario in
            Self.hasPartialFork(scenario.steps) ? "fork" : nil
        }
        let result = await shrinker.shrink(start, invariant: "fork")
        let size = ScenarioSize(result.scenario.scenario)
        #expect(size.hops == 1 && size.spans == 3, "\(result.scenario.scenario)")
        #expect(
            generator.generate(replaying: result.scenario.choices, seed: seed).scenario
                == result.scenario.scenario)
    }
}
