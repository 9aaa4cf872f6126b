import Foundation

/// `.dossier.json`: a repository's check settings, so CI and people run the same gate.
///
/// ```json
/// {"format": "dossier-config/1", "pack": "Rules/jining-archives", "officers": "registry/officers.json",
///  "waivers": "ci/waivers.json", "baseline": "ci/baseline.json", "failOn": "error", "lang": "zh",
///  "rules": ["PUB-01", "REC-02"], "skip": ["PROC-09"]}
/// ```
/// It is looked for in the current folder, then each folder above it; the first found is used.
/// Paths in it are relative to its own folder. Options on the command line win over it. The name
/// starts with a dot, like `.eslintrc.json` and `.swift-format`: it is tooling set-up, not a
/// dossier, and folder walks skip dot files, so `dossier check .` never reads it as a dossier.
public struct ConfigFile: Sendable {
    public static let name = ".dossier.json"

    /// A setting and where it was written.
    public struct Setting: Sendable {
        public var value: String
        public var location: Location
    }

    public var path: String
    /// By command-line option name (`pack`, `fail-on`, `rules`…); `skip` as a comma list.
    public var settings: [String: Setting]

    public static let format = ObjectSpec("DossierConfig", open: false, [
        FieldSpec("format", .constant("dossier-config/1"), .required, "format version"),
        FieldSpec("pack", .text, .optional, "rule pack folder"),
        FieldSpec("officers", .text, .optional, "officer registry"),
        FieldSpec("waivers", .text, .optional, "waivers/1 file"),
        FieldSpec("baseline", .text, .optional, "baseline file"),
        FieldSpec("failOn", .code(Vocabulary("fail-on level", [("error", "错误", "error"), ("warning", "警告", "warning"), ("never", "从不", "never")])),
                  .optional, "error, warning or never"),
        FieldSpec("lang", .code(Vocabulary("language", [("zh", "中文", "Chinese"), ("en", "英文", "English")])), .optional, "report language"),
        FieldSpec("rules", .array(.text), .optional, "check only these rules"),
        FieldSpec("skip", .array(.text), .optional, "check every rule but these"),
        FieldSpec("maxWarnings", .integer, .optional, "fail with more warnings than this"),
    ])

    /// The config file of `folder` or the nearest folder above it, if any.
    public static func find(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    public static func load(path: String, text: String? = nil) -> Result<ConfigFile, DataFileError> {
        var file: DataFile
        switch DataFile.read(path, text: text, as: format) {
        case .success(let f): file = f
        case .failure(let e): return .failure(e)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        func relative(_ p: String) -> String { p.hasPrefix("/") ? p : folder + "/" + p }
        var settings: [String: Setting] = [:]
        let keys: [(String, String, Bool)] = [("pack", "pack", true), ("officers", "officers", true), ("waivers", "waivers", true),
                                              ("baseline", "baseline", true), ("failOn", "fail-on", false), ("lang", "lang", false)]
        for (key, option, isPath) in keys {
            if let v = file.root[key], let s = v.string { settings[option] = Setting(value: isPath ? relative(s) : s, location: file.location(v)) }
        }
        for key in ["rules", "skip"] {
            guard let v = file.root[key] else { continue }
            let ids = v.elements.compactMap(\.string)
            if ids.isEmpty { file.error(v, Message(.configRulesEmpty, key)) }
            settings[key] = Setting(value: ids.joined(separator: ","), location: file.location(v))
        }
        if let v = file.root["maxWarnings"] {
            if let n = v.int, n >= 0 { settings["max-warnings"] = Setting(value: String(n), location: file.location(v)) } else {
                file.error(v, Message(.configMaxWarnings))
            }
        }
        if file.root["rules"] != nil && file.root["skip"] != nil {
            file.error(file.root["skip"]!, Message(.configRulesOrSkip))
        }
        if !file.diagnostics.isEmpty { return .failure(DataFileError(file.diagnostics)) }
        return .success(ConfigFile(path: path, settings: settings))
    }
}
