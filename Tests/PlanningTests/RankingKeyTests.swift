@testable import PreparationRegistry
import Testing
import TestSupport

/// `Candidates.rank` sorts by keys (`Candidates.rankKey`) rather than by `Candidates.compare`,
/// which words the deciding reason for the left-out list. On generated preparations (few
/// evidence levels, indications in shuffled orders, ids sharing prefixes, so every key ties
/// often), each preparation ranks above the next one by `compare` too, and the order is the
/// one a brute-force count of `compare`'s wins gives.
@Suite struct RankingKeyTests {
    @Test func rankingByKeysAgreesWithCompare() {
        var random = SplitMix64(state: 16)
        let evidence: [Evidence?] = [.label, .trial, .consensus, .practice, nil]
        let concerns = ["dehydration", "dullness", "laxity"]
        for _ in 0..<300 {
            let count = Int.random(in: 1...9, using: &random)
            var ids = Set<String>()
            while ids.count < count {
                ids.insert(["a", "a-b", "b", "ab", "a-a", "b-a", "ba", "c", "a-b-c", "aa"].randomElement(using: &random) ?? "a")
            }
            let preparations = ids.sorted().map { (id: String) -> Preparation in
                var indications = concerns.shuffled(using: &random)
                indications.removeLast(Int.random(in: 0...2, using: &random))
                var preparation = Preparation(
                    id: id, name: id, ingredients: [Ingredient(name: "Water")], regions: [.face],
                    indications: indications, techniques: [.nappage],
                    depth: LengthRange(min: Quantity(0.5, .mm), max: Quantity(1, .mm)),
                    residence: DurationRange(min: Quantity(3, .day), max: Quantity(30, .day)),
                    phases: [ProtocolPhase(name: "induction", sessions: CountRange(min: 1, max: 1), interval: nil)],
                    location: SourceLocation(file: "random.yaml", line: 1, column: 1))
                preparation.evidence = evidence.randomElement(using: &random) ?? nil
                return preparation
            }
            let concern = concerns.randomElement(using: &random) ?? "dehydration"
            let ranked = Candidates.rank(preparations, concern: concern)
            for (better, worse) in zip(ranked, ranked.dropFirst()) {
                #expect(Candidates.compare(better, worse, concern: concern)?.better == true, Comment(rawValue: "\(better.id) above \(worse.id)"))
            }
            let byWins = preparations.sorted { a, b in
                let winsA = preparations.filter { Candidates.compare(a, $0, concern: concern)?.better == true }.count
                let winsB = preparations.filter { Candidates.compare(b, $0, concern: concern)?.better == true }.count
                return winsA > winsB
            }
            #expect(ranked.map(\.id) == byWins.map(\.id))
        }
    }
}
