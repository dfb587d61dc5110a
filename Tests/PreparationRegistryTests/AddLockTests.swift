import Foundation
@testable import PreparationRegistry
import Testing

/// The catalogue-wide lock of `add`, its check again under the lock, and what a killed add
/// leaves behind.
@Suite("catalog add: the catalogue lock", .serialized)
struct AddLockTests {
    @Test("an add that finds the catalogue locked longer than its timeout changes nothing and says so")
    func timeout() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let file = try scene.newFile("three.yaml", preparationText("three"))
        let before = snapshot(scene.catalogueURL)
        let holder = open(scene.catalogue, O_RDONLY | O_DIRECTORY)
        try #require(holder >= 0)
        #expect(flock(holder, LOCK_EX) == 0)
        var adder = CatalogueAdder(catalogue: scene.catalogue)
        adder.lockTimeout = .milliseconds(250)
        let started = ContinuousClock.now
        let thrown = #expect(throws: AddError.self) { try adder.add([file]) }
        let waited = ContinuousClock.now - started
        guard let error = thrown, case .lockTimedOut = error else {
            Issue.record("expected a lock timeout, got \(String(describing: thrown))")
            close(holder)
            return
        }
        #expect(waited >= .milliseconds(250) && waited < .seconds(5))
        #expect(error.description == "nothing added: another add kept the catalogue '\(scene.catalogue)' locked for more than 0.25 s; the catalogue is unchanged, try again")
        #expect(snapshot(scene.catalogueURL) == before)
        close(holder)
        #expect(throws: Never.self) { try adder.add([file]) }
    }

    @Test("an id added by another add between the check and the write is refused under the lock, as added meanwhile")
    func addedMeanwhile() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        let mine = try scene.newFile("mine.yaml", preparationText("three"))
        let theirs = try scene.newFile("theirs.yaml", preparationText("three").replacingOccurrences(of: "regions: [face]", with: "regions: [scalp]"))
        let adder = CatalogueAdder(catalogue: scene.catalogue)
        let planned = try adder.plan([mine])
        _ = try adder.add([theirs])
        let before = snapshot(scene.catalogueURL)
        guard case .refused(let diagnostics)? = #expect(throws: AddError.self, performing: { try adder.write(planned.placements) }) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(diagnostics.map(\.description) == [
            "\(mine):1:5: error: duplicate id 'three': added to the catalogue meanwhile, by another add, at \(scene.catalogue)/preparations/scalp/three.yaml:1:5",
        ])
        #expect(snapshot(scene.catalogueURL) == before)
    }

    @Test("temporaries left by a killed add are removed by the next add; other hidden files are kept")
    func staleTemporaries() throws {
        let scene = try AddScene()
        defer { scene.remove() }
        try scene.write("catalogue/preparations/face/.three.yaml.4242-1.tmp", "id: three\nname: [half")
        try scene.write("catalogue/preparations/face/.notes.yaml", "kept\n")
        try scene.write("catalogue/preparations/face/.x.yaml.1-2.tmp.bak", "kept\n")
        #expect(CatalogueLoader().load(catalogueAt: scene.catalogue).isValid)
        let file = try scene.newFile("four.yaml", preparationText("four"))
        _ = try CatalogueAdder(catalogue: scene.catalogue).add([file])
        let names = try FileManager.default.contentsOfDirectory(atPath: scene.catalogue + "/preparations/face").sorted()
        #expect(names == [".notes.yaml", ".x.yaml.1-2.tmp.bak", "four.yaml", "one.yaml", "two.yaml"])
    }

    @Test("the temporary names add makes, and only those", arguments: [
        (".alpha.yaml.12-3.tmp", true), (".a-b.yaml.1-1.tmp", true), (".alpha.yaml.12-.tmp", false),
        (".alpha.yaml.12.tmp", false), ("alpha.yaml.12-3.tmp", false), (".alpha.yml.12-3.tmp", false),
        (".alpha.yaml.1x-3.tmp", false), (".a.b.yaml.1-2.tmp", false),
    ])
    func temporaryNames(name: String, matches: Bool) {
        #expect(CatalogueAdder.isTemporaryName(name) == matches)
    }
}
