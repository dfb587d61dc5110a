/// Bounds that protect the reader against hostile input. Every bound is checked while events are
/// pulled from libyaml, so a file that breaks one stops being read at that point.
package struct YAMLLimits: Sendable, Hashable {
    /// The deepest nesting of sequences and mappings allowed (the document's root is level 1).
    package var maxDepth: Int
    /// The most nodes that aliases may add to one document by repeating anchored nodes.
    package var maxAliasExpansion: Int
    /// The largest file accepted, in bytes.
    package var maxFileSize: Int

    /// Creates limits; the defaults are those of the catalogue format.
    package init(maxDepth: Int = 64, maxAliasExpansion: Int = 10_000, maxFileSize: Int = 16 * 1024 * 1024) {
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxFileSize = maxFileSize
    }

    /// The catalogue format's defaults: depth 64, 10,000 nodes of alias expansion, 16 MiB.
    package static let `default` = YAMLLimits()

    /// The one file-size check of the reader: the error for a file of `size` bytes over
    /// ``maxFileSize``, at `start`; nil when it fits.
    func sizeProblem(_ size: Int, at start: SourceLocation) -> YAMLError? {
        guard size > maxFileSize else { return nil }
        return YAMLError(.limit, at: start, "file is \(sizeText(size)), larger than the limit of \(sizeText(maxFileSize))")
    }

    /// The error for a file that grew past ``maxFileSize`` while it was read, at `start`.
    func grewProblem(at start: SourceLocation) -> YAMLError {
        YAMLError(.limit, at: start, "file grew while being read; larger than the limit of \(sizeText(maxFileSize))")
    }
}
