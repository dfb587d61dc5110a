/// A word a query or a lookup used that the catalogue does not know (`--region elbow`,
/// `show hydra-bost`), with the nearest known word when there is a likely one.
public struct UnknownValue: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the word should have been: `area`, `region`, `indication`, `ingredient`,
    /// `technique`, `condition` or `preparation`.
    public package(set) var kind: String
    /// The word as given.
    public package(set) var value: String
    /// The nearest known word, if one is near enough to be a likely misspelling.
    public package(set) var suggestion: String?
    /// Every known word, when there are few enough to list (at most 30), else empty.
    package var known: [String]
    /// The hint for a word written for another (``Suggestions/slip(kind:word:)``), said in
    /// place of the nearest spelling.
    package var slip: String?

    /// Creates the error for `value`, looking for the nearest of `known` with
    /// ``Suggestions/suggestion(for:in:)``, the routine every command uses.
    package init(kind: String, value: String, known: [String]) {
        self.kind = kind
        self.value = value
        slip = Suggestions.slip(kind: kind, word: value)
        // An id shortened (`show prp`) is named by the ids it starts.
        self.suggestion = slip != nil ? nil : Suggestions.suggestion(for: value, in: known)
            ?? (kind == "preparation" && !value.isEmpty ? known.first { $0.hasPrefix(value.lowercased()) } : nil)
        self.known = known.count <= 30 ? known : []
    }

    /// `unknown region 'elbow'; known regions: face, periorbital, ...` or
    /// `no preparation 'hydra-bost'; did you mean 'hydra-boost'?`.
    public var description: String {
        var text = kind == "preparation" ? "no preparation '\(value)' in the catalogue" : "unknown \(kind) '\(value)'"
        if let slip {
            text += slip
        } else if let suggestion {
            text += "; did you mean '\(suggestion)'?"
        } else if !known.isEmpty {
            text += "; known \(kind)s: "
            text += known.joined(separator: ", ")
        }
        return text
    }
}
