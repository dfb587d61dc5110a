/// A day of the proleptic Gregorian calendar, without a time or a time zone: the date of a
/// session. Written and read as `YYYY-MM-DD`.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 1 to 9999.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, from 1.
    public let day: Int

    /// The date with these parts, or nil when there is no such day (`2026-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (negative before it). The year is not bounded
    /// here; ``adding(days:)`` and the other arithmetic keep dates within `first` and `last`.
    package init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil-from-days algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        month = m
        day = d
    }

    /// Why `text` is not a date that ``init(_:)`` reads, in words that follow the text
    /// (`is not a day of the calendar: there is no month 13`); nil when it is one. The one
    /// reading of dates: the loader (`deprecated.since`) and the course (`--start`) use it.
    package static func problem(reading text: String) -> String? {
        if CalendarDate(text) != nil { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.utf8.count) == [4, 2, 2],
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }),
              let year = Int(parts[0]), let month = Int(parts[1])
        else { return "is not a date of the form YYYY-MM-DD" }
        if !(1...9999).contains(year) { return "is not a day of the calendar: years run from 0001 to 9999" }
        if !(1...12).contains(month) { return "is not a day of the calendar: there is no month \(parts[1])" }
        return "is not a day of the calendar: \(parts[0])-\(parts[1]) has no day \(parts[2])"
    }

    /// Reads `YYYY-MM-DD` (exactly four, two and two digits); nil for any other text or a day
    /// that does not exist.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard bytes[i] >= 48, bytes[i] <= 57 else { return nil }
                value = value * 10 + Int(bytes[i] - 48)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01.
    package var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The first day a `CalendarDate` can hold: 0001-01-01.
    package static let first = CalendarDate(uncheckedYear: 1, month: 1, day: 1)
    /// The last day a `CalendarDate` can hold: 9999-12-31. Date arithmetic stops there.
    package static let last = CalendarDate(uncheckedYear: 9999, month: 12, day: 31)

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days later (earlier when negative), kept within `first` and `last`.
    public func adding(days: Int) -> CalendarDate {
        let target = daysSinceEpoch.addingReportingOverflow(days)
        if target.overflow { return days > 0 ? .last : .first }
        return CalendarDate(daysSinceEpoch: min(max(target.partialValue, CalendarDate.first.daysSinceEpoch),
                                                CalendarDate.last.daysSinceEpoch))
    }

    /// The same day of the month `months` calendar months later; the month's last day when it
    /// is shorter (2026-01-31 plus one month is 2026-02-28). Kept within `first` and `last`.
    package func adding(months: Int) -> CalendarDate {
        guard abs(months) < 120_000 else { return months > 0 ? .last : .first }
        let index = year * 12 + (month - 1) + months
        guard index >= 12 else { return .first }
        guard index < 10_000 * 12 else { return .last }
        let newYear = index / 12, newMonth = index % 12 + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(uncheckedYear: newYear, month: newMonth, day: newDay)
    }

    /// The date a duration later, by the project's calendar rule: a whole number of months is
    /// added as calendar months; any other duration is converted to days (a month counting as
    /// 30.44 days, as in range comparisons) and rounded to the nearest whole day.
    public func adding(_ duration: Quantity<DurationUnit>) -> CalendarDate {
        if let months = CalendarDate.wholeMonths(duration) {
            return adding(months: months)
        }
        return adding(days: CalendarDate.wholeDays(duration))
    }

    /// The window an interval allows after this date: `earliest...latest`, never inverted; nil
    /// when its first day would fall after `last` (the latest day is kept within `last`).
    ///
    /// Both bounds are read the same way, so that the window is never inverted: when both are
    /// whole numbers of months they are added as calendar months (`1-2 months`); otherwise
    /// both are converted to days, a month counting as 30.44 days as when the format compares
    /// ranges with mixed units, and rounded to the nearest day (`3 days - 1 month` is 3 to 30
    /// days; `30 days - 1 month` is 30 to 30 days, where calendar months would give an
    /// inverted window after 1 February: 3 March to 1 March).
    package func window(after interval: DurationRange) -> ClosedRange<CalendarDate>? {
        let earliest: CalendarDate, latest: CalendarDate
        if let fewest = CalendarDate.wholeMonths(interval.min), let most = CalendarDate.wholeMonths(interval.max) {
            guard year * 12 + (month - 1) + fewest < 10_000 * 12 else { return nil }
            earliest = adding(months: fewest)
            latest = adding(months: most)
        } else {
            let days = CalendarDate.wholeDays(interval.min)
            guard daysSinceEpoch + days <= CalendarDate.last.daysSinceEpoch else { return nil }
            earliest = adding(days: days)
            latest = adding(days: CalendarDate.wholeDays(interval.max))
        }
        return earliest...max(earliest, latest)
    }

    /// A whole number of months as an `Int`, however large (beyond 120,000 months, more than
    /// the calendar holds, it is counted as 120,000: ``adding(months:)`` reaches ``last``);
    /// nil for any other duration. The size of a bound never turns months into days.
    static func wholeMonths(_ duration: Quantity<DurationUnit>) -> Int? {
        guard duration.unit == .month, duration.value == duration.value.rounded() else { return nil }
        return Int(min(max(duration.value, -120_000), 120_000))
    }

    /// A duration in whole days, rounded to the nearest (a month counts 30.44 days); bounded
    /// so that huge values reach `last` (or `first`) rather than overflow: the bound is more
    /// than the 3,652,058 days from `first` to `last`.
    static func wholeDays(_ duration: Quantity<DurationUnit>) -> Int {
        let bound = 4_000_000.0
        let days = duration.baseValue.rounded()
        guard !days.isNaN else { return Int(bound) }
        return Int(min(max(days, -bound), bound))
    }

    /// Days from `other` to this date.
    public func days(since other: CalendarDate) -> Int { daysSinceEpoch - other.daysSinceEpoch }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// `YYYYMMDD`, the iCalendar DATE form.
    package var basicForm: String { String(description.filter { $0 != "-" }) }

    /// Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
