import YAMLReader

/// Loads catalogues: a directory, single files, or the bundled catalogue that the library
/// carries. Every file is read, and every diagnostic of every file is collected: one bad file
/// never hides another's errors.
public struct CatalogueLoader: Sendable {
    /// The bounds that protect against hostile files.
    package var limits: YAMLLimits
    /// The work each load does beyond reading and checking: lint, source lines, query
    /// indexes (`LoadWork`; by default all of it).
    package var work: LoadWork

    /// The manifest file's name inside a catalogue folder.
    package static let manifestName = "catalogue.yaml"
    /// The folder, inside a catalogue folder, that holds the preparation files.
    package static let preparationsFolder = "preparations"

    /// Creates a loader with the default bounds against hostile files, that does all the
    /// work of a load: lint, source lines for the diagnostics, and the query indexes.
    public init() {
        self.init(limits: .default, work: .all)
    }

    /// Creates a loader.
    ///
    /// - Parameters:
    ///   - limits: the bounds that protect against hostile files.
    ///   - work: the work each load does beyond reading and checking (`LoadWork`): by
    ///     default `LoadWork.all`; `LoadWork.validation` to check a catalogue,
    ///     `LoadWork.lookUp` to look preparations up or plan from them.
    package init(limits: YAMLLimits = .default, work: LoadWork = .all) {
        self.limits = limits
        self.work = work
    }

    /// A session of one load, with this loader's limits and work.
    func session() -> LoadSession {
        LoadSession(reader: YAMLDocumentReader(limits: limits), work: work)
    }

    /// Loads the catalogue folder at `path`: its manifest (if any) and every `*.yaml` and
    /// `*.yml` below `preparations/`. A folder with neither is not a catalogue: an error.
    public func load(catalogueAt path: String) -> CatalogueLoadResult {
        load(catalogueAt: path, preparations: true)
    }

    /// Reads only the manifest of the catalogue folder at `path` (the bundled vocabulary when
    /// it has none): what checking single files against that catalogue needs. A folder with
    /// neither `catalogue.yaml` nor `preparations/` is not a catalogue: an error.
    package func loadManifest(catalogueAt path: String) -> CatalogueLoadResult {
        load(catalogueAt: path, preparations: false)
    }

    private func load(catalogueAt path: String, preparations: Bool) -> CatalogueLoadResult {
        var hooks = NoLoadHooks()
        return load(catalogueAt: path, preparations: preparations, session(),
                    hooks: &hooks)
    }

    /// Loads the catalogue folder at `path` in `session`, with `hooks` (the layers' merge,
    /// ``LayerMerge``) told of the manifest and of the preparations read.
    func load<Hooks: LoadHooks>(catalogueAt path: String, preparations: Bool, _ session: LoadSession,
                                hooks: inout Hooks) -> CatalogueLoadResult {
        var session = session
        let fallback = session.settings.fallback
        switch pathKind(path) {
        case .directory:
            // Unreadable, its manifest and preparations folder would look missing.
            if let reason = unreadableFolderReason(path) {
                session.diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), .cannotReadFolder(reason)))
                return session.finish(manifest: fallback)
            }
        case .missing:
            let reason = unreachableReason(path)
            session.diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), .noCatalogueFolder(unreachable: reason)))
            return session.finish(manifest: fallback)
        default:
            session.diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1),
                .notACatalogueFolder))
            return session.finish(manifest: fallback)
        }
        // Section 1 (1.1): a folder with neither a manifest nor a preparations folder (an empty
        // folder, a project's root) is not a catalogue, rather than an empty one.
        guard Self.holdsCatalogue(path) else {
            session.diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), .notACatalogue))
            return session.finish(manifest: fallback)
        }
        guard var walker = CatalogueWalker(root: path) else {
            session.diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), .unresolvableFolder))
            return session.finish(manifest: fallback)
        }
        var manifest = fallback
        let manifestPath = join(path, Self.manifestName)
        switch pathKind(manifestPath) {
        case .file:
            let real = realPath(Array(manifestPath.utf8))
            if let real, real.starts(with: walker.realRoot + [0x2F]) {
                let before = session.diagnostics.count
                let read = session.loadManifest(.file(CatalogueFile(path: manifestPath)))
                manifest = read ?? manifest
                if preparations, read == nil, session.diagnostics[before...].contains(where: { $0.severity == .error }) {
                    // A manifest that could not be read at all (a syntax error): the preparations
                    // are checked against the bundled vocabulary instead; say so once, here.
                    session.diagnostics.append(.warning(SourceLocation(file: manifestPath, line: 1, column: 1),
                        .manifestUnreadable(fallback: session.settings.fallbackName)))
                }
            } else {
                session.diagnostics.append(.error(SourceLocation(file: manifestPath, line: 1, column: 1),
                                                  .linkOutside(to: real.map(escapedPath))))
            }
        case .missing:
            if isLink(manifestPath) {
                session.diagnostics.append(.error(SourceLocation(file: manifestPath, line: 1, column: 1),
                                                  brokenLink(manifestPath)))
            }
        case .directory, .other:
            let what = pathKind(manifestPath) == .directory ? "a folder" : "not a regular file"
            session.diagnostics.append(.error(SourceLocation(file: manifestPath, line: 1, column: 1),
                                              .manifestNotAFile(what)))
        }
        manifest = hooks.manifestRead(manifest, in: &session)
        guard preparations else { return session.finish(manifest: manifest) }
        let preparationsPath = join(path, Self.preparationsFolder)
        switch pathKind(preparationsPath) {
        case .directory:
            walker.walk(Self.preparationsFolder)
        case .missing where isLink(preparationsPath):
            session.diagnostics.append(.error(SourceLocation(file: preparationsPath, line: 1, column: 1),
                                              brokenLink(preparationsPath)))
        case .missing:
            session.diagnostics.append(.warning(SourceLocation(file: path, line: 1, column: 1),
                .noPreparationsFolder))
        case .file, .other:
            session.diagnostics.append(.error(SourceLocation(file: preparationsPath, line: 1, column: 1),
                .preparationsNotAFolder))
        }
        session.markCatalogueLevelErrors()
        session.diagnostics += walker.diagnostics
        // The walker's list is not kept alive beside the sources made of it.
        let sources = walker.files.map(SourceText.file)
        walker.files = []
        session.loadPreparations(sources, vocabulary: manifest.vocabulary)
        hooks.preparationsRead(in: &session)
        return session.finish(manifest: manifest)
    }

    /// Loads preparation files on their own, checked against `manifest`'s vocabulary (by
    /// default the bundled catalogue's); ids must be unique among them. A file named
    /// `catalogue.yaml` is checked as a manifest instead. A file named twice, also under two
    /// spellings of its path, is read once.
    ///
    /// - Parameters:
    ///   - paths: the files (a pipe or a device, such as `/dev/stdin`, is read once, whole).
    ///   - manifest: the manifest whose vocabulary the files are checked against.
    ///   - knownIDs: the ids of preparations that exist besides the files, such as those of
    ///     the catalogue the files are checked against or added to: a `deprecated.replaced-by`
    ///     may name one of them as well as one of the files. (Ids of the files that are also
    ///     among them are not duplicates: only the files' own ids must be unique.)
    package func load(files paths: [String], manifest: Manifest? = nil, knownIDs: Set<String> = []) -> CatalogueLoadResult {
        var session = self.session()
        session.knownIDs = knownIDs
        var manifest = manifest ?? BundledCatalogue.fallbackManifest
        for path in paths where path.split(separator: "/").last.map(String.init) == Self.manifestName {
            manifest = session.loadManifest(.named(path, reader: session.reader)) ?? manifest
        }
        session.markCatalogueLevelErrors()
        // A regular file named twice (also under another spelling of its path) is read once,
        // under the first of its names in sorted order.
        var read: Set<PathKey> = []
        for path in paths.sorted() where path.split(separator: "/").last.map(String.init) != Self.manifestName {
            if pathKind(path) == .file, let real = realPath(Array(path.utf8)), !read.insert(PathKey(real)).inserted { continue }
            session.loadPreparations(.named(path, reader: session.reader), vocabulary: manifest.vocabulary)
        }
        return session.finish(manifest: manifest)
    }

    /// Loads the bundled catalogue, which the library carries inside it (diagnostics name its
    /// files as `Catalogue/...`, their place in the project).
    public func loadBundled() -> CatalogueLoadResult {
        var hooks = NoLoadHooks()
        return loadBundled(preparations: true, session(), hooks: &hooks)
    }

    /// Loads the bundled catalogue in `session`, as ``load(catalogueAt:preparations:_:hooks:)``
    /// loads a folder.
    func loadBundled<Hooks: LoadHooks>(preparations: Bool, _ session: LoadSession, hooks: inout Hooks) -> CatalogueLoadResult {
        var session = session
        var manifest = session.settings.fallback
        for file in BundledCatalogue.files where file.path == Self.manifestName {
            manifest = session.loadManifest(.memory(BundledCatalogue.displayPath(file.path), file.text)) ?? manifest
        }
        manifest = hooks.manifestRead(manifest, in: &session)
        guard preparations else { return session.finish(manifest: manifest) }
        session.markCatalogueLevelErrors()
        for file in BundledCatalogue.files where file.path.hasPrefix(Self.preparationsFolder + "/") {
            session.loadPreparations(.memory(BundledCatalogue.displayPath(file.path), file.text),
                                     vocabulary: manifest.vocabulary)
        }
        hooks.preparationsRead(in: &session)
        return session.finish(manifest: manifest)
    }
}

extension CatalogueLoader {
    /// What a folder with neither a manifest nor a preparations folder is told (at the folder).
    static let notACatalogueMessage =
        "not a catalogue: this folder has neither '\(manifestName)' nor '\(preparationsFolder)/'"

    /// Whether the folder at `path` has a `catalogue.yaml` or a `preparations` entry (even a
    /// broken one, which is then an error of its own), as a catalogue must (section 1, 1.1).
    static func holdsCatalogue(_ path: String) -> Bool {
        entryExists(join(path, manifestName)) || entryExists(join(path, preparationsFolder))
    }
}
