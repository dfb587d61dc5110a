import YAMLReader

/// Where a file's text comes from.
enum SourceText: Sendable {
    /// A regular file, read in chunks (and read again for the source lines of diagnostics).
    case file(CatalogueFile)
    /// Text the library carries: a display path and the text.
    case memory(String, String)
    /// A pipe or a device, read once, whole: a display path and the bytes (or why they could
    /// not be read).
    case bytes(String, Result<[UInt8], YAMLError>)

    /// The source named `path` on the command line: a regular file is read when loaded, in
    /// chunks; anything else (such as `/dev/stdin`) now, since it can be read only once.
    static func named(_ path: String, reader: YAMLDocumentReader) -> SourceText {
        guard pathKind(path) == .other else { return .file(CatalogueFile(path: path)) }
        return .bytes(path, Result { () throws(YAMLError) in try reader.readBytes(ofFileAt: path) })
    }

    var displayPath: String {
        switch self {
        case .file(let file): return file.displayPath
        case .memory(let path, _), .bytes(let path, _): return path
        }
    }
}
