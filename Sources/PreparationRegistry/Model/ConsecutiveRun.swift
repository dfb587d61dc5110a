extension RandomAccessCollection where Element: Equatable {
    /// True when `run` stands as consecutive elements of the collection; never for an empty
    /// run. The one search for a run: words in an ingredient's words (a term's phrase), bytes
    /// in a name (a clue holding another, `ClueSet`), a region's name in a reason's bytes
    /// (`Candidates`).
    func holdsRun<Run: Collection>(_ run: Run) -> Bool where Run.Element == Element {
        guard let first = run.first, count >= run.count else { return false }
        let last = index(endIndex, offsetBy: -run.count)
        var start = startIndex
        while true {
            if self[start] == first, self[start..<index(start, offsetBy: run.count)].elementsEqual(run) { return true }
            if start == last { return false }
            formIndex(after: &start)
        }
    }
}
