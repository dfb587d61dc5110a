/// How a table's columns fit a terminal's width, for tables printed on a terminal (piped
/// tables keep wrapping every cell whole; see ``PreparationTable``).
///
/// In order, until the table fits:
/// 1. every column at its natural width (its widest cell);
/// 2. columns narrowed, the widest first, down to their floor: the wider of their longest word
///    and their minimum, so cells wrap between words and never inside one;
/// 3. the least important column left out (``dropOrder``), and again from 1 with the others;
/// 4. when only columns that are never left out remain: the kept column (the id) stays whole,
///    the others narrow down to ``lastResortWidth``, and a column narrower than its longest word
///    has its cells cut to one line with `…` rather than split inside a word; if even that is
///    too wide, they are left out from the right, and the kept column alone may overflow.
struct TableFit {
    /// The columns shown, as indexes into the table's columns, in the table's order.
    var shown: [Int]
    /// The width of each column, by its index into the table's columns (0 for those left out).
    var widths: [Int]
    /// Whether a column's cells are cut to one line (else wrapped between words), by index.
    var cuts: [Bool]
    /// The columns left out, in the table's order.
    var dropped: [Int] { widths.indices.filter { !shown.contains($0) } }

    /// The narrowest a column other than the kept one becomes at the last resort.
    static let lastResortWidth = 4
    /// The space between two columns.
    static let gap = 2

    /// Fits the rows of `grid` (its cells measured) under `headers` to `limit` columns. `keep`
    /// is the column always shown whole; `minimumWidths` the narrowest each column becomes
    /// before one is left out; `dropOrder` the columns that may be left out, least important
    /// first (the others never are, but at the last resort).
    init(headers: [String], grid: CellGrid, limit: Int, keep: Int, minimumWidths: [Int], dropOrder: [Int]) {
        let all = Array(headers.indices)
        let natural = all.map { column in grid.rows.reduce(displayWidth(headers[column])) { max($0, grid.width(row: $1, column: column)) } }
        let longestWords = all.map { column in
            grid.rows.reduce(longestWord(headers[column])) { max($0, longestWord(String(grid.cell(row: $1, column: column)))) }
        }
        let floors = all.map { column in
            column == keep ? natural[column]
                : min(natural[column], max(longestWords[column], column < minimumWidths.count ? minimumWidths[column] : 0))
        }
        func total(_ columns: [Int], _ widths: [Int]) -> Int {
            columns.reduce(Self.gap * max(columns.count - 1, 0)) { $0 + widths[$1] }
        }
        /// Narrows the widest of `columns` above its floor, one column at a time, until they fit.
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
                self.init(shown: shown, widths: narrowed(shown, floors: floors), longestWord: longestWords)
                return
            }
            guard let next else { break }
            shown.removeAll { $0 == next }
        }
        // The last resort.
        let lastFloors = all.map { $0 == keep ? natural[$0] : min(natural[$0], Self.lastResortWidth) }
        while shown.count > 1, total(shown, lastFloors) > limit, let last = shown.last(where: { $0 != keep }) {
            shown.removeAll { $0 == last }
        }
        self.init(shown: shown, widths: narrowed(shown, floors: lastFloors), longestWord: longestWords)
    }

    private init(shown: [Int], widths: [Int], longestWord: [Int]) {
        self.shown = shown
        self.widths = widths.indices.map { shown.contains($0) ? widths[$0] : 0 }
        self.cuts = widths.indices.map { widths[$0] < longestWord[$0] }
    }
}
