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
        let zh = Dispatcher.language(arguments) == .zh
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
        var out = zh
            ? "报告 \(reportPath)：\(receipt.toolName) \(receipt.toolVersion) 于 \(receipt.time) 生成，规则包 \(receipt.pack.id) \(receipt.pack.version)\n"
            : "report \(reportPath): made by \(receipt.toolName) \(receipt.toolVersion) at \(receipt.time) with pack \(receipt.pack.id) \(receipt.pack.version)\n"
        func label(_ s: Verification.Status) -> String {
            switch s {
            case .same: return zh ? "相同" : "same"
            case .changed: return zh ? "已更改" : "changed"
            case .missing: return zh ? "缺失" : "missing"
            case .extra: return zh ? "多出" : "extra"
            }
        }
        func list(_ entries: [Verification.Entry], _ title: String) {
            let differing = entries.filter { $0.status != .same }
            out += title + (zh ? "：\(entries.count - differing.count)/\(entries.count) 相同\n" : ": \(entries.count - differing.count) of \(entries.count) the same\n")
            for e in differing {
                out += "  \(label(e.status))\(zh ? "：" : ": ")\(e.path)"
                switch e.status {
                case .changed: out += zh ? "（收据 \(e.expected!.prefix(16))…，现为 \(e.actual!.prefix(16))…）" : " (receipt \(e.expected!.prefix(16))…, now \(e.actual!.prefix(16))…)"
                case .extra: out += zh ? "（收据中没有）" : " (not in the receipt)"
                default: break
                }
                out += "\n"
            }
        }
        list(v.inputs, zh ? "输入" : "inputs")
        list(v.packFiles, zh ? "规则包文件" : "pack files")
        if !v.packMatches {
            out += zh ? "  规则包的 SHA-256 与收据（\(receipt.pack.sha256.prefix(16))…）不符\n" : "  the pack's SHA-256 is not the receipt's (\(receipt.pack.sha256.prefix(16))…)\n"
        }
        out += v.matches ? (zh ? "一致：输入和规则包与报告相同\n" : "match: the inputs and the pack are those of the report\n")
                         : (zh ? "不一致：见上\n" : "differences: see above\n")
        console.print(out)
        return v.matches ? 0 : 1
    }
}
