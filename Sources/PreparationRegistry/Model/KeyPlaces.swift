/// Where the values of a preparation's top-level keys are written, kept compactly: 10,000
/// preparations each carry one.
///
/// Each place is one 32-bit word: the field (its index in ``FormatFields/preparation``, or
/// ``KeyPlaces/replacedByField`` for `deprecated.replaced-by`) in 5 bits, the line counted from
/// the document's start in 14 bits and the column in 12 bits. A place that does not fit is a
/// word with the field and a marker bit, followed by the full line and column words. The file
/// is the preparation's own.
///
/// Where keys are written does not take part in equality or hashing (all key places are equal):
/// two preparations with the same values and the same start are equal, whether their keys were
/// read from a file, written in another order or made in code.
struct KeyPlaces: Sendable, Hashable {
    static func == (lhs: KeyPlaces, rhs: KeyPlaces) -> Bool { true }
    func hash(into hasher: inout Hasher) {}

    private var words: [UInt32] = []

    /// The pseudo-field of the value of `replaced-by` inside `deprecated`.
    static let replacedByField = 31

    private static let far: UInt32 = 1 << 26

    /// Records that the value of `field` is written at `line`, `column`; `start` is the line
    /// the document starts on.
    mutating func record(field: Int, line: Int, column: Int, start: Int) {
        let delta = line - start
        let head = UInt32(truncatingIfNeeded: field) << 27
        if delta >= 0, delta < 1 << 14, column >= 0, column < 1 << 12 {
            words.append(head | UInt32(delta) << 12 | UInt32(column))
        } else {
            words.append(head | Self.far)
            words.append(UInt32(truncatingIfNeeded: max(0, line)))
            words.append(UInt32(truncatingIfNeeded: max(0, column)))
        }
    }

    /// Makes room for `count` places.
    mutating func reserve(_ count: Int) {
        words.reserveCapacity(count)
    }

    /// Where the value of `field` is written, if recorded; `start` is the document's start.
    func location(of field: Int, from start: SourceLocation) -> SourceLocation? {
        var i = 0
        while i < words.count {
            let word = words[i]
            let isFar = word & Self.far != 0
            if Int(word >> 27) == field {
                if isFar, i + 2 < words.count {
                    return SourceLocation(file: start.file, line: Int(words[i + 1]), column: Int(words[i + 2]))
                }
                return SourceLocation(file: start.file, line: start.line + Int(word >> 12 & 0x3FFF),
                                      column: Int(word & 0xFFF))
            }
            i += isFar ? 3 : 1
        }
        return nil
    }
}
