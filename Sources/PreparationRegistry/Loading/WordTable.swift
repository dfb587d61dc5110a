/// The words of a closed set (an enumeration's raw values) made ready for matching a
/// scalar's bytes, so that reading `regions: [face, neck]` makes no string and does not go
/// through the generic `init(rawValue:)` (about 1,000 instructions a word; Benchmarks/commands.sh,
/// `catalog validate` on 10,000 preparations, spent 45 M instructions there).
final class WordTable<E: RawRepresentable & CaseIterable & Sendable>: Sendable where E.RawValue == String {
    /// Each word's UTF-8 bytes and its value.
    private let words: [(bytes: [UInt8], value: E)]

    init() {
        words = E.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The value whose word is exactly `bytes`, if any.
    func value(of bytes: UnsafeBufferPointer<UInt8>) -> E? {
        for word in words where word.bytes.count == bytes.count {
            let same = word.bytes.withUnsafeBufferPointer { w in
                for i in 0 ..< w.count where w[i] != bytes[i] { return false }
                return true
            }
            if same { return word.value }
        }
        return nil
    }
}

/// The word tables of the loader, built once.
enum WordTables {
    static let region = WordTable<Region>()
    static let technique = WordTable<Technique>()
    static let season = WordTable<Season>()
    static let evidence = WordTable<Evidence>()
    static let frequency = WordTable<SideEffect.Frequency>()
}
