import Foundation
import PreparationRegistry
import Testing

/// "glow" in each field a text search reads; the ids run against the ranking.
let relevancePath = fixtures.appendingPathComponent("relevance").path

@Suite("Query: sorting by relevance")
struct RelevanceTests {
    let catalogue: Registry

    init() throws {
        catalogue = try registry(CatalogueLoader().load(catalogueAt: relevancePath))
    }

    func found(_ texts: [String], _ order: Query.Order) -> [String] {
        ids(catalogue.preparations(matching: Query(texts: texts, order: order)))
    }

    @Test("name, then summary, then an ingredient's name, then notes; a word counts where it is found best")
    func byField() {
        #expect(found(["glow"], .relevance) == ["d-in-name", "e-split", "c-in-summary", "b-in-ingredient", "a-in-notes"])
        #expect(found(["glow"], .id) == ["a-in-notes", "b-in-ingredient", "c-in-summary", "d-in-name", "e-split"])
        #expect(found(["GLÓW"], .relevance) == found(["glow"], .relevance), "folded as the match is")
    }

    @Test("several words: a preparation ranks by where its weakest word is found; ties by id")
    func severalWords() {
        // d: both in the name; e: "glowing" in the name, "serum" in the summary; b: "serum" in
        // the name, "glowberry" in an ingredient.
        #expect(found(["glow serum"], .relevance) == ["d-in-name", "e-split", "b-in-ingredient"])
        #expect(found(["serum"], .relevance) == ["b-in-ingredient", "d-in-name", "e-split"])
    }

    @Test("several texts: a preparation ranks by the best text it matches")
    func severalTexts() {
        #expect(found(["glow", "matte"], .relevance)
            == ["d-in-name", "e-split", "f-unmatched", "c-in-summary", "b-in-ingredient", "a-in-notes"])
    }

    @Test("without a text, or with a text without a word, relevance is id order; other filters still apply")
    func noText() {
        let all = ids(catalogue.preparations(matching: Query()))
        #expect(ids(catalogue.preparations(matching: Query(order: .relevance))) == all)
        #expect(found(["--", "glow"], .relevance) == all, "a text without a word matches everything alike")
        #expect(Query().order == .id)
        var query = Query(texts: ["glow"], order: .relevance)
        query.excludedConditions = ["pregnancy"]
        #expect(ids(catalogue.preparations(matching: query)) == found(["glow"], .relevance))
    }

    @Test("the bundled catalogue: every match of a word in a name comes before the others")
    func bundledNames() {
        let query = Query(texts: ["acid"], order: .relevance)
        let ranked = bundled.preparations(matching: query)
        #expect(Set(ids(ranked)) == Set(ids(bundled.preparations(matching: Query(texts: ["acid"])))))
        let inName = ranked.map { TextFolding.words($0.name).contains { $0.hasPrefix("acid") } }
        #expect(inName.firstIndex(of: false).map { !inName[$0...].contains(true) } ?? true, "\(ids(ranked))")
        #expect(inName.contains(true) && inName.contains(false))
    }
}
