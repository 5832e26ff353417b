import MinzhengCore

/// The blind indexes beside `id_index` that let staff find a person without the plain
/// number being stored: the ID number's last six characters and the phone number. Each is
/// keyed HMAC (`FieldCipher.blindIndex`) of the value with its own prefix, so that equal
/// digits in different fields never give equal indexes.
enum PersonSearchIndex {
    static func idLast6(_ last6: String, cipher: FieldCipher) -> String {
        cipher.blindIndex("idLast6:" + last6)
    }

    static func idLast6(of id: ResidentID, cipher: FieldCipher) -> String {
        idLast6(String(id.value.suffix(6)), cipher: cipher)
    }

    /// `digits` as `RegistryValidation.phone` gives them.
    static func phone(_ digits: String, cipher: FieldCipher) -> String {
        cipher.blindIndex("phone:" + digits)
    }

    /// What a search asks for: the index under every data key (see `FieldCipher.blindIndexes`).
    static func idLast6Lookups(_ last6: String, cipher: FieldCipher) -> [String] {
        cipher.blindIndexes("idLast6:" + last6)
    }

    static func phoneLookups(_ digits: String, cipher: FieldCipher) -> [String] {
        cipher.blindIndexes("phone:" + digits)
    }
}
