import Foundation
import Testing

/// Golden-file comparison: `RECORD_SNAPSHOTS=1 swift test` rewrites the files and fails, so a
/// recording run can never pass by accident; a mismatch shows the first differing lines.
enum Snapshot {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the committed file at `path` (absolute).
    static func assertMatches(_ actual: String, file path: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if recording {
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            Issue.record("recorded \(path); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        // Bytes, not `String(contentsOfFile:)`, which drops a byte-order mark (CSV goldens have one).
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("no golden file \(path); run with RECORD_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
            return
        }
        guard data != Data(actual.utf8) else { return }
        let expected = String(decoding: data, as: UTF8.self)
        Issue.record("\(path) is out of date (RECORD_SNAPSHOTS=1 rewrites it):\n\(diff(expected, actual))", sourceLocation: sourceLocation)
    }

    /// The first few differing lines, `-` expected and `+` actual.
    static func diff(_ a: String, _ b: String) -> String {
        let x = a.components(separatedBy: "\n"), y = b.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(x.count, y.count) where out.count < 12 {
            let l = i < x.count ? x[i] : nil, r = i < y.count ? y[i] : nil
            if l != r {
                if let l { out.append("\(i + 1) - \(l)") }
                if let r { out.append("\(i + 1) + \(r)") }
            }
        }
        return out.joined(separator: "\n")
    }
}
