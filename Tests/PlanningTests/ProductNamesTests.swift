import Foundation
@testable import AreaPlugins
import PreparationRegistry
import Testing

/// The names the product rules know a product by (`ProductNames`), from an outside clinician
/// review that planned each of these past its rule; and the local-anaesthetic allergy, typed or
/// named by a condition, on the fixture `local-anaesthetics` (twelve entries, each holding a
/// local anaesthetic under another name, and `plain-ha`, holding none).
@Suite struct ProductNamesTests {
    @Test("the lipolysis mixture by its abbreviations, bile salts and Aqualyx", arguments: [
        ["PC/DC"], ["PPC + DC"], ["Phosphatidylcholine with bile salts"], ["Essential phospholipids", "Sodium deoxycholate"],
        ["Lipostabil"], ["Lipodissolve"], ["Dermastabilon"],
    ])
    func lipolysisMixture(_ names: [String]) {
        let preparation = Self.preparation(names)
        #expect(BodyPlugin.isLipolysisMixture(preparation), "\(names)")
    }

    // Outside re-check: the German spelling and the abbreviation escaped the label rule.
    @Test("deoxycholate by its German spelling and abbreviation", arguments: ["Natriumdeoxycholat", "DCA", "Natriumdesoxycholat"])
    func deoxycholateSpellings(_ name: String) {
        #expect(ProductNames.holds(Self.preparation([name]), ProductNames.deoxycholate))
    }

    @Test func aqualyxIsDeoxycholateWithoutPhosphatidylcholine() {
        let aqualyx = Self.preparation(["Aqualyx"])
        #expect(ProductNames.holds(aqualyx, ProductNames.deoxycholate))
        #expect(!ProductNames.holds(aqualyx, ProductNames.phosphatidylcholine))
    }

    /// A product of both actives is a name of each (`SubstanceNames`) without leading from one
    /// to the other: listed here too, its term took "Deoxycholic acid" alone for a mixture.
    @Test("one active is no mixture", arguments: ["Deoxycholic acid", "Kybella", "Sodium deoxycholate"])
    func oneActiveIsNoMixture(_ name: String) {
        let preparation = Self.preparation([name])
        #expect(!ProductNames.holds(preparation, ProductNames.phosphatidylcholine))
        #expect(!BodyPlugin.isLipolysisMixture(preparation))
    }

    @Test("corticosteroids by abbreviation and kin", arguments: ["TAC", "Hydrocortisone", "Steroid", "Prednisolone acetate"])
    func corticosteroid(_ name: String) {
        #expect(ProductNames.holds(Self.preparation([name]), ProductNames.corticosteroid))
    }

    @Test("platelet products hold the plasma rule", arguments: [
        "PRGF (plasma rich in growth factors)", "Endoret", "Platelet concentrate", "Autologous platelet gel", "Platelet lysate",
    ])
    func plateletProducts(_ name: String) {
        #expect(ProductNames.holds(Self.preparation([name]), ProductNames.autologousPlasma))
    }

    @Test func namesThatAreNoneOfThem() {
        for name in ["Sodium hyaluronate", "Caffeine", "Vitamin C", "Dexpanthenol", "Cocoa butter", "Plasma protein"] {
            let preparation = Self.preparation([name])
            #expect(!ProductNames.holds(preparation, ProductNames.corticosteroid), "\(name)")
            #expect(!ProductNames.holds(preparation, ProductNames.autologousPlasma), "\(name)")
            #expect(!ProductNames.isLocalAnaesthetic(Ingredient(name: name)), "\(name)")
        }
        #expect(!ProductNames.namesLocalAnaesthetic("hyaluronic acid"))
        #expect(ProductNames.namesLocalAnaesthetic("caines"))  // the class as clinicians say it (outside review 16)
    }

    @Test("an allergy names a local anaesthetic however it is typed", arguments: [
        "lidocaine", "local anaesthetics", "lidocaine-prilocaine", "prilocaine-lidocaine", "lidocaine prilocaine", "EMLA",
        "EMLA cream", "Xylocaine", "lidocaine with adrenaline", "Novocaine", "amide anaesthetics", "ropivacaine",
        "numbing cream", "Citanest", "BLT cream", "Ametop", "Lokalanästhetika", "anesthésiques locaux", "anestésicos locales", "caines",
        "anestetici locali", "local anaesthesia",
    ])
    func allergyNamesALocalAnaesthetic(_ allergy: String) throws {
        #expect(ProductNames.namesLocalAnaesthetic(allergy))
        let registry = try fixtureRegistry("local-anaesthetics")
        let c = try course("face", CourseRequest(concern: "dehydration", allergies: [allergy], start: try day("2026-01-05")),
                           in: registry)
        #expect(c.preparation.id == "plain-ha")
        #expect(c.excluded.count == 12)
        // The rule read the allergy: no "matches nothing" beside its exclusions (outside re-check).
        #expect(!c.warnings.contains { $0.hasPrefix("the allergy '\(allergy)' matches no ingredient") }, "\(c.warnings)")
        for exclusion in c.excluded {
            #expect(exclusion.reasons.contains { $0.contains("[local-anaesthetic-allergy]") }, "\(allergy): \(exclusion.preparation)")
        }
    }

    @Test("a condition whose ingredients name a local anaesthetic screens as the allergy does",
          arguments: ["la-allergy", "lido-allergy", "emla-allergy"])
    func conditionNamesALocalAnaesthetic(_ condition: String) throws {
        let registry = try fixtureRegistry("local-anaesthetics")
        let c = try course("face", CourseRequest(concern: "dehydration", conditions: [condition], start: try day("2026-01-05")),
                           in: registry)
        #expect(c.preparation.id == "plain-ha")
        #expect(c.excluded.count == 12)
        let lignocaine = try #require(c.excluded.first { $0.preparation == "lignocaine" })
        let ingredient = try #require(registry.vocabulary.conditions[condition]?.ingredients.first)
        // With `lidocaine` named, the core screens "Lignocaine" too, as another name of it (SubstanceNames).
        #expect(lignocaine.reasons.last == 
            "the allergy '\(ingredient)' (named by the condition '\(condition)') names a local anaesthetic, and it holds 'Lignocaine', "
                + "a local anaesthetic [local-anaesthetic-allergy]")  // no "give --region" tail: an allergy is the same everywhere
    }

    static func preparation(_ names: [String]) -> Preparation {
        Preparation(
            id: "p", name: "P", ingredients: names.map { Ingredient(name: $0) }, regions: [.abdomen],
            indications: ["localized-fat"], techniques: [.subcutaneous],
            depth: LengthRange(min: Quantity(4, .mm), max: Quantity(13, .mm)),
            residence: DurationRange(min: Quantity(1, .week), max: Quantity(2, .week)),
            phases: [ProtocolPhase(name: "course", sessions: CountRange(min: 1, max: 1), interval: nil)],
            location: SourceLocation(file: "test.yaml", line: 1, column: 1))
    }

    // Outside review: within 600 cm², a body course with a lidocaine allergy did not say the
    // numbing cream is ruled out.
    @Test("a body course with a local-anaesthetic allergy says the cream is ruled out, whatever the surface",
          arguments: [Decimal(300), 700])
    func creamRuledOut(_ surface: Decimal) throws {
        let registry = try #require(bundledRegistry)
        let request = CourseRequest(concern: "localized-fat", regions: [TreatedRegion(.abdomen, surface: Surface(squareCentimetres: surface))],
                                    allergies: ["lidocaine"], start: try day("2026-03-02"))
        let c = try course("body", request, in: registry)
        #expect(c.warnings.contains { $0.hasSuffix("[body-anaesthetic-surface]") && $0.contains("the allergy 'lidocaine'") && $0.contains("plan another anaesthesia") },
                "\(c.warnings)")
    }
}
