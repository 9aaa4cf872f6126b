import Testing
@testable import DossierKit

// All ID numbers below are fictional; each valid one was given the check character that
// ISO 7064 MOD 11-2 yields for its first 17 digits, and each invalid one fails exactly one rule
// (the others computed to pass), so a test names the rule it exercises.

@Suite struct ResidentIDTests {
    @Test func acceptsValidNumbers() {
        #expect(ResidentID.isValid("11010519491231002X"))  // the GB 11643 example
        #expect(ResidentID.isValid("11010519491231002x"))  // lowercase check character
        #expect(ResidentID.isValid("37080219900101123X"))
        #expect(ResidentID.isValid("440304200012298888"))
        #expect(ResidentID.isValid("810000198506150012"))  // 港澳台居民居住证 (81)
        #expect(ResidentID.isValid("91000020231111003X"))  // 外国人永久居留身份证 (91)
        #expect(ResidentID.isValid("370802200002290045"))  // 2000-02-29
        #expect(ResidentID.isValid("37080219000101005X"))  // lower date bound
        #expect(ResidentID.isValid("370802209912310069"))  // upper date bound
        let text = "身份证号654001197612030079。"
        let id = text.dropFirst(4).prefix(18)
        #expect(ResidentID.isValid(id))  // a Substring
        #expect(ResidentID.birthDate("654001197612030079") == Day("1976-12-03"))
        #expect(ResidentID.birthDate("654001197612030078") == nil)
    }

    @Test func rejectsEverythingElse() {
        #expect(!ResidentID.isValid("370802199001011234"))  // check should be X
        #expect(!ResidentID.isValid("370802199002301239"))  // 1990-02-30, check right
        #expect(!ResidentID.isValid("370802199002311234"))  // 1990-02-31
        #expect(!ResidentID.isValid("370802199004311238"))  // 1990-04-31
        #expect(!ResidentID.isValid("370802190002290049"))  // 1900 is not a leap year
        #expect(!ResidentID.isValid("370802189912311234"))  // 1899
        #expect(!ResidentID.isValid("370802210001011234"))  // 2100
        #expect(!ResidentID.isValid("370802202413450014"))  // month 13
        #expect(!ResidentID.isValid("000802199001011236"))  // province 00
        #expect(!ResidentID.isValid("10080219900101123X"))  // province 10
        #expect(!ResidentID.isValid("990802199001011235"))  // province 99
        #expect(!ResidentID.isValid("720802199001011235"))  // province 72
        #expect(!ResidentID.isValid("840802199001011232"))  // province 84
        #expect(!ResidentID.isValid("920802199001011232"))  // province 92
        #expect(!ResidentID.isValid("202403150012345676"))  // an order number: province 20
        #expect(!ResidentID.isValid("11010519491231002"))  // 17 characters
        #expect(!ResidentID.isValid("11010519491231002X1"))  // 19 characters
        #expect(!ResidentID.isValid("1101051949123100X2"))  // X not last
        #expect(!ResidentID.isValid("11010519491231002Y"))
        #expect(!ResidentID.isValid("１１０１０５１９４９１２３１００２Ｘ"))  // full-width digits
        #expect(!ResidentID.isValid(""))
    }
}

@Suite struct PersonalDataScanTests {
    func kinds(_ text: String, name: String? = nil, masked: String? = nil) -> [String] {
        PersonalData.scan(text, individualName: name, maskedName: masked).map { "\($0.kind.rawValue):\($0.text)" }
    }

    @Test func findsIDsInChineseText() throws {
        let text = "当事人张三（身份证号11010519491231002X，住址济宁市）"
        let hits = PersonalData.scan(text, individualName: nil, maskedName: nil)
        try #require(hits.count == 1)
        let hit = hits[0]
        #expect(hit.kind == .residentID)
        #expect(hit.text == "11010519491231002X")
        #expect(String(text[hit.range]) == "11010519491231002X")
        #expect(hit.scalarOffset == 10)  // 当事人张三（身份证号
        #expect(hit.utf8Range == 30..<48)  // ten 3-byte characters
    }

    @Test func idsMustStandAlone() {
        #expect(kinds("订单号202403150012345676已付款") == [])  // 18 digits, not an ID
        #expect(kinds("编号370802199001011234") == [])  // wrong check character
        #expect(kinds("9911010519491231002X") == [])  // glued to digits before
        #expect(kinds("11010519491231002X7") == [])  // glued to a digit after
        // Letters may touch an ID ("ID370829…" hid the number from PUB-03 and the mask).
        #expect(kinds("No11010519491231002X") == ["residentID:11010519491231002X"])
        #expect(kinds("11010519491231002Xa") == ["residentID:11010519491231002X"])
        #expect(kinds("ID37080219900101123X") == ["residentID:37080219900101123X"])
        #expect(kinds("ID440304200012298888abc") == ["residentID:440304200012298888"])
        #expect(PersonalData.maskAll(in: "ID37080219900101123X") == "ID3708**********123X")
        #expect(kinds("ID:11010519491231002X.") == ["residentID:11010519491231002X"])
        #expect(kinds("11010519491231002X") == ["residentID:11010519491231002X"])
        #expect(kinds("甲11010519491231002X乙440304200012298888丙") ==
            ["residentID:11010519491231002X", "residentID:440304200012298888"])
    }

    @Test func findsMobiles() {
        #expect(kinds("电话13812345678。") == ["mobile:13812345678"])
        #expect(kinds("电话：138-1234-5678") == ["mobile:138-1234-5678"])
        #expect(kinds("电话 138 1234 5678，") == ["mobile:138 1234 5678"])
        #expect(kinds("+8613812345678") == ["mobile:+8613812345678"])
        #expect(kinds("手机+86 138-1234-5678") == ["mobile:+86 138-1234-5678"])
        #expect(kinds("手机8613912345678") == ["mobile:8613912345678"])
        #expect(kinds("手机86-199 1234 5678号") == ["mobile:86-199 1234 5678"])
        #expect(kinds("Tel13812345678") == ["mobile:13812345678"])  // letters may touch
        #expect(kinds("13812345678和15912345678") == ["mobile:13812345678", "mobile:15912345678"])
    }

    @Test func findsFullWidthDigitsAndDottedGroups() {
        #expect(kinds("身份证号１１０１０５１９４９１２３１００２Ｘ。") == ["residentID:１１０１０５１９４９１２３１００２Ｘ"])
        #expect(kinds("电话１３８１２３４５６７８") == ["mobile:１３８１２３４５６７８"])
        #expect(kinds("电话＋８６ １３８－１２３４－５６７８") == ["mobile:＋８６ １３８－１２３４－５６７８"])
        #expect(kinds("电话130.1234.5678。") == ["mobile:130.1234.5678"])
        #expect(kinds("电话１３０．１２３４．５６７８") == ["mobile:１３０．１２３４．５６７８"])
        #expect(PersonalData.maskAll(in: "号１１０１０５１９４９１２３１００２Ｘ") == "号１１０１**********００２Ｘ")
        #expect(PersonalData.maskAll(in: "电话１３８１２３４５６７８，") == "电话１３８****５６７８，")
        #expect(PersonalData.maskAll(in: "电话130.1234.5678") == "电话130.****.5678")
        // Positions stay those of the original text.
        let text = "甲１３８１２３４５６７８乙"
        let hit = PersonalData.scan(text, individualName: nil, maskedName: nil).first
        #expect(hit?.utf8Range == 3..<36)
        #expect(hit?.scalarOffset == 1)
        #expect(hit.map { String(text[$0.range]) } == "１３８１２３４５６７８")
        // Not numbers: a decimal amount, full-width digits too few.
        #expect(kinds("金额１３８．５元") == [])
        #expect(kinds("2023.10.13") == [])
    }

    @Test func rejectsNonMobiles() {
        #expect(kinds("座机0537-1234567") == [])  // landline
        #expect(kinds("座机0537-12345678") == [])
        #expect(kinds("12812345678") == [])  // 12x is not a mobile prefix
        #expect(kinds("113812345678") == [])  // digit before
        #expect(kinds("138123456789") == [])  // digit after
        #expect(kinds("1381234567") == [])  // ten digits
        #expect(kinds("138-1234 5678") == [])  // mixed separators
        #expect(kinds("138-12345678") == [])  // one separator only
        #expect(kinds("+8612812345678") == [])
        #expect(kinds("罚款2000元，1381元") == [])
        #expect(kinds("370802199001011234") == [])  // an 18-digit run hides no mobile
    }

    @Test func findsTheFullNameButNotTheMaskedForm() {
        #expect(kinds("当事人张三于2023年", name: "张三", masked: "张某") == ["name:张三"])
        #expect(kinds("当事人张某于2023年", name: "张三", masked: "张某") == [])
        #expect(kinds("张三、张三丰", name: "张三", masked: "张某") == ["name:张三", "name:张三"])
        #expect(kinds("当事人欧阳娜娜", name: "欧阳娜娜", masked: "欧阳某") == ["name:欧阳娜娜"])
        #expect(kinds("当事人张三", name: "张", masked: nil) == [])  // one character: not searched
        #expect(kinds("当事人张三", name: nil, masked: nil) == [])
        // A real name that is also part of its masked form: only occurrences outside it count.
        #expect(kinds("张某某；另张某", name: "张某", masked: "张某某") == ["name:张某"])
        let mixed = PersonalData.scan("张三电话13812345678，张三", individualName: " 张三 ", maskedName: "张某")
        #expect(mixed.map(\.kind) == [.name, .mobile, .name])
        #expect(mixed.map(\.scalarOffset) == [0, 4, 16])
    }

    @Test func masks() {
        #expect(PersonalData.maskResidentID("370802199001011234") == "3708**********1234")
        #expect(PersonalData.maskResidentID("11010519491231002X") == "1101**********002X")
        #expect(PersonalData.maskResidentID("12345678") == "********")
        #expect(PersonalData.maskMobile("13812345678") == "138****5678")
        #expect(PersonalData.maskMobile("+86 138-1234-5678") == "+86 138-****-5678")
        #expect(PersonalData.maskMobile("8613812345678") == "86138****5678")
        #expect(PersonalData.maskMobile("1234567") == "*******")
        #expect(PersonalData.maskName("张三", convention: "{surname}某") == "张某")
        #expect(PersonalData.maskName("张三丰", convention: "{surname}某某") == "张某某")
        #expect(PersonalData.maskName("欧阳娜娜", convention: "{surname}某") == "欧阳某")
        #expect(PersonalData.maskName("司马光", convention: "{surname}某") == "司马某")
        #expect(PersonalData.maskName("诸葛亮", convention: "{surname}某") == "诸葛某")
        #expect(PersonalData.maskName("欧阳", convention: "{surname}某") == "欧某")  // surname 欧
        #expect(PersonalData.maskName("万俟卨", convention: "{surname}某") == "万俟某")
        #expect(PersonalData.maskName("", convention: "{surname}某") == "")
        #expect(PersonalData.maskName("张三", convention: "当事人") == "当事人")
        for surname in PersonalData.compoundSurnames {
            #expect(PersonalData.maskName(surname + "一", convention: "{surname}某") == surname + "某")
        }
        #expect(PersonalData.compoundSurnames.count == 27)
    }

    @Test func masksEveryNumberInReports() {
        #expect(PersonalData.maskAll(in: "当事人张三（身份证号11010519491231002X，电话+86 138-1234-5678）")
            == "当事人张三（身份证号1101**********002X，电话+86 138-****-5678）")
        #expect(PersonalData.maskAll(in: "订单202403150012345676，座机0537-1234567") == "订单202403150012345676，座机0537-1234567")
        #expect(PersonalData.maskAll(in: "13812345678") == "138****5678")
        #expect(PersonalData.maskAll(in: "") == "")
    }

    @Test func scansLongTextLinearly() {
        // 10,000 repetitions of a sentence with one mobile each: all found, none invented.
        let sentence = "执法人员于2023年5月6日对当事人进行了询问，联系电话13812345678，罚款1,000元。"
        let text = String(repeating: sentence, count: 10_000)
        let hits = PersonalData.scan(text, individualName: "李四", maskedName: "李某")
        #expect(hits.count == 10_000)
        #expect(hits.allSatisfy { $0.kind == .mobile && $0.text == "13812345678" })
        #expect(hits[1].scalarOffset == sentence.unicodeScalars.count + hits[0].scalarOffset)
    }
}
