@testable import PreparationRegistry
import Testing

@Suite("Closed word sets and key tables matched on bytes")
struct WordTableTests {
    private static func spellings<E: RawRepresentable>(_ type: E.Type, _ words: [String]) -> [String] where E.RawValue == String {
        var texts = ["", " ", "x", "é", "face ", " face", "FACE", "Face", "null", "very-rare", "very_rare", "label\n",
                     String(repeating: "a", count: 100)]
        for word in words {
            texts += [word, word.uppercased(), word + "s", String(word.dropLast()), String(word.dropFirst()),
                      word + "\u{301}", "\"" + word + "\""]
        }
        return texts
    }

    private func check<E: RawRepresentable & CaseIterable & Sendable & Equatable>(_ table: WordTable<E>)
    where E.RawValue == String {
        for text in Self.spellings(E.self, E.allCases.map(\.rawValue)) {
            let matched = Array(text.utf8).withUnsafeBufferPointer { table.value(of: $0) }
            #expect(matched == E(rawValue: text), "\(text)")
        }
    }

    @Test("each table finds exactly what init(rawValue:) finds, for every word and near misses")
    func sameAsRawValue() {
        check(WordTables.region)
        check(WordTables.technique)
        check(WordTables.season)
        check(WordTables.evidence)
        check(WordTables.frequency)
    }

    @Test("a key table finds a key written in the code at the index of its spec, and nothing for others")
    func keyTableByString() {
        for table in [KeyTables.preparation, KeyTables.ingredient, KeyTables.phase, KeyTables.sideEffect,
                      KeyTables.aftercare, KeyTables.deprecation, KeyTables.dosing, KeyTables.range,
                      KeyTables.manifest, KeyTables.vocabulary, KeyTables.indication, KeyTables.condition,
                      KeyTables.ingredientClass, KeyTables.lint, KeyTables.replaces] {
            var texts = ["", "x", "no-such-key-at-all", "é"]
            for spec in table.specs {
                texts += [spec.key, spec.key + "x", String(spec.key.dropLast()), spec.key.uppercased(), "x-" + spec.key]
            }
            for text in texts {
                #expect(table.index(of: text) == table.specs.firstIndex { $0.key == text }, "\(text)")
            }
        }
    }
}
