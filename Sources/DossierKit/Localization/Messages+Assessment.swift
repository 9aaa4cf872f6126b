extension Messages {
    /// The catalogue's part for assessments and their reporters, `dossier explain`'s renderer, `dossier verify`.
    static let assessment: [MessageID: LocalizedText] = [:]
}
