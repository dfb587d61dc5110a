import Foundation
@testable import PreparationRegistry
import Testing

/// The source lines of diagnostics, found once the load knows which lines it needs: the file
/// is scanned from its start up to the last of them, in reads of ``LineStarts/readSize`` bytes
/// (``LineStarts/lines(_:from:)``), and nothing is noted while reading. Each line must be what
/// splitting the whole text gives (``SourceLines``) wherever a read cuts it or its line break.
@Suite("Source lines found after the load")
struct SourceLineFindingTests {
    static let errorLine = "indications: [dehydratoin]"
    static let breaks = ["\n", "\r\n", "\r", "\u{85}", "\u{2028}"]

    /// A preparation whose line 3 is ``errorLine`` (an unknown indication), starting `start`
    /// bytes into the file (line 2 is a comment padding it there), lines ending with `eol`.
    static func text(errorLineAt start: Int, eol: String) -> String {
        let first = "id: edge"
        let padding = start - first.utf8.count - 2 - 2 * eol.utf8.count
        precondition(padding >= 0)
        return [first, "# " + String(repeating: "x", count: padding), errorLine, "name: Edge",
                "ingredients: [glycerol]", "regions: [face]", "techniques: [nappage]", "depth: 0.5-2 mm",
                "residence: 3-30 days", "protocol:", "  - phase: induction", "    sessions: 1",
                "sources: [Test source]", ""].joined(separator: eol)
    }

    /// The error of the one file `text`, loaded from a catalogue folder.
    static func error(of text: String) throws -> Diagnostic {
        let catalogue = try TemporaryCatalogue(files: ["edge.yaml": text])
        defer { catalogue.remove() }
        let result = CatalogueLoader(work: .lookUp).load(catalogueAt: catalogue.path)
        return try #require(result.diagnostics.first { $0.severity == .error }, "\(result.diagnostics)")
    }

    @Test("a line and its line break cut anywhere by the end of a read", arguments: breaks)
    func acrossReads(_ eol: String) throws {
        let size = LineStarts.readSize
        for start in (size - Self.errorLine.utf8.count - 4) ... (size + 2) {
            let text = Self.text(errorLineAt: start, eol: eol)
            let error = try Self.error(of: text)
            #expect(error.location.line == 3, "starting at \(start)")
            #expect(error.sourceLine == Self.errorLine, "starting at \(start)")
            #expect(error.sourceLine == SourceLines(Array(text.utf8))[3])
        }
    }

    @Test("the first line, after a byte-order mark or not", arguments: ["", "\u{FEFF}"], breaks)
    func firstLine(_ mark: String, _ eol: String) throws {
        let text = mark + Self.text(errorLineAt: 100, eol: eol).replacingOccurrences(of: "id: edge", with: Self.errorLine)
            .replacingOccurrences(of: eol + Self.errorLine + eol, with: eol + "id: edge" + eol)
        let error = try Self.error(of: text)
        #expect(error.location.line == 1)
        #expect(error.sourceLine == Self.errorLine)
    }

    @Test("the last line, without a final line break, in a file longer than a read", arguments: breaks)
    func lastLineWithoutBreak(_ eol: String) throws {
        var text = Self.text(errorLineAt: LineStarts.readSize + 5, eol: eol)
            .replacingOccurrences(of: eol + Self.errorLine + eol, with: eol)
        text += Self.errorLine
        let error = try Self.error(of: text)
        let lines = SourceLines(Array(text.utf8))
        #expect(error.location.line == lines.count)
        #expect(error.sourceLine == Self.errorLine)
    }

    @Test("a line longer than a read is shown up to the longest shown, past it not at all")
    func longLines() throws {
        for length in [LineStarts.readSize + 10, SourceLines.longestShown, SourceLines.longestShown + 1] {
            let long = Self.errorLine + " #" + String(repeating: "y", count: length - Self.errorLine.utf8.count - 2)
            for eol in ["\n", "\r\n"] {
                let text = Self.text(errorLineAt: 1000, eol: eol).replacingOccurrences(of: Self.errorLine, with: long)
                let error = try Self.error(of: text)
                #expect(error.location.line == 3)
                #expect(error.sourceLine == (length <= SourceLines.longestShown ? long : nil), "\(length) bytes")
            }
        }
    }

    @Test("every line of a held text, asked for alone or together, is the line a whole split gives")
    func everyLine() {
        var text = LoadWorkTests.mixedText
        while text.utf8.count < 2 * LineStarts.readSize { text += LoadWorkTests.mixedText }
        let bytes = Array(text.utf8) + Array("last line without a break".utf8)
        let whole = SourceLines(bytes)
        let wanted = Set(1 ... whole.count + 1)
        let together = LineStarts.lines(wanted, from: .held(bytes))
        for line in wanted {
            #expect(together[line] == whole[line], "line \(line)")
        }
        for line in [1, 2, whole.count / 2, whole.count - 1, whole.count, whole.count + 1] {
            #expect(LineStarts.lines([line], from: .held(bytes))[line] == whole[line], "line \(line) alone")
        }
        #expect(LineStarts.lines([], from: .held(bytes)).isEmpty)
        #expect(LineStarts.lines([0, -1], from: .held(bytes)).isEmpty)
    }
}
