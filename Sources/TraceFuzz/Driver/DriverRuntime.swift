import Foundation

/// Runs scenarios in a language driver (``LanguageDriver``) instead of in this process: the runtime of
/// `tracefuzz run --driver python`. The record it returns uses the driver's context rules
/// (``ContextRules/python``), so the oracle expects what that language does.
///
/// The factory is not asked for an adapter: the tracer under test lives in the driver. Each exchange
/// blocks a thread of its own, never one of Swift's cooperative pool.
public struct DriverRuntime: ScenarioRuntime {
    /// The driver that runs the scenarios.
    public let driver: LanguageDriver
    /// How long each flush in the driver may take.
    public var flushTimeout: Duration

    /// Creates a runtime over a driver.
    public init(driver: LanguageDriver, flushTimeout: Duration = .seconds(5)) {
        self.driver = driver
        self.flushTimeout = flushTimeout
    }

    /// Runs `scenario` once in the driver, from fresh tracer instances there.
    public func run<Factory: TracerAdapterFactory>(_ scenario: Scenario, factory: Factory, seed: UInt64) async
        -> RunRecord
    {
        let driver = self.driver
        let flushTimeout = self.flushTimeout
        var record = await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: driver.exchange(scenario, seed: seed, flushTimeout: flushTimeout))
            }
            thread.name = "tracefuzz-driver \(driver.command.name)"
            thread.stackSize = 1 << 20
            thread.start()
        }
        record.capabilities = factory.capabilities
        return record
    }
}
