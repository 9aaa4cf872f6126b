/// Host services that builtins may need at run time, looked up by type.
///
/// The language core knows nothing about holiday calendars or officer registries; a host builtin
/// such as `workdays` asks the context for the service it was written against:
///
///     var context = EvaluationContext()
///     context.provide(calendar, as: (any HolidayCalendar).self)
///     ...
///     let calendar = try context.require((any HolidayCalendar).self, by: "workdays")
///
/// Keys are metatypes, so a service can be registered under a protocol (as above) or a concrete
/// type. The context is a value; it travels with the `Activation` and is handed to every builtin.
public struct EvaluationContext: Sendable {
    private var services: [ObjectIdentifier: any Sendable] = [:]
    /// The host's own service object, for builtins called on every step of every dossier: a class
    /// cast is far cheaper than the keyed look-up with an existential cast.
    public var host: (any AnyObject & Sendable)?

    /// A context with no services.
    public init() {}

    /// Registers `service` under `key` (replacing an earlier one).
    public mutating func provide<S: Sendable>(_ service: S, as key: S.Type = S.self) {
        services[ObjectIdentifier(key)] = service
    }

    /// The service registered under `key`, if any.
    public func service<S: Sendable>(_ key: S.Type = S.self) -> S? {
        services[ObjectIdentifier(key)] as? S
    }

    /// The service registered under `key`, or an error naming the builtin that needed it.
    public func require<S: Sendable>(_ key: S.Type, by builtin: String) throws(EvaluationError) -> S {
        guard let s = service(key) else {
            var name = String(describing: key)
            if name.hasPrefix("any ") { name.removeFirst(4) }
            throw EvaluationError(Message(.evalMissingService, builtin, name))
        }
        return s
    }
}
