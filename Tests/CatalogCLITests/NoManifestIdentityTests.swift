import Foundation
import Testing

/// A catalogue folder without `catalogue.yaml`: a clinic's changed copy of a bundled preparation.
let noManifestFixture = packageRoot.appendingPathComponent("Tests/CatalogCLITests/Fixtures/no-manifest").path

/// A catalogue without a manifest takes the bundled vocabulary, not the bundled catalogue's
/// name and version: its outputs say what a manifest without `name` and `version` says, so
/// that changed content is never exported under the bundled catalogue's version.
@Suite("A catalogue without a manifest has no name and no version", .serialized)
struct NoManifestIdentityTests {
    static let course = ["course", "face", "--concern", "dehydration", "--start", "2026-01-05"]

    @Test("course table: 'Catalogue: a catalogue without name'")
    func table() throws {
        let run = try runCatalog(Self.course + ["--catalogue", noManifestFixture])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("""
            Course: Clinic copy of the skin booster (copied-booster)
            Plugin: face; concern: dehydration (Dehydrated skin that feels tight and looks flat)
            Region: any region of the face plugin (the preparation's: face, neck)
            Technique: micropapules (also listed: point-by-point)
            Depth: 1-2 mm
            Dosing: 0.01-0.05 ml a point, points 0.5-1 cm apart
            Evidence: trial (published clinical trials)
            Catalogue: a catalogue without name
            Start: 2026-01-05; hemisphere: north; horizon: 12 months (until 2027-01-05)

            """), "\(run.stdout)")
    }

    @Test("course json: catalogue name and version null")
    func json() throws {
        let run = try runCatalog(Self.course + ["--catalogue", noManifestFixture, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("""
              "name": "Clinic copy of the skin booster",
              "catalogue": {
                "name": null,
                "version": null
              },

            """), "\(run.stdout)")
    }

    @Test("course fhir: the PlanDefinition instantiated without a version")
    func courseFHIR() throws {
        let run = try runCatalog(Self.course + ["--catalogue", noManifestFixture, "--format", "fhir"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("""
                    "instantiatesCanonical": [
                      "http://mesotherapy-catalogue.example.org/fhir/PlanDefinition/copied-booster"
                    ],

            """), "\(run.stdout)")
        #expect(!run.stdout.contains("2026.11"))
    }

    @Test("show fhir: no version and no publisher")
    func showFHIR() throws {
        let run = try runCatalog(["show", "copied-booster", "--catalogue", noManifestFixture, "--format", "fhir"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("""
                    "resourceType": "PlanDefinition",
                    "id": "copied-booster",
                    "url": "http://mesotherapy-catalogue.example.org/fhir/PlanDefinition/copied-booster",
                    "name": "CopiedBooster",

            """), "\(run.stdout)")
        #expect(run.stdout.contains("""
                    "url": "http://mesotherapy-catalogue.example.org/fhir/ActivityDefinition/copied-booster",
                    "name": "CopiedBooster",

            """), "\(run.stdout)")
        #expect(!run.stdout.contains("\"version\""))
        #expect(!run.stdout.contains("\"publisher\""))
    }

    @Test("the bundled catalogue keeps its name and version")
    func bundled() throws {
        let run = try runCatalog(["show", "lightly-crosslinked-ha-booster", "--format", "fhir"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("""
                    "url": "http://mesotherapy-catalogue.example.org/fhir/PlanDefinition/lightly-crosslinked-ha-booster",
                    "version": "2026.11",

            """), "\(run.stdout)")
        #expect(run.stdout.contains("        \"publisher\": \"Bundled catalogue\",\n"))
    }

    @Test("layered over bundled, a last layer without a manifest leaves the merged catalogue without name and version")
    func lastLayerWithoutManifest() throws {
        let run = try runCatalog(Self.course + ["--catalogue", "bundled", "--catalogue", noManifestFixture])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\nCatalogue: a catalogue without name\nLayer: "), "\(run.stdout)")
        let json = try runCatalog(Self.course + ["--catalogue", "bundled", "--catalogue", noManifestFixture, "--format", "json"])
        #expect(json.stdout.contains("""
              "catalogue": {
                "name": null,
                "version": null
              },

            """), "\(json.stdout)")
    }
}
