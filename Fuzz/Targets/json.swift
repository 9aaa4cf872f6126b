// Fuzz target `json`: the JSON reader, JSON Pointer lookups and JSON Lines splitting.
//
// Built by scripts/fuzz.sh against the instrumented library. Invariants checked beyond "no
// crash": errors point inside the input; the pointer of every top-level member finds a value.

@testable import DossierKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let file = SourceFile(path: "fuzz.json", bytes: bytes)
    do {
        let document = try JSONDocument.parse(file, limits: JSONLimits(maxBytes: 1 << 20, maxDepth: 64))
        let root = document.root
        var pointers: [String] = [""]
        if root.kind == .object {
            for member in root.members.prefix(8) {
                // Escaped scalar by scalar: Foundation's `replacingOccurrences` compares
                // `Character`s and misses a "/" followed by a combining mark.
                var token = ""
                for scalar in member.key.unicodeScalars {
                    switch scalar {
                    case "~": token += "~0"
                    case "/": token += "~1"
                    default: token.unicodeScalars.append(scalar)
                    }
                }
                pointers.append("/" + token)
                if member.value.pointer != "/" + token { fatalError("pointer \(member.value.pointer.debugDescription) for key \(member.key.debugDescription)") }
            }
        }
        for p in pointers {
            guard let found = root.value(atPointer: p) else { fatalError("pointer \(p.debugDescription) of a member not found") }
            _ = found.byteRange
        }
        _ = LineTable(file).location(ofOffset: max(0, bytes.count - 1))
    } catch {
        if error.offset < 0 || error.offset > bytes.count { fatalError("error offset \(error.offset) outside 0...\(bytes.count)") }
        _ = error.formatted(in: LineTable(file))
    }
    for record in JSONLines.records(in: bytes).prefix(4) {
        _ = try? JSONDocument.parse(SourceFile(path: "fuzz.jsonl", bytes: Array(bytes[record.range]), firstLine: record.line))
    }
    return 0
}
