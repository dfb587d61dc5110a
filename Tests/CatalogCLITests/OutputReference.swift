@testable import CatalogCLI
import Foundation
import PreparationRegistry

/// The output code as it was before its fast paths (issue 16, item 2), kept verbatim as the
/// brute-force reference that ``OutputFastPathTests`` compares the fast paths with: every text
/// a character (grapheme cluster) at a time, measured again wherever it is used.
enum Reference {
    static func displayWidth<S: StringProtocol>(_ text: S) -> Int {
        text.reduce(0) { $0 + columns(of: $1) }
    }

    static func prefix(_ text: Substring, columns width: Int) -> Substring {
        var used = 0
        var end = text.startIndex
        while end < text.endIndex {
            let next = used + columns(of: text[end])
            if next > width, end > text.startIndex { break }
            used = next
            end = text.index(after: end)
        }
        return text[..<end]
    }

    static func wrap(_ text: String, width: Int?) -> [String] {
        guard let width, width > 0, displayWidth(text) > width else { return [text] }
        var lines: [String] = []
        var line = ""
        for chunk in wrapChunks(text) {
            let visible = displayWidth(chunk.trimmingSpaces)
            if displayWidth(line) + visible <= width {
                line += line.isEmpty ? String(chunk.drop { $0 == " " }) : chunk
                continue
            }
            if !line.isEmpty {
                while line.hasSuffix(" ") { line.removeLast() }
                lines.append(line)
                line = ""
            }
            var rest = Substring(chunk.drop { $0 == " " })
            var restWidth = visible
            while restWidth > width {
                let head = prefix(rest, columns: width)
                lines.append(String(head))
                restWidth -= displayWidth(head)
                rest = rest[head.endIndex...]
            }
            line = String(rest)
        }
        while line.hasSuffix(" ") { line.removeLast() }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }

    static func cut(_ text: String, to width: Int, keeping suffix: String? = nil) -> String {
        guard displayWidth(text) > width else { return text }
        guard width > 0 else { return "" }
        if let suffix, text.hasSuffix(suffix), width >= displayWidth(suffix) + 2 {
            return cut(String(text.dropLast(suffix.count)), to: width - displayWidth(suffix)) + suffix
        }
        var used = 0
        var end = text.startIndex
        while end < text.endIndex {
            let next = used + columns(of: text[end])
            if next > width - 1 { break }
            used = next
            end = text.index(after: end)
        }
        var head = text[..<end]
        if let escape = head.range(of: "\\u{", options: .backwards), !head[escape.upperBound...].contains("}") {
            head = head[..<escape.lowerBound]
        }
        return String(head.trimmingSpaces) + "…"
    }

    static func wrapChunks(_ text: String) -> [String] {
        var chunks: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == " " || character == "-" {
                chunks.append(current)
                current = ""
            }
        }
        if !current.isEmpty { chunks.append(current) }
        return chunks
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let used = displayWidth(text)
        return used >= width ? text : text + String(repeating: " ", count: width - used)
    }

    /// `CourseTable.indent` a scalar at a time, by its category: control characters (but the
    /// tab) escaped as `\u{XX}` since the outside review (they were dropped before), and since
    /// another the invisible ones (soft hyphen, zero-width space, word joiner and invisible
    /// operators, zero-width no-break space).
    static func indent(_ text: String, by width: Int) -> String {
        let invisible: Set<UInt32> = [0xAD, 0x180E, 0x200B, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF]
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
            line.unicodeScalars.map { ($0 == "\t" || $0.properties.generalCategory != .control) && !invisible.contains($0.value)
                ? String($0) : "\\u{\(String($0.value, radix: 16, uppercase: true))}" }.joined()
        }
        return lines.joined(separator: "\n" + String(repeating: " ", count: width))
    }

    /// `Diagnostic.rendered` as it was, but for an empty source line, now left out (nothing
    /// to point at).
    static func rendered(_ d: Diagnostic) -> String {
        func isUnprintable(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            return (v < 0x20 && v != 0x09) || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
                || v == 0xAD || v == 0x180E || v == 0x200B || (0x2060...0x2064).contains(v) || v == 0xFEFF  // invisible
        }
        guard let line = d.sourceLine, !line.isEmpty else { return d.description }
        var scalars = line.unicodeScalars.map { isUnprintable($0) ? "\u{FFFD}" : $0 }
        var column = d.location.column
        let window = 60
        if scalars.count > 2 * window + 40 {
            let centre = min(max(column, 1), scalars.count + 1) - 1
            let start = max(0, centre - window)
            let end = min(scalars.count, centre + window)
            var cut: [Unicode.Scalar] = []
            if start > 0 {
                cut += Array("...".unicodeScalars)
                column = column - start + 3
            }
            cut += scalars[start..<end]
            if end < scalars.count { cut += Array("...".unicodeScalars) }
            scalars = cut
        }
        var shown = String.UnicodeScalarView()
        shown.append(contentsOf: scalars)
        var caret = ""
        for (index, character) in scalars.enumerated() where index + 1 < column {
            // A tab under a tab; else as many spaces as the terminal's columns for it.
            caret.append(character == "\t" ? "\t" : String(repeating: " ", count: columns(of: Character(character))))
        }
        return d.description + "\n" + String(shown) + "\n" + caret + "^"
    }
}

/// `PreparationTable`'s layout as it was (`text`, `fittedText`, `emit` and `TableFit`), over
/// rows of cells already made safe, with the count line given.
struct ReferenceTable {
    let terminal: Terminal
    var headers = PreparationTable.headers
    var minimumWidths = PreparationTable.minimumWidths
    static let deprecatedMark = PreparationTable.deprecatedMark
    static let dropOrder = PreparationTable.dropOrder

    func text(_ rows: [[String]], count: String) -> String {
        let headers = headers, minimumWidths = minimumWidths
        if terminal.isTerminal, let limit = terminal.width { return fittedText(rows, limit: limit, count: count) }
        var widths = headers.indices.map { column in
            rows.reduce(headers[column].count) { max($0, Reference.displayWidth($1[column])) }
        }
        if let limit = terminal.width {
            let longestWords = headers.indices.map { column in
                rows.reduce(headers[column].count) { widest, row in
                    Reference.wrapChunks(row[column]).reduce(widest) { max($0, Reference.displayWidth($1.trimmingSpaces)) }
                }
            }
            let gaps = 2 * (widths.count - 1)
            for floors in [longestWords.indices.map { max(longestWords[$0], minimumWidths[$0]) }, minimumWidths, [8] + Array(repeating: 4, count: headers.count - 1)] {
                while widths.reduce(gaps, +) > limit {
                    let shrinkable = widths.indices.filter { widths[$0] > floors[$0] }
                    guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
                    widths[widest] -= 1
                }
            }
        }
        var out = emit(headers, widths: widths, header: true)
        for row in rows { out += emit(row, widths: widths, header: false) }
        return out + count
    }

    func fittedText(_ rows: [[String]], limit: Int, count: String) -> String {
        let headers = headers
        let rows = rows.map { $0.map { $0.replacingOccurrences(of: "\t", with: " ") } }
        let fit = ReferenceFit(headers: headers, rows: rows, limit: limit, keep: 0, minimumWidths: minimumWidths,
                               dropOrder: Self.dropOrder.compactMap { headers.firstIndex(of: $0) })
        func shown(_ cells: [String]) -> [String] { fit.shown.map { cells[$0] } }
        let widths = fit.shown.map { fit.widths[$0] }
        let cuts = fit.shown.map { fit.cuts[$0] }
        var out = emit(shown(headers), widths: widths, cuts: cuts, header: true)
        for row in rows { out += emit(shown(row), widths: widths, cuts: cuts, header: false) }
        out += count
        if !fit.dropped.isEmpty {
            let note = "Left out to fit \(limit) columns: " + fit.dropped.map { headers[$0] }.joined(separator: ", ")
            let longestWord = Reference.wrapChunks(note).map { Reference.displayWidth($0.trimmingSpaces) }.max() ?? 0
            for line in Reference.wrap(note, width: max(limit, longestWord)) { out += line + "\n" }
        }
        return out
    }

    func emit(_ cells: [String], widths: [Int], cuts: [Bool] = [], header: Bool) -> String {
        let wrapped = cells.indices.map { column in
            column < cuts.count && cuts[column]
                ? [Reference.cut(cells[column], to: widths[column], keeping: " " + Self.deprecatedMark)]
                : Reference.wrap(cells[column], width: widths[column])
        }
        let height = wrapped.map(\.count).max() ?? 1
        var out = ""
        for line in 0..<height {
            var parts: [String] = []
            for column in cells.indices {
                let piece = line < wrapped[column].count ? wrapped[column][line] : ""
                parts.append(column == cells.count - 1 ? piece : Reference.pad(piece, widths[column]))
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            if header {
                text = terminal.bold(text)
            } else if terminal.colour {
                text = text.replacingOccurrences(of: Self.deprecatedMark, with: terminal.warning(Self.deprecatedMark))
            }
            out += text + "\n"
        }
        return out
    }
}

/// `TableFit` as it was.
struct ReferenceFit {
    var shown: [Int]
    var widths: [Int]
    var cuts: [Bool]
    var dropped: [Int] { widths.indices.filter { !shown.contains($0) } }

    init(headers: [String], rows: [[String]], limit: Int, keep: Int, minimumWidths: [Int], dropOrder: [Int]) {
        let all = Array(headers.indices)
        let natural = all.map { column in rows.reduce(Reference.displayWidth(headers[column])) { max($0, Reference.displayWidth($1[column])) } }
        let longestWord = all.map { column in
            ([headers[column]] + rows.map { $0[column] }).reduce(0) { widest, cell in
                Reference.wrapChunks(cell).reduce(widest) { max($0, Reference.displayWidth($1.trimmingSpaces)) }
            }
        }
        let floors = all.map { column in
            column == keep ? natural[column]
                : min(natural[column], max(longestWord[column], column < minimumWidths.count ? minimumWidths[column] : 0))
        }
        func total(_ columns: [Int], _ widths: [Int]) -> Int {
            columns.reduce(TableFit.gap * max(columns.count - 1, 0)) { $0 + widths[$1] }
        }
        func narrowed(_ columns: [Int], floors: [Int]) -> [Int] {
            var widths = natural
            while total(columns, widths) > limit {
                let shrinkable = columns.filter { widths[$0] > floors[$0] }
                guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
                widths[widest] -= 1
            }
            return widths
        }
        var shown = all
        for next in dropOrder.map(Optional.some) + [nil] {
            if total(shown, floors) <= limit {
                self.init(shown: shown, widths: narrowed(shown, floors: floors), longestWord: longestWord)
                return
            }
            guard let next else { break }
            shown.removeAll { $0 == next }
        }
        let lastFloors = all.map { $0 == keep ? natural[$0] : min(natural[$0], TableFit.lastResortWidth) }
        while shown.count > 1, total(shown, lastFloors) > limit, let last = shown.last(where: { $0 != keep }) {
            shown.removeAll { $0 == last }
        }
        self.init(shown: shown, widths: narrowed(shown, floors: lastFloors), longestWord: longestWord)
    }

    private init(shown: [Int], widths: [Int], longestWord: [Int]) {
        self.shown = shown
        self.widths = widths.indices.map { shown.contains($0) ? widths[$0] : 0 }
        self.cuts = widths.indices.map { widths[$0] < longestWord[$0] }
    }
}
