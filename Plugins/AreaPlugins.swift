import PreparationRegistry

/// The four area plugins of `catalog course`, in the order `catalog` registers them: face,
/// scalp, body and scar. Register them with a `PluginHost`
/// (`try PluginHost(areaPlugins)`), beside plugins of your own; each plugin's planning rules
/// are its `rules` (`CoursePlugin.rules`), for a plugin of another tool to reuse.
public let areaPlugins: [any CoursePlugin] = [FacePlugin(), ScalpPlugin(), BodyPlugin(), ScarPlugin()]
