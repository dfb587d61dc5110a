import Foundation
import Testing

/// Catalogue strings never drive the user's terminal: `show` and `query` print their control
/// characters escaped, as diagnostics do.
@Suite("terminal output: control characters escaped", .serialized)
struct TerminalSafetyTests {
    static let preparation = """
        id: ctl
        name: "Bad \\e]0;title\\a name \\e[2J"
        summary: "x\\u0007y"
        ingredients: ["a\\u001bb"]
        regions: [face]
        indications: [dehydration]
        techniques: [nappage]
        depth: 1 mm
        residence: 1 day
        protocol: [{phase: a, sessions: 1}]
        notes: "n\\u0000o\\u009bte"
        sources: [x]
        x-tag: "\\e[31mred"

        """

    @Test("show and query print no raw control character")
    func escaped() throws {
        let catalogue = try makeCatalogue(["ctl.yaml": Self.preparation])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let show = try runCatalog(["show", "ctl", "--catalogue", catalogue.path])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Name:              Bad \\u{1B}]0;title\\u{7} name \\u{1B}[2J\n"))
        #expect(show.stdout.contains("Notes:             n\\u{0}o\\u{9B}te\n"))
        let query = try runCatalog(["query", "--catalogue", catalogue.path])
        #expect(query.stdout.contains("Bad \\u{1B}]0;title\\u{7} name \\u{1B}[2J"))
        for output in [show.stdout, query.stdout] {
            #expect(!output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        }
    }
}

/// Wrapping a very long word for a narrow terminal measures it once (it was measured again for
/// every line it was cut into: a 256 KiB name took 13 s).
@Suite("terminal output: long words", .serialized)
struct LongWordTests {
    @Test("a 256 KiB name wraps for an 80-column terminal in a bounded time")
    func longName() throws {
        let name = String(repeating: "x", count: 262_144)
        let catalogue = try makeCatalogue(["long.yaml": """
            id: long
            name: \(name)
            ingredients: [glycerol]
            regions: [face]
            indications: [dehydration]
            techniques: [nappage]
            depth: 1 mm
            residence: 1 day
            protocol: [{phase: a, sessions: 1}]
            sources: [x]

            """])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let start = ContinuousClock.now
        let run = try runCatalog(["show", "long", "--catalogue", catalogue.path], environment: ["COLUMNS": "80"])
        let elapsed = ContinuousClock.now - start
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 4307)
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }
}

/// Colour follows the usual conventions (`--color`, `FORCE_COLOR`, `NO_COLOR` only when not
/// empty, `TERM=dumb`).
@Suite("terminal output: colour conventions", .serialized)
struct ColourTests {
    static let bold = "\u{1B}[1m"

    @Test("--color always and FORCE_COLOR colour a pipe; --color never and NO_COLOR do not")
    func conventions() throws {
        #expect(try runCatalog(["query", "--area", "scalp", "--color", "always"]).stdout.contains(Self.bold))
        #expect(try runCatalog(["query", "--area", "scalp"], environment: ["FORCE_COLOR": "1"]).stdout.contains(Self.bold))
        #expect(try !runCatalog(["query", "--area", "scalp"], environment: ["FORCE_COLOR": "0"]).stdout.contains(Self.bold))
        #expect(try !runCatalogOnTerminal(["query", "--area", "scalp", "--color", "never"], columns: 100).contains(Self.bold))
        #expect(try !runCatalogOnTerminal(["query", "--area", "scalp"], columns: 100, environment: ["TERM": "dumb"]).contains(Self.bold))
        #expect(try runCatalogOnTerminal(["query", "--area", "scalp"], columns: 100, environment: ["NO_COLOR": ""]).contains(Self.bold))
        #expect(try !runCatalogOnTerminal(["query", "--area", "scalp"], columns: 100, environment: ["NO_COLOR": "1"]).contains(Self.bold))
    }
}
