import DequeModule
import Foundation

/// A first-in, first-out hand-over of values from one thread to another. With a capacity, the
/// giving thread waits while that many values are waiting, so that memory stays bounded however
/// far ahead it runs. `@unchecked Sendable`: every field is read and written under the
/// condition's lock.
final class HandOverQueue<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items = Deque<Item>()
    private var finished = false
    private let capacity: Int

    /// A queue holding at most `capacity` values.
    init(capacity: Int = .max) {
        self.capacity = capacity
    }

    /// Adds a value, waiting while the queue is full.
    func put(_ item: Item) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
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
        guard let item = items.popFirst() else { return nil }
        condition.broadcast()
        return item
    }

    /// The next value if one is waiting, without waiting.
    func takeIfAny() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        guard let item = items.popFirst() else { return nil }
        condition.broadcast()
        return item
    }
}
