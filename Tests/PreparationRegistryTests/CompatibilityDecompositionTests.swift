import Foundation
@testable import PreparationRegistry
import Testing

@Suite("Compatibility decompositions without Foundation")
struct CompatibilityDecompositionTests {
    /// The blocks TextFolding decomposes (its `mayDecompose`).
    static let blocks: [ClosedRange<UInt32>] = [0x80...0x52F, 0x1E00...0x1FFF, 0x2100...0x214F, 0xFB00...0xFB4F, 0xFF00...0xFFEF]

    @Test("The table gives Foundation's NFKD of every scalar of the blocks folding decomposes")
    func tableMatchesFoundation() {
        var differences: [String] = []
        for block in Self.blocks {
            for value in block {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let expected = Array(String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars)
                let table = CompatibilityDecomposition.of(scalar) ?? [scalar]
                if table != expected { differences.append(String(value, radix: 16)) }
            }
        }
        #expect(differences == [])
    }

    @Test("Folding decomposes as before: ligatures, full-width and Greek accents")
    func folding() {
        #expect(TextFolding.fold("ǆ ﬁ Ａ ά ở Éclat") == "dz fi a a o eclat")  // α looks like a (TextFoldingLookalikeTests)
    }
}
