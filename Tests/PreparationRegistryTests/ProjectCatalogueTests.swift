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

    @Test("it covers every area: at least 16 preparations, 4 face, 3 scalp, 4 body, 3 scar")
    func coverage() throws {
        let result = CatalogueLoader().load(catalogueAt: projectCatalogueURL.path)
        let registry = try #require(result.registry)
        #expect(registry.count >= 16)
        func count(_ area: Area) -> Int { registry.preparations.count { $0.regions.contains { $0.area == area } } }
        #expect(count(.face) >= 4)
        #expect(count(.scalp) >= 3)
        #expect(count(.body) >= 4)
        let scar = registry.preparations.count { preparation in
            preparation.indications.contains { registry.vocabulary.indications[$0]?.isScar == true }
        }
        #expect(scar >= 3)
        #expect(!registry.vocabulary.scarIndications.isEmpty)
    }

    @Test("every preparation names its sources")
    func sources() throws {
        let registry = try #require(CatalogueLoader().load(catalogueAt: projectCatalogueURL.path).registry)
        for preparation in registry.preparations {
            #expect(!preparation.sources.isEmpty, "\(preparation.id) has no sources")
        }
    }

    /// A preparation citing a source lists the contraindications that source gives for
    /// mesotherapy (DOMAIN: seed 001), whatever else it cites the source for: a course must
    /// leave it out for them. Every preparation lists the contraindications of the Italian
    /// Society of Mesotherapy's consensus (DOMAIN: "Contraindications by consensus") and cites
    /// it; allergy to a component is `--allergy`, screened for every ingredient. The one
    /// exception is written in its file: the raised-scar preparation treats the keloids that a
    /// keloid tendency forms.
    @Test("a preparation citing seed 001 lists its contraindications; every one lists the consensus's")
    func sourcesContraindications() throws {
        let registry = try #require(CatalogueLoader().load(catalogueAt: projectCatalogueURL.path).registry)
        let consensus: Set = ["pregnancy", "breastfeeding", "active-infection", "inflammatory-skin-disease",
                              "clotting-disorder", "anticoagulant-therapy", "immunosuppression",
                              "autoimmune-disease", "keloid-tendency", "active-cancer"]
        for preparation in registry.preparations {
            let conditions = Set(preparation.contraindications)
            if preparation.sources.contains(where: { $0.hasPrefix("Seed description 001") }) {
                let missing = Set(["pregnancy", "breastfeeding", "heart-disease-medication", "clotting-disorder",
                                   "stroke-history", "insulin-dependent-diabetes"]).subtracting(conditions)
                #expect(missing.isEmpty, "\(preparation.id) cites seed 001 but does not list \(missing.sorted())")
            }
            #expect(preparation.sources.contains { $0.hasPrefix("Italian Society of Mesotherapy consensus") && $0.contains("contraindications by consensus") },
                    "\(preparation.id) does not cite the consensus's contraindications")
            let exceptions: Set = preparation.id == "raised-scar-enzymatic" ? ["keloid-tendency"] : []
            let missing = consensus.subtracting(exceptions).subtracting(conditions)
            #expect(missing.isEmpty, "\(preparation.id) does not list the consensus's \(missing.sorted())")
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
