// Uses PreparationRegistry exactly as another Swift tool would: a plain `import`, the public
// API only (no `@testable`).
import Foundation
import PreparationRegistry
import Testing
import YAMLReader

/// This test target's fixtures folder.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
/// A catalogue the registry's authors did not write for the bundled data: accents, tricky
/// strings, mixed units, extension keys, a deprecated entry.
let clinicPath = fixtures.appendingPathComponent("clinic").path
/// Odd but valid input for the output formats (strings YAML could misread, escapes JSON must
/// write, numbers without a short decimal form), without a `catalogue.yaml`.
let awkwardPath = fixtures.appendingPathComponent("awkward").path

func registry(_ result: CatalogueLoadResult) throws -> Registry {
    try #require(result.registry, "\(result.diagnostics.map(\.rendered))")
}

let bundled: Registry = {
    // A failure here shows in every test that uses it.
    CatalogueLoader().loadBundled().registry ?? Registry(manifest: Manifest(vocabulary: Vocabulary()), preparations: [])
}()

func ids(_ preparations: [Preparation]) -> [String] { preparations.map(\.id) }

@Suite("Query")
struct QueryTests {
    let clinic: Registry

    init() throws {
        clinic = try registry(CatalogueLoader().load(catalogueAt: clinicPath))
    }

    @Test("an empty query lists every preparation, by id, deprecated ones included")
    func everything() {
        #expect(ids(clinic.preparations(matching: Query())) == ["eclat-glow", "old-body-fat", "scalp-plain"])
        #expect(bundled.preparations(matching: Query()).count == 21)
        var query = Query()
        query.includesDeprecated = false
        #expect(ids(clinic.preparations(matching: query)) == ["eclat-glow", "scalp-plain"])
    }

    @Test("area and region")
    func areaAndRegion() {
        #expect(ids(clinic.preparations(matching: Query(areas: [.face]))) == ["eclat-glow"])
        #expect(ids(clinic.preparations(matching: Query(areas: [.face, .body]))) == ["eclat-glow", "old-body-fat"])
        #expect(ids(bundled.preparations(matching: Query(regions: [.periorbital])))
                == ["hyaluronidase-filler-correction", "polynucleotide-periorbital"])
        #expect(ids(bundled.preparations(matching: Query(areas: [.scalp])))
                == ["dutasteride-scalp", "hair-revitalising-cocktail", "peptide-growth-factor-hair", "prp-scalp"])
        let face = bundled.preparations(matching: Query(areas: [.face]))
        #expect(face.count == 10)
        #expect(face.allSatisfy { $0.areas.contains(.face) })
    }

    @Test("indication, technique")
    func indicationAndTechnique() {
        #expect(ids(clinic.preparations(matching: Query(indications: ["androgenic-alopecia"]))) == ["scalp-plain"])
        #expect(ids(clinic.preparations(matching: Query(indications: ["Androgenic-Alopecia"]))) == ["scalp-plain"],
                "slugs are lower-case, so indications compare case-insensitively, as areas and regions do")
        #expect(clinic.unknownValues(in: Query(indications: ["DULLNESS"], excludedConditions: ["Pregnancy"])).isEmpty)
        #expect(ids(clinic.preparations(matching: Query(excludedConditions: ["PREGNANCY"]))) == ["scalp-plain"])
        #expect(ids(clinic.preparations(matching: Query(techniques: [.subcutaneous, .pointByPoint])))
                == ["old-body-fat", "scalp-plain"])
        let scalp = bundled.preparations(matching: Query(indications: ["androgenic-alopecia"]))
        #expect(ids(scalp) == ["dutasteride-scalp", "hair-revitalising-cocktail", "peptide-growth-factor-hair", "prp-scalp"])
        #expect(scalp.allSatisfy { $0.indications.contains("androgenic-alopecia") })
    }

    @Test("ingredient by name or class, case-insensitive, spaces and hyphens alike")
    func ingredient() {
        for word in ["hyaluronic acid", "HYALURONIC-ACID", "Hyaluronic_Acid"] {
            #expect(ids(clinic.preparations(matching: Query(ingredients: [word]))) == ["eclat-glow"], "\(word)")
        }
        #expect(ids(clinic.preparations(matching: Query(ingredients: ["lipolytic", "biotin"]))) == ["old-body-fat", "scalp-plain"])
        let ha = bundled.preparations(matching: Query(ingredients: ["hyaluronic-acid"]))
        #expect(ha.allSatisfy { $0.ingredients.contains { $0.ingredientClass == "hyaluronic-acid" } })
        #expect(ids(ha) == ["atrophic-scar-ha-amino-acid", "hair-revitalising-cocktail", "hand-rejuvenation-ha",
                            "lightly-crosslinked-ha-booster", "noncrosslinked-ha-hydration", "organic-silicon-firming",
                            "revitalising-vitamin-cocktail", "stretch-mark-cocktail"])
    }

    @Test("free text: case- and accent-insensitive word prefixes over name, summary, ingredients and notes")
    func text() {
        for word in ["eclat", "ÉCLAT", "Eclat glow", "radiance", "glutath", "creme de la", "E\u{301}clat"] {
            #expect(ids(clinic.preparations(matching: Query(texts: [word]))) == ["eclat-glow"], "\(word)")
        }
        #expect(clinic.preparations(matching: Query(texts: ["eclat scalp"])).isEmpty)
        #expect(ids(clinic.preparations(matching: Query(texts: ["eclat", "drip"]))) == ["eclat-glow", "scalp-plain"])
        #expect(clinic.preparations(matching: Query(texts: ["lat"])).isEmpty, "a word must start a word")
        #expect(clinic.preparations(matching: Query(texts: ["", "glow"])).count == 3, "a text without words restricts nothing")
        #expect(TextFolding.words("Crème-brûlée, ÆSIR Straße") == ["creme", "brulee", "aesir", "strasse"])
    }

    @Test("free text: accents beyond Latin-1 fold too (Vietnamese, Greek, ligatures, full-width)")
    func textBeyondLatin1() throws {
        // Greek and Cyrillic letters that look like Latin ones fold to those (screening sees
        // through a look-alike), on both sides of every search, so these words still meet.
        #expect(TextFolding.words("Phở ĐẶNG Ελληνικά ǆ ĳ ﬁne Ｆull Ёлка 中文") == ["pho", "dang", "eλλhnika", "dz", "ij", "fine", "full", "eлka", "中文"])
        let awkward = try registry(CatalogueLoader().load(catalogueAt: awkwardPath))
        for word in ["pho", "PHỞ", "ελληνικα", "ΑΛΦΑ", "zolc laka"] {
            #expect(ids(awkward.preparations(matching: Query(texts: [word]))) == ["awkward-strings"], "\(word)")
        }
    }

    @Test("every combination of filters gives what testing each preparation gives")
    func againstBruteForce() {
        /// The query's meaning, written out over every preparation.
        func matches(_ p: Preparation, _ q: Query) -> Bool {
            func any<T>(_ wanted: [T], _ has: (T) -> Bool) -> Bool { wanted.isEmpty || wanted.contains(where: has) }
            let words = (p.name + " " + (p.summary ?? "") + " " + p.ingredients.map(\.name).joined(separator: " ") + " " + (p.notes ?? ""))
            let own = TextFolding.words(words)
            let texts = q.texts.map(TextFolding.words)
            return any(q.areas) { p.areas.contains($0) } && any(q.regions) { p.regions.contains($0) }
                && any(q.indications) { p.indications.contains($0) } && any(q.techniques) { p.techniques.contains($0) }
                && any(q.ingredients) { w in p.ingredients.contains { TextFolding.fold($0.name) == TextFolding.fold(w) || $0.ingredientClass == w } }
                && (texts.isEmpty || texts.contains { $0.isEmpty } || texts.contains { text in text.allSatisfy { t in own.contains { $0.hasPrefix(t) } } })
                && !p.contraindications.contains { q.excludedConditions.contains($0) }
        }
        let areas: [[Area]] = [[], [.face], [.body, .scalp]]
        let techniques: [[Technique]] = [[], [.nappage], [.micropapules, .subcutaneous]]
        let texts: [[String]] = [[], ["a"], ["acid"], ["hyal acid"], ["vit", "peptide"], ["c"], ["zzz"], ["", "x"]]
        let ingredients: [[String]] = [[], ["hyaluronic-acid"], ["vitamin", "Biotin"]]
        let conditions: [[String]] = [[], ["pregnancy"]]
        var checked = 0
        for a in areas { for t in techniques { for x in texts { for i in ingredients { for c in conditions {
            let query = Query(areas: a, ingredients: i, techniques: t, texts: x, excludedConditions: c)
            let expected = bundled.preparations.filter { matches($0, query) }
            #expect(ids(bundled.preparations(matching: query)) == ids(expected), "\(query)")
            checked += 1
        }}}}}
        #expect(checked == 432)
    }

    @Test("conditions leave out what they contraindicate")
    func conditions() {
        #expect(ids(clinic.preparations(matching: Query(excludedConditions: ["pregnancy"]))) == ["scalp-plain"])
        #expect(ids(clinic.preparations(matching: Query(excludedConditions: ["soy-allergy"]))) == ["eclat-glow", "scalp-plain"])
        let safe = bundled.preparations(matching: Query(areas: [.body], excludedConditions: ["soy-allergy"]))
        #expect(!safe.contains { $0.contraindications.contains("soy-allergy") })
    }

    @Test("filters combine with AND, values of one filter with OR")
    func combination() {
        let query = Query(areas: [.face, .scalp], techniques: [.pointByPoint, .nappage], texts: ["plain", "glow"])
        #expect(ids(clinic.preparations(matching: query)) == ["eclat-glow", "scalp-plain"])
        #expect(clinic.preparations(matching: Query(areas: [.scalp], techniques: [.nappage])).isEmpty)
        let all = bundled.preparations(matching: Query())
        let expected = all.filter { p in
            p.regions.contains { [.neck, .periorbital].contains($0) } && p.techniques.contains(.micropapules)
        }
        #expect(bundled.preparations(matching: Query(regions: [.neck, .periorbital], techniques: [.micropapules])) == expected)
    }

    @Test("unknown words are reported with the nearest known word")
    func unknown() throws {
        let query = Query(indications: ["dehydratoin"], ingredients: ["hyaluronc", "unobtainium"], excludedConditions: ["pregancy"])
        #expect(bundled.unknownValues(in: query).map(\.description) == [
            "unknown indication 'dehydratoin'; did you mean 'dehydration'?",
            "unknown ingredient 'hyaluronc'; did you mean 'hyaluronic-acid'?",
            "unknown ingredient 'unobtainium'",
            "unknown condition 'pregancy'; did you mean 'pregnancy'?",
        ])
        #expect(bundled.unknownValues(in: Query(indications: ["dehydration"], ingredients: ["vitamin"])).isEmpty)
        #expect(throws: UnknownValue.self) { try Query.region(named: "elbow") }
        do {
            _ = try Query.region(named: "neks")
        } catch {
            #expect(error.description == "unknown region 'neks'; did you mean 'neck'?")
        }
        do {
            _ = try Query.region(named: "elbow")
        } catch {
            #expect(error.description == "unknown region 'elbow'; known regions: face, periorbital, submental, neck, decolletage, scalp, arms, hands, abdomen, flanks, back, buttocks, thighs, knees")
        }
        #expect(try Query.area(named: "FACE") == .face)
        #expect(try clinic.preparation(id: "Eclat-GLOW").id == "eclat-glow")
        do {
            _ = try clinic.preparation(id: "eclat-glwo")
        } catch {
            #expect(error.description == "no preparation 'eclat-glwo' in the catalogue; did you mean 'eclat-glow'?")
        }
    }

    @Test("one registry answers queries from many tasks at once")
    func concurrent() async {
        let registry = bundled
        let expected = ids(registry.preparations(matching: Query(areas: [.face], texts: ["acid"])))
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<16 {
                group.addTask { ids(registry.preparations(matching: Query(areas: [.face], texts: ["acid"]))) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 == expected })
        #expect(!expected.isEmpty)
    }

    @Test("many different queries and both encoders at once give what they give one at a time")
    func concurrentMixed() async throws {
        let registry = bundled
        var queries: [Query] = Area.allCases.map { Query(areas: [$0]) } + Region.allCases.map { Query(regions: [$0]) }
        queries += Technique.allCases.map { Query(techniques: [$0], texts: ["acid", "vitamin"]) }
        queries += ["pregnancy", "anticoagulant-therapy"].map { Query(ingredients: ["hyaluronic-acid", "vitamin"], excludedConditions: [$0]) }
        let expected = try queries.map { query -> String in
            let found = registry.preparations(matching: query)
            return PreparationJSON.encode(found) + (try PreparationYAML.encode(found))
        }
        let results = await withTaskGroup(of: (Int, String?).self) { group in
            for _ in 0..<4 {
                for (index, query) in queries.enumerated() {
                    group.addTask {
                        let found = registry.preparations(matching: query)
                        let yaml = try? PreparationYAML.encode(found)
                        return (index, yaml.map { PreparationJSON.encode(found) + $0 })
                    }
                }
            }
            return await group.reduce(into: [(Int, String?)]()) { $0.append($1) }
        }
        #expect(results.count == 4 * queries.count)
        for (index, text) in results { #expect(text == expected[index], "\(queries[index])") }
    }
}

@Suite("Making a registry")
struct RegistryInitTests {
    @Test("preparations given in any order come out sorted by id; of two equal ids the earlier stays")
    func sortsAndDropsRepeats() {
        var given = Array(bundled.preparations.reversed())
        var renamed = given[3]
        renamed.name = "A later copy"
        given.insert(renamed, at: 7)
        let made = Registry(manifest: bundled.manifest, preparations: given)
        #expect(ids(made.preparations) == ids(bundled.preparations))
        #expect(made[renamed.id]?.name == given[3].name)
        #expect(made[renamed.id]?.name != "A later copy")
    }

    @Test("preparations already sorted, each id once, are kept as given")
    func keepsSorted() {
        let made = Registry(manifest: bundled.manifest, preparations: bundled.preparations)
        #expect(made.preparations == bundled.preparations)
    }
}
