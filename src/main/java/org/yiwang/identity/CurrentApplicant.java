package org.yiwang.identity;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.yiwang.identity.enterprise.Enterprises;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CommonError;

/**
 * The applicant of the current request, from either way a person reaches the platform: the portal session
 * ({@link CurrentPerson}, with the enterprise switched into) or a bearer token of this issuer ({@code sub} = account
 * id, {@code account_type} person|enterprise|agent, {@code credit_code} when acting for an enterprise). Acting for an
 * enterprise is checked against the current authorisations on every call, so a revoked agent is refused at once.
 * A client-credentials token is no applicant.
 */
@Component
public class CurrentApplicant {

    private static final Set<String> PERSON_TYPES = Set.of("person", "enterprise", "agent");

    private final PersonProfiles profiles;
    private final Enterprises enterprises;

    CurrentApplicant(PersonProfiles profiles, Enterprises enterprises) {
        this.profiles = profiles;
        this.enterprises = enterprises;
    }

    public Optional<Applicant> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt token) {
            return fromToken(token);
        }
        return CurrentPerson.find().map(p -> new Applicant(p, CurrentPerson.acting().orElse(null)));
    }

    public Applicant require() {
        return find().orElseThrow(() -> new BusinessException(CommonError.UNAUTHENTICATED));
    }

    private Optional<Applicant> fromToken(Jwt token) {
        String type = token.getClaimAsString("account_type");
        if (type == null || !PERSON_TYPES.contains(type) || token.getSubject() == null) {
            return Optional.empty();
        }
        Optional<PersonProfile> profile = profiles.profile(new AccountId(token.getSubject()))
                .filter(PersonProfile::active);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        String creditCode = token.getClaimAsString("credit_code");
        if (creditCode == null) {
            return Optional.of(new Applicant(profile.get().person(), null));
        }
        return enterprises.acting(profile.get().accountId(), creditCode)
                .filter(a -> a.role().accountType().equals(type))
                .map(a -> new Applicant(profile.get().person(), a));
    }
}
