import Foundation
import PreparationRegistry
import Testing
import YAMLReader

/// How the loader reads what it is given: byte-order marks, line endings, pipes (once the
/// "loader bugs" of a review; fixtures in `Fixtures/reading/`).
extension CatalogueFolderTests {
    func readingFixture(_ name: String) -> String {
        fixturesURL.appendingPathComponent("reading/" + name).path
    }

    /// Writes `text` into the named pipe `fifo` from another thread, as a shell would.
    func feed(_ fifo: String, _ text: String) {
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: fifo) {
                handle.write(Data(text.utf8))
                try? handle.close()
            }
        }
        writer.start()
    }

    func withFifo(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fifo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("in.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        try body(fifo)
    }

    @Test("a byte-order mark right before the first key is skipped, as YAML says")
    func byteOrderMark() {
        let result = CatalogueLoader().load(files: [readingFixture("byte-order-mark-then-key.yaml")])
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.preparations.map(\.id) == ["byte-order-mark-then-key"])
    }

    @Test("after a byte-order mark, columns on line 1 are counted from the first character after it")
    func byteOrderMarkColumns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.yaml").path
        let text = preparationText("BadId").replacingOccurrences(of: "id: BadId\n", with: "")
        try Data(("\u{FEFF}id: BadId\n" + text).utf8).write(to: URL(fileURLWithPath: path))
        let result = CatalogueLoader().load(files: [path])
        #expect(result.diagnostics.map(\.location) == [SourceLocation(file: path, line: 1, column: 5)])
        #expect(result.diagnostics.map(\.sourceLine) == ["id: BadId"])
    }

    @Test("a file with CR LF line endings gets its source line under a diagnostic")
    func crlfSourceLine() {
        let result = CatalogueLoader().load(files: [readingFixture("crlf-line-endings.yaml")])
        #expect(result.diagnostics.map(\.sourceLine) == ["regions: [fase]"])
    }

    @Test("NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line for libyaml: the source line shown is the one its line and column count in",
          arguments: ["\u{85}", "\u{2028}", "\u{2029}"])
    func unicodeLineBreaks(_ separator: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("breaks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.yaml").path
        // A long line after the separator, and an error far along the line after it.
        let text = "# pasted\(separator)# text\nx-long: \(String(repeating: "y", count: 300))\nx-list: [\(String(repeating: "a, ", count: 100))}\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = CatalogueLoader().load(files: [path])
        #expect(result.diagnostics.map(\.description) == [
            "\(path):4:310: error: did not find expected node content (while parsing a flow node at line 4, column 310)",
        ])
        #expect(result.diagnostics.map(\.sourceLine) == ["x-list: [\(String(repeating: "a, ", count: 100))}"])
        // An encoding error is counted the same way.
        try Data("# pasted\(separator)# text\nx-bad: ".utf8 + [0xFF, 0x0A]).write(to: URL(fileURLWithPath: path))
        let bad = CatalogueLoader().load(files: [path])
        #expect(bad.diagnostics.map(\.description) == ["\(path):3:8: error: invalid leading UTF-8 octet (byte 0xFF)"])
        #expect(bad.diagnostics.map(\.sourceLine) == ["x-bad: \u{FFFD}"])
    }

    @Test("a column past the end of a long source line (a file changed after reading) is shown without a crash")
    func columnPastLongLine() {
        let line = String(repeating: "z", count: 200)
        let diagnostic = Diagnostic(.error, at: SourceLocation(file: "f.yaml", line: 1, column: 400), "message", sourceLine: line)
        #expect(diagnostic.rendered == "f.yaml:1:400: error: message\n..." + String(repeating: "z", count: 60) + "\n"
            + String(repeating: " ", count: 63) + "^")
    }

    @Test("a line break or a control character in a file's text stays escaped in a diagnostic: one line, nothing sent to the terminal")
    func controlCharactersInMessages() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("controls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("x.yaml").path
        try preparationText("x").replacingOccurrences(of: "regions: [face]", with: #"regions: ["fa\nce", "\e[2Jred"]"#)
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = CatalogueLoader().load(files: [path])
        #expect(result.diagnostics.map(\.rendered) == [
            #"\#(path):4:11: error: unknown region 'fa\nce'; did you mean 'face'?"# + "\n" + #"regions: ["fa\nce", "\e[2Jred"]"# + "\n          ^",
            #"\#(path):4:21: error: unknown region '\u{1B}[2Jred'; expected one of: face, periorbital, submental, neck, decolletage, scalp, arms, hands, abdomen, flanks, back, buttocks, thighs, knees"#
                + "\n" + #"regions: ["fa\nce", "\e[2Jred"]"# + "\n                    ^",
        ])
        // The message itself keeps the text as read (JSON output escapes it its own way).
        #expect(result.diagnostics.first?.message == "unknown region 'fa\nce'; did you mean 'face'?")
        // A raw control character, which the reader refuses, is shown as U+FFFD in the source line.
        try Data("id: x\nname: a\u{1B}[2Jb\n".utf8).write(to: URL(fileURLWithPath: path))
        let raw = CatalogueLoader().load(files: [path])
        #expect(raw.diagnostics.map(\.rendered) == [
            "\(path):2:8: error: control characters are not allowed (byte 0x1B)\nname: a\u{FFFD}[2Jb\n       ^",
        ])
        // Beyond ASCII, libyaml names the character, not a byte (U+FFFE is EF BF BE).
        for (character, name) in [("\u{FFFE}", "U+FFFE"), ("\u{90}", "U+0090")] {
            try Data("id: x\nname: a\(character)b\n".utf8).write(to: URL(fileURLWithPath: path))
            let message = CatalogueLoader().load(files: [path]).diagnostics.first?.message
            #expect(message == "control characters are not allowed (\(name))")
        }
    }

    @Test("a small file read from a pipe (validate /dev/stdin) is read, not refused as too large")
    func pipe() throws {
        try withFifo { fifo in
            feed(fifo, preparationText("piped"))
            let result = CatalogueLoader().load(files: [fifo])
            #expect(result.diagnostics.map(\.description) == [])
            #expect(result.preparations.map(\.id) == ["piped"])
        }
    }

    @Test("a pipe is read once: its diagnostics get their source lines without reading it again")
    func pipeSourceLine() throws {
        try withFifo { fifo in
            feed(fifo, preparationText("piped", indications: "[dehydratoin]"))
            let result = CatalogueLoader().load(files: [fifo])
            #expect(result.diagnostics.map(\.description) == [
                "\(fifo):5:15: error: unknown indication 'dehydratoin'; did you mean 'dehydration'?",
            ])
            #expect(result.diagnostics.map(\.sourceLine) == ["indications: [dehydratoin]"])
        }
    }

    @Test("a pipe is refused as larger than the limit only when more than the limit arrives")
    func pipeOverLimit() throws {
        try withFifo { fifo in
            let text = preparationText("piped")
            feed(fifo, text)
            var limits = YAMLLimits.default
            limits.maxFileSize = text.utf8.count - 1
            let result = CatalogueLoader(limits: limits).load(files: [fifo])
            #expect(result.diagnostics.map(\.description) == [
                "\(fifo):1:1: error: input is larger than the limit of \(text.utf8.count - 1) bytes (read from a pipe or a device)",
            ])
        }
    }
}
