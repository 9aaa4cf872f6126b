extension JSONValue {
    /// Calls `body` for each member of an object with the key's node index and the value,
    /// without decoding the key: the validator matches keys against field tables by bytes.
    @inline(__always)
    func forEachMemberRaw(_ body: (_ keyNode: Int, _ value: JSONValue) -> Void) {
        let object = node
        guard object.kind == .object else { return }
        var k = index &+ 1
        var remaining = Int(object.count)
        let nodes = document.nodes
        while remaining > 0, k &+ 1 < nodes.count {
            body(k, JSONValue(document: document, index: k &+ 1))
            k = Int(nodes[k &+ 1].next)
            remaining &-= 1
        }
    }

    /// Whether the string at tape node `keyNode` equals `bytes` (raw comparison; keys with
    /// escapes are decoded first).
    func nodeStringEquals(_ keyNode: Int, _ target: [UInt8]) -> Bool {
        let n = document.nodes[keyNode]
        if n.flags & JSONNode.hasEscapes != 0 {
            return Array(document.decodeString(node: keyNode).utf8) == target
        }
        let start = Int(n.start) &+ 1, end = Int(n.end) &- 1
        guard end &- start == target.count else { return false }
        return document.file.bytes.withUnsafeBufferPointer { bytes in
            target.withUnsafeBufferPointer { t in
                var i = 0
                while i < t.count {
                    if bytes[start &+ i] != t[i] { return false }
                    i &+= 1
                }
                return true
            }
        }
    }

    /// The content bytes of the string at tape node `node` (decoded only when it has escapes).
    @inline(__always)
    func withNodeStringBytes<R>(_ node: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let n = document.nodes[node]
        if n.flags & JSONNode.hasEscapes != 0 {
            var decoded = document.decodeString(node: node)
            return decoded.withUTF8 { body($0) }
        }
        let range = (Int(n.start) &+ 1)..<(Int(n.end) &- 1)
        return document.file.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// The decoded text of the string at tape node `index`.
    func nodeString(_ index: Int) -> String { document.decodeString(node: index) }

    /// The string's content bytes, decoded only when it has escapes; `nil` for non-strings.
    func withStringBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        let n = node
        guard n.kind == .string else { return nil }
        if n.flags & JSONNode.hasEscapes != 0 {
            var decoded = document.decodeString(node: index)
            return decoded.withUTF8 { body($0) }
        }
        let range = (Int(n.start) &+ 1)..<(Int(n.end) &- 1)
        return document.file.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
