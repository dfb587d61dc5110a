/// A file to read: where it is on disk, and the path diagnostics name.
struct CatalogueFile: Sendable {
    /// The path to open, as bytes (see `PathBytes.swift`).
    var path: [UInt8]
    /// The path shown in diagnostics: its bytes escaped where they are not UTF-8.
    var displayPath: String

    init(path: [UInt8], displayPath: String) {
        self.path = path
        self.displayPath = displayPath
    }

    /// A file named by text, as on the command line.
    init(path: String) {
        self.init(path: Array(path.utf8), displayPath: path)
    }
}
