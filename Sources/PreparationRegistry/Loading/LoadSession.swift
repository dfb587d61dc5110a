#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import YAMLReader

/// One run of the loader: the files read so far, their preparations and diagnostics.
struct LoadSession {
    let reader: YAMLDocumentReader
    /// The work beyond reading and checking: lint, source lines, query indexes.
    let work: LoadWork
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
    /// The byte tables of the vocabulary the preparations are checked against, made once.
    private var vocabularyWords: VocabularyWords?
    /// The reading thread of ``loadPreparations(_:vocabulary:)``, which takes more work once it
    /// has read every file, until this session lets it go.
    var readingThread: ThreadJobs?
    /// Where each preparation's id is written, for duplicate-id messages.
    var idLocations: [String: SourceLocation] = [:]
    /// Where each document that did not decode writes its id (lowercased), for duplicate-id
    /// messages that do not wait for the document to be fixed.
    private var brokenIDLocations: [String: SourceLocation] = [:]
    /// Every file read, in order, for the source lines of diagnostics (looked up by display
    /// path only when there are diagnostics, so that a clean load of 10,000 files hashes no path).
    var sources: [SourceText] = []

    init(reader: YAMLDocumentReader, work: LoadWork = .all) {
        self.reader = reader
        self.work = work
    }

    /// Reads a file's documents one at a time, handing each to `body`, or records why the file
    /// cannot be read. Reader errors come after the documents' own diagnostics.
    private mutating func eachDocument(_ source: SourceText, _ body: (inout LoadSession, YAMLDocumentView) -> Void) {
        fileCount += 1
        sources.append(source)
        var buffers = YAMLReadBuffers()
        swap(&buffers, &self.buffers)
        let errors = Self.read(source, reader: reader, buffers: &buffers) { document in
            body(&self, document)
        }
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
        if vocabularyWords.map({ !$0.isBuilt(from: vocabulary) }) ?? true {
            vocabularyWords = VocabularyWords(vocabulary)
        }
        let words = vocabularyWords
        guard cap.keepsMore(of: file) else {
            let (preparation, errors, first) = PreparationDecoder.decodeCounting(document, vocabulary: vocabulary,
                                                                                 interner: interner, words: words)
            if errors > 0, let first { cap.count(errors: errors, of: file, first: first) }
            guard let preparation else { return markIDInDoubt(of: document) }
            add(preparation, idLocation: preparation.location(of: "id"))
            return
        }
        let (preparation, problems, omitted) = PreparationDecoder.decode(
            document, vocabulary: vocabulary, interner: interner, words: words, keepLimit: cap.remaining(of: file))
        if !problems.isEmpty { keep(problems) }
        if let omitted { cap.count(errors: omitted.errors, warnings: omitted.warnings, of: file, first: omitted.first) }
        guard let preparation else { return markIDInDoubt(of: document) }
        let idLocation = preparation.location(of: "id")
        add(preparation, idLocation: idLocation)
    }

    /// A document that did not decode still names an id (its top-level `id`, when a string):
    /// a valid preparation of another file with that id is then in doubt, for a look-up in the
    /// valid part (the broken one may be the version meant), as for a duplicate id.
    private mutating func markIDInDoubt(of document: YAMLDocumentView) {
        guard let entries = document.root.mapping,
              let entry = entries.first(where: { $0.keyEquals("id") }),
              let scalar = entry.value.scalar, case .string = scalar.value else { return }
        let id = scalar.text.trimmingWhitespace().lowercased()
        guard !id.isEmpty else { return }
        idsInDoubt.insert(id)
        // Its duplicate is reported now, not once the document is fixed.
        let location = entry.value.location
        if let first = idLocations[id] ?? brokenIDLocations[id] {
            keep([.error(location, .duplicateID(id, firstDefinedAt: first))])
        } else {
            brokenIDLocations[id] = location
        }
    }

    mutating func add(_ preparation: consuming Preparation, idLocation: SourceLocation) {
        if let first = idLocations[preparation.id]
            ?? (brokenIDLocations.isEmpty ? nil : brokenIDLocations[preparation.id]) {  // no hashing on a clean load
            keep([.error(idLocation, .duplicateID(preparation.id, firstDefinedAt: first))])  // within the caps
            idsInDoubt.insert(preparation.id)
            return
        }
        idLocations[preparation.id] = idLocation
        preparations.append(preparation)
    }

    /// The preparations read since the last call, when they came with no diagnostic and no
    /// document that did not decode; else nil, and the caller reads their files again in a
    /// session that has read the files before them. The session is then as if it had read
    /// nothing (its storage kept for the next files).
    mutating func takeCleanPart() -> [Preparation]? {
        let clean = diagnostics.isEmpty && cap.recorded == 0 && idsInDoubt.isEmpty && brokenIDLocations.isEmpty
        let taken = clean ? preparations : nil
        preparations = []
        diagnostics.removeAll(keepingCapacity: true)
        cap = DiagnosticCap()
        idsInDoubt.removeAll(keepingCapacity: true)
        idLocations.removeAll(keepingCapacity: true)
        brokenIDLocations.removeAll(keepingCapacity: true)
        sources.removeAll(keepingCapacity: true)
        fileCount = 0
        return taken
    }

    /// Notes whether an error has been found so far, before any preparation file is read:
    /// such an error (the folder, the manifest) leaves no valid part to answer from.
    mutating func markCatalogueLevelErrors() {
        catalogueLevelErrors = diagnostics.contains { $0.severity == .error } || cap.omittedList.contains { $0.errors > 0 }
    }

    /// Cross-file checks, lint, source lines and order: the parts of ``work`` only.
    mutating func finish(manifest: Manifest) -> CatalogueLoadResult {
        if catalogueLevelErrors == nil { markCatalogueLevelErrors() }
        // Sorted in place, so that the registry can share the array instead of copying it.
        if !Registry.isSortedByUniqueID(preparations) { Registry.sortByID(&preparations) }
        // The registry's indexes take about as long to build as the checks below take to run:
        // for a large catalogue with no error so far, the registry builds them meanwhile on a
        // second thread (and they are dropped if the checks find an error).
        let errorsBefore = hasErrors
        let indexes = !work.contains(.queryIndexes) || settings.layered || errorsBefore
            || preparations.count < Self.indexThreadThreshold ? nil
            : QueryIndexes.building(preparations, on: readingThread.map { jobs in { jobs.give($0) } })
        readingThread = nil
        keep(crossFileChecksAndLint(manifest: manifest, errorsBefore: errorsBefore))
        attachSourceLines()
        // Sorted through their indices (ties keep the order found): a copy of each diagnostic
        // beside its index would double the memory of a file with a million problems.
        let order = diagnostics.indices.sorted { a, b in
            let x = diagnostics[a].location, y = diagnostics[b].location
            return x == y ? a < b : x < y
        }
        diagnostics = order.map { diagnostics[$0] }
        let hasErrors = self.hasErrors
        var registry: Registry?
        if !hasErrors, !settings.layered {
            let built = indexes ?? (work.contains(.queryIndexes) ? QueryIndexes(QueryIndex(preparations)) : nil)
            registry = Registry(manifest: manifest, sortedUnique: preparations, indexes: built)
        }
        return CatalogueLoadResult(
            registry: registry,
            manifest: manifest, preparations: preparations, diagnostics: diagnostics, fileCount: fileCount,
            omitted: cap.omittedList, hasCatalogueLevelErrors: catalogueLevelErrors ?? true, idsInDoubt: idsInDoubt)
    }

    /// True when an error has been found, kept or not.
    private var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error } || cap.omittedList.contains { $0.errors > 0 }
    }

    /// The checks across files, and lint when ``work`` has it. Without it, lint runs only when
    /// there are errors (`errorsBefore`, or those of the checks across files): its warnings,
    /// interleaved with those errors, count against the caps, which must keep the same errors
    /// as a full load.
    private func crossFileChecksAndLint(manifest: Manifest, errorsBefore: Bool) -> [Diagnostic] {
        let lintRules = LintRules.enabled(disabled: manifest.disabledLintRules)
        let lintContext = LintContext(vocabulary: manifest.vocabulary)
        guard !work.contains(.lint), !errorsBefore else { return crossFileChecksAndLint(lintRules, lintContext) }
        let checks = crossFileChecksAndLint([], lintContext)
        guard checks.contains(where: { $0.severity == .error }) else { return checks }
        return crossFileChecksAndLint(lintRules, lintContext)
    }

    /// The fewest preparations for which the registry's indexes are built on a second thread.
    static let indexThreadThreshold = 1_000

    /// Gives the diagnostics that ``work`` wants it their source lines, for the files with such
    /// diagnostics only, each scanned up to its last line wanted (``LineStarts``).
    private mutating func attachSourceLines() {
        guard !diagnostics.isEmpty, work.contains(.sourceLines) || work.contains(.errorSourceLines) else { return }
        // The lines each file's diagnostics need.
        var wanted: [[UInt8]: Set<Int>] = [:]
        for diagnostic in diagnostics where diagnostic.sourceLine == nil && work.wantsSourceLine(diagnostic.severity) {
            wanted[Array(diagnostic.location.file.utf8), default: []].insert(diagnostic.location.line)
        }
        guard !wanted.isEmpty else { return }
        // Keyed by the bytes of the paths: the NFC and NFD spellings of one name are two files,
        // which `String` keys would take for one. The last source of a path is the one read.
        var indexByPath: [[UInt8]: Int] = [:]
        for (index, source) in sources.enumerated() where wanted[Array(source.displayPath.utf8)] != nil {
            indexByPath[Array(source.displayPath.utf8)] = index
        }
        var found: [[UInt8]: [Int: String]] = [:]
        for (file, lines) in wanted {
            guard let index = indexByPath[file] else { continue }
            found[file] = sourceLines(lines, of: index)
        }
        for index in diagnostics.indices where diagnostics[index].sourceLine == nil
            && work.wantsSourceLine(diagnostics[index].severity) {
            let location = diagnostics[index].location
            if let line = found[Array(location.file.utf8)]?[location.line] { diagnostics[index].sourceLine = line }
        }
    }

    /// The lines `wanted` of the source at `index` in ``sources``: read from its text in memory,
    /// or from the file, up to the last line wanted only (none when the file cannot be opened,
    /// or has grown past the size limit, as reading it whole would refuse it).
    private func sourceLines(_ wanted: Set<Int>, of index: Int) -> [Int: String] {
        switch sources[index] {
        case .memory(_, let text):
            return LineStarts.lines(wanted, from: .held(Array(text.utf8)))
        case .bytes(_, .failure):
            return [:]
        case .bytes(_, .success(let bytes)):
            return LineStarts.lines(wanted, from: .held(bytes))
        case .file(let file):
            guard !file.path.contains(0) else { return [:] }
            let fd = (file.path + [0]).withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { $0.baseAddress.map { open($0, O_RDONLY | O_CLOEXEC) } ?? -1 }
            }
            guard fd >= 0 else { return [:] }
            defer { close(fd) }
            var info = stat()
            guard fstat(fd, &info) == 0, Int(info.st_mode) & Int(S_IFMT) == Int(S_IFREG), Int(info.st_size) <= reader.limits.maxFileSize
            else { return [:] }
            return LineStarts.lines(wanted, from: .file(fd))
        }
    }
}
