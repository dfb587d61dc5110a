/// The one slug check of the package: an id, a vocabulary word, a plugin's id.
///
/// True for `^[a-z0-9]+(-[a-z0-9]+)*$`: lower-case ASCII letters and digits, in words joined
/// by single hyphens. A slug is ASCII, so its length in characters is its UTF-8 count.
func isSlug(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
        var previousWasHyphen = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default:
                return false
            }
        }
        return !previousWasHyphen
    }
}

/// The longest id of a preparation or a plugin, in characters (format 1.1, section 2: `id`).
let maxIDLength = 64
