/// Nearest-word suggestions for misspelt keys and vocabulary words.
public enum Suggestions {
    /// The candidate nearest to `word` by edit distance (case-insensitive), if it is near enough
    /// to be a likely misspelling: at most a third of the word's length, and at least 2 edits
    /// allowed. Ties go to the candidate listed first.
    public static func nearest<C: Collection>(to word: String, in candidates: C) -> String? where C.Element == String {
        let lowered = Array(word.lowercased().unicodeScalars)
        let limit = max(2, lowered.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, Array(candidate.lowercased().unicodeScalars), limit: limit)
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        if let best, best.1 == 0, best.0 == word { return nil }
        if best == nil, lowered.count >= 4 {
            // A word that a candidate starts with, or that starts with a candidate
            // ('hyaluronic' for 'hyaluronic-acid'), is a likely shortening.
            let lower = word.lowercased()
            best = candidates.first { lower.hasPrefix($0.lowercased()) && $0.count >= 4 || $0.lowercased().hasPrefix(lower) }.map { ($0, 0) }
        }
        return best?.0
    }

    /// `"; did you mean 'x'?"` when a suggestion exists, else "".
    static func didYouMean<C: Collection>(_ word: String, in candidates: C) -> String where C.Element == String {
        guard let suggestion = nearest(to: word, in: candidates) else { return "" }
        return "; did you mean '\(suggestion)'?"
    }

    /// Levenshtein distance, with transpositions counted as one edit; stops early above `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            swap(&previousPrevious, &previous)
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
