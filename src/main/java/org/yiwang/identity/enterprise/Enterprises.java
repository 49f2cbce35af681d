package org.yiwang.identity.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yiwang.identity.AccountId;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.AgentScope;
import org.yiwang.identity.IdentityError;
import org.yiwang.identity.LegalPersonRegistry;
import org.yiwang.identity.person.PersonDirectory;
import org.yiwang.shared.BusinessException;
import org.yiwang.shared.CreditCode;
import org.yiwang.shared.IdNumber;

/**
 * Enterprise accounts: claiming by the legal representative, agents' authorisations, and the check whether a person
 * may act for an enterprise right now ({@link #acting}), which every switch, session request and token issue runs.
 * Authorising an agent again replaces the agent's earlier authorisations for that enterprise.
 */
@Service
public class Enterprises {

    public record Enterprise(String creditCode, String name) {
    }

    /** An authorisation as the representative sees it. */
    public record Agent(long id, String name, String maskedIdNumber, AgentScope scope, LocalDate validFrom,
            LocalDate validUntil, Status status) {
    }

    public enum Status {
        VALID("有效"),
        NOT_YET_VALID("未生效"),
        EXPIRED("已过期"),
        REVOKED("已撤销");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(Enterprises.class);
    private static final String VALID_AGENT = "revoked_at IS NULL AND valid_from <= :today AND valid_until >= :today";

    private final JdbcClient jdbc;
    private final LegalPersonRegistry registry;
    private final PersonDirectory persons;
    private final Clock clock = Clock.systemUTC();

    Enterprises(JdbcClient jdbc, LegalPersonRegistry registry, PersonDirectory persons) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.persons = persons;
    }

    /** 认领企业: the person must be the legal representative of that credit code and name in the legal-person base. */
    @Transactional
    public Enterprise claim(AccountId person, String creditCode, String name) {
        if (!CreditCode.isValid(creditCode.strip().toUpperCase())) {
            throw new BusinessException(IdentityError.IDENTITY_CREDIT_CODE_INVALID);
        }
        String enterpriseName = name.strip();
        if (enterpriseName.isEmpty() || enterpriseName.length() > 100) {
            throw new BusinessException(IdentityError.IDENTITY_ENTERPRISE_NAME_INVALID);
        }
        CreditCode code = CreditCode.of(creditCode);
        IdNumber idNumber = persons.find(person).orElseThrow().idNumber();
        if (!registry.confirms(code, enterpriseName, idNumber)) {
            throw new BusinessException(IdentityError.IDENTITY_NOT_LEGAL_REPRESENTATIVE);
        }
        Optional<String> holder = jdbc.sql("SELECT representative FROM enterprise_account WHERE credit_code = ?")
                .param(code.value()).query(String.class).optional();
        if (holder.isPresent() && !holder.get().equals(person.value())) {
            throw new BusinessException(IdentityError.IDENTITY_ENTERPRISE_CLAIMED);
        }
        if (holder.isEmpty()) {
            jdbc.sql("INSERT INTO enterprise_account (credit_code, name, representative, claimed_at) VALUES (?,?,?,?)")
                    .params(code.value(), enterpriseName, person.value(), java.sql.Timestamp.from(clock.instant()))
                    .update();
            log.info("Enterprise {} claimed by account {}", code, person);
        }
        return new Enterprise(code.value(), enterpriseName);
    }

    /** The enterprises the person represents. */
    public List<Enterprise> represented(AccountId person) {
        return jdbc.sql("SELECT credit_code, name FROM enterprise_account WHERE representative = ? ORDER BY name")
                .param(person.value()).query(Enterprise.class).list();
    }

    /**
     * Every enterprise the person may act for now, with the scope of the authorisation valid today: those
     * represented, then those with a valid authorisation.
     */
    public List<ActingFor> actable(AccountId person) {
        return jdbc.sql("SELECT credit_code, name, 'REPRESENTATIVE' AS role, 'ALL' AS scope FROM enterprise_account "
                + "WHERE representative = :person UNION SELECT e.credit_code, e.name, 'AGENT', a.scope "
                + "FROM enterprise_agent a JOIN enterprise_account e ON e.credit_code = a.credit_code "
                + "WHERE a.agent = :person AND a." + VALID_AGENT.replace(" AND ", " AND a.")
                + " ORDER BY role DESC, name")
                .param("person", person.value()).param("today", today())
                .query((rs, n) -> new ActingFor(rs.getString(1), rs.getString(2),
                        ActingFor.Role.valueOf(rs.getString(3)), AgentScope.valueOf(rs.getString(4)))).list();
    }

    /** How the person may act for the enterprise right now (role and scope), if at all. */
    public Optional<ActingFor> acting(AccountId person, String creditCode) {
        return actable(person).stream().filter(a -> a.creditCode().equals(creditCode)).findFirst();
    }

    /** 授权经办人: the agent is a registered person found by ID number and name. */
    @Transactional
    public void authorise(AccountId representative, String creditCode, String agentIdNumber, String agentName,
            String scope, LocalDate from, LocalDate until) {
        Enterprise enterprise = own(representative, creditCode);
        String number = agentIdNumber.strip().toUpperCase();
        if (!IdNumber.isValid(number)) {
            throw new BusinessException(IdentityError.IDENTITY_ID_NUMBER_INVALID);
        }
        PersonDirectory.Entry agent = persons.findByIdNumber(IdNumber.of(number))
                .filter(p -> p.active() && p.name().equals(agentName.strip()))
                .orElseThrow(() -> new BusinessException(IdentityError.IDENTITY_AGENT_NOT_REGISTERED));
        if (agent.accountId().equals(representative)) {
            throw new BusinessException(IdentityError.IDENTITY_AGENT_IS_REPRESENTATIVE);
        }
        AgentScope granted;
        try {
            granted = AgentScope.valueOf(scope);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(IdentityError.IDENTITY_AGENT_SCOPE_INVALID);
        }
        if (from.isBefore(today()) || until.isBefore(from) || until.isAfter(from.plusYears(1))) {
            throw new BusinessException(IdentityError.IDENTITY_AGENT_VALIDITY_INVALID);
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE enterprise_agent SET revoked_at = ? WHERE credit_code = ? AND agent = ? AND revoked_at IS NULL")
                .params(java.sql.Timestamp.from(now), enterprise.creditCode(), agent.accountId().value()).update();
        jdbc.sql("INSERT INTO enterprise_agent (credit_code, agent, scope, valid_from, valid_until, granted_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(enterprise.creditCode(), agent.accountId().value(), granted.name(), from, until,
                        java.sql.Timestamp.from(now)).update();
        log.info("Enterprise {} authorised agent {} ({}) {}..{}", enterprise.creditCode(), agent.accountId(),
                granted, from, until);
    }

    /** 撤销授权, effective at once. */
    @Transactional
    public void revoke(AccountId representative, String creditCode, long authorisation) {
        Enterprise enterprise = own(representative, creditCode);
        int changed = jdbc.sql("UPDATE enterprise_agent SET revoked_at = ? WHERE id = ? AND credit_code = ? "
                + "AND revoked_at IS NULL")
                .params(java.sql.Timestamp.from(clock.instant()), authorisation, enterprise.creditCode()).update();
        if (changed == 0) {
            throw new BusinessException(IdentityError.IDENTITY_AGENT_NOT_FOUND);
        }
        log.info("Enterprise {} revoked authorisation {}", enterprise.creditCode(), authorisation);
    }

    /** The enterprise's authorisations, newest first. */
    public List<Agent> agents(AccountId representative, String creditCode) {
        Enterprise enterprise = own(representative, creditCode);
        LocalDate today = today();
        return jdbc.sql("SELECT id, agent, scope, valid_from, valid_until, revoked_at FROM enterprise_agent "
                + "WHERE credit_code = ? ORDER BY granted_at DESC, id DESC")
                .param(enterprise.creditCode())
                .query((rs, n) -> {
                    var person = persons.find(new AccountId(rs.getString("agent"))).orElseThrow();
                    LocalDate from = rs.getObject("valid_from", LocalDate.class);
                    LocalDate until = rs.getObject("valid_until", LocalDate.class);
                    Status status = rs.getTimestamp("revoked_at") != null ? Status.REVOKED
                            : until.isBefore(today) ? Status.EXPIRED
                            : from.isAfter(today) ? Status.NOT_YET_VALID : Status.VALID;
                    return new Agent(rs.getLong("id"), person.name(), person.idNumber().masked(),
                            AgentScope.valueOf(rs.getString("scope")), from, until, status);
                }).list();
    }

    /** The enterprise, if the person is its representative. */
    public Enterprise own(AccountId representative, String creditCode) {
        return represented(representative).stream().filter(e -> e.creditCode().equals(creditCode.strip()))
                .findFirst().orElseThrow(() -> new BusinessException(IdentityError.IDENTITY_ENTERPRISE_NOT_YOURS));
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }
}
