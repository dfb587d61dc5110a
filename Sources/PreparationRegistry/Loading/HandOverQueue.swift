import DequeModule

/// A first-in, first-out hand-over of values from one thread to another. With a capacity, the
/// giving thread waits while the values waiting weigh that much, so that memory stays bounded
/// however far ahead it runs (one value is always let in, however heavy).
/// `@unchecked Sendable`: every field is read and written under the condition's lock.
final class HandOverQueue<Item: Sendable>: @unchecked Sendable {
    private let condition = ThreadCondition()
    private var items = Deque<(item: Item, weight: Int)>()
    private var waiting = 0
    private var finished = false
    private let capacity: Int
    private let weight: @Sendable (Item) -> Int

    /// A queue holding values that weigh at most `capacity` together; by default each value
    /// weighs 1, so that `capacity` counts values.
    init(capacity: Int = .max, weight: @escaping @Sendable (Item) -> Int = { _ in 1 }) {
        self.capacity = capacity
        self.weight = weight
    }

    /// Adds a value, waiting while the queue is full.
    func put(_ item: Item) {
        let w = weight(item)
        condition.lock()
        while !items.isEmpty, waiting + w > capacity { condition.wait() }
        items.append((item, w))
        waiting += w
        condition.broadcast()
        condition.unlock()
    }

    /// Says that no value will follow.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next value, waiting for one; nil once every value is taken and ``finish()`` was called.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty, !finished { condition.wait() }
        guard let first = items.popFirst() else { return nil }
        waiting -= first.weight
        condition.broadcast()
        return first.item
    }

    /// The next value if one is waiting, without waiting.
    func takeIfAny() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        guard let first = items.popFirst() else { return nil }
        waiting -= first.weight
        condition.broadcast()
        return first.item
    }
}
