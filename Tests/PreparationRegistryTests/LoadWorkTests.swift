import Foundation
@testable import PreparationRegistry
import Testing
import YAMLReader

/// What a load does beyond reading and checking (``LoadWork``): lint, source lines, query
/// indexes, each done only when asked for; and source lines found once the load is over
/// (``LineStarts``), the same as splitting the whole text.
@Suite("Load work")
struct LoadWorkTests {
    /// A preparation without `sources:`, which the `no-sources` lint rule warns about.
    static let unsourced = preparationText("unsourced").replacingOccurrences(of: "sources: [Test source]\n", with: "")

    @Test("a look-up load runs no lint on a valid catalogue; a check and a full load do, with the source line")
    func lookUpRunsNoLint() throws {
        let catalogue = try TemporaryCatalogue(files: ["unsourced.yaml": Self.unsourced, "x.yaml": preparationText("x")])
        defer { catalogue.remove() }
        let lookUp = CatalogueLoader(work: .lookUp).load(catalogueAt: catalogue.path)
        #expect(lookUp.diagnostics.isEmpty)
        #expect(lookUp.registry?.ids == ["unsourced", "x"])
        for work in [LoadWork.validation, .all] {
            let checked = CatalogueLoader(work: work).load(catalogueAt: catalogue.path)
            #expect(checked.diagnostics.map(\.rule) == ["no-sources"])
            #expect(checked.diagnostics.map(\.sourceLine) == ["id: unsourced"])
            #expect(checked.registry?.ids == ["unsourced", "x"])
        }
    }

    @Test("with errors, a look-up load keeps the errors of a full load, with their source lines, and no warning's source line")
    func lookUpKeepsErrors() throws {
        let broken = preparationText("broken", indications: "[dehydratoin]")
        let dangling = Self.unsourced.replacingOccurrences(of: "id: unsourced", with: "id: dangling")
            + "deprecated:\n  replaced-by: nowhere\n"
        let catalogue = try TemporaryCatalogue(files: ["broken.yaml": broken, "dangling.yaml": dangling])
        defer { catalogue.remove() }
        let full = CatalogueLoader().load(catalogueAt: catalogue.path)
        let lookUp = CatalogueLoader(work: .lookUp).load(catalogueAt: catalogue.path)
        let errors = full.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 2)
        #expect(lookUp.diagnostics.filter { $0.severity == .error }.map(\.rendered) == errors.map(\.rendered))
        #expect(lookUp.errorCount == full.errorCount)
        #expect(lookUp.diagnostics.filter { $0.severity == .warning }.allSatisfy { $0.sourceLine == nil })
        #expect(lookUp.validPart()?.brokenFiles == full.validPart()?.brokenFiles)
    }

    @Test("a check builds no query index; the registry builds it on its first query")
    func validationBuildsNoIndex() throws {
        let catalogue = try TemporaryCatalogue(files: ["a.yaml": preparationText("a"), "b.yaml": preparationText("b")])
        defer { catalogue.remove() }
        let registry = try #require(CatalogueLoader(work: .validation).load(catalogueAt: catalogue.path).registry)
        #expect(registry.indexes.isDeferred)
        var query = Query()
        query.areas = [.face]
        #expect(registry.preparations(matching: query).map(\.id) == ["a", "b"])
        #expect(registry.indexes.isBuilt)
        let full = try #require(CatalogueLoader().load(catalogueAt: catalogue.path).registry)
        #expect(full.indexes.isBuilt)
    }

    @Test("a large catalogue's indexes are built on another thread during a full load, none during a check")
    func indexesMeanwhile() throws {
        var files: [String: String] = [:]
        for n in 0 ..< LoadSession.indexThreadThreshold { files["p\(n).yaml"] = preparationText("p\(n)") }
        let catalogue = try TemporaryCatalogue(files: files)
        defer { catalogue.remove() }
        let full = try #require(CatalogueLoader().load(catalogueAt: catalogue.path).registry)
        #expect(!full.indexes.isDeferred)
        #expect(full.preparations(matching: Query()).count == LoadSession.indexThreadThreshold)
        let checked = try #require(CatalogueLoader(work: .validation).load(catalogueAt: catalogue.path).registry)
        #expect(checked.indexes.isDeferred)
    }

    @Test("layered catalogues: a check builds no index, a full load does")
    func layeredIndexes() throws {
        let catalogue = try TemporaryCatalogue(files: ["a.yaml": preparationText("a")])
        defer { catalogue.remove() }
        let layers: [CatalogueLayer] = [.bundled, .folder(catalogue.path)]
        #expect(try #require(CatalogueLoader(work: .validation).load(layers: layers).registry).indexes.isDeferred)
        #expect(try #require(CatalogueLoader().load(layers: layers).registry).indexes.isBuilt)
    }

    /// A text with every kind of line break, a byte-order mark, non-ASCII text and errors on
    /// many lines (each unknown indication is one).
    static let mixedText: String = {
        var text = "\u{FEFF}id: mixed\r\nname: Préparation – “mixed”\rname-note: x\u{85}"
        text += "# a comment\u{2028}# another\u{2029}ingredients: [glycerol]\n"
        text += "regions: [face]\r\nindications: [dehydratoin]\ntechniques: [nappage]\ndepth: 0.5-2 mm\n"
        text += "residence: 3-30 days\nprotocol:\n  - phase: induction\n    sessions: 1\n"
        text += "x-é: [\(String(repeating: "é", count: 40))]\r\nfoo: bar\nbaz: [qux]\r\n"
        return text
    }()

    @Test("line starts noted in chunks of any size give the lines a whole split gives",
          arguments: [1, 2, 3, 4, 5, 7, 8, 9, 16, 4096])
    func lineStartsInChunks(_ size: Int) {
        let bytes = Array(Self.mixedText.utf8) + Array("last line without a break".utf8)
        let whole = SourceLines(bytes)
        let starts = LineStarts()
        starts.beginFile()
        bytes.withUnsafeBufferPointer { all in
            var offset = 0
            while offset < all.count {
                let end = min(all.count, offset + size)
                starts.scan(UnsafeBufferPointer(rebasing: all[offset ..< end]), at: offset)
                offset = end
            }
        }
        let wanted = Set(1 ... whole.count + 1)
        let found = starts.lines(wanted, ofFile: 0, from: .held(bytes))
        for line in wanted { #expect(found[line] == whole[line], "line \(line), chunks of \(size)") }
    }

    @Test("the source lines of diagnostics are those of a whole split, for a file, bytes and text in memory, on one thread or two",
          arguments: ["file", "bytes", "memory", "folder"])
    func sourceLinesOfEveryKind(_ kind: String) throws {
        let text = Self.mixedText
        let whole = SourceLines(Array(text.utf8))
        let result: CatalogueLoadResult
        switch kind {
        case "file", "folder":
            let catalogue = try TemporaryCatalogue(files: ["mixed.yaml": text, "other.yaml": preparationText("other", indications: "[x]")])
            defer { catalogue.remove() }
            result = kind == "folder" ? CatalogueLoader().load(catalogueAt: catalogue.path)
                : CatalogueLoader().load(files: [catalogue.root.appendingPathComponent("preparations/mixed.yaml").path])
        default:
            var session = LoadSession(reader: YAMLDocumentReader())
            let source: SourceText = kind == "bytes" ? .bytes("mixed.yaml", .success(Array(text.utf8))) : .memory("mixed.yaml", text)
            session.loadPreparations(source, vocabulary: BundledCatalogue.fallbackManifest.vocabulary)
            result = session.finish(manifest: BundledCatalogue.fallbackManifest)
        }
        let mine = result.diagnostics.filter { $0.location.file.hasSuffix("mixed.yaml") }
        #expect(mine.count >= 2, "\(result.diagnostics)")
        for diagnostic in mine {
            #expect(diagnostic.sourceLine == whole[diagnostic.location.line], "\(diagnostic)")
            #expect(diagnostic.sourceLine != nil, "\(diagnostic)")
        }
        if kind == "folder" {
            #expect(result.diagnostics.first { $0.location.file.hasSuffix("other.yaml") }?.sourceLine == "indications: [x]")
        }
    }

    @Test("a load without source lines gives no diagnostic its line")
    func noSourceLines() throws {
        let catalogue = try TemporaryCatalogue(files: ["x.yaml": preparationText("x", indications: "[x]")])
        defer { catalogue.remove() }
        let result = CatalogueLoader(work: [.lint]).load(catalogueAt: catalogue.path)
        #expect(result.errorCount == 1)
        #expect(result.diagnostics.allSatisfy { $0.sourceLine == nil })
    }

    @Test("an empty file's line 1 is empty, as a whole split gives it")
    func emptyFile() throws {
        let catalogue = try TemporaryCatalogue(files: ["empty.yaml": ""])
        defer { catalogue.remove() }
        let result = CatalogueLoader().load(catalogueAt: catalogue.path)
        #expect(result.diagnostics.map(\.sourceLine) == [""])
    }
}
