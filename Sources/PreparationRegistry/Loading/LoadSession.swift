import Foundation
import YAMLReader

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
    var readingThread: ThreadJobs?
    /// Where each preparation's id is written, for duplicate-id messages.
    var idLocations: [String: SourceLocation] = [:]
    /// Every file read, in order, for the source lines of diagnostics (looked up by display
    /// path only when there are diagnostics, so that a clean load of 10,000 files hashes no path).
    var sources: [SourceText] = []

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
            diagnostics.append(.error(second, .secondManifestDocument))
        }
        diagnostics += decoded.problems
        return decoded.manifest
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
            diagnostics.append(.warning(SourceLocation(file: source.displayPath, line: 1, column: 1),
                                          .noPreparation))
        }
    }

    /// Decodes one document as soon as the reader has finished it, so that only one
    /// document's nodes are alive at a time.
    mutating func addPreparation(from document: YAMLDocumentView, vocabulary: Vocabulary) {
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
            diagnostics.append(.error(idLocation, .duplicateID(preparation.id, firstDefinedAt: first)))
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

    /// The fewest preparations for which the registry's indexes are built on a second thread.
    static let indexThreadThreshold = 1_000

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
