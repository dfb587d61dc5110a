import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Exporters
import PreparationRegistry

/// The output format of `course`.
enum CourseFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, ics, fhir
}

extension CourseFHIR.Options.BundleType: ExpressibleByArgument {}

extension Hemisphere: ExpressibleByArgument {
    /// `north` or `south`, in any case (`--hemisphere South`).
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}

/// `catalog course AREA --concern INDICATION ...`: plans a course with an area plugin.
struct CourseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "course",
        abstract: "Plan a course: a preparation, its technique and depth, and dated sessions.",
        discussion: """
            AREA names a plugin (see `catalog plugins`): face, scalp, body or scar. The first \
            session falls on --start (default: today in the local time zone, TZ; when \
            SOURCE_DATE_EPOCH is set, the day of that moment there); each later one on the \
            first day its phase's interval allows, with the window it may move in. Exit status: 0 with a \
            course, 1 when no preparation qualifies (every candidate is listed with its \
            reasons) or the catalogue is invalid, 2 when a word of the request is unknown.

            Nothing this tool prints is medical advice: a practitioner decides.
            """
    )

    @OptionGroup var options: CatalogueOptions

    @Argument(help: ArgumentHelp("The area plugin: face, scalp, body or scar.", valueName: "area"),
              completion: Completions.areas)
    var area: String

    @Option(help: ArgumentHelp("The indication to treat (a slug of the vocabulary).", valueName: "indication"),
            completion: Completions.concerns)
    var concern: String

    @Option(help: ArgumentHelp(
        "A region to treat, with its surface for a dose (300cm2, 300 cm², 15x20cm); repeat for regions treated together (required by the body plugin).",
        valueName: "region[:surface]"),
        completion: Completions.courseRegions)
    var region: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("The patient's conditions (vocabulary slugs).", valueName: "slug"),
            completion: Completions.conditions)
    var condition: [String] = []

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Ingredient names or classes the patient is allergic to.", valueName: "name-or-class"),
            completion: Completions.ingredients)
    var allergy: [String] = []

    @Option(help: ArgumentHelp("The day of the first session, YYYY-MM-DD (default: today, in the local time zone).", valueName: "date"))
    var start: String?

    @Option(help: "The patient's hemisphere, for seasons: north or south.")
    var hemisphere: Hemisphere = .north

    // Unconditional: `--horizon "-1 month"` is a value to refuse with a reason, not a missing one.
    @Option(parsing: .unconditional,
            help: ArgumentHelp("How far ahead repeating phases are planned (default: 12 months).", valueName: "duration"))
    var horizon: String?

    @Option(help: "Output format: table, json, ics or fhir.")
    var format: CourseFormat = .table

    @Flag(help: "List every candidate left out with its reasons, not only those that treat the concern (table).")
    var explain = false

    @Option(help: ArgumentHelp("The patient, as a FHIR reference (Patient/123): fills the FHIR subject and enters every identifier of the fhir and ics outputs.", valueName: "reference"))
    var patient: String?

    @Option(help: "The FHIR Bundle's type: collection (default) or transaction (to post to a server).")
    var bundle: CourseFHIR.Options.BundleType?


    func run() throws {
        // An option of one format given with another is not dropped without a word (a script
        // may pass the same options to every format, so it is a warning, not an error).
        if bundle != nil, format != .fhir {
            printError("warning: --bundle is for --format fhir (the format is \(format.rawValue)): it is ignored")
        }
        if let epoch = CommandContext.environment["SOURCE_DATE_EPOCH"], Self.epochSeconds(epoch) == nil {
            printError("warning: SOURCE_DATE_EPOCH '\(epoch)' is not a whole number of seconds from 0 to 253402300799 (9999-12-31): the clock is used")
        }
        if let patient, CourseFHIR.patientReference(patient) == nil {
            throw fail("--patient '\(patient)' is not a FHIR reference to a patient: write Patient/ID (an id of 1-64 letters, digits, '-' and '.'), an http(s) URL ending in /Patient/ID, or urn:uuid: and a UUID", code: 2)
        }
        // In a transaction a urn:uuid reference must name an entry of the Bundle (FHIR R4,
        // Bundle: "resolving references in bundles"), and the course's Bundle holds no Patient:
        // a server refuses the whole transaction (an outside review: HAPI-0541).
        if let patient, format == .fhir, bundle == .transaction, patient.lowercased().hasPrefix("urn:uuid:") {
            throw fail("--patient '\(patient)' is a urn:uuid reference, which a transaction Bundle must hold as an entry, and the course's Bundle holds no Patient: name the patient as the server knows it (Patient/ID or its URL), or use --bundle collection", code: 2)
        }
        let startDate: CalendarDate
        if let start {
            guard let date = CalendarDate(start) else { throw fail(Self.startError(start), code: 2) }
            startDate = date
        } else {
            startDate = Self.today()
        }
        var horizonValue = CourseRequest.defaultHorizon
        if let horizon {
            guard let value = Quantity<DurationUnit>.parseDuration(horizon, yearsAllowed: true) else {
                throw fail("--horizon '\(horizon)' is not a duration such as '12 months', '26 weeks' or '90 days' (units: minute, hour, day, week, month, year)", code: 2)
            }
            // The calendar holds years 0001-9999: a longer horizon is a typing slip (and its
            // figure would print as `inf days` or `1.2e+24 months`).
            guard value.value.isFinite, value <= Quantity(10_000 * 12, .month) else {
                throw fail("--horizon '\(horizon)' is longer than the calendar holds: give at most 10000 years", code: 2)
            }
            horizonValue = value
        }
        let host = try StandardPlugins.host()
        let outcome: CourseOutcome
        do {
            let plugin = try host.resolve(area)
            var regions: [TreatedRegion] = []
            for text in region { regions.append(try TreatedRegion.parse(text)) }
            let registry = try options.loadRegistry(work: .planning)
            let request = CourseRequest(concern: concern, regions: regions, conditions: condition, allergies: allergy,
                                        start: startDate, hemisphere: hemisphere, horizon: horizonValue)
            outcome = try plugin.plan(request, using: registry)
            switch outcome {
            case .planned(let course):
                write(course, vocabulary: registry.vocabulary)
            case .refused(let refusal):
                if format == .json { print(CourseJSON.render(refusal)) }
                printError("error: " + refusal.description + "\n" + Course.disclaimer)  // several lines
                throw ExitCode(1)
            }
        } catch let error as CourseRequestError {
            // The request folds its words to lower case; the message quotes the word as typed.
            if var unknown = error.unknownValue,
               let typed = ([concern] + condition).first(where: { $0.lowercased() == unknown.value && $0 != unknown.value }) {
                unknown.value = typed
                throw fail(unknown.description, code: 2)
            }
            throw fail(error.message, code: 2)
        }
    }

    /// Writes `course` in the chosen format to the standard output (the table in pieces as it
    /// is formed, ``CourseTable/write(_:vocabulary:explain:patient:to:)``).
    func write(_ course: Course, vocabulary: Vocabulary) {
        let patient = patient.flatMap(CourseFHIR.patientReference)
        let out = CommandContext.writeOutput
        switch format {
        case .table: CourseTable.write(course, vocabulary: vocabulary, explain: explain, patient: patient, to: out)
        case .json: out(CourseJSON.render(course, patient: patient) + "\n")
        case .ics: out(CourseICS.render(course, stamp: CourseICS.stamp(secondsSinceEpoch: Self.stampSeconds()), patient: patient))
        case .fhir: out(CourseFHIR.render(course, options: CourseFHIR.Options(patient: patient, bundleType: bundle ?? .collection)) + "\n")
        }
    }

    /// The DTSTAMP moment: `SOURCE_DATE_EPOCH` when set (reproducible output), else now.
    static func stampSeconds() -> Int { Int(now().timeIntervalSince1970.rounded(.down)) }

    /// Now: the moment `SOURCE_DATE_EPOCH` names (seconds since 1970, UTC) when it is set to
    /// a whole number from 0 up to the end of year 9999, else the clock's.
    static func now(environment: [String: String] = CommandContext.environment) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = epochSeconds(text) {
            return Date(timeIntervalSince1970: Double(seconds))
        }
        return Date()
    }

    /// The seconds `SOURCE_DATE_EPOCH` names: a whole number from 0 to the end of year 9999;
    /// nil for anything else (`run` warns of it, and the clock is used).
    static func epochSeconds(_ text: String) -> Int? {
        Int(text).flatMap { (0...253_402_300_799).contains($0) ? $0 : nil }
    }

    /// The default start: the day ``now(environment:)`` falls on in the local time zone (the
    /// `TZ` variable, else the system's), which is the clinic's "today"; UTC when the zone is
    /// unknown.
    static func today() -> CalendarDate {
        let moment = Int(now().timeIntervalSince1970.rounded(.down))
        let seconds = moment + offsetFromUTC(at: moment)
        return CalendarDate(daysSinceEpoch: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
    }

    /// The local time zone's offset from UTC in seconds at `moment` (seconds since 1970), as
    /// the C library reads `TZ` (FoundationEssentials' `TimeZone.current` knows no zone but
    /// UTC without all of Foundation); 0 when it cannot say.
    private static func offsetFromUTC(at moment: Int) -> Int {
        tzset()
        var time = time_t(moment)
        var parts = tm()
        guard localtime_r(&time, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }

    /// Why `text` is not a start date: not of the form `YYYY-MM-DD`, or a day the calendar does
    /// not have.
    static func startError(_ text: String) -> String {
        "--start '\(text)' " + (CalendarDate.problem(reading: text) ?? "is not a date of the form YYYY-MM-DD")
    }

    /// Prints `error: message` to standard error, on one line, and gives the exit code to throw.
    func fail(_ message: String, code: Int32) -> ExitCode {
        printErrorLine("error: \(message)")
        return ExitCode(code)
    }
}
