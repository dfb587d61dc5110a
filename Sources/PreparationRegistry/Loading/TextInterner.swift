#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Texts that many preparations of a catalogue share, kept once per load: ingredient names,
/// sources, side effects and aftercare instructions tend to be written the same way across
/// preparations ("Hyaluronic acid", a citation, "No make-up for 12 hours"). The second time a
/// text is read, the string made the first time is returned, so that 10,000 preparations do not
/// hold 10,000 copies of one sentence. Texts of 15 bytes or fewer are not kept: Swift stores
/// them inside the string value, without an allocation to share.
///
/// Used by one thread at a time (the loader's decoding thread), for one load: its properties
/// are not checked for exclusive access at run time (the checks cost about 30 M instructions on
/// Benchmarks/commands.sh, `catalog validate` at 10,000 preparations), and no method calls
/// another while it changes a property.
final class TextInterner {
    /// Open addressing: the index of an entry plus one, or 0 for a free slot.
    @exclusivity(unchecked) private var slots: [Int32]
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    @exclusivity(unchecked) private var strings: [String] = []
    /// Each entry's bytes, one after another, and where they start.
    @exclusivity(unchecked) private var bytes: [UInt8] = []
    @exclusivity(unchecked) private var starts: [Int32] = []

    /// Texts longer than this (in bytes) are not kept: they are rarely shared.
    private static let longest = 4096

    init() {
        slots = Array(repeating: 0, count: 1024)
    }

    /// The string of `text`'s UTF-8 bytes, shared with every earlier text of the same bytes.
    func string(_ text: UnsafeBufferPointer<UInt8>) -> String {
        guard text.count > 15, text.count <= Self.longest, let base = text.baseAddress else {
            return String(decoding: text, as: UTF8.self)
        }
        // FNV-1a over 8 bytes at a time, then the last few one by one (a byte at a time cost
        // about 200 instructions a text: Benchmarks/commands.sh, `catalog validate`).
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= text.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
            hash ^= hash >> 32
            i += 8
        }
        while i < text.count {
            hash = (hash ^ UInt64(base[i])) &* 0x100_0000_01b3
            i += 1
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { break }
            if hashes[entry] == hash, matches(entry, base, text.count) { return strings[entry] }
            slot = (slot + 1) & mask
        }
        let string = String(decoding: text, as: UTF8.self)
        slots[slot] = Int32(strings.count + 1)
        hashes.append(hash)
        strings.append(string)
        starts.append(Int32(bytes.count))
        bytes.append(contentsOf: text)
        if strings.count * 2 > slots.count { grow() }
        return string
    }

    private func matches(_ entry: Int, _ text: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let start = Int(starts[entry])
        let end = entry + 1 < starts.count ? Int(starts[entry + 1]) : bytes.count
        guard end - start == count else { return false }
        return bytes.withUnsafeBufferPointer { all in
            guard let kept = all.baseAddress else { return false }
            return memcmp(kept + start, text, count) == 0
        }
    }

    private func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for entry in strings.indices {
            let hash = hashes[entry]
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = Int32(entry + 1)
        }
        slots = larger
    }
}
