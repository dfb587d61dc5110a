import Foundation
import PreparationRegistry
import Testing

@Suite("Decoded values")
struct DecodedValueTests {
    func load(_ name: String) throws -> [Preparation] {
        let path = fixturesURL.appendingPathComponent("valid").appendingPathComponent(name + ".yaml").path
        let result = CatalogueLoader().load(files: [path])
        #expect(result.isValid)
        return result.preparations
    }

    @Test("anchors, aliases and merge keys decode as written")
    func anchors() throws {
        let preparation = try #require(try load("anchors-aliases-merge").first)
        #expect(preparation.techniques == [.nappage, .micropapules])
        #expect(preparation.regions == [.face, .neck])
        #expect(preparation.depth == LengthRange(min: Quantity(1, .mm), max: Quantity(2, .mm)))
        #expect(preparation.phases.map(\.name) == ["induction", "maintenance"])
        #expect(preparation.phases[1].sessions == CountRange(min: 1, max: 1))
        #expect(preparation.phases[1].interval == DurationRange(min: Quantity(3, .month), max: Quantity(3, .month)))
        #expect(preparation.phases[0].interval == DurationRange(min: Quantity(2, .week), max: Quantity(2, .week)))
        #expect(preparation.extensions.keys.contains("x-defaults"))
    }

    @Test("text ranges decode to the same values as mappings")
    func ranges() throws {
        let en = try #require(try load("range-en-dash").first)
        #expect(en.depth == LengthRange(min: Quantity(1, .mm), max: Quantity(2, .mm)))
        #expect(en.residence == DurationRange(min: Quantity(2, .week), max: Quantity(3, .week)))
        #expect(en.sessionTime == DurationRange(min: Quantity(30, .minute), max: Quantity(60, .minute)))
        let to = try #require(try load("range-to").first)
        #expect(to.residence == DurationRange(min: Quantity(6, .hour), max: Quantity(72, .hour)))
        let mixed = try #require(try load("range-mixed-units").first)
        #expect(mixed.residence == DurationRange(min: Quantity(3, .day), max: Quantity(1, .month)))
        let mapping = try #require(try load("range-mappings").first)
        #expect(mapping.depth == LengthRange(min: Quantity(0.5, .mm), max: Quantity(2, .mm)))
        #expect(mapping.residence == DurationRange(min: Quantity(3, .day), max: Quantity(30, .day)))
        #expect(mapping.phases[0].sessions == CountRange(min: 4, max: 6))
        #expect(mapping.sessionTime == DurationRange(min: Quantity(30, .minute), max: Quantity(60, .minute)))
        let single = try #require(try load("range-single-value").first)
        #expect(single.depth == LengthRange(min: Quantity(2, .mm), max: Quantity(2, .mm)))
    }

    @Test("unit spellings decode to canonical units")
    func units() throws {
        let p = try #require(try load("unit-spellings").first)
        #expect(p.residence == DurationRange(min: Quantity(2, .week), max: Quantity(2, .week)))
        #expect(p.sessionTime == DurationRange(min: Quantity(30, .minute), max: Quantity(30, .minute)))
        #expect(p.phases.compactMap(\.interval?.min.unit) == [.month, .week, .day, .hour, .week, .month])
    }

    @Test("concentrations decode with their units")
    func concentrations() throws {
        let p = try #require(try load("concentrations").first)
        #expect(p.ingredients.map(\.concentration) == [
            Concentration(value: 1.35, unit: .percent),
            Concentration(value: 0.01, unit: .percent),
            Concentration(value: 10, unit: .milligramsPerMillilitre),
            Concentration(value: 5, unit: .microgramsPerMillilitre),
            Concentration(value: 5, unit: .microgramsPerMillilitre),
            Concentration(value: 2, unit: .internationalUnitsPerMillilitre),
            Concentration(value: 150, unit: .internationalUnitsPerMillilitre),
            Concentration(value: 10, unit: .milligramsPerMillilitre),
        ])
    }

    @Test("string and mapping forms of ingredients, side effects and aftercare")
    func forms() throws {
        let ingredients = try #require(try load("ingredients-string-and-mapping").first).ingredients
        #expect(ingredients == [Ingredient(name: "Glycerol"), Ingredient(name: "Vitamin C", ingredientClass: "vitamin"),
                                Ingredient(name: "Zinc")])
        let p = try #require(try load("side-effects-and-aftercare").first)
        #expect(p.sideEffects.map(\.effect) == ["Redness", "Bruising", "Nodules", "Infection", "Necrosis"])
        #expect(p.sideEffects.map(\.frequency) == [nil, .common, .uncommon, .rare, .veryRare])
        #expect(p.sideEffects[1].lasts == DurationRange(min: Quantity(5, .day), max: Quantity(7, .day)))
        #expect(p.aftercare.count == 3)
    }

    @Test("YAML 1.1 words and numbers are kept as text where text is expected")
    func texts() throws {
        let words = try #require(try load("yaml11-booleans-are-strings").first)
        #expect(words.notes == "NO")
        #expect(words.summary == "ON")
        #expect(words.sources == ["on", "yes", "off", "n", "Y"])
        let number = try #require(try load("number-as-name").first)
        #expect(number.name == "123")
        #expect(number.summary == "1.5")
        #expect(number.notes == "2026-01-01")
        let tagged = try #require(try load("str-tag").first)
        #expect(tagged.name == "123")
        #expect(tagged.notes == "true")
        // A folded summary is one line; the block scalar's final line break is left out.
        let folded = try #require(try load("summary-folded-one-line").first)
        #expect(folded.summary == "Free hyaluronic acid placed in the dermis to restore water binding in dry, flat-looking skin.")
    }

    @Test("a multi-document file gives one preparation per document, in order")
    func multiDocument() throws {
        #expect(try load("multi-document").map(\.id) == ["multi-document-a", "multi-document-b", "multi-document-c"])
        #expect(try load("evidence-values").map(\.evidence) == [.trial, .consensus, .practice])
    }

    @Test("x- keys are kept")
    func extensionKeys() throws {
        let p = try #require(try load("extension-keys").first)
        #expect(Array(p.extensions.keys) == ["x-clinic-code", "x-nested", "x-empty"])
    }

    @Test("location(of:) points at the value of a top-level key, else at the document's start")
    func keyLocations() throws {
        let first = preparationText("first")
        let second = "---\n" + preparationText("second", techniques: "\n  - nappage", depth: "{min: 1, max: 2, unit: mm}")
        let text = first + second
        let catalogue = try TemporaryCatalogue(files: ["two.yaml": text])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let byID = Dictionary(uniqueKeysWithValues: result.preparations.map { ($0.id, $0) })
        let p = try #require(byID["first"])
        let q = try #require(byID["second"])
        let file = catalogue.display("preparations/two.yaml")
        // The line (from 1) of the first line starting with `prefix` at or after line `from`.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ prefix: String, from: Int = 1) -> Int {
            (from - 1 ..< lines.count).first { lines[$0].hasPrefix(prefix) }.map { $0 + 1 } ?? 0
        }
        #expect(p.location(of: "id") == SourceLocation(file: file, line: 1, column: 5))
        #expect(p.location(of: "depth") == SourceLocation(file: file, line: line("depth:"), column: 8))
        // A block list's value starts at its first dash.
        #expect(p.location(of: "protocol") == SourceLocation(file: file, line: line("protocol:") + 1, column: 3))
        // Absent and unknown keys give the document's start.
        #expect(p.location(of: "notes") == p.location)
        #expect(p.location(of: "no-such-key") == p.location)
        // The second document: a block list and a flow mapping.
        let start = line("---") + 1
        #expect(q.location.line == start)
        #expect(q.location(of: "techniques") == SourceLocation(file: file, line: line("techniques:", from: start) + 1, column: 3))
        #expect(q.location(of: "depth") == SourceLocation(file: file, line: line("depth:", from: start), column: 8))
        // A preparation made in code knows only its start, and where keys are written does not
        // take part in equality.
        let made = Preparation(id: p.id, name: p.name, ingredients: p.ingredients, regions: p.regions,
                               indications: p.indications, techniques: p.techniques, depth: p.depth,
                               residence: p.residence, phases: p.phases, sources: p.sources, location: p.location)
        #expect(made.location(of: "depth") == made.location)
        #expect(made == p)
        #expect(made.hashValue == p.hashValue)
    }

    @Test("ranges, counts and concentrations read from their text give the values of the general forms")
    func textFormsMatchGeneralForms() throws {
        // Each interval written as text, then the same one as a mapping with YAML numbers.
        let intervals: [(text: String, min: String, max: String, unit: String)] = [
            ("0.5-2 weeks", "0.5", "2", "weeks"), ("1.25 to 7.75 days", "1.25", "7.75", "days"),
            ("0.123456789012345 - 0.2 months", "0.123456789012345", "0.2", "months"),
            ("3 days - 1 month", "", "", ""), ("2\u{2013}3 wks", "2", "3", "wks"),
            ("72 HOURS", "72", "72", "hours"), ("1234567890123456-1234567890123457 min", "1234567890123456", "1234567890123457", "min"),
            ("0.1-0.3 mo", "0.1", "0.3", "mo"),
        ]
        func phases(_ interval: (Int) -> String) -> String {
            intervals.indices.map { "  - {phase: p\($0), sessions: \($0 + 1)-\($0 + 2), interval: \(interval($0))}" }
                .joined(separator: "\n")
        }
        let concentrations = ["0.5 %", "2mg/ml", "0.05%", "10 MG/ML", "1.25 ug/ml", "3 IU/ml", " 7.125 % ",
                              "123456789012345 %", "1234567890123456 %", "0.1234567 %"]
        let ingredients = concentrations.map { "  - {name: n, concentration: \"\($0)\"}" }.joined(separator: "\n")
        let base = preparationText("x").replacingOccurrences(of: "protocol:\n  - phase: induction\n    sessions: 1\n", with: "")
            .replacingOccurrences(of: "ingredients: [glycerol]\n", with: "")
        let asText = base.replacingOccurrences(of: "id: x", with: "id: text")
            + "ingredients:\n\(ingredients)\nprotocol:\n" + phases { "\"\(intervals[$0].text)\"" } + "\n"
        let asMappings = base.replacingOccurrences(of: "id: x", with: "id: mapped")
            + "ingredients: [n]\nprotocol:\n" + phases { i in
                let r = intervals[i]
                return r.unit.isEmpty ? "\"\(r.text)\"" : "{min: \(r.min), max: \(r.max), unit: \(r.unit)}"
            } + "\n"
        let catalogue = try TemporaryCatalogue(files: ["a.yaml": asText, "b.yaml": asMappings])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let byID = Dictionary(uniqueKeysWithValues: result.preparations.map { ($0.id, $0) })
        let text = try #require(byID["text"])
        let mapped = try #require(byID["mapped"])
        #expect(text.phases.map(\.interval) == mapped.phases.map(\.interval))
        #expect(text.phases.map(\.sessions) == intervals.indices.map { CountRange(min: $0 + 1, max: $0 + 2) })
        #expect(text.ingredients.map(\.concentration) == concentrations.map { Concentration.parse($0) })
        #expect(!text.ingredients.contains { $0.concentration == nil })
    }
}
