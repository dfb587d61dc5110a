/// Why a plugin could not be registered.
public struct PluginRegistrationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The message (what ``description`` shows).
    package let message: String

    /// Creates an error.
    package init(_ message: String) { self.message = message }

    /// The message, without an `error:` prefix: `a plugin with id 'face' is already registered`.
    public var description: String { message }
}

/// The plugins a tool plans with: a value, built by registering plugins one by one and passed
/// to whoever plans. There is no global registry; a tool that adds its own plugin builds its
/// own host. Ids are unique: a second plugin with an id already registered is refused.
public struct PluginHost: Sendable {
    /// The plugins, in registration order.
    package private(set) var plugins: [any CoursePlugin] = []

    /// An empty host.
    public init() {}

    /// A host holding `plugins`, registered in order.
    public init(_ plugins: [any CoursePlugin]) throws(PluginRegistrationError) {
        for plugin in plugins { try register(plugin) }
    }

    /// Adds `plugin`; refuses an id that is not a slug or that another plugin already has.
    package mutating func register(_ plugin: any CoursePlugin) throws(PluginRegistrationError) {
        let id = plugin.id
        guard isSlug(id), id.utf8.count <= maxIDLength else {
            throw PluginRegistrationError("plugin id '\(id)' is not a slug (lower-case letters and digits, joined by single hyphens)")
        }
        if plugins.contains(where: { $0.id == id }) {
            throw PluginRegistrationError("a plugin with id '\(id)' is already registered")
        }
        plugins.append(plugin)
    }

    /// A copy of this host with `plugin` added.
    public func registering(_ plugin: any CoursePlugin) throws(PluginRegistrationError) -> PluginHost {
        var copy = self
        try copy.register(plugin)
        return copy
    }

    /// The plugin ids, in registration order.
    public var ids: [String] { plugins.map(\.id) }

    /// The plugin with this id.
    package func plugin(id: String) -> (any CoursePlugin)? {
        plugins.first { $0.id == id }
    }

    /// The plugin for AREA (case-insensitive: ids are lower-case), or an error naming the
    /// nearest known id.
    package func resolve(_ area: String) throws(CourseRequestError) -> any CoursePlugin {
        guard let plugin = plugin(id: area) ?? plugin(id: area.lowercased()) else { throw .unknownWord("area", area, known: ids) }
        return plugin
    }

    /// Resolves `area` and plans `request` with it.
    public func plan(_ area: String, _ request: CourseRequest, using registry: Registry) throws(CourseRequestError) -> CourseOutcome {
        try resolve(area).plan(request, using: registry)
    }

}
