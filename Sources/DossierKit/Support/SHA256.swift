import CDossierSHA

/// SHA-256 (FIPS 180-4), written out because the toolchain alone must build the tool and
/// Foundation on Linux has no digest API. Used to fingerprint rule packs and every input of a
/// report (the receipt).
///
/// Blocks are compressed with the processor's SHA instructions when it has them (x86 SHA
/// extensions, `Sources/CDossierSHA`: 1,406 MB/s against 255 MB/s on this project's machine,
/// `dossier-bench --sha256`), in portable Swift otherwise; the tests check the two against each
/// other and the FIPS vectors.
public struct SHA256: Sendable {
    private var state: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0
    private let hardware: Bool

    /// Whether this processor has SHA instructions the digest uses.
    public static let hardwareAvailable = dossier_sha256_hardware_available() != 0

    public init() { hardware = SHA256.hardwareAvailable }

    /// A digest that never uses the processor's SHA instructions when `portable` (to check and
    /// time them against: the tests, `dossier-bench --sha256`).
    public init(portable: Bool) { hardware = !portable && SHA256.hardwareAvailable }

    /// Adds bytes to the digest.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        // Contiguous bytes (arrays, slices) go through whole blocks without copying.
        let done: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: UnsafeRawBufferPointer($0)) }
        if done != nil { return }
        for b in bytes {
            buffer.append(b)
            length &+= 1
            if buffer.count == 64 {
                compress(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
    }

    /// The digest as 64 lowercase hex digits.
    public mutating func finalizeHex() -> String {
        let bitLength = length &* 8
        // 0x80, zeros up to 56 bytes past a block boundary, the length: one update, not one per byte.
        var tail = [UInt8](repeating: 0, count: (119 - buffer.count) % 64 + 9)
        tail[0] = 0x80
        for i in 0..<8 { tail[tail.count - 1 - i] = UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8)) }
        update(tail)
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for word in state {
            for shift in stride(from: 24, through: 0, by: -8) {
                let byte = UInt8(truncatingIfNeeded: word >> UInt32(shift))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The digest of `bytes` in hex.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var h = SHA256()
        h.update(bytes)
        return h.finalizeHex()
    }

    /// Adds raw bytes: the pending partial block is completed first, then whole 64-byte blocks are
    /// compressed straight from `buffer` (hashing a large input costs no copy and no allocation).
    public mutating func update(buffer bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var i = 0
        let n = bytes.count
        if !buffer.isEmpty {
            i = min(64 - buffer.count, n)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<i]))
            length &+= UInt64(i)
            if buffer.count == 64 {
                compress(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        let whole = (n - i) / 64
        if whole > 0 {
            compressBlocks(base + i, count: whole)
            length &+= UInt64(whole * 64)
            i += whole * 64
        }
        if i < n {
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<n]))
            length &+= UInt64(n - i)
        }
    }

    private mutating func compress(_ block: [UInt8]) {
        block.withUnsafeBytes { compressBlocks($0.baseAddress!, count: 1) }
    }

    /// Compresses `count` consecutive 64-byte blocks at `blocks` into the state.
    ///
    /// Written for speed (the digest of every input of a report is taken on the reading thread):
    /// the state stays in locals across blocks, words are loaded big-endian a word at a time, the
    /// schedule and constants are read through pointers (no bounds checks), and the rounds are
    /// unrolled by eight so that the eight working variables rotate by renaming instead of moves.
    private mutating func compressBlocks(_ blocks: UnsafeRawPointer, count: Int) {
        if hardware {
            state.withUnsafeMutableBufferPointer {
                dossier_sha256_hardware_compress($0.baseAddress!, blocks.assumingMemoryBound(to: UInt8.self), count)
            }
            return
        }
        var (a0, b0, c0, d0, e0, f0, g0, h0) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
        // K of FIPS 180-4 4.2.2: one table, in C, for the hardware and the portable code.
        let k = dossier_sha256_round_constants()!
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
            let w = schedule.baseAddress!
            for n in 0..<count {
                let block = blocks + n &* 64
                for i in 0..<16 {
                    w[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
                }
                for i in 16..<64 {
                    let x = w[i &- 15], y = w[i &- 2]
                    let s0 = SHA256.rotr(x, 7) ^ SHA256.rotr(x, 18) ^ (x >> 3)
                    let s1 = SHA256.rotr(y, 17) ^ SHA256.rotr(y, 19) ^ (y >> 10)
                    w[i] = w[i &- 16] &+ s0 &+ w[i &- 7] &+ s1
                }
                var (a, b, c, d, e, f, g, h) = (a0, b0, c0, d0, e0, f0, g0, h0)
                var i = 0
                while i < 64 {
                    SHA256.round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                    SHA256.round(h, a, b, &c, d, e, f, &g, k[i &+ 1] &+ w[i &+ 1])
                    SHA256.round(g, h, a, &b, c, d, e, &f, k[i &+ 2] &+ w[i &+ 2])
                    SHA256.round(f, g, h, &a, b, c, d, &e, k[i &+ 3] &+ w[i &+ 3])
                    SHA256.round(e, f, g, &h, a, b, c, &d, k[i &+ 4] &+ w[i &+ 4])
                    SHA256.round(d, e, f, &g, h, a, b, &c, k[i &+ 5] &+ w[i &+ 5])
                    SHA256.round(c, d, e, &f, g, h, a, &b, k[i &+ 6] &+ w[i &+ 6])
                    SHA256.round(b, c, d, &e, f, g, h, &a, k[i &+ 7] &+ w[i &+ 7])
                    i &+= 8
                }
                a0 &+= a; b0 &+= b; c0 &+= c; d0 &+= d
                e0 &+= e; f0 &+= f; g0 &+= g; h0 &+= h
            }
        }
        state[0] = a0; state[1] = b0; state[2] = c0; state[3] = d0
        state[4] = e0; state[5] = f0; state[6] = g0; state[7] = h0
    }

    /// One round, FIPS 180-4 6.2.2 step 3, with the caller rotating the variables: `d` becomes
    /// `d + T1` (the new `e`) and `h` becomes `T1 + T2` (the new `a`). `kw` is K[t] + W[t].
    @inline(__always)
    private static func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                              _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
        let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
        let ch = g ^ (e & (f ^ g))                      // (e & f) ^ (~e & g)
        let t1 = h &+ s1 &+ ch &+ kw
        let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
        let maj = (a & b) | (c & (a | b))               // (a & b) ^ (a & c) ^ (b & c)
        d &+= t1
        h = t1 &+ s0 &+ maj
    }

    @inline(__always)
    private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 &- n)) }
}
