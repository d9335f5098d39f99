/// The entity that produces telemetry: `service.name` and friends, one per provider.
public struct Resource: Hashable, Sendable {
    /// The resource attributes.
    public var attributes: Attributes

    /// Creates a resource.
    public init(attributes: Attributes = [:]) { self.attributes = attributes }

    /// The `service.name` attribute, if set.
    public var serviceName: String? {
        if case .string(let name)? = attributes["service.name"] { return name }
        return nil
    }
}
