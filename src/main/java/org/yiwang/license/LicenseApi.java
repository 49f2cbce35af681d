package org.yiwang.license;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yiwang.identity.CurrentApplicant;
import org.yiwang.shared.BusinessException;

/**
 * The licence API: the holder's wallet ({@code /api/v1/me/licenses}, bearer token of a person, acting for
 * themselves or an enterprise; another holder's licence answers 404) and the public verification
 * ({@code /api/v1/licenses/verify}, {@code /api/v1/licenses/{identifier}/status}, no login).
 */
@RestController
@Tag(name = "电子证照", description = "我的证照（持证人）与电子证照核验（公开）")
class LicenseApi {

    /** The OFD media type (GB/T 33190). */
    static final MediaType OFD = MediaType.parseMediaType("application/ofd");

    record WalletEntry(LicenseView licence, List<LicenseView.History> history) {
    }

    private final LicenseWallet wallet;
    private final LicenseTypes types;
    private final LicenseVerification verification;
    private final CurrentApplicant current;
    private final LicenseGrants grants;

    LicenseApi(LicenseWallet wallet, LicenseTypes types, LicenseVerification verification,
            CurrentApplicant current, LicenseGrants grants) {
        this.grants = grants;
        this.wallet = wallet;
        this.types = types;
        this.verification = verification;
        this.current = current;
    }

    @GetMapping("/api/v1/me/licenses")
    @Operation(summary = "我的证照", description = "持证人（本人或所代表的企业）的电子证照，每本证照的最新版本，含状态。")
    List<LicenseView> mine() {
        return wallet.list(current.require()).stream().map(l -> LicenseView.of(l, types)).toList();
    }

    @GetMapping("/api/v1/me/licenses/{identifier}")
    @Operation(summary = "证照详情与历史", description = "他人的证照与不存在的证照一样返回404。")
    WalletEntry one(@PathVariable String identifier) {
        var applicant = current.require();
        return new WalletEntry(LicenseView.of(wallet.find(applicant, identifier), types),
                LicenseView.History.of(wallet.history(applicant, identifier)));
    }

    @GetMapping("/api/v1/me/licenses/{identifier}/file")
    @Operation(summary = "下载证照文件（OFD）", description = "颁证单位签章的OFD文件；他人的证照返回404。")
    ResponseEntity<byte[]> file(@PathVariable String identifier) {
        return ofd(wallet.file(current.require(), identifier), identifier);
    }

    @PostMapping(path = "/api/v1/licenses/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "核验电子证照文件", description = "上传OFD文件（字段 file）：验证电子印章、证照标识、证照库登记和证照状态，"
            + "返回总体结论和每项检查。无需登录。")
    LicenseVerification.Report verify(@RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new BusinessException(LicenseError.LICENSE_FILE_INVALID, "文件是空的");
        }
        return verification.verifyFile(file.getBytes());
    }

    @GetMapping("/api/v1/licenses/{identifier}/status")
    @Operation(summary = "证照状态查询", description = "按电子证照标识查询状态和基本信息（持证人姓名脱敏）。无需登录。")
    LicenseView status(@PathVariable String identifier) {
        return verification.status(identifier);
    }

    @PostMapping("/api/v1/me/licenses/{identifier}/grants")
    @Operation(summary = "授权第三方使用证照", description = "用途、使用方和截止日期（最长 yiwang.licenses.max-grant）；返回只显示一次的授权码。")
    ResponseEntity<LicenseGrants.Granted> grant(@PathVariable String identifier,
            @RequestBody LicenseGrants.NewGrant body) {
        return ResponseEntity.status(201).body(grants.grant(current.require(), identifier, body));
    }

    @GetMapping("/api/v1/me/licenses/{identifier}/grants")
    @Operation(summary = "授权记录与使用记录")
    List<LicenseGrants.Grant> grants(@PathVariable String identifier) {
        return grants.list(current.require(), identifier);
    }

    @DeleteMapping("/api/v1/me/licenses/{identifier}/grants/{grantId}")
    @Operation(summary = "撤回授权")
    ResponseEntity<Void> revokeGrant(@PathVariable String identifier, @PathVariable long grantId) {
        grants.revoke(current.require(), identifier, grantId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/licenses/shared")
    @Operation(summary = "凭授权码获取证照", description = "返回加注用途和有效期水印的OFD副本，并记录使用。授权码已撤回或过期时说明原因。无需登录。")
    ResponseEntity<byte[]> shared(@RequestBody SharedRequest body, HttpServletRequest request) {
        LicenseGrants.Copy copy = grants.use(body.code(), request.getHeader(HttpHeaders.USER_AGENT),
                request.getRemoteAddr());
        return ofd(copy.file(), copy.identifier());
    }

    record SharedRequest(@Nullable String code) {
    }

    static ResponseEntity<byte[]> ofd(byte[] file, String identifier) {
        return ResponseEntity.ok().contentType(OFD)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(identifier + ".ofd").build().toString())
                .body(file);
    }
}
