import PreparationRegistry

/// What `query` prints by default: one row per preparation with its essentials (id, name,
/// regions, techniques, depth, sessions and interval), in aligned columns and a count.
///
/// On a terminal, the columns fit its width (``TableFit``): long cells wrap between words, the
/// least important columns are left out when even that is too wide (a last line names them),
/// and cells are cut with `…` rather than split inside a word; the id is always whole. Piped
/// with `COLUMNS` set, every cell stays whole: columns narrow, down to 4 characters, and cells
/// wrap, inside words if need be.
struct PreparationTable {
    let preparations: [Preparation]
    let terminal: Terminal
    /// (1.1) For a layered catalogue, each preparation's layer: a last column, LAYER.
    var layer: ((Preparation) -> String)? = nil

    /// The headers shown: with LAYER last for a layered catalogue.
    var headers: [String] { layer == nil ? Self.headers : Self.headers + ["LAYER"] }
    /// The narrowest each shown column may become.
    var minimumWidths: [Int] { layer == nil ? Self.minimumWidths : Self.minimumWidths + [6] }

    /// One row's cells, with the layer for a layered catalogue.
    func cells(_ p: Preparation) -> [String] {
        guard let layer else { return Self.cells(p) }
        return Self.cells(p) + [terminalSafe(tabsAsSpaces(oneLine(layer(p))))]
    }

    static let headers = ["ID", "NAME", "REGIONS", "TECHNIQUES", "DEPTH", "SESSIONS"]
    /// The narrowest each column may become; the id column never shrinks.
    static let minimumWidths = [Int.max, 12, 8, 10, 6, 14]
    static let deprecatedMark = "(deprecated)"
    /// The columns a terminal too narrow for the table leaves out, least important first:
    /// what `show` gives in full and a choice is made on last. The id and the name stay.
    static let dropOrder = ["DEPTH", "TECHNIQUES", "SESSIONS", "REGIONS", "LAYER"]

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
        // One line a cell, a tab shown as a space (a raw tab would shift the columns after it,
        // piped as on a terminal), and catalogue text never drives the terminal.
        return cells.map { terminalSafe(tabsAsSpaces(oneLine($0))) }
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

    /// Writes the table through `output` a piece at a time (rows are written as they are
    /// formed, about 64 KiB at a time, rather than the whole table built first): the cells of
    /// every row are formed and measured first, as the column widths need them all.
    func write(to output: (String) -> Void) {
        if preparations.isEmpty { return output("No preparation matches.\n") }
        let headers = headers
        var grid = CellGrid(columns: headers.count)
        grid.reserveRows(preparations.count)
        for p in preparations { grid.append(cells(p)) }  // tabs already shown as spaces
        write(grid, count: count, to: output)
    }

    /// The table of `rows` (each row's cells), then `count`, as one string.
    func render(_ rows: [[String]], count: String) -> String {
        var grid = CellGrid(columns: headers.count)
        let fitted = terminal.isTerminal && terminal.width != nil
        for row in rows { grid.append(fitted ? row.map(tabsAsSpaces) : row) }
        var text = ""
        write(grid, count: count) { text += $0 }
        return text
    }

    /// The table of `grid`'s rows, then `count`, through `output`: fitted to the terminal
    /// (``writeFitted(_:limit:count:to:)``, its cells' tabs shown as spaces), else piped.
    func write(_ grid: CellGrid, count: String, to output: (String) -> Void) {
        if terminal.isTerminal, let limit = terminal.width {
            writeFitted(grid, limit: limit, count: count, to: output)
        } else {
            writePiped(grid, count: count, to: output)
        }
    }

    /// The table of `grid`'s rows, then `count`, through `output`. Each cell is measured once.
    func writePiped(_ grid: CellGrid, count: String, to output: (String) -> Void) {
        let headers = headers, minimumWidths = minimumWidths
        var widths = headers.indices.map { column in
            grid.rows.reduce(headers[column].count) { max($0, grid.width(row: $1, column: column)) }
        }
        if let limit = terminal.width {
            // First narrow the columns down to their longest word, so cells wrap between
            // words; then, if that is not enough, down to each column's minimum; on a very
            // narrow terminal, further (the id column too), down to 4 characters.
            let longestWords = headers.indices.map { column in
                grid.rows.reduce(headers[column].count) { max($0, longestWord(String(grid.cell(row: $1, column: column)))) }
            }
            let gaps = 2 * (widths.count - 1)
            for floors in [longestWords.indices.map { max(longestWords[$0], minimumWidths[$0]) }, minimumWidths, [8] + Array(repeating: 4, count: headers.count - 1)] {
                while widths.reduce(gaps, +) > limit {
                    // Narrow the widest column that may still shrink.
                    let shrinkable = widths.indices.filter { widths[$0] > floors[$0] }
                    guard let widest = shrinkable.max(by: { widths[$0] < widths[$1] }) else { break }
                    widths[widest] -= 1
                }
            }
        }
        var out = OutputBuffer()
        emit(headers.map { Substring($0) }, widths: widths, header: true, into: &out.text)
        for row in grid.rows {
            emit(grid.cells(row: row), measured: grid.widths(row: row), widths: widths, header: false, into: &out.text)
            out.flushIfFull(to: output)
        }
        out.text += count
        out.flush(to: output)
    }

    /// The table fitted to a terminal `limit` columns wide (``TableFit``), and after `count` a
    /// line naming the columns left out, through `output`; `grid`'s cells have their tabs shown
    /// as spaces.
    func writeFitted(_ grid: CellGrid, limit: Int, count: String, to output: (String) -> Void) {
        let headers = headers
        let fit = TableFit(headers: headers, grid: grid, limit: limit, keep: 0, minimumWidths: minimumWidths,
                           dropOrder: Self.dropOrder.compactMap { headers.firstIndex(of: $0) })
        let widths = fit.shown.map { fit.widths[$0] }
        let cuts = fit.shown.map { fit.cuts[$0] }
        var out = OutputBuffer()
        emit(fit.shown.map { Substring(headers[$0]) }, widths: widths, cuts: cuts, header: true, into: &out.text)
        for row in grid.rows {
            emit(fit.shown.map { grid.cell(row: row, column: $0) },
                 measured: fit.shown.map { grid.width(row: row, column: $0) },
                 widths: widths, cuts: cuts, header: false, into: &out.text)
            out.flushIfFull(to: output)
        }
        out.text += count
        if !fit.dropped.isEmpty {
            let note = "Left out to fit \(limit) columns: " + fit.dropped.map { headers[$0] }.joined(separator: ", ")
            // Between words only: on an absurdly narrow terminal a word overflows rather than splits.
            for line in wrap(note, width: max(limit, longestWord(note))) { out.text += line + "\n" }
        }
        out.flush(to: output)
    }

    /// One row's lines, appended to `out`: each cell wrapped to its column's width (or, where
    /// `cuts` says, cut to one line), side by side, padded, without trailing spaces; the header
    /// bold and the deprecated mark yellow when colour is on (added after the layout, so never
    /// cut). `measured` has the cells' widths when they are known.
    func emit(_ cells: [Substring], measured: [Int]? = nil, widths: [Int], cuts: [Bool] = [], header: Bool,
              into out: inout String) {
        let measured = measured ?? cells.map(displayWidth)
        let count = cells.count
        func cell(_ column: Int) -> Substring { cells[column] }
        func width(_ column: Int) -> Int { measured[column] }
        // The usual row: every cell fits its column (so none is wrapped or cut), on one line.
        if (0..<count).allSatisfy({ width($0) <= widths[$0] }) {
            var text = ""
            text.reserveCapacity(min(widths.reduce(2 * count) { $0 + min(max($1, 0), 512) }, 512))
            for column in 0..<count {
                if column > 0 { text += "  " }
                text += cell(column)
                if column < count - 1, width(column) < widths[column] {
                    appendSpaces(widths[column] - width(column), to: &text)
                }
            }
            finish(&text, header: header)
            out += text
            out += "\n"
            return
        }
        let wrapped = (0..<count).map { column in
            column < cuts.count && cuts[column]
                ? [cut(String(cell(column)), to: widths[column], keeping: " " + Self.deprecatedMark)]
                : wrap(String(cell(column)), width: widths[column])
        }
        let height = wrapped.map(\.count).max() ?? 1
        for line in 0..<height {
            var parts: [String] = []
            for column in 0..<count {
                let piece = line < wrapped[column].count ? wrapped[column][line] : ""
                parts.append(column == count - 1 ? piece : pad(piece, widths[column]))
            }
            var text = parts.joined(separator: "  ")
            finish(&text, header: header)
            out += text
            out += "\n"
        }
    }

    /// A row's line without its trailing spaces, the header bold, the deprecated mark yellow
    /// when colour is on.
    func finish(_ text: inout String, header: Bool) {
        // A last byte other than a space: the last character is no space either.
        if text.utf8.last == 0x20 {
            while text.hasSuffix(" ") { text.removeLast() }
        }
        if header {
            text = terminal.bold(text)
        } else if terminal.colour, text.utf8.contains(0x28) {
            // Only a line with a `(` may hold the mark.
            text = replacingEvery(Self.deprecatedMark, in: text, with: terminal.warning(Self.deprecatedMark))
        }
    }

    /// `\n21 preparations (2 deprecated)\n`.
    var count: String {
        let deprecated = preparations.count { $0.isDeprecated }
        return "\n" + plural(preparations.count, "preparation") + (deprecated > 0 ? " (\(deprecated) deprecated)\n" : "\n")
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
