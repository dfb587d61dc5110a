/// A visit an area's plugin adds to a course besides the injection sessions (format 1.1,
/// section 6): an assessment (photos, trichoscopy, a scar scale) or a follow-up (checking the
/// injection sites).
public struct Visit: Sendable, Hashable {
    /// What kind of visit.
    public enum Kind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// An assessment of the response: standardised photos, trichoscopy, a scar scale.
        case assessment
        /// A follow-up: checking the treated sites, for example for a late infection.
        case followUp = "follow-up"

        /// `assessment` or `follow-up`.
        public var description: String { rawValue }
    }

    /// What kind of visit.
    public var kind: Kind
    /// The planned day.
    public var date: CalendarDate
    /// The first day it may take place.
    public var earliest: CalendarDate
    /// The last day it may take place.
    public var latest: CalendarDate
    /// What the visit is for.
    public var purpose: String
    /// The id of the planning rule that added it.
    public var rule: String

    /// Creates a visit.
    public init(kind: Kind, date: CalendarDate, earliest: CalendarDate, latest: CalendarDate, purpose: String, rule: String) {
        self.kind = kind
        self.date = date
        self.earliest = earliest
        self.latest = latest
        self.purpose = purpose
        self.rule = rule
    }
}
