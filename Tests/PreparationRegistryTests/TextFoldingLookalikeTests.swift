@testable import PreparationRegistry
import Testing

/// Cyrillic and Greek letters that look like Latin ones fold to them: an outside review hid
/// lidocaine from an allergy to it behind one Cyrillic `о`, typed in the catalogue or in the
/// allergy.
@Suite struct TextFoldingLookalikeTests {
    @Test func mixedScriptWordsFoldToTheirLatinLook() {
        #expect(TextFolding.fold("Lid\u{43E}caine") == "lidocaine")
        #expect(TextFolding.fold("\u{420}\u{420}\u{421}") == "ppc")  // Cyrillic capitals Р Р С
        #expect(TextFolding.fold("Hy\u{3B1}luronic \u{3B1}cid") == "hyaluronic acid")  // Greek α
        #expect(TextFolding.fold("Gl\u{443}cerol") == "glycerol")
        // A Roman numeral, IPA and small-capital letters (an outside review's second round).
        #expect(TextFolding.fold("Lido\u{217D}aine") == "lidocaine")
        #expect(TextFolding.fold("Lidoc\u{251}ine \u{1D00}cid") == "lidocaine acid")
    }

    @Test func screeningSeesThroughThem() {
        let lidocaine = Ingredient(name: "Lid\u{43E}caine")
        #expect(IngredientTerm("lidocaine").matches(lidocaine))
        #expect(IngredientTerm("Lid\u{43E}caine").matches(Ingredient(name: "Lidocaine hydrochloride")))
    }

    @Test func wordsOfOtherScriptsStillMeetThemselves() {
        // Both sides fold alike: a search in Cyrillic finds its word.
        #expect(TextFolding.fold("Лидокаин") == TextFolding.fold("лидокаин"))
        #expect(IngredientTerm("лидокаин").matches(Ingredient(name: "Лидокаин")))
        #expect(TextFolding.fold("日本") == "日本")
    }
}
