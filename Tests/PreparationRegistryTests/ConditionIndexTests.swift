import PreparationRegistry
import Testing

/// The lint rule `ingredient-condition-not-listed` on a vocabulary of many conditions that name
/// ingredients checks each preparation only against the conditions its ingredients' words lead
/// to (an outside review measured 86 s for 20,000 conditions and 1,000 preparations checked one
/// by one): the warnings must be those of the one-by-one check.
@Suite struct ConditionIndexTests {
    @Test func manyConditionsWarnAsFewDo() throws {
        func manifest(fillers: Int) -> String {
            var text = "vocabulary:\n  indications:\n    dehydration: Dehydration\n  conditions:\n"
            for index in 0..<fillers { text += "    filler-\(index): {description: Filler, ingredients: [zinc \(index)]}\n" }
            text += "    ha-hypersensitivity: {description: HA, ingredients: [hyaluronic acid]}\n"
            text += "    soy-allergy: {description: Soy, ingredients: [soy lecithin, peanut]}\n"
            return text
        }
        let files = [
            "a.yaml": preparationText("a", extra: "ingredients: [Non-crosslinked hyaluronic acid, Acid hyaluronic]\n"),
            "b.yaml": preparationText("b", extra: "ingredients: [{name: Phosphatidylcholine (from soy lecithin), class: lipolytic}]"),
            "c.yaml": preparationText("c", extra: "ingredients: [Lecithin of soy]\ncontraindications: [soy-allergy]"),
            "d.yaml": preparationText("d", extra: "ingredients: [Glycerol]"),
        ].mapValues { $0.replacingOccurrences(of: "ingredients: [glycerol]\n", with: "") }
        var found: [[String]] = []
        for fillers in [2, 60] {  // one by one, then through the index
            let catalogue = try TemporaryCatalogue(manifest: manifest(fillers: fillers), files: files)
            defer { catalogue.remove() }
            let result = catalogue.load()
            #expect(errors(result).isEmpty, "\(errors(result))")
            found.append(warnings(result).map { "\($0.location.file.split(separator: "/").last ?? ""): \($0.message)" })
        }
        #expect(found[0] == found[1])
        #expect(found[0].count == 2, "\(found[0])")
    }
}
