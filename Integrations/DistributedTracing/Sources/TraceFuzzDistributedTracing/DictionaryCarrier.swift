public import Tracing

/// Writes a tracer's `inject` into a `[String: String]`, keys lowercased (HTTP header style).
///
/// ```swift
/// var headers: [String: String] = [:]
/// tracer.inject(ServiceContext.current ?? .topLevel, into: &headers, using: DictionaryInjector())
/// ```
public struct DictionaryInjector: Injector {
    /// Creates the injector.
    public init() {}

    /// Sets `key` (lowercased) to `value`.
    public func inject(_ value: String, forKey key: String, into carrier: inout [String: String]) {
        carrier[key.lowercased()] = value
    }
}

/// Reads a tracer's `extract` from a `[String: String]` written by ``DictionaryInjector``.
public struct DictionaryExtractor: Extractor {
    /// Creates the extractor.
    public init() {}

    /// The value under `key`, lowercased.
    public func extract(key: String, from carrier: [String: String]) -> String? {
        carrier[key.lowercased()]
    }
}
