#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Array where Element == UInt8 {
    /// Grows the array to `newCount` bytes, the new ones zero, with `memcpy` and `memset`.
    ///
    /// `append(contentsOf: repeatElement(0, count: n))` does the same, but in a debug build
    /// (what `swift run` and `swift test` make) it goes byte by byte through generic code: a
    /// catalogue with long texts then read ten times slower than in a release build.
    mutating func grow(to newCount: Int) {
        let old = count
        guard newCount > old else { return }
        let grown = [UInt8](unsafeUninitializedCapacity: newCount) { buffer, initialized in
            guard let target = buffer.baseAddress else { return }
            withUnsafeBufferPointer { current in
                if let source = current.baseAddress, old > 0 { _ = memcpy(target, source, old) }
            }
            _ = memset(target + old, 0, newCount - old)
            initialized = newCount
        }
        self = grown
    }
}
