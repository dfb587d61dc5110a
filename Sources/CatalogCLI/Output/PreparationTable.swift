import Foundation
import PreparationRegistry

/// What `query` prints by default: one row per preparation with its essentials (id, name,
/// regions, techniques, depth, sessions and interval), in aligned columns that fit the
/// terminal's width (long cells wrap onto more lines), and a count.
struct PreparationTable {
    let preparations: [Preparation]
    let terminal: Terminal
    /// (1.1) For a layered catalogue, each preparation's layer: a last column, LAYER.
    var layer: ((Preparation) -> String)? = nil

    static let headers = ["ID", "NAME", "REGIONS", "TECHNIQUES", "DEPTH", "SESSIONS"]
    /// The narrowest each column may become; the id column never shrinks.
    static let minimumWidths = [Int.max, 12, 8, 10, 6, 14]
    static let deprecatedMark = "(deprecated)"

    /// One row's cells.
    static func cells(_ p: Preparation) -> [String] {
        let cells = [
            p.id,
            p.isDeprecated ? "\(p.name) \(deprecatedMark)" : p.name,
            p.regions.map(\.rawValue).joined(separator: ", "),
            p.techniques.map(\.rawValue).joined(separator: ", "),
            p.depth.description,
            sessions(p.phases),
        ]
        // One line a cell, and catalogue text never drives the terminal.
        return cells.map { terminalSafe($0.replacingOccurrences(of: "\n", with: " ")) }
    }

    /// `3-6 every 1-4 weeks, then 1 after 3-6 months, repeating`.
    static func sessions(_ phases: [ProtocolPhase]) -> String {
        phases.enumerated().map { index, phase in
            var text = index == 0 ? "" : "then "
            text += phase.sessions.description
            if let interval = phase.interval {
                text += index == 0 || phase.sessions.max > 1 ? " every \(interval)" : " after \(interval)"
            }
            if phase.repeats { text += ", repeating" }
            return text
        }.joined(separator: ", ")
    }

    var text: String {
        if preparations.isEmpty { return "No preparation matches.\n" }
        let headers = layer == nil ? Self.headers : Self.headers + ["LAYER"]
        let minimumWidths = layer == nil ? Self.minimumWidths : Self.minimumWidths + [6]
        let rows = preparations.map { p in
            layer.map { Self.cells(p) + [terminalSafe($0(p).replacingOccurrences(of: "\n", with: " "))] } ?? Self.cells(p)
        }
        var widths = headers.indices.map { column in
            rows.reduce(headers[column].count) { max($0, displayWidth($1[column])) }
        }
        if let limit = terminal.width {
            // First narrow the columns down to their longest word, so cells wrap between
            // words; then, if that is not enough, down to each column's minimum; on a very
            // narrow terminal, further (the id column too), down to 4 characters.
            let longestWords = headers.indices.map { column in
                rows.reduce(headers[column].count) { widest, row in
                    wrapChunks(row[column]).reduce(widest) { max($0, displayWidth($1.trimmingSpaces)) }
                }
            }
            let gaps = 2 * (widths.count - 1)
            for floors in [longestWords.indices.map { max(longestWords[$0], minimumWidths[$0]) }, minimumWidths,
                           [8] + Array(repeating: 4, count: headers.count - 1)] {
                while widths.reduce(gaps, +) > limit {
                    // Narrow the widest column that may still shrink.
                    let shrinkable = widths.indices.filter { widths[$0] > floors[$0] }
                    guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
                    widths[widest] -= 1
                }
            }
        }
        var out = ""
        func emit(_ cells: [String], header: Bool) {
            let wrapped = cells.indices.map { wrap(cells[$0], width: widths[$0]) }
            let height = wrapped.map(\.count).max() ?? 1
            for line in 0..<height {
                var parts: [String] = []
                for column in cells.indices {
                    let piece = line < wrapped[column].count ? wrapped[column][line] : ""
                    parts.append(column == cells.count - 1 ? piece : pad(piece, widths[column]))
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
        }
        emit(headers, header: true)
        for row in rows { emit(row, header: false) }
        let deprecated = preparations.count { $0.isDeprecated }
        out += "\n" + plural(preparations.count, "preparation")
        out += deprecated > 0 ? " (\(deprecated) deprecated)\n" : "\n"
        return out
    }
}

extension StringProtocol {
    /// The text without trailing spaces.
    var trimmingSpaces: SubSequence {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[..<end]
    }
}
