import Testing
@testable import YAMLReader

@Suite("YAMLEmitter quoting")
struct YAMLEmitterQuotingTests {
    /// The YAML 1.1 forms as regular expressions, the reference the hand-written scanners follow.
    let number = /[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*(:[0-5]?[0-9])*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9_]+([eE][-+]?[0-9]+)?)/
    let date = /[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/

    func reference(_ text: String) -> (number: Bool, date: Bool) {
        (text.wholeMatch(of: number) != nil, text.prefixMatch(of: date) != nil)
    }

    func scanned(_ text: String) -> (number: Bool, date: Bool) {
        var copy = text
        return copy.withUTF8 { (YAMLEmitter.isYAML11Number($0), YAMLEmitter.startsWithYAML11Date($0)) }
    }

    @Test("the YAML 1.1 number scanner agrees with the grammar on every short string of its characters")
    func numbers() {
        // Every string of up to 3 of these characters, and of 4 of the commonest ones.
        func strings(of alphabet: String, upTo length: Int) -> [String] {
            var texts = [""]
            var all: [String] = []
            for _ in 1...length {
                texts = texts.flatMap { prefix in alphabet.map { prefix + String($0) } }
                all += texts
            }
            return all
        }
        var all = strings(of: "06:._-+eEbxA", upTo: 3) + strings(of: "16:.e_", upTo: 4)
        all += ["0x1F", "-0b101", "1:30:59", "190:20:30.15", "1:60", "1_000.5e-3", ".5E+10", "0x", "0b", "+.", "6.8523015e+5",
                "685.230_15e+03", "12e", "1e+", "--1", "0xG"]
        var disagreements: [String] = []
        for text in all where scanned(text).number != reference(text).number { disagreements.append(text) }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(20))")
        #expect(all.count { scanned($0).number } > 300, "the strings hold many numbers")
    }

    @Test("the YAML 1.1 date scanner agrees with the grammar")
    func dates() {
        let texts = ["2026-01-01", "2026-1-1", "2026-1-", "2026-01", "2026-011-1", "2026-1-1T10:00", "2026-12-31 x", "202-01-01",
                     "20261-01-01", "2026-a-01", "2026--01", "2026-01-1x", "2026-1-12345"]
        for text in texts { #expect(scanned(text).date == reference(text).date, "\(text)") }
        #expect(YAMLEmitter.needsQuotes("2026-1-1") && YAMLEmitter.needsQuotes("1:30") && YAMLEmitter.needsQuotes("0b1_0"))
        #expect(!YAMLEmitter.needsQuotes("1:60") && !YAMLEmitter.needsQuotes("4-6") && !YAMLEmitter.needsQuotes("0.5-2 mm"))
    }
}
