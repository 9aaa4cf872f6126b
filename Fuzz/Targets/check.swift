// Fuzz target `check`: the whole check of one dossier (parse, validate, evaluate every rule of
// the default pack with the sample registry, locate findings), as `dossier check` does per file.
//
// The pack is `$FUZZ_PACK` or `Rules/jining-archives` under the current folder (scripts/fuzz.sh
// runs from the repository root); the registry is `Samples/officers.json` when present.

@testable import DossierKit

#if canImport(Glibc)
import Glibc
#endif

nonisolated(unsafe) private var fuzzPack: RulePack?
nonisolated(unsafe) private var fuzzRegistry: OfficerRegistry?

private func fuzzSetUp() -> RulePack {
    if let fuzzPack { return fuzzPack }
    let directory = getenv("FUZZ_PACK").map { String(cString: $0) } ?? "Rules/jining-archives"
    do {
        let pack = try RulePack.load(from: directory)
        fuzzPack = pack
        if case .success(let r) = OfficerRegistry.load(path: "Samples/officers.json", format: pack.format) { fuzzRegistry = r }
        return pack
    } catch {
        fatalError("fuzz set-up: cannot load the pack \(directory): \(error.diagnostics.first?.message ?? "?")")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let pack = fuzzSetUp()
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = SourceFile(path: "fuzz.json", bytes: bytes)
    for strict in [false, true] {
        let options = CheckOptions(strict: strict, jobs: 1)
        guard let result = CheckRunner.check(files: [file], pack: pack, registry: fuzzRegistry, options: options).first else {
            fatalError("no result for one dossier")
        }
        for e in result.errors + result.warnings where e.location.offset < 0 || e.location.offset > bytes.count {
            fatalError("error offset \(e.location.offset) outside 0...\(bytes.count): \(e.message)")
        }
        for f in result.findings where f.location.line < 1 {
            fatalError("finding \(f.rule) without a line")
        }
        // The check parses without the duplicate-key check and proves keys distinct as it
        // validates: what the strict parse rejects must never be evaluated.
        do {
            _ = try JSONDocument.parse(file)
        } catch {
            if result.evaluated { fatalError("evaluated a dossier the strict parse rejects: \(error.message)") }
        }
    }
    return 0
}
