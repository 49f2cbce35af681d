package org.yiwang.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.cases.Applications;
import org.yiwang.cases.CaseMessage;
import org.yiwang.cases.CasePage;
import org.yiwang.cases.CaseSummary;
import org.yiwang.cases.CaseView;
import org.yiwang.cases.CasesError;
import org.yiwang.cases.DraftView;
import org.yiwang.cases.StoredMaterial;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.CurrentApplicant;
import org.yiwang.shared.BusinessException;

/**
 * The applicant's API (申报): a bearer token of this node's OpenID Connect provider for a person, acting for
 * themselves or for an enterprise. Anyone else's case or draft answers 404, like one that does not exist.
 */
@RestController
@Tag(name = "申报", description = "申请人：草稿、材料上传、提交（幂等）、我的办件、补正、撤回")
class ApplicationApi {

    record Withdrawal(@Nullable String reason, @Nullable Integer version) {
    }

    record LicenceChoice(@Nullable String licenceId) {
    }

    record Supplement(@Nullable Map<String, String> formValues, @Nullable Integer version) {
    }

    private final Applications applications;
    private final CurrentApplicant current;

    ApplicationApi(Applications applications, CurrentApplicant current) {
        this.applications = applications;
        this.current = current;
    }

    @PostMapping("/api/v1/applications")
    @Operation(summary = "提交申报", description = "提交草稿（draftId）或一次性提交（itemCode、formValues、situationAnswers）。"
            + "同一申请人使用同一 Idempotency-Key 重复提交（含并发）只生成一个办件，返回同一结果。")
    ResponseEntity<CaseView> submit(@RequestBody Applications.Submission body,
            @Parameter(description = "幂等键：1–100 个字母、数字或 -_.:")
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        CaseView view = applications.submit(applicant(), body, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + view.caseNumber()))
                .eTag("\"" + view.version() + "\"").body(view);
    }

    @GetMapping("/api/v1/applications/{caseNumber}")
    @Operation(summary = "办件详情（申请人）", description = "含时间轴、补正告知、承诺办结日期与剩余工作日")
    ResponseEntity<CaseView> get(@PathVariable String caseNumber) {
        return Versions.ok(applications.view(applicant(), caseNumber));
    }

    @GetMapping("/api/v1/me/applications")
    @Operation(summary = "我的办件", description = "page 从 0 开始，每页 20 条；代表企业时为企业的办件")
    CasePage<CaseSummary> mine(@RequestParam(defaultValue = "0") int page) {
        return applications.list(applicant(), page);
    }

    @GetMapping("/api/v1/me/case-messages")
    @Operation(summary = "办件消息（站内消息）", description = "最新 100 条；readAt 为空的是未读消息")
    List<CaseMessage> messages() {
        return applications.messages(applicant());
    }

    @PostMapping("/api/v1/me/case-messages/{id}/read")
    @Operation(summary = "标为已读", description = "他人的或不存在的消息答 404")
    CaseMessage markRead(@PathVariable long id) {
        return applications.markRead(applicant(), id);
    }

    @PostMapping("/api/v1/me/case-messages/read")
    @Operation(summary = "全部标为已读", description = "caseNumber 给出时只标记该办件的消息；返回标记的条数")
    Map<String, Integer> markAllRead(@RequestParam(required = false) @Nullable String caseNumber) {
        return Map.of("marked", applications.markAllRead(applicant(), caseNumber));
    }

    @PostMapping("/api/v1/applications/drafts")
    @Operation(summary = "新建草稿", description = "预填字段（姓名、身份证号码、手机号码、企业信息）取自身份，不接受输入")
    ResponseEntity<DraftView> createDraft(@RequestBody Applications.DraftInput body) {
        DraftView draft = applications.createDraft(applicant(), body);
        return ResponseEntity.created(URI.create("/api/v1/applications/drafts/" + draft.draftId())).body(draft);
    }

    @GetMapping("/api/v1/applications/drafts")
    @Operation(summary = "我的草稿")
    List<DraftView> drafts() {
        return applications.drafts(applicant());
    }

    @GetMapping("/api/v1/applications/drafts/{draftId}")
    @Operation(summary = "草稿详情", description = "含按情形答案生成的材料清单及各材料的上传情况")
    DraftView draft(@PathVariable long draftId) {
        return applications.draft(applicant(), draftId);
    }

    @PutMapping("/api/v1/applications/drafts/{draftId}")
    @Operation(summary = "保存草稿", description = "formValues 或 situationAnswers 为空时保持原值")
    DraftView updateDraft(@PathVariable long draftId, @RequestBody Applications.DraftInput body) {
        return applications.updateDraft(applicant(), draftId, body);
    }

    @DeleteMapping("/api/v1/applications/drafts/{draftId}")
    @Operation(summary = "删除草稿")
    ResponseEntity<Void> deleteDraft(@PathVariable long draftId) {
        applications.deleteDraft(applicant(), draftId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/applications/drafts/{draftId}/materials/{slot}",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传草稿材料", description = "PDF、JPEG、PNG 或 OFD（按内容识别），大小上限见 yiwang.cases.upload.max-size")
    ResponseEntity<StoredMaterial> uploadToDraft(@PathVariable long draftId, @PathVariable String slot,
            @RequestParam("file") MultipartFile file) throws IOException {
        return ResponseEntity.status(201).body(applications.uploadToDraft(applicant(), draftId, slot,
                file.getOriginalFilename(), file.getBytes()));
    }

    @PutMapping("/api/v1/applications/drafts/{draftId}/materials/{slot}/licence")
    @Operation(summary = "使用电子证照（免提交）", description = "以申请人持有的有效电子证照（代表企业时为企业的证照）"
            + "代替材料，可信等级 A；证照须为材料对应的类型。他人的证照答 404，已撤销、已过期等答 409")
    StoredMaterial useLicence(@PathVariable long draftId, @PathVariable String slot,
            @RequestBody LicenceChoice body) {
        if (body.licenceId() == null || body.licenceId().isBlank()) {
            throw new BusinessException(CasesError.CASES_LICENCE_ID_REQUIRED);
        }
        return applications.useLicenceInDraft(applicant(), draftId, slot, body.licenceId());
    }

    @DeleteMapping("/api/v1/applications/drafts/{draftId}/materials/{slot}")
    @Operation(summary = "移除草稿材料")
    ResponseEntity<Void> removeFromDraft(@PathVariable long draftId, @PathVariable String slot) {
        applications.removeFromDraft(applicant(), draftId, slot);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/applications/{caseNumber}/materials/{slot}",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传补正材料", description = "仅在“待补正”状态；完成后调用 supplement 提交补正")
    ResponseEntity<StoredMaterial> uploadSupplement(@PathVariable String caseNumber, @PathVariable String slot,
            @RequestParam("file") MultipartFile file) throws IOException {
        return ResponseEntity.status(201).body(applications.uploadSupplement(applicant(), caseNumber, slot,
                file.getOriginalFilename(), file.getBytes()));
    }

    @PostMapping("/api/v1/applications/{caseNumber}/supplement")
    @Operation(summary = "提交补正", description = "办件回到提出补正的环节；受理后的补正期间不计入办理时限")
    ResponseEntity<CaseView> supplement(@PathVariable String caseNumber,
            @RequestBody(required = false) @Nullable Supplement body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.ok(applications.supplement(applicant(), caseNumber, body == null ? null : body.formValues(),
                Versions.expected(ifMatch, body == null ? null : body.version())));
    }

    @PostMapping("/api/v1/applications/{caseNumber}/withdrawal")
    @Operation(summary = "撤回申请", description = "作出决定前可撤回，办结结果 5（退件），须填写原因")
    ResponseEntity<CaseView> withdraw(@PathVariable String caseNumber,
            @RequestBody(required = false) @Nullable Withdrawal body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.ok(applications.withdraw(applicant(), caseNumber, body == null ? null : body.reason(),
                Versions.expected(ifMatch, body == null ? null : body.version())));
    }

    private Applicant applicant() {
        return current.find().orElseThrow(() -> new BusinessException(CasesError.CASES_NOT_AN_APPLICANT));
    }
}
