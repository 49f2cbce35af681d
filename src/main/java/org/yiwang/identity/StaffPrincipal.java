package org.yiwang.identity;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's view of a {@link Staff} account. An authentication holding a {@code StaffPrincipal} in the
 * session's default security context is a fully logged-in staff member: the staff login puts it there only after
 * both factors (password and one-time code), never halfway. Staff never authenticate by password alone, so the
 * principals handed out carry no password ({@code passwordHash} is null).
 */
public record StaffPrincipal(Staff staff, @Nullable String passwordHash) implements UserDetails, Serializable {

    public StaffPrincipal(Staff staff) {
        this(staff, null);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> list = new java.util.ArrayList<>();
        staff.roles().forEach(r -> list.add(new SimpleGrantedAuthority(r.authority())));
        return list;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return staff.username();
    }
}
