#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Receipt {
    /// The receipt as reports write it:
    /// `{inputs: [{bytes, path, sha256}], options: {…}, pack: {directory, files, id, sha256, version}, time, tool: {name, version}}`.
    public var json: JSONOutput {
        func file(_ i: Input) -> JSONOutput { .object(["path": .string(i.path), "sha256": .string(i.sha256), "bytes": .int(i.bytes)]) }
        return .object([
            "tool": .object(["name": .string(toolName), "version": .string(toolVersion)]),
            "pack": .object([
                "id": .string(pack.id), "version": .string(pack.version), "sha256": .string(pack.sha256),
                "directory": .string(packDirectory), "files": .array(pack.files.map(file)),
            ]),
            "inputs": .array(inputs.map(file)),
            "options": .object(options.mapValues { .string($0) }),
            "time": .string(time),
        ])
    }

    /// Reads the receipt of a JSON report (`receipt`) or a SARIF log (`runs[0].invocations[0].properties.receipt`).
    public static func read(report file: SourceFile) -> Result<Receipt, ReceiptError> {
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(file, limits: JSONLimits(maxBytes: Int(Int32.max) - 1))
        } catch {
            return .failure(ReceiptError(message: "not JSON: \(error.message)"))
        }
        let root = document.root
        let value = root["receipt"] ?? root["runs"]?[0]?["invocations"]?[0]?["properties"]?["receipt"]
        guard let r = value, r.kind == .object else {
            return .failure(ReceiptError(message: "no receipt in this report (JSON: 'receipt'; SARIF: runs[0].invocations[0].properties.receipt)"))
        }
        func inputs(_ v: JSONValue?) -> [Input]? {
            guard let v, v.kind == .array else { return nil }
            var out: [Input] = []
            for e in v.elements {
                guard let path = e["path"]?.string, let sha = e["sha256"]?.string, let bytes = e["bytes"]?.numberText.flatMap({ Int($0) })
                else { return nil }
                out.append(Input(path: path, sha256: sha, bytes: bytes))
            }
            return out
        }
        guard let tool = r["tool"], let name = tool["name"]?.string, let version = tool["version"]?.string,
            let p = r["pack"], let id = p["id"]?.string, let packVersion = p["version"]?.string, let sha = p["sha256"]?.string,
            let directory = p["directory"]?.string, let files = inputs(p["files"]), let ins = inputs(r["inputs"]),
            let time = r["time"]?.string
        else {
            return .failure(ReceiptError(message: "the receipt is incomplete: it needs tool, pack {id, version, sha256, directory, files}, inputs and time"))
        }
        var options: [String: String] = [:]
        for m in r["options"]?.members.map({ $0 }) ?? [] { options[m.key] = m.value.string ?? "" }
        let info = PackInfo(id: id, version: packVersion, sha256: sha, title: LocalizedText(id), files: files)
        return .success(Receipt(toolName: name, toolVersion: version, pack: info, packDirectory: directory, inputs: ins,
                                options: options, time: time))
    }
}

/// A report whose receipt could not be read.
public struct ReceiptError: Error, Sendable {
    public let message: String
}

/// What `dossier verify` found: each input and pack file the same, changed, missing, or extra.
public struct Verification: Sendable {
    /// How one file compares with the receipt.
    public enum Status: String, Sendable {
        case same, changed, missing, extra
    }

    /// One file: its path, status, and the digests (receipt's, then the file's now).
    public struct Entry: Sendable {
        public let path: String
        public let status: Status
        public let expected: String?
        public let actual: String?
    }

    public var inputs: [Entry] = []
    public var packFiles: [Entry] = []
    /// Whether the pack's overall digest, recomputed from its files, is the receipt's.
    public var packMatches = true
    public var receipt: Receipt

    /// Whether everything is as the receipt says.
    public var matches: Bool {
        packMatches && (inputs + packFiles).allSatisfy { $0.status == .same }
    }

    /// Recomputes the digests of the receipt's inputs (or, given `paths`, of those files, matched
    /// to the receipt by path; a file the receipt does not list is extra) and of the pack's files
    /// under `packDirectory` (default: the receipt's). Files are hashed in 1 MiB chunks.
    public static func verify(_ receipt: Receipt, paths: [String] = [], packDirectory: String? = nil) -> Verification {
        var v = Verification(receipt: receipt)
        let listed = Dictionary(receipt.inputs.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        let chosen = paths.isEmpty ? receipt.inputs.map(\.path) : paths.flatMap(expand)
        for path in chosen {
            let expected = listed[path]
            guard let actual = hashFile(path) else {
                v.inputs.append(Entry(path: path, status: .missing, expected: expected?.sha256, actual: nil))
                continue
            }
            guard let expected else {
                v.inputs.append(Entry(path: path, status: .extra, expected: nil, actual: actual.sha256))
                continue
            }
            v.inputs.append(Entry(path: path, status: expected.sha256 == actual.sha256 ? .same : .changed,
                                  expected: expected.sha256, actual: actual.sha256))
        }
        if !paths.isEmpty {
            let given = Set(chosen)
            for i in receipt.inputs where !given.contains(i.path) {
                v.inputs.append(Entry(path: i.path, status: .missing, expected: i.sha256, actual: nil))
            }
        }
        let folder = packDirectory ?? receipt.packDirectory
        var contents: [(path: String, bytes: [UInt8])] = []
        for f in receipt.pack.files {
            let full = folder.hasSuffix("/") ? folder + f.path : folder + "/" + f.path
            guard case .success(let bytes) = FileIO.read(full) else {
                v.packFiles.append(Entry(path: full, status: .missing, expected: f.sha256, actual: nil))
                v.packMatches = false
                continue
            }
            let sha = SHA256.hex(bytes)
            v.packFiles.append(Entry(path: full, status: sha == f.sha256 ? .same : .changed, expected: f.sha256, actual: sha))
            contents.append((f.path, bytes))
        }
        if v.packMatches { v.packMatches = PackLoader.digest(contents) == receipt.pack.sha256 }
        return v
    }

    /// A path given to `verify`: a folder stands for its `*.json` and `*.jsonl` files.
    private static func expand(_ path: String) -> [String] {
        guard FileIO.isDirectory(path) else { return [path] }
        let root = path.hasSuffix("/") ? path : path + "/"
        return FileIO.sortedByBytes(FileIO.files(under: path, suffix: ".json").filter { $0 != root + "officers.json" }
            + FileIO.files(under: path, suffix: ".jsonl"))
    }

    /// The digest of a file read in 1 MiB chunks, or `nil` when it cannot be read.
    static func hashFile(_ path: String) -> Receipt.Input? {
        guard !FileIO.isDirectory(path) else { return nil }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var digest = StreamDigest()
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let n = read(fd, buffer, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            digest.update(UnsafeRawBufferPointer(start: buffer, count: n))
        }
        return digest.finish(path: path)
    }
}
