/// The part of a catalogue with errors that can still be looked up: the preparations of every
/// file without an error, when every error lies in preparation files.
public struct ValidPart: Sendable {
    /// A registry of the preparations of the files without errors.
    public var registry: Registry
    /// The files with errors, whose preparations are left out, sorted.
    public var brokenFiles: [String]
}

extension CatalogueLoadResult {
    /// The valid part of a catalogue with errors, for looking things up (`query`, `show`): the
    /// preparations of every file that has no error, with the catalogue's manifest.
    ///
    /// Nil when the catalogue is valid (use ``registry``), and when an error lies outside the
    /// preparation files (the catalogue folder, its manifest): a broken vocabulary leaves
    /// nothing to trust. A preparation is left out with its whole file, also when its file's
    /// error lies in another document or comes from a check across files (a `replaced-by`
    /// naming no preparation, a duplicate id). Planning a course from a valid part is not safe:
    /// the preparation left out might have been the right one, or the one a rule needs.
    public func validPart() -> ValidPart? {
        guard !isValid, !hasCatalogueLevelErrors else { return nil }
        var broken = Set(diagnostics.lazy.filter { $0.severity == .error }.map(\.location.file))
        broken.formUnion(omitted.lazy.filter { $0.errors > 0 }.map(\.file))
        // Still sorted by id and unique: a part of ``preparations``.
        let kept = preparations.filter { !broken.contains($0.location.file) }
        let registry = Registry(manifest: manifest, sortedUnique: kept, index: QueryIndex(kept), layering: layering)
        return ValidPart(registry: registry, brokenFiles: broken.sorted())
    }
}
