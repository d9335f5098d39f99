import Testing
import TraceFuzz

@Suite("ScenarioGenerator")
struct ScenarioGeneratorTests {
    @Test("the same seed gives a byte-identical scenario", arguments: [0, 1, 42, 0xdead_beef] as [UInt64])
    func deterministic(seed: UInt64) {
        let first = ScenarioLoader.encode(ScenarioGenerator().generate(seed: seed).scenario)
        let second = ScenarioLoader.encode(ScenarioGenerator().generate(seed: seed).scenario)
        #expect(first == second)
    }

    @Test("different seeds give different scenarios")
    func seedsDiffer() {
        let scenarios = Set((0..<50 as Range<UInt64>).map { ScenarioGenerator().generate(seed: $0).scenario })
        #expect(scenarios.count > 40)
    }

    @Test("replaying the recorded choices regenerates the scenario and the same choices")
    func replayChoices() {
        let generator = ScenarioGenerator()
        for seed in 0..<100 as Range<UInt64> {
            let generated = generator.generate(seed: seed)
            let replayed = generator.generate(replaying: generated.choices, seed: seed)
            #expect(replayed.scenario == generated.scenario)
            #expect(replayed.choices == generated.choices)
        }
    }

    @Test("all-zero choices give the smallest scenario: one span")
    func zeroChoicesAreMinimal() {
        let minimal = ScenarioGenerator().generate(replaying: ChoiceSequence(), seed: 0).scenario
        #expect(minimal.steps == [.span(SpanStep(label: "s1"))])
        #expect(minimal.instances.count == 1)
    }

    @Test("every generated scenario validates and respects the bounds")
    func boundsRespected() throws {
        var options = GeneratorOptions()
        options.maxSpans = 10
        options.maxHops = 3
        options.maxDepth = 3
        options.maxFanOut = 3
        options.maxInstances = 2
        let generator = ScenarioGenerator(options: options)
        for seed in 0..<300 as Range<UInt64> {
            let scenario = generator.generate(seed: seed).scenario
            try ScenarioValidator.validate(scenario)
            let shape = Shape(scenario)
            #expect(shape.spans <= 11)  // one span is added when none was generated
            #expect(shape.hops <= 3)
            #expect(shape.maxFanOut <= 3)
            #expect(scenario.instances.count <= 2)
        }
    }

    @Test("executor and strategy weights restrict what is generated")
    func weightsRestrict() {
        var options = GeneratorOptions()
        options.executorWeights = [.asyncLet: 1]
        options.strategyWeights = [.carrier: 1]
        let generator = ScenarioGenerator(options: options)
        var hops = 0
        for seed in 0..<100 as Range<UInt64> {
            let shape = Shape(generator.generate(seed: seed).scenario)
            hops += shape.hops
            #expect(shape.executors.isSubset(of: [.asyncLet]))
            #expect(shape.strategies.isSubset(of: [.carrier]))
        }
        #expect(hops > 0)
    }

    @Test("options out of range name the option")
    func badOptions() {
        var options = GeneratorOptions()
        options.maxDepth = 0
        #expect(throws: OptionError(option: "max-depth", message: "0 is out of range 1...16")) {
            try options.validate()
        }
        options = GeneratorOptions()
        options.executorWeights = [:]
        #expect(throws: OptionError.self) { try options.validate() }
    }
}

/// Counts of what a scenario contains.
struct Shape {
    var spans = 0
    var hops = 0
    var maxFanOut = 0
    var executors: Set<ExecutorKind> = []
    var strategies: Set<PropagationStrategy> = []

    init(_ scenario: Scenario) { visit(scenario.steps) }

    private mutating func visit(_ steps: [Step]) {
        for step in steps {
            switch step {
            case .span(let span):
                spans += 1
                visit(span.children)
            case .hop(let hop):
                hops += 1
                maxFanOut = max(maxFanOut, hop.tasks.count)
                executors.insert(hop.executor)
                strategies.insert(hop.strategy)
                hop.tasks.forEach { visit($0) }
            default:
                break
            }
        }
    }
}
