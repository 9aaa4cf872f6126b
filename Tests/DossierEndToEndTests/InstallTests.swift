import Foundation
import Testing

/// `scripts/install.sh PREFIX` puts the binary and the default pack where the binary finds it,
/// whatever the current folder (the already built debug binary stands in for a release build).
@Suite struct InstallTests {
    @Test func theInstalledBinaryFindsItsPackFromAnyFolder() throws {
        let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-install-\(getpid())").path
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-elsewhere-\(getpid())").path
        defer {
            try? FileManager.default.removeItem(atPath: prefix)
            try? FileManager.default.removeItem(atPath: elsewhere)
        }
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let install = try Binary.runShell("DOSSIER_BINARY='\(Binary.path)' scripts/install.sh '\(prefix)'")
        #expect(install.status == 0, "\(install.stderr)")
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/dossier/Rules/jining-archives/pack.json"))
        let sample = Binary.root.appendingPathComponent("Samples/dossiers/21-late-publication-national-day-2023.json").path
        let officers = Binary.root.appendingPathComponent("Samples/officers.json").path
        let run = try Binary.runShell("cd '\(elsewhere)' && '\(prefix)/bin/dossier' check '\(sample)' --officers '\(officers)' --print-config | head -n 1; "
            + "cd '\(elsewhere)' && PATH='\(prefix)/bin':$PATH dossier calendar add 2023-09-27 7 workdays")
        #expect(run.stdout == "pack = \(prefix)/share/dossier/Rules/jining-archives  (default)\n2023-10-12\n", "\(run.stderr)")
        let check = try Binary.runShell("cd '\(elsewhere)' && '\(prefix)/bin/dossier' check '\(sample)' --officers '\(officers)'")
        #expect(check.status == 1)
        #expect(check.stdout.contains("error[PUB-01]"))
        // The installed pack's self-tests find the samples they name.
        let selfTests = try Binary.runShell("cd '\(elsewhere)' && '\(prefix)/bin/dossier' rules test")
        #expect(selfTests.status == 0, "\(selfTests.stdout)")
        #expect(selfTests.stdout.hasSuffix(" passed, 0 failed\n"))
    }
}
