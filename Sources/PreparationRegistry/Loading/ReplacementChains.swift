/// The chains that `deprecated.replaced-by` makes between preparations: a preparation
/// replaced by another, which may itself be replaced, and so on. A chain must end at a
/// preparation that is not replaced; one that comes back to where it started (`a` replaced by
/// `b`, `b` replaced by `a`, or `a` replaced by itself) leaves no preparation to use instead.
enum ReplacementChains {
    /// A circle of replacements as seen from one of its members: the members in order (one
    /// array shared by them all) and where this member stands.
    struct Circle {
        /// The members, in the order `replaced-by` goes round.
        let members: [String]
        /// This member's place in `members`.
        let offset: Int
    }

    /// For each preparation on a circle of replacements, the circle as seen from it. `next`
    /// maps each id to the id its `replaced-by` names; ids it names that are not keys end a
    /// chain. Linear in the number of ids: each is walked once, and the members of a circle
    /// share one array (a circle of 5,000 is not copied 5,000 times).
    static func circles(_ next: [String: String]) -> [String: Circle] {
        var circles: [String: Circle] = [:]
        var done: Set<String> = []
        for start in next.keys.sorted() where !done.contains(start) {
            var path: [String] = []
            var position: [String: Int] = [:]
            var current: String? = start
            while let id = current, !done.contains(id) {
                if let index = position[id] {
                    // Back on this walk's own path: the ids from there on are a circle.
                    let members = Array(path[index...])
                    for (offset, member) in members.enumerated() { circles[member] = Circle(members: members, offset: offset) }
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

    /// At most this many members of a circle are named in each member's message.
    static let namedMembers = 8

    /// The message for a preparation on a circle of replacements: the circle from it, naming at
    /// most ``namedMembers`` of its members (`a -> b -> ... (5000 preparations) -> a`), so a long
    /// circle costs each member's message a bounded length.
    static func message(_ circle: Circle) -> String {
        let members = circle.members
        if members.count == 1 { return "'replaced-by' names the preparation itself; name the one to use instead" }
        let shown = (0..<min(members.count, namedMembers)).map { members[(circle.offset + $0) % members.count] }
        var path = shown.joined(separator: " -> ")
        if members.count > namedMembers { path += " -> ... (\(members.count) preparations)" }
        return "'replaced-by' goes round in a circle (" + path + " -> " + members[circle.offset]
            + "): a chain of replacements must end at a preparation that is not replaced"
    }
}
