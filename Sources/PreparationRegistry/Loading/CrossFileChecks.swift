extension LoadSession {
    /// At most this many unknown `replaced-by` ids per load get a "did you mean" (each costs a
    /// comparison with every id of the catalogue).
    static let suggestedReplacements = 100

    /// The problems only the whole catalogue shows (a `replaced-by` naming no preparation, or a
    /// circle of replacements) and the lint warnings. The preparations are read in place: a
    /// loop over the array, or a subscript in a mutating method, would copy each one (about 20
    /// reference counts each way).
    func crossFileChecksAndLint(_ lintRules: [LintRule], _ lintContext: LintContext) -> [Diagnostic] {
        preparations.withUnsafeBufferPointer { all in
            var found: [Diagnostic] = []
            func replacedByPlace(_ index: Int) -> SourceLocation {
                all[index].keyPlaces.location(of: KeyPlaces.replacedByField, from: all[index].location)
                    ?? all[index].location(of: "deprecated")
            }
            // Every preparation whose chain of replacements comes back to it.
            var next: [String: String] = [:]
            for index in all.indices {
                if let replacement = all[index].deprecated?.replacedBy { next[all[index].id] = replacement }
            }
            let circles = next.isEmpty ? [:] : ReplacementChains.circles(next)
            if !circles.isEmpty {
                for index in all.indices {
                    guard let circle = circles[all[index].id] else { continue }
                    found.append(.error(replacedByPlace(index), .replacementCircle(circle)))
                }
            }
            // The ids a `replaced-by` may name, sorted and lower-cased once, when the first unknown
            // one needs them. Each suggestion compares the word with every id, so only the first
            // `suggestedReplacements` unknown ones get one: 20,000 dangling references to 20,000
            // ids would otherwise make 400 million comparisons.
            var allIDs: Suggestions.Candidates?
            var suggested = 0
            for index in all.indices {
                // A preparation that did not decode (its errors reported) is not named again.
                if let replacement = all[index].deprecated?.replacedBy, idLocations[replacement] == nil,
                   !knownIDs.contains(replacement), !idsInDoubt.contains(replacement) {
                    if allIDs == nil { allIDs = Suggestions.Candidates(Set(idLocations.keys).union(knownIDs).sorted()) }
                    suggested += 1
                    let hint = suggested > Self.suggestedReplacements ? "" : allIDs?.didYouMean(replacement) ?? ""
                    found.append(.error(replacedByPlace(index),
                                        .unknownReplacement(replacement, hint: hint)))
                }
                let warnings = LintRules.warnings(for: all[index], rules: lintRules, context: lintContext)
                if !warnings.isEmpty { found += warnings }
            }
            return found
        }
    }
}
