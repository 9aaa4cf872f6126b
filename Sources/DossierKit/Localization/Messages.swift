/// The catalogue of user-facing strings the tool assembles itself (errors about inputs,
/// validation messages, usage errors, help, severity tags, summaries), each under a stable id and
/// in both languages. Rule messages live in the rule pack (its `message` templates); everything
/// else a person can read comes from here, so no string is assembled in one language only.
///
/// Placeholders are `{0}`, `{1}`…, replaced by the message's arguments; an argument may itself be
/// a message, rendered in the same language (`expected {0} for '{1}'` with `{0}` = `type.date`).
/// Worked example: `Message(.noSuchFile)` → en `no such file or folder`, zh `没有这个文件或文件夹`.
public enum MessageID: String, CaseIterable, Sendable {
    // Severity tags and the words around a report line.
    case severityError = "severity.error"
    case severityWarning = "severity.warning"
    case veto = "tag.veto"

    // Inputs.
    case noSuchFile = "input.no-such-file"
    case noDossierFound = "input.no-dossier-found"
    case noOfficerRegistry = "input.no-officer-registry"
    case officerRegistryNotice = "input.officer-registry"
    case cannotOpen = "input.cannot-open"
    case cannotRead = "input.cannot-read"
    case recordOverLimit = "input.record-over-limit"
    case inputOverLimit = "input.over-limit"
    case oneMoreError = "input.one-more-error"
    case moreErrors = "input.more-errors"

    // Validation of dossiers and registries.
    case expectedObject = "validate.expected-object"
    case unknownKey = "validate.unknown-key"
    case missingKey = "validate.missing-key"
    case missingKeyForCategory = "validate.missing-key-for-category"
    case expectedType = "validate.expected-type"
    case expectedDate = "validate.expected-date"
    case expectedTime = "validate.expected-time"
    case amountTooPrecise = "validate.amount-unreadable"
    case amountNegative = "validate.amount-negative"
    case amountDecimals = "validate.amount-decimals"
    case unknownCode = "validate.unknown-code"
    case unknownCodeOneOf = "validate.unknown-code-one-of"
    case expectedConstant = "validate.expected-constant"
    case noSuchMonth = "validate.no-such-month"
    case noSuchDay = "validate.no-such-day"
    case foundObject = "value.object"
    case foundArray = "value.array"
    case foundNumber = "value.number"
    case typeText = "type.text"
    case typeDate = "type.date"
    case typeTime = "type.time"
    case typeMoney = "type.money"
    case typeInteger = "type.integer"
    case typeBool = "type.bool"
    case typeCode = "type.code"
    case typeObject = "type.object"
    case typeTextOrObject = "type.text-or-object"
    case typeArray = "type.array"
    case typeAny = "type.any"
    case expectedConstantValue = "type.constant"
    // The objects of the dossier and registry formats, as validation messages name them.
    case objectAgency = "object.Agency"
    case objectMatter = "object.Matter"
    case objectParty = "object.Party"
    case objectViolation = "object.Violation"
    case objectSource = "object.Source"
    case objectStep = "object.Step"
    case objectRecording = "object.Recording"
    case objectSignature = "object.Signature"
    case objectDocument = "object.Document"
    case objectNotice = "object.Notice"
    case objectStatement = "object.Statement"
    case objectHearing = "object.Hearing"
    case objectReviewElements = "object.ReviewElements"
    case objectDisagreement = "object.Disagreement"
    case objectLegalReview = "object.LegalReview"
    case objectDiscussion = "object.Discussion"
    case objectPenalty = "object.Penalty"
    case objectRemedies = "object.Remedies"
    case objectDecision = "object.Decision"
    case objectService = "object.Service"
    case objectExecution = "object.Execution"
    case objectDisclosure = "object.Disclosure"
    case objectEvaluationItem = "object.EvaluationItem"
    case objectEvaluation = "object.Evaluation"
    case objectDossier = "object.Dossier"
    case objectCertificateReview = "object.CertificateReview"
    case objectOfficer = "object.Officer"
    case objectOfficerRegistry = "object.OfficerRegistry"

    // Summaries.
    case summaryDossiers = "summary.dossiers"
    case summaryNotCheckable = "summary.not-checkable"
    case summaryUnverified = "summary.unverified"
    case summaryFindings = "summary.findings"
    case summaryWaived = "summary.waived"
    case summaryBaselined = "summary.baselined"
    case summaryUnchecked = "summary.rules-not-checked"
    case ruleNotCheckedNoRegistry = "summary.not-checked.no-officer-registry"
    case ruleNotCheckedNotSelected = "summary.not-checked.not-selected"

    // JSON syntax: the reader's wording, read back by `JSONError.text` (sentences, then phrases).
    case fileTooLarge = "input.file-too-large"
    case jsonEmptyInput = "json.empty-input"
    case jsonDataAfterValue = "json.data-after-value"
    case jsonNesting = "json.nesting"
    case jsonDuplicateKeyAt = "json.duplicate-key-at"
    case jsonDuplicateKey = "json.duplicate-key"
    case jsonInvalidByteInString = "json.invalid-byte-in-string"
    case jsonControlInString = "json.control-in-string"
    case jsonEndOfInput = "json.end-of-input"
    case jsonHexDigits = "json.hex-digits"
    case jsonUnpairedSurrogate = "json.unpaired-surrogate"
    case jsonEscapeFollowedBy = "json.escape-followed-by"
    case jsonInvalidEscape = "json.invalid-escape"
    case jsonNoInfinity = "json.no-infinity"
    case jsonNoNaN = "json.no-nan"
    case jsonNoComments = "json.no-comments"
    case jsonDigitAfterMinus = "json.digit-after-minus"
    case jsonLeadingZeros = "json.leading-zeros"
    case jsonDigitAfterPoint = "json.digit-after-point"
    case jsonDigitInExponent = "json.digit-in-exponent"
    case jsonInvalidLiteral = "json.invalid-literal"
    case jsonTrailingCommaValue = "json.trailing-comma-value"
    case jsonTrailingCommaKey = "json.trailing-comma-key"
    case jsonSingleQuotedKey = "json.single-quoted-key"
    case jsonSingleQuoted = "json.single-quoted"
    case jsonUnquotedKey = "json.unquoted-key"
    case jsonInvalidByteExpected = "json.invalid-byte-expected"
    case jsonUnexpectedCharacter = "json.unexpected-character"
    case jsonExpectedFound = "json.expected-found"
    case jsonExpected = "json.expected"
    case jsonPhraseValue = "json.phrase.value"
    case jsonPhraseValueOrBracket = "json.phrase.value-or-bracket"
    case jsonPhraseAfterMember = "json.phrase.after-member"
    case jsonPhraseAfterElement = "json.phrase.after-element"
    case jsonPhraseAfterKey = "json.phrase.after-key"
    case jsonPhraseBeginKey = "json.phrase.begin-key"
    case jsonPhraseCloseString = "json.phrase.close-string"
    case jsonPhraseEscape = "json.phrase.escape"
    case jsonPhraseEndOfInput = "json.phrase.end-of-input"
    case jsonPhraseInvalidByte = "json.phrase.invalid-byte"
    case jsonPhraseNamedCharacter = "json.phrase.named-character"
    case jsonPhraseKey = "json.phrase.key"
    case jsonPhraseKeyOrClose = "json.phrase.key-or-close"
    case jsonPhraseDigitAfterMinus = "json.phrase.digit-after-minus"
    case jsonPhraseDigitAfterPoint = "json.phrase.digit-after-point"
    case jsonPhraseDigitInExponent = "json.phrase.digit-in-exponent"

    // Rule packs: loading and compiling a pack (for pack authors; keys of the format stay as written).
    case packExpectedExpression = "pack.expected-expression"
    case packExpectedTemplate = "pack.expected-template"
    case packDuplicateLawPeriod = "pack.duplicate-law-period"
    case packLawPeriodOrder = "pack.law-period-order"
    case packDefinitionShadows = "pack.definition-shadows"
    case packDuplicateRule = "pack.duplicate-rule"
    case packUnknownRuleKind = "pack.unknown-rule-kind"
    case packRuleNeedsLaw = "pack.rule-needs-law"
    case packLawInVersions = "pack.law-in-versions"
    case packVersionsOverlap = "pack.versions-overlap"
    case packUnknownParameter = "pack.unknown-parameter"
    case packUnknownLawPeriod = "pack.unknown-law-period"
    case packDuplicateTable = "pack.duplicate-table"
    case packTableRow = "pack.table-row"
    case packForNameTaken = "pack.for-name-taken"
    case packForEachList = "pack.for-each-list"
    case packLetShadows = "pack.let-shadows"
    case packLetType = "pack.let-type"
    case packDateType = "pack.date-type"
    case packVersionsNeedDate = "pack.versions-need-date"
    case packVetoWhen = "pack.veto-when"
    case packMissingCheck = "pack.missing-check"
    case packMissingMessage = "pack.missing-message"
    case packAtVariable = "pack.at-variable"
    case packNeedsTable = "pack.needs-table"
    case packUnknownTable = "pack.unknown-table"
    case packRowNeeds = "pack.row-needs"
    case packUnknownDocumentType = "pack.unknown-document-type"
    case scoringCategoryTwice = "scoring.category-twice"
    case scoringCategoryMax = "scoring.category-max"
    case scoringUnknownGrade = "scoring.unknown-grade"
    case scoringManualTwice = "scoring.manual-twice"
    case scoringCategoryNotOnSheet = "scoring.category-not-on-sheet"
    case scoringGradeTwice = "scoring.grade-twice"
    case scoringGradesOrder = "scoring.grades-order"
    case scoringNeedsGrade = "scoring.needs-grade"
    case scoringLowestGrade = "scoring.lowest-grade"
    case assessIndicatorTwice = "assess.indicator-twice"
    case assessUnknownRule = "assess.unknown-rule"
    case assessRulesNeeded = "assess.rules-needed"
    case assessRulesOnly = "assess.rules-only"
    case assessGradesNeeded = "assess.grades-needed"
    case assessGradesOnly = "assess.grades-only"
    case assessNegativeWeight = "assess.negative-weight"
    case assessUnweighted = "assess.unweighted"
    case assessBetter = "assess.better"
    case assessTarget = "assess.target"
    case assessWeightsSum = "assess.weights-sum"
    case assessWarningDays = "assess.warning-days"

    // The working-day calendar (read back by `CalendarError.text` and `HolidayDataError.text`).
    case calendarNoData = "calendar.no-data"
    case calendarBadYear = "calendar.bad-year"
    case calendarNoYears = "calendar.no-years"
    case calendarMissingYear = "calendar.missing-year"
    case calendarUnnamedHoliday = "calendar.unnamed-holiday"
    case calendarTwoNames = "calendar.two-names"
    case calendarMakeUpWeekday = "calendar.make-up-weekday"
    case calendarBoth = "calendar.both"
    case calendarBadDate = "calendar.bad-date"
    case calendarWrongYear = "calendar.wrong-year"
    case calendarHolidays = "calendar.holidays"
    case calendarMakeUpDays = "calendar.make-up-days"

    // CI data files: waivers, baselines, `.dossier.json`.
    case configRulesEmpty = "config.rules-empty"
    case configMaxWarnings = "config.max-warnings"
    case configRulesOrSkip = "config.rules-or-skip"
    case waiverNoRule = "waiver.no-rule"
    case waiverNeedsTarget = "waiver.needs-target"
    case waiverPointer = "waiver.pointer"
    case waiverEmpty = "waiver.empty"
    case waiverExpiryOrder = "waiver.expiry-order"
    case waiverExpired = "waiver.expired"
    case waiverUnused = "waiver.unused"

    // CI data files, continued.
    case baselineGone = "baseline.gone"

    // Files and folders (read back from the file layer's wording by `Wording`).
    case fileIsFolder = "file.is-folder"
    case fileNotRegular = "file.not-regular"
    case fileCannotStat = "file.cannot-stat"
    case fileOverLimit = "file.over-limit"
    case fileWriteDangling = "file.write-dangling"
    case fileWriteFolder = "file.write-folder"
    case fileCannotWrite = "file.cannot-write"
    case fileCannotList = "file.cannot-list"
    case fileSkippedLoop = "file.skipped-loop"
    case fileSkippedName = "file.skipped-name"
    case registryUnreadable = "input.registry-unreadable"
    case errnoNoEntry = "errno.no-entry"
    case errnoPermission = "errno.permission"
    case errnoIsDirectory = "errno.is-directory"
    case errnoNotDirectory = "errno.not-directory"
    case errnoNoSpace = "errno.no-space"
    case errnoReadOnly = "errno.read-only"
    case errnoLoop = "errno.loop"
    case errnoIO = "errno.io"
    case errnoNameTooLong = "errno.name-too-long"
    case errnoTooManyFiles = "errno.too-many-files"
    case errnoQuota = "errno.quota"
    case errnoExists = "errno.exists"
    case errnoNotPermitted = "errno.not-permitted"
    case kindFifo = "file.kind.fifo"
    case kindSocket = "file.kind.socket"
    case kindCharacterDevice = "file.kind.character-device"
    case kindBlockDevice = "file.kind.block-device"
    case kindFolder = "file.kind.folder"
    case kindSymbolicLink = "file.kind.symbolic-link"
    case kindSpecial = "file.kind.special"

    // Rule packs, continued: the scoring sheet against the rules.
    case scoringRuleCategory = "scoring.rule-category"
    case scoringManualIsRule = "scoring.manual-is-rule"
    case scoringTheSheet = "scoring.the-sheet"
    case scoringTheAssessment = "scoring.the-assessment"

    // The command line's own errors and lines.
    case tagged = "cli.tagged"
    case errorLine = "cli.error-line"
    case errorAtPath = "cli.error-at-path"
    case cannotWriteStandardOutput = "cli.cannot-write-stdout"
    case noPackFound = "cli.no-pack"
    case packHasErrors = "cli.pack-has-errors"
    case configInvalid = "cli.config-invalid"
    case waiversInvalid = "cli.waivers-invalid"
    case baselineInvalid = "cli.baseline-invalid"
    case skipUnknownRule = "cli.skip-unknown-rule"
    case outputIsInput = "cli.output-is-input"
    case cannotCreateFolder = "cli.cannot-create-folder"
    case nowTakesUTC = "usage.now-takes-utc"
    case configFromCommandLine = "config.origin.command-line"
    case configFromDefault = "config.origin.default"
    case configOfficersDefault = "config.default.officers"
    case configAll = "config.value.all"
    case configNone = "config.value.none"
    case configLine = "config.line"

    // `dossier rules test`: the pack's self-tests.
    case testOk = "test.ok"
    case testFail = "test.fail"
    case testTotals = "test.totals"
    case testAt = "test.at"
    case testCannotRead = "test.cannot-read"
    case testNoBase = "test.no-base"
    case testRegistry = "test.registry"
    case testPatch = "test.patch"
    case testUnknownRule = "test.unknown-rule"
    case testDidNotFire = "test.did-not-fire"
    case testFired = "test.fired"
    case testNoBreakingCase = "test.no-breaking-case"
    case testNoKeepingCase = "test.no-keeping-case"

    // Text already in both languages (a pack's finding messages), carried as a message.
    case localized = "text.localized"

    // The text report (`check` and `score` on a terminal).
    case textPersonalDataUnmasked = "text.personal-data-unmasked"
    case textVetoMark = "text.veto-mark"
    case textHumanMark = "text.human-mark"
    case textWaivedMark = "text.waived-mark"
    case textBaselineMark = "text.baseline-mark"
    case textWaiverReason = "text.waiver-reason"
    case textBasisJudged = "text.basis-judged"
    case textEvaluatedBy = "text.evaluated-by"
    case textScoreLine = "text.score-line"
    case textScoreLineVeto = "text.score-line-veto"
    case textNoCaseNumber = "text.no-case-number"
    case textNotScored = "text.not-scored"
    case textSheetScore = "text.sheet-score"
    case textSheetVeto = "text.sheet-veto"
    case textDeducted = "text.deducted"
    case textDeductions = "text.deductions"
    case textWaivedNotDeducted = "text.waived-not-deducted"
    case textHumanBy = "text.human-by"
    case textBasisBracket = "text.basis-bracket"
    case textScoredCount = "text.scored-count"
    case textScoresLine = "text.scores-line"
    case textTopDeductions = "text.top-deductions"
    case separatorSemicolon = "separator.semicolon"
    case separatorEnumeration = "separator.enumeration"
    case separatorComma = "separator.comma"

    // `dossier explain`.
    case explainArguments = "usage.explain-arguments"
    case explainLineOption = "usage.explain-line"
    case explainNoRule = "usage.explain-no-rule"
    case explainNoRuleShort = "usage.explain-no-rule-short"
    case explainNoItem = "usage.explain-no-item"
    case explainNoLine = "explain.no-line"
    case explainManyDossiers = "explain.many-dossiers"
    case helpExplainSummary = "help.explain"
    case helpExplainDiscussion = "help.explain-discussion"

    // `dossier assess`.
    case assessPartialOnly = "usage.assess-partial-only"
    case assessNoScheme = "assess.no-scheme"
    case assessMergeNeedsPartial = "usage.assess-merge-needs-partial"
    case assessMergeFixedOption = "usage.assess-merge-fixed-option"
    case assessPackMismatch = "assess.pack-mismatch"
    case assessDateOption = "usage.assess-date-option"
    case assessToBeforeFrom = "usage.assess-to-before-from"
    case assessCompareNeeds = "usage.assess-compare-needs"
    case helpAssessSummary = "help.assess"
    case helpAssessDiscussion = "help.assess-discussion"

    // `dossier verify` and receipts.
    case receiptNotJSON = "receipt.not-json"
    case receiptNone = "receipt.none"
    case receiptIncomplete = "receipt.incomplete"
    case verifyNeedsReport = "usage.verify-needs-report"
    case helpVerifySummary = "help.verify"
    case helpVerifyDiscussion = "help.verify-discussion"

    // Usage errors and help.
    case errorLabel = "usage.error-label"
    case usageLabel = "usage.usage-label"
    case seeHelp = "usage.see-help"
    case unknownCommand = "usage.unknown-command"
    case unknownSubcommand = "usage.unknown-subcommand"
    case nameSubcommand = "usage.name-subcommand"
    case unknownOption = "usage.unknown-option"
    case optionTakesNoValue = "usage.option-takes-no-value"
    case optionNeedsValue = "usage.option-needs-value"
    case optionChoices = "usage.option-choices"
    case optionTwice = "usage.option-twice"
    case optionNotHere = "usage.option-not-here"
    case wholeNumber = "usage.whole-number"
    case tooManyArguments = "usage.too-many-arguments"
    case missingArgument = "usage.missing-argument"
    case noInput = "usage.no-input"
    case noSuchRule = "usage.no-such-rule"
    case rulesNeedsAnId = "usage.rules-needs-an-id"
    case reportSpec = "usage.report-spec"
    case expectedDateArgument = "usage.expected-date"
    case expectedDayCount = "usage.expected-day-count"
    case dayUnit = "usage.day-unit"
    case helpOptions = "help.options"
    case helpCommands = "help.commands"
    case helpSubcommands = "help.subcommands"
    case helpShowHelp = "help.show-help"
    case helpOverview = "help.overview"
    case helpMore = "help.more"
    case didYouMean = "hint.did-you-mean"
    /// Text from code not yet moved into the catalogue (transitional; shown as is).
    case untranslated = "untranslated"

    // Outputs refused before anything is written.
    case outputIsDossier = "output.is-dossier"

    // Self-test cases that name a sample.
    case testSampleOutside = "test.sample-outside"
    case testBothBases = "test.both-bases"
    case testNoSamplesFolder = "test.no-samples-folder"
    // The expression language: compile errors (lexer, parser, checker, templates), as a pack
    // author reads them in pack diagnostics, `dossier rules test` and `dossier explain`.
    case exprUnexpectedEquals = "expr.unexpected-equals"
    case exprUnexpectedAmpersand = "expr.unexpected-ampersand"
    case exprUnexpectedBar = "expr.unexpected-bar"
    case exprUnexpectedCharacter = "expr.unexpected-character"
    case exprInvalidNumber = "expr.invalid-number"
    case exprNumberOutOfRange = "expr.number-out-of-range"
    case exprUnterminatedString = "expr.unterminated-string"
    case exprUnicodeEscape = "expr.unicode-escape"
    case exprUnicodeEscapeValue = "expr.unicode-escape-value"
    case exprUnknownEscape = "expr.unknown-escape"
    case exprTokenString = "expr.token.string"
    case exprTokenEnd = "expr.token.end"
    case exprUnexpected = "expr.unexpected"
    case exprExpectedSymbol = "expr.expected-symbol"
    case exprTooDeep = "expr.too-deep"
    case exprExpectedName = "expr.expected-name"
    case exprExpectedExpression = "expr.expected-expression"
    case exprExpectedType = "expr.expected-type"
    case exprCostSteps = "expr.cost-steps"
    case exprCostUnbounded = "expr.cost-unbounded"
    case exprCostOverBudget = "expr.cost-over-budget"
    case exprUnknownVariable = "expr.unknown-variable"
    case exprCannotIndexWith = "expr.cannot-index-with"
    case exprCannotIndex = "expr.cannot-index"
    case exprHasCall = "expr.has-call"
    case exprUnaryOperator = "expr.unary-operator"
    case exprBinaryOperator = "expr.binary-operator"
    case exprUseInstead = "expr.use-instead"
    case exprConditionType = "expr.condition-type"
    case exprBranchTypes = "expr.branch-types"
    case exprMapKeyType = "expr.map-key-type"
    case exprUnknownField = "expr.unknown-field"
    case exprCannotAccessField = "expr.cannot-access-field"
    case exprHasArgument = "expr.has-argument"
    case exprCannotTestField = "expr.cannot-test-field"
    case exprPhraseExpression = "expr.phrase.expression"
    case exprPhrasePredicate = "expr.phrase.predicate"
    case exprMacroReceiver = "expr.macro-receiver"
    case exprMacroArgumentsExpression = "expr.macro-arguments-expression"
    case exprMacroArgumentsPredicate = "expr.macro-arguments-predicate"
    case exprMacroVariable = "expr.macro-variable"
    case exprCannotIterate = "expr.cannot-iterate"
    case exprPredicateType = "expr.predicate-type"
    case exprUnknownFunction = "expr.unknown-function"
    case exprInvalidDateLiteral = "expr.invalid-date-literal"
    case exprInvalidTimeLiteral = "expr.invalid-time-literal"
    case exprNoOverload = "expr.no-overload"
    case exprTemplateUnmatchedBrace = "expr.template-unmatched-brace"
    case exprTemplateEmptyHole = "expr.template-empty-hole"
    case exprTemplateUnterminated = "expr.template-unterminated"
    case exprTemplateUnknownFormat = "expr.template-unknown-format"
    case exprOr = "expr.or"

    // The expression language: evaluation errors, reported on the dossier and rule they hit.
    case evalNull = "eval.null"
    case evalMismatch = "eval.mismatch"
    case evalOverflow = "eval.overflow"
    case evalStringOverLimit = "eval.string-over-limit"
    case evalListOverLimit = "eval.list-over-limit"
    case evalBudget = "eval.budget"
    case evalDivisionByZero = "eval.division-by-zero"
    case evalNoSuchKey = "eval.no-such-key"
    case evalIndexNotWhole = "eval.index-not-whole"
    case evalIndexOutOfRange = "eval.index-out-of-range"
    case evalDuplicateMapKey = "eval.duplicate-map-key"
    case evalForeignActivation = "eval.foreign-activation"
    case evalMissingService = "eval.missing-service"
    case evalWholeNumber = "eval.whole-number"
    case evalUnitScalars = "eval.unit.scalars"
    case evalUnitDays = "eval.unit.days"
    case evalSubstringRange = "eval.substring-range"
    case evalSplitSeparator = "eval.split-separator"
    case evalJoinStrings = "eval.join-strings"
    case evalNotANumber = "eval.not-a-number"
    case evalCannotCompare = "eval.cannot-compare"
    case evalSumNumbers = "eval.sum-numbers"
    case evalInvalidDate = "eval.invalid-date"
    case evalInvalidTime = "eval.invalid-time"
    case evalAddDaysRange = "eval.add-days-range"
    case evalSortOrder = "eval.sort-order"
    case evalFlattenLists = "eval.flatten-lists"
    case evalWholeDays = "eval.whole-days"
    case evalWholeMonths = "eval.whole-months"
    case evalAddMonthsRange = "eval.add-months-range"
    case evalNoRegistry = "eval.no-registry"
    case ruleNotEvaluated = "eval.rule-not-evaluated"
    case definitionNotEvaluated = "eval.definition-not-evaluated"

    // `dossier rules test`: JSON Patch operations of a self-test case.
    case patchNeedsOpAndPath = "patch.needs-op-and-path"
    case patchRoot = "patch.root"
    case patchNeedsValue = "patch.needs-value"
    case patchNoSuchMember = "patch.no-such-member"
    case patchUnsupportedOp = "patch.unsupported-op"
    case patchNoMember = "patch.no-member"
    case patchIndexOutOfRange = "patch.index-out-of-range"
    case patchStepOutOfRange = "patch.step-out-of-range"
    case patchScalar = "patch.scalar"

    // `dossier assess merge`: reading and merging partial files.
    case partialNotPartial = "partial.not-partial"
    case partialNoFormat = "partial.no-format"
    case partialExpectedWhole = "partial.expected-whole-number"
    case partialExpectedString = "partial.expected-string"
    case partialExpectedDate = "partial.expected-date"
    case partialExpectedWholeKey = "partial.expected-whole-number-key"
    case partialExpectedCell = "partial.expected-cell"
    case partialExpectedRuleCount = "partial.expected-rule-count"
    case partialUnknownGrouping = "partial.unknown-grouping"
    case partialUnknownPeriod = "partial.unknown-period"
    case partialDifferentPacks = "partial.different-packs"
    case partialDifferentOptions = "partial.different-options"
    case partialDifferentRegistries = "partial.different-registries"

    // `dossier explain`, continued.
    case explainNotEvaluated = "explain.not-evaluated"
    case explainNotBool = "explain.not-bool"

    // The expression language, continued: the parser at the end of the input.
    case exprExpectedSymbolAtEnd = "expr.expected-symbol-at-end"
    case exprExpectedNameAtEnd = "expr.expected-name-at-end"
    case exprExpectedExpressionAtEnd = "expr.expected-expression-at-end"

    // ---- Report formats (texts in Messages+Reports.swift) ----
    // Markdown, CSV, SARIF, JUnit, GitHub annotations, HTML, text: headings, labels, columns.
    // The evaluation sheet (scoring), rule docs, the pack's own words.
    // Words several report formats share.
    case reportTitleScore = "report.title.score"
    case reportTitleCheck = "report.title.check"
    case reportNotChecked = "report.not-checked"
    case reportOriginHuman = "report.origin.human"
    case reportOriginAutomatic = "report.origin.automatic"
    case reportPersonalDataMasked = "report.personal-data-masked"
    case reportHeadingOverview = "report.heading.overview"
    case reportHeadingDossiers = "report.heading.dossiers"
    case reportHeadingRunErrors = "report.heading.run-errors"
    case reportHeadingTopDeductions = "report.heading.top-deductions"
    case reportCountDossiers = "report.count.dossiers"
    case reportCountScored = "report.count.scored"
    case reportCountVetoed = "report.count.vetoed"

    // Markdown.
    case reportMdPackLine = "report.md.pack-line"
    case reportMdPersonalDataNotMasked = "report.md.personal-data-not-masked"
    case reportMdVetoLine = "report.md.veto-line"
    case reportMdHeadingScoreSheets = "report.md.heading.score-sheets"
    case reportMdSectionsOmitted = "report.md.sections-omitted"
    case reportMdColumnCategory = "report.md.column.category"
    case reportMdColumnMax = "report.md.column.max"
    case reportMdColumnDeducted = "report.md.column.deducted"
    case reportMdColumnScore = "report.md.column.score"
    case reportMdColumnRule = "report.md.column.rule"
    case reportMdColumnPoints = "report.md.column.points"
    case reportMdColumnOrigin = "report.md.column.origin"
    case reportMdColumnMessage = "report.md.column.message"
    case reportMdColumnBasis = "report.md.column.basis"
    case reportMdColumnMean = "report.md.column.mean"
    case reportMdColumnMedian = "report.md.column.median"
    case reportMdColumnGrade = "report.md.column.grade"
    case reportMdColumnTitle = "report.md.column.title"
    case reportMdColumnCount = "report.md.column.count"
    case reportMdColumnCaseNumber = "report.md.column.case-number"
    case reportMdColumnFile = "report.md.column.file"
    case reportMdColumnVetoes = "report.md.column.vetoes"
    case reportMdColumnFindings = "report.md.column.findings"

    // CSV: the header row.
    case reportCsvColumnFile = "report.csv.column.file"
    case reportCsvColumnLine = "report.csv.column.line"
    case reportCsvColumnCaseNumber = "report.csv.column.case-number"
    case reportCsvColumnStatus = "report.csv.column.status"
    case reportCsvColumnAgency = "report.csv.column.agency"
    case reportCsvColumnCategory = "report.csv.column.category"
    case reportCsvColumnProcedure = "report.csv.column.procedure"
    case reportCsvColumnMatter = "report.csv.column.matter"
    case reportCsvColumnDecidedOn = "report.csv.column.decided-on"
    case reportCsvColumnFines = "report.csv.column.fines"
    case reportCsvColumnScore = "report.csv.column.score"
    case reportCsvColumnGrade = "report.csv.column.grade"
    case reportCsvColumnVetoed = "report.csv.column.vetoed"
    case reportCsvColumnRule = "report.csv.column.rule"
    case reportCsvColumnOrigin = "report.csv.column.origin"
    case reportCsvColumnSeverity = "report.csv.column.severity"
    case reportCsvColumnDeductionCategory = "report.csv.column.deduction-category"
    case reportCsvColumnPoints = "report.csv.column.points"
    case reportCsvColumnVeto = "report.csv.column.veto"
    case reportCsvColumnMessage = "report.csv.column.message"
    case reportCsvColumnPointer = "report.csv.column.pointer"
    case reportCsvColumnFindingLine = "report.csv.column.finding-line"
    case reportCsvColumnBasis = "report.csv.column.basis"
    case reportCsvColumnFingerprint = "report.csv.column.fingerprint"

    // GitHub annotations.
    case reportGithubCaseMessage = "report.github.case-message"
    case reportGithubWaivedNote = "report.github.waived-note"

    // JUnit.
    case reportJunitReadInput = "report.junit.read-input"
    case reportJunitWaived = "report.junit.waived"
    case reportJunitBasis = "report.junit.basis"
    case reportJunitEvaluatedBy = "report.junit.evaluated-by"
    case reportJunitNoteWaived = "report.junit.note.waived"
    case reportJunitNoteBaselined = "report.junit.note.baselined"

    // SARIF.
    case reportSarifResultsOmitted = "report.sarif.results-omitted"
    case reportSarifHelpBasis = "report.sarif.help.basis"
    case reportSarifManualDescription = "report.sarif.manual.description"
    case reportSarifManualHelp = "report.sarif.manual.help"

    // HTML: the page head, the receipt, the overview and its charts.
    case reportHtmlLabelPack = "report.html.label.pack"
    case reportHtmlPersonalDataNotMasked = "report.html.personal-data-not-masked"
    case reportHtmlHeadingReceipt = "report.html.heading.receipt"
    case reportHtmlReceiptTime = "report.html.receipt.time"
    case reportHtmlReceiptTool = "report.html.receipt.tool"
    case reportHtmlReceiptFileCount = "report.html.receipt.file-count"
    case reportHtmlReceiptPackDigest = "report.html.receipt.pack-digest"
    case reportHtmlReceiptSettings = "report.html.receipt.settings"
    case reportHtmlReceiptInputs = "report.html.receipt.inputs"
    case reportHtmlReceiptVerify = "report.html.receipt.verify"
    case reportHtmlColumnInput = "report.html.column.input"
    case reportHtmlColumnBytes = "report.html.column.bytes"
    case reportHtmlCountClean = "report.html.count.clean"
    case reportHtmlCountWithFindings = "report.html.count.with-findings"
    case reportHtmlCountMean = "report.html.count.mean"
    case reportHtmlCountMedian = "report.html.count.median"
    case reportHtmlCountDeductions = "report.html.count.deductions"
    case reportHtmlCountHumanItems = "report.html.count.human-items"
    case reportHtmlCountInputErrors = "report.html.count.input-errors"
    case reportHtmlChartGrades = "report.html.chart.grades"
    case reportHtmlChartScores = "report.html.chart.scores"
    case reportHtmlChartHistogram = "report.html.chart.histogram"
    case reportHtmlNoDeductions = "report.html.no-deductions"
    case reportHtmlSectionsOmitted = "report.html.sections-omitted"

    // HTML: the dossier table and each dossier's section.
    case reportHtmlColumnCaseAndFile = "report.html.column.case-and-file"
    case reportHtmlColumnCategory = "report.html.column.category"
    case reportHtmlColumnDecided = "report.html.column.decided"
    case reportHtmlColumnScore = "report.html.column.score"
    case reportHtmlColumnGrade = "report.html.column.grade"
    case reportHtmlColumnVetoes = "report.html.column.vetoes"
    case reportHtmlColumnFindings = "report.html.column.findings"
    case reportHtmlColumnRule = "report.html.column.rule"
    case reportHtmlColumnTitle = "report.html.column.title"
    case reportHtmlColumnCount = "report.html.column.count"
    case reportHtmlColumnPoints = "report.html.column.points"
    case reportHtmlColumnMax = "report.html.column.max"
    case reportHtmlColumnDeducted = "report.html.column.deducted"
    case reportHtmlColumnTotal = "report.html.column.total"
    case reportHtmlColumnOrigin = "report.html.column.origin"
    case reportHtmlColumnMessage = "report.html.column.message"
    case reportHtmlColumnBasis = "report.html.column.basis"
    case reportHtmlColumnWhere = "report.html.column.where"
    case reportHtmlHeadingInputErrors = "report.html.heading.input-errors"
    case reportHtmlHeadingTimeline = "report.html.heading.timeline"
    case reportHtmlHeadingDeductions = "report.html.heading.deductions"
    case reportHtmlFactAgency = "report.html.fact.agency"
    case reportHtmlFactMatter = "report.html.fact.matter"
    case reportHtmlFactKind = "report.html.fact.category-procedure"
    case reportHtmlFactParty = "report.html.fact.party"
    case reportHtmlFactFiled = "report.html.fact.filed"
    case reportHtmlFactDecision = "report.html.fact.decision"
    case reportHtmlFactFines = "report.html.fact.fines"
    case reportHtmlFactStage = "report.html.fact.stage"
    case reportHtmlStageArchived = "report.html.stage.archived"
    case reportHtmlStageClosed = "report.html.stage.closed"
    case reportHtmlStageDecided = "report.html.stage.decided"
    case reportHtmlStageFiled = "report.html.stage.filed"
    case reportHtmlStageOpen = "report.html.stage.open"
    case reportHtmlVetoLine = "report.html.veto-line"
    case reportHtmlGradeCapped = "report.html.grade-capped"
    case reportHtmlVetoTag = "report.html.veto-tag"
    case reportHtmlDeadline = "report.html.deadline"

    // HTML: the timeline picture.
    case reportHtmlTimelineOf = "report.html.timeline.of"
    case reportHtmlTimelineEmpty = "report.html.timeline.empty"
    case reportHtmlTimelineEvent = "report.html.timeline.event"
    case reportHtmlTimelineDate = "report.html.timeline.date"
    case reportHtmlTimelineRecorded = "report.html.timeline.recorded"
    case reportHtmlTimelineDeadline = "report.html.timeline.deadline"
    case reportHtmlTimelineMissed = "report.html.timeline.missed"
    case reportHtmlTimelineUnplaced = "report.html.timeline.unplaced"

    // The events of a case's timeline (`CaseFacts.events`).
    case timelineFiling = "report.timeline.filing"
    case timelineAcceptance = "report.timeline.acceptance"
    case timelineNotice = "report.timeline.notice"
    case timelineHearing = "report.timeline.hearing"
    case timelineReviewSubmitted = "report.timeline.review-submitted"
    case timelineReviewCompleted = "report.timeline.review-completed"
    case timelineDiscussion = "report.timeline.discussion"
    case timelineDecision = "report.timeline.decision"
    case timelineService = "report.timeline.service"
    case timelineDisclosure = "report.timeline.disclosure"
    case timelineWithdrawal = "report.timeline.withdrawal"
    case timelineClosing = "report.timeline.closing"
    case timelineArchiving = "report.timeline.archiving"

    // The standard evaluation sheet (`ScoringScheme.standard`).
    case scoringCategorySubject = "scoring.category.subject"
    case scoringCategoryEvidence = "scoring.category.evidence"
    case scoringCategoryLaw = "scoring.category.law"
    case scoringCategoryProcedure = "scoring.category.procedure"
    case scoringCategoryDocuments = "scoring.category.documents"
    case scoringCategoryFiling = "scoring.category.filing"
    case scoringGradeExcellent = "scoring.grade.excellent"
    case scoringGradeGood = "scoring.grade.good"
    case scoringGradePass = "scoring.grade.pass"
    case scoringGradeFail = "scoring.grade.fail"
    case scoringCapErrorNotExcellent = "scoring.cap.error-not-excellent"

    // Law periods and rule docs (`dossier rules list` and `rules show`).
    case periodFrom = "period.from"
    case periodUntil = "period.until"
    case periodAlways = "period.always"
    case ruledocsAnyDate = "ruledocs.any-date"
    case ruledocsColumnId = "ruledocs.column.id"
    case ruledocsColumnTitle = "ruledocs.column.title"
    case ruledocsColumnSeverity = "ruledocs.column.severity"
    case ruledocsColumnCategory = "ruledocs.column.category"
    case ruledocsColumnPoints = "ruledocs.column.points"
    case ruledocsColumnVeto = "ruledocs.column.veto"
    case ruledocsColumnLawPeriods = "ruledocs.column.law-periods"
    case ruledocsYes = "ruledocs.yes"
    case ruledocsSeverity = "ruledocs.severity"
    case ruledocsCategory = "ruledocs.category"
    case ruledocsPoints = "ruledocs.points"
    case ruledocsVeto = "ruledocs.veto"
    case ruledocsVetoWhen = "ruledocs.veto-when"
    case ruledocsHeadingBasis = "ruledocs.heading.basis"
    case ruledocsHeadingLawVersions = "ruledocs.heading.law-versions"
    case ruledocsHeadingParameters = "ruledocs.heading.parameters"
    case ruledocsBasis = "ruledocs.basis"
    case ruledocsNeeds = "ruledocs.needs"
    case ruledocsNote = "ruledocs.note"
    case ruledocsDefinedIn = "ruledocs.defined-in"

    // ---- end of report formats ----

    // ---- Assessments, explain and verify (texts in Messages+Assessment.swift) ----
    // The assessment model and its reporters, `dossier explain`'s renderer, `dossier verify`.

    // The assessment's words: title, header lines, groupings, periods, certificate states.
    case assessTitle = "assess.title"
    case assessPackLine = "assess.pack-line"
    case assessScope = "assess.scope"
    case assessScopeRange = "assess.scope.range"
    case assessScopeComparedWindow = "assess.scope.compared-window"
    case assessScopeComparedPrevious = "assess.scope.compared-previous"
    case assessInputs = "assess.inputs"
    case assessPeriodBasis = "assess.period-basis"
    case assessGroupingAgency = "assess.grouping.agency"
    case assessGroupingOfficer = "assess.grouping.officer"
    case assessGroupingMatter = "assess.grouping.matter"
    case assessGroupingCategory = "assess.grouping.category"
    case assessGroupingProcedure = "assess.grouping.procedure"
    case assessPeriodMonth = "assess.period.month"
    case assessPeriodQuarter = "assess.period.quarter"
    case assessPeriodYear = "assess.period.year"
    case assessPeriodNone = "assess.period.none"
    case assessPeriodLabelYear = "assess.period-label.year"
    case assessPeriodLabelQuarter = "assess.period-label.quarter"
    case assessPeriodLabelMonth = "assess.period-label.month"
    case assessGroupHeading = "assess.group-heading"
    case assessNotStated = "assess.not-stated"
    case assessTotal = "assess.total"
    case assessMet = "assess.met"
    case assessNotMet = "assess.not-met"
    case assessPercentagePoints = "assess.percentage-points"
    case assessSteps = "assess.steps"
    case assessCertificate = "assess.certificate"
    case assessAsOf = "assess.as-of"
    case assessStateValid = "assess.state.valid"
    case assessStateSuspended = "assess.state.suspended"
    case assessStateRevoked = "assess.state.revoked"
    case assessStateExpired = "assess.state.expired"
    case assessStateExpiring = "assess.state.expiring"
    case assessStateReviewMissing = "assess.state.review-missing"
    case assessStateNotRegistered = "assess.state.not-registered"
    case assessIdleNone = "assess.idle.none"
    // The annual statistics' rows.
    case assessStatCasesCategory = "assess.stat.cases-category"
    case assessStatCasesProcedure = "assess.stat.cases-procedure"
    case assessStatDecisions = "assess.stat.decisions"
    case assessStatDecisionKind = "assess.stat.decision-kind"
    case assessStatPenalty = "assess.stat.penalty"
    case assessStatFinesImposed = "assess.stat.fines-imposed"
    case assessStatFinesCollected = "assess.stat.fines-collected"
    case assessStatHearings = "assess.stat.hearings"
    case assessStatReviews = "assess.stat.reviews"
    case assessStatDisclosures = "assess.stat.disclosures"
    case assessStatRevoked = "assess.stat.revoked"
    // Headings of the text, Markdown and HTML assessments.
    case assessHeadingRanking = "assess.heading.ranking"
    case assessHeadingIndicators = "assess.heading.indicators"
    case assessHeadingTrend = "assess.heading.trend"
    case assessHeadingStatistics = "assess.heading.statistics"
    case assessHeadingOfficers = "assess.heading.officers"
    case assessHeadingIdleOfficers = "assess.heading.idle-officers"
    // Table columns (Markdown, HTML; CSV's header row).
    case assessColumnRank = "assess.column.rank"
    case assessColumnDossiers = "assess.column.dossiers"
    case assessColumnScore = "assess.column.score"
    case assessColumnGrade = "assess.column.grade"
    case assessColumnGroups = "assess.column.groups"
    case assessColumnIndicator = "assess.column.indicator"
    case assessColumnFraction = "assess.column.fraction"
    case assessColumnValue = "assess.column.value"
    case assessColumnTarget = "assess.column.target"
    case assessColumnMet = "assess.column.met"
    case assessColumnChange = "assess.column.change"
    case assessColumnFigure = "assess.column.figure"
    case assessColumnPeriod = "assess.column.period"
    case assessColumnGroupScores = "assess.column.group-scores"
    case assessColumnCertificateNumber = "assess.column.certificate-number"
    case assessColumnName = "assess.column.name"
    case assessColumnCases = "assess.column.cases"
    case assessColumnSteps = "assess.column.steps"
    case assessColumnStepFindings = "assess.column.step-findings"
    case assessColumnCertificateState = "assess.column.certificate-state"
    case assessCSVFrom = "assess.csv.from"
    case assessCSVTo = "assess.csv.to"
    case assessCSVGroup = "assess.csv.group"
    case assessCSVLabel = "assess.csv.label"
    case assessCSVIndicatorName = "assess.csv.indicator-name"
    case assessCSVNumerator = "assess.csv.numerator"
    case assessCSVDenominator = "assess.csv.denominator"
    case assessCSVSteps = "assess.csv.steps"
    // The text assessment's own lines.
    case assessTextGrades = "assess.text.grades"
    case assessTextDossierCount = "assess.text.dossier-count"
    case assessTextTrend = "assess.text.trend"
    case assessTextOfficerColumns = "assess.text.officer-columns"
    // The Markdown assessment's sentences.
    case assessMarkdownSteps = "assess.markdown.steps"
    case assessMarkdownCertificate = "assess.markdown.certificate"
    case assessMarkdownIdleNone = "assess.markdown.idle-none"
    // The HTML assessment's headings and labels.
    case assessHTMLGradeDistribution = "assess.html.grade-distribution"
    case assessHTMLGradeDistributionLabel = "assess.html.grade-distribution-label"
    case assessHTMLTrendLabel = "assess.html.trend-label"
    case assessHTMLTrend = "assess.html.trend"

    // `dossier explain`'s text.
    case explainDossier = "explain.dossier"
    case explainDossierWithId = "explain.dossier-with-id"
    case explainRule = "explain.rule"
    case explainInputErrors = "explain.input-errors"
    case explainNeedsRegistry = "explain.needs-registry"
    case explainNote = "explain.note"
    case explainEach = "explain.each"
    case explainItem = "explain.item"
    case explainFindings = "explain.findings"
    case explainFindingsNone = "explain.findings-none"
    case explainJudgedUnder = "explain.judged-under"
    case explainActDate = "explain.act-date"
    case explainLawPeriod = "explain.law-period"
    case explainPeriodsHolding = "explain.periods-holding"
    case explainNoActDate = "explain.no-act-date"
    case explainVersions = "explain.versions"
    case explainSpanBetween = "explain.span.between"
    case explainSpanFrom = "explain.span.from"
    case explainSpanUntil = "explain.span.until"
    case explainSpanEvery = "explain.span.every"
    case explainChosen = "explain.chosen"
    case explainAppliesWhen = "explain.applies-when"
    case explainCase = "explain.case"
    case explainRequires = "explain.requires"
    case explainMissing = "explain.missing"
    case explainNothing = "explain.nothing"
    case explainCheck = "explain.check"
    case explainVetoWhen = "explain.veto-when"
    case explainVerdict = "explain.verdict"
    case explainVerdictNoDate = "explain.verdict.no-date"
    case explainVerdictNoVersion = "explain.verdict.no-version"
    case explainVerdictNotApplicable = "explain.verdict.not-applicable"
    case explainVerdictHolds = "explain.verdict.holds"
    case explainVerdictFails = "explain.verdict.fails"
    case explainVerdictError = "explain.verdict.error"
    case explainSkipped = "explain.skipped"
    case explainMoreItems = "explain.more-items"

    // `dossier verify`'s text.
    case verifyReport = "verify.report"
    case verifySameCount = "verify.same-count"
    case verifyInputs = "verify.inputs"
    case verifyPackFiles = "verify.pack-files"
    case verifyStatusSame = "verify.status.same"
    case verifyStatusChanged = "verify.status.changed"
    case verifyStatusMissing = "verify.status.missing"
    case verifyStatusExtra = "verify.status.extra"
    case verifyChangedHashes = "verify.changed-hashes"
    case verifyNotInReceipt = "verify.not-in-receipt"
    case verifyPackDiffers = "verify.pack-differs"
    case verifyMatch = "verify.match"
    case verifyDifferences = "verify.differences"

    // ---- end of assessments ----

    // ---- The command line (texts in Messages+CommandLine.swift) ----
    // Commands' summaries and discussions, every option's help, the terminal's words.

    // Commands and their actions: summaries and discussions.
    case commandCheckSummary = "command.check.summary"
    case commandCheckDiscussion = "command.check.discussion"
    case commandScoreSummary = "command.score.summary"
    case commandScoreDiscussion = "command.score.discussion"
    case commandRulesSummary = "command.rules.summary"
    case commandRulesListSummary = "command.rules.list.summary"
    case commandRulesShowSummary = "command.rules.show.summary"
    case commandRulesTestSummary = "command.rules.test.summary"
    case commandRulesTestDiscussion = "command.rules.test.discussion"
    case commandRulesDocsSummary = "command.rules.docs.summary"
    case commandSchemaSummary = "command.schema.summary"
    case commandSchemaDossierSummary = "command.schema.dossier.summary"
    case commandSchemaOfficersSummary = "command.schema.officers.summary"
    case commandCalendarSummary = "command.calendar.summary"
    case commandCalendarAddSummary = "command.calendar.add.summary"
    case commandCalendarCountSummary = "command.calendar.count.summary"
    case commandCalendarDiscussion = "command.calendar.discussion"
    case commandCompletionSummary = "command.completion.summary"
    case commandCompletionBashSummary = "command.completion.bash.summary"
    case commandCompletionZshSummary = "command.completion.zsh.summary"
    case commandCompletionFishSummary = "command.completion.fish.summary"

    // Options shared by several commands, each written once (a variant only where the meaning differs).
    case optionPack = "option.pack"
    case optionOfficers = "option.officers"
    case optionOfficersBesideDossier = "option.officers.beside-dossier"
    case optionFormat = "option.format"
    case optionOutput = "option.output"
    case optionOutputNoFolders = "option.output.no-folders"
    case optionLang = "option.lang"
    case optionJobs = "option.jobs"
    case optionRules = "option.rules"
    case optionMaxFileSize = "option.max-file-size"
    case optionMaxFileSizeWholeFile = "option.max-file-size.whole-file"
    case optionStrict = "option.strict"
    case optionStrictFailOn = "option.strict.fail-on"
    case optionColor = "option.color"

    // Options of `check` and `score`.
    case optionFailOn = "option.fail-on"
    case optionMinScore = "option.min-score"
    case optionMaxSections = "option.max-sections"
    case optionProgress = "option.progress"
    case optionReport = "option.report"
    case optionBase = "option.base"
    case optionMaxWarnings = "option.max-warnings"
    case optionQuiet = "option.quiet"
    case optionWaivers = "option.waivers"
    case optionBaseline = "option.baseline"
    case optionWriteBaseline = "option.write-baseline"
    case optionConfig = "option.config"
    case optionNoConfig = "option.no-config"
    case optionPrintConfig = "option.print-config"
    case optionToday = "option.today"
    case optionNow = "option.now"
    case optionShowPersonalData = "option.show-personal-data"

    // Options of `assess`.
    case optionBy = "option.by"
    case optionPeriod = "option.period"
    case optionFrom = "option.from"
    case optionTo = "option.to"
    case optionCompare = "option.compare"
    case optionPartial = "option.partial"
    case optionExpiringWithin = "option.expiring-within"

    // Options of `explain`, `verify`, `rules`, `schema`.
    case optionLine = "option.line"
    case optionItem = "option.item"
    case optionVerifyPack = "option.pack.verify"
    case optionRulesListFormat = "option.format.rules-list"
    case optionVerbose = "option.verbose"
    case optionOutputMarkdown = "option.output.markdown"
    case optionSchemaPack = "option.pack.schema"
    case optionOutputSchema = "option.output.schema"

    // The text summary: rules left out of the run by choice.
    case summaryNotSelected = "summary.rules-not-selected"

    // ---- end of the command line ----
}

/// A catalogue message with its arguments, rendered in either language on demand.
public struct Message: Sendable, Hashable {
    /// An argument: literal text (a path, a key, a number) or another message.
    public enum Argument: Sendable, Hashable {
        case text(String)
        case message(Message)
        /// Data that has its own words in each language (a vocabulary term: `penalty`, 行政处罚).
        case localized(LocalizedText)
    }

    public let id: MessageID
    public let arguments: [Argument]

    public init(_ id: MessageID, _ arguments: String...) {
        self.id = id
        self.arguments = arguments.map(Argument.text)
    }

    public init(_ id: MessageID, arguments: [Argument]) {
        self.id = id
        self.arguments = arguments
    }

    /// The message in `language`.
    public func text(_ language: Language) -> String {
        let template = Messages.catalogue[id]?.text(language) ?? id.rawValue
        var out = ""
        var i = template.startIndex
        while i < template.endIndex {
            let c = template[i]
            if c == "{", let close = template[i...].firstIndex(of: "}"), let n = Int(template[template.index(after: i)..<close]) {
                if n < arguments.count {
                    switch arguments[n] {
                    case .text(let s): out += s
                    case .message(let m): out += m.text(language)
                    case .localized(let t): out += t.text(language)
                    }
                }
                i = template.index(after: close)
                continue
            }
            out.append(c)
            i = template.index(after: i)
        }
        return out
    }

    /// Both languages.
    public var localized: LocalizedText { LocalizedText(zh: text(.zh), en: text(.en)) }
}

extension MessageID {
    /// The message with text arguments, in `language`: what reporters call for their labels
    /// (`MessageID.reportMdHeadingSummary.text(.zh)`).
    public func text(_ language: Language, _ arguments: [String] = []) -> String {
        Message(self, arguments: arguments.map(Message.Argument.text)).text(language)
    }
}

extension Issue.Severity {
    /// The severity's tag (错误, 警告) as every report and message writes it.
    public var tag: MessageID { self == .error ? .severityError : .severityWarning }
}

/// The catalogue itself: every id in both languages.
///
/// One catalogue, written in parts by area (`core` here; `reports`, `assessment` and
/// `commandLine` in the files next to this one); `catalogue` is their union and a test checks
/// that every id is in exactly one part, in both languages.
public enum Messages {
    public static let catalogue: [MessageID: LocalizedText] = parts.reduce(into: [:]) { all, part in
        all.merge(part) { first, _ in first }
    }

    /// The parts (a test checks that no id is written in two).
    static var parts: [[MessageID: LocalizedText]] { [core, reports, assessment, commandLine] }

    static let core: [MessageID: LocalizedText] = [
        .severityError: LocalizedText(zh: "错误", en: "error"),
        .severityWarning: LocalizedText(zh: "警告", en: "warning"),
        .veto: LocalizedText(zh: "否决项", en: "veto"),

        .noSuchFile: LocalizedText(zh: "没有这个文件或文件夹", en: "no such file or folder"),
        .oneMoreError: LocalizedText(zh: "……另有 1 个错误", en: "… and 1 more error"),
        .moreErrors: LocalizedText(zh: "……另有 {0} 个错误", en: "… and {0} more errors"),
        .noDossierFound: LocalizedText(zh: "输入中没有找到案卷（{0}）：文件夹为空或只有非 .json 文件？请检查路径",
                                       en: "no dossier found in {0}: no *.json or .jsonl input; check the path"),
        .noOfficerRegistry: LocalizedText(
            zh: "没有执法人员资格清单：规则 {0} 未检查；请用 --officers 指定清单，或把 officers.json 放在输入文件夹的根目录",
            en: "no officer registry: rules {0} were not checked; pass --officers FILE or put officers.json at the root of an input folder"),
        .officerRegistryNotice: LocalizedText(zh: "执法人员资格清单：{0}（{1} 人）", en: "officer registry: {0} ({1} officers)"),
        .cannotOpen: LocalizedText(zh: "无法打开：{0}", en: "cannot open: {0}"),
        .cannotRead: LocalizedText(zh: "无法读取：{0}", en: "cannot read: {0}"),
        .recordOverLimit: LocalizedText(zh: "这条记录超过 {0} 字节的上限（--max-file-size）", en: "record is over the limit of {0} bytes (--max-file-size)"),
        .inputOverLimit: LocalizedText(zh: "输入超过 {0} 字节的上限（--max-file-size）", en: "input is over the limit of {0} bytes (--max-file-size)"),

        .expectedObject: LocalizedText(zh: "应为对象（{0}），实际为 {1}", en: "expected an object ({0}), found {1}"),
        .unknownKey: LocalizedText(zh: "{1}中有未知的键“{0}”{2}", en: "unknown key '{0}' in {1}{2}"),
        .missingKey: LocalizedText(zh: "{1}缺少必填的键“{0}”", en: "missing required key '{0}' in {1}"),
        .missingKeyForCategory: LocalizedText(zh: "{1}缺少必填的键“{0}”（{2}案件必填）", en: "missing required key '{0}' in {1} (required for {2})"),
        .expectedType: LocalizedText(zh: "“{1}”应为{0}，实际为 {2}", en: "expected {0} for '{1}', found {2}"),
        .expectedDate: LocalizedText(zh: "“{0}”应为日期（YYYY-MM-DD），实际为 \"{1}\"{2}", en: "expected a date (YYYY-MM-DD) for '{0}', found \"{1}\"{2}"),
        .expectedTime: LocalizedText(zh: "“{0}”应为带时区的时间（如 2017-11-03T09:05:00+08:00），实际为 \"{1}\"",
                                     en: "expected a time with offset (e.g. 2017-11-03T09:05:00+08:00) for '{0}', found \"{1}\""),
        .amountTooPrecise: LocalizedText(zh: "“{0}”应为以元计的金额，实际为 {1}（数值过大或位数过多）",
                                         en: "expected an amount in yuan for '{0}', found {1} (too large or too precise)"),
        .amountNegative: LocalizedText(zh: "“{0}”的金额不能为负数，实际为 {1}", en: "expected a non-negative amount for '{0}', found {1}"),
        .amountDecimals: LocalizedText(zh: "金额“{0}”最多两位小数，实际为 {1}", en: "expected at most 2 decimals for the amount '{0}', found {1}"),
        .unknownCode: LocalizedText(zh: "“{1}”的值“{2}”不是已知的代码{3}", en: "unknown {0} '{2}' for '{1}'{3}"),
        .unknownCodeOneOf: LocalizedText(zh: "（应为 {0} 之一）", en: " (expected one of {0})"),
        .expectedConstant: LocalizedText(zh: "“{1}”应为 \"{0}\"，实际为 {2}", en: "expected \"{0}\" for '{1}', found {2}"),
        .noSuchMonth: LocalizedText(zh: "（没有 {0} 月）", en: " (no month {0})"),
        .noSuchDay: LocalizedText(zh: "（{0} 年 {1} 月没有 {2} 日）", en: " ({0} has no {3} {2})"),
        .foundObject: LocalizedText(zh: "对象", en: "an object"),
        .foundArray: LocalizedText(zh: "数组", en: "an array"),
        .foundNumber: LocalizedText(zh: "数字（{0}）", en: "a number ({0})"),
        .typeText: LocalizedText(zh: "字符串", en: "a string"),
        .typeDate: LocalizedText(zh: "日期（YYYY-MM-DD）", en: "a date (YYYY-MM-DD)"),
        .typeTime: LocalizedText(zh: "带时区的时间（ISO 8601，如 2017-11-03T09:05:00+08:00）",
                                 en: "a time (ISO 8601 with offset, e.g. 2017-11-03T09:05:00+08:00)"),
        .typeMoney: LocalizedText(zh: "以元计的金额（数字，最多两位小数）", en: "an amount in yuan (a number, at most 2 decimals)"),
        .typeInteger: LocalizedText(zh: "整数", en: "a whole number"),
        .typeBool: LocalizedText(zh: "true 或 false", en: "true or false"),
        .typeCode: LocalizedText(zh: "{0}代码之一", en: "one of the {0} codes"),
        .typeObject: LocalizedText(zh: "对象（{0}）", en: "an object ({0})"),
        .typeTextOrObject: LocalizedText(zh: "字符串或对象（{0}）", en: "a string or an object ({0})"),
        .typeArray: LocalizedText(zh: "数组", en: "an array"),
        .typeAny: LocalizedText(zh: "JSON 值", en: "a JSON value"),
        .expectedConstantValue: LocalizedText(zh: "\"{0}\"", en: "\"{0}\""),
        .objectAgency: LocalizedText(zh: "执法机关", en: "Agency"),
        .objectMatter: LocalizedText(zh: "执法事项", en: "Matter"),
        .objectParty: LocalizedText(zh: "当事人", en: "Party"),
        .objectViolation: LocalizedText(zh: "违法行为", en: "Violation"),
        .objectSource: LocalizedText(zh: "案件来源", en: "Source"),
        .objectStep: LocalizedText(zh: "执法环节", en: "Step"),
        .objectRecording: LocalizedText(zh: "音像记录", en: "Recording"),
        .objectSignature: LocalizedText(zh: "签名", en: "Signature"),
        .objectDocument: LocalizedText(zh: "文书", en: "Document"),
        .objectNotice: LocalizedText(zh: "事先告知", en: "Notice"),
        .objectStatement: LocalizedText(zh: "陈述申辩", en: "Statement"),
        .objectHearing: LocalizedText(zh: "听证", en: "Hearing"),
        .objectReviewElements: LocalizedText(zh: "法制审核要素", en: "ReviewElements"),
        .objectDisagreement: LocalizedText(zh: "审核意见分歧", en: "Disagreement"),
        .objectLegalReview: LocalizedText(zh: "法制审核", en: "LegalReview"),
        .objectDiscussion: LocalizedText(zh: "集体讨论", en: "Discussion"),
        .objectPenalty: LocalizedText(zh: "处罚", en: "Penalty"),
        .objectRemedies: LocalizedText(zh: "救济途径告知", en: "Remedies"),
        .objectDecision: LocalizedText(zh: "执法决定", en: "Decision"),
        .objectService: LocalizedText(zh: "送达", en: "Service"),
        .objectExecution: LocalizedText(zh: "执行", en: "Execution"),
        .objectDisclosure: LocalizedText(zh: "执法结果公示", en: "Disclosure"),
        .objectEvaluationItem: LocalizedText(zh: "人工评查项", en: "EvaluationItem"),
        .objectEvaluation: LocalizedText(zh: "人工评查", en: "Evaluation"),
        .objectDossier: LocalizedText(zh: "案卷", en: "Dossier"),
        .objectCertificateReview: LocalizedText(zh: "证件审验", en: "CertificateReview"),
        .objectOfficer: LocalizedText(zh: "执法人员", en: "Officer"),
        .objectOfficerRegistry: LocalizedText(zh: "执法人员资格清单", en: "OfficerRegistry"),

        .summaryDossiers: LocalizedText(zh: "共 {0} 份案卷：{1} 份未发现问题，{2} 份有问题", en: "{0} dossier{3}: {1} clean, {2} with findings"),
        .summaryUnverified: LocalizedText(zh: "，{0} 份未发现问题但未全部检查", en: ", {0} without findings but not fully checked"),
        .summaryNotCheckable: LocalizedText(zh: "，{0} 份无法检查", en: ", {0} could not be checked"),
        .summaryFindings: LocalizedText(zh: "；问题 {0} 个（错误 {1}，警告 {2}，否决项 {3}）",
                                        en: "; {0} finding{4} ({1} error{5}, {2} warning{6}, {3} veto{7})"),
        .summaryWaived: LocalizedText(zh: "；已豁免 {0} 个", en: "; {0} waived"),
        .summaryBaselined: LocalizedText(zh: "；基线已有 {0} 个", en: "; {0} in the baseline"),
        .summaryUnchecked: LocalizedText(zh: "；规则 {0} 未检查（没有执法人员资格清单）",
                                         en: "; rules {0} not checked (no officer registry)"),
        .ruleNotCheckedNoRegistry: LocalizedText(zh: "没有执法人员资格清单，未检查", en: "not checked: no officer registry"),
        .ruleNotCheckedNotSelected: LocalizedText(zh: "本次未选用（--rules 或配置文件的 skip），未检查",
                                                  en: "not checked: not selected for this run (--rules, or skip in the configuration)"),

        .fileTooLarge: LocalizedText(zh: "文件有 {0} 字节，超过 {1} 字节的上限", en: "file is {0} bytes; the limit is {1}"),
        .jsonEmptyInput: LocalizedText(zh: "输入为空，应为一个 JSON 值", en: "empty input, expected a JSON value"),
        .jsonDataAfterValue: LocalizedText(zh: "JSON 值之后还有多余的内容", en: "unexpected data after the JSON value"),
        .jsonNesting: LocalizedText(zh: "嵌套超过 {0} 层", en: "nesting deeper than {0}"),
        .jsonDuplicateKeyAt: LocalizedText(zh: "重复的键 {0}（第一次出现在第 {1} 行第 {2} 列）", en: "duplicate key {0} (first at line {1}, column {2})"),
        .jsonDuplicateKey: LocalizedText(zh: "重复的键 {0}", en: "duplicate key {0}"),
        .jsonInvalidByteInString: LocalizedText(zh: "字符串中有无效的 UTF-8 字节 {0}", en: "invalid UTF-8 byte {0} in string"),
        .jsonControlInString: LocalizedText(zh: "字符串中的控制字符 {0} 必须转义", en: "control character {0} in string must be escaped"),
        .jsonEndOfInput: LocalizedText(zh: "输入意外结束，应为{0}", en: "unexpected end of input, expected {0}"),
        .jsonHexDigits: LocalizedText(zh: "'\\u' 之后应为 4 位十六进制数字", en: "expected 4 hex digits after '\\u'"),
        .jsonUnpairedSurrogate: LocalizedText(zh: "不成对的代理项 {0}", en: "unpaired surrogate {0}"),
        .jsonEscapeFollowedBy: LocalizedText(zh: "无效的转义：'\\' 之后是 {0}", en: "invalid escape: '\\' followed by {0}"),
        .jsonInvalidEscape: LocalizedText(zh: "无效的转义 {0}", en: "invalid escape {0}"),
        .jsonNoInfinity: LocalizedText(zh: "JSON 不允许 Infinity", en: "Infinity is not allowed in JSON"),
        .jsonNoNaN: LocalizedText(zh: "JSON 不允许 NaN", en: "NaN is not allowed in JSON"),
        .jsonNoComments: LocalizedText(zh: "JSON 不允许注释", en: "comments are not allowed in JSON"),
        .jsonDigitAfterMinus: LocalizedText(zh: "'-' 之后应为数字", en: "expected digit after '-'"),
        .jsonLeadingZeros: LocalizedText(zh: "数字不允许有前导零", en: "leading zeros are not allowed in numbers"),
        .jsonDigitAfterPoint: LocalizedText(zh: "小数点之后应为数字", en: "expected digit after decimal point"),
        .jsonDigitInExponent: LocalizedText(zh: "指数部分应为数字", en: "expected digit in exponent"),
        .jsonInvalidLiteral: LocalizedText(zh: "无效的字面量，应为 {0}", en: "invalid literal, expected {0}"),
        .jsonTrailingCommaValue: LocalizedText(zh: "',' 之后应为一个 JSON 值，实际为 {0}（不允许末尾逗号）", en: "expected a JSON value after ',', found {0} (trailing commas are not allowed)"),
        .jsonTrailingCommaKey: LocalizedText(zh: "',' 之后应为对象的键，实际为 {0}（不允许末尾逗号）", en: "expected object key after ',', found {0} (trailing commas are not allowed)"),
        .jsonSingleQuotedKey: LocalizedText(zh: "不允许单引号字符串；对象的键应以 '\"' 开头", en: "single-quoted strings are not allowed, expected '\"' to begin object key"),
        .jsonSingleQuoted: LocalizedText(zh: "不允许单引号字符串，应为 '\"'", en: "single-quoted strings are not allowed, expected '\"'"),
        .jsonUnquotedKey: LocalizedText(zh: "对象的键应以 '\"' 开头，实际为 {0}（键必须加引号）", en: "expected '\"' to begin object key, found {0} (object keys must be quoted)"),
        .jsonInvalidByteExpected: LocalizedText(zh: "无效的 UTF-8 字节 {0}，应为{1}", en: "invalid UTF-8 byte {0}, expected {1}"),
        .jsonUnexpectedCharacter: LocalizedText(zh: "意外的字符 {0}，应为{1}", en: "unexpected character {0}, expected {1}"),
        .jsonExpectedFound: LocalizedText(zh: "应为{0}，实际为 {1}", en: "expected {0}, found {1}"),
        .jsonExpected: LocalizedText(zh: "应为{0}", en: "expected {0}"),
        .jsonPhraseValue: LocalizedText(zh: "一个 JSON 值", en: "a JSON value"),
        .jsonPhraseValueOrBracket: LocalizedText(zh: "一个 JSON 值或 ']'", en: "a JSON value or ']'"),
        .jsonPhraseAfterMember: LocalizedText(zh: "对象成员之后的 ',' 或 '}'", en: "',' or '}' after object member"),
        .jsonPhraseAfterElement: LocalizedText(zh: "数组元素之后的 ',' 或 ']'", en: "',' or ']' after array element"),
        .jsonPhraseAfterKey: LocalizedText(zh: "对象的键之后的 ':'", en: "':' after object key"),
        .jsonPhraseBeginKey: LocalizedText(zh: "开始对象键的 '\"'", en: "'\"' to begin object key"),
        .jsonPhraseCloseString: LocalizedText(zh: "结束字符串的 '\"'", en: "'\"' to close string"),
        .jsonPhraseEscape: LocalizedText(zh: "'\\' 之后的转义序列", en: "escape sequence after '\\'"),
        .jsonPhraseEndOfInput: LocalizedText(zh: "输入结尾", en: "end of input"),
        .jsonPhraseInvalidByte: LocalizedText(zh: "无效的 UTF-8 字节 {0}", en: "invalid UTF-8 byte {0}"),
        .jsonPhraseNamedCharacter: LocalizedText(zh: "{0}", en: "{0} ({1})"),
        .jsonPhraseKey: LocalizedText(zh: "对象的键", en: "object key"),
        .jsonPhraseKeyOrClose: LocalizedText(zh: "对象的键或 '}'", en: "object key or '}'"),
        .jsonPhraseDigitAfterMinus: LocalizedText(zh: "'-' 之后的数字", en: "digit after '-'"),
        .jsonPhraseDigitAfterPoint: LocalizedText(zh: "小数点之后的数字", en: "digit after decimal point"),
        .jsonPhraseDigitInExponent: LocalizedText(zh: "指数中的数字", en: "digit in exponent"),

        .packExpectedExpression: LocalizedText(zh: "应为表达式字符串", en: "expected an expression string"),
        .packExpectedTemplate: LocalizedText(zh: "应为消息模板字符串", en: "expected a message template string"),
        .packDuplicateLawPeriod: LocalizedText(zh: "法律时期“{0}”重复", en: "duplicate law period '{0}'"),
        .packLawPeriodOrder: LocalizedText(zh: "法律时期“{0}”的结束日早于开始日", en: "law period '{0}' ends before it starts"),
        .packDefinitionShadows: LocalizedText(zh: "定义“{0}”与同名变量冲突", en: "definition '{0}' shadows a variable of the same name"),
        .packDuplicateRule: LocalizedText(zh: "规则编号“{0}”重复（第一次出现在 {1}）", en: "duplicate rule id '{0}' (first at {1})"),
        .packUnknownRuleKind: LocalizedText(zh: "未知的规则种类“{0}”{1}", en: "unknown rule kind '{0}'{1}"),
        .packRuleNeedsLaw: LocalizedText(zh: "没有 versions 的规则需要 law", en: "a rule without 'versions' needs 'law'"),
        .packLawInVersions: LocalizedText(zh: "规则有 versions 时，law 写在每个版本中", en: "'law' goes into each version when a rule has 'versions'"),
        .packVersionsOverlap: LocalizedText(zh: "版本时间重叠：“{0}”到 {1} 为止，“{2}”却从 {3} 开始", en: "versions overlap: '{0}' runs to {1}, '{2}' starts {3}"),
        .packUnknownParameter: LocalizedText(zh: "未知的参数“{0}”{1}", en: "unknown parameter '{0}'{1}"),
        .packUnknownLawPeriod: LocalizedText(zh: "未知的法律时期“{0}”{1}", en: "unknown law period '{0}'{1}"),
        .packDuplicateTable: LocalizedText(zh: "表“{0}”重复", en: "duplicate table '{0}'"),
        .packTableRow: LocalizedText(zh: "表的每一行应为对象", en: "expected an object as a table row"),
        .packForNameTaken: LocalizedText(zh: "“{0}”已经是变量名", en: "'{0}' is already a variable"),
        .packForEachList: LocalizedText(zh: "for.each 应为列表，而不是 {0}", en: "'for.each' must be a list, not {0}"),
        .packLetShadows: LocalizedText(zh: "let 名称“{0}”与变量冲突", en: "'let' name '{0}' shadows a variable"),
        .packLetType: LocalizedText(zh: "let 名称“{0}”在这里的类型是 {1}，在另一个版本中是 {2}", en: "'let' name '{0}' has type {1} here and {2} in another version"),
        .packDateType: LocalizedText(zh: "date 应为日期，而不是 {0}", en: "'date' must be a date, not {0}"),
        .packVersionsNeedDate: LocalizedText(zh: "有多个版本的规则需要 date 来选择版本", en: "a rule with several versions needs 'date' to choose between them"),
        .packVetoWhen: LocalizedText(zh: "vetoWhen 需要 \"veto\": true", en: "'vetoWhen' needs \"veto\": true"),
        .packMissingCheck: LocalizedText(zh: "缺少 check", en: "missing 'check'"),
        .packMissingMessage: LocalizedText(zh: "缺少 message", en: "missing 'message'"),
        .packAtVariable: LocalizedText(zh: "at 应以变量（dossier 或 for 的名称）开头，而不是“{0}”", en: "'at' must start with a variable (dossier or the 'for' name), not '{0}'"),
        .packNeedsTable: LocalizedText(zh: "required-documents 规则需要 table", en: "a required-documents rule needs 'table'"),
        .packUnknownTable: LocalizedText(zh: "未知的表“{0}”{1}", en: "unknown table '{0}'{1}"),
        .packRowNeeds: LocalizedText(zh: "required-documents 表的每一行需要 when 和 label（{zh, en}）", en: "a required-documents row needs 'when' and 'label' ({zh, en})"),
        .packUnknownDocumentType: LocalizedText(zh: "未知的文书类型“{0}”{1}", en: "unknown document type '{0}'{1}"),
        .scoringCategoryTwice: LocalizedText(zh: "类别“{0}”列了两次", en: "category '{0}' is listed twice"),
        .scoringCategoryMax: LocalizedText(zh: "类别的满分应大于 0", en: "a category's maximum must be above 0"),
        .scoringUnknownGrade: LocalizedText(zh: "未知的等级“{0}”{1}", en: "unknown grade '{0}'{1}"),
        .scoringManualTwice: LocalizedText(zh: "人工评查项“{0}”列了两次", en: "manual item '{0}' is listed twice"),
        .scoringCategoryNotOnSheet: LocalizedText(zh: "类别“{0}”不在评查表中", en: "category '{0}' is not on the sheet"),
        .scoringGradeTwice: LocalizedText(zh: "等级“{0}”列了两次", en: "grade '{0}' is listed twice"),
        .scoringGradesOrder: LocalizedText(zh: "等级应从高到低排列：“{0}”的起点应低于“{1}”（{2}）", en: "grades go best first: '{0}' must start below '{1}' ({2})"),
        .scoringNeedsGrade: LocalizedText(zh: "{0} 至少需要一个等级", en: "{0} needs at least one grade"),
        .scoringLowestGrade: LocalizedText(zh: "最低等级应从 0 分开始，使每个得分都有等级", en: "the lowest grade must start at 0 so that every score has a grade"),
        .assessIndicatorTwice: LocalizedText(zh: "指标“{0}”列了两次", en: "indicator '{0}' is listed twice"),
        .assessUnknownRule: LocalizedText(zh: "未知的规则“{0}”{1}", en: "unknown rule '{0}'{1}"),
        .assessRulesNeeded: LocalizedText(zh: "rate-of-rules 指标需要 rules", en: "a rate-of-rules indicator needs 'rules'"),
        .assessRulesOnly: LocalizedText(zh: "只有 rate-of-rules 指标使用 rules", en: "only a rate-of-rules indicator draws on 'rules'"),
        .assessGradesNeeded: LocalizedText(zh: "rate-of-grades 指标需要 grades", en: "a rate-of-grades indicator needs 'grades'"),
        .assessGradesOnly: LocalizedText(zh: "只有 rate-of-grades 指标统计 grades", en: "only a rate-of-grades indicator counts 'grades'"),
        .assessNegativeWeight: LocalizedText(zh: "权重不能为负数", en: "a weight cannot be negative"),
        .assessUnweighted: LocalizedText(zh: "{0} 指标不能加权：只有比率和得分指标有达成度", en: "a {0} indicator cannot be weighted: only rates and scores have an attainment"),
        .assessBetter: LocalizedText(zh: "加权指标需要 better（higher 或 lower）", en: "a weighted indicator needs 'better' higher or lower"),
        .assessTarget: LocalizedText(zh: "比率的目标值应为 0 到 1 之间的小数", en: "a rate's target is a fraction from 0 to 1"),
        .assessWeightsSum: LocalizedText(zh: "权重合计为 {0}，应为 100", en: "the weights sum to {0}; they must sum to 100"),
        .assessWarningDays: LocalizedText(zh: "certificateWarningDays 应为 0 到 3650 的整数天数", en: "certificateWarningDays is a whole number of days from 0 to 3650"),

        .calendarNoData: LocalizedText(zh: "工作日历没有 {0} 年的数据（现有 {1} 年的数据）", en: "the working-day calendar has no data for {0} (it covers {1})"),
        .calendarBadYear: LocalizedText(zh: "节假日数据中的年份“{0}”有误（应为四位数字）", en: "bad year '{0}' in the holiday data (expected four digits)"),
        .calendarNoYears: LocalizedText(zh: "节假日数据没有任何年份", en: "the holiday data names no years"),
        .calendarMissingYear: LocalizedText(zh: "节假日数据缺少 {0} 年（现有 {1}–{2} 年）", en: "the holiday data has no entry for {0} (it has {1}-{2})"),
        .calendarUnnamedHoliday: LocalizedText(zh: "{1} 年的节假日 {0} 没有名称", en: "holiday {0} in {1} has no name"),
        .calendarTwoNames: LocalizedText(zh: "{0} 有两个节日名称（“{1}”和“{2}”）", en: "{0} has two holiday names ('{1}' and '{2}')"),
        .calendarMakeUpWeekday: LocalizedText(zh: "{1} 年的调休上班日 {0} 不是周六或周日", en: "make-up working day {0} in {1} is not a Saturday or Sunday"),
        .calendarBoth: LocalizedText(zh: "{0} 既列为节假日，又列为调休上班日", en: "{0} is listed both as a holiday and as a make-up working day"),
        .calendarBadDate: LocalizedText(zh: "{2} 年的{1}中有错误的日期“{0}”（应为 YYYY-MM-DD）", en: "bad date '{0}' in the {1} of {2} (expected YYYY-MM-DD)"),
        .calendarWrongYear: LocalizedText(zh: "{0} 列在 {2} 年的{1}中，年份不符", en: "{0} is listed in the {1} of {2}"),
        .calendarHolidays: LocalizedText(zh: "节假日", en: "holidays"),
        .calendarMakeUpDays: LocalizedText(zh: "调休上班日", en: "make-up working days"),

        .configRulesEmpty: LocalizedText(zh: "“{0}”至少需要一个规则编号", en: "'{0}' needs at least one rule id"),
        .configMaxWarnings: LocalizedText(zh: "maxWarnings 应为 0 或更大的整数", en: "'maxWarnings' must be a whole number of 0 or more"),
        .configRulesOrSkip: LocalizedText(zh: "rules 和 skip 只能给一个", en: "give 'rules' or 'skip', not both"),
        .waiverNoRule: LocalizedText(zh: "规则包中没有规则“{0}”{1}", en: "the pack has no rule '{0}'{1}"),
        .waiverNeedsTarget: LocalizedText(zh: "豁免需要 dossier 或 path（或两者都给）：不能覆盖所有案卷", en: "a waiver needs 'dossier' or 'path' (or both): it must not cover every dossier"),
        .waiverPointer: LocalizedText(zh: "JSON 指针应以“/”开头，而不是“{0}”", en: "a JSON pointer starts with '/', not '{0}'"),
        .waiverEmpty: LocalizedText(zh: "“{0}”不能为空", en: "'{0}' must not be empty"),
        .waiverExpiryOrder: LocalizedText(zh: "到期日 {0} 早于批准日 {1}", en: "expires on {0} before it was approved on {1}"),
        .waiverExpired: LocalizedText(zh: "豁免 {0} 已于 {1} 到期，不再适用（批准人：{2}）", en: "waiver {0} expired on {1} and no longer applies (approved by {2})"),
        .waiverUnused: LocalizedText(zh: "豁免 {0} 未匹配任何问题，可以删除", en: "waiver {0} matched no finding; it can be removed"),

        .baselineGone: LocalizedText(zh: "基线 {2} 中有 {0} 项不再出现（已整改或案卷已移除），可用 --write-baseline 更新", en: "{0} of {1} baseline entries in {2} no longer occur (fixed or gone); --write-baseline refreshes it"),

        .fileIsFolder: LocalizedText(zh: "是文件夹，应为文件", en: "is a folder, expected a file"),
        .fileNotRegular: LocalizedText(zh: "不是普通文件（{0}）", en: "not a regular file ({0})"),
        .fileCannotStat: LocalizedText(zh: "无法读取文件信息：{0}", en: "cannot stat: {0}"),
        .fileOverLimit: LocalizedText(zh: "输入超过 {0} 字节的上限", en: "input is over the limit of {0} bytes"),
        .fileWriteDangling: LocalizedText(zh: "无法写入：符号链接指向不存在的位置（{0}）", en: "cannot write: the symbolic link points nowhere ({0})"),
        .fileWriteFolder: LocalizedText(zh: "无法写入：这是文件夹", en: "cannot write: is a folder"),
        .fileCannotWrite: LocalizedText(zh: "无法写入：{0}", en: "cannot write: {0}"),
        .fileCannotList: LocalizedText(zh: "无法列出文件夹内容：{0}", en: "cannot list: {0}"),
        .fileSkippedLoop: LocalizedText(zh: "已跳过：再次遇到文件夹 {0}（符号链接循环或重复链接）", en: "skipped: the folder {0} again (a symbolic link loop or a second link)"),
        .fileSkippedName: LocalizedText(zh: "已跳过：只读取名称以 {0}（小写）结尾的文件", en: "skipped: only names ending in {0} (lowercase) are read"),
        .registryUnreadable: LocalizedText(zh: "执法人员资格清单：{0}", en: "officer registry: {0}"),
        .errnoNoEntry: LocalizedText(zh: "没有这个文件或文件夹", en: "no such file or directory"),
        .errnoPermission: LocalizedText(zh: "没有权限", en: "permission denied"),
        .errnoIsDirectory: LocalizedText(zh: "是文件夹", en: "is a directory"),
        .errnoNotDirectory: LocalizedText(zh: "路径中有一项不是文件夹", en: "not a directory"),
        .errnoNoSpace: LocalizedText(zh: "磁盘空间不足", en: "no space left on device"),
        .errnoReadOnly: LocalizedText(zh: "文件系统只读", en: "read-only file system"),
        .errnoLoop: LocalizedText(zh: "符号链接层数过多", en: "too many levels of symbolic links"),
        .errnoIO: LocalizedText(zh: "输入输出错误", en: "input/output error"),
        .errnoNameTooLong: LocalizedText(zh: "文件名过长", en: "file name too long"),
        .errnoTooManyFiles: LocalizedText(zh: "打开的文件过多", en: "too many open files"),
        .errnoQuota: LocalizedText(zh: "超出磁盘配额", en: "disk quota exceeded"),
        .errnoExists: LocalizedText(zh: "文件已存在", en: "file exists"),
        .errnoNotPermitted: LocalizedText(zh: "不允许此操作", en: "operation not permitted"),
        .kindFifo: LocalizedText(zh: "命名管道", en: "fifo"),
        .kindSocket: LocalizedText(zh: "套接字", en: "socket"),
        .kindCharacterDevice: LocalizedText(zh: "字符设备", en: "character device"),
        .kindBlockDevice: LocalizedText(zh: "块设备", en: "block device"),
        .kindFolder: LocalizedText(zh: "文件夹", en: "folder"),
        .kindSymbolicLink: LocalizedText(zh: "符号链接", en: "symbolic link"),
        .kindSpecial: LocalizedText(zh: "特殊文件", en: "special file"),

        .scoringRuleCategory: LocalizedText(zh: "规则 {0}（{1}）在类别“{2}”中扣分，但评查表没有这个类别", en: "rule {0} ({1}) deducts in category '{2}', which the sheet does not list"),
        .scoringManualIsRule: LocalizedText(zh: "人工评查项“{0}”与一条规则的编号相同", en: "manual item '{0}' has the id of a rule"),
        .scoringTheSheet: LocalizedText(zh: "评查表", en: "the sheet"),
        .scoringTheAssessment: LocalizedText(zh: "考核方案", en: "the assessment"),

        .tagged: LocalizedText(zh: "{0}：{1}", en: "{0}: {1}"),
        .errorLine: LocalizedText(zh: "错误：{0}", en: "error: {0}"),
        .errorAtPath: LocalizedText(zh: "错误：{0}：{1}", en: "error: {0}: {1}"),
        .cannotWriteStandardOutput: LocalizedText(zh: "无法写入标准输出：{0}", en: "cannot write the standard output: {0}"),
        .noPackFound: LocalizedText(zh: "找不到规则包；请用 --pack DIR 指定，或设置 DOSSIER_PACK", en: "no rule pack found; pass --pack DIR or set DOSSIER_PACK"),
        .packHasErrors: LocalizedText(zh: "规则包 {0} 有 {1} 个错误", en: "the rule pack {0} has {1} error{2}"),
        .configInvalid: LocalizedText(zh: "配置文件 {0} 无效", en: "the config file {0} is not valid"),
        .waiversInvalid: LocalizedText(zh: "豁免文件 {0} 无效", en: "the waiver file {0} is not valid"),
        .baselineInvalid: LocalizedText(zh: "基线文件 {0} 无效", en: "the baseline file {0} is not valid"),
        .skipUnknownRule: LocalizedText(zh: "{0}：规则包中没有规则 {1}", en: "{0}: the pack has no rule {1}"),
        .outputIsInput: LocalizedText(zh: "这是输入文件之一，报告会覆盖它", en: "is one of the inputs; the report would replace it"),
        .cannotCreateFolder: LocalizedText(zh: "无法创建所在文件夹 {0}", en: "cannot create its folder {0}"),
        .nowTakesUTC: LocalizedText(zh: "--now 的值应为 UTC 时间 YYYY-MM-DDTHH:MM:SSZ，而不是“{0}”", en: "--now takes a UTC time YYYY-MM-DDTHH:MM:SSZ, not '{0}'"),
        .configFromCommandLine: LocalizedText(zh: "命令行", en: "command line"),
        .configFromDefault: LocalizedText(zh: "默认", en: "default"),
        .configOfficersDefault: LocalizedText(zh: "输入文件夹根目录下的 officers.json", en: "officers.json at the root of an input folder"),
        .configAll: LocalizedText(zh: "全部", en: "all"),
        .configNone: LocalizedText(zh: "无", en: "none"),
        .configLine: LocalizedText(zh: "{0} = {1}（{2}）", en: "{0} = {1}  ({2})"),

        .testOk: LocalizedText(zh: "通过", en: "ok"),
        .testFail: LocalizedText(zh: "失败", en: "FAIL"),
        .testTotals: LocalizedText(zh: "{0} 个通过，{1} 个失败", en: "{0} passed, {1} failed"),
        .testAt: LocalizedText(zh: "{0}：{1}", en: "{0}: {1}"),
        .testCannotRead: LocalizedText(zh: "无法读取 {0}", en: "cannot read {0}"),
        .testNoBase: LocalizedText(zh: "没有基础案卷（dossier 或 sample）", en: "no base dossier (dossier or sample)"),
        .testRegistry: LocalizedText(zh: "无法加载执法人员资格清单 {0}", en: "cannot load registry {0}"),
        .testPatch: LocalizedText(zh: "补丁：{0}", en: "patch: {0}"),
        .testUnknownRule: LocalizedText(zh: "未知的规则 {0}", en: "unknown rule {0}"),
        .testDidNotFire: LocalizedText(zh: "{0} 应触发但未触发", en: "{0} did not fire"),
        .testFired: LocalizedText(zh: "{0} 不应触发却触发了：{1}", en: "{0} fired: {1}"),
        .testNoBreakingCase: LocalizedText(zh: "{0} 没有一个使其触发且通过的用例", en: "{0} has no passing case that breaks it"),
        .testNoKeepingCase: LocalizedText(zh: "{0} 没有一个使其保持不触发且通过的用例", en: "{0} has no passing case that keeps it"),

        .localized: LocalizedText(zh: "{1}", en: "{0}"),

        .textPersonalDataUnmasked: LocalizedText(zh: "注意：本报告未屏蔽个人信息（--show-personal-data）", en: "note: personal data is not masked in this report (--show-personal-data)"),
        .textVetoMark: LocalizedText(zh: "（否决项）", en: " (veto)"),
        .textHumanMark: LocalizedText(zh: "（人工评查）", en: " (human)"),
        .textWaivedMark: LocalizedText(zh: "（已豁免：{0} 批准，至 {1}）", en: " (waived by {0} until {1})"),
        .textBaselineMark: LocalizedText(zh: "（基线已有）", en: " (in the baseline)"),
        .textWaiverReason: LocalizedText(zh: "    = 豁免理由：{0}", en: "    = waiver: {0}"),
        .textBasisJudged: LocalizedText(zh: "    = 依据：{0}；适用：{1}", en: "    = basis: {0}; judged under: {1}"),
        .textEvaluatedBy: LocalizedText(zh: "    = 评查人：{0}，{1}；依据：{2}", en: "    = evaluated by {0} on {1}; basis: {2}"),
        .textScoreLine: LocalizedText(zh: "{0}:{1}：得分 {2}，{3}（问题 {4} 个{5}）", en: "{0}:{1}: score {2}, {3} ({4} finding{6}{5})"),
        .textScoreLineVeto: LocalizedText(zh: "，否决项 {0}", en: "; veto: {0}"),
        .textNoCaseNumber: LocalizedText(zh: "（无案号）", en: "(no case number)"),
        .textNotScored: LocalizedText(zh: "  无法评分：案卷未能检查", en: "  not scored: the dossier could not be checked"),
        .textSheetScore: LocalizedText(zh: "  得分 {0} · {1}", en: "  score {0} · {1}"),
        .textSheetVeto: LocalizedText(zh: " · 否决项：{0}（否决前 {1} 分）", en: " · veto: {0} ({1} before the veto)"),
        .textDeducted: LocalizedText(zh: "  扣 {0}", en: "  −{0}"),
        .textDeductions: LocalizedText(zh: "  扣分项：", en: "  deductions:"),
        .textWaivedNotDeducted: LocalizedText(zh: "（已豁免，不扣分）", en: " (waived, not deducted)"),
        .textHumanBy: LocalizedText(zh: "（人工：{0}，{1}）", en: " (human: {0}, {1})"),
        .textBasisBracket: LocalizedText(zh: "〔{0}〕", en: " [{0}]"),
        .textScoredCount: LocalizedText(zh: "共 {0} 份案卷：评分 {1} 份", en: "{0} dossier{2}: {1} scored"),
        .textScoresLine: LocalizedText(zh: "平均分 {0}，中位数 {1}；{2}；否决 {3} 份", en: "scores: mean {0}, median {1}; {2}; {3} vetoed"),
        .textTopDeductions: LocalizedText(zh: "最常见扣分项：{0}", en: "most frequent deductions: {0}"),
        .separatorSemicolon: LocalizedText(zh: "；", en: "; "),
        .separatorEnumeration: LocalizedText(zh: "、", en: ", "),
        .separatorComma: LocalizedText(zh: "，", en: ", "),

        .explainArguments: LocalizedText(zh: "explain 需要一个案卷和一个规则编号，例如 'dossier explain case.json PUB-01'", en: "explain takes a dossier and a rule id, e.g. 'dossier explain case.json PUB-01'"),
        .explainLineOption: LocalizedText(zh: "--line 只用于 .jsonl 文件或标准输入，而不是“{0}”", en: "--line is for a .jsonl file or standard input, not '{0}'"),
        .explainNoRule: LocalizedText(zh: "规则包 {1} 中没有规则“{0}”{2}（'dossier rules list' 列出全部规则）", en: "no rule '{0}' in the pack {1}{2} ('dossier rules list' lists them)"),
        .explainNoRuleShort: LocalizedText(zh: "规则包 {1} 中没有规则“{0}”{2}", en: "no rule '{0}' in the pack {1}{2}"),
        .explainNoItem: LocalizedText(zh: "--item {0}：该规则只判断本案卷的 {1} 项", en: "--item {0}: the rule judges {1} item{2} of this dossier"),
        .explainNoLine: LocalizedText(zh: "第 {0} 行没有案卷（案卷在第 {1} 行）", en: "no dossier on line {0} (dossiers are on lines {1})"),
        .explainManyDossiers: LocalizedText(zh: "注意：{0} 中有 {1} 份案卷，现在解释第 {2} 行的案卷（用 --line N 选择）", en: "note: {0} holds {1} dossiers; explaining line {2} (choose with --line N)"),
        .helpExplainSummary: LocalizedText(zh: "显示一条规则如何判断一份案卷：适用的法律版本、条件和每个值", en: "show how one rule judged one dossier: law version, conditions and every value"),
        .helpExplainDiscussion: LocalizedText(zh: "显示决定所适用法律版本的行为日期、适用条件、每个命名值（let）和检查，每一项都以“表达式 = 值”的树形展开，\n然后是正常评查时该规则的问题。退出码：0 该规则没有问题，1 有问题，2 案卷、资格清单或规则包无法读取，\n64 用法错误（包括未知的规则编号）。", en: "Shows the act date and the law version it chose, the applicability conditions, each named value (let)\nand the check, each as a tree of `expression = value` lines, then the rule's findings from normal\nevaluation. Exit codes: 0 the rule has no finding, 1 it has one, 2 the dossier, registry or pack could\nnot be read, 64 usage error (also an unknown rule id)."),

        .assessPartialOnly: LocalizedText(zh: "--partial 只写出部分汇总；请用 'dossier assess merge' 生成报告（去掉 --format/--output）", en: "--partial writes the partial aggregate only; render it with 'dossier assess merge' (drop --format/--output)"),
        .assessNoScheme: LocalizedText(zh: "规则包 {0} 没有考核方案（pack.json 中的 \"assessment\"）", en: "the rule pack {0} has no assessment scheme (\"assessment\" in pack.json)"),
        .assessMergeNeedsPartial: LocalizedText(zh: "merge 至少需要一个部分汇总文件（用 --partial 生成）", en: "merge needs at least one partial file (made with --partial)"),
        .assessMergeFixedOption: LocalizedText(zh: "--{0} 在生成部分汇总时已经确定；merge 只接受 --format、--output、--lang、--pack 和 --expiring-within", en: "--{0} is fixed when the partials are made; merge takes --format, --output, --lang, --pack and --expiring-within"),
        .assessPackMismatch: LocalizedText(zh: "部分汇总是用规则包 {0} {1}（SHA-256 {2}…）生成的，而不是 {3}（{4}…）；请用 --pack 指定那个规则包", en: "the partials were made with pack {0} {1} (SHA-256 {2}…), not {3} ({4}…); pass that pack with --pack"),
        .assessDateOption: LocalizedText(zh: "--{0} 的值应为日期 YYYY-MM-DD，而不是“{1}”", en: "--{0} takes a date YYYY-MM-DD, not '{1}'"),
        .assessToBeforeFrom: LocalizedText(zh: "--to {0} 早于 --from {1}", en: "--to {0} is before --from {1}"),
        .assessCompareNeeds: LocalizedText(zh: "--compare previous 需要 --period，或同时给出 --from 和 --to", en: "--compare previous needs --period, or --from and --to"),
        .helpAssessSummary: LocalizedText(zh: "评议考核：按执法机关、执法人员、执法事项和期间给出指标、得分和排名", en: "assess performance (评议考核): indicators, scores and ranks per agency, officer, matter and period"),
        .helpAssessDiscussion: LocalizedText(zh: "案卷的期间取决定日期；未作出决定的案卷取受理日期，否则取立案日期。--from/--to 按这一天筛选。\n--compare previous 需要 --period（每一期与上一期比较），或 --from 和 --to（该区间与之前等长的区间比较）。\n比率显示分子和分母；指标、权重和等级区间来自规则包的 assessment.json（Docs/Assessment.md）。\n分片：对每一部分运行 'dossier assess SHARD --partial shard.json'（相同的规则包和选项），再运行\n'dossier assess merge shard*.json'：报告与对全部数据运行一次的结果逐字节相同。\n退出码：0；2 输入、资格清单、规则包或部分汇总无法读取；64 用法错误。", en: "A dossier's period is that of its decision date; an undecided dossier's, its acceptance date, else its filing\ndate. --from/--to select by that day. --compare previous needs --period (each period against the one before)\nor --from and --to (the range against the window of the same length before it). Rates show numerator and\ndenominator; indicators, weights and grade bands are the pack's assessment.json (Docs/Assessment.md).\nSharding: run 'dossier assess SHARD --partial shard.json' on each part (same pack and options), then\n'dossier assess merge shard*.json': the report is byte-for-byte that of one run over all the parts.\nExit codes: 0; 2 an input, the registry, the pack or a partial could not be read; 64 usage error."),

        .receiptNotJSON: LocalizedText(zh: "不是 JSON：{0}", en: "not JSON: {0}"),
        .receiptNone: LocalizedText(zh: "报告中没有收据（JSON：'receipt'；SARIF：runs[0].invocations[0].properties.receipt）", en: "no receipt in this report (JSON: 'receipt'; SARIF: runs[0].invocations[0].properties.receipt)"),
        .receiptIncomplete: LocalizedText(zh: "收据不完整：需要 tool、pack {id, version, sha256, directory, files}、inputs 和 time", en: "the receipt is incomplete: it needs tool, pack {id, version, sha256, directory, files}, inputs and time"),
        .verifyNeedsReport: LocalizedText(zh: "请指定一份带收据的 JSON 或 SARIF 报告，例如 'dossier verify report.json'", en: "name a JSON or SARIF report with a receipt, e.g. 'dossier verify report.json'"),
        .helpVerifySummary: LocalizedText(zh: "核对报告收据中列出的输入和规则包是否都在且未改动", en: "check that the inputs and pack named in a report's receipt are at hand and unchanged"),
        .helpVerifyDiscussion: LocalizedText(zh: "重新计算收据列出的每个输入（或所给的 PATH：文件，或含 *.json 和 *.jsonl 文件的文件夹）以及每个规则包文件的\nSHA-256，列出已更改、缺失或多出的文件。\n退出码：0 全部一致，1 有差异，2 报告或其收据无法读取。", en: "Recomputes the SHA-256 of every input the receipt lists (or of the PATHs given: files, or folders of\n*.json and *.jsonl files) and of every pack file, and lists those changed, missing or extra.\nExit codes: 0 everything matches, 1 differences, 2 the report or its receipt cannot be read."),

        .errorLabel: LocalizedText(zh: "错误：", en: "Error: "),
        .usageLabel: LocalizedText(zh: "用法：", en: "Usage: "),
        .seeHelp: LocalizedText(zh: "参见 '{0} --help'。", en: "See '{0} --help'."),
        .unknownCommand: LocalizedText(zh: "未知命令“{0}”{1}", en: "unknown command '{0}'{1}"),
        .unknownSubcommand: LocalizedText(zh: "未知操作“{0}”{1}", en: "unknown action '{0}'{1}"),
        .nameSubcommand: LocalizedText(zh: "请指定操作：{0}", en: "name an action: {0}"),
        .unknownOption: LocalizedText(zh: "未知选项“{0}”{1}", en: "unknown option '{0}'{1}"),
        .optionTakesNoValue: LocalizedText(zh: "{0} 不带值", en: "{0} takes no value"),
        .optionNeedsValue: LocalizedText(zh: "{0} 需要一个值（{1}）", en: "{0} needs a value ({1})"),
        .optionChoices: LocalizedText(zh: "{0} 的值应为 {1}，而不是“{2}”{3}", en: "{0} takes {1}, not '{2}'{3}"),
        .optionTwice: LocalizedText(zh: "{0} 给了两次", en: "{0} given twice"),
        .optionNotHere: LocalizedText(zh: "{0} 不适用于 '{1}'", en: "{0} does not apply to '{1}'"),
        .wholeNumber: LocalizedText(zh: "{0} 应为 {1} 到 {2} 的整数，而不是“{3}”", en: "{0} takes a whole number from {1} to {2}, not '{3}'"),
        .tooManyArguments: LocalizedText(zh: "'{0}' 多了参数：{1}", en: "'{0}' takes no further arguments: {1}"),
        .missingArgument: LocalizedText(zh: "'{0}' 缺少参数 {1}", en: "'{0}' needs {1}"),
        .noInput: LocalizedText(zh: "没有输入；请指定案卷文件或文件夹，或用 - 表示标准输入",
                                en: "no input; name dossier files or folders, or - for standard input"),
        .noSuchRule: LocalizedText(zh: "规则包中没有规则 {0}；'dossier rules list' 列出全部规则{1}",
                                   en: "the pack has no rule {0}; 'dossier rules list' shows its rules{1}"),
        .rulesNeedsAnId: LocalizedText(zh: "--rules 至少需要一个规则编号", en: "--rules needs at least one rule id"),
        .reportSpec: LocalizedText(zh: "--report 的值应为 FORMAT:PATH，FORMAT 为 {0} 之一，而不是“{1}”",
                                   en: "--report takes FORMAT:PATH with FORMAT one of {0}, not '{1}'"),
        .expectedDateArgument: LocalizedText(zh: "应为日期（YYYY-MM-DD），而不是“{0}”", en: "expected a date (YYYY-MM-DD), not '{0}'"),
        .expectedDayCount: LocalizedText(zh: "应为 0 到 100000 的整数天数，而不是“{0}”", en: "expected a whole number of days from 0 to 100000, not '{0}'"),
        .dayUnit: LocalizedText(zh: "单位应为 workdays 或 days，而不是“{0}”{1}", en: "the unit is workdays or days, not '{0}'{1}"),
        .helpOptions: LocalizedText(zh: "选项：", en: "Options:"),
        .helpCommands: LocalizedText(zh: "命令：", en: "Commands:"),
        .helpSubcommands: LocalizedText(zh: "操作：", en: "Actions:"),
        .helpShowHelp: LocalizedText(zh: "显示本帮助", en: "show this help"),
        .helpOverview: LocalizedText(zh: "dossier：按规则包检查行政执法案卷", en: "dossier: checks administrative enforcement case dossiers (行政执法案卷) against rule packs"),
        .untranslated: LocalizedText(zh: "{0}", en: "{0}"),
        .didYouMean: LocalizedText(zh: "；是不是“{0}”？", en: "; did you mean '{0}'?"),
        .helpMore: LocalizedText(zh: "各命令的选项见 'dossier <命令> --help'。", en: "See 'dossier <command> --help' for a command's options."),
        .outputIsDossier: LocalizedText(zh: "存有案卷数据，写入报告会覆盖它；请另选报告文件", en: "holds dossier data; the report would replace it (choose another file for the report)"),
        .testSampleOutside: LocalizedText(zh: "样本 {0}：应为样本文件夹中的文件", en: "sample {0}: name a file inside the samples folder"),
        .testBothBases: LocalizedText(zh: "同时指定了案卷 {0} 和样本 {1}：只能指定一个", en: "both dossier {0} and sample {1}: name one base"),
        .testNoSamplesFolder: LocalizedText(zh: "样本 {0}：pack.json 没有指定样本文件夹（samples）", en: "sample {0}: pack.json names no samples folder"),

        .exprUnexpectedEquals: LocalizedText(zh: "意外的 '='；判断相等请用 '=='", en: "unexpected '='; use '==' for equality"),
        .exprUnexpectedAmpersand: LocalizedText(zh: "意外的 '&'；逻辑“与”请用 '&&'", en: "unexpected '&'; use '&&' for logical and"),
        .exprUnexpectedBar: LocalizedText(zh: "意外的 '|'；逻辑“或”请用 '||'", en: "unexpected '|'; use '||' for logical or"),
        .exprUnexpectedCharacter: LocalizedText(zh: "意外的字符 '{0}'", en: "unexpected character '{0}'"),
        .exprInvalidNumber: LocalizedText(zh: "无效的数字字面量", en: "invalid number literal"),
        .exprNumberOutOfRange: LocalizedText(zh: "数字字面量 '{0}' 超出范围", en: "number literal '{0}' is out of range"),
        .exprUnterminatedString: LocalizedText(zh: "字符串字面量缺少结束引号", en: "unterminated string literal"),
        .exprUnicodeEscape: LocalizedText(zh: "无效的 Unicode 转义，应为 \\uXXXX", en: "invalid unicode escape; expected \\uXXXX"),
        .exprUnicodeEscapeValue: LocalizedText(zh: "无效的 Unicode 转义 '\\u{0}'", en: "invalid unicode escape '\\u{0}'"),
        .exprUnknownEscape: LocalizedText(zh: "未知的转义 '\\{0}'", en: "unknown escape '\\{0}'"),
        .exprTokenString: LocalizedText(zh: "字符串字面量", en: "string literal"),
        .exprTokenEnd: LocalizedText(zh: "表达式末尾", en: "end of input"),
        .exprUnexpected: LocalizedText(zh: "意外的 {0}", en: "unexpected {0}"),
        .exprExpectedSymbol: LocalizedText(zh: "应为 '{0}'，实际为 {1}", en: "expected '{0}' but found {1}"),
        .exprTooDeep: LocalizedText(zh: "表达式嵌套太深（超过 {0} 层）", en: "expression is nested too deeply (more than {0} levels)"),
        .exprExpectedName: LocalizedText(zh: "'.' 之后应为字段名或函数名，实际为 {0}", en: "expected a field or function name after '.' but found {0}"),
        .exprExpectedExpression: LocalizedText(zh: "应为表达式，实际为 {0}", en: "expected an expression but found {0}"),
        .exprExpectedType: LocalizedText(zh: "结果应为 {0}，实际为 {1}", en: "expected {0}, got {1}"),
        .exprCostSteps: LocalizedText(zh: "{0} 步", en: "{0} steps"),
        .exprCostUnbounded: LocalizedText(zh: "无上限", en: "unbounded"),
        .exprCostOverBudget: LocalizedText(zh: "估计开销 {0}（按每个列表 {1} 个元素计）超过求值预算 {2} 步；请减少嵌套的列表推导",
                                           en: "estimated cost {0} (lists of {1} elements) exceeds the evaluation budget of {2} steps; nest fewer comprehensions"),
        .exprUnknownVariable: LocalizedText(zh: "未知的变量“{0}”{1}", en: "unknown variable '{0}'{1}"),
        .exprCannotIndexWith: LocalizedText(zh: "不能用 {1} 作 {0} 的下标", en: "cannot index {0} with {1}"),
        .exprCannotIndex: LocalizedText(zh: "{0} 不能取下标", en: "cannot index {0}"),
        .exprHasCall: LocalizedText(zh: "'has' 必须写成 has(a.b)", en: "'has' must be called as has(a.b)"),
        .exprUnaryOperator: LocalizedText(zh: "运算符 '{0}' 不能用于 {1}", en: "operator '{0}' cannot be applied to {1}"),
        .exprBinaryOperator: LocalizedText(zh: "运算符 '{0}' 不能用于 {1} 和 {2}{3}", en: "operator '{0}' cannot be applied to {1} and {2}{3}"),
        .exprUseInstead: LocalizedText(zh: "；请用 {0}", en: "; use {0}"),
        .exprConditionType: LocalizedText(zh: "条件应为 bool，实际为 {0}", en: "condition must be bool, got {0}"),
        .exprBranchTypes: LocalizedText(zh: "条件表达式的两个分支类型不同：{0} 和 {1}", en: "conditional branches have different types: {0} and {1}"),
        .exprMapKeyType: LocalizedText(zh: "映射的键应为字符串，实际为 {0}", en: "map keys must be strings, got {0}"),
        .exprUnknownField: LocalizedText(zh: "{1} 没有字段“{0}”{2}", en: "unknown field '{0}' on {1}{2}"),
        .exprCannotAccessField: LocalizedText(zh: "不能在 {1} 上取字段“{0}”", en: "cannot access field '{0}' on {1}"),
        .exprHasArgument: LocalizedText(zh: "has() 需要一个字段选择，如 has(a.b)", en: "has() needs a single field selection like has(a.b)"),
        .exprCannotTestField: LocalizedText(zh: "不能在 {1} 上检测字段“{0}”", en: "cannot test field '{0}' on {1}"),
        .exprPhraseExpression: LocalizedText(zh: "表达式", en: "expression"),
        .exprPhrasePredicate: LocalizedText(zh: "条件", en: "predicate"),
        .exprMacroReceiver: LocalizedText(zh: "“{0}”必须在列表或映射上调用：list.{0}(x, {1})", en: "'{0}' must be called on a list or map: list.{0}(x, {1})"),
        .exprMacroArgumentsExpression: LocalizedText(zh: "“{0}”需要一个变量和一个表达式：list.{0}(x, 表达式)", en: "'{0}' takes a variable and an expression: list.{0}(x, expression)"),
        .exprMacroArgumentsPredicate: LocalizedText(zh: "“{0}”需要一个变量和一个条件：list.{0}(x, 条件)", en: "'{0}' takes a variable and a predicate: list.{0}(x, predicate)"),
        .exprMacroVariable: LocalizedText(zh: "“{0}”的第一个参数应为变量名", en: "the first argument of '{0}' must be a variable name"),
        .exprCannotIterate: LocalizedText(zh: "“{0}”不能遍历 {1}", en: "'{0}' cannot iterate over {1}"),
        .exprPredicateType: LocalizedText(zh: "“{0}”的条件应为 bool，实际为 {1}", en: "the predicate of '{0}' must be bool, got {1}"),
        .exprUnknownFunction: LocalizedText(zh: "未知的函数“{0}”{1}", en: "unknown function '{0}'{1}"),
        .exprInvalidDateLiteral: LocalizedText(zh: "无效的日期字面量“{0}”，应为 YYYY-MM-DD", en: "invalid date literal '{0}'; expected YYYY-MM-DD"),
        .exprInvalidTimeLiteral: LocalizedText(zh: "无效的时间字面量“{0}”，应为 YYYY-MM-DDTHH:MM:SS+08:00", en: "invalid time literal '{0}'; expected YYYY-MM-DDTHH:MM:SS+08:00"),
        .exprNoOverload: LocalizedText(zh: "函数“{0}”不接受参数类型 ({1})", en: "no overload of '{0}' takes ({1})"),
        .exprTemplateUnmatchedBrace: LocalizedText(zh: "模板中有不成对的 '}'；字面的右花括号请写 '}}'", en: "unmatched '}' in template; write '}}' for a literal brace"),
        .exprTemplateEmptyHole: LocalizedText(zh: "模板的占位符中没有表达式", en: "empty expression in template hole"),
        .exprTemplateUnterminated: LocalizedText(zh: "模板中的 '{' 没有对应的 '}'", en: "unterminated '{' in template"),
        .exprTemplateUnknownFormat: LocalizedText(zh: "未知的格式“{0}”；可用 {1}", en: "unknown format '{0}'; use {1}"),
        .exprOr: LocalizedText(zh: "{0} 或 {1}", en: "{0} or {1}"),

        .evalNull: LocalizedText(zh: "{0} 为 null", en: "{0} is null"),
        .evalMismatch: LocalizedText(zh: "{0} 为 {1}，应为 {2}", en: "{0} is {1}, expected {2}"),
        .evalOverflow: LocalizedText(zh: "计算 {0} 时数值溢出", en: "overflow in {0}"),
        .evalStringOverLimit: LocalizedText(zh: "{0} 生成的字符串有 {1} 字节，上限为 {2}", en: "{0} builds a string of {1} bytes; the limit is {2}"),
        .evalListOverLimit: LocalizedText(zh: "{0} 生成的列表有 {1} 个元素，上限为 {2}", en: "{0} builds a list of {1} elements; the limit is {2}"),
        .evalBudget: LocalizedText(zh: "{1} 超出求值预算 {0} 步", en: "evaluation budget of {0} steps exceeded in {1}"),
        .evalDivisionByZero: LocalizedText(zh: "{0} 中除数为零", en: "division by zero in {0}"),
        .evalNoSuchKey: LocalizedText(zh: "没有键“{0}”", en: "no such key '{0}'"),
        .evalIndexNotWhole: LocalizedText(zh: "下标 {0} 不是整数", en: "index {0} is not a whole number"),
        .evalIndexOutOfRange: LocalizedText(zh: "下标 {0} 超出范围（列表长度为 {1}）", en: "index {0} out of range for list of size {1}"),
        .evalDuplicateMapKey: LocalizedText(zh: "映射字面量中有重复的键“{0}”", en: "duplicate key '{0}' in map literal"),
        .evalForeignActivation: LocalizedText(zh: "求值所用的变量表（activation）不是为这个表达式的环境建立的", en: "the activation was built for a different environment"),
        .evalMissingService: LocalizedText(zh: "“{0}”需要 {1} 服务，但宿主程序没有提供", en: "'{0}' needs the {1} service, which the host did not provide"),
        .evalWholeNumber: LocalizedText(zh: "{0} 的{1}应为整数，实际为 {2}", en: "{0} needs a whole number of {1}, got {2}"),
        .evalUnitScalars: LocalizedText(zh: "字符位置", en: "scalars"),
        .evalUnitDays: LocalizedText(zh: "天数", en: "days"),
        .evalSubstringRange: LocalizedText(zh: "substring 的范围 {0}..<{1} 超出了长度为 {2} 的字符串", en: "substring range {0}..<{1} is outside a string of size {2}"),
        .evalSplitSeparator: LocalizedText(zh: "split 的分隔符不能为空", en: "split needs a non-empty separator"),
        .evalJoinStrings: LocalizedText(zh: "join 需要字符串列表，其中有 {0}", en: "join needs a list of strings, found {0}"),
        .evalNotANumber: LocalizedText(zh: "{0} 无法把“{1}”转换为数字", en: "{0} cannot convert '{1}' to a number"),
        .evalCannotCompare: LocalizedText(zh: "{0} 无法比较 {1} 和 {2}", en: "{0} cannot compare {1} with {2}"),
        .evalSumNumbers: LocalizedText(zh: "sum 需要数字列表，其中有 {0}", en: "sum needs a list of numbers, found {0}"),
        .evalInvalidDate: LocalizedText(zh: "无效的日期“{0}”，应为 YYYY-MM-DD", en: "invalid date '{0}'; expected YYYY-MM-DD"),
        .evalInvalidTime: LocalizedText(zh: "无效的时间“{0}”，应为 YYYY-MM-DDTHH:MM:SS+08:00", en: "invalid time '{0}'; expected YYYY-MM-DDTHH:MM:SS+08:00"),
        .evalAddDaysRange: LocalizedText(zh: "addDays 的结果超出 1 至 9999 年", en: "addDays result is outside years 1 to 9999"),
        .evalSortOrder: LocalizedText(zh: "sort 无法排列 {0} 和 {1} 的先后", en: "sort cannot order {0} with {1}"),
        .evalFlattenLists: LocalizedText(zh: "flatten 需要由列表组成的列表，其中有 {0}", en: "flatten needs a list of lists, found {0}"),
        .evalWholeDays: LocalizedText(zh: "“{0}”的天数应为整数，而不是 {1}", en: "'{0}' needs a whole number of days, not {1}"),
        .evalWholeMonths: LocalizedText(zh: "“addMonths”的月数应为整数，而不是 {0}", en: "'addMonths' needs a whole number of months, not {0}"),
        .evalAddMonthsRange: LocalizedText(zh: "addMonths：{0} 加 {1} 个月超出 1 至 9999 年", en: "addMonths: {0} plus {1} months is outside years 1-9999"),
        .evalNoRegistry: LocalizedText(zh: "没有提供执法人员资格清单", en: "no officer registry was given"),
        .ruleNotEvaluated: LocalizedText(zh: "规则 {0} 无法求值（{1}）：{2}", en: "rule {0} could not be evaluated ({1}): {2}"),
        .definitionNotEvaluated: LocalizedText(zh: "定义“{0}”无法求值：{1}", en: "definition '{0}' could not be evaluated: {1}"),

        .patchNeedsOpAndPath: LocalizedText(zh: "补丁操作需要 op 和 path", en: "an operation needs op and path"),
        .patchRoot: LocalizedText(zh: "不能修改整个案卷（path 不能为空）", en: "cannot patch the root"),
        .patchNeedsValue: LocalizedText(zh: "{0} {1} 需要 value", en: "{0} {1} needs a value"),
        .patchNoSuchMember: LocalizedText(zh: "{0} {1}：没有这个成员", en: "{0} {1}: no such member"),
        .patchUnsupportedOp: LocalizedText(zh: "不支持的操作 {0}（只支持 add、replace 和 remove）", en: "unsupported op {0}"),
        .patchNoMember: LocalizedText(zh: "{0}：没有成员 {1}", en: "{0}: no member {1}"),
        .patchIndexOutOfRange: LocalizedText(zh: "{0} {1}：下标超出范围", en: "{0} {1}: index out of range"),
        .patchStepOutOfRange: LocalizedText(zh: "{0}：下标 {1} 超出范围", en: "{0}: index {1} out of range"),
        .patchScalar: LocalizedText(zh: "{0}：路径经过的值不是对象或数组", en: "{0}: cannot descend into a scalar"),

        .partialNotPartial: LocalizedText(zh: "不是部分汇总文件（format 应为 {0}，实际为 {1}）", en: "not a partial assessment (expected format {0}, found {1})"),
        .partialNoFormat: LocalizedText(zh: "无", en: "none"),
        .partialExpectedWhole: LocalizedText(zh: "应为整数", en: "expected a whole number"),
        .partialExpectedString: LocalizedText(zh: "应为字符串", en: "expected a string"),
        .partialExpectedDate: LocalizedText(zh: "应为日期（YYYY-MM-DD）", en: "expected a date (YYYY-MM-DD)"),
        .partialExpectedWholeKey: LocalizedText(zh: "键应为整数，而不是“{0}”", en: "expected a whole-number key, not '{0}'"),
        .partialExpectedCell: LocalizedText(zh: "应为一个分组期间的统计数据（对象）", en: "expected the figures of a cell"),
        .partialExpectedRuleCount: LocalizedText(zh: "应为 [案卷数, 项数, 问题数]", en: "expected [dossiers, items, findings]"),
        .partialUnknownGrouping: LocalizedText(zh: "未知的分组方式", en: "unknown grouping"),
        .partialUnknownPeriod: LocalizedText(zh: "未知的期间", en: "unknown period"),
        .partialDifferentPacks: LocalizedText(zh: "这些部分汇总是用不同的规则包生成的（{0} {1}…，{2} {3}…）", en: "the partials were made with different rule packs ({0} {1}…, {2} {3}…)"),
        .partialDifferentOptions: LocalizedText(zh: "这些部分汇总是用不同的选项生成的（{0}；{1}）", en: "the partials were made with different options ({0}; {1})"),
        .partialDifferentRegistries: LocalizedText(zh: "这些部分汇总使用了不同的执法人员资格清单", en: "the partials were made with different officer registries"),

        .explainNotEvaluated: LocalizedText(zh: "未求值", en: "not evaluated"),
        .explainNotBool: LocalizedText(zh: "{0} 不是 bool", en: "{0} is not a bool"),

        .exprExpectedSymbolAtEnd: LocalizedText(zh: "表达式意外结束，应为 '{0}'", en: "expected '{0}' but found end of input"),
        .exprExpectedNameAtEnd: LocalizedText(zh: "表达式意外结束，'.' 之后应为字段名或函数名", en: "expected a field or function name after '.' but found end of input"),
        .exprExpectedExpressionAtEnd: LocalizedText(zh: "表达式意外结束，应为一个表达式", en: "expected an expression but found end of input"),
    ]

    /// An object type of a format (`Step`) as validation messages name it: `执法环节` in Chinese,
    /// the type's own name in English; a type the catalogue does not know (a pack's) stays as it is.
    public static func objectName(_ name: String) -> Message.Argument {
        objectNames[name].map { .message(Message($0)) } ?? .text(name)
    }

    private static let objectNames: [String: MessageID] = Dictionary(
        uniqueKeysWithValues: MessageID.allCases.filter { $0.rawValue.hasPrefix("object.") }.map { (String($0.rawValue.dropFirst(7)), $0) })

    /// `; did you mean 'x'?` for the nearest of `candidates`, or nothing.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> Message.Argument {
        guard let suggestion = NearMiss.suggestion(for: word, among: candidates) else { return .text("") }
        return .message(Message(.didYouMean, suggestion))
    }
}
