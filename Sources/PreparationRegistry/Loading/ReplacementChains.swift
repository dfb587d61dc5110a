/// The chains that `deprecated.replaced-by` makes between preparations: a preparation
/// replaced by another, which may itself be replaced, and so on. A chain must end at a
/// preparation that is not replaced; one that comes back to where it started (`a` replaced by
/// `b`, `b` replaced by `a`, or `a` replaced by itself) leaves no preparation to use instead.
enum ReplacementChains {
    /// For each preparation on a circle of replacements, the circle as it runs from that
    /// preparation back to it (`[a, b, a]`; `[a, a]` for one replaced by itself). `next` maps
    /// each id to the id its `replaced-by` names; ids it names that are not keys end a chain.
    /// Linear in the number of ids: each is walked once.
    static func circles(_ next: [String: String]) -> [String: [String]] {
        var circles: [String: [String]] = [:]
        var done: Set<String> = []
        for start in next.keys.sorted() where !done.contains(start) {
            var path: [String] = []
            var position: [String: Int] = [:]
            var current: String? = start
            while let id = current, !done.contains(id) {
                if let index = position[id] {
                    // Back on this walk's own path: the ids from there on are a circle.
                    let circle = Array(path[index...])
                    for (offset, member) in circle.enumerated() {
                        circles[member] = Array(circle[offset...] + circle[..<offset]) + [member]
                    }
                    break
                }
                position[id] = path.count
                path.append(id)
                current = next[id]
            }
            done.formUnion(path)
        }
        return circles
    }

    /// The message for a preparation on a circle of replacements.
    static func message(_ circle: [String]) -> String {
        if circle.count == 2 { return "'replaced-by' names the preparation itself; name the one to use instead" }
        return "'replaced-by' goes round in a circle (" + circle.joined(separator: " -> ")
            + "): a chain of replacements must end at a preparation that is not replaced"
    }
}
