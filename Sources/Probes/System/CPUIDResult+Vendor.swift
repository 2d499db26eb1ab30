extension CPUIDResult {
    /// Leaf 0's CPU vendor ("GenuineIntel", "AuthenticAMD"): its registers go
    /// ebx, edx, ecx, unlike the hypervisor leaf's ebx, ecx, edx (`signature`).
    public var vendorIdentification: String {
        var bytes: [UInt8] = []
        for r in [ebx, edx, ecx] {
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((r >> UInt32(shift)) & 0xff)) }
        }
        return String(decoding: bytes.filter { $0 != 0 }, as: UTF8.self)
    }
}
