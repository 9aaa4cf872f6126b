/// The officer registry (行政执法人员资格清单, `officers/1`): certificate number → officer.
public final class OfficerRegistry: Sendable {
    let document: JSONDocument
    let byCertificate: [String: ShapedRecord]
    /// The registry's agency code.
    public let agency: String

    /// `byCertificate` as a byte-string table and the records in its order: certificates are
    /// looked up for every officer of every step, and hashing their bytes once is cheaper than
    /// `String` hashing. Matching by bytes is also the language's string equality.
    private let lookup: ByteStringTable
    private let records: [ShapedRecord]

    init(document: JSONDocument, byCertificate: [String: ShapedRecord], agency: String) {
        self.document = document
        self.byCertificate = byCertificate
        self.agency = agency
        let entries = Array(byCertificate)
        lookup = ByteStringTable(entries.map { Array($0.key.utf8) })
        records = entries.map(\.value)
    }

    /// A copy whose records no other thread shares (see `PackEnvironment.worker`).
    func copy() -> OfficerRegistry {
        var copied: [String: ShapedRecord] = [:]
        for (cert, record) in byCertificate {
            if case .record(let r) = Shapes.copy(.record(record)), let shaped = r as? ShapedRecord {
                copied[String(decoding: Array(cert.utf8), as: UTF8.self)] = shaped
            }
        }
        return OfficerRegistry(document: document, byCertificate: copied, agency: agency)
    }

    /// How many officers it lists.
    public var count: Int { byCertificate.count }

    /// The officer holding a certificate, as an expression record.
    func officer(_ certificate: String) -> (any RecordValue)? {
        var certificate = certificate
        let i = certificate.withUTF8 { lookup.index(of: $0) }
        return i >= 0 ? records[i] : nil
    }

    /// Loads and validates a registry file; every problem is returned, located.
    public static func load(path: String, format: DossierFormat = .standard) -> Result<OfficerRegistry, RegistryError> {
        let bytes: [UInt8]
        switch FileIO.read(path) {
        case .success(let b): bytes = b
        case .failure(let f):
            return .failure(RegistryError(diagnostics: [InputError(
                location: Location(file: path, offset: 0, line: 0, column: 0, pointer: ""),
                message: Message(.registryUnreadable, arguments: [.message(Wording.message(f.message))]))]))
        }
        return parse(SourceFile(path: path, bytes: bytes), format: format)
    }

    /// Parses and validates a registry.
    public static func parse(_ file: SourceFile, format: DossierFormat = .standard) -> Result<OfficerRegistry, RegistryError> {
        var locator = Locator(file)
        let document: JSONDocument
        do {
            document = try JSONDocument.parse(file)
        } catch {
            return .failure(RegistryError(diagnostics: [locator.error(offset: error.offset, pointer: "", error.text)]))
        }
        var errors: [InputError] = []
        for issue in Validator().validate(document.root, as: format.registry) where issue.severity == .error {
            var e = locator.error(offset: issue.offset, pointer: issue.pointer, issue.message)
            e.text = issue.text
            errors.append(e)
        }
        var byCertificate: [String: ShapedRecord] = [:]
        if errors.isEmpty {
            for officer in document.root["officers"]!.elements {
                let cert = officer["certificate"]!.string!
                if byCertificate[cert] != nil {
                    errors.append(locator.error(offset: officer["certificate"]!.byteRange.lowerBound,
                                                pointer: officer["certificate"]!.pointer,
                                                "duplicate certificate number '\(cert)'"))
                }
                // Converted once here: registries are shared by all worker threads and read for
                // every step of every dossier.
                let record = Shapes.materialize(.record(JSONRecord(value: officer, spec: format.officer)),
                                                as: .record(DomainBuiltins.officerShape))
                if case .record(let r) = record, let shaped = r as? ShapedRecord { byCertificate[cert] = shaped }
            }
        }
        if !errors.isEmpty { return .failure(RegistryError(diagnostics: errors)) }
        return .success(OfficerRegistry(document: document, byCertificate: byCertificate,
                                        agency: document.root["agency"]!.string!))
    }
}

/// Why a registry could not be used: every problem, located.
public struct RegistryError: Error, Sendable {
    public var diagnostics: [InputError]
}
