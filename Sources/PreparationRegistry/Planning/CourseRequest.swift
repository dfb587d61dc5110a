/// What a clinician asks a plugin for: a concern, perhaps a region, the patient's conditions
/// and allergies, and when and where the course runs.
public struct CourseRequest: Sendable, Hashable {
    /// The indication slug to treat.
    public var concern: String
    /// The regions treated together in each session, each with its surface when given (format
    /// 1.1: `--region R[:SURFACE]`, repeatable); a preparation qualifies only when it is used
    /// in every one. Required by some plugins (body), optional for others; each region once.
    public var regions: [TreatedRegion]
    /// The patient's condition slugs, from the vocabulary's `conditions`.
    public var conditions: [String]
    /// Ingredient names or class slugs the patient is allergic to.
    public var allergies: [String]
    /// The day of the first session.
    public var start: CalendarDate
    /// Where the patient lives, for seasons.
    public var hemisphere: Hemisphere
    /// How far ahead repeating phases are planned, counted from the start.
    public var horizon: Quantity<DurationUnit>

    /// The default horizon: 12 months.
    package static let defaultHorizon = Quantity<DurationUnit>(12, .month)

    /// Creates a request. The concern and conditions are vocabulary slugs, which are lower-case,
    /// so they are lower-cased here (`Dehydration` is `dehydration`); allergies are kept as
    /// written, since matching folds them (`IngredientTerm`). A condition or allergy given
    /// twice is kept once, where first given.
    public init(concern: String, regions: [TreatedRegion] = [], conditions: [String] = [], allergies: [String] = [],
                start: CalendarDate, hemisphere: Hemisphere = .north,
                horizon: Quantity<DurationUnit> = Quantity(12, .month)) {
        self.concern = concern.lowercased()
        self.regions = regions
        self.conditions = CourseRequest.once(conditions.map { $0.lowercased() })
        self.allergies = CourseRequest.once(allergies)
        self.start = start
        self.hemisphere = hemisphere
        self.horizon = horizon
    }

    private static func once(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }

    /// A request for one region (or none), without a surface.
    package init(concern: String, region: Region?, conditions: [String] = [], allergies: [String] = [],
                start: CalendarDate, hemisphere: Hemisphere = .north,
                horizon: Quantity<DurationUnit> = CourseRequest.defaultHorizon) {
        self.init(concern: concern, regions: region.map { [TreatedRegion($0)] } ?? [], conditions: conditions,
                  allergies: allergies, start: start, hemisphere: hemisphere, horizon: horizon)
    }

    /// The first region given, if any (the only one of a one-region request).
    package var region: Region? { regions.first?.region }

    /// True when the request names `region` among its regions.
    package func treats(_ region: Region) -> Bool { regions.contains { $0.region == region } }

    /// The last day on which a repeating phase may still place a session.
    package var horizonEnd: CalendarDate { start.adding(horizon) }
}
