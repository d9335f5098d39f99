import TraceFuzz

/// `--driver NAME` and the Python plug-in flags (`--python-executor module:Class`,
/// `--python-tracer module:factory`), taken from a command's arguments before the command reads them.
///
/// ```swift
/// var arguments = ["--seed", "1", "--driver", "python", "--python-executor", "mypool:Pool"]
/// let flags = try DriverFlags.take(from: &arguments)   // name "python", plug-ins passed on
/// // arguments == ["--seed", "1"]
/// ```
struct DriverFlags: Hashable, Sendable {
    /// The drivers this build knows.
    static let names = ["python"]

    /// The driver's name.
    var name: String
    /// The plug-in flags, passed on to the driver as they were given.
    var pluginArguments: [String] = []

    /// The words that select it again in a replay line.
    var words: [String] { ["--driver", name] + pluginArguments }

    /// Removes the driver flags from `arguments`; `nil` when there is no `--driver`.
    static func take(from arguments: inout [String]) throws(UsageError) -> DriverFlags? {
        var name: String?
        var plugins: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            guard ["--driver", "--python-executor", "--python-tracer"].contains(argument) else {
                index += 1
                continue
            }
            let flag = String(argument.dropFirst(2))
            guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") else {
                throw UsageError.option(flag, flag == "driver" ? "expects a driver name" : "expects module:name")
            }
            let value = arguments[index + 1]
            arguments.removeSubrange(index...(index + 1))
            if flag == "driver" {
                guard names.contains(value) else {
                    throw UsageError.option("driver", "unknown driver '\(value)'; drivers: \(names.joined(separator: ", "))")
                }
                name = value
            } else {
                let parts = value.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw UsageError.option(flag, "'\(value)' is not module:name")
                }
                plugins += [argument, value]
            }
        }
        if name == nil, let first = plugins.first {
            throw UsageError.option(String(first.dropFirst(2)), "needs --driver python")
        }
        return name.map { DriverFlags(name: $0, pluginArguments: plugins) }
    }
}

/// A started language driver, as the command line uses it.
struct SelectedDriver: Sendable {
    /// The flags that selected it.
    var flags: DriverFlags
    /// Its handshake.
    var hello: DriverHello
    /// Where its scenarios run.
    var runtime: DriverRuntime
    /// The generator options its command lines start from.
    var defaults: GeneratorOptions

    /// The words for replay lines.
    var words: [String] { flags.words }
}

extension CommandContext {
    /// This context with the driver started and selected: its tracer, runtime and generator defaults.
    func selecting(_ flags: DriverFlags) throws(UsageError) -> CommandContext {
        let command: DriverCommand
        switch PythonDriverLocator.command(pluginArguments: flags.pluginArguments) {
        case .success(let found): command = found
        case .failure(let error): throw error
        }
        let driver = LanguageDriver(command: command)
        let hello: DriverHello
        do {
            hello = try driver.start()
        } catch {
            throw UsageError.option("driver", "\(error.message) (is the environment set up? scripts/setup-python)")
        }
        var context = self
        context.factory = DriverTracerFactory(hello: hello)
        context.tracerName = hello.driver
        context.driver = SelectedDriver(
            flags: flags, hello: hello, runtime: DriverRuntime(driver: driver), defaults: .python)
        context.runtime = DriverRuntime(driver: driver)
        return context
    }
}
