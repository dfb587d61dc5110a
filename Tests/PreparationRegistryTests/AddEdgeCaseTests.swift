import Foundation
@testable import PreparationRegistry
import Testing

/// `catalog add` with inputs its first tests did not try: the same file under two names,
/// drafts kept in the catalogue folder outside `preparations/`, a `replaced-by` naming a
/// preparation of the catalogue, Windows line endings and a byte-order mark.
@Suite("catalog add: edge cases", .serialized)
struct AddEdgeCaseTests {
    /// Adds `files`, expecting a refusal with exactly `messages` (diagnostic lines) and the
    /// catalogue byte-identical; returns the diagnostics.
    @discardableResult
    func expectRefused(_ scene: AddScene, _ files: [String], _ messages: [String]) -> [Diagnostic] {
        let before = snapshot(scene.catalogueURL)
        let modesBefore = modes(scene.catalogueURL)
        #expect(modesBefore.count == snapshot(scene.catalogueURL).count + 1)
        let fs = FaultyFileSystem(nil)
        let thrown = #expect(throws: AddError.self) { try CatalogueAdder(catalogue: scene.catalogue, fileSystem: fs).add(files) }
        guard case .refused(let diagnostics)? = thrown else {
            Issue.record("expected a refusal, got \(String(describing: thrown))")
            return []
        }
        #expect(diagnostics.map(\.description) == messages)
        #expect(fs.log.isEmpty)
        #expect(snapshot(scene.catalogueURL) == before)
        #expect(modes(scene.catalogueURL) == modesBefore)
        return diagnostics
    }

    @Test("the same file named twice, as given or under another spelling, is refused at the second name")
    func sameFileTwice() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let file = try scene.newFile("a.yaml", preparationText("alpha"))
        expectRefused(scene, [file, file], ["\(file):1:1: error: is named twice; name each file once"])
        let other = scene.root.appendingPathComponent("new/./a.yaml").path
        expectRefused(scene, [file, other], ["\(other):1:1: error: is the same file as '\(file)'; name each file once"])
    }

    @Test("a draft in the catalogue folder but outside preparations/ is not in the catalogue yet: it is added")
    func draftBesideManifest() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        try scene.write("catalogue/catalogue.yaml", "name: Test\nversion: 1\n")
        try scene.write("catalogue/alpha.yaml", preparationText("alpha"))
        try scene.write("catalogue/drafts/beta.yaml", preparationText("beta"))
        let files = [scene.catalogue + "/alpha.yaml", scene.catalogue + "/drafts/beta.yaml"]
        let added = try CatalogueAdder(catalogue: scene.catalogue).add(files).placements
        #expect(added.map(\.destination) == ["preparations/face/alpha.yaml", "preparations/face/beta.yaml"])
        #expect(CatalogueLoader().load(catalogueAt: scene.catalogue).preparations.count == 4)
    }

    @Test("a file below preparations/ is refused, also through a link from elsewhere in the catalogue")
    func insidePreparations() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let link = scene.catalogue + "/one-link.yaml"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "preparations/face/one.yaml")
        expectRefused(scene, [link], ["\(link):1:1: error: is inside the catalogue already; add takes files from outside it"])
    }

    @Test("a pipe is refused, not read as a file that grew past 16 MiB")
    func pipe() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let fifo = scene.root.appendingPathComponent("new/fifo.yaml").path
        try FileManager.default.createDirectory(atPath: scene.root.appendingPathComponent("new").path,
                                                withIntermediateDirectories: true)
        #expect(mkfifo(fifo, 0o600) == 0)
        expectRefused(scene, [fifo], [
            "\(fifo):1:1: error: is not a regular file (a pipe or a device); add takes preparation files, save it to a file first",
        ])
    }

    @Test("a catalogue named through a symbolic link: added into the folder it leads to; its own files refused through the link")
    func linkedCatalogue() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let link = scene.root.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "catalogue")
        let inside = link + "/preparations/face/one.yaml"
        let before = snapshot(scene.catalogueURL)
        guard case .refused(let diagnostics)? = #expect(throws: AddError.self, performing: { try CatalogueAdder(catalogue: link).add([inside]) }) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(diagnostics.map(\.description) == ["\(inside):1:1: error: is inside the catalogue already; add takes files from outside it"])
        #expect(snapshot(scene.catalogueURL) == before)
        let file = try scene.newFile("a.yaml", preparationText("alpha"))
        _ = try CatalogueAdder(catalogue: link).add([file])
        #expect(FileManager.default.contents(atPath: scene.catalogue + "/preparations/face/alpha.yaml")
            == FileManager.default.contents(atPath: file))
    }

    @Test("a catalogue path that is a file is refused, and the file is left alone")
    func catalogueIsAFile() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let notFolder = try scene.newFile("not-a-folder.yaml", preparationText("nope"))
        let before = FileManager.default.contents(atPath: notFolder)
        let file = try scene.newFile("a.yaml", preparationText("alpha"))
        guard case .refused(let diagnostics)? = #expect(throws: AddError.self, performing: { try CatalogueAdder(catalogue: notFolder).add([file]) }) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(diagnostics.map(\.description) == [
            "\(notFolder):1:1: error: not a catalogue folder; a catalogue is a folder with 'catalogue.yaml' and 'preparations/'",
        ])
        #expect(FileManager.default.contents(atPath: notFolder) == before)
    }

    @Test("a deprecated preparation whose replacement is in the catalogue is added")
    func replacementInCatalogue() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let file = try scene.newFile("old.yaml", preparationText("old", extra: "deprecated: {because: Superseded, replaced-by: one}"))
        let added = try CatalogueAdder(catalogue: scene.catalogue).add([file]).placements
        #expect(added.map(\.destination) == ["preparations/face/old.yaml"])
        #expect(CatalogueLoader().load(catalogueAt: scene.catalogue).isValid)
    }

    @Test("a replacement among the new files is found; one in neither place is refused")
    func replacementElsewhere() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let old = try scene.newFile("old.yaml", preparationText("old", extra: "deprecated: {because: Superseded, replaced-by: new}"))
        let new = try scene.newFile("new.yaml", preparationText("new"))
        let lost = try scene.newFile("lost.yaml", preparationText("lost", extra: "deprecated: {because: Superseded, replaced-by: nowhere}"))
        let diagnostics = expectRefused(scene, [lost], [
            "\(CatalogueLoader().load(files: [lost]).diagnostics.first?.location.description ?? "?"): error: 'replaced-by' names 'nowhere', which is not a preparation in the catalogue",
        ])
        #expect(diagnostics.count == 1)
        let added = try CatalogueAdder(catalogue: scene.catalogue).add([old, new]).placements
        #expect(added.count == 2)
    }

    @Test("a refusal of a file with Windows line endings shows the source line, without the CR")
    func crlfSourceLine() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let text = preparationText("alpha").replacingOccurrences(of: "regions: [face]", with: "regions: [fase]")
            .replacingOccurrences(of: "\n", with: "\r\n")
        let file = try scene.newFile("crlf.yaml", text)
        let diagnostics = expectRefused(scene, [file], ["\(file):4:11: error: unknown region 'fase'; did you mean 'face'?"])
        #expect(diagnostics.first?.sourceLine == "regions: [fase]")
    }

    @Test("a file with a byte-order mark is checked, located and added byte for byte")
    func byteOrderMark() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        // A comment after the mark here; a mark right before the first key is tested below.
        let mark = "\u{FEFF}# Saved by an editor that writes a byte-order mark\n"
        let bad = try scene.newFile("bad.yaml", mark + preparationText("alpha", indications: "[dehydratoin]"))
        let diagnostics = expectRefused(scene, [bad], ["\(bad):6:15: error: unknown indication 'dehydratoin'; did you mean 'dehydration'?"])
        #expect(diagnostics.first?.sourceLine == "indications: [dehydratoin]")
        let good = try scene.newFile("good.yaml", mark + preparationText("bom"))
        let added = try CatalogueAdder(catalogue: scene.catalogue).add([good]).placements
        #expect(FileManager.default.contents(atPath: scene.catalogue + "/" + added[0].destination)
            == FileManager.default.contents(atPath: good))
        let keyFirst = try scene.newFile("key-first.yaml", "\u{FEFF}" + preparationText("bom-key-first"))
        #expect(try CatalogueAdder(catalogue: scene.catalogue).add([keyFirst]).placements.map(\.id) == ["bom-key-first"])
    }
}

@Suite("Source lines")
struct SourceLinesTests {
    @Test("lines end at LF, CR LF or a lone CR, as the YAML reader counts them; a byte-order mark is left out")
    func lineBreaks() {
        let lines = SourceLines(Array("\u{FEFF}one\ntwo\r\nthree\rfour\n".utf8))
        #expect((1...5).map { lines[$0] } == ["one", "two", "three", "four", ""])
        #expect(lines[0] == nil)
        #expect(lines[6] == nil)
        #expect(SourceLines([]).count == 1)
    }
}
