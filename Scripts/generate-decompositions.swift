// Prints Sources/PreparationRegistry/Query/CompatibilityDecomposition.swift's `entries`: the
// compatibility decompositions (NFKD) that Foundation gives for each scalar of the blocks
// TextFolding decomposes. Run: swiftc -O Scripts/generate-decompositions.swift -o /tmp/gen && /tmp/gen
// and paste the lines between `entries`' brackets (CompatibilityDecompositionTests checks them).
import Foundation

let blocks: [ClosedRange<UInt32>] = [0x80...0x52F, 0x1E00...0x1FFF, 0x2100...0x214F, 0xFB00...0xFB4F, 0xFF00...0xFFEF]
var entries: [String] = []
for block in blocks {
    for value in block {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let parts = Array(String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars)
        if parts == [scalar] { continue }
        entries.append(String(value, radix: 16, uppercase: true) + ":"
            + parts.map { String($0.value, radix: 16, uppercase: true) }.joined(separator: "."))
    }
}
var line = "        \""
for entry in entries {
    if line.count + entry.count + 2 > 118 {
        print(line + "\",")
        line = "        \""
    }
    line += (line.hasSuffix("\"") ? "" : " ") + entry
}
print(line + "\",")
