/// A growable FIFO queue with O(1) append and removal at the front.
struct RingBuffer<Element> {
    private var storage: [Element?]
    private var head = 0
    /// The number of elements queued.
    private(set) var count = 0

    /// Creates an empty queue with room for `capacity` elements before it grows.
    init(capacity: Int = 16) {
        storage = Array(repeating: nil, count: Swift.max(capacity, 1))
    }

    /// Whether the queue is empty.
    var isEmpty: Bool { count == 0 }

    /// The oldest element, if any.
    var first: Element? { count == 0 ? nil : storage[head] }

    /// Adds `element` at the back.
    mutating func append(_ element: Element) {
        if count == storage.count { grow() }
        storage[(head + count) % storage.count] = element
        count += 1
    }

    /// Removes and returns the oldest element, if any.
    mutating func popFirst() -> Element? {
        guard count > 0 else { return nil }
        let element = storage[head]
        storage[head] = nil
        head = (head + 1) % storage.count
        count -= 1
        return element
    }

    /// Removes and returns up to `limit` of the oldest elements, oldest first.
    mutating func popFirst(upTo limit: Int) -> [Element] {
        let taken = Swift.min(limit, count)
        var result: [Element] = []
        result.reserveCapacity(taken)
        for _ in 0..<taken { result.append(popFirst()!) }
        return result
    }

    /// Removes and returns every element, oldest first.
    mutating func removeAll() -> [Element] { popFirst(upTo: count) }

    private mutating func grow() {
        var bigger: [Element?] = Array(repeating: nil, count: storage.count * 2)
        for index in 0..<count { bigger[index] = storage[(head + index) % storage.count] }
        storage = bigger
        head = 0
    }
}
