package org.yiwang.identity.staff;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yiwang.identity.CurrentStaff;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;

/**
 * Staff accounts over JSON ({@code /api/v1/admin/staff}), with the rules of the pages ({@link StaffAdministration}):
 * list (optionally of one department), one account with its change record, create (the answer carries the temporary
 * password, once), and PATCH for name, roles, status and the TOTP and password resets.
 */
@RestController
@RequestMapping("/api/v1/admin/staff")
class StaffAdminApi {

    /** An account as the API shows it. */
    public record StaffView(String username, String displayName, String departmentCode, String regionCode,
            List<StaffRole> roles, StaffStatus status, boolean mustChangePassword, boolean totpEnrolled,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

        static StaffView of(StaffAccount a) {
            return new StaffView(a.username(), a.displayName(), a.departmentCode().value(), a.regionCode().value(),
                    List.copyOf(a.roles()), a.status(), a.mustChangePassword(), a.totpEnrolled(), a.createdAt(),
                    a.createdBy(), a.updatedAt(), a.updatedBy());
        }
    }

    public record Change(Instant at, String actor, String action, String detail) {
    }

    /** One account and its change record, newest first. */
    public record StaffDetail(StaffView account, List<Change> changes) {
    }

    /** A new account, or an account after a password reset: the temporary password appears here only. */
    public record WithPassword(StaffView account, @Nullable String temporaryPassword) {
    }

    public record NewStaff(@Nullable String username, @Nullable String displayName, @Nullable String departmentCode,
            @Nullable String regionCode, @Nullable List<String> roles) {
    }

    /** What to change; absent fields stay as they are. */
    public record StaffPatch(@Nullable String displayName, @Nullable List<String> roles, @Nullable String status,
            @Nullable Boolean resetTotp, @Nullable Boolean resetPassword) {
    }

    private final StaffAdministration administration;

    StaffAdminApi(StaffAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<StaffView> list(@RequestParam(required = false) @Nullable String department) {
        CreditCode filter = null;
        if (department != null && !department.isBlank()) {
            filter = CreditCode.of(department);
        }
        return administration.list(CurrentStaff.require(), filter).stream().map(StaffView::of).toList();
    }

    @GetMapping("/{username}")
    StaffDetail get(@PathVariable String username) {
        Staff actor = CurrentStaff.require();
        return new StaffDetail(StaffView.of(administration.get(actor, username)),
                administration.changes(actor, username).stream()
                        .map(c -> new Change(c.at(), c.actor(), c.action().name(), c.detail())).toList());
    }

    @PostMapping
    ResponseEntity<WithPassword> create(@RequestBody NewStaff body) {
        StaffAdministration.Created created = administration.create(CurrentStaff.require(),
                new StaffAdministration.NewStaff(orBlank(body.username()), orBlank(body.displayName()),
                        orBlank(body.departmentCode()), orBlank(body.regionCode()),
                        body.roles() == null ? List.of() : body.roles()));
        return ResponseEntity.created(URI.create("/api/v1/admin/staff/" + created.account().username()))
                .body(new WithPassword(StaffView.of(created.account()), created.temporaryPassword()));
    }

    /** All the requested changes, or none of them. */
    @PatchMapping("/{username}")
    @Transactional
    WithPassword update(@PathVariable String username, @RequestBody StaffPatch patch) {
        Staff actor = CurrentStaff.require();
        StaffStatus status = patch.status() == null ? null : status(patch.status());
        StaffAccount account = administration.get(actor, username);
        if (patch.displayName() != null || patch.roles() != null) {
            account = administration.update(actor, username, patch.displayName(), patch.roles());
        }
        if (status != null) {
            account = administration.setStatus(actor, username, status);
        }
        if (Boolean.TRUE.equals(patch.resetTotp())) {
            account = administration.resetTotp(actor, username);
        }
        String temporary = null;
        if (Boolean.TRUE.equals(patch.resetPassword())) {
            StaffAdministration.Created reset = administration.resetPassword(actor, username);
            account = reset.account();
            temporary = reset.temporaryPassword();
        }
        return new WithPassword(StaffView.of(account), temporary);
    }

    private static StaffStatus status(String value) {
        try {
            return StaffStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(IdentityError.IDENTITY_STAFF_STATUS_INVALID, value);
        }
    }

    private static String orBlank(@Nullable String s) {
        return s == null ? "" : s;
    }
}
