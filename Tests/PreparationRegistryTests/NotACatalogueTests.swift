import Foundation
@testable import PreparationRegistry
import Testing

/// Section 1 of the format (1.1): a folder with neither `catalogue.yaml` nor `preparations/` is
/// not a catalogue, and is refused with an error rather than read as an empty one.
@Suite("A folder that is not a catalogue")
struct NotACatalogueTests {
    /// A fresh temporary folder holding `files` (relative path to text) and `folders`.
    private func folder(files: [String: String] = [:], folders: [String] = []) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-catalogue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for relative in folders {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(relative), withIntermediateDirectories: true)
        }
        for (relative, text) in files {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root
    }

    private func message(_ path: String) -> String {
        "\(path):1:1: error: not a catalogue: this folder has neither 'catalogue.yaml' nor 'preparations/'"
    }

    @Test("an empty folder is refused by load and loadManifest, with the error at the folder")
    func emptyFolder() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        for result in [CatalogueLoader().load(catalogueAt: root.path), CatalogueLoader().loadManifest(catalogueAt: root.path)] {
            #expect(result.diagnostics.map(\.description) == [message(root.path)])
            #expect(result.registry == nil)
            #expect(result.fileCount == 0)
        }
    }

    @Test("a folder of other things (a project's root: a README, sources, a stray YAML file) is refused too")
    func folderOfOtherFiles() throws {
        let root = try folder(files: ["README.md": "# A project\n", "draft.yaml": preparationText("draft"),
                                      "Sources/main.swift": "print(1)\n"],
                              folders: ["Preparations-old", ".git"])
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(CatalogueLoader().load(catalogueAt: root.path).diagnostics.map(\.description) == [message(root.path)])
        #expect(CatalogueLoader().loadManifest(catalogueAt: root.path).diagnostics.map(\.description) == [message(root.path)])
        let slash = root.path + "/"
        #expect(CatalogueLoader().load(catalogueAt: slash).diagnostics.map(\.description) == [message(slash)])
    }

    @Test("a folder with only catalogue.yaml, or only preparations/, is still a catalogue")
    func eitherIsEnough() throws {
        let manifestOnly = try folder(files: ["catalogue.yaml": "name: Clinic\nversion: 1\n"])
        let preparationsOnly = try folder(folders: ["preparations"])
        defer {
            try? FileManager.default.removeItem(at: manifestOnly)
            try? FileManager.default.removeItem(at: preparationsOnly)
        }
        let manifest = CatalogueLoader().load(catalogueAt: manifestOnly.path)
        #expect(manifest.isValid)
        #expect(manifest.diagnostics.map(\.description) == [
            "\(manifestOnly.path):1:1: warning: the catalogue has no 'preparations' folder, so no preparations",
        ])
        #expect(CatalogueLoader().loadManifest(catalogueAt: manifestOnly.path).diagnostics.isEmpty)
        let preparations = CatalogueLoader().load(catalogueAt: preparationsOnly.path)
        #expect(preparations.isValid)
        #expect(preparations.diagnostics.isEmpty)
        #expect(preparations.registry?.preparations.isEmpty == true)
    }

    @Test("a preparations link that leads nowhere is its own error, not 'not a catalogue'")
    func brokenPreparationsLink() throws {
        let root = try folder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("preparations").path,
                                                   withDestinationPath: "gone")
        #expect(CatalogueLoader().load(catalogueAt: root.path).diagnostics.map(\.description) == [
            "\(root.path)/preparations:1:1: error: symbolic link leads nowhere (its target does not exist)",
        ])
    }

    @Test("add refuses a folder that is not a catalogue with that error alone, and writes nothing")
    func addRefuses() throws {
        let root = try folder(files: ["notes.txt": "not a catalogue\n"])
        let drafts = try folder(files: ["a.yaml": preparationText("alpha")])
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: drafts)
        }
        guard case .refused(let diagnostics)? = #expect(throws: AddError.self, performing: {
            try CatalogueAdder(catalogue: root.path).add([drafts.appendingPathComponent("a.yaml").path])
        }) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(diagnostics.map(\.description) == [message(root.path)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["notes.txt"])
    }
}
