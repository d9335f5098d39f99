import Foundation
import Synchronization

/// A long-lived driver process that runs whole scenarios against a tracer in another language, spoken
/// to over the driver protocol (`Scenarios/README.md`). One process serves many runs; one that crashes
/// or stops answering is replaced for the next run, after its run is reported (a `child-protocol` or a
/// `deadline` finding), so no run waits forever.
///
/// ```swift
/// let driver = LanguageDriver(command: command)
/// let hello = try driver.start()           // spawns it and reads its handshake
/// print(hello.driver, hello.versionSummary)
/// let fuzzer = Fuzzer(factory: DriverTracerFactory(hello: hello), runtime: DriverRuntime(driver: driver))
/// ```
public final class LanguageDriver: Sendable {
    /// How the driver is started.
    public let command: DriverCommand
    /// How long a new driver may take to say `hello`.
    public let startTimeout: Duration

    private let state = Mutex(State())

    private struct State: ~Copyable {
        var process: DriverProcess?
        var hello: DriverHello?
        var nextRun = 1
        var starts = 0
    }

    /// The protocol version this build speaks.
    public static let protocolVersion = 1

    /// Creates a driver; nothing starts until ``start()`` or the first run.
    public init(command: DriverCommand, startTimeout: Duration = .seconds(30)) {
        self.command = command
        self.startTimeout = startTimeout
    }

    deinit {
        state.withLock { state in
            if let process = state.process {
                _ = process.write(Array("{\"type\":\"quit\"}\n".utf8))
                process.finish(grace: .seconds(2))
            }
        }
    }

    /// Starts the driver if it is not running and returns its handshake.
    public func start() throws(DriverError) -> DriverHello {
        let result: Result<DriverHello, DriverError> = state.withLock { state in
            Self.ensureStarted(&state, command: command, timeout: startTimeout)
        }
        return try result.get()
    }

    /// How many driver processes have been started (a crash or hang replaces one).
    public var starts: Int { state.withLock { $0.starts } }

    /// Stops the driver (`quit`, then `SIGKILL` if it lingers); the next run starts a new one.
    public func stop() {
        state.withLock { state in
            guard let process = state.process else { return }
            _ = process.write(Array("{\"type\":\"quit\"}\n".utf8))
            process.finish(grace: .seconds(2))
            state.process = nil
        }
    }

    private static func ensureStarted(_ state: inout State, command: DriverCommand, timeout: Duration)
        -> Result<DriverHello, DriverError>
    {
        if state.process != nil, let hello = state.hello { return .success(hello) }
        let process: DriverProcess
        switch DriverProcess.spawn(
            executable: command.executable, arguments: command.arguments, environment: command.environment)
        {
        case .failure(let error): return .failure(error)
        case .success(let spawned): process = spawned
        }
        state.starts += 1
        let deadline = ContinuousClock.now + timeout
        switch process.readLine(before: deadline) {
        case .line(let bytes):
            guard case .hello(let hello)? = try? DriverLine.decode(bytes, with: JSONDecoder()).line else {
                process.terminate()
                return .failure(
                    DriverError(
                        "the \(command.name) driver's first line is not a hello: \(Excerpt.of(bytes))"))
            }
            guard hello.protocol == protocolVersion else {
                process.terminate()
                return .failure(
                    DriverError(
                        "the \(command.name) driver speaks protocol \(hello.protocol); this build speaks "
                            + "\(protocolVersion)"))
            }
            state.process = process
            state.hello = hello
            return .success(hello)
        case .end, .timeout:
            let ending = process.terminate()
            let error = String(decoding: process.standardError.prefix(2000), as: UTF8.self)
            let how = ending.signal.map { "was killed by signal \($0)" } ?? "exited with status \(ending.status ?? -1)"
            return .failure(
                DriverError(
                    "the \(command.name) driver (\(command.executable)) \(how) before its hello"
                        + (error.isEmpty ? "" : ": \(error)")))
        }
    }

    /// Runs one scenario in the driver and builds its record. Blocks: call it off the cooperative pool.
    func exchange(_ scenario: Scenario, seed: UInt64, flushTimeout: Duration) -> RunRecord {
        state.withLock { state in
            var record = RunRecord()
            record.contextRules = .python
            switch Self.ensureStarted(&state, command: command, timeout: startTimeout) {
            case .failure(let error):
                record.unsupported = error.message
                return record
            case .success: break
            }
            guard let process = state.process else { return record }
            let id = state.nextRun
            state.nextRun += 1
            let request = DriverRequest(
                id: id, seed: "0x" + String(seed, radix: 16), scenario: scenario,
                flushTimeoutMillis: Int(flushTimeout.components.seconds * 1000))
            let deadline = ContinuousClock.now + .milliseconds(scenario.deadlineMillis)
            var reader = DriverRunReader(run: id, instances: scenario.instances.count, driver: command.name)
            guard process.write(request.encoded()) else {
                reader.ended(process: process, ending: process.terminate(), crashed: true)
                state.process = nil
                return reader.record
            }
            while !reader.done {
                switch process.readLine(before: deadline) {
                case .line(let bytes): reader.take(bytes)
                case .end:
                    reader.ended(process: process, ending: process.terminate(), crashed: true)
                    state.process = nil
                    return reader.record
                case .timeout:
                    let ending = process.terminate()
                    reader.hung(pid: process.pid, deadlineMillis: scenario.deadlineMillis, ending: ending)
                    state.process = nil
                    return reader.record
                }
            }
            if reader.hasBadLines {
                // A driver that writes garbage cannot be trusted with the next run.
                reader.ended(process: process, ending: process.terminate(), crashed: false)
                state.process = nil
            }
            return reader.record
        }
    }
}

/// A `run` request.
struct DriverRequest: Encodable {
    var type = "run"
    var `protocol` = LanguageDriver.protocolVersion
    var id: Int
    var seed: String
    var scenario: Scenario
    var flushTimeoutMillis: Int

    /// The request as one line.
    func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes = [UInt8]((try? encoder.encode(self)) ?? Data())
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}

/// A printable start of a line.
enum Excerpt {
    static func of(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(120), as: UTF8.self)
        return "'" + text.unicodeScalars.map { $0.value < 0x20 ? "?" : String($0) }.joined() + "'"
    }
}
