/// Identity of the rule pack a report was made with.
public struct PackInfo: Sendable, Hashable {
    public var id: String
    public var version: String
    /// SHA-256 over the pack's files (sorted paths and contents), so a report names exactly which
    /// rules judged it.
    public var sha256: String
    public var title: LocalizedText
    /// Each file the pack was loaded from (path relative to the pack folder, SHA-256, size), in
    /// path order: a report's receipt lists them so `dossier verify` can name the file that changed.
    public var files: [Receipt.Input]

    public init(id: String, version: String, sha256: String, title: LocalizedText, files: [Receipt.Input] = []) {
        self.id = id
        self.version = version
        self.sha256 = sha256
        self.title = title
        self.files = files
    }

    /// Two infos name the same pack when id, version, digest and title agree: the digest covers
    /// every file, so the per-file list (which a partial aggregate does not carry) adds nothing.
    public static func == (a: PackInfo, b: PackInfo) -> Bool {
        a.id == b.id && a.version == b.version && a.sha256 == b.sha256 && a.title == b.title
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(version)
        hasher.combine(sha256)
    }
}
