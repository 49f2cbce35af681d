package org.yiwang.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.cases.CaseProcesses;
import org.yiwang.cases.CasesError;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.shared.BusinessException;

/** Per-item processes: a department or platform administrator uploads the item's BPMN; it is checked before use. */
@RestController
@Tag(name = "事项流程", description = "为事项上传 BPMN 流程（校验后部署，新办件使用）")
class ProcessAdminApi {

    private final CaseProcesses processes;

    ProcessAdminApi(CaseProcesses processes) {
        this.processes = processes;
    }

    @PostMapping(path = "/api/v1/admin/items/{code}/process",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE, "application/bpmn+xml"})
    @Operation(summary = "上传事项流程（BPMN 2.0 XML）", description = "须含用户任务 accept、review、decide、complete"
            + "（有预审的事项还须 preReview），候选组形如 REVIEWER@${departmentCode}；不允许脚本、服务任务和监听器")
    ResponseEntity<CaseProcesses.ProcessDeployment> upload(@PathVariable String code, @RequestBody byte[] bpmn) {
        return ResponseEntity.status(201).body(processes.upload(CurrentStaff.require(), code, bpmn));
    }

    @PostMapping(path = "/api/v1/admin/items/{code}/process", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传事项流程（文件）")
    ResponseEntity<CaseProcesses.ProcessDeployment> uploadFile(@PathVariable String code,
            @RequestParam("file") MultipartFile file) throws IOException {
        return upload(code, file.getBytes());
    }

    @GetMapping("/api/v1/admin/items/{code}/process")
    @Operation(summary = "事项当前使用的流程", description = "未上传时使用默认流程（404）")
    CaseProcesses.ProcessDeployment current(@PathVariable String code) {
        return processes.current(code).orElseThrow(() -> new BusinessException(CasesError.CASES_CASE_NOT_FOUND));
    }
}
