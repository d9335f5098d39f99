import Foundation
import TraceCore

/// The environment child processes start from: this process's own, without any trace context, so a
/// `none` hop passes nothing on and a `carrier` hop passes exactly what it injects.
enum ProcessEnvironment {
    /// This process's environment without `TRACEPARENT` and `TRACESTATE`, read once.
    static let inherited: [String: String] = {
        var environment = ProcessInfo.processInfo.environment
        EnvironmentCarrier.inject(nil, into: &environment)
        return environment
    }()
}
