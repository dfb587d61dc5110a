import Foundation
import YAMLReader

/// What loading a catalogue gave: the registry when the catalogue is valid, and every
/// diagnostic of every file, sorted by file, line and column.
public struct CatalogueLoadResult: Sendable {
    /// The registry, or nil when any error was found (warnings allow a registry).
    public var registry: Registry?
    /// The manifest in force (the bundled vocabulary when the catalogue has none).
    public var manifest: Manifest
    /// Every preparation that decoded without errors, sorted by id (the earlier of two equal
    /// ids first); when the catalogue is valid, the registry's own array.
    public var preparations: [Preparation]
    /// Every diagnostic.
    public var diagnostics: [Diagnostic]
    /// How many files were read.
    public var fileCount: Int
    /// The diagnostics found but not kept, per file (at most ``CatalogueLoader/diagnosticsPerFile``
    /// are kept of one file, and ``CatalogueLoader/diagnosticsInAll`` in all), sorted by file.
    public var omitted: [OmittedDiagnostics] = []
    /// Whether an error lies outside the preparation files (the folder, the manifest).
    package var hasCatalogueLevelErrors = false
    /// Ids whose definition is in doubt: defined twice in one layer, or listed under a layer's
    /// `replaces` without that layer defining it (its file broken or missing).
    package var idsInDoubt: Set<String> = []

    /// The number of errors, those omitted included.
    public var errorCount: Int { diagnostics.count { $0.severity == .error } + omitted.reduce(0) { $0 + $1.errors } }
    /// The number of warnings, those omitted included.
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } + omitted.reduce(0) { $0 + $1.warnings } }
    /// True when there is no error.
    public var isValid: Bool { errorCount == 0 }

    /// Which layer each preparation comes from (``CatalogueLoader/load(layers:)``).
    var layering = LayerMap()

    /// The layers loaded, in order: those given to ``CatalogueLoader/load(layers:)``; empty
    /// for the other ways of loading.
    public var layers: [CatalogueLayer] { layering.layers }

    /// True when more than one layer was loaded.
    public var isLayered: Bool { layering.layers.count > 1 }

    /// The layer that the preparation `id` of ``preparations`` comes from (for an id that
    /// several layers define, the one in force: the first, or the last that replaces it on
    /// purpose); nil for an id not among them or a catalogue not loaded as layers.
    public func layer(of id: String) -> CatalogueLayer? {
        guard !layering.layers.isEmpty else { return nil }
        if layering.layers.count == 1 {
            let index = preparations.partitioningIndex { $0.id >= id }
            guard index < preparations.count, preparations[index].id == id else { return nil }
        }
        return layering.layer(of: id)
    }
}

extension Array {
    /// The first index whose element satisfies `predicate`, which must be false for a prefix of
    /// the array and true for the rest (a binary search).
    func partitioningIndex(where predicate: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

/// Loads catalogues: a directory, single files, or the bundled catalogue that the library
/// carries. Every file is read, and every diagnostic of every file is collected: one bad file
/// never hides another's errors.
public struct CatalogueLoader: Sendable {
    /// The bounds that protect against hostile files.
    public var limits: YAMLLimits

    /// The manifest file's name inside a catalogue folder.
    public static let manifestName = "catalogue.yaml"
    /// The folder, inside a catalogue folder, that holds the preparation files.
    public static let preparationsFolder = "preparations"

    /// Creates a loader.
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Loads the catalogue folder at `path`: its manifest (if any) and every `*.yaml` and
    /// `*.yml` below `preparations/`. A folder with neither is not a catalogue: an error.
    public func load(catalogueAt path: String) -> CatalogueLoadResult {
        load(catalogueAt: path, preparations: true)
    }

    /// Reads only the manifest of the catalogue folder at `path` (the bundled vocabulary when
    /// it has none): what checking single files against that catalogue needs. A folder with
    /// neither `catalogue.yaml` nor `preparations/` is not a catalogue: an error.
    public func loadManifest(catalogueAt path: String) -> CatalogueLoadResult {
        load(catalogueAt: path, preparations: false)
    }

    private func load(catalogueAt path: String, preparations: Bool) -> CatalogueLoadResult {
        var hooks = NoLoadHooks()
        return load(catalogueAt: path, preparations: preparations, LoadSession(reader: YAMLDocumentReader(limits: limits)),
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
                session.diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), "cannot read folder: \(reason)"))
                return session.finish(manifest: fallback)
            }
        case .missing:
            let reason = unreachableReason(path).map { "cannot reach the catalogue folder: \($0)" } ?? "no catalogue folder here"
            session.diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), reason))
            return session.finish(manifest: fallback)
        default:
            session.diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1),
                "not a catalogue folder; a catalogue is a folder with '\(Self.manifestName)' and '\(Self.preparationsFolder)/'"))
            return session.finish(manifest: fallback)
        }
        // Section 1 (1.1): a folder with neither a manifest nor a preparations folder (an empty
        // folder, a project's root) is not a catalogue, rather than an empty one.
        guard Self.holdsCatalogue(path) else {
            session.diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), Self.notACatalogueMessage))
            return session.finish(manifest: fallback)
        }
        guard var walker = CatalogueWalker(root: path) else {
            session.diagnostics.append(.error(SourceLocation(file: path, line: 1, column: 1), "cannot resolve the catalogue folder"))
            return session.finish(manifest: fallback)
        }
        var manifest = fallback
        let manifestPath = join(path, Self.manifestName)
        switch pathKind(manifestPath) {
        case .file:
            if let real = realPath(Array(manifestPath.utf8)), real.starts(with: walker.realRoot + [0x2F]) {
                let before = session.diagnostics.count
                let read = session.loadManifest(.file(CatalogueFile(path: manifestPath)))
                manifest = read ?? manifest
                if preparations, read == nil, session.diagnostics[before...].contains(where: { $0.severity == .error }) {
                    // A manifest that could not be read at all (a syntax error): the preparations
                    // are checked against the bundled vocabulary instead; say so once, here.
                    session.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: manifestPath, line: 1, column: 1),
                        "the manifest could not be read, so the preparations are checked against \(session.settings.fallbackName): an unknown word in them may be one this manifest defines"))
                }
            } else {
                session.diagnostics.append(.error(SourceLocation(file: manifestPath, line: 1, column: 1),
                                                  "symbolic link leads outside the catalogue"))
            }
        case .missing:
            if isLink(manifestPath) {
                session.diagnostics.append(.error(SourceLocation(file: manifestPath, line: 1, column: 1),
                                                  "symbolic link leads nowhere (its target does not exist)"))
            }
        case .directory, .other:
            let what = pathKind(manifestPath) == .directory ? "a folder" : "not a regular file"
            session.diagnostics.append(.error(SourceLocation(file: manifestPath, line: 1, column: 1),
                                              "'\(Self.manifestName)' is \(what); the manifest must be a file"))
        }
        manifest = hooks.manifestRead(manifest, in: &session)
        guard preparations else { return session.finish(manifest: manifest) }
        let preparationsPath = join(path, Self.preparationsFolder)
        switch pathKind(preparationsPath) {
        case .directory:
            walker.walk(Self.preparationsFolder)
        case .missing where isLink(preparationsPath):
            session.diagnostics.append(.error(SourceLocation(file: preparationsPath, line: 1, column: 1),
                                              "symbolic link leads nowhere (its target does not exist)"))
        case .missing:
            session.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: path, line: 1, column: 1),
                "the catalogue has no '\(Self.preparationsFolder)' folder, so no preparations"))
        case .file, .other:
            session.diagnostics.append(.error(SourceLocation(file: preparationsPath, line: 1, column: 1),
                "'\(Self.preparationsFolder)' is not a folder; it must be the folder of the preparation files"))
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
    public func load(files paths: [String], manifest: Manifest? = nil, knownIDs: Set<String> = []) -> CatalogueLoadResult {
        var session = LoadSession(reader: YAMLDocumentReader(limits: limits))
        session.knownIDs = knownIDs
        var manifest = manifest ?? BundledCatalogue.fallbackManifest
        for path in paths where path.split(separator: "/").last.map(String.init) == Self.manifestName {
            manifest = session.loadManifest(.named(path, reader: session.reader)) ?? manifest
        }
        session.markCatalogueLevelErrors()
        // A regular file named twice (also under another spelling of its path) is read once,
        // under the first of its names in sorted order.
        var read: Set<[UInt8]> = []
        for path in paths.sorted() where path.split(separator: "/").last.map(String.init) != Self.manifestName {
            if pathKind(path) == .file, let real = realPath(Array(path.utf8)), !read.insert(real).inserted { continue }
            session.loadPreparations(.named(path, reader: session.reader), vocabulary: manifest.vocabulary)
        }
        return session.finish(manifest: manifest)
    }

    /// Loads the bundled catalogue, which the library carries inside it (diagnostics name its
    /// files as `Catalogue/...`, their place in the project).
    public func loadBundled() -> CatalogueLoadResult {
        var hooks = NoLoadHooks()
        return loadBundled(preparations: true, LoadSession(reader: YAMLDocumentReader(limits: limits)), hooks: &hooks)
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

/// One run of the loader: the files read so far, their preparations and diagnostics.
struct LoadSession {
    let reader: YAMLDocumentReader
    var diagnostics: [Diagnostic] = []
    /// How many diagnostics each file has kept and left out (``keep(_:)``).
    var cap = DiagnosticCap()
    var preparations: [Preparation] = []
    var fileCount = 0
    /// Ids of preparations that exist besides those loaded, which `replaced-by` may name.
    var knownIDs: Set<String> = []
    /// Whether an error lies outside the preparation files (the folder, the manifest): set by
    /// ``markCatalogueLevelErrors()`` before the preparation files are read, else at the finish.
    private var catalogueLevelErrors: Bool?
    /// How a layer of several is loaded (the defaults for a catalogue on its own).
    var settings = LayerSettings()
    /// Ids that a look-up must not answer (``CatalogueLoadResult/idsInDoubt``).
    var idsInDoubt: Set<String> = []
    /// The reader's storage, reused from one file to the next.
    private var buffers = YAMLReadBuffers()
    /// Texts that preparations share, kept once for the whole load.
    private let interner = TextInterner()
    /// The reading thread of ``loadPreparations(_:vocabulary:)``, which takes more work once it
    /// has read every file, until this session lets it go.
    private var readingThread: ThreadJobs?
    /// Where each preparation's id is written, for duplicate-id messages.
    private var idLocations: [String: SourceLocation] = [:]
    /// Every file read, in order, for the source lines of diagnostics (looked up by display
    /// path only when there are diagnostics, so that a clean load of 10,000 files hashes no path).
    private var sources: [SourceText] = []

    init(reader: YAMLDocumentReader) {
        self.reader = reader
    }

    /// Reads a file's documents one at a time, handing each to `body`, or records why the file
    /// cannot be read. Reader errors come after the documents' own diagnostics.
    private mutating func eachDocument(_ source: SourceText, _ body: (inout LoadSession, YAMLDocumentView) -> Void) {
        fileCount += 1
        sources.append(source)
        var buffers = YAMLReadBuffers()
        swap(&buffers, &self.buffers)
        let errors = Self.read(source, reader: reader, buffers: &buffers) { document in body(&self, document) }
        swap(&buffers, &self.buffers)
        keep(errors.map(Diagnostic.init))
    }

    /// Reads one source's documents, handing each to `body` while the reader holds it; returns
    /// the reader's errors.
    private static func read(_ source: SourceText, reader: YAMLDocumentReader, buffers: inout YAMLReadBuffers,
                             _ body: (YAMLDocumentView) -> Void) -> [YAMLError] {
        switch source {
        case .file(let file):
            // Fed to libyaml in chunks straight from the file: a large file is never held whole.
            return reader.readFlat(fileAt: file.path, displayPath: file.displayPath, buffers: &buffers, eachDocument: body)
        case .memory(_, let text):
            return Array(text.utf8).withUnsafeBufferPointer { bytes in
                reader.readFlat(bytes, file: source.displayPath, eachDocument: body)
            }
        case .bytes(_, .failure(let error)):
            return [error]
        case .bytes(_, .success(let read)):
            return read.withUnsafeBufferPointer { bytes in
                reader.readFlat(bytes, file: source.displayPath, eachDocument: body)
            }
        }
    }

    mutating func loadManifest(_ source: SourceText) -> Manifest? {
        // The first document that is not empty is decoded while the reader holds it.
        var count = 0
        var second: SourceLocation?
        var decoded: (manifest: Manifest?, problems: [Diagnostic])?
        let fallback = settings.fallback
        eachDocument(source) { _, document in
            count += 1
            if count == 2 { second = document.location }
            guard decoded == nil, !document.root.isNull else { return }
            decoded = ManifestDecoder.decode(document, fallback: fallback.vocabulary,
                                             places: fallback.wordPlaces, lintRules: LintRules.ids)
        }
        guard let decoded else { return nil }
        if let second {
            diagnostics.append(.error(second, "the manifest holds one document only"))
        }
        diagnostics += decoded.problems
        return decoded.manifest
    }

    /// Loads the preparations of several files with two threads: one runs libyaml over the
    /// files in order and records their events (``YAMLEventRecorder``), handing them over in
    /// batches, while this one builds the documents (``YAMLEventReplayer``) and decodes them.
    /// The diagnostics are the same as ``loadPreparations(_:vocabulary:)`` file by file.
    mutating func loadPreparations(_ sources: [SourceText], vocabulary: Vocabulary) {
        guard sources.count > 0 else { return }
        fileCount += sources.count
        self.sources += sources
        // At most 512 KiB of events wait (about 8 batches), however large a scalar makes one.
        let full = HandOverQueue<YAMLEventBatch>(capacity: 1 << 19) { $0.count }
        let emptied = HandOverQueue<YAMLEventBatch>()
        let limits = reader.limits
        let jobs = ThreadJobs()
        readingThread = jobs
        let runJobs = jobs.runner
        let thread = Thread {
            var recorder = YAMLEventRecorder(limits: limits) { batch in
                full.put(batch)
                return emptied.takeIfAny() ?? YAMLEventBatch()
            }
            for source in sources {
                switch source {
                case .file(let file):
                    recorder.record(fileAt: file.path, displayPath: file.displayPath)
                case .memory(let path, let text):
                    Array(text.utf8).withUnsafeBufferPointer { recorder.record($0, file: path) }
                case .bytes(let path, .success(let bytes)):
                    bytes.withUnsafeBufferPointer { recorder.record($0, file: path) }
                case .bytes(let path, .failure(let error)):
                    recorder.record(unreadable: path, error: error)
                }
            }
            recorder.flush()
            full.finish()
            // Then the registry's indexes, in the memory the reading used and gave back.
            runJobs()
        }
        thread.start()
        var replayer = YAMLEventReplayer(limits: limits)
        var file = 0
        var found = 0
        var before = cap.recorded
        while var batch = full.take() {
            replayer.replay(batch, eachDocument: { view in
                guard !view.root.isNull else { return }
                found += 1
                addPreparation(from: view, vocabulary: vocabulary)
            }, endOfFile: { errors in
                keep(errors.map(Diagnostic.init))
                if found == 0, cap.recorded == before {
                    diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: sources[file].displayPath, line: 1, column: 1),
                                                  "the file holds no preparation"))
                }
                file += 1
                found = 0
                before = cap.recorded
            })
            batch.removeAll()
            emptied.put(batch)
        }
    }

    mutating func loadPreparations(_ source: SourceText, vocabulary: Vocabulary) {
        let before = cap.recorded
        var found = 0
        eachDocument(source) { session, document in
            guard !document.root.isNull else { return }
            found += 1
            session.addPreparation(from: document, vocabulary: vocabulary)
        }
        if found == 0, cap.recorded == before {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: source.displayPath, line: 1, column: 1),
                                          "the file holds no preparation"))
        }
    }

    /// Decodes one document as soon as the reader has finished it, so that only one
    /// document's nodes are alive at a time.
    private mutating func addPreparation(from document: YAMLDocumentView, vocabulary: Vocabulary) {
        let file = document.root.location.file
        guard cap.keepsMore(of: file) else {
            let (preparation, errors, first) = PreparationDecoder.decodeCounting(document, vocabulary: vocabulary,
                                                                                 interner: interner)
            if errors > 0, let first { cap.count(errors: errors, of: file, first: first) }
            if let preparation { add(preparation, idLocation: preparation.location(of: "id")) }
            return
        }
        let (preparation, problems) = PreparationDecoder.decode(document, vocabulary: vocabulary, interner: interner)
        if !problems.isEmpty { keep(problems) }
        guard let preparation else { return }
        let idLocation = preparation.location(of: "id")
        add(preparation, idLocation: idLocation)
    }

    private mutating func add(_ preparation: consuming Preparation, idLocation: SourceLocation) {
        if let first = idLocations[preparation.id] {
            diagnostics.append(.error(idLocation, "duplicate id '\(preparation.id)'; first defined at \(first)"))
            idsInDoubt.insert(preparation.id)
            return
        }
        idLocations[preparation.id] = idLocation
        preparations.append(preparation)
    }

    /// Notes whether an error has been found so far, before any preparation file is read:
    /// such an error (the folder, the manifest) leaves no valid part to answer from.
    mutating func markCatalogueLevelErrors() {
        catalogueLevelErrors = diagnostics.contains { $0.severity == .error } || cap.omittedList.contains { $0.errors > 0 }
    }

    /// Cross-file checks, lint, source lines and order.
    mutating func finish(manifest: Manifest) -> CatalogueLoadResult {
        if catalogueLevelErrors == nil { markCatalogueLevelErrors() }
        let lintRules = LintRules.enabled(disabled: manifest.disabledLintRules)
        let lintContext = LintContext(vocabulary: manifest.vocabulary)
        // Sorted in place, so that the registry can share the array instead of copying it.
        if !Registry.isSortedByUniqueID(preparations) { Registry.sortByID(&preparations) }
        // The registry's indexes take about as long to build as the checks below take to run:
        // for a large catalogue with no error so far, they are built meanwhile on a second
        // thread (and dropped if the checks find an error).
        let indexBuild = settings.layered || diagnostics.contains { $0.severity == .error }
            || preparations.count < Self.indexThreadThreshold ? nil : IndexBuild(preparations, on: readingThread)
        readingThread = nil
        keep(crossFileChecksAndLint(lintRules, lintContext))
        attachSourceLines()
        // Sorted through their indices (ties keep the order found): a copy of each diagnostic
        // beside its index would double the memory of a file with a million problems.
        let order = diagnostics.indices.sorted { a, b in
            let x = diagnostics[a].location, y = diagnostics[b].location
            return x == y ? a < b : x < y
        }
        diagnostics = order.map { diagnostics[$0] }
        let hasErrors = diagnostics.contains { $0.severity == .error } || cap.omittedList.contains { $0.errors > 0 }
        let index = indexBuild?.result()
        return CatalogueLoadResult(
            registry: hasErrors || settings.layered ? nil : Registry(manifest: manifest, sortedUnique: preparations,
                                                 index: index ?? QueryIndex(preparations)),
            manifest: manifest, preparations: preparations, diagnostics: diagnostics, fileCount: fileCount,
            omitted: cap.omittedList, hasCatalogueLevelErrors: catalogueLevelErrors ?? true, idsInDoubt: idsInDoubt)
    }

    /// At most this many unknown `replaced-by` ids per load get a "did you mean" (each costs a
    /// comparison with every id of the catalogue).
    static let suggestedReplacements = 100

    /// The fewest preparations for which the registry's indexes are built on a second thread.
    static let indexThreadThreshold = 1_000

    /// The problems only the whole catalogue shows (a `replaced-by` naming no preparation, or a
    /// circle of replacements) and the lint warnings. The preparations are read in place: a
    /// loop over the array, or a subscript in a mutating method, would copy each one (about 20
    /// reference counts each way).
    private func crossFileChecksAndLint(_ lintRules: [LintRule], _ lintContext: LintContext) -> [Diagnostic] {
        preparations.withUnsafeBufferPointer { all in
            var found: [Diagnostic] = []
            func replacedByPlace(_ index: Int) -> SourceLocation {
                all[index].keyPlaces.location(of: KeyPlaces.replacedByField, from: all[index].location)
                    ?? all[index].location(of: "deprecated")
            }
            // Every preparation whose chain of replacements comes back to it.
            var next: [String: String] = [:]
            for index in all.indices {
                if let replacement = all[index].deprecated?.replacedBy { next[all[index].id] = replacement }
            }
            let circles = next.isEmpty ? [:] : ReplacementChains.circles(next)
            if !circles.isEmpty {
                for index in all.indices {
                    guard let circle = circles[all[index].id] else { continue }
                    found.append(.error(replacedByPlace(index), ReplacementChains.message(circle)))
                }
            }
            // The ids a `replaced-by` may name, sorted and lower-cased once, when the first unknown
            // one needs them. Each suggestion compares the word with every id, so only the first
            // `suggestedReplacements` unknown ones get one: 20,000 dangling references to 20,000
            // ids would otherwise make 400 million comparisons.
            var allIDs: Suggestions.Candidates?
            var suggested = 0
            for index in all.indices {
                if let replacement = all[index].deprecated?.replacedBy, idLocations[replacement] == nil,
                   !knownIDs.contains(replacement) {
                    if allIDs == nil { allIDs = Suggestions.Candidates(Set(idLocations.keys).union(knownIDs).sorted()) }
                    suggested += 1
                    let hint = suggested > Self.suggestedReplacements ? "" : allIDs?.didYouMean(replacement) ?? ""
                    found.append(.error(replacedByPlace(index),
                                        "'replaced-by' names '\(replacement)', which is not a preparation in the catalogue" + hint))
                }
                let warnings = LintRules.warnings(for: all[index], rules: lintRules, context: lintContext)
                if !warnings.isEmpty { found += warnings }
            }
            return found
        }
    }

    private mutating func attachSourceLines() {
        guard !diagnostics.isEmpty else { return }
        // Keyed by the bytes of the paths: the NFC and NFD spellings of one name are two files,
        // which `String` keys would take for one.
        let sources = Dictionary(self.sources.map { (Array($0.displayPath.utf8), $0) }, uniquingKeysWith: { $1 })
        // The lines each file's diagnostics need, then each file read once for just those lines
        // (a catalogue with thousands of warnings in one large file must not be split whole).
        var wanted: [[UInt8]: [Int]] = [:]
        for diagnostic in diagnostics where diagnostic.sourceLine == nil {
            wanted[Array(diagnostic.location.file.utf8), default: []].append(diagnostic.location.line)
        }
        var found: [[UInt8]: SourceLines] = [:]
        for (file, lines) in wanted {
            guard let source = sources[file] else { continue }
            let bytes: [UInt8]
            switch source {
            case .memory(_, let text):
                bytes = Array(text.utf8)
            case .bytes(_, let read):
                guard case .success(let read) = read else { continue }
                bytes = read
            case .file(let f):
                guard case .success(let read) = reader.readBytes(ofFileAt: f.path, displayPath: f.displayPath) else { continue }
                bytes = read
            }
            found[file] = SourceLines(bytes, only: Set(lines))
        }
        for index in diagnostics.indices where diagnostics[index].sourceLine == nil {
            let location = diagnostics[index].location
            if let line = found[Array(location.file.utf8)]?[location.line] { diagnostics[index].sourceLine = line }
        }
    }
}

/// Work for a thread that has done its own: ``runner`` (called on that thread) runs each job
/// given with ``give(_:)``, in order, until the last owner of this object lets go of it. The
/// runner holds only the queue, never this object, so letting go always ends it.
final class ThreadJobs: Sendable {
    typealias Job = @Sendable () -> Void
    private let queue = HandOverQueue<Job>()

    /// Runs every job given, until no more can come.
    var runner: @Sendable () -> Void {
        let queue = self.queue
        return { while let job = queue.take() { job() } }
    }

    /// Hands `job` to the thread.
    func give(_ job: @escaping Job) {
        queue.put(job)
    }

    deinit {
        queue.finish()
    }
}

/// The registry's indexes of sorted preparations, built on another thread: the reading thread
/// of the load when there is one (its work is done by then), else a thread of their own.
private struct IndexBuild {
    private let queue = HandOverQueue<QueryIndex>()

    init(_ preparations: [Preparation], on thread: ThreadJobs?) {
        let queue = self.queue
        let job: ThreadJobs.Job = {
            queue.put(QueryIndex(preparations))
            queue.finish()
        }
        if let thread { thread.give(job) } else { Thread(block: job).start() }
    }

    /// The indexes, waiting for them.
    func result() -> QueryIndex? {
        queue.take()
    }
}
