/// The hemisphere a patient lives in, which decides the season of a date.
public enum Hemisphere: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// The northern hemisphere.
    case north
    /// The southern hemisphere.
    case south

    /// `north` or `south`.
    public var description: String { rawValue }

    /// The meteorological season of `date`: in the north, spring is March-May, summer
    /// June-August, autumn September-November and winter December-February; the south is
    /// shifted by six months.
    package func season(of date: CalendarDate) -> Season {
        let month = self == .north ? date.month : (date.month + 5) % 12 + 1
        switch month {
        case 3, 4, 5: return .spring
        case 6, 7, 8: return .summer
        case 9, 10, 11: return .autumn
        default: return .winter
        }
    }
}
