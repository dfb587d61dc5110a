import FoundationEssentials

/// A treated surface in square centimetres, as a request gives it: `300cm2`, `300 cm²` or
/// `15x20cm` (format 1.1, section 6). Kept as a decimal, so that the dose formulas of section
/// 2.6 are computed exactly on the figures as written.
public struct Surface: Sendable, Hashable, CustomStringConvertible {
    /// The area in cm², above zero.
    public let squareCentimetres: Decimal

    /// A surface of `squareCentimetres` cm²; nil unless above zero.
    public init?(squareCentimetres: Decimal) {
        guard squareCentimetres > 0 else { return nil }
        self.squareCentimetres = squareCentimetres
    }

    /// The area as a `Double`, for output.
    package var value: Double { Double(squareCentimetres.description) ?? .nan }

    /// `300 cm²`.
    public var description: String { "\(Surface.plain(squareCentimetres)) cm²" }

    /// Reads `300cm2`, `300 cm2`, `300 cm²`, `12.5cm²` or `15x20cm` (also `15 x 20 cm`, `15×20cm`,
    /// `X`): digits with an optional fraction, case-insensitive units. Nil for anything else.
    package init?(_ text: String) {
        let lower = text.lowercased().trimmingWhitespace()
        if let body = Surface.strip(lower, suffixes: ["cm2", "cm²"]) {
            guard let value = Surface.number(body) else { return nil }
            self.init(squareCentimetres: value)
        } else if let body = Surface.strip(lower, suffixes: ["cm"]) {
            let sides = body.split(omittingEmptySubsequences: false) { $0 == "x" || $0 == "×" }
            guard sides.count == 2, let a = Surface.number(String(sides[0])), let b = Surface.number(String(sides[1]))
            else { return nil }
            self.init(squareCentimetres: a * b)
        } else {
            return nil
        }
    }

    /// `text` without one of `suffixes` (and the spaces before it), or nil.
    private static func strip(_ text: String, suffixes: [String]) -> String? {
        for suffix in suffixes where text.hasSuffix(suffix) {
            return String(text.dropLast(suffix.count)).trimmingWhitespace()
        }
        return nil
    }

    /// A plain non-negative decimal (`300`, `12.5`), at most 12 digits before the point and 6
    /// after, read exactly.
    private static func number(_ text: String) -> Decimal? {
        let parts = text.trimmingWhitespace().split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, (1...12).contains(whole.count),
              whole.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        if parts.count == 2 {
            guard (1...6).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        return Decimal(string: text.trimmingWhitespace())
    }

    /// A decimal written without exponent or needless zeros, to six decimals: `300`, `12.5`.
    package static func plain(_ value: Decimal) -> String {
        value.rounded(scale: 6, .plain).description
    }
}

/// A region a course treats, with the treated surface when the request gives one:
/// `--region face:300cm2`.
public struct TreatedRegion: Sendable, Hashable, CustomStringConvertible {
    /// The region.
    public var region: Region
    /// The treated surface, if given.
    public var surface: Surface?

    /// Creates a treated region.
    public init(_ region: Region, surface: Surface? = nil) {
        self.region = region
        self.surface = surface
    }

    /// `face` or `face (300 cm²)`.
    public var description: String {
        surface.map { "\(region) (\($0))" } ?? region.rawValue
    }

    /// As `--region` takes it: `face` or `face:300cm2`.
    package var argument: String {
        surface.map { "\(region):\(Surface.plain($0.squareCentimetres))cm2" } ?? region.rawValue
    }

    /// Reads `R[:SURFACE]`: a region (any case) and, after a colon, its surface
    /// (``Surface/init(_:)``); an unknown region or an unreadable surface is an error that
    /// says what was expected.
    package static func parse(_ text: String) throws(CourseRequestError) -> TreatedRegion {
        guard let colon = text.firstIndex(of: ":") else { return TreatedRegion(try Region.named(text)) }
        guard colon > text.startIndex else {
            throw CourseRequestError("--region '\(text)' names no region before its surface; write it as face:300cm2")
        }
        let region = try Region.named(String(text[..<colon]))
        let surfaceText = String(text[text.index(after: colon)...])
        guard let surface = Surface(surfaceText) else {
            throw CourseRequestError("--region '\(text)': '\(surfaceText)' is not a surface; write it in square centimetres, "
                + "above zero, as 300cm2, 300 cm² or 15x20cm")
        }
        return TreatedRegion(region, surface: surface)
    }
}
