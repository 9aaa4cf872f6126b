// Fuzz target `pack`: pack loading (reading, validating every pack file, compiling every
// expression and template, building tables and the calendar).
//
// The input's first byte picks one file of a copy of the default pack (in a temporary folder made
// once); the rest of the input replaces that file's content, the pack is loaded, and the original
// content is put back. A pack that loads is then evaluated on one sample dossier.

@testable import DossierKit

#if canImport(Glibc)
import Glibc
#endif
import Foundation

private let fuzzPackFiles = [
    "pack.json", "calendar.json", "definitions.json", "parameters.json",
    "rules/certificates.json", "rules/procedure.json", "rules/publicity.json", "rules/recording.json", "rules/review.json",
    "tables/discretion-bands.json", "tables/enforcement-matters.json", "tables/required-documents.json",
]

nonisolated(unsafe) private var fuzzPackCopy: (directory: String, originals: [[UInt8]])?

private func fuzzPackSetUp() -> (directory: String, originals: [[UInt8]]) {
    if let fuzzPackCopy { return fuzzPackCopy }
    let source = getenv("FUZZ_PACK").map { String(cString: $0) } ?? "Rules/jining-archives"
    let directory = NSTemporaryDirectory() + "dossier-fuzz-pack-\(getpid())"
    try? FileManager.default.removeItem(atPath: directory)
    for sub in ["rules", "tables"] {
        try! FileManager.default.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
    }
    var originals: [[UInt8]] = []
    for name in fuzzPackFiles {
        guard case .success(let bytes) = FileIO.read(source + "/" + name) else { fatalError("fuzz set-up: cannot read \(source)/\(name)") }
        originals.append(bytes)
        guard case .success = FileIO.writeAtomically(bytes, to: directory + "/" + name) else { fatalError("fuzz set-up: cannot write \(directory)") }
    }
    atexit { if let copy = fuzzPackCopy { try? FileManager.default.removeItem(atPath: copy.directory) } }
    fuzzPackCopy = (directory, originals)
    return (directory, originals)
}

private let fuzzPackDossier = SourceFile(path: "fuzz.json", text: """
{"format": "dossier/1", "id": "济档罚〔2024〕1号", "category": "penalty", "procedure": "ordinary"}
""")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let copy = fuzzPackSetUp()
    let index = Int(data[0]) % fuzzPackFiles.count
    let path = copy.directory + "/" + fuzzPackFiles[index]
    let content = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    guard case .success = FileIO.writeAtomically(content, to: path) else { fatalError("cannot write \(path)") }
    defer { _ = FileIO.writeAtomically(copy.originals[index], to: path) }
    do {
        let pack = try RulePack.load(from: copy.directory)
        _ = CheckRunner.check(files: [fuzzPackDossier], pack: pack, registry: nil, options: CheckOptions(jobs: 1))
    } catch {
        for d in error.diagnostics where d.message.isEmpty { fatalError("empty diagnostic at \(d.location)") }
    }
    return 0
}
