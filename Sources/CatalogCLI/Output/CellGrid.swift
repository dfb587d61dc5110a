/// A table's cells, row after row, with each cell's display width measured once: what a
/// table keeps of its rows between measuring its columns and writing its lines. The cells'
/// text is kept end to end in one string (one allocation for all the rows, rather than one a
/// cell), each cell a slice of it.
struct CellGrid {
    /// The number of columns of every row.
    let columns: Int
    /// Every cell's text, end to end.
    private var storage = ""
    /// Where each cell ends in ``storage`` (a UTF-8 offset); it starts where the one before ends.
    private var ends: [Int32] = []
    /// The display width of each cell.
    private var widthList: [Int32] = []

    init(columns: Int) {
        self.columns = columns
    }

    /// Makes room for `count` rows of about `bytes` bytes each.
    mutating func reserveRows(_ count: Int, bytes: Int = 96) {
        storage.reserveCapacity(count * bytes)
        ends.reserveCapacity(count * columns)
        widthList.reserveCapacity(count * columns)
    }

    /// Adds a row of ``columns`` cells, measuring each.
    mutating func append(_ row: [String]) {
        precondition(row.count == columns, "a row of \(row.count) cells in a table of \(columns) columns")
        for cell in row {
            storage += cell
            ends.append(Int32(truncatingIfNeeded: storage.utf8.count))
            widthList.append(Int32(truncatingIfNeeded: displayWidth(cell)))
        }
    }

    /// The rows' indexes.
    var rows: Range<Int> { 0..<(columns == 0 ? 0 : ends.count / columns) }

    /// The cell at `row` and `column`.
    func cell(row: Int, column: Int) -> Substring {
        let at = row * columns + column
        let utf8 = storage.utf8
        let start = at == 0 ? 0 : Int(ends[at - 1])
        return Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: Int(ends[at]))])
    }

    /// The display width of the cell at `row` and `column`.
    func width(row: Int, column: Int) -> Int { Int(widthList[row * columns + column]) }
    /// One row's cells.
    func cells(row: Int) -> [Substring] { (0..<columns).map { cell(row: row, column: $0) } }
    /// One row's cells' widths.
    func widths(row: Int) -> [Int] { (0..<columns).map { width(row: row, column: $0) } }
}

/// Text on its way to a writer, handed over about 64 KiB at a time, so that long output is
/// written as it is formed rather than built whole first.
struct OutputBuffer {
    /// The text not yet handed over.
    var text = ""
    /// Hand over once this many bytes are waiting.
    static let chunk = 1 << 16

    init() {
        text.reserveCapacity(Self.chunk + 1024)
    }

    /// Hands the text over to `output` if about a chunk of it is waiting.
    mutating func flushIfFull(to output: (String) -> Void) {
        if text.utf8.count >= Self.chunk { flush(to: output) }
    }

    /// Hands whatever is waiting over to `output`.
    mutating func flush(to output: (String) -> Void) {
        Self.handOver(&text, to: output)
    }

    /// Hands `text` over to `output` and empties it, keeping its storage: the flush of a
    /// buffer, also for a writer that fills one itself (`DataValue.writeJSON`).
    static func handOver(_ text: inout String, to output: (String) -> Void) {
        guard !text.isEmpty else { return }
        output(text)
        text.removeAll(keepingCapacity: true)
    }
}

/// `text` with every occurrence of `target` (compared byte for byte, left to right, without
/// overlaps) replaced by `replacement`.
func replacingEvery(_ target: String, in text: String, with replacement: String) -> String {
    let bytes = Array(text.utf8), needle = Array(target.utf8)
    guard !needle.isEmpty, bytes.count >= needle.count else { return text }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + replacement.utf8.count)
    var i = 0, found = false
    while i < bytes.count {
        if i + needle.count <= bytes.count, bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) {
            result.append(contentsOf: replacement.utf8)
            i += needle.count
            found = true
        } else {
            result.append(bytes[i])
            i += 1
        }
    }
    return found ? String(decoding: result, as: UTF8.self) : text
}
