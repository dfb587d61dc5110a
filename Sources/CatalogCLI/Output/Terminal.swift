import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the standard output is: a terminal (and how wide), and whether colour is wanted.
struct Terminal {
    /// The width to fit tables to, or nil for no limit.
    var width: Int?
    /// Whether to use ANSI colours.
    var colour: Bool

    /// The standard output as it is: on a terminal, its width and colour unless `NO_COLOR`
    /// is set (to anything); elsewhere no colour, and the width from `COLUMNS` if set, else none.
    static func standardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        let isTerminal = isatty(STDOUT_FILENO) == 1
        var width: Int?
        if isTerminal {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { width = Int(size.ws_col) }
        }
        if width == nil, let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { width = columns }
        if width == nil, isTerminal { width = 80 }
        let colour = isTerminal && environment["NO_COLOR"] == nil
        return Terminal(width: width, colour: colour)
    }

    /// `text` in bold, when colour is on.
    func bold(_ text: String) -> String { colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    /// `text` in yellow, when colour is on.
    func warning(_ text: String) -> String { colour ? "\u{1B}[33m\(text)\u{1B}[0m" : text }
    /// `text` dimmed, when colour is on.
    func dim(_ text: String) -> String { colour ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

/// Breaks `text` into lines of at most `width` characters: after a space or a hyphen where it
/// can, inside a word only when the word alone is wider than the line.
func wrap(_ text: String, width: Int?) -> [String] {
    guard let width, width > 0, text.count > width else { return [text] }
    var lines: [String] = []
    var line = ""
    for chunk in wrapChunks(text) {
        let visible = chunk.trimmingSpaces.count
        if line.count + visible <= width {
            line += line.isEmpty ? String(chunk.drop { $0 == " " }) : chunk
            continue
        }
        if !line.isEmpty {
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
            line = ""
        }
        var rest = Substring(chunk.drop { $0 == " " })
        while rest.trimmingSpaces.count > width {
            lines.append(String(rest.prefix(width)))
            rest = rest.dropFirst(width).drop { $0 == " " }
        }
        line = String(rest)
    }
    while line.hasSuffix(" ") { line.removeLast() }
    if !line.isEmpty { lines.append(line) }
    return lines.isEmpty ? [""] : lines
}

/// `text` cut after each space and each hyphen: the pieces a line may end with.
func wrapChunks(_ text: String) -> [String] {
    var chunks: [String] = []
    var current = ""
    for character in text {
        current.append(character)
        if character == " " || character == "-" {
            chunks.append(current)
            current = ""
        }
    }
    if !current.isEmpty { chunks.append(current) }
    return chunks
}

/// `text` padded with spaces to `width` characters.
func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
