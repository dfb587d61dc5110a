import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PreparationRegistry

/// Where the `# yaml-language-server: $schema=...` line of a file `catalog new` writes points,
/// so that an editor finds the schema from where the file is:
///
/// - the chosen catalogue's `schema/preparation.schema.json`, when it has one: as a path
///   relative to the folder of the file written (`-o`), or of the current folder for the
///   standard output (where `> file.yaml` writes); absolute when the two share no folder but
///   the root;
/// - else the bundled catalogue's schema in the package the binary was built from, by its
///   absolute path, when that file is there;
/// - else the place a catalogue's schema has as seen from `preparations/<area>/`, where
///   `catalog add` puts the file (``PreparationSchema/modeline``).
///
/// The YAML language server reads the value up to the first space and takes a `#` as the start
/// of a fragment, so a path holding white space, a control character or `#` is written as a
/// `file://` URL of its absolute path, percent-encoded.
enum SchemaLocation {
    /// The bundled schema where the package's sources were when this binary was built.
    static let bundledSchema = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Catalogue").appendingPathComponent(PreparationSchema.pathInCatalogue).path

    /// The `$schema` value for a file written to `output` (nil: the standard output) for the
    /// catalogue folder `catalogue` (nil: the bundled catalogue); nil for the default line.
    static func target(catalogue: String?, output: String?) -> String? {
        let folder = output.map { output in
            let parts = output.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            let text = parts.isEmpty ? "." : parts.joined(separator: "/").isEmpty ? "/" : parts.joined(separator: "/")
            return resolvingDotDot(text) ?? URL(fileURLWithPath: output).deletingLastPathComponent()
        } ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        if let catalogue {
            let schema = (resolvingDotDot(catalogue) ?? URL(fileURLWithPath: catalogue)).appendingPathComponent(PreparationSchema.pathInCatalogue)
            if isFile(schema.path) { return written(relativePath(from: folder, to: schema), of: schema) }
        }
        let bundled = URL(fileURLWithPath: bundledSchema).standardizedFileURL
        if isFile(bundled.path) { return written(bundled.path, of: bundled) }
        return nil
    }

    /// `path` (of `file`) as the language server reads it: as is, or as the `file://` URL of
    /// `file` when `path` holds a character the server would stop at.
    static func written(_ path: String, of file: URL) -> String {
        let plain = !path.unicodeScalars.contains {
            $0 == "#" || $0.properties.isWhitespace || $0.properties.generalCategory == .control
                || $0.properties.generalCategory == .format
        }
        return plain ? path : file.standardizedFileURL.absoluteString
    }

    /// The path of `file` relative to the folder `folder`, both made absolute and rid of `.`
    /// and `..` (links are not resolved: an editor resolves the line against the path it
    /// opened; a path with `..` has been, ``resolvingDotDot(_:)``).
    static func relativePath(from folder: URL, to file: URL) -> String {
        let from = folder.standardizedFileURL.pathComponents, to = file.standardizedFileURL.pathComponents
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        // Sharing nothing but the root, the absolute path says the same more plainly.
        if common <= 1 { return file.standardizedFileURL.path }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...]).joined(separator: "/")
    }

    /// The folder `path` with its links resolved when it holds a `..` (nil otherwise): the
    /// system takes `link/..` as the link's target's parent, not the folder the link is in,
    /// which the path's text alone would say (an outside review's `-o catlink/../x.yaml` got a
    /// schema line pointing nowhere). A path without `..` keeps its links: an editor resolves
    /// the line against the path it opened.
    static func resolvingDotDot(_ path: String) -> URL? {
        // On the text as given: `URL` and `resolvingSymlinksInPath()` drop `link/..` as text.
        guard path.split(separator: "/").contains(".."), let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return URL(fileURLWithPath: String(cString: resolved), isDirectory: true)
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory
    }
}
