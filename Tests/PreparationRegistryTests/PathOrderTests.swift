@testable import PreparationRegistry
import Testing
import TestSupport

/// The walker's byte helpers against the plain versions they replace: the order of
/// `lexicographicallyPrecedes`, the set membership of `[UInt8]`, `String(validating:)` and
/// joining by concatenation, on generated paths.
@Suite("Path bytes: order, keys, escaping and joining")
struct PathOrderTests {
    /// Short byte strings over a small alphabet (so that prefixes and equal strings are
    /// common), with the slash, a dot, high bytes and NUL among them.
    static func generated(count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SplitMix64(state: seed)
        let alphabet: [UInt8] = [0x00, 0x2D, 0x2E, 0x2F, 0x61, 0x62, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? 0 }
        }
    }

    @Test("bytesPrecede orders as lexicographicallyPrecedes, a prefix first, on 300 x 300 pairs")
    func order() {
        let paths = Self.generated(count: 300, seed: 16)
        for a in paths {
            for b in paths {
                #expect(a.bytesPrecede(b) == a.lexicographicallyPrecedes(b), "\(a) \(b)")
            }
        }
        #expect(![UInt8]().bytesPrecede([]))
        #expect([UInt8]().bytesPrecede([0]))
    }

    @Test("a set of PathKeys holds what a set of byte arrays holds")
    func keys() {
        let paths = Self.generated(count: 2_000, seed: 15)
        var plain: Set<[UInt8]> = []
        var keyed: Set<PathKey> = []
        for path in paths {
            #expect(plain.insert(path).inserted == keyed.insert(PathKey(path)).inserted)
        }
        #expect(Set(keyed.map(\.bytes)) == plain)
    }

    @Test("escapedPath: ASCII as it stands, UTF-8 as text, each bad byte as \\xNN")
    func escaping() {
        for path in Self.generated(count: 2_000, seed: 14) {
            if let text = String(validating: path, as: UTF8.self) {
                #expect(escapedPath(path) == text)
            } else {
                #expect(escapedPath(path).utf8.contains(0x5C))  // a backslash
            }
        }
        #expect(escapedPath(Array("face/a\u{7F}.yaml".utf8)) == "face/a\u{7F}.yaml")
        #expect(escapedPath([0x61, 0xC3, 0xA9, 0xFF]) == "a\u{E9}\\xFF")
    }

    @Test("join adds one slash between two paths, none after one that ends with a slash")
    func joining() {
        for a in Self.generated(count: 200, seed: 13) {
            for b in Self.generated(count: 20, seed: 12) {
                let expected: [UInt8] = a.isEmpty || a == [0x2E] ? b : (a.last == 0x2F ? a + b : a + [0x2F] + b)
                #expect(join(a, b) == expected)
            }
        }
        #expect(join("", "x") == "x")
        #expect(join(".", "x") == "x")
        #expect(join("a", "x") == "a/x")
        #expect(join("a/", "x") == "a/x")
        #expect(join("caf\u{E9}", "x") == "caf\u{E9}/x")
    }
}
