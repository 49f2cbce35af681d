package org.yiwang.department;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.department.Department.DepartmentLevel;
import org.yiwang.region.Region;
import org.yiwang.region.Regions;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/** Department API: public look-up, and maintenance by platform administrators. */
@RestController
class DepartmentController {

    private static final String PLATFORM_ADMIN = "ROLE_PLATFORM_ADMIN";

    private final Departments departments;
    private final DepartmentAdministration administration;
    private final Regions regions;

    DepartmentController(Departments departments, DepartmentAdministration administration, Regions regions) {
        this.departments = departments;
        this.administration = administration;
        this.regions = regions;
    }

    /** Departments in a region (sub-regions included) and/or at a level. */
    @GetMapping("/api/v1/departments")
    List<DepartmentView> list(@RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String level) {
        DivisionCode regionCode = region == null || region.isBlank() ? null
                : administration.region(DivisionCode.of(region));
        DepartmentLevel departmentLevel = level == null || level.isBlank() ? null
                : DepartmentAdministration.level(level.strip());
        return departments.list(regionCode, departmentLevel).stream().map(this::view).toList();
    }

    @GetMapping("/api/v1/departments/{creditCode}")
    DepartmentView get(@PathVariable String creditCode) {
        return view(departments.require(CreditCode.of(creditCode)));
    }

    @PostMapping("/api/v1/admin/departments")
    ResponseEntity<DepartmentView> create(@RequestBody DepartmentForm form, Authentication auth) {
        requirePlatformAdmin(auth);
        Department d = administration.create(form);
        return ResponseEntity.created(URI.create("/api/v1/departments/" + d.creditCode().value())).body(view(d));
    }

    @PutMapping("/api/v1/admin/departments/{creditCode}")
    DepartmentView update(@PathVariable String creditCode, @RequestBody DepartmentForm form, Authentication auth) {
        requirePlatformAdmin(auth);
        return view(administration.update(CreditCode.of(creditCode), form));
    }

    private static void requirePlatformAdmin(Authentication auth) {
        if (auth.getAuthorities().stream().noneMatch(a -> PLATFORM_ADMIN.equals(a.getAuthority()))) {
            throw new BusinessException(CommonError.ACCESS_DENIED);
        }
    }

    private DepartmentView view(Department d) {
        return DepartmentView.of(d, regions.find(d.regionCode()).map(Region::name).orElse(null));
    }
}
