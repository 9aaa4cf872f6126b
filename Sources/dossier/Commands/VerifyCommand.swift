import DossierKit

/// `dossier verify`: are the inputs and the pack a report was made from still the same?
enum VerifyCommand: Command {
    static let spec = CommandSpec(
        name: "verify", summary: .helpVerifySummary,
        arguments: [ArgumentSpec(name: "REPORT"), ArgumentSpec(name: "PATH…", required: false, repeats: true)],
        options: [OptionSpec(name: "pack", value: "DIR", help: .optionVerifyPack), .lang],
        discussion: .helpVerifyDiscussion)

    static func run(_ arguments: ParsedArguments, console: Console) throws(UsageError) -> Int32 {
        guard let reportPath = arguments.positionals.first else {
            throw UsageError(Message(.verifyNeedsReport), command: "verify")
        }
        let language = Dispatcher.language(arguments)
        func say(_ id: MessageID, _ arguments: String...) -> String { id.text(language, arguments) }
        let bytes: [UInt8]
        switch FileIO.read(reportPath) {
        case .success(let b): bytes = b
        case .failure(let f):
            console.fail(path: f.path, f.message)
            return 2
        }
        let receipt: Receipt
        switch Receipt.read(report: SourceFile(path: reportPath, bytes: bytes)) {
        case .success(let r): receipt = r
        case .failure(let e):
            console.fail(path: reportPath, e.message)
            return 2
        }
        let v = Verification.verify(receipt, paths: Array(arguments.positionals.dropFirst()), packDirectory: arguments.value("pack"))
        var out = say(.verifyReport, reportPath, "\(receipt.toolName)", "\(receipt.toolVersion)", "\(receipt.time)", "\(receipt.pack.id)",
                      "\(receipt.pack.version)") + "\n"
        func label(_ s: Verification.Status) -> String {
            switch s {
            case .same: return say(.verifyStatusSame)
            case .changed: return say(.verifyStatusChanged)
            case .missing: return say(.verifyStatusMissing)
            case .extra: return say(.verifyStatusExtra)
            }
        }
        func list(_ entries: [Verification.Entry], _ title: String) {
            let differing = entries.filter { $0.status != .same }
            out += say(.verifySameCount, title, String(entries.count - differing.count), String(entries.count)) + "\n"
            for e in differing {
                out += "  " + say(.tagged, label(e.status), e.path)
                switch e.status {
                case .changed: out += say(.verifyChangedHashes, String(e.expected!.prefix(16)), String(e.actual!.prefix(16)))
                case .extra: out += say(.verifyNotInReceipt)
                default: break
                }
                out += "\n"
            }
        }
        list(v.inputs, say(.verifyInputs))
        list(v.packFiles, say(.verifyPackFiles))
        if !v.packMatches {
            out += "  " + say(.verifyPackDiffers, String(receipt.pack.sha256.prefix(16))) + "\n"
        }
        out += say(v.matches ? .verifyMatch : .verifyDifferences) + "\n"
        console.print(out)
        return v.matches ? 0 : 1
    }
}
