/// The `dossier/1` and `officers/1` formats as field tables (see `../shared/spec/dossier-format.md`).
///
/// The document-type vocabulary belongs to the rule pack (an agency names its own instruments),
/// so a format is built for a pack; `DossierFormat.standard` uses the default pack's list.
public struct DossierFormat: Sendable {
    /// The `format` value of a dossier.
    public static let dossierVersion = "dossier/1"
    /// The `format` value of an officer registry.
    public static let officersVersion = "officers/1"

    /// The top-level dossier object.
    public let dossier: ObjectSpec
    /// The top-level registry object.
    public let registry: ObjectSpec
    /// One officer of the registry.
    public let officer: ObjectSpec
    /// The document types this format accepts.
    public let documentTypes: Vocabulary
    /// The compiled field tables of `dossier`, for the validator's fast path.
    let dossierPlan: ObjectPlan

    // MARK: Vocabularies

    public static let agencyKinds = Vocabulary(
        "agency kind",
        [("organ", "行政机关", "administrative organ"), ("authorized", "法律法规授权组织", "authorized organisation"),
         ("entrusted", "受委托组织", "entrusted organisation")])
    public static let categories = Vocabulary(
        "category",
        [("penalty", "行政处罚", "administrative penalty"), ("licensing", "行政许可", "administrative licensing"),
         ("inspection", "行政检查", "administrative inspection"), ("levy", "行政征收", "administrative levy"),
         ("coercion", "行政强制", "administrative coercion")])
    public static let procedures = Vocabulary(
        "procedure", [("simple", "简易程序", "simple procedure"), ("general", "普通程序", "general procedure")])
    public static let partyKinds = Vocabulary(
        "party kind", [("individual", "自然人", "individual"), ("organization", "法人或其他组织", "organisation")])
    public static let severities = Vocabulary(
        "severity",
        [("minor", "轻微", "minor"), ("general", "一般", "general"), ("serious", "较重", "serious"),
         ("grave", "严重", "grave")])
    public static let sourceKinds = Vocabulary(
        "source kind",
        [("random", "双随机抽查", "random draw"), ("complaint", "投诉举报", "complaint"), ("referral", "移送", "referral"),
         ("routine", "日常检查", "routine")])
    public static let stepTypes = Vocabulary(
        "step type",
        [("inquiry", "调查（询问）", "inquiry"), ("inspection", "现场检查（勘验）", "on-site inspection"),
         ("sampling", "抽样取证", "sampling"), ("preservation", "先行登记保存证据", "evidence preservation"),
         ("hearing", "听证", "hearing"), ("service", "送达", "service"), ("seizure", "查封扣押", "seizure"),
         ("enforcement", "强制执行", "enforcement"), ("other", "其他", "other")])
    public static let recordingKinds = Vocabulary(
        "recording kind", [("video", "录像", "video"), ("audio", "录音", "audio"), ("photo", "照片", "photo")])
    public static let rights = Vocabulary(
        "right", [("statement", "陈述", "statement"), ("defense", "申辩", "defence"), ("hearing", "要求听证", "hearing")])
    public static let opinions = Vocabulary(
        "review opinion", [("approve", "同意", "approve"), ("revise", "修改", "revise"), ("reject", "不同意", "reject")])
    public static let reviewElements = Vocabulary(
        "review element",
        [("subject", "执法主体合法", "lawful enforcing body"), ("officers", "执法人员具备资格", "qualified officers"),
         ("facts", "事实清楚", "clear facts"), ("evidence", "证据确凿充分", "sufficient evidence"),
         ("law", "适用法律准确", "correct law"), ("discretion", "裁量适当", "proper discretion"),
         ("procedure", "程序合法", "lawful procedure"), ("authority", "未超越职权、滥用职权", "within authority"),
         ("documents", "文书规范齐备", "complete documents"), ("crime", "涉嫌犯罪移送审查", "criminal referral checked")])
    public static let decisionKinds = Vocabulary(
        "decision kind",
        [("penalty", "行政处罚", "penalty"), ("no-penalty", "不予处罚", "no penalty"),
         ("license-granted", "准予许可", "licence granted"), ("license-denied", "不予许可", "licence denied"),
         ("levy", "征收", "levy"), ("inspection-result", "检查结果", "inspection result"), ("other", "其他", "other")])
    public static let penaltyKinds = Vocabulary(
        "penalty kind",
        [("warning", "警告", "warning"), ("fine", "罚款", "fine"), ("confiscation", "没收违法所得、非法财物", "confiscation"),
         ("suspension", "责令停产停业", "suspension"), ("license-revocation", "暂扣或者吊销许可证、执照", "licence revocation"),
         ("detention", "行政拘留", "detention"), ("other", "其他", "other")])
    public static let serviceMethods = Vocabulary(
        "service method",
        [("in-person", "直接送达", "in person"), ("post", "邮寄送达", "by post"), ("agent", "委托送达", "through an agent"),
         ("notice-board", "公告送达", "by public notice"), ("electronic", "电子送达", "electronically")])
    public static let signerRoles = Vocabulary(
        "signer role",
        [("party", "当事人", "party"), ("agent", "委托代理人", "agent"), ("representative", "法定代表人或负责人", "legal representative"),
         ("interviewee", "被询问人", "interviewee"), ("witness", "见证人", "witness"), ("officer", "执法人员", "officer"),
         ("chair", "听证主持人", "hearing chair")])
    public static let mitigations = Vocabulary(
        "mitigation", [("lighter", "从轻处罚", "lighter, within the range"), ("reduced", "减轻处罚", "reduced, below the range")])
    public static let officerStatuses = Vocabulary(
        "certificate status", [("active", "有效", "active"), ("suspended", "暂扣", "suspended"), ("revoked", "吊销", "revoked")])

    /// The default pack's document types.
    public static let defaultDocumentTypes = Vocabulary(
        "document type",
        [("filing-approval", "立案审批表", "case-filing approval form"), ("inquiry-record", "询问笔录", "inquiry record"),
         ("inspection-record", "现场检查（勘验）笔录", "inspection record"), ("sampling-record", "抽样取证凭证", "sampling record"),
         ("preservation-notice", "先行登记保存证据通知书", "evidence preservation notice"),
         ("preservation-decision", "先行登记保存证据处理决定书", "preserved evidence decision"),
         ("evidence", "证据材料", "evidence"), ("investigation-report", "案件调查终结报告", "investigation report"),
         ("notice-letter", "行政处罚事先告知书", "prior notice letter"), ("statement-record", "陈述申辩笔录", "statement record"),
         ("hearing-notice", "听证通知书", "hearing notice"), ("hearing-record", "听证笔录", "hearing record"),
         ("hearing-report", "听证报告", "hearing report"), ("review-opinion", "法制审核意见书", "legal review opinion"),
         ("discussion-record", "集体讨论记录", "collective discussion record"), ("decision", "行政处罚决定书（或其他决定书）", "decision"),
         ("service-receipt", "送达回证", "service receipt"), ("execution-record", "执行记录", "execution record"),
         ("closing-report", "结案报告", "closing report"), ("inspection-result", "检查结果告知", "inspection result notice"),
         ("acceptance-notice", "受理通知书", "acceptance notice"), ("license-decision", "准予/不予许可决定书", "licensing decision")])

    /// The format with the default pack's document types.
    public static let standard = DossierFormat(documentTypes: defaultDocumentTypes)

    /// The format for a pack's document vocabulary.
    public init(documentTypes: Vocabulary) {
        self.documentTypes = documentTypes
        let S = DossierFormat.self
        let penalty: Requirement = .forCategories(["penalty"])
        let agency = ObjectSpec("Agency", [
            FieldSpec("code", .text, .required, "the agency's code, e.g. 370800-DA"),
            FieldSpec("name", .text, .required, "the agency's name"),
            FieldSpec("region", .text, .required, "6-digit administrative division code (370800 = 济宁市)"),
            FieldSpec("kind", .code(S.agencyKinds), .required, "organ, authorized or entrusted"),
        ])
        let matter = ObjectSpec("Matter", [
            FieldSpec("code", .text, .required, "code of the item on the agency's enforcement-matter list"),
            FieldSpec("name", .text, .optional, "its name"),
        ])
        let party = ObjectSpec("Party", [
            FieldSpec("kind", .code(S.partyKinds), .required, "individual or organization"),
            FieldSpec("name", .text, .required, "full name"),
            FieldSpec("idNumber", .text, .optional, "18-character resident ID number"),
            FieldSpec("creditCode", .text, .optional, "18-character unified social credit code"),
            FieldSpec("address", .text, .optional, "address"),
        ])
        let violation = ObjectSpec("Violation", [
            FieldSpec("facts", .text, .optional, "the facts found"),
            FieldSpec("discoveredOn", .date, .required, "when the violation was discovered"),
            FieldSpec("occurredOn", .date, .required, "when it occurred or ended"),
            FieldSpec("severity", .code(S.severities), .required, "the discretion level the case was graded at"),
        ])
        let source = ObjectSpec("Source", [
            FieldSpec("kind", .code(S.sourceKinds), .required, "random, complaint, referral or routine"),
            FieldSpec("drawId", .text, .optional, "the random-draw record"),
        ])
        let step = ObjectSpec("Step", [
            FieldSpec("id", .text, .required, "unique within the dossier"),
            FieldSpec("type", .code(S.stepTypes), .required, "the kind of activity"),
            FieldSpec("start", .time, .required, "when it started"),
            FieldSpec("end", .time, .required, "when it ended"),
            FieldSpec("officers", .array(.text), .required, "certificate numbers of the officers"),
            FieldSpec("certificatesShown", .bool, .required, "whether the officers showed their certificates"),
            FieldSpec("location", .text, .optional, "where"),
            FieldSpec("recordings", .array(.text), .optional, "ids of the recordings of this step"),
            FieldSpec("documents", .array(.text), .optional, "ids of the documents of this step"),
        ])
        let recording = ObjectSpec("Recording", [
            FieldSpec("id", .text, .required, "unique within the dossier"),
            FieldSpec("kind", .code(S.recordingKinds), .required, "video, audio or photo"),
            FieldSpec("start", .time, .required, "start of the recorded span"),
            FieldSpec("end", .time, .required, "end of the recorded span (= start for a photo)"),
            FieldSpec("device", .text, .optional, "recording device"),
            FieldSpec("sha256", .text, .optional, "SHA-256 of the media file"),
            FieldSpec("storedAt", .time, .optional, "when it reached the agency's storage"),
        ])
        let signature = ObjectSpec("Signature", [
            FieldSpec("role", .code(S.signerRoles), .required, "who signs: party, agent, representative, interviewee, witness, officer or chair"),
            FieldSpec("name", .text, .optional, "the signer's name"),
            FieldSpec("certificate", .text, .optional, "the signer's certificate number (officers, chairs)"),
            FieldSpec("refused", .bool, .optional, "the person refused to sign and the officers noted it in the record"),
            FieldSpec("note", .text, .optional, "the note made of a refusal or of the signature"),
        ])
        let document = ObjectSpec("Document", [
            FieldSpec("id", .text, .required, "unique within the dossier"),
            FieldSpec("type", .code(documentTypes), .required, "document type code of the pack"),
            FieldSpec("title", .text, .required, "title"),
            FieldSpec("number", .text, .optional, "document number"),
            FieldSpec("date", .date, .optional, "date of the document"),
            FieldSpec("signedBy", .array(.textOr(signature)), .optional,
                      "signatories: a certificate number, the word 当事人 or a name, or a Signature object"),
            FieldSpec("sealed", .bool, .optional, "whether it bears the agency's seal"),
            FieldSpec("servedOn", .date, .optional, "when it was served"),
        ])
        let notice = ObjectSpec("Notice", [
            FieldSpec("date", .date, .required, "date of the prior notice"),
            FieldSpec("rights", .array(.code(S.rights)), .required, "rights the party was told of"),
            FieldSpec("servedOn", .date, .optional, "when it was served"),
        ])
        let statement = ObjectSpec("Statement", [
            FieldSpec("receivedOn", .date, .optional, "when the statement or defence was received"),
            FieldSpec("waived", .bool, .required, "whether the party waived it"),
        ])
        let hearing = ObjectSpec("Hearing", [
            FieldSpec("requested", .bool, .required, "whether the party asked for a hearing"),
            FieldSpec("requestedOn", .date, .optional, "when"),
            FieldSpec("waivedOn", .date, .optional, "when the party waived the hearing in writing"),
            FieldSpec("noticeOn", .date, .optional, "when the hearing notice was served"),
            FieldSpec("heldOn", .date, .optional, "when the hearing was held"),
            FieldSpec("chair", .text, .optional, "certificate number of the person who chaired the hearing"),
        ])
        let elements = ObjectSpec(
            "ReviewElements", S.reviewElements.terms.map { FieldSpec($0.code, .bool, .optional, $0.en) })
        let disagreement = ObjectSpec("Disagreement", [
            FieldSpec("resolvedOn", .date, .optional, "when the disagreement was resolved"),
            FieldSpec("by", .text, .optional, "who resolved it"),
        ])
        let review = ObjectSpec("LegalReview", [
            FieldSpec("submittedOn", .date, .required, "when the case was submitted for review"),
            FieldSpec("completedOn", .date, .optional, "when the review was completed"),
            FieldSpec("reviewers", .array(.text), .required, "certificate numbers of the legal reviewers"),
            FieldSpec("opinion", .code(S.opinions), .optional, "approve, revise or reject"),
            FieldSpec("elements", .object(elements), .optional, "the review elements and whether each holds"),
            FieldSpec("disagreement", .object(disagreement), .optional, "how a disagreement was resolved"),
        ])
        let discussion = ObjectSpec("Discussion", [
            FieldSpec("date", .date, .required, "date of the collective discussion"),
            FieldSpec("participants", .array(.text), .optional, "names"),
            FieldSpec("conclusion", .text, .optional, "conclusion"),
        ])
        let penaltyItem = ObjectSpec("Penalty", [
            FieldSpec("kind", .code(S.penaltyKinds), .required, "kind of penalty"),
            FieldSpec("amount", .money, .optional, "yuan, for fines and confiscations"),
        ])
        let remedies = ObjectSpec("Remedies", [
            FieldSpec("reconsideration", .bool, .required, "whether the party was told of reconsideration"),
            FieldSpec("litigation", .bool, .required, "whether the party was told of litigation"),
        ])
        let decision = ObjectSpec("Decision", [
            FieldSpec("date", .date, .required, "date of the decision"),
            FieldSpec("kind", .code(S.decisionKinds), .required, "kind of decision"),
            FieldSpec("penalties", .array(.object(penaltyItem)), .optional, "penalties imposed"),
            FieldSpec("basis", .array(.text), .optional, "legal basis cited"),
            FieldSpec("remedies", .object(remedies), .optional, "remedies the party was told of"),
            FieldSpec("major", .bool, .optional, "held major for reasons no number shows"),
            FieldSpec("extended", .bool, .optional, "an approved extension of a licensing period"),
            FieldSpec("revokedOn", .date, .optional, "when the decision was revoked"),
            FieldSpec("mitigation", .code(S.mitigations), .optional, "lighter (从轻, within the range) or reduced (减轻, below it)"),
            FieldSpec("mitigationBasis", .text, .optional, "the statutory ground of the mitigation"),
        ])
        let service = ObjectSpec("Service", [
            FieldSpec("date", .date, .required, "the day the agency performed service (handed over, posted, put up the notice, sent)"),
            FieldSpec("method", .code(S.serviceMethods), .required, "how it was served"),
            FieldSpec("stepId", .text, .optional, "the service step"),
            FieldSpec("effectiveOn", .date, .optional, "the day service took legal effect (receipt, end of the notice period)"),
            FieldSpec("consent", .bool, .optional, "whether the party agreed in writing to electronic service"),
        ])
        let execution = ObjectSpec("Execution", [
            FieldSpec("paidOn", .date, .optional, "when the fine was paid"),
            FieldSpec("amountPaid", .money, .optional, "yuan paid"),
            FieldSpec("enforcedOn", .date, .optional, "when it was enforced"),
        ])
        let disclosure = ObjectSpec("Disclosure", [
            FieldSpec("publishedOn", .date, .required, "when the result was published"),
            FieldSpec("platform", .text, .optional, "where"),
            FieldSpec("text", .text, .required, "the published text"),
            FieldSpec("withdrawnOn", .date, .optional, "when it was withdrawn"),
        ])
        let evaluationItem = ObjectSpec("EvaluationItem", [
            FieldSpec("rule", .text, .required, "catalogue id or manual item id"),
            FieldSpec("points", .integer, .required, "points deducted"),
            FieldSpec("note", .text, .optional, "the evaluator's note"),
        ])
        let evaluation = ObjectSpec("Evaluation", [
            FieldSpec("evaluator", .text, .required, "who evaluated"),
            FieldSpec("date", .date, .required, "when"),
            FieldSpec("items", .array(.object(evaluationItem)), .required, "findings"),
        ])
        dossier = ObjectSpec("Dossier", [
            FieldSpec("format", .constant(DossierFormat.dossierVersion), .required, "format version"),
            FieldSpec("id", .text, .required, "case number, unique within the agency"),
            FieldSpec("agency", .object(agency), .required, "the enforcing agency"),
            FieldSpec("category", .code(S.categories), .required, "category of enforcement"),
            FieldSpec("procedure", .code(S.procedures), penalty, "simple or general (penalties)"),
            FieldSpec("matter", .object(matter), .required, "the enforcement-matter list item"),
            FieldSpec("party", .object(party), .required, "the party"),
            FieldSpec("violation", .object(violation), penalty, "the violation (penalties)"),
            FieldSpec("source", .object(source), .forCategories(["inspection"]), "how the inspection arose"),
            FieldSpec("filedOn", .date, penalty, "case-filing date (penalties)"),
            FieldSpec("acceptedOn", .date, .forCategories(["licensing"]), "acceptance date (licensing)"),
            FieldSpec("steps", .array(.object(step)), .required, "on-site and procedural activities"),
            FieldSpec("recordings", .array(.object(recording)), .optional, "audio-visual records"),
            FieldSpec("documents", .array(.object(document)), .required, "written records and instruments"),
            FieldSpec("notice", .object(notice), .optional, "prior notice (general-procedure penalties)"),
            FieldSpec("statement", .object(statement), .optional, "statement and defence"),
            FieldSpec("hearing", .object(hearing), .optional, "hearing"),
            FieldSpec("legalReview", .object(review), .optional, "legal review (major decisions)"),
            FieldSpec("discussion", .object(discussion), .optional, "collective discussion of the agency heads"),
            FieldSpec("decision", .object(decision), .optional, "the decision, once decided"),
            FieldSpec("service", .object(service), .optional, "service of the decision"),
            FieldSpec("execution", .object(execution), .optional, "execution"),
            FieldSpec("closedOn", .date, .optional, "closing date"),
            FieldSpec("archivedOn", .date, .optional, "archiving date"),
            FieldSpec("disclosure", .object(disclosure), .optional, "public notice of the result"),
            FieldSpec("evaluation", .object(evaluation), .optional, "a human evaluator's items"),
        ])
        let review2 = ObjectSpec("CertificateReview", [
            FieldSpec("year", .integer, .required, "year of the periodic review"),
            FieldSpec("passed", .bool, .required, "whether it was passed"),
        ])
        officer = ObjectSpec("Officer", [
            FieldSpec("certificate", .text, .required, "certificate number"),
            FieldSpec("name", .text, .required, "name"),
            FieldSpec("unit", .text, .optional, "unit"),
            FieldSpec("position", .text, .optional, "position"),
            FieldSpec("categories", .array(.code(S.categories)), .required, "enforcement categories"),
            FieldSpec("regions", .array(.text), .required, "division codes"),
            FieldSpec("issuedOn", .date, .required, "issue date"),
            FieldSpec("expiresOn", .date, .required, "expiry date"),
            FieldSpec("status", .code(S.officerStatuses), .required, "active, suspended or revoked"),
            FieldSpec("reviews", .array(.object(review2)), .optional, "periodic reviews"),
            FieldSpec("legalReviewer", .bool, .optional, "registered as a legal reviewer"),
            FieldSpec("lawQualification", .bool, .optional, "holds a legal-profession qualification"),
            FieldSpec("legalReviewerSince", .date, .optional, "the day the person first took up legal review of penalty decisions"),
        ])
        var plans: [ObjectIdentifier: ObjectPlan] = [:]
        dossierPlan = ObjectPlan.plan(dossier, plans: &plans)
        registry = ObjectSpec("OfficerRegistry", [
            FieldSpec("format", .constant(DossierFormat.officersVersion), .required, "format version"),
            FieldSpec("agency", .text, .required, "agency code"),
            FieldSpec("officers", .array(.object(officer)), .required, "the officers"),
        ])
    }
}
