/// A word a query or a lookup used that the catalogue does not know (`--region elbow`,
/// `show hydra-bost`), with the nearest known word when there is a likely one.
public struct UnknownValue: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the word should have been: `area`, `region`, `indication`, `ingredient`,
    /// `technique`, `condition` or `preparation`.
    public var kind: String
    /// The word as given.
    public var value: String
    /// The nearest known word, if one is near enough to be a likely misspelling.
    public var suggestion: String?
    /// Every known word, when there are few enough to list (at most 30), else empty.
    public var known: [String]

    /// Creates the error for `value`, looking for the nearest of `known` with
    /// ``Suggestions/nearest(to:in:)``.
    public init(kind: String, value: String, known: [String]) {
        self.kind = kind
        self.value = value
        self.suggestion = Suggestions.nearest(to: value, in: known) ?? Self.nearestByWord(to: value, in: known)
        self.known = known.count <= 30 ? known : []
    }

    /// For candidates of several words (`hyaluronic-acid`, `Non-crosslinked hyaluronic acid`):
    /// the first candidate holding `value` as one of its words (`diabetes` ->
    /// `insulin-dependent-diabetes`), else the word nearest to it (`hyaluronc` -> `hyaluronic-acid`).
    static func nearestByWord(to value: String, in known: [String]) -> String? {
        var owners: [String: String] = [:]
        var words: [String] = []
        for candidate in known {
            for word in TextFolding.words(candidate) where word.count >= 4 && owners[word] == nil {
                owners[word] = candidate
                words.append(word)
            }
        }
        let folded = TextFolding.fold(value)
        // A whole word of a candidate ('diabetes' of 'insulin-dependent-diabetes') names it.
        if let owner = owners[folded] { return owner }
        return Suggestions.nearest(to: folded, in: words).flatMap { owners[$0] }
    }

    /// `unknown region 'elbow'; known regions: face, periorbital, ...` or
    /// `no preparation 'hydra-bost'; did you mean 'hydra-boost'?`.
    public var description: String {
        var text = kind == "preparation" ? "no preparation '\(value)' in the catalogue" : "unknown \(kind) '\(value)'"
        if let suggestion {
            text += "; did you mean '\(suggestion)'?"
        } else if !known.isEmpty {
            text += "; known \(kind)s: "
            text += known.joined(separator: ", ")
        }
        return text
    }
}
