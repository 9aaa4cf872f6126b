import Foundation
import Testing
@testable import DossierKit

/// Listing input folders: the order of the files is the order of the report.
@Suite struct FileIOTests {
    @Test func pathsAreSortedByTheirBytes() {
        // Pieces that order differently by bytes, by Unicode scalars and by `String.<`: a proper
        // prefix, "/" against "-" and ".", precomposed and decomposed é, U+00FF (C3 BF) against
        // U+0100 (C4 80), Chinese, an emoji, digits ("d10" before "d2").
        let parts = ["a", "b", "A", "a0", "a/", "a.json", "a-", "é", "e\u{301}", "\u{FF}", "\u{100}", "键", "😀", "", "/",
                     "d1", "d10", "d2", "/tmp/folder/"]
        var state: UInt64 = 7
        func below(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        for _ in 0..<300 {
            let paths = (0..<below(40)).map { _ in (0..<below(5)).map { _ in parts[below(parts.count)] }.joined() }
            // Compared as bytes: `String.==` would accept é spelled either way in either place.
            #expect(FileIO.sortedByBytes(paths).map { Array($0.utf8) }
                    == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { Array($0.utf8) })
        }
    }

    /// Reading grows its buffer when the size hint is short (standard input) and keeps every byte;
    /// the limit still applies.
    @Test func readingGrowsPastTheHintAndKeepsTheLimit() throws {
        let path = NSTemporaryDirectory() + "fileio-read-\(getpid()).bin"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = (0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let fd = open(path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(FileIO.readAll(fd, path: path, sizeHint: 0, limit: .max) == .success(bytes))
        #expect(lseek(fd, 0, SEEK_SET) == 0)
        guard case .failure(let failure) = FileIO.readAll(fd, path: path, sizeHint: 0, limit: 10_000) else {
            Issue.record("read past the limit")
            return
        }
        #expect(failure.message.contains("limit of 10000 bytes"))
    }

    @Test func filesUnderAFolderComeInByteOrder() throws {
        let folder = NSTemporaryDirectory() + "fileio-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["d2.json", "d10.json", "sub/a.json", "sub-x.json", "Z.json", "é.json", "e\u{301}x.json", ".hidden.json", "notes.txt"] {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            #expect(FileManager.default.createFile(atPath: path, contents: Data("{}".utf8)))
        }
        let names = FileIO.files(under: folder, suffix: ".json").map { String($0.dropFirst(folder.count + 1)) }
        #expect(names.map { Array($0.utf8) } == ["Z.json", "d10.json", "d2.json", "e\u{301}x.json", "sub-x.json", "sub/a.json", "é.json"].map { Array($0.utf8) })
    }
}
