import Foundation
import Testing

/// Where the planning rules reach, as an outside clinician review tried them: a product known
/// by another name, a labelled product planned above the jaw line, the plasma rule outside the
/// scalp, an anaesthetic the patient is allergic to, a soy allergy written `soya`.
@Suite("catalog course: rules reach every name and region they should", .serialized)
struct RuleReachTests {
    static let start = ["--start", "2026-01-05"]

    static func lipolysis(_ pc: String, _ dc: String) -> String {
        """
        id: lipo
        name: Lipolysis entry
        ingredients: [{name: "\(pc)", class: lipolytic}, {name: "\(dc)", class: lipolytic}]
        regions: [abdomen]
        indications: [localized-fat]
        techniques: [subcutaneous]
        depth: 6-13 mm
        residence: 1-3 days
        protocol: [{phase: treatment, sessions: 4, interval: 1 week}]
        dosing: {per-point: 0.5 ml, spacing: 1.5 cm}
        sources: [Test source]

        """
    }

    @Test("injection lipolysis under its other names is held to the published limits",
          arguments: [("Polyenylphosphatidylcholine", "Sodium deoxycholate"), ("Phosphatidylcholine", "Sodium desoxycholate")])
    func lipolysisNames(_ pc: String, _ dc: String) throws {
        let catalogue = try makeCatalogue(["lipo.yaml": Self.lipolysis(pc, dc)])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalog(["course", "body", "--concern", "localized-fat", "--region", "abdomen",
                                  "--catalogue", catalogue.path] + Self.start)
        #expect(run.status == 1)
        #expect(run.stderr.contains("  lipo: beyond the published limits of injection lipolysis: 0.5 ml a point (at most 0.3 ml); sessions 1 week apart (at least 4 weeks) [body-lipolysis-limits]\n"), "\(run.stderr)")
    }

    @Test("the labelled deoxycholic acid is left out for a region above the jaw line, and under its older spelling")
    func deoxycholicAboveTheJaw() throws {
        let entry = CourseDoseCommandTests.deoxycholic("Desoxycholic acid", perPoint: "0.2 ml")
            .replacingOccurrences(of: "regions: [submental]", with: "regions: [submental, face]")
            .replacingOccurrences(of: "indications: [double-chin]", with: "indications: [double-chin, laxity]")
        let catalogue = try makeCatalogue(["dca.yaml": entry])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let face = try runCatalog(["course", "face", "--concern", "laxity", "--region", "face", "--catalogue", catalogue.path] + Self.start)
        #expect(face.status == 1)
        #expect(face.stderr.contains("  dca: beyond the deoxycholic acid label: the label is for the fat under the chin only, with no injection above the jaw line ('face' is not submental) [submental-deoxycholic-label]\n"), "\(face.stderr)")
        let chin = try runCatalog(["course", "face", "--concern", "double-chin", "--region", "submental", "--catalogue", catalogue.path] + Self.start)
        #expect(chin.status == 0, "\(chin.stderr)")
        #expect(chin.stdout.contains("[submental-deoxycholic-label]"))
    }

    @Test("the plasma rule knows plasma by its name too, whatever its class", arguments: ["Autologous platelet-rich plasma", "PRP"])
    func plasmaByName(_ name: String) throws {
        let catalogue = try makeCatalogue(["p.yaml": preparation("p").replacingOccurrences(of: "ingredients: [glycerol]",
                                                                                            with: "ingredients: [{name: \(name), class: growth-factor}]")])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalog(["course", "face", "--concern", "dehydration", "--format", "json", "--catalogue", catalogue.path] + Self.start)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("[scalp-plasma-nsaid-hold]\""), "\(run.stdout)")
    }

    @Test("deoxycholic acid without max-per-session and without a surface: the surface the label's 10 ml cover is said")
    func deoxycholicCoverage() throws {
        let catalogue = try makeCatalogue(["dca.yaml": CourseDoseCommandTests.deoxycholic("Deoxycholic acid", perPoint: "0.2 ml")])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalog(["course", "face", "--concern", "double-chin", "--region", "submental", "--format", "json",
                                  "--catalogue", catalogue.path] + Self.start)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"the entry gives no most a session: within the label's 10 ml, one session may cover at most 50 cm² (50 points of 0.2 ml, 1 cm apart) [submental-deoxycholic-label]\""), "\(run.stdout)")
    }

    @Test("the plasma rule holds in the scar plugin too")
    func plasmaOutsideTheScalp() throws {
        let run = try runCatalog(["course", "scar", "--concern", "acne-scars", "--format", "json"] + Self.start)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"preparation\": \"plasma-acne-scars\""))
        #expect(run.stdout.contains("[scalp-plasma-nsaid-hold]\""), "\(run.stdout)")
    }

    @Test("an allergy to the anaesthetic cream's substances rules the cream out", arguments: ["lidocaine", "Prilocaine", "local anaesthetic", "local anesthetic", "lignocaine", "EMLA"])
    func anaestheticAllergy(_ allergy: String) throws {
        let run = try runCatalog(["course", "body", "--concern", "localized-fat", "--region", "abdomen:400cm2",
                                  "--region", "flanks:300cm2", "--allergy", allergy, "--format", "json"] + Self.start)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"the treated surface (700 cm²) is more than lidocaine-prilocaine cream may cover in an adult (600 cm², at most 60 g), and the allergy '\(allergy)' rules the cream out: plan another anaesthesia [body-anaesthetic-surface]\""), "\(run.stdout)")
        #expect(!run.stdout.contains("numb the regions in turns"))
    }

    @Test("a soy allergy written 'soya' or 'soybean' leaves out the soy lecithin's phosphatidylcholine", arguments: ["soya", "soybean"])
    func soya(_ allergy: String) throws {
        let run = try runCatalog(["course", "body", "--concern", "localized-fat", "--region", "abdomen", "--allergy", allergy,
                                  "--format", "json"] + Self.start)
        #expect(run.status == 0, "\(run.stderr)")
        let course = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(course["preparation"] as? String != "phosphatidylcholine-deoxycholate-lipolysis")
        let excluded = (course["excluded"] as? [[String: Any]] ?? []).compactMap { $0["preparation"] as? String }
        #expect(excluded.contains("phosphatidylcholine-deoxycholate-lipolysis"), "\(run.stdout)")
    }

    static func triamcinolone(_ concentration: String, maximum: String = "") -> String {
        """
        id: tac
        name: Triamcinolone entry
        ingredients: [{name: Triamcinolone acetonide, class: drug\(concentration.isEmpty ? "" : ", concentration: " + concentration)}]
        regions: [back]
        indications: [keloids]
        techniques: [point-by-point]
        depth: 1-4 mm
        residence: 2-4 weeks
        protocol: [{phase: course, sessions: 3, interval: 4-6 weeks}]
        dosing: {per-point: 0.1 ml, spacing: 1 cm\(maximum.isEmpty ? "" : ", max-per-session: " + maximum)}
        sources: [Test source]

        """
    }

    @Test("intralesional corticosteroid: beyond 80 mg a session left out, a concentration in % read, none given asks to check by hand",
          arguments: [("40 mg/ml", "3 ml", "  tac: beyond the published limits of intralesional corticosteroid: 120 mg a session (3 ml at 40 mg/ml; at most 80 mg) [scar-corticosteroid-limits]\n"),
                      ("4%", "3 ml", "  tac: beyond the published limits of intralesional corticosteroid: 120 mg a session (3 ml at 40 mg/ml; at most 80 mg) [scar-corticosteroid-limits]\n"),
                      ("", "", "the corticosteroid's concentration is not given in mg/ml or %: check by hand that the dose stays within 20 mg/cm² and 80 mg a session [scar-corticosteroid-limits]")])
    func corticosteroid(_ concentration: String, _ maximum: String, _ expected: String) throws {
        let catalogue = try makeCatalogue(["tac.yaml": Self.triamcinolone(concentration, maximum: maximum)])
        defer { try? FileManager.default.removeItem(at: catalogue) }
        let run = try runCatalog(["course", "scar", "--concern", "keloids", "--region", "back", "--format", "json",
                                  "--catalogue", catalogue.path] + Self.start)
        if maximum.isEmpty {
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("\"" + expected + "\""), "\(run.stdout)")
        } else {
            #expect(run.status == 1)
            #expect(run.stderr.contains(expected), "\(run.stderr)")
        }
    }
}
