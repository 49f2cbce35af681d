package org.yiwang.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.cases.AcceptanceNotice;
import org.yiwang.cases.CaseDatasets;
import org.yiwang.cases.CaseMessage;
import org.yiwang.cases.CasePage;
import org.yiwang.cases.CaseSummary;
import org.yiwang.cases.CaseView;
import org.yiwang.cases.CorrectionItem;
import org.yiwang.cases.DeliveryMethod;
import org.yiwang.cases.PauseKind;
import org.yiwang.cases.Workbench;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.Staff;

/**
 * The staff workbench API (一窗受理、后台分办): queues, the case file, actions and the GB/T 39046 data sets. Every
 * action may present the case version it acted on ({@code If-Match} or {@code version}); acting in the wrong state,
 * on an older version or on a task claimed by someone else answers 409 and changes nothing. An action answers the
 * changed case without its trail and timeline (the case's GET has them). Cases outside the member's scope answer 404.
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "办件办理", description = "工作台：待办队列、受理、补正、审查、决定、特别程序、办结、送达、认领与转交、作废、删除、转报办结")
class WorkbenchApi {

    /** Body of an action: the version seen and an opinion or reason. */
    record Opinion(@Nullable Integer version, @Nullable String opinion) {
    }

    record Correction(@Nullable Integer version, @Nullable List<CorrectionItem> items, @Nullable String opinion) {
    }

    record Decision(@Nullable Integer version, boolean approve, @Nullable String reason) {
    }

    record Extension(@Nullable Integer version, int days, @Nullable String reason) {
    }

    record Pause(@Nullable Integer version, @Nullable PauseKind kind, @Nullable String reason) {
    }

    record Completion(@Nullable Integer version, @Nullable Integer resultCode, @Nullable String reason) {
    }

    record Delivery(@Nullable Integer version, @Nullable DeliveryMethod method, @Nullable String note) {
    }

    record Reassignment(@Nullable Integer version, @Nullable String username, @Nullable String reason) {
    }

    private final Workbench workbench;
    private final CaseDatasets datasets;

    WorkbenchApi(Workbench workbench, CaseDatasets datasets) {
        this.workbench = workbench;
        this.datasets = datasets;
    }

    @GetMapping
    @Operation(summary = "办件队列", description = "queue：TASKS 可办理的待办（按角色、部门、区域），MINE 我认领的，"
            + "OVERDUE 超期办件（督办），ALL 职责范围内全部；page 从 0 开始；size 每页条数，默认 20，最多 200")
    CasePage<CaseSummary> queue(@RequestParam(defaultValue = "TASKS") Workbench.Queue queue,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return workbench.queue(staff(), queue, page, size);
    }

    @GetMapping("/messages")
    @Operation(summary = "我的办件消息", description = "如超期提醒")
    List<CaseMessage> messages() {
        return workbench.messages(staff());
    }

    @PostMapping("/messages/{id}/read")
    @Operation(summary = "消息标为已读", description = "发给本人或本人可办理的岗位组的消息；其他答 404")
    CaseMessage markRead(@PathVariable long id) {
        return workbench.markRead(staff(), id);
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "办件详情（工作人员）", description = "含全部留痕；ETag 为办件版本")
    ResponseEntity<CaseView> get(@PathVariable String caseNumber) {
        return Versions.ok(workbench.view(staff(), caseNumber));
    }

    @GetMapping("/{caseNumber}/materials/{materialId}")
    @Operation(summary = "下载申请材料")
    ResponseEntity<byte[]> material(@PathVariable String caseNumber, @PathVariable long materialId) {
        var content = workbench.material(staff(), caseNumber, materialId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(String.valueOf(content.material().mediaType())))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(String.valueOf(content.material().fileName()), java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content.bytes());
    }

    @GetMapping("/{caseNumber}/datasets")
    @Operation(summary = "GB/T 39046 数据集", description = "办事申请、事项受理、事项办理（环节）、事项办结；字段说明见 docs/cases.md")
    CaseDatasets.Datasets datasets(@PathVariable String caseNumber) {
        return datasets.of(staff(), caseNumber);
    }

    @PostMapping("/walk-ins")
    @Operation(summary = "窗口登记", description = "为到窗口办事的自然人登记申请：身份证号码与姓名经人口库核验；"
            + "paperMaterials 为当场收取的纸质材料；同一 Idempotency-Key 只登记一次")
    ResponseEntity<CaseView> walkIn(@RequestBody Workbench.WalkIn body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        CaseView view = workbench.registerWalkIn(staff(), body, idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + view.caseNumber()))
                .eTag("\"" + view.version() + "\"").body(view);
    }

    @PostMapping("/{caseNumber}/pre-review")
    @Operation(summary = "预审通过")
    ResponseEntity<CaseView> preReview(@PathVariable String caseNumber, @RequestBody(required = false) @Nullable Opinion body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.preReview(staff(), caseNumber, version(ifMatch, body), opinion(body)));
    }

    @PostMapping("/{caseNumber}/accept")
    @Operation(summary = "受理", description = "返回受理通知书数据（含承诺办结日期）；即办件当场办结")
    AcceptanceNotice accept(@PathVariable String caseNumber, @RequestBody(required = false) @Nullable Opinion body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return workbench.accept(staff(), caseNumber, version(ifMatch, body), opinion(body)).withoutHistory();
    }

    @PostMapping("/{caseNumber}/reject")
    @Operation(summary = "不予受理", description = "opinion 为不予受理理由（必填），办结结果 6")
    ResponseEntity<CaseView> reject(@PathVariable String caseNumber, @RequestBody(required = false) @Nullable Opinion body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.reject(staff(), caseNumber, version(ifMatch, body), opinion(body)));
    }

    @PostMapping("/{caseNumber}/corrections")
    @Operation(summary = "补正告知", description = "一次性列出全部需补正的材料（material）或表单项（field）及问题")
    ResponseEntity<CaseView> corrections(@PathVariable String caseNumber,
            @RequestBody(required = false) @Nullable Correction body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.requestCorrection(staff(), caseNumber,
                Versions.expected(ifMatch, body == null ? null : body.version()), body == null ? null : body.items(),
                body == null ? null : body.opinion()));
    }

    @PostMapping("/{caseNumber}/review")
    @Operation(summary = "审查", description = "opinion 为审查意见（必填）")
    ResponseEntity<CaseView> review(@PathVariable String caseNumber, @RequestBody(required = false) @Nullable Opinion body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.review(staff(), caseNumber, version(ifMatch, body), opinion(body)));
    }

    @PostMapping("/{caseNumber}/decision")
    @Operation(summary = "决定", description = "approve=true 准予；false 不予许可，须填写 reason")
    ResponseEntity<CaseView> decision(@PathVariable String caseNumber, @RequestBody Decision body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.decide(staff(), caseNumber, Versions.expected(ifMatch, body.version()),
                body.approve(), body.reason()));
    }

    @PostMapping("/{caseNumber}/extension-requests")
    @Operation(summary = "申请延期（审查人员）", description = "留痕并通知本部门审批人员，由其批准延期")
    ResponseEntity<CaseView> requestExtension(@PathVariable String caseNumber, @RequestBody Extension body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.requestExtension(staff(), caseNumber, Versions.expected(ifMatch, body.version()),
                body.days(), body.reason()));
    }

    @PostMapping("/{caseNumber}/extensions")
    @Operation(summary = "延期（审批人员批准）", description = "延长的工作日合计不超过 10 日（行政许可法第四十二条）")
    ResponseEntity<CaseView> extend(@PathVariable String caseNumber, @RequestBody Extension body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.extend(staff(), caseNumber, Versions.expected(ifMatch, body.version()),
                body.days(), body.reason()));
    }

    @PostMapping("/{caseNumber}/pauses")
    @Operation(summary = "特别程序开始（计时暂停）", description = "kind：HEARING 听证、TESTING 检验检测、EXPERT_REVIEW 专家评审、OTHER")
    ResponseEntity<CaseView> pause(@PathVariable String caseNumber, @RequestBody Pause body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.pause(staff(), caseNumber, Versions.expected(ifMatch, body.version()),
                body.kind(), body.reason()));
    }

    @PostMapping("/{caseNumber}/resume")
    @Operation(summary = "特别程序结束（恢复计时）", description = "opinion 为特别程序结果（必填）")
    ResponseEntity<CaseView> resume(@PathVariable String caseNumber, @RequestBody(required = false) @Nullable Opinion body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.resume(staff(), caseNumber, version(ifMatch, body), opinion(body)));
    }

    @PostMapping("/{caseNumber}/completion")
    @Operation(summary = "办结", description = "决定后按决定办结（0 准予 / 1 不予许可）；补正未完成的以结果 5 退件并填写 reason")
    ResponseEntity<CaseView> complete(@PathVariable String caseNumber,
            @RequestBody(required = false) @Nullable Completion body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.complete(staff(), caseNumber,
                Versions.expected(ifMatch, body == null ? null : body.version()),
                body == null ? null : body.resultCode(), body == null ? null : body.reason()));
    }

    @PostMapping("/{caseNumber}/delivery")
    @Operation(summary = "送达", description = "method：ONLINE 网上下载、WINDOW 窗口领取、POST 邮寄（note 填写地址或运单）")
    ResponseEntity<CaseView> deliver(@PathVariable String caseNumber, @RequestBody Delivery body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.deliver(staff(), caseNumber, Versions.expected(ifMatch, body.version()),
                body.method(), body.note()));
    }

    @PostMapping("/{caseNumber}/claim")
    @Operation(summary = "认领当前环节")
    ResponseEntity<CaseView> claim(@PathVariable String caseNumber, @RequestBody(required = false) @Nullable Opinion body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.claim(staff(), caseNumber, version(ifMatch, body)));
    }

    @PostMapping("/{caseNumber}/release")
    @Operation(summary = "释放已认领的环节")
    ResponseEntity<CaseView> release(@PathVariable String caseNumber, @RequestBody(required = false) @Nullable Opinion body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.release(staff(), caseNumber, version(ifMatch, body)));
    }

    @PostMapping("/{caseNumber}/reassign")
    @Operation(summary = "转交", description = "认领人或本部门管理员把当前环节转交给另一名工作人员")
    ResponseEntity<CaseView> reassign(@PathVariable String caseNumber, @RequestBody Reassignment body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.reassign(staff(), caseNumber, Versions.expected(ifMatch, body.version()),
                body.username(), body.reason()));
    }

    @PostMapping("/{caseNumber}/annulment")
    @Operation(summary = "作废", description = "误登记等作废办件（办结结果 2），决定之前，窗口人员或部门管理员；opinion 为作废原因（必填）")
    ResponseEntity<CaseView> annul(@PathVariable String caseNumber, @RequestBody(required = false) @Nullable Opinion body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.annul(staff(), caseNumber, version(ifMatch, body), opinion(body)));
    }

    @PostMapping("/{caseNumber}/deletion")
    @Operation(summary = "删除", description = "未受理的重复等办件标为删除（办结结果 3，办件与留痕保留），部门管理员或平台管理员；"
            + "opinion 为删除原因（必填）")
    ResponseEntity<CaseView> delete(@PathVariable String caseNumber, @RequestBody(required = false) @Nullable Opinion body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.delete(staff(), caseNumber, version(ifMatch, body), opinion(body)));
    }

    @PostMapping("/{caseNumber}/forwarding")
    @Operation(summary = "转报办结", description = "受理后转报上级机关办理，以结果 4 办结，审批人员或部门管理员；opinion 为转报说明（必填）")
    ResponseEntity<CaseView> forward(@PathVariable String caseNumber, @RequestBody(required = false) @Nullable Opinion body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return Versions.acted(workbench.forward(staff(), caseNumber, version(ifMatch, body), opinion(body)));
    }

    private static @Nullable Integer version(@Nullable String ifMatch, @Nullable Opinion body) {
        return Versions.expected(ifMatch, body == null ? null : body.version());
    }

    private static @Nullable String opinion(@Nullable Opinion body) {
        return body == null ? null : body.opinion();
    }

    private static Staff staff() {
        return CurrentStaff.require();
    }
}
