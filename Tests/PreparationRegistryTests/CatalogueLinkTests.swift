import Foundation
import PreparationRegistry
import Testing

/// Symbolic links in a catalogue folder; then the folder and link shapes that an outside review
/// of the loader tried: the `preparations` folder and the manifest in unusual places, loops of
/// links, one file under two paths.
@Suite("Catalogue folders: links and misplaced files")
struct CatalogueLinkTests {
    @Test("a symbolic link to a file outside the catalogue is refused at the link, 1:1")
    func symlinkOutside() throws {
        let catalogue = try TemporaryCatalogue(files: ["inside.yaml": preparationText("inside")])
        defer { catalogue.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).yaml")
        try preparationText("outside").write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try catalogue.link("preparations/link.yaml", to: outside.path)
        let result = catalogue.load()
        let error = try #require(errors(result).first)
        #expect(errors(result).count == 1)
        #expect(error.location.file == catalogue.display("preparations/link.yaml"))
        #expect(error.location.line == 1 && error.location.column == 1)
        #expect(error.message.contains("outside the catalogue"))
        #expect(!result.preparations.contains { $0.id == "outside" })
    }

    @Test("a relative symbolic link that climbs out of the catalogue is refused")
    func symlinkRelativeOutside() throws {
        let catalogue = try TemporaryCatalogue(files: ["inside.yaml": preparationText("inside")])
        defer { catalogue.remove() }
        let outsideFolder = catalogue.root.deletingLastPathComponent()
            .appendingPathComponent("outside-folder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outsideFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outsideFolder) }
        try preparationText("outside").write(to: outsideFolder.appendingPathComponent("p.yaml"), atomically: true,
                                             encoding: .utf8)
        try catalogue.link("preparations/linked-folder", to: "../../" + outsideFolder.lastPathComponent)
        let result = catalogue.load()
        #expect(errors(result).map(\.location) == [
            SourceLocation(file: catalogue.display("preparations/linked-folder"), line: 1, column: 1),
        ])
        #expect(!result.preparations.contains { $0.id == "outside" })
    }

    @Test("a symbolic link inside the catalogue is followed")
    func symlinkInside() throws {
        let catalogue = try TemporaryCatalogue(files: ["real.yaml": preparationText("real")])
        defer { catalogue.remove() }
        try catalogue.write("shared/linked.yaml", preparationText("linked"))
        try catalogue.link("preparations/linked.yaml", to: "../shared/linked.yaml")
        try catalogue.write("shared-folder/nested.yaml", preparationText("nested"))
        try catalogue.link("preparations/folder", to: catalogue.root.appendingPathComponent("shared-folder").path)
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(Set(result.registry?.ids ?? []) == ["real", "linked", "nested"])
    }

    @Test("a dangling symbolic link is an error, not a crash")
    func danglingLink() throws {
        let catalogue = try TemporaryCatalogue(files: ["real.yaml": preparationText("real")])
        defer { catalogue.remove() }
        try catalogue.link("preparations/gone.yaml", to: "nowhere.yaml")
        let result = catalogue.load()
        #expect(errors(result).map(\.location) == [
            SourceLocation(file: catalogue.display("preparations/gone.yaml"), line: 1, column: 1),
        ])
    }

    @Test("symbolic link loops inside the catalogue end, without reading a file twice")
    func symlinkLoops() throws {
        let catalogue = try TemporaryCatalogue(files: ["sub/p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        try catalogue.link("preparations/sub/up", to: "..")
        try catalogue.link("preparations/sub/self", to: ".")
        try catalogue.link("preparations/sub/root", to: "../..")
        let result = catalogue.load()
        #expect(errors(result).isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.preparations.map(\.id) == ["p"])
    }

    @Test("a catalogue.yaml that links outside the catalogue is refused")
    func manifestSymlinkOutside() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("manifest-\(UUID().uuidString).yaml")
        try "name: Outside\n".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try catalogue.link("catalogue.yaml", to: outside.path)
        let result = catalogue.load()
        #expect(errors(result).map(\.location) == [SourceLocation(file: catalogue.display("catalogue.yaml"), line: 1, column: 1)])
        // Named, as every other link's error names where it leads.
        #expect(errors(result).first?.message.hasPrefix("symbolic link leads outside the catalogue, to '") == true)
        #expect(result.manifest.name != "Outside")
    }

    @Test("a 'preparations' folder that is a link leading outside the catalogue is refused at the link")
    func preparationsLinkOutside() throws {
        let catalogue = try TemporaryCatalogue()
        defer { catalogue.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-preps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try preparationText("outside").write(to: outside.appendingPathComponent("p.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: catalogue.display("preparations"))
        try catalogue.link("preparations", to: outside.path)
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == [
            "\(catalogue.display("preparations")):1:1: error: symbolic link leads outside the catalogue, to '\(outside.resolvingSymlinksInPath().path)'",
        ])
        #expect(result.preparations.isEmpty)
    }

    @Test("a 'preparations' folder that is a link inside the catalogue is followed")
    func preparationsLinkInside() throws {
        let catalogue = try TemporaryCatalogue()
        defer { catalogue.remove() }
        try catalogue.write("data/p.yaml", preparationText("p"))
        try FileManager.default.removeItem(atPath: catalogue.display("preparations"))
        try catalogue.link("preparations", to: "data")
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.preparations.map(\.id) == ["p"])
    }

    @Test("a link in a loop of links is named as such, not as a missing target")
    func linkLoop() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        try catalogue.link("preparations/a.yaml", to: "b.yaml")
        try catalogue.link("preparations/b.yaml", to: "a.yaml")
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == ["a.yaml", "b.yaml"].map {
            "\(catalogue.display("preparations/" + $0)):1:1: error: symbolic link leads into a loop of links, never to a file or folder"
        })
    }

    @Test("a file that two paths lead to (a link beside it) is read once: no duplicate id")
    func fileUnderTwoPaths() throws {
        let catalogue = try TemporaryCatalogue(files: ["face/p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        try catalogue.link("preparations/scar/p.yaml", to: "../face/p.yaml")
        try catalogue.link("preparations/also-face", to: "face")
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.preparations.map(\.id) == ["p"])
        #expect(result.fileCount == 1)
        // Read under the first of its paths in sorted order.
        #expect(result.preparations.first?.location.file == catalogue.display("preparations/also-face/p.yaml"))
    }

    @Test("load(files:) reads a file named twice, also under another spelling, once: no duplicate id")
    func fileNamedTwice() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        let path = catalogue.display("preparations/p.yaml")
        let other = catalogue.display("preparations/../preparations/p.yaml")
        let result = CatalogueLoader().load(files: [other, path, path])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.fileCount == 1)
        // Under the first of its names in sorted order ("preparations/.." before "preparations/p").
        #expect(result.preparations.map(\.location.file) == [other])
    }

    @Test("a link from preparations/ back to the catalogue folder is a loop: the manifest and drafts beside it are not read as preparations")
    func linkToCatalogueFolder() throws {
        let catalogue = try TemporaryCatalogue(manifest: "name: Linked\n", files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        try catalogue.write("drafts/draft.yaml", preparationText("draft", depth: "2-1 mm"))
        try catalogue.link("preparations/up", to: "..")
        try catalogue.link("preparations/sub/top", to: catalogue.path)
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.preparations.map(\.id) == ["p"])
        #expect(result.manifest.name == "Linked")
    }

    @Test("a manifest that cannot be read: one warning says the preparations were checked against the bundled vocabulary")
    func unreadableManifestVocabulary() throws {
        let manifest = "vocabulary:\n  indications:\n    my-concern: Mine\n  conditions: {a: b\n"
        let catalogue = try TemporaryCatalogue(manifest: manifest, files: ["p.yaml": preparationText("p", indications: "[my-concern]")])
        defer { catalogue.remove() }
        let result = catalogue.load()
        let file = catalogue.display("catalogue.yaml")
        #expect(result.diagnostics.map(\.description) == [
            "\(file):1:1: warning: the manifest could not be read, so the preparations are checked against the bundled vocabulary: an unknown word in them may be one this manifest defines",
            "\(file):5:1: error: did not find expected ',' or '}' (while parsing a flow mapping at line 4, column 15)",
            "\(catalogue.display("preparations/p.yaml")):5:15: error: unknown indication 'my-concern'; it is not in the catalogue's vocabulary",
        ])
    }

    @Test("a catalogue folder that cannot be reached (a loop of links on the way) says why, not that there is none")
    func unreachableFolder() throws {
        let catalogue = try TemporaryCatalogue()
        defer { catalogue.remove() }
        try catalogue.link("loop", to: "loop")
        let path = catalogue.display("loop/catalogue")
        let result = CatalogueLoader().load(catalogueAt: path)
        #expect(result.diagnostics.map(\.description) == [
            "\(path):1:1: error: cannot reach the catalogue folder: Too many levels of symbolic links",
        ])
        let missing = catalogue.display("none")
        #expect(CatalogueLoader().load(catalogueAt: missing).diagnostics.map(\.description) == [
            "\(missing):1:1: error: no catalogue folder here",
        ])
    }

    @Test("a catalogue folder that cannot be read is an error, not a catalogue without manifest and preparations",
          .enabled(if: getuid() != 0, "permissions do not stop root"))
    func unreadableFolder() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p")])
        defer {
            chmod(catalogue.path, 0o755)
            catalogue.remove()
        }
        #expect(chmod(catalogue.path, 0) == 0)
        #expect(catalogue.load().diagnostics.map(\.description) == [
            "\(catalogue.path):1:1: error: cannot read folder: Permission denied",
        ])
    }

    @Test("a folder that may be listed but not searched: its files are errors, not silently left out",
          .enabled(if: getuid() != 0, "permissions do not stop root"))
    func unsearchableFolder() throws {
        let catalogue = try TemporaryCatalogue(files: ["locked/bad.yaml": preparationText("bad", depth: "2-1 mm")])
        let folder = catalogue.display("preparations/locked")
        defer {
            chmod(folder, 0o755)
            catalogue.remove()
        }
        #expect(chmod(folder, 0o644) == 0)
        #expect(catalogue.load().diagnostics.map(\.description) == [
            "\(folder)/bad.yaml:1:1: error: cannot read: Permission denied",
        ])
    }

    @Test("a folder named catalogue.yaml is an error, not a silent fall-back to the bundled vocabulary")
    func manifestFolder() throws {
        let catalogue = try TemporaryCatalogue(files: ["p.yaml": preparationText("p")])
        defer { catalogue.remove() }
        try FileManager.default.createDirectory(atPath: catalogue.display("catalogue.yaml"), withIntermediateDirectories: true)
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == [
            "\(catalogue.display("catalogue.yaml")):1:1: error: 'catalogue.yaml' is a folder; the manifest must be a file",
        ])
        #expect(result.registry == nil)
    }

    @Test("a file named preparations is an error")
    func preparationsFile() throws {
        let catalogue = try TemporaryCatalogue()
        defer { catalogue.remove() }
        try FileManager.default.removeItem(atPath: catalogue.display("preparations"))
        try catalogue.write("preparations", preparationText("p"))
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == [
            "\(catalogue.display("preparations")):1:1: error: 'preparations' is not a folder; it must be the folder of the preparation files",
        ])
    }

    @Test("a catalogue.yaml or preparations link that leads nowhere is an error")
    func danglingManifestAndFolder() throws {
        let catalogue = try TemporaryCatalogue()
        defer { catalogue.remove() }
        try FileManager.default.removeItem(atPath: catalogue.display("preparations"))
        try catalogue.link("preparations", to: "gone")
        try catalogue.link("catalogue.yaml", to: "gone.yaml")
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == ["catalogue.yaml", "preparations"].map {
            "\(catalogue.display($0)):1:1: error: symbolic link leads nowhere (its target does not exist)"
        })
    }

    // Outside review: a catalogue.yaml linking to itself, and a preparations link in a loop,
    // were said to lead nowhere.
    @Test("a catalogue.yaml or preparations link in a loop of links says so")
    func loopingManifestAndFolder() throws {
        let catalogue = try TemporaryCatalogue()
        defer { catalogue.remove() }
        try FileManager.default.removeItem(atPath: catalogue.display("preparations"))
        try catalogue.link("preparations", to: "elsewhere")
        try catalogue.link("elsewhere", to: "preparations")
        try catalogue.link("catalogue.yaml", to: "catalogue.yaml")
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.description) == ["catalogue.yaml", "preparations"].map {
            "\(catalogue.display($0)):1:1: error: symbolic link leads into a loop of links, never to a file or folder"
        })
    }
}
