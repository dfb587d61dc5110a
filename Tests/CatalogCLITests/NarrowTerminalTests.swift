import Foundation
import Testing
@testable import CatalogCLI

/// The narrow-terminal fixture: a long id, long words, CJK, a decomposed accent, a deprecated row.
let narrowCatalogue = packageRoot.appendingPathComponent("Tests/RegistryClientTests/Fixtures/narrow").path

@Suite("the query table on a narrow terminal", .serialized)
struct NarrowTerminalTests {
    @Test("80 columns: the least important columns are left out, cells wrap between words, a line names what is left out")
    func eighty() throws {
        let run = try runCatalogOnTerminal(["query", "--catalogue", narrowCatalogue], columns: 80, environment: ["NO_COLOR": "1"])
        #expect(run == """
            ID                           NAME                        REGIONS
            cafe                         Café au lait brightening    face
            cjk                          中文名字的制剂 and more     face
                                         words
            old                          Obsolete hyaluronic         face
                                         cocktail (deprecated)
            polynucleotide-regeneration  Polydeoxyribonucleotide     face, neck, decolletage
                                         regenerating booster

            4 preparations (1 deprecated)
            Left out to fit 80 columns: TECHNIQUES, DEPTH, SESSIONS

            """)
    }

    @Test("60 columns: the id and the name, wrapped between words")
    func sixty() throws {
        let run = try runCatalogOnTerminal(["query", "--catalogue", narrowCatalogue], columns: 60, environment: ["NO_COLOR": "1"])
        #expect(run == """
            ID                           NAME
            cafe                         Café au lait brightening
            cjk                          中文名字的制剂 and more words
            old                          Obsolete hyaluronic cocktail
                                         (deprecated)
            polynucleotide-regeneration  Polydeoxyribonucleotide
                                         regenerating booster

            4 preparations (1 deprecated)
            Left out to fit 60 columns: REGIONS, TECHNIQUES, DEPTH,
            SESSIONS

            """)
    }

    @Test("40 and 50 columns: names narrower than their longest word are cut to one line with an ellipsis, the deprecated mark kept where there is room")
    func forty() throws {
        let forty = try runCatalogOnTerminal(["query", "--catalogue", narrowCatalogue], columns: 40, environment: ["NO_COLOR": "1"])
        #expect(forty == """
            ID                           NAME
            cafe                         Café au la…
            cjk                          中文名字的…
            old                          Obsolete h…
            polynucleotide-regeneration  Polydeoxyr…

            4 preparations (1 deprecated)
            Left out to fit 40 columns: REGIONS,
            TECHNIQUES, DEPTH, SESSIONS

            """)
        let fifty = try runCatalogOnTerminal(["query", "--catalogue", narrowCatalogue], columns: 50, environment: ["NO_COLOR": "1"])
        #expect(fifty.contains("\nold                          Obsolet… (deprecated)\n"))
        #expect(fifty.contains("\ncjk                          中文名字的制剂 and m…\n"))
    }

    @Test("an absurdly narrow terminal: the ids alone, whole, and the note wrapped between words")
    func twelve() throws {
        let run = try runCatalogOnTerminal(["query", "--catalogue", narrowCatalogue], columns: 12, environment: ["NO_COLOR": "1"])
        #expect(run == """
            ID
            cafe
            cjk
            old
            polynucleotide-regeneration

            4 preparations (1 deprecated)
            Left out to
            fit 12
            columns:
            NAME,
            REGIONS,
            TECHNIQUES,
            DEPTH,
            SESSIONS

            """)
    }

    @Test("the bundled catalogue at 40, 60 and 80 columns: every line fits unless an id alone is wider, ids whole, no word split")
    func bundled() throws {
        let piped = try runCatalog(["query", "--format", "csv"])
        let ids = piped.stdout.split(separator: "\r\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(ids.count == 21)
        // Every word of the piped table, and the runs of its parts cut after hyphens.
        let whole = try runCatalog(["query"]).stdout
        var pieces: Set<String> = []
        for token in whole.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let word = token.hasSuffix(",") ? token.dropLast() : token
            let parts = wrapChunks(String(word))
            for start in parts.indices {
                for end in start..<parts.count { pieces.insert(parts[start...end].joined()) }
            }
        }
        for columns in [40, 60, 80] {
            let run = try runCatalogOnTerminal(["query"], columns: UInt16(columns), environment: ["NO_COLOR": "1"])
            let parts = run.components(separatedBy: "\n\n")
            #expect(parts.count == 2, "the table, then the count and what was left out")
            let table = parts[0].split(separator: "\n").dropFirst().map(String.init)
            for line in table {
                let id = ids.first { line.hasPrefix($0 + " ") || line == $0 }
                #expect(id != nil || line.hasPrefix(" "), "\(columns): a row starts with its whole id: \(line)")
                #expect(displayWidth(line) <= max(columns, id.map(displayWidth) ?? 0), "\(columns): \(line)")
            }
            #expect(ids.allSatisfy { id in table.contains { $0.hasPrefix(id + " ") || $0 == id } })
            for line in parts[1].split(separator: "\n") { #expect(displayWidth(line) <= columns) }
            // Every word of a wrapped or cut cell is whole (or runs of its hyphenated parts: a
            // line may end after a hyphen), or ends with the ellipsis.
            for word in table.joined(separator: " ").split(separator: " ") where !word.hasSuffix("…") {
                let bare = word.hasSuffix(",") ? String(word.dropLast()) : String(word)
                #expect(pieces.contains(bare), "\(columns): '\(bare)' is a whole word")
            }
        }
    }

    @Test("COLUMNS gives the width of a terminal that does not tell its size")
    func columnsVariable() throws {
        let sized = try runCatalogOnTerminal(["query", "--catalogue", narrowCatalogue], columns: 60, environment: ["NO_COLOR": "1"])
        let unsized = try runCatalogOnTerminal(["query", "--catalogue", narrowCatalogue], columns: 0,
                                               environment: ["NO_COLOR": "1", "COLUMNS": "60"])
        #expect(unsized == sized)
    }

    @Test("piped, COLUMNS keeps every cell whole, wrapped inside words if need be, as before")
    func pipedUnchanged() throws {
        let run = try runCatalog(["query", "--catalogue", narrowCatalogue], environment: ["COLUMNS": "60"])
        #expect(run.stdout.hasPrefix("""
            ID         NAME       REGIONS   TECHNIQUE  DEPTH   SESSIONS
                                            S
            cafe       Café au    face      micropapu  1 mm    4 every 2
                       lait                 les                weeks
            """))
        #expect(run.stdout.hasSuffix("\n4 preparations (1 deprecated)\n"), "no line about columns left out")
    }

    @Test("colour codes are added after cutting: none is cut, the kept deprecated mark is yellow")
    func colour() throws {
        let run = try runCatalogOnTerminal(["query", "--catalogue", narrowCatalogue], columns: 50)
        #expect(run.contains("Obsolet… \u{1B}[33m(deprecated)\u{1B}[0m"))
        #expect(run.hasPrefix("\u{1B}[1mID"))
        let codes = run.matches(of: /\x{1B}/).count
        #expect(run.matches(of: /\x{1B}\[[0-9]+m/).count == codes, "every escape is a whole colour code")
    }

    @Test("cut: between grapheme clusters, wide characters, escapes written by terminalSafe, the deprecated mark")
    func cutting() {
        #expect(cut("hello world", to: 20) == "hello world")
        #expect(cut("hello world", to: 7) == "hello…")
        #expect(cut("中文名字", to: 6) == "中文…")
        #expect(cut("中文名字", to: 4) == "中…")
        #expect(cut("e\u{301}e\u{301}e\u{301}", to: 2) == "e\u{301}…")
        #expect(cut("👨‍👩‍👧‍👦👨‍👩‍👧‍👦 family", to: 4) == "👨‍👩‍👧‍👦…")
        #expect(cut("🇫🇷🇩🇪🇮🇹", to: 5) == "🇫🇷🇩🇪…")
        #expect(cut("ab\\u{1B}[31mcd", to: 6) == "ab…", "never inside a \\u{1B} escape")
        #expect(cut("ab\\u{1B}[31mcd", to: 10) == "ab\\u{1B}[…")
        #expect(cut("A long name (deprecated)", to: 16, keeping: " (deprecated)") == "A… (deprecated)")
        #expect(cut("A long name (deprecated)", to: 12, keeping: " (deprecated)") == "A long name…")
        #expect(cut("anything", to: 1) == "…")
        #expect(cut("anything", to: 0) == "")
    }

    @Test("display width: wide characters 2, a combining mark without a base and zero-width characters 0")
    func widths() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("中文") == 4)
        #expect(displayWidth("😀") == 2)
        #expect(displayWidth("Cafe\u{301}") == 4)
        #expect(displayWidth("\u{301}a") == 1)
        #expect(displayWidth("a\u{200B}b") == 2)
        #expect(displayWidth("Ｆｕｌｌ") == 8)
    }
}
