#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where each line of a file starts, in bytes from the file's start: noted from the file's
/// bytes handed over in chunks (``scan(_:at:)``), which may cut a line break anywhere. Lines
/// are counted as libyaml counts them (``SourceLines``).
///
/// A load notes nothing while it reads: once it knows which lines of a file its diagnostics
/// point at, ``lines(_:from:)`` reads that file again from its start up to the last of them
/// only, for the files with such diagnostics only (a clean catalogue is never read twice).
/// Locations carry a line and a column, not an offset (libyaml's `mark.index` counts
/// characters, not bytes), so the lines are found by counting line breaks.
///
/// `@unchecked Sendable`: one file is noted at a time, on one thread (``beginFile()``, then its
/// chunks in order), and read only once noted.
final class LineStarts: @unchecked Sendable {
    /// The starts of every file's lines but the first, one file after the other.
    private var starts: [UInt32] = []
    /// For each file, where its starts begin in ``starts``.
    private var firstStart: [Int] = []
    /// The current file: a carriage return ended the last chunk (a line feed opening the
    /// next one belongs to it).
    private var afterCR = false
    /// The current file: the first bytes of a line break that the last chunk cut (NEL, LINE or
    /// PARAGRAPH SEPARATOR), most recent in the low byte, and how many.
    private var carry: UInt32 = 0
    private var carryCount = 0
    /// The current file: offsets past 4 GiB are not noted (no source line there).
    private var stopped = false

    /// Starts noting the next file (its index is the number of files begun before it).
    func beginFile() {
        firstStart.append(starts.count)
        afterCR = false
        carryCount = 0
        stopped = false
    }

    /// The number of files begun.
    var fileCount: Int { firstStart.count }

    /// Bytes read at a time by ``lines(_:from:)``.
    static let readSize = 1 << 16

    /// The source lines `wanted` of one file, whose bytes are `bytes`: the file is scanned from
    /// its start up to the end of the last line wanted (never past it), then each line is read
    /// at its start as ``lines(_:ofFile:from:)`` reads it. Each line asked for comes without its
    /// line break, or is missing when the file has no such line (or it is longer than
    /// ``SourceLines/longestShown`` bytes, or cannot be read).
    static func lines(_ wanted: Set<Int>, from bytes: LineBytes) -> [Int: String] {
        guard let last = wanted.max(), last >= 1 else { return [:] }
        let noted = LineStarts()
        noted.beginFile()
        var offset = 0
        // Line `last` ends where line `last + 1` starts: read on until that start is noted and
        // settled (not a carriage return that a line feed in the next bytes may extend).
        while !noted.stopped, noted.starts.count < last || noted.afterCR || noted.carryCount > 0 {
            guard let piece = bytes.piece(at: offset, count: readSize), !piece.isEmpty else { break }
            piece.withUnsafeBufferPointer { noted.scan($0, at: offset) }
            offset += piece.count
        }
        return noted.lines(wanted, ofFile: 0, from: bytes)
    }

    /// Notes the line starts in `chunk`, the bytes of the current file from `offset`, each
    /// chunk following the one before.
    func scan(_ chunk: UnsafeBufferPointer<UInt8>, at offset: Int) {
        guard !stopped, let base = chunk.baseAddress, chunk.count > 0 else { return }
        guard offset + chunk.count < Int(UInt32.max) else {
            stopped = true
            return
        }
        var i = 0
        if afterCR {
            afterCR = false
            if base[0] == 0x0A {
                starts[starts.count - 1] += 1
                i = 1
            }
        }
        if carryCount > 0 { i = finishCarriedBreak(chunk, at: offset) }
        let n = chunk.count
        let low: UInt64 = 0x0E0E_0E0E_0E0E_0E0E, high: UInt64 = 0x8080_8080_8080_8080
        while i < n {
            // Eight bytes at a time while none is below 0x0E (LF, CR) or above 0x7F (the first
            // byte of NEL, LINE and PARAGRAPH SEPARATOR).
            if i + 8 <= n {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let found = (((word &- low) & ~word) | word) & high
                if found == 0 {
                    i += 8
                    continue
                }
                // The lowest byte flagged is the first such byte (a borrow flags only bytes above
                // a true one): straight to it.
                i += found.trailingZeroBitCount >> 3
            }
            switch base[i] {
            case 0x0A:
                note(offset + i + 1)
                i += 1
            case 0x0D:
                if i + 1 < n {
                    let length = base[i + 1] == 0x0A ? 2 : 1
                    note(offset + i + length)
                    i += length
                } else {
                    note(offset + i + 1)
                    afterCR = true
                    i += 1
                }
            case 0xC2, 0xE2:
                let length = base[i] == 0xC2 ? 2 : 3
                if i + length > n {
                    // Cut by the chunk's end: decided with the next chunk.
                    carry = 0
                    carryCount = n - i
                    for j in i ..< n { carry = carry << 8 | UInt32(base[j]) }
                    return
                }
                let isBreak = length == 2 ? base[i + 1] == 0x85
                    : base[i + 1] == 0x80 && (base[i + 2] == 0xA8 || base[i + 2] == 0xA9)
                if isBreak {
                    note(offset + i + length)
                    i += length
                } else {
                    i += 1
                }
            default:
                i += 1
            }
        }
    }

    /// Finishes a line break whose first bytes ended the chunk before; returns where to go on
    /// in `chunk` (at its start when they began no break).
    private func finishCarriedBreak(_ chunk: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        var bytes: [UInt8] = []
        for k in stride(from: carryCount - 1, through: 0, by: -1) { bytes.append(UInt8(truncatingIfNeeded: carry >> (8 * k))) }
        let carried = carryCount
        carryCount = 0
        bytes += chunk.prefix(3 - carried)
        let length = bytes[0] == 0xC2 ? 2 : 3
        guard bytes.count >= length else {
            // Still cut (a chunk of one byte): carried on.
            carry = 0
            carryCount = bytes.count
            for byte in bytes { carry = carry << 8 | UInt32(byte) }
            return chunk.count
        }
        let isBreak = length == 2 ? bytes[1] == 0x85 : bytes[1] == 0x80 && (bytes[2] == 0xA8 || bytes[2] == 0xA9)
        guard isBreak else { return 0 }
        note(offset + length - carried)
        return length - carried
    }

    @inline(__always)
    private func note(_ start: Int) {
        starts.append(UInt32(truncatingIfNeeded: start))
    }

    /// The source lines `wanted` of file `index` (as ``beginFile()`` counted them), read from
    /// `bytes` (the file's read or held text) at the starts noted: each line asked for
    /// without its line break, or missing when the file has no such line (or none was noted
    /// there, or it is longer than ``SourceLines/longestShown`` bytes).
    func lines(_ wanted: Set<Int>, ofFile index: Int, from bytes: LineBytes) -> [Int: String] {
        guard index < firstStart.count else { return [:] }
        let first = firstStart[index]
        let end = index + 1 < firstStart.count ? firstStart[index + 1] : starts.count
        // Line 1 starts at 0 (after a byte-order mark), line n + 1 where the n-th break ends.
        func start(_ line: Int) -> Int? {
            line == 1 ? 0 : line - 2 < end - first ? Int(starts[first + line - 2]) : nil
        }
        var found: [Int: String] = [:]
        for line in wanted.sorted() {
            guard line >= 1, let from = start(line) else { continue }
            if let next = start(line + 1) {
                // A line whose end is noted: its bytes less the break that ends it.
                guard next - from <= SourceLines.longestShown + 3, var text = bytes.read(from ..< next) else { continue }
                text.removeLast(breakLength(endingAt: text))
                if from == 0 { text.removeFirst(SourceLines.byteOrderMarkLength(text)) }
                if text.count <= SourceLines.longestShown { found[line] = String(decoding: text, as: UTF8.self) }
            } else if let text = bytes.readLine(from: from) {
                // The last line noted: it ends at the first break or at the end of the file.
                found[line] = text
            }
        }
        return found
    }

    /// The length of the line break that ends `text` (which ends with one).
    private func breakLength(endingAt text: [UInt8]) -> Int {
        let n = text.count
        guard n > 0 else { return 0 }
        switch text[n - 1] {
        case 0x0A: return n >= 2 && text[n - 2] == 0x0D ? 2 : 1
        case 0x0D: return 1
        case 0x85: return n >= 2 && text[n - 2] == 0xC2 ? 2 : 0
        case 0xA8, 0xA9: return n >= 3 && text[n - 3] == 0xE2 && text[n - 2] == 0x80 ? 3 : 0
        default: return 0
        }
    }
}

/// Where the bytes of a file's source lines are read: a text held in memory, or the file,
/// read at the lines' offsets only.
enum LineBytes {
    case held([UInt8])
    /// An open file descriptor (closed by the caller).
    case file(Int32)

    /// The bytes in `range`, or nil when they cannot all be read.
    func read(_ range: Range<Int>) -> [UInt8]? {
        switch self {
        case .held(let bytes):
            guard range.upperBound <= bytes.count else { return nil }
            return Array(bytes[range])
        case .file(let fd):
            var out = [UInt8](repeating: 0, count: range.count)
            var filled = 0
            while filled < range.count {
                let n = out.withUnsafeMutableBytes { raw in
                    pread(fd, raw.baseAddress! + filled, range.count - filled, off_t(range.lowerBound + filled))
                }
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return nil }
                filled += n
            }
            return out
        }
    }

    /// The line starting at `from`, up to its break or the end of the bytes (nil when it
    /// cannot be read, or is longer than ``SourceLines/longestShown`` bytes).
    func readLine(from: Int) -> String? {
        var text: [UInt8] = []
        var scanned = 0
        while true {
            guard let piece = piece(at: from + text.count, count: 4096) else { return nil }
            text += piece
            // A break's first byte is judged with the two after it, unless the bytes end there.
            let limit = piece.isEmpty ? text.count : max(0, text.count - 2)
            var end: Int?
            text.withUnsafeBufferPointer { all in
                while scanned < limit {
                    if lineBreakLength(all, at: scanned) > 0 {
                        end = scanned
                        return
                    }
                    scanned += 1
                }
            }
            if end == nil, piece.isEmpty { end = text.count }
            if let end {
                var line = Array(text[..<end])
                if from == 0 { line.removeFirst(SourceLines.byteOrderMarkLength(line)) }
                return line.count <= SourceLines.longestShown ? String(decoding: line, as: UTF8.self) : nil
            }
            if text.count > SourceLines.longestShown + 8 { return nil }
        }
    }

    /// Up to `count` bytes from `offset` (none at the end), or nil when they cannot be read.
    func piece(at offset: Int, count: Int) -> [UInt8]? {
        switch self {
        case .held(let bytes):
            return offset < bytes.count ? Array(bytes[offset ..< min(bytes.count, offset + count)]) : []
        case .file(let fd):
            var buffer = [UInt8](repeating: 0, count: count)
            while true {
                let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(offset)) }
                if n < 0, errno == EINTR { continue }
                guard n >= 0 else { return nil }
                buffer.removeLast(count - n)
                return buffer
            }
        }
    }
}
