/// The part of a catalogue with errors that can still be looked up: the preparations of every
/// file without an error, when every error lies in preparation files.
package struct ValidPart: Sendable {
    /// A registry of the preparations of the files without errors.
    package var registry: Registry
    /// The files with errors, whose preparations are left out, sorted.
    package var brokenFiles: [String]
    /// The ids a look-up must not answer: those of the broken files that could be read, those
    /// named by a broken file (`face/x.yaml` for `x`), defined twice, or replaced by a layer
    /// whose replacement did not load.
    package var leftOutIDs: Set<String>

    /// The name of the file at `path` without its extension: `x` for `preparations/face/x.yaml`.
    package static func stem(of path: String) -> String? {
        guard let name = path.split(separator: "/").last, let dot = name.lastIndex(of: ".") else { return nil }
        return String(name[..<dot])
    }
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
    package func validPart() -> ValidPart? {
        guard !isValid, !hasCatalogueLevelErrors else { return nil }
        var broken = Set(diagnostics.lazy.filter { $0.severity == .error }.map(\.location.file))
        broken.formUnion(omitted.lazy.filter { $0.errors > 0 }.map(\.file))
        // A preparation is also left out when its id is in doubt (two definitions, or a
        // replacement that did not load), and when a broken file bears its name (the
        // one-file-a-preparation convention): the version left may be the one a broken file
        // meant to change. Still sorted by id and unique: a part of ``preparations``.
        let brokenStems = Set(broken.compactMap { ValidPart.stem(of: $0)?.lowercased() })
        let kept = preparations.filter { p in
            !broken.contains(p.location.file) && !idsInDoubt.contains(p.id) && !brokenStems.contains(p.id)
        }
        let registry = Registry(manifest: manifest, sortedUnique: kept, layering: layering)
        let leftOut = Set(preparations.lazy.map(\.id)).subtracting(kept.map(\.id))
        return ValidPart(registry: registry, brokenFiles: broken.sorted(), leftOutIDs: leftOut.union(idsInDoubt).union(brokenStems))
    }
}
