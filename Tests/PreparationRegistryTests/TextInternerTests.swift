@testable import PreparationRegistry
import Testing

@Suite("Texts kept once per load")
struct TextInternerTests {
    private func string(_ interner: TextInterner, _ text: String) -> String {
        Array(text.utf8).withUnsafeBufferPointer { interner.string($0) }
    }

    @Test("the same bytes give an equal string, shared; other bytes give their own")
    func sharing() {
        let interner = TextInterner()
        let first = string(interner, "Avoid make-up for 12 hours")
        let again = string(interner, "Avoid make-up for 12 hours")
        #expect(first == again)
        var a = first, b = again
        let sameStorage = a.withUTF8 { x in b.withUTF8 { y in x.baseAddress == y.baseAddress } }
        #expect(sameStorage)
        #expect(string(interner, "Avoid make-up for 24 hours") == "Avoid make-up for 24 hours")
        #expect(string(interner, "short") == "short")
        #expect(string(interner, "Ünïcödé text, accented") == "Ünïcödé text, accented")
    }

    @Test("thousands of texts, past the table's growth, each come back as written")
    func many() {
        let interner = TextInterner()
        let texts = (0 ..< 5_000).map { "a text that is long enough, number \($0)" }
        for text in texts { #expect(string(interner, text) == text) }
        for text in texts.reversed() { #expect(string(interner, text) == text) }
    }
}
