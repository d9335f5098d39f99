import Foundation
import TraceFuzz

/// Finds the Python driver and its environment for `--driver python`: `TRACEFUZZ_PYTHON` (a Python with
/// the pinned SDK) or `.venv-python/bin/python`, and `Integrations/python` beside it, in the working
/// directory or one above it, or above the running executable (`.build/debug/tracefuzz`).
enum PythonDriverLocator {
    /// The variable naming a Python interpreter to use instead of `.venv-python/bin/python`.
    static let pythonVariable = "TRACEFUZZ_PYTHON"
    /// The variable naming the repository root that holds `Integrations/python`.
    static let rootVariable = "TRACEFUZZ_ROOT"

    /// The command that starts the driver, with the plug-in flags passed on; or a message saying exactly
    /// what to run.
    static func command(pluginArguments: [String]) -> Result<DriverCommand, UsageError> {
        let environment = ProcessInfo.processInfo.environment
        let files = FileManager.default
        let roots = candidateRoots(environment)
        guard let root = roots.first(where: { files.fileExists(atPath: "\($0)/Integrations/python/tracefuzz_driver/__init__.py") })
        else {
            return .failure(
                UsageError.option(
                    "driver",
                    "cannot find Integrations/python/tracefuzz_driver above \(files.currentDirectoryPath); "
                        + "run from the repository, or set \(rootVariable) to it"))
        }
        let python = environment[pythonVariable].flatMap { $0.isEmpty ? nil : $0 } ?? "\(root)/.venv-python/bin/python"
        guard files.isExecutableFile(atPath: python) else {
            return .failure(
                UsageError.option(
                    "driver",
                    "no Python environment at \(python); make it with: \(root)/scripts/setup-python "
                        + "(or set \(pythonVariable) to a Python 3.11+ with opentelemetry-sdk 1.45.2)"))
        }
        var variables = environment
        variables["PYTHONPATH"] = "\(root)/Integrations/python" + (environment["PYTHONPATH"].map { ":\($0)" } ?? "")
        variables["PYTHONDONTWRITEBYTECODE"] = "1"
        variables["PYTHONUNBUFFERED"] = "1"
        return .success(
            DriverCommand(
                name: "python", executable: python, arguments: ["-m", "tracefuzz_driver"] + pluginArguments,
                environment: variables.map { "\($0.key)=\($0.value)" }.sorted()))
    }

    private static func candidateRoots(_ environment: [String: String]) -> [String] {
        var roots: [String] = []
        if let root = environment[rootVariable], !root.isEmpty { roots.append(root) }
        var directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<4 {
            roots.append(directory.path)
            directory.deleteLastPathComponent()
        }
        if let executable = WorkerLocator.runningExecutable() {
            var above = URL(fileURLWithPath: executable).deletingLastPathComponent()
            for _ in 0..<5 {
                roots.append(above.path)
                above.deleteLastPathComponent()
            }
        }
        return roots
    }
}
