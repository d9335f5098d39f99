/// Shrinks a failing generated scenario by editing its choice sequence and regenerating, so every
/// candidate is a scenario the generator could have made (Hypothesis's approach).
///
/// Deterministic passes, repeated until none makes progress or the budget is spent: first whole steps,
/// using the choice range the generator recorded for each (replace a step by one of the steps nested in
/// it, then delete a step), then blocks of choices (delete 8, 4, 2, 1 long; zero 4, 1), then single
/// choices (to 0, halve, minus one). Lifting a nested step out is what takes a bug buried under several
/// hops to the top in one move, where deleting blocks would have to guess the boundaries. A
/// candidate is kept only if its choice sequence is smaller (shorter, or equally long and lower) and
/// it still fails the *same* invariant within `attempts` runs (races do not fail every run).
///
/// ```swift
/// let shrinker = Shrinker(generator: generator, budget: 200) { scenario in
///     await fuzzer.replay(scenario, seed: seed, attempts: 3).outcome.violations.first?.invariant
/// }
/// let small = await shrinker.shrink(generated, invariant: "right-parent")
/// ```
public struct Shrinker: Sendable {
    /// Runs a candidate and returns the first broken invariant's name, or `nil` if it passed.
    public typealias Probe = @Sendable (Scenario) async -> String?

    /// The generator whose choices are edited.
    public var generator: ScenarioGenerator
    /// The most candidates run.
    public var budget: Int
    /// Runs candidates.
    public var probe: Probe

    /// Creates a shrinker.
    public init(generator: ScenarioGenerator, budget: Int = 300, probe: @escaping Probe) {
        self.generator = generator
        self.budget = budget
        self.probe = probe
    }

    /// The smallest failing scenario found from `start`, which fails `invariant`.
    public func shrink(_ start: GeneratedScenario, invariant: String) async -> ShrinkResult {
        var state = State(best: start, remaining: budget)
        var improved = true
        while improved && state.remaining > 0 {
            improved = false
            improved = await liftSteps(&state, invariant) || improved
            improved = await deleteSteps(&state, invariant) || improved
            for size in [8, 4, 2, 1] {
                improved = await deleteBlocks(size, &state, invariant) || improved
            }
            for size in [4, 1] {
                improved = await zeroBlocks(size, &state, invariant) || improved
            }
            improved = await lowerChoices(&state, invariant) || improved
        }
        return ShrinkResult(
            scenario: state.best, candidatesRun: budget - state.remaining, improvements: state.improvements)
    }

    private struct State {
        var best: GeneratedScenario
        var remaining: Int
        var improvements = 0
        var tried: Set<ChoiceSequence> = []
    }

    private func deleteBlocks(_ size: Int, _ state: inout State, _ invariant: String) async -> Bool {
        var improved = false
        var start = state.best.choices.values.count - size
        while start >= 0 && state.remaining > 0 {
            var values = state.best.choices.values
            if start + size <= values.count {
                values.removeSubrange(start..<(start + size))
                if await attempt(values, &state, invariant) { improved = true }
            }
            start -= 1
        }
        return improved
    }

    /// The choice ranges of the best scenario's steps, largest first, each with the index of its list's
    /// count choice.
    private func steps(_ state: State) -> [(range: Range<Int>, count: Int)] {
        let generated = generator.generate(replaying: state.best.choices, seed: state.best.seed)
        return zip(generated.stepRanges, generated.stepListCounts).map { (range: $0, count: $1) }
            .sorted { ($0.range.count, $1.range.lowerBound) > ($1.range.count, $0.range.lowerBound) }
    }

    /// Replaces a step by a step nested in it (its choices by the nested step's), outermost first.
    private func liftSteps(_ state: inout State, _ invariant: String) async -> Bool {
        var improved = false
        var progress = true
        while progress && state.remaining > 0 {
            progress = false
            let ranges = steps(state).map(\.range)
            search: for outer in ranges {
                for inner in ranges where inner != outer && Self.nests(inner, in: outer) {
                    guard state.remaining > 0 else { break search }
                    var values = state.best.choices.values
                    values.replaceSubrange(outer, with: values[inner])
                    if await attempt(values, &state, invariant) {
                        progress = true
                        improved = true
                        break search
                    }
                }
            }
        }
        return improved
    }

    /// Whether `inner` lies within `outer`.
    static func nests(_ inner: Range<Int>, in outer: Range<Int>) -> Bool {
        outer.lowerBound <= inner.lowerBound && inner.upperBound <= outer.upperBound
    }

    /// Deletes one step's choices, largest step first: with its list counting one step fewer, else
    /// alone (the list then draws a simplest step in its place).
    private func deleteSteps(_ state: inout State, _ invariant: String) async -> Bool {
        var improved = false
        var progress = true
        search: while progress && state.remaining > 0 {
            progress = false
            for step in steps(state) {
                var values = state.best.choices.values
                values.removeSubrange(step.range)
                var candidates = [values]
                if values[step.count] > 0 {
                    candidates[0][step.count] -= 1
                    candidates.append(values)
                }
                for candidate in candidates {
                    guard state.remaining > 0 else { break search }
                    if await attempt(candidate, &state, invariant) {
                        progress = true
                        improved = true
                        continue search
                    }
                }
            }
        }
        return improved
    }

    private func zeroBlocks(_ size: Int, _ state: inout State, _ invariant: String) async -> Bool {
        var improved = false
        var start = 0
        while start + size <= state.best.choices.values.count && state.remaining > 0 {
            var values = state.best.choices.values
            if values[start..<(start + size)].contains(where: { $0 != 0 }) {
                for index in start..<(start + size) { values[index] = 0 }
                if await attempt(values, &state, invariant) { improved = true }
            }
            start += size
        }
        return improved
    }

    private func lowerChoices(_ state: inout State, _ invariant: String) async -> Bool {
        var improved = false
        var index = 0
        while index < state.best.choices.values.count && state.remaining > 0 {
            let value = state.best.choices.values[index]
            for lower in Set([0, value / 2, value &- 1]).sorted() where lower < value {
                var values = state.best.choices.values
                values[index] = lower
                if await attempt(values, &state, invariant) {
                    improved = true
                    break
                }
            }
            index += 1
        }
        return improved
    }

    /// Regenerates from `values`; keeps the result if smaller and still failing the same invariant.
    private func attempt(_ values: [UInt64], _ state: inout State, _ invariant: String) async -> Bool {
        let candidate = generator.generate(replaying: ChoiceSequence(values), seed: state.best.seed)
        guard Self.isSmaller(candidate.choices, than: state.best.choices),
            candidate.scenario != state.best.scenario,
            state.tried.insert(candidate.choices).inserted
        else { return false }
        state.remaining -= 1
        guard await probe(candidate.scenario) == invariant else { return false }
        state.best = candidate
        state.improvements += 1
        return true
    }

    /// Shortlex order: fewer choices first, then lower choices.
    static func isSmaller(_ a: ChoiceSequence, than b: ChoiceSequence) -> Bool {
        if a.values.count != b.values.count { return a.values.count < b.values.count }
        return a.values.lexicographicallyPrecedes(b.values)
    }
}

/// What shrinking produced.
public struct ShrinkResult: Sendable {
    /// The smallest failing scenario found, with its choices.
    public var scenario: GeneratedScenario
    /// How many candidates were run.
    public var candidatesRun: Int
    /// How many candidates were kept as the new smallest.
    public var improvements: Int
}
