/// A read-only set of byte strings (field names, vocabulary codes) that answers "which one
/// do these raw bytes spell?" without decoding, allocating or calling generic collection code.
///
/// The table is open-addressed and at most a quarter full. Strings are hashed with
/// `JSONTapeParser.fingerprint` (first and last 8 bytes mixed with the length: a few
/// multiplies whatever the length, where FNV-1a or `Hasher` cost a step per byte); a hash
/// match is confirmed by comparing lengths and then bytes with `jsonBytesEqual`.
///
/// Example: the Dossier spec's 26 field names go into 128 slots; looking up the key bytes
/// `filedOn` computes one fingerprint, lands on (or a few slots before) the slot holding
/// field 9, and compares 7 bytes.
struct ByteStringTable: Sendable {
    /// One occupied or empty slot; `value` is the string's index in the input, -1 if empty.
    struct Slot: Sendable {
        var hash: UInt64
        var offset: Int32
        var length: Int32
        var value: Int32
    }

    /// Power-of-two number of slots.
    let slots: ContiguousArray<Slot>
    /// All strings back to back; slots point into it.
    let storage: ContiguousArray<UInt8>
    let mask: Int

    /// A table of `strings`; a string that occurs twice keeps its first index.
    init(_ strings: [[UInt8]]) {
        var size = 8
        while size < strings.count &* 4 { size &*= 2 }
        var slots = ContiguousArray(repeating: Slot(hash: 0, offset: 0, length: 0, value: -1), count: size)
        var storage = ContiguousArray<UInt8>()
        for string in strings { storage.append(contentsOf: string) }
        var offset = 0
        storage.withUnsafeBufferPointer { all in
            for (index, string) in strings.enumerated() {
                defer { offset &+= string.count }
                let hash = ByteStringTable.hash(all, offset, string.count)
                var s = Int(truncatingIfNeeded: hash) & (size &- 1)
                var duplicate = false
                while slots[s].value >= 0 {
                    let other = slots[s]
                    if other.hash == hash && Int(other.length) == string.count
                        && (string.count == 0
                            || jsonBytesEqual(all.baseAddress! + Int(other.offset), all.baseAddress! + offset, string.count)) {
                        duplicate = true
                        break
                    }
                    s = (s &+ 1) & (size &- 1)
                }
                if !duplicate {
                    slots[s] = Slot(hash: hash, offset: Int32(offset), length: Int32(string.count), value: Int32(index))
                }
            }
        }
        self.slots = slots
        self.storage = storage
        self.mask = size &- 1
    }

    /// Fingerprint of `count` bytes at `offset` in `buffer` (loads never leave `buffer`).
    @inline(__always)
    static func hash(_ buffer: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int) -> UInt64 {
        guard let base = buffer.baseAddress else {
            // Only an empty string can live in an empty buffer; its fingerprint reads nothing.
            return withUnsafePointer(to: 0 as UInt8) { JSONTapeParser.fingerprint($0, 0, loadLimit: 0) }
        }
        return JSONTapeParser.fingerprint(base + offset, count, loadLimit: buffer.count &- offset)
    }

    /// The index of the string spelled by `count` bytes at `offset` in `buffer`, or -1.
    @inline(__always)
    func index(of buffer: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int) -> Int {
        let hash = ByteStringTable.hash(buffer, offset, count)
        return slots.withUnsafeBufferPointer { slots in
            storage.withUnsafeBufferPointer { storage in
                var s = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let slot = slots[s]
                    if slot.value < 0 { return -1 }
                    if slot.hash == hash && Int(slot.length) == count
                        && (count == 0
                            || jsonBytesEqual(storage.baseAddress! + Int(slot.offset), buffer.baseAddress! + offset, count)) {
                        return Int(slot.value)
                    }
                    s = (s &+ 1) & mask
                }
            }
        }
    }

    /// The index of the string spelled by `bytes`, or -1.
    @inline(__always)
    func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        index(of: bytes, 0, bytes.count)
    }
}
