import Foundation
@testable import PreparationRegistry
import Testing

/// Hostile input that parses: the work after parsing stays bounded (issue: floods of
/// diagnostics, circles of replacements, dangling references, long lines).
@Suite("Bounded work after parsing")
struct BoundedWorkTests {
    /// `count` documents `{}` in one file: each has every required key missing.
    func flood(_ count: Int) throws -> (TemporaryCatalogue, CatalogueLoadResult) {
        let catalogue = try TemporaryCatalogue(files: ["flood.yaml": String(repeating: "--- {}\n", count: count)])
        return (catalogue, catalogue.load())
    }

    @Test("a file's first diagnostics are kept exactly; the rest are counted, and every one counts")
    func perFileCap() throws {
        let (catalogue, result) = try flood(200)  // 9 missing keys each: 1,800 errors
        defer { catalogue.remove() }
        #expect(result.diagnostics.count == CatalogueLoader.diagnosticsPerFile)
        #expect(result.errorCount == 1_800)
        #expect(result.registry == nil)
        let omitted = try #require(result.omitted.first)
        #expect(omitted.errors == 800 && omitted.warnings == 0)
        #expect(omitted.summary == "and 800 more errors in this file (not listed)")
        #expect(omitted.first == SourceLocation(file: catalogue.display("preparations/flood.yaml"), line: 112, column: 5))
        // The kept ones are the first: those of the first 111 documents and part of the 112th.
        #expect(result.diagnostics.first?.location.line == 1)
    }

    // Outside review: one preparation with 8 million unknown regions took 3 GB and 47 s, its
    // messages all written before the cap kept 1,000 of them.
    @Test("within one document, the problems past the cap are only counted, with the first of them")
    func floodInOneDocument() throws {
        let words = (0 ..< 5_000).map { "nowhere\($0)" }.joined(separator: ", ")
        let text = preparationText("flood").replacingOccurrences(of: "regions: [face]", with: "regions: [\(words)]")
        let catalogue = try TemporaryCatalogue(files: ["flood.yaml": text])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.count == CatalogueLoader.diagnosticsPerFile)
        #expect(result.errorCount == 5_000)
        let omitted = try #require(result.omitted.first)
        #expect(omitted.errors == 4_000 && omitted.warnings == 0)
        #expect(result.diagnostics.last?.message.description.contains("nowhere999") == true)
        #expect(omitted.first.line == 4)
        #expect(result.registry == nil)
    }

    @Test("past the cap, documents are only counted: the same counts, and a valid preparation still found")
    func countedPastTheCap() throws {
        let valid = """
            id: late-but-valid
            name: Late but valid
            ingredients: [glycerol]
            regions: [face]
            indications: [dehydration]
            techniques: [nappage]
            depth: 0.5-2 mm
            residence: 3-30 days
            protocol:
              - phase: induction
                sessions: 1
            sources: [Test source]
            """
        let text = String(repeating: "--- {}\n", count: 200) + "---\n" + valid + "\n---\n"
            + valid.replacingOccurrences(of: "late-but-valid", with: "late-and-wrong").replacingOccurrences(of: "0.5-2 mm", with: "2-0.5 mm")
        let catalogue = try TemporaryCatalogue(files: ["flood.yaml": text])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.count == CatalogueLoader.diagnosticsPerFile)
        #expect(result.errorCount == 1_801)
        #expect(result.preparations.map(\.id) == ["late-but-valid"])
        let omitted = try #require(result.omitted.first)
        #expect(omitted.errors == 801)
        #expect(omitted.first == SourceLocation(file: catalogue.display("preparations/flood.yaml"), line: 112, column: 5))
    }

    @Test("the count is grouped by thousands")
    func grouping() {
        #expect(OmittedDiagnostics(file: "f", errors: 1_234_567, warnings: 1, first: SourceLocation(file: "f", line: 1, column: 1)).summary
                == "and 1,234,567 more errors and 1 more warning in this file (not listed)")
    }

    @Test("a circle of replacements names a bounded part of itself in each member's message")
    func longCircle() throws {
        var files: [String: String] = [:]
        let count = 50
        for index in 0..<count {
            files["p\(index).yaml"] = preparationText("p\(index)", extra: "deprecated: {because: old, replaced-by: p\((index + 1) % count)}")
        }
        let catalogue = try TemporaryCatalogue(files: files)
        defer { catalogue.remove() }
        let messages = errors(catalogue.load()).map(\.message)
        #expect(messages.count == count)
        #expect(messages.first == "'replaced-by' goes round in a circle (p0 -> p1 -> p2 -> p3 -> p4 -> p5 -> p6 -> p7 -> ... (50 preparations) -> p0): a chain of replacements must end at a preparation that is not replaced")
    }

    @Test("the time of a circle and of dangling references grows linearly")
    func linearGrowth() throws {
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            let start = ContinuousClock.now
            try body()
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        func circle(_ count: Int) throws -> Double {
            let text = (0..<count).map { index in
                "---\n" + preparationText("p\(index)", extra: "deprecated: {because: old, replaced-by: p\((index + 1) % count)}")
            }.joined()
            let catalogue = try TemporaryCatalogue(files: ["all.yaml": text])
            defer { catalogue.remove() }
            return seconds { _ = catalogue.load() }
        }
        func dangling(_ count: Int) throws -> Double {
            let text = (0..<count).map { index in
                "---\n" + preparationText("p\(index)", extra: "deprecated: {because: old, replaced-by: gone-\(index)}")
            }.joined()
            let catalogue = try TemporaryCatalogue(files: ["all.yaml": text])
            defer { catalogue.remove() }
            return seconds { _ = catalogue.load() }
        }
        // Four times the input must take far less than sixteen times the time (quadratic work):
        // the fastest of three runs each (the machine is shared), and a bound of 10x leaves
        // room for noise above linear's 4x.
        for (name, measure) in [("circle", circle), ("dangling", dangling)] {
            let small = try (0..<3).map { _ in try measure(500) }.min() ?? 0
            let large = try (0..<3).map { _ in try measure(2_000) }.min() ?? 0
            #expect(large < 10 * small + 0.05, "\(name): 500: \(small) s; 2,000: \(large) s")
        }
    }

    @Test("a line longer than 64 KiB is not shown under its diagnostics")
    func longLine() throws {
        let long = String(repeating: "x", count: SourceLines.longestShown)
        let catalogue = try TemporaryCatalogue(files: [
            "short.yaml": preparationText("a") + "notes: \(long)\nunknown-key: 1\n",
            "long.yaml": preparationText("b") + "unknown-key: \(long)\n",
        ])
        defer { catalogue.remove() }
        let result = catalogue.load()
        #expect(result.diagnostics.map(\.sourceLine) == [nil, "unknown-key: 1"])
    }
}
