/// Nearest-word suggestions for misspelt keys and vocabulary words.
package enum Suggestions {
    /// The suggestion for an unknown word, the one routine for every command and for the
    /// loader's vocabulary words: the candidate nearest by spelling
    /// (``nearest(to:in:)``); else, among candidates of several words
    /// (`insulin-dependent-diabetes`, `Non-crosslinked hyaluronic acid`), the first holding
    /// `word` as one of its folded words (`diabetes` -> `insulin-dependent-diabetes`), else
    /// the first holding the word nearest to it (`hyaluronc` -> `hyaluronic-acid`); nil when
    /// none is likely.
    package static func suggestion<C: Collection>(for word: String, in candidates: C) -> String? where C.Element == String {
        // The words are folded only when the spelling finds nothing (once per call here; once
        // per load for an ``Index``).
        nearest(to: word, in: candidates) ?? WordOwners(candidates).suggestion(for: word)
    }

    /// Candidates made ready once for ``suggestion(for:in:)``: lower-cased, and their folded
    /// words. A catalogue's vocabulary keeps one per section (`VocabularyWordTable`), so that a
    /// file with many unknown words against a vocabulary of 50,000 does not fold the
    /// vocabulary again for each.
    package struct Index: Sendable {
        private let candidates: Candidates
        private let owners: WordOwners

        package init<C: Collection>(_ known: C) where C.Element == String {
            candidates = Candidates(Array(known))
            owners = WordOwners(known)
        }

        /// What ``Suggestions/suggestion(for:in:)`` gives for these candidates.
        package func suggestion(for word: String) -> String? {
            candidates.nearest(to: word) ?? owners.suggestion(for: word)
        }
    }

    /// The word-by-word half of ``suggestion(for:in:)``: the candidates' folded words of three
    /// letters or more, each with the first candidate holding it; only those of four or more
    /// are near a misspelt word (two edits would make any three-letter word another). An
    /// outside review typed `--condition soy` and was given the list of all 28 conditions.
    struct WordOwners: Sendable {
        private let owners: [String: String]
        private let words: Candidates

        init<C: Collection>(_ known: C) where C.Element == String {
            var owners: [String: String] = [:]
            var words: [String] = []
            for candidate in known {
                for word in TextFolding.words(candidate) where word.count >= 3 && owners[word] == nil {
                    owners[word] = candidate
                    if word.count >= 4 { words.append(word) }
                }
            }
            self.owners = owners
            self.words = Candidates(words)
        }

        /// The candidate holding `word` as one of its folded words, else the one holding the
        /// word nearest to it.
        func suggestion(for word: String) -> String? {
            let folded = TextFolding.fold(word)
            if let owner = owners[folded] { return owner }
            return words.nearest(to: folded).flatMap { owners[$0] }
        }
    }

    /// The candidate nearest to `word` by edit distance (case-insensitive), if it is near enough
    /// to be a likely misspelling: at most a third of the word's length, and at least 2 edits
    /// allowed. Ties go to the candidate listed first.
    package static func nearest<C: Collection>(to word: String, in candidates: C) -> String? where C.Element == String {
        var scratch = Scratch(word)
        var best: (String, Int)?
        for candidate in candidates {
            let distance = scratch.distance(to: candidate)
            if distance <= scratch.limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return finish(best, word: word, scratch: scratch, candidates: candidates)
    }

    /// Candidates made ready once (lower-cased), for a list that many words are compared with,
    /// such as the keys of a mapping of the format: a file with a million unknown keys then does
    /// not lower-case the known keys a million times.
    struct Candidates: Sendable {
        /// The candidates, in order (ties go to the first).
        let names: [String]
        /// Each lower-cased, as scalar values.
        private let lowered: [[UInt32]]

        init(_ names: [String]) {
            self.names = names
            lowered = names.map { name in
                var scalars: [UInt32] = []
                Scratch.lowerCase(name, into: &scalars)
                return scalars
            }
        }

        /// What ``Suggestions/nearest(to:in:)`` gives for these candidates.
        func nearest(to word: String) -> String? {
            var scratch = Scratch(word)
            var best: (String, Int)?
            for index in names.indices {
                let distance = scratch.distance(toLowered: lowered[index])
                if distance <= scratch.limit, distance < (best?.1 ?? Int.max) { best = (names[index], distance) }
            }
            return Suggestions.finish(best, word: word, scratch: scratch, candidates: names)
        }

        /// `"; did you mean 'x'?"` when a suggestion exists, else "".
        func didYouMean(_ word: String) -> String {
            guard let suggestion = nearest(to: word) else { return "" }
            return "; did you mean '\(suggestion)'?"
        }
    }

    /// The suggestion from the nearest candidate found: none for the word itself; for a word
    /// near none, a candidate it shortens or is shortened from.
    private static func finish<C: Collection>(_ found: (String, Int)?, word: String, scratch: Scratch,
                                              candidates: C) -> String? where C.Element == String {
        var best = found
        if let best, best.1 == 0, best.0 == word { return nil }
        if best == nil, scratch.word.count >= 4, scratch.limit >= 0 {
            // A word that a candidate starts with, or that starts with a candidate
            // ('hyaluronic' for 'hyaluronic-acid'), is a likely shortening.
            let lower = word.lowercased()
            best = candidates.first { lower.hasPrefix($0.lowercased()) && $0.count >= 4 || $0.lowercased().hasPrefix(lower) }.map { ($0, 0) }
        }
        return best?.0
    }

    /// The lower-cased word and the storage that measuring its distance to each candidate
    /// reuses: a file with a million unknown words asks for a million suggestions, so one must
    /// not cost an allocation per candidate.
    private struct Scratch {
        /// The word, lower-cased, as scalar values.
        let word: [UInt32]
        /// The most edits a suggestion may be away.
        let limit: Int
        private var candidate: [UInt32] = []
        private var rows: [Int] = []

        init(_ word: String) {
            self.word = word.lowercased().unicodeScalars.map(\.value)
            // A word longer than anything a person misspells gets no suggestion by spelling
            // (limit -1: none is near), so that its cost stays bounded: a 1,000-character
            // unknown word against 1,000 long known ones took seconds each.
            limit = self.word.count > Suggestions.longestWord ? -1 : max(2, self.word.count / 3)
            for scalar in self.word { letters[Int(scalar & 63)] += 1 }
        }

        /// How many of the word's scalars fall in each of 64 buckets (a scalar's low six bits):
        /// the buckets' differences bound the edit distance from below, so most candidates are
        /// set aside without the table (``distance(toLowered:)``).
        private var letters = [Int](repeating: 0, count: 64)

        /// `text` lower-cased into `scalars` (replacing what they held): ASCII in place, anything
        /// else through `lowercased()`.
        static func lowerCase(_ text: String, into scalars: inout [UInt32]) {
            scalars.removeAll(keepingCapacity: true)
            for byte in text.utf8 {
                guard byte < 0x80 else {
                    scalars.removeAll(keepingCapacity: true)
                    scalars.append(contentsOf: text.lowercased().unicodeScalars.map(\.value))
                    return
                }
                scalars.append(UInt32(byte >= 65 && byte <= 90 ? byte | 0x20 : byte))
            }
        }

        /// The edit distance from the word to `text` (case-insensitive), or `limit + 1` when above the limit.
        mutating func distance(to text: String) -> Int {
            Self.lowerCase(text, into: &candidate)
            return distance(toLowered: candidate)
        }

        /// The same, to a candidate already lower-cased.
        mutating func distance(toLowered other: [UInt32]) -> Int {
            if abs(other.count - word.count) > limit { return limit + 1 }
            // Bag distance: an edit changes at most one scalar of each side, so the scalars of
            // one side not matched in the other (by bucket) are at most the edit distance.
            var surplus = 0
            for scalar in other {
                let bucket = Int(scalar & 63)
                letters[bucket] -= 1
                if letters[bucket] < 0 { surplus += 1 }
            }
            for scalar in other { letters[Int(scalar & 63)] += 1 }  // the word's counts again
            if max(surplus, word.count - (other.count - surplus)) > limit { return limit + 1 }
            let needed = 3 * (other.count + 1)
            if rows.count < needed { rows = [Int](repeating: 0, count: needed) }
            let limit = self.limit
            return word.withUnsafeBufferPointer { a in
                other.withUnsafeBufferPointer { b in
                    rows.withUnsafeMutableBufferPointer { rows in
                        Suggestions.editDistance(a, b, limit: limit, rows: rows)
                    }
                }
            }
        }
    }

    /// The longest word, in scalars, that gets a suggestion by spelling.
    static let longestWord = 64

    /// `"; did you mean 'x'?"` when a suggestion exists, else "".
    static func didYouMean<C: Collection>(_ word: String, in candidates: C) -> String where C.Element == String {
        guard let suggestion = nearest(to: word, in: candidates) else { return "" }
        return "; did you mean '\(suggestion)'?"
    }

    /// Levenshtein distance, with transpositions counted as one edit; stops early above `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        var rows = [Int](repeating: 0, count: 3 * (b.count + 1))
        let a = a.map(\.value), b = b.map(\.value)
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                rows.withUnsafeMutableBufferPointer { editDistance(a, b, limit: limit, rows: $0) }
            }
        }
    }

    /// The same, on scalar values, in `rows` (room for three rows of `b.count + 1`).
    static func editDistance(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, limit: Int,
                             rows: UnsafeMutableBufferPointer<Int>) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rows taking turns: the one before the previous, the previous, the current.
        var previousPrevious = 0, previous = width, current = 2 * width
        for j in 0...b.count { rows[previous + j] = j }
        for i in 1...a.count {
            rows[current] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, rows[previousPrevious + j - 2] + 1)
                }
                rows[current + j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return rows[previous + b.count]
    }
}
