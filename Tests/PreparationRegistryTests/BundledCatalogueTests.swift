import Foundation
import PreparationRegistry
import Testing

@Suite("The bundled catalogue")
struct ProjectCatalogueTests {
    @Test("Catalogue/ validates with no errors and no warnings")
    func validates() {
        let result = CatalogueLoader().load(catalogueAt: projectCatalogueURL.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        #expect(result.isValid)
        #expect(result.registry != nil)
    }

    @Test("it covers every area: 21 preparations, 10 used in the face, 4 on the scalp, 10 on the body, 4 for scars")
    func coverage() throws {
        let result = CatalogueLoader().load(catalogueAt: projectCatalogueURL.path)
        let registry = try #require(result.registry)
        #expect(registry.count == 21)
        func count(_ area: Area) -> Int { registry.preparations.count { $0.regions.contains { $0.area == area } } }
        #expect(count(.face) == 10)
        #expect(count(.scalp) == 4)
        #expect(count(.body) == 10)
        let scar = registry.preparations.count { preparation in
            preparation.indications.contains { registry.vocabulary.indications[$0]?.isScar == true }
        }
        #expect(scar == 4)
        #expect(registry.vocabulary.scarIndications == ["acne-scars", "atrophic-scars", "hypertrophic-scars", "keloids", "stretch-marks"])
    }

    @Test("every preparation names its sources")
    func sources() throws {
        let registry = try #require(CatalogueLoader().load(catalogueAt: projectCatalogueURL.path).registry)
        for preparation in registry.preparations {
            #expect(!preparation.sources.isEmpty, "\(preparation.id) has no sources")
        }
    }

    @Test("ids are unique and slugs")
    func ids() throws {
        let registry = try #require(CatalogueLoader().load(catalogueAt: projectCatalogueURL.path).registry)
        #expect(Set(registry.ids).count == registry.ids.count)
        for id in registry.ids {
            #expect(id.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil && id.count <= 64, "\(id)")
        }
    }

    @Test("loadBundled() gives the same preparations as the folder")
    func bundledMatchesFolder() throws {
        let folder = CatalogueLoader().load(catalogueAt: projectCatalogueURL.path)
        let bundled = CatalogueLoader().loadBundled()
        #expect(bundled.diagnostics.isEmpty, "\(bundled.diagnostics.map(\.description))")
        #expect(bundled.registry?.ids == folder.registry?.ids)
        #expect(bundled.manifest.vocabulary == folder.manifest.vocabulary)
        #expect(bundled.fileCount == folder.fileCount)
        #expect(bundled.preparations.allSatisfy { $0.location.file.hasPrefix("Catalogue/preparations/") })
    }
}
