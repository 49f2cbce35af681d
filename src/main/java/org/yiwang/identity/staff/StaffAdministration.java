package org.yiwang.identity.staff;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.department.Department;
import org.yiwang.department.Departments;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.region.Region;
import org.yiwang.region.Regions;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.DivisionCode;

/**
 * 工作人员管理: staff accounts as an administrator sees and changes them. Platform administrators manage every account;
 * a department administrator sees the accounts of their own department and manages those holding only roles they
 * may grant (窗口人员, 审查人员, 审批人员; see {@link Staff#mayAdminister}). An account the actor may not see is "not
 * found", never "forbidden", so that other departments' staff cannot be probed. Nobody administers their own account
 * here. Every change is in the account's change record; disabling an account and resetting its password or TOTP
 * secret end its sessions.
 */
@Service
class StaffAdministration {

    private static final Logger log = LoggerFactory.getLogger(StaffAdministration.class);

    /** What creating an account needs; a blank region means the department's. */
    record NewStaff(String username, String displayName, String departmentCode, String regionCode,
            Collection<String> roles) {
    }

    /** A new account and its temporary password, shown once. */
    record Created(StaffAccount account, String temporaryPassword) {
    }

    private final StaffAccounts accounts;
    private final StaffChanges changes;
    private final StaffSessions sessions;
    private final Departments departments;
    private final Regions regions;

    StaffAdministration(StaffAccounts accounts, StaffChanges changes, StaffSessions sessions, Departments departments,
            Regions regions) {
        this.accounts = accounts;
        this.changes = changes;
        this.sessions = sessions;
        this.departments = departments;
        this.regions = regions;
    }

    /** The accounts the actor may see, optionally of one department. */
    List<StaffAccount> list(Staff actor, @Nullable CreditCode department) {
        requireAdministrator(actor);
        if (!actor.has(StaffRole.PLATFORM_ADMIN)) {
            return department == null || department.equals(actor.departmentCode())
                    ? accounts.list(actor.departmentCode()) : List.of();
        }
        return accounts.list(department);
    }

    /** The departments whose staff the actor may see, for the filter and the form. */
    List<Department> departments(Staff actor) {
        requireAdministrator(actor);
        return actor.has(StaffRole.PLATFORM_ADMIN) ? departments.all()
                : departments.find(actor.departmentCode()).map(List::of).orElse(List.of());
    }

    StaffAccount get(Staff actor, String username) {
        requireAdministrator(actor);
        return accounts.find(username).filter(a -> actor.maySeeStaffOf(a.departmentCode()))
                .orElseThrow(() -> new BusinessException(IdentityError.IDENTITY_STAFF_NOT_FOUND, username));
    }

    List<StaffChanges.Change> changes(Staff actor, String username) {
        return changes.of(get(actor, username).username());
    }

    @Transactional
    Created create(Staff actor, NewStaff form) {
        requireAdministrator(actor);
        String username = form.username().strip().toLowerCase(Locale.ROOT);
        if (!StaffLogin.USERNAME.matcher(username).matches()) {
            throw new BusinessException(IdentityError.IDENTITY_STAFF_USERNAME_INVALID);
        }
        String displayName = displayName(form.displayName());
        String code = form.departmentCode().strip().toUpperCase(Locale.ROOT);
        if (!CreditCode.isValid(code)) {
            throw new BusinessException(IdentityError.IDENTITY_STAFF_DEPARTMENT_UNKNOWN, code);
        }
        Department department = departments.find(CreditCode.of(code)).orElseThrow(
                () -> new BusinessException(IdentityError.IDENTITY_STAFF_DEPARTMENT_UNKNOWN, code));
        if (!actor.maySeeStaffOf(department.creditCode())) {
            throw new BusinessException(CommonError.ACCESS_DENIED);
        }
        DivisionCode region = region(form.regionCode(), department);
        Set<StaffRole> roles = grantable(actor, form.roles());
        if (accounts.exists(username)) {
            throw new BusinessException(IdentityError.IDENTITY_STAFF_USERNAME_TAKEN, username);
        }
        String temporary = StaffPasswords.temporary();
        accounts.insert(username, displayName, department.creditCode(), region, roles, temporary, true, null,
                actor.username());
        changes.record(username, actor.username(), StaffChanges.Action.CREATED, "姓名 " + displayName + "；部门 "
                + department.name() + "（" + department.creditCode().value() + "）；行政区划 " + region.value()
                + "；角色 " + labels(roles));
        log.info("Staff account {} created by {}", username, actor.username());
        return new Created(accounts.find(username).orElseThrow(), temporary);
    }

    /** Changes the name and roles; null leaves a field as it is. */
    @Transactional
    StaffAccount update(Staff actor, String username, @Nullable String displayName,
            @Nullable Collection<String> roles) {
        StaffAccount account = administrable(actor, username);
        String name = displayName == null ? account.displayName() : displayName(displayName);
        Set<StaffRole> newRoles = roles == null ? account.roles() : grantable(actor, roles);
        StringBuilder detail = new StringBuilder();
        if (!name.equals(account.displayName())) {
            detail.append("姓名 ").append(account.displayName()).append(" → ").append(name);
        }
        if (!newRoles.equals(account.roles())) {
            detail.append(detail.isEmpty() ? "" : "；").append("角色 ").append(labels(account.roles())).append(" → ")
                    .append(labels(newRoles));
        }
        if (!detail.isEmpty()) {
            accounts.updateProfile(username, name, newRoles, actor.username());
            changes.record(username, actor.username(), StaffChanges.Action.PROFILE_CHANGED, detail.toString());
        }
        return accounts.find(username).orElseThrow();
    }

    @Transactional
    StaffAccount setStatus(Staff actor, String username, StaffStatus status) {
        StaffAccount account = administrable(actor, username);
        if (account.status() != status) {
            accounts.updateStatus(username, status, actor.username());
            changes.record(username, actor.username(), status == StaffStatus.DISABLED ? StaffChanges.Action.DISABLED
                    : StaffChanges.Action.ENABLED, status == StaffStatus.DISABLED ? "停用账号" : "启用账号");
            if (status == StaffStatus.DISABLED) {
                sessions.endAll(username, null);
            }
            log.info("Staff account {} {} by {}", username, status, actor.username());
        }
        return accounts.find(username).orElseThrow();
    }

    /** Forgets the TOTP secret: the holder enrols a new one at the next login. */
    @Transactional
    StaffAccount resetTotp(Staff actor, String username) {
        administrable(actor, username);
        accounts.resetTotp(username, actor.username());
        changes.record(username, actor.username(), StaffChanges.Action.TOTP_RESET, "重置动态验证码，下次登录时重新绑定");
        sessions.endAll(username, null);
        return accounts.find(username).orElseThrow();
    }

    /** A new temporary password, shown once, to be changed at the next login. */
    @Transactional
    Created resetPassword(Staff actor, String username) {
        administrable(actor, username);
        String temporary = StaffPasswords.temporary();
        accounts.updatePassword(username, temporary, true, actor.username());
        changes.record(username, actor.username(), StaffChanges.Action.PASSWORD_RESET, "重置密码，下次登录时须修改");
        sessions.endAll(username, null);
        return new Created(accounts.find(username).orElseThrow(), temporary);
    }

    private StaffAccount administrable(Staff actor, String username) {
        StaffAccount account = get(actor, username);
        if (!actor.mayAdminister(account.staff())) {
            throw new BusinessException(IdentityError.IDENTITY_STAFF_NOT_ADMINISTRABLE, username);
        }
        return account;
    }

    private static void requireAdministrator(Staff actor) {
        if (!actor.administersStaff()) {
            throw new BusinessException(CommonError.ACCESS_DENIED);
        }
    }

    private static String displayName(String value) {
        String name = value.strip();
        if (name.isEmpty() || name.length() > 50) {
            throw new BusinessException(IdentityError.IDENTITY_STAFF_DISPLAY_NAME_INVALID);
        }
        return name;
    }

    /** The staff member's region: the department's, or a region inside it (as the region tree writes it). */
    private DivisionCode region(String value, Department department) {
        String v = value.strip();
        if (v.isEmpty()) {
            return department.regionCode();
        }
        Optional<Region> region = DivisionCode.isWellFormed(v) ? regions.lookup(DivisionCode.of(v)) : Optional.empty();
        return region.map(Region::code).filter(c -> c.isWithin(department.regionCode()))
                .orElseThrow(() -> new BusinessException(IdentityError.IDENTITY_STAFF_REGION_INVALID, v));
    }

    private static Set<StaffRole> grantable(Staff actor, Collection<String> names) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        for (String name : names) {
            try {
                roles.add(StaffRole.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new BusinessException(IdentityError.IDENTITY_STAFF_ROLES_INVALID);
            }
        }
        if (roles.isEmpty()) {
            throw new BusinessException(IdentityError.IDENTITY_STAFF_ROLES_INVALID);
        }
        for (StaffRole role : roles) {
            if (!actor.mayGrant(Set.of(role))) {
                throw new BusinessException(IdentityError.IDENTITY_STAFF_ROLE_NOT_GRANTABLE, role.label());
            }
        }
        return roles;
    }

    static String labels(Set<StaffRole> roles) {
        return roles.stream().sorted().map(StaffRole::label).collect(Collectors.joining("、"));
    }
}
