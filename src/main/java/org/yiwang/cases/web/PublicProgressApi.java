package org.yiwang.cases.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.cases.CaseProgress;
import org.yiwang.cases.ProgressView;

/** 办件查询: the public progress of a case by case number and query code, without login. */
@RestController
@Tag(name = "办件查询", description = "凭办件编号和查询码查询办理进度，无需登录")
class PublicProgressApi {

    private final CaseProgress progress;

    PublicProgressApi(CaseProgress progress) {
        this.progress = progress;
    }

    @GetMapping("/api/v1/case-progress")
    @Operation(summary = "办件进度查询", description = "编号或查询码错误与办件不存在的回答相同；同一地址错误次数过多时暂时拒绝（429）")
    ProgressView query(@RequestParam(required = false) @Nullable String caseNumber,
            @RequestParam(required = false) @Nullable String queryCode, HttpServletRequest request) {
        return progress.query(caseNumber, queryCode, request.getRemoteAddr());
    }
}
