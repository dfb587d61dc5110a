/// The columns a terminal gives one scalar: 2 for East Asian wide and full-width characters and
/// emoji shown as pictures, 0 for combining marks and the zero-width format characters
/// (U+200B-U+200F, U+2060...), 1 for every other. The one table for the command line's layout
/// (its `columns(of:)` for a character asks it for the character's first scalar) and for the
/// caret line under a diagnostic.
///
/// Hand-written rather than the C library's `wcwidth`: that answers by the process's locale
/// (`-1`, unknown, for every non-ASCII character in the `C` locale `catalog` runs in), and from
/// tables that differ between glibc versions and macOS, so the same catalogue would be laid out
/// differently from one machine to the next; Foundation has no such function.
package enum DisplayColumns {
    /// The columns of `scalar`.
    package static func columns(of scalar: Unicode.Scalar) -> Int {
        guard scalar.value >= 0x300 else { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        guard scalar.value >= 0x1100 else { return 1 }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
