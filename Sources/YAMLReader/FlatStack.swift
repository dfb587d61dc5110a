/// A stack of plain values for the flat builder (``FlatBuilder``): the elements are the first
/// `count` of an array that never shrinks, so that dropping the children of a finished
/// collection costs a subtraction, where `Array.removeLast(_:)` cost about 95 instructions
/// (`catalog validate` at 10,000 preparations, Benchmarks/commands.sh: 12 M fewer in all).
struct FlatStack<Element> {
    /// The elements, then left-overs of earlier ones (overwritten as the stack grows again).
    private var elements: [Element]
    private(set) var count = 0

    /// An empty stack whose room is `elements`' (their values are not kept).
    init(reusing elements: [Element] = []) {
        self.elements = elements
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count < elements.count {
            elements[count] = element
        } else {
            elements.append(element)
        }
        count += 1
    }

    @inline(__always)
    subscript(position: Int) -> Element {
        precondition(position < count, "index out of range")
        return elements[position]
    }

    @inline(__always)
    mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= count, "cannot remove more elements than there are")
        count -= k
    }

    mutating func removeAll() {
        count = 0
    }

    /// Calls `body` with the elements.
    @inline(__always)
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) -> R) -> R {
        elements.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// Empties the stack and hands its room over, for another stack to reuse.
    mutating func takeRoom() -> [Element] {
        count = 0
        var room: [Element] = []
        swap(&room, &elements)
        return room
    }
}
