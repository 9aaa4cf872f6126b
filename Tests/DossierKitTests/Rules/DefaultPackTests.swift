import Foundation
import Testing

@testable import DossierKit

/// Default pack discovery takes the environment value, folder and executable as parameters: the
/// library reads no environment variable and no argv.
@Suite struct DefaultPackTests {
    @Test func discoveryUsesOnlyItsParameters() {
        let root = TestSupport.path("")
        #expect(RulePack.defaultDirectory(environmentValue: "/custom/pack", currentDirectory: "/nowhere", executable: "") == "/custom/pack")
        #expect(RulePack.defaultDirectory(environmentValue: "", currentDirectory: root, executable: "") == "Rules/jining-archives")
        #expect(RulePack.defaultDirectory(environmentValue: nil, currentDirectory: "/nowhere", executable: root + "/.build/debug/dossier")?
            .hasSuffix("Rules/jining-archives") == true)
        #expect(RulePack.defaultDirectory(environmentValue: nil, currentDirectory: "/nowhere", executable: "/nowhere/bin/dossier") == nil)
    }
}
