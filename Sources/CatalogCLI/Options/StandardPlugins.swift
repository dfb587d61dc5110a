import AreaPlugins
import PreparationRegistry

/// The plugins `catalog` plans with: the four area plugins (``areaPlugins``), registered in
/// this order. A tool that adds its own builds its own ``PluginHost`` the same way.
enum StandardPlugins {
    static func host() throws -> PluginHost {
        try PluginHost(areaPlugins)
    }
}
