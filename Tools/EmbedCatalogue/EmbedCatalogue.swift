import Foundation
import PackagePlugin

/// Build-tool plugin: embeds the package's `Catalogue/` folder (the manifest and every
/// preparation file) into the target as generated Swift source, so that the `catalog` binary
/// carries the bundled catalogue wherever it is copied. Rebuilt whenever a catalogue file changes.
@main
struct EmbedCatalogue: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let catalogue = context.package.directoryURL.appending(path: "Catalogue")
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledCatalogueFiles.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(
            at: catalogue, includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles])
        {
            for case let url as URL in walker where ["yaml", "yml"].contains(url.pathExtension) {
                inputs.append(url)
            }
        }
        inputs.sort { $0.path < $1.path }
        return [
            .buildCommand(
                displayName: "Embedding the bundled catalogue (\(inputs.count) files)",
                executable: try context.tool(named: "CatalogueEmbedder").url,
                arguments: [catalogue.path, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output])
        ]
    }
}
