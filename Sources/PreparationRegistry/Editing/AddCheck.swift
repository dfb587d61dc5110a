import YAMLReader

extension CatalogueAdder {
    /// What ``check(_:replacing:)`` found: the catalogue, the files' bytes, the files loaded
    /// against it (each file's preparations, in order) and the errors among them.
    struct CheckedFiles {
        /// The catalogue as it is.
        var current: CatalogueLoadResult
        /// The files loaded against it.
        var loaded: CatalogueLoadResult
        /// Each file that holds exactly one preparation, with it, in the order given.
        var preparations: [(path: String, preparation: Preparation)]
        /// Every reason to refuse found so far.
        var problems: [Diagnostic]
        /// Each file's bytes as first read, keyed by the bytes of its path.
        var sources: [[UInt8]: [UInt8]]
        var reader: YAMLDocumentReader
        /// The files' errors under the format's default limits when this run raised them.
        var beyondDefaults: [Diagnostic] = []

        /// The warnings of the files: their lint warnings, and each error the format's default
        /// limits would give a file this run's raised limits let in.
        var warnings: [Diagnostic] { loaded.diagnostics.filter { $0.severity == .warning } + beyondDefaults }

        /// The file's bytes read again, when they are those checked; else nil, and a problem.
        /// (The bytes checked are the bytes written: a file changed meanwhile is refused.)
        func bytesAgain(_ path: String, _ problems: inout [Diagnostic]) -> [UInt8]? {
            guard let bytes = try? reader.readBytes(ofFileAt: path), bytes == sources[Array(path.utf8)] else {
                problems.append(.error(SourceLocation(file: path, line: 1, column: 1), .changedWhileChecked))
                return nil
            }
            return bytes
        }
    }

    /// The checks that add and replace share: the catalogue loads without errors, each file
    /// is a regular file from outside the catalogue, named once, and loads against the
    /// catalogue's vocabulary (its errors in ``CheckedFiles/problems``). `locked`: the caller
    /// holds the catalogue's lock already.
    func check(_ files: [String], replacing: Bool, locked: Bool = false) throws(AddError) -> CheckedFiles {
        let start = { (path: String) in SourceLocation(file: path, line: 1, column: 1) }
        guard !files.isEmpty else { throw .refused([.error(start(catalogue), .noFiles(replacing: replacing))]) }
        var current = loadCatalogue()
        if !current.isValid, !locked, pathKind(catalogue) == .directory, CatalogueLoader.holdsCatalogue(catalogue) {
            // Another add or replace may be half-way (a replace that moves a preparation to
            // another area's folder has its id in both for an instant): look again once it is
            // done, under the lock (when the lock cannot be had, the first look stands).
            do throws(AddError) {
                let lock = try CatalogueLock(catalogue: catalogue, timeout: lockTimeout, waiting: waitingForLock)
                current = loadCatalogue()
                lock.unlock()
            } catch {}
        }
        guard current.isValid else {
            let errors = current.diagnostics.filter { $0.severity == .error }
            // A path that is no catalogue at all: its error says so, and nothing is to fix in it.
            guard pathKind(catalogue) == .directory, CatalogueLoader.holdsCatalogue(catalogue) else {
                throw .refused(errors)
            }
            throw .refused(errors + [.error(start(catalogue),
                .catalogueHasErrors(replacing: replacing))])
        }
        var problems: [Diagnostic] = []
        // The catalogue's preparations are the files below preparations/ (section 1 of the
        // format); a draft elsewhere in the catalogue folder, such as one `catalog new -o`
        // wrote beside catalogue.yaml, is not one of them yet.
        let preparationsRoot = realPath(join(catalogue, CatalogueLoader.preparationsFolder))
        // Keyed by the bytes of the paths: the NFC and NFD spellings of a name are two files,
        // which `String` keys would take for one.
        var sources: [[UInt8]: [UInt8]] = [:]
        var named: [[UInt8]: String] = [:]  // real path -> the path it was first named by
        let reader = YAMLDocumentReader(limits: loader.limits)
        for path in files {
            let real = realPath(Array(path.utf8))
            if let real, let first = named[real] {
                problems.append(.error(start(path), first == path
                    ? .namedTwice(sameAs: nil)
                    : .namedTwice(sameAs: first)))
                continue
            }
            if let real { named[real] = path }
            if path.split(separator: "/").last.map(String.init) == CatalogueLoader.manifestName {
                problems.append(.error(start(path), .addManifest))
            } else if pathKind(path) == .directory {
                problems.append(.error(start(path), .addFolder))
            } else if pathKind(path) == .other {
                // A pipe or a device: add reads each file twice (to check it, then to write
                // the very bytes checked), which only a regular file allows.
                problems.append(.error(start(path), .addNotRegular))
            } else if let real, let preparationsRoot, real.starts(with: Array((preparationsRoot + "/").utf8)) {
                problems.append(.error(start(path), .addInsideCatalogue))
            } else if let bytes = try? reader.readBytes(ofFileAt: path) {
                sources[Array(path.utf8)] = bytes
            }
        }
        guard problems.isEmpty else { throw .refused(problems) }

        // A new file's `replaced-by` may name a preparation of the catalogue.
        let checked = loader.load(files: files, manifest: current.manifest, knownIDs: Set(current.preparations.map(\.id)))
        problems += checked.diagnostics.filter { $0.severity == .error }
        var perFile: [[UInt8]: [Preparation]] = [:]
        for preparation in checked.preparations { perFile[Array(preparation.location.file.utf8), default: []].append(preparation) }
        for file in perFile.keys { perFile[file]?.sort { $0.location < $1.location } }
        var preparations: [(path: String, preparation: Preparation)] = []
        for path in files {
            let found = perFile[Array(path.utf8)] ?? []
            if found.count > 1 {
                problems.append(.error(found[1].location,
                    .severalPreparations(found.count)))
                continue
            }
            guard let preparation = found.first else {
                // A file whose document failed to decode has said why already.
                if !problems.contains(where: { $0.location.file == path }) {
                    problems.append(.error(start(path), .noPreparation))
                }
                continue
            }
            preparations.append((path, preparation))
        }
        return CheckedFiles(current: current, loaded: checked, preparations: preparations, problems: problems,
                            sources: sources, reader: reader,
                            beyondDefaults: problems.isEmpty ? beyondDefaultLimits(files, against: current) : [])
    }

    /// For a run whose limits go beyond the format's defaults (`--max-depth 100`): the errors
    /// the defaults give `files`, as warnings. A file only the raised limits let in leaves a
    /// catalogue that every later command fails to load without the same options (an outside
    /// review added a value nested 70 levels deep; `validate` then failed on it); said before
    /// it is written, and refused with `--strict`.
    private func beyondDefaultLimits(_ files: [String], against current: CatalogueLoadResult) -> [Diagnostic] {
        let raised = loader.limits, defaults = YAMLLimits.default
        let strict = YAMLLimits(maxDepth: min(raised.maxDepth, defaults.maxDepth),
                                maxAliasExpansion: min(raised.maxAliasExpansion, defaults.maxAliasExpansion),
                                maxFileSize: min(raised.maxFileSize, defaults.maxFileSize))
        guard strict != raised else { return [] }
        var strictLoader = loader
        strictLoader.limits = strict
        let again = strictLoader.load(files: files, manifest: current.manifest, knownIDs: Set(current.preparations.map(\.id)))
        return again.diagnostics.filter { $0.severity == .error }.map { .warning($0.location, .beyondDefaultLimits($0.message)) }
    }
}
