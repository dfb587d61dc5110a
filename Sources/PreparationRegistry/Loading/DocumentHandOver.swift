import DequeModule
import Foundation
import YAMLReader

/// What the reading thread of a load hands the decoding thread, in order.
enum HandedOver: Sendable {
    /// A finished document of the current file.
    case document(YAMLOwnedDocument)
    /// The current file is read; the reader's errors for it.
    case endOfFile([YAMLError])
}

/// A bounded first-in, first-out hand-over from one reading thread to one decoding thread:
/// the reader waits while `capacity` items are waiting, so that memory stays bounded however
/// far ahead libyaml runs. `@unchecked Sendable`: every field is read and written under the
/// condition's lock.
final class DocumentHandOver: @unchecked Sendable {
    private let condition = NSCondition()
    private var items = Deque<HandedOver>()
    private var finished = false
    private let capacity: Int

    init(capacity: Int = 64) {
        self.capacity = capacity
    }

    /// Adds an item, waiting while the hand-over is full.
    func put(_ item: HandedOver) {
        condition.lock()
        while items.count >= capacity { condition.wait() }
        items.append(item)
        condition.broadcast()
        condition.unlock()
    }

    /// Says that no item will follow.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, waiting for one; nil once every item is taken and ``finish()`` was called.
    func take() -> HandedOver? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty, !finished { condition.wait() }
        guard let item = items.popFirst() else { return nil }
        condition.broadcast()
        return item
    }
}
