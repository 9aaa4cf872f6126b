extension PackLoader {
    /// The pack's SHA-256: over its files in path order, each as its relative path, a NUL byte, its
    /// contents and a NUL byte. `dossier verify` recomputes it from the files a receipt lists.
    static func digest(_ files: [(path: String, bytes: [UInt8])]) -> String {
        var digest = SHA256()
        for (path, bytes) in files {
            digest.update(Array(path.utf8) + [0])
            digest.update(bytes)
            digest.update([0])
        }
        return digest.finalizeHex()
    }
}
