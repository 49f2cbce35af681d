package org.yiwang.license;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.identity.CurrentStaff;

/**
 * Direct issuance (直接颁发) through the staff API ({@code /api/v1/staff/licenses}, bearer token of a staff member of
 * the issuing department with a role that issues): the same rules as the console's form.
 */
@RestController
@Tag(name = "电子证照")
class LicenseStaffApi {

    /** The licence to issue: type, holder, the type's fields by key and, for a type without a rule, its end. */
    record NewLicence(String typeCode, @Nullable String holderName, @Nullable String holderCode,
            @Nullable Map<String, String> fields, @Nullable LocalDate validUntil) {
    }

    private final LicenseIssuance issuance;
    private final LicenseTypes types;

    LicenseStaffApi(LicenseIssuance issuance, LicenseTypes types) {
        this.issuance = issuance;
        this.types = types;
    }

    @PostMapping("/api/v1/staff/licenses")
    @Operation(summary = "直接颁发电子证照", description = "颁证单位的审查人员、审批人员或部门管理员颁发：生成OFD并加盖电子证照专用章，"
            + "返回证照（201）。")
    ResponseEntity<LicenseView> issue(@RequestBody NewLicence body) {
        LicenseType type = types.require(body.typeCode());
        IssuedLicense issued = issuance.issue(CurrentStaff.require(), new LicenseIssuance.Issue(body.typeCode(),
                new LicenseIssuance.Holder(type.holderKind(), body.holderName(), body.holderCode()),
                body.fields() == null ? Map.of() : body.fields(), body.validUntil()));
        return ResponseEntity.status(201).body(LicenseView.of(issued, types));
    }
}
