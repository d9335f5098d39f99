import Foundation

/// One line a language driver writes (see "The driver protocol" in `Scenarios/README.md`): the worker
/// protocol's lines, and the driver's own.
enum DriverLine: Sendable {
    /// A line of the process-hop worker protocol, with the same fields.
    case worker(WorkerLine)
    /// The handshake, first.
    case hello(DriverHello)
    /// An exception a task raised or the tracer logged.
    case exception(TaskException)
    /// The driver could not read a request.
    case error(String)

    /// The line types the driver adds to the worker protocol (`unsupported` is the worker's own).
    enum Kind: String, Codable {
        case hello, exception, error
    }

    fileprivate enum Keys: String, CodingKey { case type, run, message }
}

extension DriverLine {
    /// Decodes one line, or throws what is wrong with it.
    static func decode(_ bytes: [UInt8], with decoder: JSONDecoder) throws -> (line: DriverLine, run: Int?) {
        let envelope = try decoder.decode(Envelope.self, from: Data(bytes))
        return (envelope.line, envelope.run)
    }

    private struct Envelope: Decodable {
        var line: DriverLine
        var run: Int?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: Keys.self)
            run = try container.decodeIfPresent(Int.self, forKey: .run)
            let type = try container.decode(String.self, forKey: .type)
            if WorkerLine.Kind(rawValue: type) != nil {
                line = .worker(try WorkerLine(from: decoder))
                return
            }
            switch Kind(rawValue: type) {
            case .hello: line = .hello(try DriverHello(from: decoder))
            case .exception: line = .exception(try TaskException(from: decoder))
            case .error: line = .error(try container.decode(String.self, forKey: .message))
            case nil:
                throw DecodingError.dataCorruptedError(
                    forKey: .type, in: container, debugDescription: "unknown line type '\(type)'")
            }
        }
    }
}

/// What a driver says about itself when it starts: protocol, name, versions, and what it can run.
public struct DriverHello: Sendable, Hashable, Codable {
    /// The protocol version it speaks.
    public var `protocol`: Int
    /// Its name, such as `opentelemetry-python`.
    public var driver: String
    /// The runtime's versions: language, implementation, tracer packages (`nil` when not installed).
    public var versions: [String: String?]
    /// The executors it runs, by ``ExecutorKind`` name.
    public var executors: [String]
    /// The strategies it runs.
    public var strategies: [String]
    /// The process faults it commits.
    public var faults: [String]
    /// The processors it honours (`simple`, `batch`).
    public var processors: [String]
    /// The user's executor class that runs `tracedPool` hops (`--python-executor module:Class`), if any.
    public var pythonExecutor: String? = nil
    /// The user's tracer setup that builds each instance's provider (`--python-tracer module:factory`),
    /// if any: the tracer fuzzed is then theirs.
    public var pythonTracer: String? = nil

    /// `Python 3.11.7, opentelemetry-sdk 1.45.2`: the versions that matter, for a report line.
    public var versionSummary: String {
        let language = versions["python"].flatMap { $0 }.map { "Python \($0)" }
        let packages = versions.keys.sorted().filter { $0 != "python" && $0 != "implementation" }
            .compactMap { key in versions[key].flatMap { $0 }.map { "\(key) \($0)" } }
        return ([language].compactMap { $0 } + packages).joined(separator: ", ")
    }

    /// The executors it runs that the engine knows.
    public var executorKinds: Set<ExecutorKind> { Set(executors.compactMap(ExecutorKind.init(rawValue:))) }
}
