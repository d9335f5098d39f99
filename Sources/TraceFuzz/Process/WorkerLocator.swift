import Foundation

/// Finds the worker executable that runs the tasks of `process` hops: `tracefuzz`, started as
/// `tracefuzz worker`.
///
/// In order: the path in the `TRACEFUZZ_WORKER` environment variable; the running executable, if it
/// is `tracefuzz` itself (the command line); a `tracefuzz` next to the running executable, the program
/// named by `argv[0]`, or a loaded `.xctest` bundle (under `swift test`, the test bundle sits in the
/// same build products directory as the built tool).
///
/// ```swift
/// let worker = try WorkerLocator.locate()   // WorkerLocatorError says to run `swift build`
/// print(worker.path, worker.arguments)       // ".../.build/debug/tracefuzz" ["worker"]
/// ```
public enum WorkerLocator {
    /// The executable's file name.
    public static let executableName = "tracefuzz"
    /// The environment variable that names a worker executable explicitly.
    public static let environmentVariable = "TRACEFUZZ_WORKER"

    /// The worker for this process, looked up once.
    public static func locate() throws(WorkerLocatorError) -> WorkerExecutable {
        try cached.get()
    }

    private static let cached: Result<WorkerExecutable, WorkerLocatorError> = {
        do throws(WorkerLocatorError) {
            return .success(try search(environment: ProcessInfo.processInfo.environment))
        } catch {
            return .failure(error)
        }
    }()

    /// Searches for the worker as ``locate()`` does, reading `environment` (for tests).
    public static func search(environment: [String: String]) throws(WorkerLocatorError) -> WorkerExecutable {
        let files = FileManager.default
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            guard files.isExecutableFile(atPath: explicit) else {
                throw WorkerLocatorError(
                    searched: [explicit],
                    reason: "\(environmentVariable) names '\(explicit)', which is not executable")
            }
            return WorkerExecutable(path: explicit)
        }
        let running = runningExecutable()
        if let running, (running as NSString).lastPathComponent == executableName {
            return WorkerExecutable(path: running)
        }
        var directories: [String] = []
        if let running { directories.append((running as NSString).deletingLastPathComponent) }
        if let first = CommandLine.arguments.first, first.contains("/") {
            let program = URL(fileURLWithPath: first).standardizedFileURL.path
            directories.append((program as NSString).deletingLastPathComponent)
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            directories.append((bundle.bundlePath as NSString).deletingLastPathComponent)
        }
        var searched: [String] = []
        for directory in directories {
            let candidate = (directory as NSString).appendingPathComponent(executableName)
            guard !searched.contains(candidate) else { continue }
            searched.append(candidate)
            if files.isExecutableFile(atPath: candidate) { return WorkerExecutable(path: candidate) }
        }
        throw WorkerLocatorError(
            searched: searched, reason: "the worker executable '\(executableName)' was not found")
    }

    /// The running executable's path: `/proc/self/exe` where there is one.
    public static func runningExecutable() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return Bundle.main.executablePath
    }
}

/// A worker executable and the arguments that start it in worker mode.
public struct WorkerExecutable: Hashable, Sendable {
    /// The executable's path.
    public var path: String
    /// The arguments after the program name: `["worker"]` for `tracefuzz`.
    public var arguments: [String]

    /// Creates a worker executable.
    public init(path: String, arguments: [String] = ["worker"]) {
        self.path = path
        self.arguments = arguments
    }
}

/// The worker executable could not be found.
public struct WorkerLocatorError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The paths looked at.
    public var searched: [String]
    /// What went wrong.
    public var reason: String

    /// Creates an error.
    public init(searched: [String], reason: String) {
        self.searched = searched
        self.reason = reason
    }

    /// The reason, where it looked, and how to fix it.
    public var description: String {
        let places = searched.isEmpty ? "" : " (looked for: \(searched.joined(separator: ", ")))"
        return "\(reason)\(places); process hops need it: build it with `swift build`, or set "
            + "\(WorkerLocator.environmentVariable) to its path"
    }
}
